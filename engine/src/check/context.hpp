#pragma once
// The checker's state and passes (internal to check/): the program being checked, the rule set
// and variables in scope, and the diagnostics. Each pass is defined in the file of its concern:
// checker.cpp (the pass list, diagnostics), schema.cpp (types, records, code lists),
// declarations.cpp (declarations, rule-set layering, overrides), rules.cpp (defines, rules,
// messages, tests), figures.cpp (key figures and the grouping of population runs),
// expressions.cpp (names and types of expressions) and calls.cpp (calls of defines and
// built-in functions).

#include "builtins/builtins.hpp"
#include "diagnostics/codes.hpp"
#include "syntax/keywords.hpp"
#include "json/syntax.hpp"
#include "text/catalogue.hpp"
#include "text/strings.hpp"

#include <planrules/check/checker.hpp>
#include <planrules/eval/report.hpp>

#include <fmt/format.h>

#include <cassert>

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <set>

namespace planrules::check::detail_checker {

using ast::Expr;
using ast::ExprKind;
using ast::Op;
using planrules::detail::nearest;
using text::N_;
using text::tr;


// Signature notes shown in help lines.
inline std::string builtin_signature(Builtin b) { return std::string(text::translate(builtins::get(b).signature)); }

inline std::vector<std::string> builtin_names() {
    std::vector<std::string> v;
    for (const auto& b : builtins::table()) v.emplace_back(b.name);
    return v;
}

inline int find_builtin(std::string_view name) {
    const builtins::Builtin* b = builtins::find(name);
    return b ? static_cast<int>(b->id) : -1;
}

inline const char* type_phrase(TypeKind k) {
    switch (k) {
        case TypeKind::boolean: return N_("a condition (bool)");
        case TypeKind::integer: return N_("a whole number (int)");
        case TypeKind::decimal: return N_("a decimal number");
        case TypeKind::string: return N_("a string");
        case TypeKind::date: return N_("a date");
        case TypeKind::duration: return N_("a duration");
        case TypeKind::enumeration: return N_("an enum value");
        case TypeKind::record: return N_("a record");
        case TypeKind::list: return N_("a list");
        default: return N_("a value");
    }
}
inline std::string_view article_type(TypeKind k) { return text::translate(type_phrase(k)); }

class Checker {
public:
    Checker(Program& program, const Limits& limits, Diagnostics& diags)
        : p_(program), s_(program.schema), limits_(limits), diags_(diags), errors_(program.files.size(), 0), warnings_(program.files.size(), 0) {}

    void run();

private:
    Program& p_;
    Schema& s_;
    const Limits& limits_;
    Diagnostics& diags_;
    std::vector<std::size_t> errors_, warnings_;  // per file: errors and warnings reported
    bool dropping_ = false;                       // the last error or warning was left out

    int file_ = -1;     // file being checked
    int ruleset_ = -1;  // rule set whose names are visible
    struct Var {
        std::string name;
        int type;
    };
    std::vector<Var> scope_;

    // ------------------------------------------------------------ diagnostics

    // At most Limits::max_diagnostics errors and as many warnings per file, then one note that
    // says so (as the parser does); the notes of a diagnostic left out are left out with it.
    // The severity is the code's (diagnostics/codes.hpp); error() and warning() say at the call
    // which it is, and check it in debug builds.
    void report(int file, SourceSpan span, diagnostics::Code code, std::string message, std::string help = {});
    void error(SourceSpan span, diagnostics::Code code, std::string message, std::string help = {});
    void warning(SourceSpan span, diagnostics::Code code, std::string message, std::string help = {});
    void note(int file, SourceSpan span, std::string message);

    // A rule or define whose declaration did not parse: references to it are not errors.
    bool broken(std::string_view name) const;

    static std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

    // ------------------------------------------------------------ schema

    void collect_schema();

    void collect_code_list(const ast::CodesDecl& c);

    // The code list of a field's type (`string of CODES`, `list<string of CODES>`), or -1.
    int resolve_codes(const ast::TypeRef& field_type);

    // A record type that requires itself, through fields that are neither optional nor lists
    // (type A { b: B }  type B { a: A }), can be satisfied by no plan: each such cycle is an
    // error at the record where it is first found, with the path.
    void check_required_cycles();

    std::vector<std::string> type_names() const;

    int resolve_type(const ast::TypeRef& t);

    // ------------------------------------------------------------ declarations

    void collect_declarations();

    void resolve_rulesets();

    // 'applies when' may use defines, so it is checked after them (their types and parameter
    // types are known by then).
    void check_applies_when();

