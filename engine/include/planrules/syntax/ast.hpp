#pragma once
// The abstract syntax tree of rule and schema files. Every node carries a SourceSpan
// (byte offsets into its SourceFile). The checker annotates expressions in place
// (type, resolution) so that later stages need no second symbol table.

#include <planrules/date.hpp>
#include <planrules/severity.hpp>
#include <planrules/source.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace planrules::ast {

using planrules::Outcome;
using planrules::Severity;
using planrules::to_string;

struct Name {
    std::string text;
    SourceSpan span;
};

// ---------------------------------------------------------------- expressions

enum class ExprKind : std::uint8_t {
    name,       // text = identifier
    string,     // text = value (escapes processed)
    integer,    // integer
    decimal,    // text = literal as written, decimal = value
    boolean,    // boolean
    date,       // date (as written; validity is checked by the parser)
    duration,   // integer = amount, unit
    today,
    list,       // children = elements
    member,     // children[0] = object, name = field
    call,       // name = function, children = arguments
    unary,      // op, children[0]
    binary,     // op, children[0], children[1]
    conditional,// children = condition, then, else
    aggregate,  // aggregate, binder (optional), children = source [, where] [, projection], extra sources for min/max
    exists,     // binder, children = source [, where]
};

enum class Op : std::uint8_t {
    op_or, op_and, op_not,
    eq, ne, lt, le, gt, ge, in, not_in,
    add, sub, mul, div, mod, neg,
};

enum class DurationUnit : std::uint8_t { days, weeks, months, years };
enum class AggregateKind : std::uint8_t { count, all, any, sum, min, max };

[[nodiscard]] const char* to_string(Op op) noexcept;
[[nodiscard]] const char* to_string(DurationUnit u) noexcept;
[[nodiscard]] const char* to_string(AggregateKind k) noexcept;

// What a name or call resolved to (written by the checker).
enum class Binding : std::uint8_t { none, root, variable, define, builtin };

struct Expr {
    ExprKind kind = ExprKind::name;
    SourceSpan span;
    Op op = Op::op_or;
    DurationUnit unit = DurationUnit::days;
    AggregateKind aggregate = AggregateKind::count;
    bool boolean = false;
    bool has_where = false;       // aggregate / exists
    bool has_projection = false;  // aggregate: `sum(x.n for x in xs)`
    std::int64_t integer = 0;
    double decimal = 0;
    Date date{};
    std::string text;
    Name name;    // member field, call function, aggregate/exists binder
    std::vector<Expr> children;
    std::uint32_t height = 1;     // 1 + the greatest height of a child; bounded by Limits

    // Annotations written by the checker.
    mutable int type_id = -1;    // index into the checker's type table
    mutable int resolved = -1;   // field slot, define index, builtin id or variable index (see binding)
    mutable Binding binding = Binding::none;
    mutable bool sensitive_code = false;  // a string literal compared with a coded field: one of its sensitive codes

    [[nodiscard]] const Expr& source() const { return children.at(0); }
    [[nodiscard]] const Expr* where() const { return has_where ? &children.at(1) : nullptr; }
    [[nodiscard]] const Expr* projection() const {
        return has_projection ? &children.at(has_where ? 2 : 1) : nullptr;
    }
};

// A message: text with {expr} interpolations.
struct TemplateSegment {
    bool is_expr = false;
    std::string text;  // literal text (escapes processed) when !is_expr
    Expr expr;         // when is_expr
    // {a.slut or "saknas"}: `expr` is `X or TEXT` with an X that is not a condition (the
    // checker decides), so TEXT is shown when X is missing
    mutable bool otherwise = false;
};

struct StringTemplate {
    SourceSpan span;
    std::vector<TemplateSegment> segments;
};

struct StringLiteral {
    std::string value;
    SourceSpan span;
};

// ---------------------------------------------------------------- schema

struct TypeRef {
    SourceSpan span;
    std::string name;            // "int", "decimal", "string", "bool", "date", "list" or a declared type
    std::vector<TypeRef> args;   // list<T>: one argument
    Name codes;                  // string of CODES: the code list (empty text when none)
    bool optional = false;       // T?
};

struct FieldDecl {
    SourceSpan span;
    Name name;
    TypeRef type;
    bool sensitive = false;        // sensitive
    bool sensitive_value = false;  // sensitive value
    std::optional<StringLiteral> label;  // label "…": what reports call the field
};

struct RecordDecl {
    SourceSpan span;
    Name name;
    std::optional<StringLiteral> label;  // type T label "…": what reports call one
    std::vector<FieldDecl> fields;
};

