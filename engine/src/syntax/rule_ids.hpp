#pragma once
// The grammar's rules as one table: name, attribute, what "expected …" calls the rule,
// its help (errors.hpp), and whether it is an entry rule. The table makes the rules'
// X3 ID classes, which carry `what` and `help` and, for the two entry rules, the on_error
// handler that reports an expectation failure with that help; rules.hpp makes the rule
// objects from the same table, and errors.cpp looks help up in it. Rules that share a
// `what` share their help (tested).

#include "errors.hpp"

namespace planrules::syntax::detail {

// NAME, ATTRIBUTE, WHAT, HELP, KIND (inner or entry)
#define PLANRULES_GRAMMAR_RULES(X)                                                                                    \
    /* expressions */                                                                                                 \
    X(expression, ast::Expr, "an expression", help::expression, inner)                                                \
    X(embedded_expression, ast::Expr, "an expression", help::expression, entry)                                       \
    X(or_expr, ast::Expr, "an expression", help::expression, inner)                                                   \
    X(and_expr, ast::Expr, "an expression", help::expression, inner)                                                  \
    X(not_expr, ast::Expr, "an expression", help::expression, inner)                                                  \
    X(comparison, ast::Expr, "an expression", help::expression, inner)                                                \
    X(additive, ast::Expr, "an expression", help::expression, inner)                                                  \
    X(multiplicative, ast::Expr, "an expression", help::expression, inner)                                            \
    X(unary, ast::Expr, "an expression", help::expression, inner)                                                     \
    X(postfix, ast::Expr, "an expression", help::expression, inner)                                                   \
    X(primary, ast::Expr, "an expression", help::expression, inner)                                                   \
    X(parenthesized, ast::Expr, "an expression", help::expression, inner)                                             \
    X(list_literal, ast::Expr, "a list", help::none, inner)                                                           \
    X(conditional, ast::Expr, "an if-expression", help::expression, inner)                                            \
    X(exists_expr, ast::Expr, "an exists-expression", help::expression, inner)                                        \
    X(aggregate, ast::Expr, "an aggregate", help::none, inner)                                                        \
    X(aggregate_body, ast::Expr, "NAME in LIST [where CONDITION], or an expression", help::aggregate_body, inner)     \
    X(call, ast::Expr, "a function call", help::none, inner)                                                          \
    X(simple_literal, ast::Expr, "a literal", help::none, inner)                                                      \
    X(name_expr, ast::Expr, "a name", help::name, inner)                                                              \
    X(field_access, ast::Name, "a field name", help::none, inner)                                                     \
    /* schemas */                                                                                                     \
    X(type_ref, ast::TypeRef,                                                                                         \
      "a type (int, decimal, string, string of CODES, bool, date, list<T> or a declared type)", help::none, inner)    \
    X(type_args, std::vector<ast::TypeRef>, "a type", help::none, inner)                                              \
    X(field_decl, ast::FieldDecl, "a field declaration (name: type)", help::none, inner)                              \
    X(record_decl, ast::RecordDecl, "a type declaration", help::none, inner)                                          \
    X(enum_decl, ast::EnumDecl, "an enum declaration", help::none, inner)                                             \
    X(codes_decl, ast::CodesDecl, "a code list (codes NAME { code \"label\" [sensitive], … })", help::none, inner)   \
    X(code_decl, ast::CodeDecl, "a code (code \"label\" [sensitive])", help::none, inner)                             \
    X(root_decl, ast::RootDecl, "a root declaration", help::none, inner)                                              \
    /* declarations */                                                                                                \
    X(declaration, x3::unused_type,                                                                                   \
      "a declaration (ruleset, type, enum, codes, root, define, rule, override, test, figure or group)",               \
      help::declaration, entry)                                                                                       \
    X(define_decl, ast::DefineDecl, "a define", help::none, inner)                                                    \
    X(param, ast::Param, "a parameter (name: type)", help::name, inner)                                               \
    X(ruleset_decl, ast::RulesetDecl, "a rule set header", help::none, inner)                                         \
    X(rule_decl, ast::RuleDecl, "a rule", help::none, inner)                                                          \
    X(for_each_clause, ast::ForEach, "'for each NAME in LIST'", help::none, inner)                                    \
    X(override_decl, ast::OverrideDecl, "an override", help::none, inner)                                             \
    X(test_decl, ast::TestDecl, "a test", help::none, inner)                                                          \
    X(figure_decl, ast::FigureDecl, "a key figure", help::none, inner)                                                \
    X(group_decl, ast::GroupDecl, "a grouping (group by plan.FIELD)", help::none, inner)                              \
    X(expectation, ast::Expectation, "an expectation", help::none, inner)                                             \
    /* clause values */                                                                                               \
    X(severity_value, ast::Severity, "a severity (error, warning or info)", help::severity, inner)                    \
    X(missing_value, ast::MissingPolicy, "'pass', 'fail' or 'skip'", help::none, inner)                               \
    X(outcome_value, ast::Outcome, "an outcome (violated, indeterminate or invalid_input)", help::none, inner)        \
    X(date_value, ast::Expr, "a date (YYYY-MM-DD)", help::date, inner)                                                \
    X(title_string, ast::StringLiteral, "a title in quotes", help::title, inner)                                      \
    X(string_value, ast::StringLiteral, "a string in quotes", help::none, inner)                                      \
    X(message_value, ast::StringLiteral, "a message in quotes", help::none, inner)                                    \
    X(rule_id_value, ast::Name, "a rule id (e.g. R-1.2)", help::rule_id, inner)                                       \
    X(rule_id_list, std::vector<ast::Name>, "a rule id (e.g. R-1.2)", help::rule_id, inner)                           \
    X(tag_list, std::vector<ast::Name>, "a tag name", help::none, inner)                                              \
    X(ruleset_list, std::vector<ast::Name>, "a rule set name (e.g. national.law)", help::none, inner)                 \
    X(expect_body, ast::Expectation, "a rule id, 'no RULE', 'only RULE, …' or 'nothing'", help::rule_id, inner)       \
    X(test_plan, ast::TestDecl, "a plan file name in quotes or an inline JSON object", help::none, inner)             \
    /* where a declaration ends: its clauses are done and the next one (or the end) follows */                        \
    X(rule_end, x3::unused_type,                                                                                      \
      "a rule clause (severity, mandatory, sensitive, in force, source, tags, when, for each, require, "              \
      "if missing, at, due, message) or the next declaration",                                                        \
      help::rule_clause, inner)                                                                                       \
    X(ruleset_end, x3::unused_type,                                                                                   \
      "a rule set clause (authority, schema, extends, applies when) or the next declaration", help::declaration,      \
      inner)                                                                                                          \
    X(override_end, x3::unused_type, "an override clause (severity, disabled, message) or the next declaration",      \
      help::declaration, inner)                                                                                       \
    X(figure_end, x3::unused_type,                                                                                    \
      "a key figure clause (label, from, denominator, numerator) or the next declaration", help::declaration, inner)  \
    X(test_end, x3::unused_type, "a test clause (as of, plan, audience, expect) or the next declaration",             \
      help::declaration, inner)

namespace rule_kind {
// A rule inside the grammar: an expectation failure passes through it to the entry rule.
struct inner {};
// An entry rule (a declaration, an embedded expression): reports an expectation failure
// once, with the help of what was expected, and fails, so that the driver resumes at the
// next declaration.
struct entry {
    template <typename Iterator, typename Exception, typename Context>
    x3::error_handler_result on_error(Iterator&, Iterator const&, Exception const& failure, Context const& ctx) const {
        ParseState& st = state_of(ctx);
        report_expected(st, failure.which(), failure.where());
        st.error_reported = true;
        return x3::error_handler_result::fail;
    }
};
}  // namespace rule_kind

#define PLANRULES_RULE_ID(name, attribute, what_, help_, kind) \
    struct name##_class : rule_kind::kind {                   \
        static constexpr std::string_view what = what_;       \
        static constexpr HelpFn help = help_;                 \
    };
PLANRULES_GRAMMAR_RULES(PLANRULES_RULE_ID)
#undef PLANRULES_RULE_ID

// Every rule's name in "expected …" and its help, in the order of the table.
#define PLANRULES_RULE_INFO(name, attribute, what_, help_, kind) ExpectedInfo{name##_class::what, name##_class::help},
inline constexpr ExpectedInfo rule_table[] = {PLANRULES_GRAMMAR_RULES(PLANRULES_RULE_INFO)};
#undef PLANRULES_RULE_INFO

}  // namespace planrules::syntax::detail