    bool visible_in(int owner_ruleset, int from_ruleset) const;

    // How near the define's rule set is to the rule set being checked: 0 for its own, 1 + the
    // position among the ancestors (nearest first), and after those the global defines.
    std::size_t define_distance(int owner_ruleset) const;

    int find_define(std::string_view name) const;

    // ------------------------------------------------------------ defines

    // Names referenced by a define's body (its free names and called functions): a name bound
    // by a parameter or by an aggregate's or exists' variable is not a reference to a define,
    // as in check_name, where variables come first.
    static void referenced_names(const ast::DefineDecl& def, std::vector<const Expr*>& out);

    void check_defines();

    std::set<int> cyclic_;
    std::set<int> checked_defines_;

    // ------------------------------------------------------------ rules

    void check_rules();

    // A message's interpolations: each shows one value. In a rule that goes to every audience,
    // a field that can hold a sensitive code, shown as it is, gets a warning: for other audiences
    // than Arbetsförmedlingen the message shows a neutral word there (label(…) is the way to show
    // a code, and says as much in the reference).
    void check_template(const ast::StringTemplate& t, bool sensitive_rule);

    void check_path(const Expr& e);

    bool in_scope(std::string_view name) const;

    void declare(const ast::Name& n, int type);

    void check_overrides();

    void check_tests();

    // ------------------------------------------------------------ key figures and grouping

    void collect_figure(const ast::FigureDecl& f, int ruleset);

    void check_figures();

    // The grouping field: a field of one value read from the plan (plan.x.y).
    void check_group();

    bool in_figure_ = false;  // checking a figure's conditions: 'passed' and 'evaluated' mean its rule's outcome
    // checking a rule's `when`: the variables of its `for each` clauses, not yet in scope
    const std::vector<ast::ForEach>* loops_ahead_ = nullptr;

    // ------------------------------------------------------------ expressions

    std::string describe(int type) const;

    bool numeric(int t) const;
    bool is_error(int t) const { return t == Schema::error_type; }

    void expect_bool(const Expr& e, const char* where);

    int set(const Expr& e, int type);

    // Can a value of type `from` stand where `to` is expected?
    bool assignable(int from, int to) const;

    // Types that can be compared with ==; checks string literals against enums and code lists.
    bool comparable(const Expr& a, int ta, const Expr& b, int tb);

    // Comparability by type alone: lists compare element by element, and the empty
    // list `[]` (list<any>) compares with every list.
    bool types_comparable(int ta, int tb) const;

    // The schema's field that a member expression reads (plan.x.y, a.z), or null.
    const FieldInfo* field_of(const Expr& e) const;

    // A string literal compared with a field of a code list (or a list of such codes) should be
    // one of its codes: the list is open, so another code is no error, but a misspelt one makes
    // the comparison silently false. A sensitive code is marked for the compiler: a rule that
    // compares with it reads sensitive data.
    void check_code_literal(const Expr& field, const Expr& lit);

    // A string literal compared with an enum must be one of its values.
    void check_enum_literal(int enum_index, const Expr& lit);

    std::string comparison_help(int ta, int tb) const;
    // The help of a comparison of `a` and `b` that does not type-check: a date with a number
    // (age(…) or days_between(…)), a text with a number (quote it), a record with a text (one of
    // its fields), else comparison_help.
    std::string comparison_hint(const Expr& a, int ta, const Expr& b, int tb, Op op) const;
    // {X or "text"} in a message: `or` of two conditions, or X with what is shown when X is
    // missing (TemplateSegment::otherwise).
    int check_otherwise(const ast::TemplateSegment& seg);
    // The rule text of an expression.
    std::string_view source_of(const Expr& e) const;
    // Where a field that `record` lacks is in the records below it: "plan.PART.FIELD" for
    // `base` "plan"; empty when no record within three levels has it.
    std::string nested_field(int record_type, std::string_view base, std::string_view field) const;

    int check_expr(const Expr& e);

    std::vector<std::string> names_in_scope() const;

    int check_name(const Expr& e);

    // A mixed list is reported once, at its first odd element, and has the error type, so
    // that where it is used ('in', an argument) it is not reported again.
    int check_list(const Expr& e);

    int check_member(const Expr& e);

    int check_unary(const Expr& e);

    int check_binary(const Expr& e);

    int check_conditional(const Expr& e);

    // Type of the elements of an aggregate's source, or error.
    int element_type(const Expr& source, const char* what);

    int check_exists(const Expr& e);

    int check_aggregate(const Expr& e);

    int check_call(const Expr& e);
};

}  // namespace planrules::check::detail_checker