struct EnumDecl {
    SourceSpan span;
    Name name;
    std::vector<Name> values;
};

// codes Kind { a "First kind", b "Second kind" sensitive }
struct CodeDecl {
    SourceSpan span;
    Name name;
    std::optional<StringLiteral> label;
    bool sensitive = false;
};

struct CodesDecl {
    SourceSpan span;
    Name name;
    std::vector<CodeDecl> codes;
};

struct RootDecl {  // root plan: Plan
    SourceSpan span;
    Name name;
    TypeRef type;
};

// ---------------------------------------------------------------- rule sets and rules

struct Param {
    Name name;
    TypeRef type;
};

struct DefineDecl {
    SourceSpan span;
    Name name;
    bool has_params = false;
    std::vector<Param> params;
    Expr body;
};

enum class MissingPolicy : std::uint8_t { report, pass, fail, skip };

[[nodiscard]] const char* to_string(MissingPolicy p) noexcept;

struct ForEach {
    SourceSpan span;
    Name variable;
    Expr collection;
    std::optional<Expr> where;
};

struct DateClause {
    Date date;
    SourceSpan span;
};

struct RuleDecl {
    SourceSpan span;
    Name id;
    StringLiteral title;
    std::optional<Severity> severity;
    SourceSpan severity_span;
    bool mandatory = false;
    SourceSpan mandatory_span;
    bool sensitive = false;
    SourceSpan in_force_span;
    std::optional<DateClause> in_force_from;
    std::optional<DateClause> in_force_until;
    std::optional<StringLiteral> source;
    std::vector<Name> tags;
    std::optional<Expr> when;
    std::vector<ForEach> for_each;
    std::optional<Expr> require;
    std::optional<MissingPolicy> if_missing;
    SourceSpan if_missing_span;
    std::optional<Expr> at;
    std::optional<Expr> due;
    std::optional<StringTemplate> message;
};

struct OverrideDecl {
    SourceSpan span;
    Name target;
    std::optional<Severity> severity;
    SourceSpan severity_span;
    bool disabled = false;
    SourceSpan disabled_span;
    std::optional<StringTemplate> message;
};


struct Expectation {
    enum class Kind : std::uint8_t { finding, no_finding, only, nothing };
    SourceSpan span;
    Kind kind = Kind::finding;
    std::vector<Name> rules;                 // one for finding/no_finding, one or more for only
    std::optional<StringLiteral> pointer;    // expect R at "/x"
    std::optional<Outcome> outcome;
    std::optional<Severity> severity;        // expect R severity error: after overrides
};

struct TestDecl {
    SourceSpan span;
    StringLiteral name;
    std::optional<DateClause> as_of;
    std::optional<StringLiteral> plan_path;  // plan "file.json"
    std::optional<SourceSpan> plan_inline;   // plan { … } (raw JSON text in the file)
    std::optional<Name> audience;            // audience kommun: the report is made for it
    std::vector<Expectation> expectations;
};

struct RulesetDecl {
    SourceSpan span;
    Name name;                               // dotted: national.law, local.0001
    StringLiteral title;
    std::optional<StringLiteral> authority;
    std::optional<StringLiteral> schema;     // path relative to this file
    std::vector<Name> extends;
    std::optional<Expr> applies_when;
};

// A key figure over a population of plans (`planrules batch`): of the plans its denominator
// holds for, the share its numerator also holds for. `from RULE` binds `passed` and `evaluated`
// to that rule's outcome in both conditions.
struct FigureDecl {
    SourceSpan span;
    Name name;                               // how reports refer to it
    StringLiteral title;
    std::optional<StringLiteral> label;      // short, for tables; the rule id or the name by default
    std::optional<Name> from;                // a rule id
    std::optional<Expr> denominator;
    std::optional<Expr> numerator;
};

// The field plans are grouped by in population runs unless the run says otherwise.
struct GroupDecl {
    SourceSpan span;
    Expr field;                              // plan.x.y
};

using Decl = std::variant<RulesetDecl, RecordDecl, EnumDecl, RootDecl, DefineDecl, RuleDecl, OverrideDecl, TestDecl,
                          CodesDecl, FigureDecl, GroupDecl>;

struct File {
    std::vector<Decl> decls;  // in source order
    // Names of rules and defines whose declaration failed to parse: the checker does
    // not report references to them as unknown (the syntax error already explains).
    std::vector<std::string> broken_names;
    // The file's `ruleset` header did not parse: the declarations after it belong to a rule set
    // whose name and `extends` are unknown, so the checker leaves them to the syntax error.
    bool broken_ruleset = false;
};

}  // namespace planrules::ast
