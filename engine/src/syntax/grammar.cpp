// The grammar of the rule language (Boost.Spirit X3). This is the only translation
// unit that instantiates it; everything else calls parse_file / parse_expression.

#include "keywords.hpp"
#include "tokens.hpp"

#include <planrules/syntax/parser.hpp>

#include <algorithm>
#include <array>

namespace planrules::syntax {
namespace x3 = boost::spirit::x3;
namespace detail {

using boost::fusion::at_c;
using x3::_attr;
using x3::_val;

bool reserved(std::string_view word) noexcept {
    // Besides the operators and declaration words, the words that start a clause after an
    // expression are reserved, so that a missing expression is reported at the clause word
    // (`require` followed by `message …`) instead of the clause word being read as a name.
    // Field names after '.' may still be any word.
    return keywords::reserved(word);
}

// ---------------------------------------------------------------- primitives

const name_parser<NameKind::identifier> identifier{};
const name_parser<NameKind::field> field_name{};
const name_parser<NameKind::dotted> dotted_name{};
const name_parser<NameKind::rule_id> rule_id{};
const string_parser string_literal{};
const date_parser date_literal{};
const number_parser number_literal{};
const json_block_parser json_block{};
const operator_mistake_parser operator_mistakes{};
const prefix_mistake_parser prefix_mistakes{};

const word_table_parser<ast::Severity> severity_word{
    {}, {{"error", ast::Severity::error}, {"warning", ast::Severity::warning}, {"info", ast::Severity::info}}};
const word_table_parser<ast::AggregateKind> aggregate_word{{},
                                                           {{"count", ast::AggregateKind::count},
                                                            {"all", ast::AggregateKind::all},
                                                            {"any", ast::AggregateKind::any},
                                                            {"sum", ast::AggregateKind::sum},
                                                            {"min", ast::AggregateKind::min},
                                                            {"max", ast::AggregateKind::max}}};
const word_table_parser<ast::MissingPolicy> missing_word{
    {}, {{"pass", ast::MissingPolicy::pass}, {"fail", ast::MissingPolicy::fail}, {"skip", ast::MissingPolicy::skip}}};
const word_table_parser<ast::Outcome> outcome_word{{},
                                                   {{"violated", ast::Outcome::violated},
                                                    {"indeterminate", ast::Outcome::indeterminate},
                                                    {"invalid_input", ast::Outcome::invalid_input}}};
const word_table_parser<bool> bool_word{{}, {{"true", true}, {"false", false}}};
// A word that starts a declaration (keywords.hpp).
const word_table_parser<int> declaration_word{{}, [] {
    std::vector<std::pair<std::string_view, int>> words;
    for (const auto& k : keywords::table)
        if (k.declaration) words.emplace_back(k.word, static_cast<int>(words.size()));
    return words;
}()};

struct compare_ops_ : x3::symbols<ast::Op> {
    compare_ops_() {
        add("==", ast::Op::eq)("!=", ast::Op::ne)("<=", ast::Op::le)(">=", ast::Op::ge)("<", ast::Op::lt)(">", ast::Op::gt);
    }
} const compare_ops;
struct additive_ops_ : x3::symbols<ast::Op> {
    additive_ops_() { add("+", ast::Op::add)("-", ast::Op::sub); }
} const additive_ops;
struct multiplicative_ops_ : x3::symbols<ast::Op> {
    multiplicative_ops_() { add("*", ast::Op::mul)("/", ast::Op::div)("%", ast::Op::mod); }
} const multiplicative_ops;

// ---------------------------------------------------------------- rules

#define PLANRULES_RULE(name, attr, what) \
    const x3::rule<class name##_class, attr> name = what
PLANRULES_RULE(expression, ast::Expr, "an expression");
PLANRULES_RULE(or_expr, ast::Expr, "an expression");
PLANRULES_RULE(and_expr, ast::Expr, "an expression");
PLANRULES_RULE(not_expr, ast::Expr, "an expression");
PLANRULES_RULE(comparison, ast::Expr, "an expression");
PLANRULES_RULE(additive, ast::Expr, "an expression");
PLANRULES_RULE(multiplicative, ast::Expr, "an expression");
PLANRULES_RULE(unary, ast::Expr, "an expression");
PLANRULES_RULE(postfix, ast::Expr, "an expression");
PLANRULES_RULE(primary, ast::Expr, "an expression");
PLANRULES_RULE(parenthesized, ast::Expr, "an expression");
PLANRULES_RULE(list_literal, ast::Expr, "a list");
PLANRULES_RULE(conditional, ast::Expr, "an if-expression");
PLANRULES_RULE(exists_expr, ast::Expr, "an exists-expression");
PLANRULES_RULE(aggregate, ast::Expr, "an aggregate");
PLANRULES_RULE(aggregate_body, ast::Expr, "NAME in LIST [where CONDITION], or an expression");
PLANRULES_RULE(call, ast::Expr, "a function call");
PLANRULES_RULE(simple_literal, ast::Expr, "a literal");
PLANRULES_RULE(name_expr, ast::Expr, "a name");
PLANRULES_RULE(field_access, ast::Name, "a field name");

PLANRULES_RULE(type_ref, ast::TypeRef,
               "a type (int, decimal, string, string of CODES, bool, date, list<T> or a declared type)");
PLANRULES_RULE(type_args, std::vector<ast::TypeRef>, "a type");
PLANRULES_RULE(field_decl, ast::FieldDecl, "a field declaration (name: type)");
PLANRULES_RULE(record_decl, ast::RecordDecl, "a type declaration");
PLANRULES_RULE(enum_decl, ast::EnumDecl, "an enum declaration");
PLANRULES_RULE(codes_decl, ast::CodesDecl, "a code list (codes NAME { code \"label\" [sensitive], … })");
PLANRULES_RULE(code_decl, ast::CodeDecl, "a code (code \"label\" [sensitive])");
PLANRULES_RULE(root_decl, ast::RootDecl, "a root declaration");
PLANRULES_RULE(define_decl, ast::DefineDecl, "a define");
PLANRULES_RULE(param, ast::Param, "a parameter (name: type)");
PLANRULES_RULE(ruleset_decl, ast::RulesetDecl, "a rule set header");
PLANRULES_RULE(rule_decl, ast::RuleDecl, "a rule");
PLANRULES_RULE(for_each_clause, ast::ForEach, "'for each NAME in LIST'");
PLANRULES_RULE(override_decl, ast::OverrideDecl, "an override");
PLANRULES_RULE(test_decl, ast::TestDecl, "a test");
PLANRULES_RULE(figure_decl, ast::FigureDecl, "a key figure");
PLANRULES_RULE(group_decl, ast::GroupDecl, "a grouping (group by plan.FIELD)");
PLANRULES_RULE(expectation, ast::Expectation, "an expectation");
PLANRULES_RULE(declaration, x3::unused_type, "a declaration (ruleset, type, enum, codes, root, define, rule, override or test)");

PLANRULES_RULE(severity_value, ast::Severity, "a severity (error, warning or info)");
PLANRULES_RULE(missing_value, ast::MissingPolicy, "'pass', 'fail' or 'skip'");
PLANRULES_RULE(outcome_value, ast::Outcome, "an outcome (violated, indeterminate or invalid_input)");
PLANRULES_RULE(date_value, ast::Expr, "a date (YYYY-MM-DD)");
PLANRULES_RULE(title_string, ast::StringLiteral, "a title in quotes");
PLANRULES_RULE(string_value, ast::StringLiteral, "a string in quotes");
PLANRULES_RULE(message_value, ast::StringLiteral, "a message in quotes");
PLANRULES_RULE(rule_id_value, ast::Name, "a rule id (e.g. R-1.2)");
PLANRULES_RULE(rule_id_list, std::vector<ast::Name>, "a rule id (e.g. R-1.2)");
PLANRULES_RULE(tag_list, std::vector<ast::Name>, "a tag name");
PLANRULES_RULE(ruleset_list, std::vector<ast::Name>, "a rule set name (e.g. national.law)");
PLANRULES_RULE(expect_body, ast::Expectation, "a rule id, 'no RULE', 'only RULE, …' or 'nothing'");
PLANRULES_RULE(rule_end, x3::unused_type,
               "a rule clause (severity, mandatory, sensitive, in force, source, tags, when, for each, require, "
               "if missing, at, due, message) or the next declaration");
PLANRULES_RULE(ruleset_end, x3::unused_type,
               "a rule set clause (authority, schema, extends, applies when) or the next declaration");
PLANRULES_RULE(override_end, x3::unused_type,
               "an override clause (severity, disabled, message) or the next declaration");
PLANRULES_RULE(figure_end, x3::unused_type,
               "a key figure clause (label, from, denominator, numerator) or the next declaration");
PLANRULES_RULE(test_end, x3::unused_type,
               "a test clause (as of, plan, audience, expect) or the next declaration");
PLANRULES_RULE(test_plan, ast::TestDecl, "a plan file name in quotes or an inline JSON object");
#undef PLANRULES_RULE

// ---------------------------------------------------------------- actions

const auto assign = [](auto& ctx) { _val(ctx) = std::move(_attr(ctx)); };

// Recomputes e.height from its children (whose heights are final) and enforces the
// limit, so that no later recursive walk over the tree can exhaust the stack.
inline void finish_height(ParseState& st, ast::Expr& e) {
    std::uint32_t h = 0;
    for (auto const& c : e.children) h = std::max(h, c.height);
    e.height = h + 1;
    if (e.height > st.limits->max_expression_height) {
        Iterator at = st.begin + e.span.begin;
        throw SyntaxError{at, at + 1, "expression-too-long",
                          fmt::format("expression is more than {} operators deep", st.limits->max_expression_height),
                          "split it into smaller parts with 'define'"};
    }
}

inline ast::Expr make_binary(ast::Op op, ast::Expr lhs, ast::Expr rhs) {
    ast::Expr e;
    e.kind = ast::ExprKind::binary;
    e.op = op;
    e.span = {lhs.span.begin, rhs.span.end};
    e.children.reserve(2);
    e.children.push_back(std::move(lhs));
    e.children.push_back(std::move(rhs));
    return e;
}

// `lhs OP rhs` with a fixed operator: the attribute is the right operand.
const auto fold_with = [](ast::Op op) {
    return [op](auto& ctx) {
        _val(ctx) = make_binary(op, std::move(_val(ctx)), std::move(_attr(ctx)));
        finish_height(state_of(ctx), _val(ctx));
    };
};
// `lhs OP rhs` where the operator comes from a symbol table: attribute is (op, rhs).
const auto fold_symbol = [](auto& ctx) {
    auto& a = _attr(ctx);
    _val(ctx) = make_binary(at_c<0>(a), std::move(_val(ctx)), std::move(at_c<1>(a)));
    finish_height(state_of(ctx), _val(ctx));
};

const auto make_unary = [](ast::Op op) {
    return [op](auto& ctx) {
        ast::Expr e;
        e.kind = ast::ExprKind::unary;
        e.op = op;
        e.span = where_span(ctx);
        e.children.push_back(std::move(_attr(ctx)));
        finish_height(state_of(ctx), e);
        _val(ctx) = std::move(e);
    };
};

const auto make_member = [](auto& ctx) {
    ast::Expr e;
    e.kind = ast::ExprKind::member;
    e.name = std::move(_attr(ctx));
    e.span = {_val(ctx).span.begin, e.name.span.end};
    finish_height(state_of(ctx), _val(ctx));
    e.children.push_back(std::move(_val(ctx)));
    finish_height(state_of(ctx), e);
    _val(ctx) = std::move(e);
};

const auto set_kind = [](ast::ExprKind k) { return [k](auto& ctx) { _val(ctx).kind = k; }; };
const auto push_child = [](auto& ctx) { _val(ctx).children.push_back(std::move(_attr(ctx))); };
const auto push_where = [](auto& ctx) {
    _val(ctx).children.push_back(std::move(_attr(ctx)));
    _val(ctx).has_where = true;
};
const auto set_binder = [](auto& ctx) { _val(ctx).name = std::move(_attr(ctx)); };
const auto set_span = [](auto& ctx) { _val(ctx).span = where_span(ctx); };

// `sum(r.n for r in xs where c)` is parsed projection-first; store it as
// [source, where?, projection] like the other aggregate forms.
const auto finish_projection = [](auto& ctx) {
    auto& e = _val(ctx);
    e.name = std::move(_attr(ctx));
    e.has_projection = true;
};

// ---------------------------------------------------------------- expression grammar

const auto assign_expression = [](auto& ctx) {
    _val(ctx) = std::move(_attr(ctx));
    finish_height(state_of(ctx), _val(ctx));
};
const auto expression_def = depth_guard[or_expr][assign_expression] >> operator_mistakes;
const auto or_expr_def = and_expr[assign] >> *((kw("or") > and_expr)[fold_with(ast::Op::op_or)]);
const auto and_expr_def = not_expr[assign] >> *((kw("and") > not_expr)[fold_with(ast::Op::op_and)]);
const auto not_expr_def = spanned[kw("not") > depth_guard[not_expr]][make_unary(ast::Op::op_not)] | comparison[assign];
const auto comparison_def =
    additive[assign] >>
    -((!x3::lit("<>") >> compare_ops > additive)[fold_symbol] | (kw("not") >> kw("in") > additive)[fold_with(ast::Op::not_in)] |
      (kw("in") >> !kw("force") > additive)[fold_with(ast::Op::in)]);
const auto additive_def = multiplicative[assign] >> *((additive_ops > multiplicative)[fold_symbol]);
const auto multiplicative_def = unary[assign] >> *((multiplicative_ops > unary)[fold_symbol]);
const auto unary_def = spanned[sym("-") > depth_guard[unary]][make_unary(ast::Op::neg)] | postfix[assign];
const auto field_access_def = field_name;
const auto postfix_def = primary[assign] >> *((sym(".") > field_access)[make_member]);

const auto assign_nothing = [](auto&) {};
const auto primary_def = parenthesized[assign] | list_literal[assign] | conditional[assign] | exists_expr[assign] |
                         date_literal[assign] | number_literal[assign] |
                         simple_literal[assign] | aggregate[assign] | call[assign] | name_expr[assign] |
                         prefix_mistakes >> x3::eps[assign_nothing];

const auto parenthesized_def = spanned[sym("(") > expression[assign] > sym(")")][set_span];
const auto list_literal_def =
    omit_spanned[sym("[") > -(expression[push_child] % sym(",")) > -sym(",") > sym("]")][set_span] >> x3::eps[set_kind(ast::ExprKind::list)];
const auto conditional_def = omit_spanned[kw("if") > expression[push_child] > kw("then") > expression[push_child] > kw("else") >
                              expression[push_child]][set_span] >>
                             x3::eps[set_kind(ast::ExprKind::conditional)];
const auto exists_expr_def = omit_spanned[kw("exists") > identifier[set_binder] > kw("in") > expression[push_child] >
                              -((kw("where") > expression)[push_where])][set_span] >>
                             x3::eps[set_kind(ast::ExprKind::exists)];

const auto set_aggregate = [](auto& ctx) {
    _val(ctx).kind = ast::ExprKind::aggregate;
    _val(ctx).aggregate = _attr(ctx);
};
const auto aggregate_binder_form = (identifier >> kw("in") >> !kw("force"))[set_binder] > expression[push_child] >
                                   -((kw("where") > expression)[push_where]);
// sum(r.n for r in xs where c): parsed as projection, binder, source, where; stored
// as [source, where?, projection].
const auto rotate_projection = [](auto& ctx) {
    auto& ch = _val(ctx).children;
    std::rotate(ch.begin(), ch.begin() + 1, ch.end());
};
const auto aggregate_plain_form =
    expression[push_child] >>
    -(omit_spanned[(kw("for") > identifier[finish_projection] > kw("in") > expression[push_child] >
        -((kw("where") > expression)[push_where]))][rotate_projection] |
      *((sym(",") > expression)[push_child]));
const auto aggregate_body_def = aggregate_binder_form | aggregate_plain_form;
const auto merge_aggregate = [](auto& ctx) {
    auto& into = _val(ctx);
    auto& from = _attr(ctx);
    into.name = std::move(from.name);
    into.children = std::move(from.children);
    into.has_where = from.has_where;
    into.has_projection = from.has_projection;
};
const auto aggregate_def = omit_spanned[(aggregate_word >> &sym("("))[set_aggregate] > sym("(") > aggregate_body[merge_aggregate] >
                            sym(")")][set_span];

const auto set_call_name = [](auto& ctx) {
    _val(ctx).kind = ast::ExprKind::call;
    _val(ctx).name = std::move(_attr(ctx));
};
const auto call_def =
    omit_spanned[(identifier >> &sym("("))[set_call_name] > sym("(") > -(expression[push_child] % sym(",")) > sym(")")][set_span];

const auto make_name = [](auto& ctx) {
    ast::Expr e;
    e.kind = ast::ExprKind::name;
    e.span = _attr(ctx).span;
    e.text = _attr(ctx).text;
    e.name = std::move(_attr(ctx));
    _val(ctx) = std::move(e);
};
const auto name_expr_def = identifier[make_name];

// A string that is not a message may not contain `{…}`: reports the first one.
inline void check_plain_string(ParseState& st, ast::StringLiteral& lit) {
    if (lit.value.find('\x01') == std::string::npos) return;
    Iterator p = st.begin + lit.span.begin + 1;
    Iterator end = st.begin + lit.span.end;
    while (p < end && *p != '{') p += (*p == '\\') ? 2 : 1;
    Iterator q = p;
    int depth = 0;
    while (q < end) {
        if (*q == '{') ++depth;
        else if (*q == '}' && --depth == 0) { ++q; break; }
        ++q;
    }
    SourceSpan where = p < end ? st.span(p, std::min(q, end)) : lit.span;
    st.report("interpolation-outside-message", where, "'{…}' interpolation is only allowed in messages",
              "write \\{ and \\} for literal braces");
    for (char& c : lit.value)
        if (c == '\x01') c = '?';
}

const auto make_string = [](auto& ctx) {
    auto& st = state_of(ctx);
    auto& lit = _attr(ctx);
    check_plain_string(st, lit);
    ast::Expr e;
    e.kind = ast::ExprKind::string;
    e.span = lit.span;
    e.text = std::move(lit.value);
    _val(ctx) = std::move(e);
};
const auto make_bool = [](auto& ctx) {
    ast::Expr e;
    e.kind = ast::ExprKind::boolean;
    e.boolean = _attr(ctx);
    e.span = where_span(ctx);
    _val(ctx) = std::move(e);
};
const auto make_today = [](auto& ctx) {
    ast::Expr e;
    e.kind = ast::ExprKind::today;
    e.span = where_span(ctx);
    _val(ctx) = std::move(e);
};
const auto simple_literal_def = string_literal[make_string] | spanned[bool_word][make_bool] | spanned[kw("today")][make_today];

// ---------------------------------------------------------------- messages

// Parses one `{expr}` of a message: the expression spans [b, e) of the file.
// `trailing` names what should follow the expression ("'}' to end the interpolation").
std::optional<ast::Expr> parse_embedded(ParseState& st, Iterator b, Iterator e, std::string_view trailing,
                                        std::string_view end_name);

// Splits a message literal into text and `{expr}` segments, re-reading its raw text.
inline ast::StringTemplate build_template(ParseState& st, const ast::StringLiteral& lit) {
    ast::StringTemplate t;
    t.span = lit.span;
    Iterator p = st.begin + lit.span.begin + 1;
    Iterator end = st.begin + lit.span.end - 1;
    std::string text;
    auto flush = [&] {
        if (!text.empty()) {
            t.segments.push_back(ast::TemplateSegment{false, std::move(text), {}});
            text.clear();
        }
    };
    while (p < end) {
        if (*p == '\\' && p + 1 < end) {
            switch (p[1]) {
                case 'n': text += '\n'; break;
                case 't': text += '\t'; break;
                default: text += p[1];
            }
            p += 2;
            continue;
        }
        if (*p == '{') {
            // find the matching brace, skipping nested strings
            Iterator q = p + 1;
            int depth = 1;
            bool in_string = false;
            for (; q < end; ++q) {
                if (*q == '\\') { ++q; continue; }
                if (in_string) { if (*q == '"') in_string = false; continue; }
                if (*q == '"') in_string = true;
                else if (*q == '{') ++depth;
                else if (*q == '}' && --depth == 0) break;
            }
            flush();
            if (skip_blanks(p + 1, q) == q) {
                st.report("empty-interpolation", st.span(p, q + 1), "empty '{}' in message",
                          "put an expression between the braces, e.g. {a.id}, or write \\{ for a literal brace");
            } else if (auto ex = parse_embedded(st, p + 1, q, "'}' to end the interpolation",
                                                "the end of the interpolation")) {
                ast::TemplateSegment seg;
                seg.is_expr = true;
                seg.expr = std::move(*ex);
                t.segments.push_back(std::move(seg));
            }
            p = q + 1;
            continue;
        }
        if (*p == '}') {
            st.report("unmatched-brace", st.span(p, p + 1), "'}' without a matching '{' in message",
                      "write \\} for a literal brace");
        }
        text += *p++;
    }
    flush();
    return t;
}

// ---------------------------------------------------------------- schema grammar

const auto set_type_name = [](auto& ctx) {
    _val(ctx).name = _attr(ctx).text;
    _val(ctx).span = _attr(ctx).span;
};
const auto set_type_args = [](auto& ctx) { _val(ctx).args = std::move(_attr(ctx)); };
const auto set_optional = [](auto& ctx) {
    _val(ctx).optional = true;
    _val(ctx).span.end = where_span(ctx).end;
};
const auto close_type_args = [](auto& ctx) {
    _val(ctx).span.end = where_span(ctx).end;
};
const auto set_type_codes = [](auto& ctx) {
    _val(ctx).codes = std::move(_attr(ctx));
    _val(ctx).span.end = _val(ctx).codes.span.end;
};
const auto type_ref_def = field_name[set_type_name] >>
                          -(omit_spanned[sym("<") > type_args[set_type_args] > sym(">")][close_type_args]) >>
                          -(kw("of") > identifier[set_type_codes]) >> -(spanned[sym("?")][set_optional]);

const auto type_args_def = depth_guard[type_ref] % sym(",");
const auto set_name = [](auto& ctx) { _val(ctx).name = std::move(_attr(ctx)); };
const auto set_type = [](auto& ctx) { _val(ctx).type = std::move(_attr(ctx)); };
const auto set_sensitive = [](auto& ctx) { _val(ctx).sensitive = true; };
const auto set_sensitive_value = [](auto& ctx) {
    _val(ctx).sensitive = false;
    _val(ctx).sensitive_value = true;
};
const auto field_decl_def =
    omit_spanned[field_name[set_name] > sym(":") > depth_guard[type_ref][set_type] >
                 -(kw("sensitive")[set_sensitive] >> -((kw("value") >> !sym(":"))[set_sensitive_value]))][set_span];
const auto push_field = [](auto& ctx) { _val(ctx).fields.push_back(std::move(_attr(ctx))); };
const auto record_decl_def = omit_spanned[kw("type") > identifier[set_name] > sym("{") >
                              *(field_decl[push_field] >> -sym(",")) > sym("}")][set_span];
const auto push_value = [](auto& ctx) { _val(ctx).values.push_back(std::move(_attr(ctx))); };
const auto enum_decl_def =
    omit_spanned[kw("enum") > identifier[set_name] > sym("{") > *(field_name[push_value] >> -sym(",")) > sym("}")][set_span];
const auto set_label = [](auto& ctx) { _val(ctx).label = std::move(_attr(ctx)); };
const auto push_code = [](auto& ctx) { _val(ctx).codes.push_back(std::move(_attr(ctx))); };
const auto code_decl_def =
    omit_spanned[field_name[set_name] >> -string_value[set_label] >> -kw("sensitive")[set_sensitive]][set_span];
const auto codes_decl_def =
    omit_spanned[kw("codes") > identifier[set_name] > sym("{") > *(code_decl[push_code] >> -sym(",")) > sym("}")][set_span];
const auto root_decl_def = omit_spanned[kw("root") > identifier[set_name] > sym(":") > depth_guard[type_ref][set_type]][set_span];

// ---------------------------------------------------------------- declarations

const auto push_param = [](auto& ctx) { _val(ctx).params.push_back(std::move(_attr(ctx))); };
const auto set_has_params = [](auto& ctx) { _val(ctx).has_params = true; };
const auto set_body = [](auto& ctx) { _val(ctx).body = std::move(_attr(ctx)); };
const auto param_def = identifier[set_name] > sym(":") > depth_guard[type_ref][set_type];
const auto define_decl_def =
    omit_spanned[kw("define") > identifier[set_name] >
     -(omit_spanned[sym("(") > -(param[push_param] % sym(",")) > sym(")")][set_has_params]) > sym("=", "=") >
     expression[set_body]][set_span];

const auto at_declaration_end = &(declaration_word | x3::eoi);
const auto rule_end_def = at_declaration_end;
const auto ruleset_end_def = at_declaration_end;
const auto override_end_def = at_declaration_end;
const auto test_end_def = at_declaration_end;
const auto figure_end_def = at_declaration_end;

const auto severity_value_def = severity_word;
const auto missing_value_def = missing_word;
const auto outcome_value_def = outcome_word;
const auto date_value_def = date_literal;
const auto plain_string = [](auto& ctx) {
    check_plain_string(state_of(ctx), _attr(ctx));
    _val(ctx) = std::move(_attr(ctx));
};
const auto title_string_def = string_literal[plain_string];
const auto string_value_def = string_literal[plain_string];
const auto message_value_def = string_literal;
const auto rule_id_value_def = rule_id;
const auto rule_id_list_def = rule_id % sym(",");
const auto tag_list_def = field_name % sym(",");
const auto ruleset_list_def = dotted_name % sym(",");

// Ruleset header
const auto set_title = [](auto& ctx) { _val(ctx).title = std::move(_attr(ctx)); };
const auto duplicate = [](auto& ctx, const char* clause) {
    state_of(ctx).report("duplicate-clause", where_span(ctx), fmt::format("'{}' is given twice", clause),
                         "remove one of them");
};
template <typename Member>
auto set_once(Member member, const char* clause) {
    return [member, clause](auto& ctx) {
        auto& field = _val(ctx).*member;
        if (field) duplicate(ctx, clause);
        field = std::move(_attr(ctx));
    };
}
const auto push_extends = [](auto& ctx) {
    for (auto& n : _attr(ctx)) _val(ctx).extends.push_back(std::move(n));
};
const auto ruleset_clause =
    spanned[kw("authority") > string_value][set_once(&ast::RulesetDecl::authority, "authority")] |
    spanned[kw("schema") > string_value][set_once(&ast::RulesetDecl::schema, "schema")] |
    (kw("extends") > ruleset_list)[push_extends] |
    spanned[kw("applies") > kw("when") > expression][set_once(&ast::RulesetDecl::applies_when, "applies when")];
const auto ruleset_decl_def =
    omit_spanned[kw("ruleset") > dotted_name[set_name] > title_string[set_title] > *ruleset_clause > ruleset_end][set_span];

// Rule clauses
const auto set_id = [](auto& ctx) { _val(ctx).id = std::move(_attr(ctx)); };
const auto set_severity = [](auto& ctx) {
    auto& r = _val(ctx);
    if (r.severity) duplicate(ctx, "severity");
    r.severity = _attr(ctx);
    r.severity_span = where_span(ctx);
};
const auto set_mandatory = [](auto& ctx) {
    auto& r = _val(ctx);
    if (r.mandatory) duplicate(ctx, "mandatory");
    r.mandatory = true;
    r.mandatory_span = where_span(ctx);
};
const auto set_rule_sensitive = [](auto& ctx) {
    if (_val(ctx).sensitive) duplicate(ctx, "sensitive");
    _val(ctx).sensitive = true;
};
const auto to_date_clause = [](ast::Expr&& e) { return ast::DateClause{e.date, e.span}; };
const auto set_in_force = [](auto& ctx) {
    auto& r = _val(ctx);
    if (r.in_force_from || r.in_force_until) duplicate(ctx, "in force");
    auto& a = _attr(ctx);  // (optional from, optional until)
    r.in_force_span = where_span(ctx);
    if (at_c<0>(a)) r.in_force_from = to_date_clause(std::move(*at_c<0>(a)));
    if (at_c<1>(a)) r.in_force_until = to_date_clause(std::move(*at_c<1>(a)));
    if (!r.in_force_from && !r.in_force_until)
        state_of(ctx).report("empty-in-force", r.in_force_span, "'in force' needs 'from DATE', 'until DATE' or both",
                             "e.g. in force from 2022-12-01");
};
const auto push_tags = [](auto& ctx) {
    for (auto& n : _attr(ctx)) _val(ctx).tags.push_back(std::move(n));
};
const auto push_for_each = [](auto& ctx) { _val(ctx).for_each.push_back(std::move(_attr(ctx))); };
const auto set_if_missing = [](auto& ctx) {
    auto& r = _val(ctx);
    if (r.if_missing) duplicate(ctx, "if missing");
    r.if_missing = _attr(ctx);
    r.if_missing_span = where_span(ctx);
};
const auto set_message = [](auto& ctx) {
    auto& r = _val(ctx);
    if (r.message) duplicate(ctx, "message");
    r.message = build_template(state_of(ctx), _attr(ctx));
};
const auto set_collection = [](auto& ctx) { _val(ctx).collection = std::move(_attr(ctx)); };
const auto set_where = [](auto& ctx) { _val(ctx).where = std::move(_attr(ctx)); };
const auto set_variable = [](auto& ctx) { _val(ctx).variable = std::move(_attr(ctx)); };
const auto for_each_clause_def = omit_spanned[kw("for") > kw("each") > identifier[set_variable] > kw("in") >
                                  expression[set_collection] > -(kw("where") > expression[set_where])][set_span];

const auto rule_clause =
    spanned[kw("severity") > severity_value][set_severity] | spanned[kw("mandatory")][set_mandatory] |
    spanned[kw("sensitive")][set_rule_sensitive] |
    spanned[kw("in") >> kw("force") > -(kw("from") > date_value) > -(kw("until") > date_value)][set_in_force] |
    spanned[kw("source") > string_value][set_once(&ast::RuleDecl::source, "source")] |
    (kw("tags") > tag_list)[push_tags] |
    spanned[kw("when") > expression][set_once(&ast::RuleDecl::when, "when")] | for_each_clause[push_for_each] |
    spanned[kw("require") > expression][set_once(&ast::RuleDecl::require, "require")] |
    spanned[kw("if") > kw("missing") > missing_value][set_if_missing] |
    spanned[kw("at") > expression][set_once(&ast::RuleDecl::at, "at")] |
    spanned[kw("due") > expression][set_once(&ast::RuleDecl::due, "due")] | spanned[kw("message") > message_value][set_message];

const auto rule_decl_def =
    omit_spanned[kw("rule") > rule_id_value[set_id] > title_string[set_title] > *rule_clause > rule_end][set_span];

// Overrides
const auto set_target = [](auto& ctx) { _val(ctx).target = std::move(_attr(ctx)); };
const auto set_disabled = [](auto& ctx) {
    auto& o = _val(ctx);
    if (o.disabled) duplicate(ctx, "disabled");
    o.disabled = true;
    o.disabled_span = where_span(ctx);
};
const auto override_clause = spanned[kw("severity") > severity_value][set_severity] |
                             spanned[kw("disabled") | kw("disable")][set_disabled] |
                             spanned[kw("message") > message_value][set_message];
const auto override_decl_def =
    omit_spanned[kw("override") > rule_id_value[set_target] > *override_clause > override_end][set_span];

// Tests
const auto set_as_of = [](auto& ctx) {
    auto& t = _val(ctx);
    if (t.as_of) duplicate(ctx, "as of");
    t.as_of = to_date_clause(std::move(_attr(ctx)));
};
const auto set_plan_path = [](auto& ctx) { _val(ctx).plan_path = std::move(_attr(ctx)); };
const auto set_plan_inline = [](auto& ctx) { _val(ctx).plan_inline = _attr(ctx); };
const auto merge_plan = [](auto& ctx) {
    auto& t = _val(ctx);
    if (t.plan_path || t.plan_inline) duplicate(ctx, "plan");
    t.plan_path = std::move(_attr(ctx).plan_path);
    t.plan_inline = _attr(ctx).plan_inline;
};
const auto set_test_audience = [](auto& ctx) {
    auto& t = _val(ctx);
    if (t.audience) duplicate(ctx, "audience");
    t.audience = std::move(_attr(ctx));
};
const auto push_expectation = [](auto& ctx) { _val(ctx).expectations.push_back(std::move(_attr(ctx))); };
const auto set_expect_kind = [](ast::Expectation::Kind k) { return [k](auto& ctx) { _val(ctx).kind = k; }; };
const auto push_rule = [](auto& ctx) { _val(ctx).rules.push_back(std::move(_attr(ctx))); };
const auto set_pointer = [](auto& ctx) { _val(ctx).pointer = std::move(_attr(ctx)); };
const auto set_outcome = [](auto& ctx) { _val(ctx).outcome = _attr(ctx); };
const auto set_expected_severity = [](auto& ctx) { _val(ctx).severity = _attr(ctx); };
const auto push_rules = [](auto& ctx) {
    for (auto& n : _attr(ctx)) _val(ctx).rules.push_back(std::move(n));
};
const auto expect_body_def =
    omit_spanned[kw("no") > rule_id_value[push_rule]][set_expect_kind(ast::Expectation::Kind::no_finding)] |
    omit_spanned[kw("only") > rule_id_list[push_rules]][set_expect_kind(ast::Expectation::Kind::only)] |
    kw("nothing")[set_expect_kind(ast::Expectation::Kind::nothing)] |
    (rule_id_value[push_rule] > -(kw("at") > string_value[set_pointer]) > -(kw("outcome") > outcome_value[set_outcome]) >
     -(kw("severity") > severity_value[set_expected_severity]));
const auto expectation_def = omit_spanned[kw("expect") > expect_body[assign]][set_span];
const auto test_plan_def = string_value[set_plan_path] | json_block[set_plan_inline];
const auto test_clause = spanned[kw("as") > kw("of") > date_value][set_as_of] | spanned[kw("plan") > test_plan][merge_plan] |
                         (kw("audience") > identifier[set_test_audience]) | expectation[push_expectation];
const auto test_decl_def = omit_spanned[kw("test") > string_value[set_name] > *test_clause > test_end][set_span];

// Key figures and the grouping of population runs
const auto figure_clause =
    spanned[kw("label") > string_value][set_once(&ast::FigureDecl::label, "label")] |
    spanned[kw("from") > rule_id_value][set_once(&ast::FigureDecl::from, "from")] |
    spanned[kw("denominator") > expression][set_once(&ast::FigureDecl::denominator, "denominator")] |
    spanned[kw("numerator") > expression][set_once(&ast::FigureDecl::numerator, "numerator")];
const auto figure_decl_def =
    omit_spanned[kw("figure") > identifier[set_name] > title_string[set_title] > *figure_clause > figure_end][set_span];
const auto set_field = [](auto& ctx) { _val(ctx).field = std::move(_attr(ctx)); };
const auto group_decl_def = omit_spanned[kw("group") > kw("by") > expression[set_field]][set_span];

// One declaration, appended to the file by its action.
const auto push_decl = [](auto& ctx) { state_of(ctx).decls->emplace_back(std::move(_attr(ctx))); };
const auto declaration_def = ruleset_decl[push_decl] | record_decl[push_decl] | enum_decl[push_decl] | codes_decl[push_decl] |
                             root_decl[push_decl] | define_decl[push_decl] | rule_decl[push_decl] |
                             override_decl[push_decl] | test_decl[push_decl] | figure_decl[push_decl] |
                             group_decl[push_decl];

BOOST_SPIRIT_DEFINE(expression, or_expr, and_expr, not_expr, comparison, additive, multiplicative, unary, postfix,
                    primary, parenthesized, list_literal, conditional, exists_expr, aggregate, aggregate_body,
                    call, simple_literal, name_expr, field_access)
BOOST_SPIRIT_DEFINE(type_ref, type_args, field_decl, record_decl, enum_decl, codes_decl, code_decl, root_decl, define_decl, param, ruleset_decl,
                    rule_decl, for_each_clause, override_decl, test_decl, expectation, declaration, figure_decl,
                    group_decl)
BOOST_SPIRIT_DEFINE(severity_value, missing_value, outcome_value, date_value, title_string, string_value,
                    rule_id_value, rule_id_list, tag_list, ruleset_list, expect_body, rule_end, ruleset_end, message_value,
                    override_end, test_end, figure_end, test_plan)

const auto skipper = x3::ascii::space | x3::lexeme[x3::lit('#') >> *(x3::char_ - x3::lit('\n'))];

// ---------------------------------------------------------------- driver

// The end of the token that starts at `p` (for spans and "found …").
Iterator token_end(Iterator p, Iterator end) {
    if (p == end) return p;
    Iterator e = scan_word(p, end);
    if (e == p) {
        if (is_digit(static_cast<unsigned char>(*p))) {
            e = p;
            while (e != end && (is_digit(static_cast<unsigned char>(*e)) || *e == '-' || *e == '.')) ++e;
        } else if (*p == '"') {
            e = p + 1;
            while (e != end && *e != '"' && *e != '\n' && e - p < 30) ++e;
            if (e != end && *e == '"') ++e;
        } else {
            static constexpr std::string_view two[] = {"==", "!=", "<=", ">=", "&&", "||", "=>", "=<", "<>"};
            e = p + 1;
            for (auto t : two)
                if (end - p >= 2 && std::string_view(p, 2) == t) e = p + 2;
            // a whole UTF-8 sequence
            if (static_cast<unsigned char>(*p) >= 0x80)
                while (e != end && (static_cast<unsigned char>(*e) & 0xC0) == 0x80) ++e;
        }
    }
    if (e - p > 40) {
        e = p + 40;
        while (e != p && (static_cast<unsigned char>(*e) & 0xC0) == 0x80) --e;  // keep UTF-8 whole
    }
    return e;
}

// Describes the token at `p` for "found …".
std::string describe_token(Iterator p, Iterator end, std::string_view end_name = "end of file") {
    p = skip_blanks(p, end);
    if (p == end) return std::string(end_name);
    Iterator e = token_end(p, end);
    return fmt::format("'{}'", std::string_view(p, static_cast<std::size_t>(e - p)));
}

struct ClauseWord {
    std::string_view word;
    std::string_view help;
};

// Help for an "expected X, found Y" error, from what was expected and what was found.
std::string help_for(std::string_view expected, Iterator at, Iterator end) {
    at = skip_blanks(at, end);
    Iterator e = scan_word(at, end);
    std::string_view word(at, static_cast<std::size_t>(e - at));
    auto starts = [&](std::string_view s) {
        return static_cast<std::size_t>(end - at) >= s.size() && std::string_view(at, s.size()) == s;
    };
    if (expected.find("rule clause") != std::string_view::npos && !word.empty()) {
        static const std::vector<std::string> clauses = {"severity", "mandatory", "sensitive", "in", "source",
                                                         "tags",     "when",      "for",       "require", "if",
                                                         "at",       "due",       "message"};
        auto near = planrules::detail::nearest(word, clauses);
        if (!near.empty() && near.size() > 2) return fmt::format("did you mean '{}'?", near);
        if (word == "requires" || word == "must") return "did you mean 'require'?";
        if (word == "from" || word == "until") return "write 'in force from DATE until DATE'";
        return "each rule clause starts on its own line with a keyword; a rule ends where the next "
               "declaration begins";
    }
    if (expected.rfind("a severity", 0) == 0) {
        auto near = planrules::detail::nearest(word, {"error", "warning", "info"});
        return near.empty() ? std::string("the severities are error, warning and info")
                            : fmt::format("did you mean '{}'? The severities are error, warning and info", near);
    }
    if (expected.find("date") != std::string_view::npos && starts("\""))
        return "write dates without quotes: 2022-12-01";
    if (expected.find("expression") != std::string_view::npos) {
        if (keywords::declaration(word)) return "the expression above is incomplete";
        if (starts("\"") ) return {};
        if (keywords::after_expression(word))
            return fmt::format("'{}' starts the next clause: the expression before it is missing", word);
        if (starts(")") && expected.find("NAME in LIST") != std::string_view::npos)
            return "count, all, any, sum, min and max need a list, e.g. count(plan.LIST)";
        if (starts(")")) return "there is a ')' without a matching '('";
        if (!word.empty() && reserved(word)) return fmt::format("'{}' is a keyword and cannot be used as a name", word);
    }
    if ((expected == "a name" || expected.rfind("a parameter", 0) == 0) && !word.empty() && reserved(word))
        return fmt::format("'{}' is a keyword and cannot be used as a name; choose another name", word);
    if (expected == "')'" || expected == "']'") return "check that every opening bracket has its closing one";
    if (expected.find("rule id") != std::string_view::npos)
        return "rule ids are letters and digits joined by '-' or '.', e.g. R-1.2 or ABC-30D";
    if (expected.find("title") != std::string_view::npos)
        return "write the title in quotes after the name, e.g. rule R-1.2 \"What the rule requires\" or "
               "ruleset NAME \"What the rule set is\"";
    if (expected.find("declaration") != std::string_view::npos) {
        if (keywords::rule_clause(word))
            return "this clause belongs to a rule; is the 'rule ID \"title\"' line above it missing or broken?";
        static const std::vector<std::string> decls = keywords::declarations();
        auto near = planrules::detail::nearest(word, decls);
        if (!near.empty()) return fmt::format("did you mean '{}'?", near);
    }
    if (expected == "'='" && starts("==")) return "a define uses a single '=': define name = expression";
    return {};
}

// The start of the next line after `from` that begins a declaration.
Iterator next_declaration(Iterator from, Iterator end) {
    Iterator p = from;
    while (p != end) {
        while (p != end && *p != '\n') ++p;
        if (p == end) break;
        ++p;
        Iterator q = p;
        while (q != end && (*q == ' ' || *q == '\t')) ++q;
        Iterator e = scan_word(q, end);
        std::string_view w(q, static_cast<std::size_t>(e - q));
        if (keywords::declaration(w)) return q;
    }
    return end;
}

// After a declaration failed to parse: the name it declares, if it got that far.
void remember_broken_name(Iterator p, Iterator end, std::vector<std::string>& names) {
    Iterator e = scan_word(p, end);
    std::string_view keyword(p, static_cast<std::size_t>(e - p));
    if (keyword != "rule" && keyword != "define") return;
    Iterator b = e;
    while (b != end && (*b == ' ' || *b == '\t')) ++b;
    Iterator n = b;
    while (n != end && (is_ident_continue(static_cast<unsigned char>(*n)) || *n == '-' || *n == '.')) ++n;
    while (n != b && (n[-1] == '-' || n[-1] == '.')) --n;
    if (n != b) names.emplace_back(b, n);
}

void report_expected(ParseState& st, std::string which, Iterator where) {
    // A parser without a friendly name would show a mangled type name.
    if (which.find("boost") != std::string::npos || which.find("x3") != std::string::npos) which = "something else";
    Iterator at = skip_blanks(where, st.end);
    Iterator e = token_end(at, st.end);
    std::string found = describe_token(at, st.end, st.end_name);
    st.report("syntax-error", st.span(at, e), fmt::format("expected {}, found {}", which, found),
              help_for(which, at, st.end));
}

std::optional<ast::Expr> parse_embedded(ParseState& st, Iterator b, Iterator e, std::string_view trailing,
                                        std::string_view end_name) {
    ast::Expr out;
    Iterator p = b;
    // The embedded expression ends at `e`, not at the end of the file.
    ParseState inner = st;
    inner.end = e;
    inner.end_name = end_name;
    try {
        bool ok = x3::phrase_parse(p, e, x3::with<state_tag>(std::ref(inner))[expression], skipper, out);
        st.depth = inner.depth;
        if (!ok) {
            report_expected(inner, "an expression", p);
            return std::nullopt;
        }
        if (p != e) {
            report_expected(inner, std::string(trailing), p);
            return std::nullopt;
        }
    } catch (x3::expectation_failure<Iterator> const& f) {
        report_expected(inner, f.which(), f.where());
        return std::nullopt;
    } catch (SyntaxError const& s) {
        inner.report(s.code, inner.span(s.where, s.where_end), s.message, s.help);
        return std::nullopt;
    }
    return out;
}

}  // namespace detail

bool is_reserved_word(std::string_view word) noexcept { return detail::reserved(word); }

namespace {

using detail::Iterator;

// Checks the bytes before any grammar runs: size, UTF-8, NUL. Returns false when the
// file cannot be parsed at all.
bool precheck(detail::ParseState& st, const SourceFile& f, const Limits& limits) {
    const std::string& text = f.text();
    if (text.size() > limits.max_file_size) {
        st.report("file-too-large", {0, 0},
                  fmt::format("file is {} bytes; the limit is {} bytes", text.size(), limits.max_file_size),
                  "rule files are small; split large rule sets into several files");
        return false;
    }
    if (auto bad = planrules::detail::find_invalid_utf8(text); bad != std::string_view::npos) {
        st.report("invalid-utf8", {static_cast<std::uint32_t>(bad), static_cast<std::uint32_t>(bad + 1)},
                  "the file is not valid UTF-8", "save the file as UTF-8");
        return false;
    }
    if (auto nul = text.find('\0'); nul != std::string::npos) {
        st.report("nul-byte", {static_cast<std::uint32_t>(nul), static_cast<std::uint32_t>(nul + 1)},
                  "the file contains a NUL byte", "rule files are plain text");
        return false;
    }
    return true;
}

}  // namespace

ParseResult parse_file(const SourceFilePtr& file, const Limits& limits) {
    ParseResult result;
    detail::ParseState st;
    st.file = file;
    st.limits = &limits;
    st.diagnostics = &result.diagnostics;
    st.decls = &result.file.decls;
    const std::string& text = file->text();
    st.begin = text.data();
    st.end = text.data() + text.size();
    if (!precheck(st, *file, limits)) return result;
    st.stack_base = static_cast<const char*>(__builtin_frame_address(0));

    Iterator p = st.begin;
    if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) p += 3;  // byte order mark
    auto parser = x3::with<detail::state_tag>(std::ref(st))[detail::declaration];
    while (true) {
        p = detail::skip_blanks(p, st.end);
        if (p == st.end) break;
        Iterator decl_start = p;
        bool failed = false;
        try {
            st.depth = 0;
            if (!x3::phrase_parse(p, st.end, parser, detail::skipper)) {
                static const std::string expected = [] {
                    std::vector<std::string> words = keywords::declarations();
                    std::string list;
                    for (std::size_t i = 0; i < words.size(); ++i)
                        list += (i == 0 ? "" : i + 1 == words.size() ? " or " : ", ") + words[i];
                    return "a declaration (" + list + ")";
                }();
                detail::report_expected(st, expected, p);
                failed = true;
            }
        } catch (x3::expectation_failure<Iterator> const& f) {
            detail::report_expected(st, f.which(), f.where());
            failed = true;
        } catch (detail::SyntaxError const& s) {
            st.report(s.code, st.span(s.where, s.where_end), s.message, s.help);
            failed = true;
        }
        if (failed) {
            detail::remember_broken_name(decl_start, st.end, result.file.broken_names);
            p = detail::next_declaration(decl_start, st.end);
        }
        if (count_severity(result.diagnostics, DiagnosticSeverity::error) >= limits.max_diagnostics) {
            st.report("too-many-errors", st.span(p, p), "too many errors; stopping here",
                      "fix the errors above and run again");
            break;
        }
    }
    return result;
}

std::optional<ast::Expr> parse_expression(const SourceFilePtr& file, const Limits& limits, Diagnostics& diagnostics) {
    detail::ParseState st;
    std::vector<ast::Decl> unused;
    st.file = file;
    st.limits = &limits;
    st.diagnostics = &diagnostics;
    st.decls = &unused;
    st.begin = file->text().data();
    st.end = st.begin + file->text().size();
    if (!precheck(st, *file, limits)) return std::nullopt;
    st.stack_base = static_cast<const char*>(__builtin_frame_address(0));
    return detail::parse_embedded(st, st.begin, st.end, "the end of the expression", "end of input");
}

}  // namespace planrules::syntax
