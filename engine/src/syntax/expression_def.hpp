#pragma once
// The expression grammar (X3's *_def.hpp): the primitives, the actions that build
// expression nodes (spans, heights, the height limit), and the rules from `or` down to
// literals and names. Included only by grammar.cpp, through declaration_def.hpp.

#include "directives.hpp"
#include "grammar.hpp"
#include "keywords.hpp"
#include "rules.hpp"
#include "tokens.hpp"

#include <algorithm>
#include <array>

namespace planrules::syntax::detail {

using boost::fusion::at_c;
using x3::_attr;
using x3::_val;

// ---------------------------------------------------------------- primitives

const name_parser<NameKind::identifier> identifier{};
const name_parser<NameKind::field> field_name{};
const name_parser<NameKind::code> code_name{};
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
                          tr("expression is more than {} operators deep", st.limits->max_expression_height),
                          tr("split it into smaller parts with 'define'")};
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
    st.report("interpolation-outside-message", where, tr("'{{…}}' interpolation is only allowed in messages"),
              tr("write \\{{ and \\}} for literal braces"));
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

const auto embedded_expression_def = expression;

BOOST_SPIRIT_DEFINE(expression, embedded_expression, or_expr, and_expr, not_expr, comparison, additive, multiplicative,
                    unary, postfix, primary, parenthesized, list_literal, conditional, exists_expr, aggregate,
                    aggregate_body, call, simple_literal, name_expr, field_access)

}  // namespace planrules::syntax::detail
