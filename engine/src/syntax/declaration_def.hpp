#pragma once
// The declaration grammar (X3's *_def.hpp): messages with `{…}` interpolations, the
// schema (types, enums, code lists, root), and the declarations of rule files (rule
// sets, defines, rules, overrides, tests, key figures, grouping) with their clauses.
// Included only by grammar.cpp.

#include "expression_def.hpp"

namespace planrules::syntax::detail {

// ---------------------------------------------------------------- messages

// What follows the expression of an interpolation, for "expected …".
inline constexpr ExpectedInfo end_of_interpolation{N_("'}' to end the interpolation"), help::none};

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
                st.report("empty-interpolation", st.span(p, q + 1), tr("empty '{{}}' in message"),
                          tr("put an expression between the braces, e.g. {{a.id}}, or write \\{{ for a literal brace"));
            } else if (auto ex = parse_embedded(st, p + 1, q, end_of_interpolation, N_("the end of the interpolation"))) {
                ast::TemplateSegment seg;
                seg.is_expr = true;
                seg.expr = std::move(*ex);
                t.segments.push_back(std::move(seg));
            }
            p = q + 1;
            continue;
        }
        if (*p == '}') {
            st.report("unmatched-brace", st.span(p, p + 1), tr("'}}' without a matching '{{' in message"),
                      tr("write \\}} for a literal brace"));
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
const auto set_label = [](auto& ctx) { _val(ctx).label = std::move(_attr(ctx)); };
// `label "…"` (a field may itself be named label: `label: string` is the next field)
const auto label_clause = kw("label") >> string_value;
const auto field_decl_def =
    omit_spanned[field_name[set_name] > sym(":") > depth_guard[type_ref][set_type] >
                 -(kw("sensitive")[set_sensitive] >> -((kw("value") >> !sym(":"))[set_sensitive_value])) >>
                 -label_clause[set_label]][set_span];
const auto push_field = [](auto& ctx) { _val(ctx).fields.push_back(std::move(_attr(ctx))); };
const auto record_decl_def = omit_spanned[kw("type") > identifier[set_name] > -label_clause[set_label] > sym("{") >
                              *(field_decl[push_field] >> -sym(",")) > sym("}")][set_span];
const auto push_value = [](auto& ctx) { _val(ctx).values.push_back(std::move(_attr(ctx))); };
const auto enum_decl_def =
    omit_spanned[kw("enum") > identifier[set_name] > sym("{") > *(field_name[push_value] >> -sym(",")) > sym("}")][set_span];
const auto push_code = [](auto& ctx) { _val(ctx).codes.push_back(std::move(_attr(ctx))); };
const auto code_decl_def =
    omit_spanned[code_name[set_name] >> -string_value[set_label] >> -kw("sensitive")[set_sensitive]][set_span];
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
    state_of(ctx).report("duplicate-clause", where_span(ctx), tr("'{}' is given twice", clause),
                         tr("remove one of them"));
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
        state_of(ctx).report("empty-in-force", r.in_force_span, tr("'in force' needs 'from DATE', 'until DATE' or both"),
                             tr("e.g. in force from 2022-12-01"));
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

BOOST_SPIRIT_DEFINE(type_ref, type_args, field_decl, record_decl, enum_decl, codes_decl, code_decl, root_decl, define_decl, param, ruleset_decl,
                    rule_decl, for_each_clause, override_decl, test_decl, expectation, declaration, figure_decl,
                    group_decl)
BOOST_SPIRIT_DEFINE(severity_value, missing_value, outcome_value, date_value, title_string, string_value,
                    rule_id_value, rule_id_list, tag_list, ruleset_list, expect_body, rule_end, ruleset_end, message_value,
                    override_end, test_end, figure_end, test_plan)

}  // namespace planrules::syntax::detail
