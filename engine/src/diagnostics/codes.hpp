#pragma once
// The diagnostic codes: one row each (code, severity, the group and the section of the docs
// that explain it, its meaning, and the help it gets when the place that reports it has none
// more specific). Every diagnostic the engine reports names its code through `Code`, which is
// checked against this table when the engine is compiled: a code that is not here does not
// build. The list in docs/language.md ("Diagnostics") is generated from this table and checked
// by tests/docs/test_diagnostic_codes.cpp.

#include <planrules/diagnostics.hpp>

#include <span>
#include <string>
#include <string_view>

namespace planrules::diagnostics {

struct CodeRow {
    std::string_view code;          // stable, kebab-case
    DiagnosticSeverity severity;    // as it is reported
    std::string_view group;         // the docs table it is listed in
    std::string_view section;       // heading of docs/language.md that explains it, or "FILE.md#heading"
    std::string_view meaning;       // one line, Markdown, for the docs table
    std::string_view help;          // the default help; may be empty
};

inline constexpr CodeRow code_table[] = {
    // Files and encoding
    {"io-error", DiagnosticSeverity::error, "Files and encoding", "Files and file kinds", "a file or folder cannot be read (or too many files)", ""},
    {"file-too-large", DiagnosticSeverity::error, "Files and encoding", "Limits", "a file exceeds `max_file_size`", ""},
    {"invalid-utf8", DiagnosticSeverity::error, "Files and encoding", "Encoding", "the file is not valid UTF-8", ""},
    {"nul-byte", DiagnosticSeverity::error, "Files and encoding", "Encoding", "the file contains a NUL byte", ""},
    {"schema-not-found", DiagnosticSeverity::error, "Files and encoding", "Files and file kinds", "the file named by `schema \"…\"` cannot be loaded", ""},
    {"schema-is-this-file", DiagnosticSeverity::error, "Files and encoding", "Files and file kinds", "`schema \"…\"` names the rule file it stands in", ""},
    {"too-many-errors", DiagnosticSeverity::note, "Files and encoding", "Limits", "the file has more than `max_diagnostics` errors: parsing stopped, or the checker shows no more", ""},
    {"too-many-warnings", DiagnosticSeverity::note, "Files and encoding", "Limits", "the file has more than `max_diagnostics` warnings; the rest are not shown", ""},
    {"internal-error", DiagnosticSeverity::error, "Files and encoding", "Files and file kinds", "a fault inside planrules: please report it with the file that caused it", ""},
    // Syntax
    {"syntax-error", DiagnosticSeverity::error, "Syntax", "Grammar summary", "expected one thing, found another (with the expected form and a hint)", ""},
    {"duplicate-clause", DiagnosticSeverity::error, "Syntax", "Rules", "a clause that may appear once appears twice", ""},
    {"unterminated-string", DiagnosticSeverity::error, "Syntax", "Literals", "a string is not closed on its line", ""},
    {"unknown-escape", DiagnosticSeverity::error, "Syntax", "Literals", "a backslash escape other than `\\\" \\\\ \\n \\t \\{ \\}`", ""},
    {"interpolation-outside-message", DiagnosticSeverity::error, "Syntax", "Messages", "`{…}` in a string that is not a message", ""},
    {"empty-interpolation", DiagnosticSeverity::error, "Syntax", "Messages", "`{}` in a message", ""},
    {"unmatched-brace", DiagnosticSeverity::error, "Syntax", "Messages", "`}` without `{` in a message", ""},
    {"malformed-date", DiagnosticSeverity::error, "Syntax", "Literals", "a date not written `YYYY-MM-DD`", ""},
    {"invalid-date", DiagnosticSeverity::error, "Syntax", "Literals", "a date that does not exist (`2023-02-29`)", ""},
    {"number-too-large", DiagnosticSeverity::error, "Syntax", "Literals", "an integer outside the 64-bit range", ""},
    {"duration-too-large", DiagnosticSeverity::error, "Syntax", "Dates and durations", "a duration literal of 10 000 years or more", ""},
    {"fractional-duration", DiagnosticSeverity::error, "Syntax", "Dates and durations", "a duration with a fractional amount", ""},
    {"single-equals", DiagnosticSeverity::error, "Syntax", "Operators and their types", "`=` where `==` is meant", ""},
    {"unknown-operator", DiagnosticSeverity::error, "Syntax", "Operators and their types", "`&&`, `\\|\\|`, `!`, `<>`, `=>` or `=<`", ""},
    {"chained-comparison", DiagnosticSeverity::error, "Syntax", "Operators and their types", "`a < b < c`", ""},
    {"empty-in-force", DiagnosticSeverity::error, "Syntax", "in force", "`in force` without dates, or ending before it begins", ""},
    {"unterminated-json", DiagnosticSeverity::error, "Syntax", "Tests", "an inline test plan whose braces are not closed", ""},
    {"nesting-too-deep", DiagnosticSeverity::error, "Syntax", "Limits", "nesting beyond `max_nesting_depth` or the parser's stack budget", ""},
    {"expression-too-long", DiagnosticSeverity::error, "Syntax", "Limits", "more than `max_expression_height` chained operators", ""},
    {"name-too-long", DiagnosticSeverity::error, "Syntax", "Limits", "a name longer than `max_identifier_length`", ""},
    {"string-too-long", DiagnosticSeverity::error, "Syntax", "Limits", "a string longer than `max_string_length`", ""},
    // Schema
    {"duplicate-type", DiagnosticSeverity::error, "Schema", "type", "two types with one name", ""},
    {"reserved-type-name", DiagnosticSeverity::error, "Schema", "type", "a type named like a built-in type", ""},
    {"duplicate-field", DiagnosticSeverity::error, "Schema", "type", "two fields with one name in a record", ""},
    {"empty-enum", DiagnosticSeverity::error, "Schema", "enum", "an enum without values", ""},
    {"duplicate-enum-value", DiagnosticSeverity::error, "Schema", "enum", "a value twice in an enum", ""},
    {"unknown-type", DiagnosticSeverity::error, "Schema", "Field types", "a field or parameter of an undeclared type", ""},
    {"list-arity", DiagnosticSeverity::error, "Schema", "Field types", "`list` without exactly one type argument", ""},
    {"optional-list-element", DiagnosticSeverity::error, "Schema", "Field types", "`list<T?>`", ""},
    {"unexpected-type-arguments", DiagnosticSeverity::error, "Schema", "Field types", "`<…>` on a type other than `list`", ""},
    {"duplicate-root", DiagnosticSeverity::error, "Schema", "root", "more than one `root`", ""},
    {"root-not-record", DiagnosticSeverity::error, "Schema", "root", "the root's type is not a record", ""},
    {"record-requires-itself", DiagnosticSeverity::error, "Schema", "type", "a record type requires itself through fields that are neither optional nor lists (`type A { b: B }`, `type B { a: A }`): no plan can hold it", ""},
    {"optional-root", DiagnosticSeverity::error, "Schema", "root", "the root's type is optional", ""},
    {"code-list-as-type", DiagnosticSeverity::error, "Schema", "codes", "a field typed with a code list (`typ: Aktivitetstyp`) rather than `string of Aktivitetstyp`", ""},
    {"codes-need-string", DiagnosticSeverity::error, "Schema", "codes", "`of CODELIST` on a type other than `string`", ""},
    {"duplicate-code", DiagnosticSeverity::error, "Schema", "codes", "a code twice in a code list", ""},
    {"empty-code-list", DiagnosticSeverity::error, "Schema", "codes", "a code list without codes", ""},
    {"unknown-code-list", DiagnosticSeverity::error, "Schema", "codes", "`string of NAME` names no code list", ""},
    // Rule sets and declarations
    {"second-ruleset", DiagnosticSeverity::error, "Rule sets and declarations", "The rule set header", "a second `ruleset` header in one file", ""},
    {"ruleset-not-first", DiagnosticSeverity::error, "Rule sets and declarations", "The rule set header", "the `ruleset` header is not the file's first declaration", ""},
    {"duplicate-ruleset", DiagnosticSeverity::error, "Rule sets and declarations", "The rule set header", "two rule sets with one name", ""},
    {"unknown-ruleset", DiagnosticSeverity::error, "Rule sets and declarations", "The rule set header", "`extends` names an unknown rule set", ""},
    {"extends-itself", DiagnosticSeverity::error, "Rule sets and declarations", "The rule set header", "a rule set extends itself", ""},
    {"extends-cycle", DiagnosticSeverity::error, "Rule sets and declarations", "The rule set header", "a chain of `extends` leads back to the rule set", ""},
    {"empty-title", DiagnosticSeverity::error, "Rule sets and declarations", "The rule set header", "a rule set or rule with an empty title", ""},
    {"rule-outside-ruleset", DiagnosticSeverity::error, "Rule sets and declarations", "The rule set header", "a rule in a file without a `ruleset` header", ""},
    {"override-outside-ruleset", DiagnosticSeverity::error, "Rule sets and declarations", "The rule set header", "an override in a file without a `ruleset` header", ""},
    {"duplicate-define", DiagnosticSeverity::error, "Rule sets and declarations", "define", "a name defined twice in one rule set", ""},
    {"define-shadows", DiagnosticSeverity::error, "Rule sets and declarations", "define", "a define named like the root or a built-in function", ""},
    {"define-cycle", DiagnosticSeverity::error, "Rule sets and declarations", "define", "defines that refer to each other in a cycle", ""},
    {"duplicate-parameter", DiagnosticSeverity::error, "Rule sets and declarations", "define", "two parameters with one name in a define", ""},
    // Rules
    {"duplicate-rule-id", DiagnosticSeverity::error, "Rules", "Rules", "a rule id used twice", ""},
    {"missing-severity", DiagnosticSeverity::error, "Rules", "severity", "a rule without `severity`", ""},
    {"missing-require", DiagnosticSeverity::error, "Rules", "Rules", "a rule without `require`", ""},
    {"missing-message", DiagnosticSeverity::warning, "Rules", "message", "a rule without `message`", ""},
    {"missing-source", DiagnosticSeverity::warning, "Rules", "source", "a rule without `source`", ""},
    {"empty-source", DiagnosticSeverity::error, "Rules", "source", "`source \"\"`", ""},
    {"duplicate-tag", DiagnosticSeverity::warning, "Rules", "tags", "a tag given twice", ""},
    {"for-each-not-list", DiagnosticSeverity::error, "Rules", "for each", "`for each` over something that is not a list", ""},
    {"at-not-path", DiagnosticSeverity::error, "Rules", "at", "`at` with something other than a field path", ""},
    {"unprintable", DiagnosticSeverity::error, "Rules", "Messages", "a record or list interpolated in a message", ""},
    {"sensitive-code-in-message", DiagnosticSeverity::warning, "Rules", "sensitive fields and codes", "a message shows a coded value whose list has sensitive codes", ""},
        // Overrides
    {"unknown-rule", DiagnosticSeverity::error, "Overrides", "Layering: extends and override", "an override or test names an unknown rule", ""},
    {"override-own-rule", DiagnosticSeverity::error, "Overrides", "Layering: extends and override", "an override of a rule of the same rule set", ""},
    {"override-not-extended", DiagnosticSeverity::error, "Overrides", "Layering: extends and override", "an override of a rule of a rule set that is not extended, or of a rule in no rule set", ""},
    {"duplicate-override", DiagnosticSeverity::error, "Overrides", "Layering: extends and override", "a rule overridden twice in one rule set", ""},
    {"empty-override", DiagnosticSeverity::error, "Overrides", "Layering: extends and override", "an override that changes nothing", ""},
    {"relaxes-mandatory", DiagnosticSeverity::error, "Overrides", "mandatory", "an override that disables a mandatory rule or lowers its severity", ""},
    {"override-no-change", DiagnosticSeverity::warning, "Overrides", "Layering: extends and override", "an override that sets the severity the rule already has", ""},
    // Tests
    {"test-without-plan", DiagnosticSeverity::error, "Tests", "Tests", "a test without `plan`", ""},
    {"test-without-expect", DiagnosticSeverity::error, "Tests", "Tests", "a test without `expect`", ""},
    {"test-without-date", DiagnosticSeverity::warning, "Tests", "Tests", "a test without `as of`", ""},
    {"plan-not-found", DiagnosticSeverity::error, "Tests", "Tests", "the plan file of a test does not exist", ""},
    {"bad-pointer", DiagnosticSeverity::error, "Tests", "Tests", "an expected pointer that does not start with `/`", ""},
    {"unknown-audience", DiagnosticSeverity::error, "Tests", "Tests", "a test's `audience` other than af, kommun or leverantor", ""},
    // Names and types
    {"unknown-name", DiagnosticSeverity::error, "Names and types", "Names and field access", "a name that is no variable, root or define", ""},
    {"unknown-field", DiagnosticSeverity::error, "Names and types", "Names and field access", "a field the record does not have", ""},
    {"unknown-function", DiagnosticSeverity::error, "Names and types", "Built-in functions", "a call of an unknown function", ""},
    {"unknown-enum-value", DiagnosticSeverity::error, "Names and types", "Names and field access", "a string compared with an enum is not one of its values", ""},
    {"function-without-call", DiagnosticSeverity::error, "Names and types", "Built-in functions", "a built-in function used without `( )`", ""},
    {"not-a-function", DiagnosticSeverity::error, "Names and types", "define", "a define without parameters called with `( )`", ""},
    {"define-needs-arguments", DiagnosticSeverity::error, "Names and types", "define", "a define with parameters used without `( )`", ""},
    {"wrong-argument-count", DiagnosticSeverity::error, "Names and types", "Built-in functions", "a call with too many or too few arguments", ""},
    {"member-of-list", DiagnosticSeverity::error, "Names and types", "Names and field access", "a field read from a list", ""},
    {"member-of-non-record", DiagnosticSeverity::error, "Names and types", "Names and field access", "a field read from a value that is not a record", ""},
    {"shadows-root", DiagnosticSeverity::error, "Names and types", "for each", "a variable named like the root", ""},
    {"shadows-variable", DiagnosticSeverity::error, "Names and types", "for each", "a variable named like another variable in scope", ""},
    {"not-a-condition", DiagnosticSeverity::error, "Names and types", "Missing values and three-valued logic", "`when`, `where`, `require`, `applies when`, `if` or `all`/`any` given a non-`bool`", ""},
    {"not-a-list", DiagnosticSeverity::error, "Names and types", "Aggregates", "an aggregate or `exists` over something that is not a list", ""},
    {"mixed-list", DiagnosticSeverity::error, "Names and types", "Lists and in", "a list literal with elements of different types", ""},
    {"type-mismatch", DiagnosticSeverity::error, "Names and types", "Operators and their types", "operands, arguments or branches of the wrong type", ""},
    {"format-not-literal", DiagnosticSeverity::error, "Names and types", "Built-in functions", "the pattern of `has_format` is not a string literal", ""},
    {"aggregate-needs-where", DiagnosticSeverity::error, "Names and types", "Aggregates", "`all(x in L)` / `any(x in L)` without `where`", ""},
    {"aggregate-needs-value", DiagnosticSeverity::error, "Names and types", "Aggregates", "`sum(x in L …)` without a value to add", ""},
    {"aggregate-arguments", DiagnosticSeverity::error, "Names and types", "Aggregates", "`count(E for …)`, or several arguments to an aggregate other than `min`/`max`", ""},
    {"unknown-code", DiagnosticSeverity::warning, "Names and types", "sensitive fields and codes", "a string compared with a coded field is not in its code list (the list is open, so only a warning)", ""},
    {"label-needs-codes", DiagnosticSeverity::error, "Names and types", "Built-in functions", "`label(x)` of a value that is not a coded string", ""},
    // Key figures and grouping
    {"figure-outside-ruleset", DiagnosticSeverity::error, "Key figures and grouping", "Key figures and grouping", "a `figure` in a file without a `ruleset` header", ""},
    {"duplicate-figure", DiagnosticSeverity::error, "Key figures and grouping", "Key figures and grouping", "two key figures with one name", ""},
    {"missing-denominator", DiagnosticSeverity::error, "Key figures and grouping", "Key figures and grouping", "a key figure without `denominator`", ""},
    {"missing-numerator", DiagnosticSeverity::error, "Key figures and grouping", "Key figures and grouping", "a key figure without `numerator`", ""},
    {"empty-label", DiagnosticSeverity::error, "Key figures and grouping", "Key figures and grouping", "`label \"\"` on a key figure", ""},
    {"group-not-field", DiagnosticSeverity::error, "Key figures and grouping", "Key figures and grouping", "`group by` with something other than a field of one value", ""},
    {"duplicate-group", DiagnosticSeverity::error, "Key figures and grouping", "Key figures and grouping", "`group by` declared twice in the rules", ""},
    // Formatting
    {"format-failed", DiagnosticSeverity::error, "Formatting", "Formatting", "`planrules fmt` could not format the file; it is left as it is", ""},
    {"format-changed-meaning", DiagnosticSeverity::error, "Formatting", "Formatting", "formatting would change what the file means; it is left as it is", ""},
    // Notes
    {"note", DiagnosticSeverity::note, "Notes", "Diagnostics", "a place related to the diagnostic before it, such as the first declaration of a duplicate", ""},
    // Plans
    {"invalid-json", DiagnosticSeverity::error, "Plans", "host-guide.md#Loading a plan: two kinds of error", "a plan (or a test's inline plan) that is not one JSON text, with its line and column", ""},
    {"plan-too-large", DiagnosticSeverity::error, "Plans", "host-guide.md#Loading a plan: two kinds of error", "a plan larger than `PlanLimits::max_plan_size`", ""},
    {"plan-unreadable", DiagnosticSeverity::error, "Plans", "host-guide.md#Loading a plan: two kinds of error", "a plan that is JSON but that the JSON reader refuses by a limit of its own", ""},
    {"no-root", DiagnosticSeverity::error, "Plans", "host-guide.md#Loading a plan: two kinds of error", "plans are loaded with a schema that has no `root`", ""},
};

[[nodiscard]] constexpr const CodeRow* find_code(std::string_view code) noexcept {
    for (const CodeRow& row : code_table)
        if (row.code == code) return &row;
    return nullptr;
}

[[nodiscard]] constexpr std::span<const CodeRow> all_codes() noexcept { return code_table; }

// A diagnostic code of the table. From a string literal it is checked at compile time:
// `Code c = "unknown-field";` builds, `Code c = "unknown-feild";` does not.
class Code {
public:
    consteval Code(const char* code) : row_(find_code(code)) {  // NOLINT: implicit on purpose
        if (!row_) throw "not a diagnostic code of engine/src/diagnostics/codes.hpp";
    }
    [[nodiscard]] constexpr std::string_view name() const noexcept { return row_->code; }
    [[nodiscard]] constexpr const CodeRow& row() const noexcept { return *row_; }
    [[nodiscard]] constexpr DiagnosticSeverity severity() const noexcept { return row_->severity; }
    // `help` when it says something, else the code's default help.
    [[nodiscard]] std::string help_or_default(std::string help) const { return help.empty() ? std::string(row_->help) : help; }
    friend constexpr bool operator==(Code a, Code b) noexcept { return a.row_ == b.row_; }

private:
    const CodeRow* row_;
};

// A diagnostic of `code`, at its severity, with the code's default help when `help` is empty.
[[nodiscard]] inline Diagnostic make(Code code, const SourceFilePtr& file, SourceSpan span, std::string message,
                                     std::string help = {}) {
    return make_diagnostic(code.severity(), std::string(code.name()), file, span, std::move(message),
                           code.help_or_default(std::move(help)));
}

}  // namespace planrules::diagnostics
