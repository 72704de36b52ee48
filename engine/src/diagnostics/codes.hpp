#pragma once
// The diagnostic codes: one row each (code, severity, the group and the section of the docs
// that explain it, its meaning, and the help it gets when the place that reports it has none
// more specific). Every diagnostic the engine reports names its code through `Code`, which is
// checked against this table when the engine is compiled: a code that is not here does not
// build. The list in docs/language.md ("Diagnostics") is generated from this table and checked
// by tests/docs/test_diagnostic_codes.cpp.

#include "text/catalogue.hpp"

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
    std::string_view help;          // the default help, in English (text/catalogue.hpp); may be empty
};

inline constexpr CodeRow code_table[] = {
    // Files and encoding
    {"io-error", DiagnosticSeverity::error, "Files and encoding", "Files and file kinds", "a file or folder cannot be read (or too many files)", "check that the path exists and can be read, and that the folder holds no more files than `max_files`"},
    {"file-too-large", DiagnosticSeverity::error, "Files and encoding", "Limits", "a file exceeds `max_file_size`", "split the file, or raise `max_file_size` if the file is meant to be this large"},
    {"invalid-utf8", DiagnosticSeverity::error, "Files and encoding", "Encoding", "the file is not valid UTF-8", "save the file as UTF-8"},
    {"nul-byte", DiagnosticSeverity::error, "Files and encoding", "Encoding", "the file contains a NUL byte", "remove the NUL byte; rule files are text"},
    {"schema-not-found", DiagnosticSeverity::error, "Files and encoding", "Files and file kinds", "the file named by `schema \"…\"` cannot be loaded", "the path is relative to the rule file; check the name, e.g. schema \"../NAME.schema\""},
    {"schema-is-this-file", DiagnosticSeverity::error, "Files and encoding", "Files and file kinds", "`schema \"…\"` names the rule file it stands in", "name the schema file (*.schema), not the rule file itself"},
    {"too-many-errors", DiagnosticSeverity::note, "Files and encoding", "Limits", "the file has more than `max_diagnostics` errors: parsing stopped, or the checker shows no more", "correct the first errors and run again"},
    {"too-many-warnings", DiagnosticSeverity::note, "Files and encoding", "Limits", "the file has more than `max_diagnostics` warnings; the rest are not shown", "correct the first warnings and run again"},
    {"internal-error", DiagnosticSeverity::error, "Files and encoding", "Files and file kinds", "a fault inside planrules: please report it with the file that caused it", "please report this to the planrules developers, with the file that caused it"},
    // Syntax
    {"syntax-error", DiagnosticSeverity::error, "Syntax", "Grammar summary", "expected one thing, found another (with the expected form and a hint)", "write the form that is expected here"},
    {"rule-id-not-ascii", DiagnosticSeverity::error, "Syntax", "Rules", "a rule id with a letter outside A–Z (`K1280-LÄNGD`)", "write the rule id with A–Z, 0–9, '-' and '.'"},
    {"duplicate-clause", DiagnosticSeverity::error, "Syntax", "Rules", "a clause that may appear once appears twice", "keep one of the two clauses"},
    {"unterminated-string", DiagnosticSeverity::error, "Syntax", "Literals", "a string is not closed on its line", "close the string with '\"' on the same line"},
    {"unknown-escape", DiagnosticSeverity::error, "Syntax", "Literals", "a backslash escape other than `\\\" \\\\ \\n \\t \\{ \\}`", "write \\\" \\\\ \\n \\t \\{ or \\}, or remove the backslash"},
    {"interpolation-outside-message", DiagnosticSeverity::error, "Syntax", "Messages", "`{…}` in a string that is not a message", "only a message shows values in { }; write \\{ for a brace of its own"},
    {"empty-interpolation", DiagnosticSeverity::error, "Syntax", "Messages", "`{}` in a message", "write the value to show between the braces, e.g. {x.FIELD}"},
    {"unmatched-brace", DiagnosticSeverity::error, "Syntax", "Messages", "`{` without `}`, or `}` without `{`, in a message", "write \\{ or \\} for a brace of its own, or add the brace that is missing"},
    {"malformed-date", DiagnosticSeverity::error, "Syntax", "Literals", "a date not written `YYYY-MM-DD`", "write dates as YYYY-MM-DD, e.g. 2022-12-01"},
    {"invalid-date", DiagnosticSeverity::error, "Syntax", "Literals", "a date that does not exist (`2023-02-29`)", "check the day and the month: the date does not exist in the calendar"},
    {"number-too-large", DiagnosticSeverity::error, "Syntax", "Literals", "an integer outside the 64-bit range", "integers go from -9223372036854775808 to 9223372036854775807"},
    {"duration-too-large", DiagnosticSeverity::error, "Syntax", "Dates and durations", "a duration literal of 10 000 years or more", "write a duration of less than 10 000 years"},
    {"fractional-duration", DiagnosticSeverity::error, "Syntax", "Dates and durations", "a duration with a fractional amount", "write whole days, months or years, e.g. 6 months"},
    {"single-equals", DiagnosticSeverity::error, "Syntax", "Operators and their types", "`=` where `==` is meant", "compare with '=='"},
    {"unknown-operator", DiagnosticSeverity::error, "Syntax", "Operators and their types", "`&&`, `\\|\\|`, `!`, `<>`, `=>` or `=<`", "write 'and', 'or', 'not', '!=', '>=' or '<='"},
    {"chained-comparison", DiagnosticSeverity::error, "Syntax", "Operators and their types", "`a < b < c`", "join the comparisons with 'and': a < b and b < c"},
    {"empty-in-force", DiagnosticSeverity::error, "Syntax", "in force", "`in force` without dates, or ending before it begins", "write in force from DATE, in force until DATE, or both, with the end after the start"},
    {"unterminated-json", DiagnosticSeverity::error, "Syntax", "Tests", "an inline test plan whose braces are not closed", "close every '{' and '[' of the plan"},
    {"nesting-too-deep", DiagnosticSeverity::error, "Syntax", "Limits", "nesting beyond `max_nesting_depth` or the parser's stack budget", "split the expression into defines"},
    {"expression-too-long", DiagnosticSeverity::error, "Syntax", "Limits", "more than `max_expression_height` chained operators", "split the expression into defines"},
    {"name-too-long", DiagnosticSeverity::error, "Syntax", "Limits", "a name longer than `max_identifier_length`", "choose a shorter name"},
    {"string-too-long", DiagnosticSeverity::error, "Syntax", "Limits", "a string longer than `max_string_length`", "shorten the text"},
    // Schema
    {"duplicate-type", DiagnosticSeverity::error, "Schema", "type", "two types with one name", "give each type a name of its own"},
    {"reserved-type-name", DiagnosticSeverity::error, "Schema", "type", "a type named like a built-in type", "choose another name: the built-in types are string, int, decimal, bool, date, duration and list"},
    {"duplicate-field", DiagnosticSeverity::error, "Schema", "type", "two fields with one name in a record", "give each field of the record a name of its own"},
    {"empty-enum", DiagnosticSeverity::error, "Schema", "enum", "an enum without values", "list the enum's values between the braces"},
    {"duplicate-enum-value", DiagnosticSeverity::error, "Schema", "enum", "a value twice in an enum", "list each value once"},
    {"unknown-type", DiagnosticSeverity::error, "Schema", "Field types", "a field or parameter of an undeclared type", "declare the type, or use a built-in type (string, int, decimal, bool, date, duration, list<T>)"},
    {"list-arity", DiagnosticSeverity::error, "Schema", "Field types", "`list` without exactly one type argument", "write list<T> with one element type, e.g. list<T>"},
    {"optional-list-element", DiagnosticSeverity::error, "Schema", "Field types", "`list<T?>`", "make the list optional (list<T>?) or leave its elements required"},
    {"unexpected-type-arguments", DiagnosticSeverity::error, "Schema", "Field types", "`<…>` on a type other than `list`", "only list takes a type argument: list<T>"},
    {"duplicate-root", DiagnosticSeverity::error, "Schema", "root", "more than one `root`", "declare one root"},
    {"root-not-record", DiagnosticSeverity::error, "Schema", "root", "the root's type is not a record", "the root must be a record type"},
    {"record-requires-itself", DiagnosticSeverity::error, "Schema", "type", "a record type requires itself through fields that are neither optional nor lists (`type A { b: B }`, `type B { a: A }`): no plan can hold it", "make one of the fields optional (T?) or a list"},
    {"optional-root", DiagnosticSeverity::error, "Schema", "root", "the root's type is optional", "write the root's type without '?'"},
    {"code-list-as-type", DiagnosticSeverity::error, "Schema", "codes", "a field typed with a code list (`typ: Aktivitetstyp`) rather than `string of Aktivitetstyp`", "write the field as string of CODELIST"},
    {"codes-need-string", DiagnosticSeverity::error, "Schema", "codes", "`of CODELIST` on a type other than `string`", "write string of CODELIST"},
    {"duplicate-code", DiagnosticSeverity::error, "Schema", "codes", "a code twice in a code list", "list each code once"},
    {"empty-code-list", DiagnosticSeverity::error, "Schema", "codes", "a code list without codes", "list the codes between the braces"},
    {"unknown-code-list", DiagnosticSeverity::error, "Schema", "codes", "`string of NAME` names no code list", "declare the code list with codes NAME { … }, or correct its name"},
    // Rule sets and declarations
    {"second-ruleset", DiagnosticSeverity::error, "Rule sets and declarations", "The rule set header", "a second `ruleset` header in one file", "one file holds one rule set: move the rest to a file of its own"},
    {"ruleset-not-first", DiagnosticSeverity::error, "Rule sets and declarations", "The rule set header", "the `ruleset` header is not the file's first declaration", "start the file with its ruleset header"},
    {"duplicate-ruleset", DiagnosticSeverity::error, "Rule sets and declarations", "The rule set header", "two rule sets with one name", "give each rule set a name of its own"},
    {"unknown-ruleset", DiagnosticSeverity::error, "Rule sets and declarations", "The rule set header", "`extends` names an unknown rule set", "load the files of the rule set it extends too, or correct its name"},
    {"extends-itself", DiagnosticSeverity::error, "Rule sets and declarations", "The rule set header", "a rule set extends itself", "extend another rule set, or leave extends out"},
    {"extends-cycle", DiagnosticSeverity::error, "Rule sets and declarations", "The rule set header", "a chain of `extends` leads back to the rule set", "remove one of the extends so that the chain ends"},
    {"empty-title", DiagnosticSeverity::error, "Rule sets and declarations", "The rule set header", "a rule set or rule with an empty title", "write a title that says what the declaration is about"},
    {"rule-outside-ruleset", DiagnosticSeverity::error, "Rule sets and declarations", "The rule set header", "a rule in a file without a `ruleset` header", "start the file with: ruleset NAME \"title\""},
    {"override-outside-ruleset", DiagnosticSeverity::error, "Rule sets and declarations", "The rule set header", "an override in a file without a `ruleset` header", "start the file with: ruleset NAME \"title\""},
    {"duplicate-define", DiagnosticSeverity::error, "Rule sets and declarations", "define", "a name defined twice in one rule set", "give each define a name of its own"},
    {"define-shadows", DiagnosticSeverity::error, "Rule sets and declarations", "define", "a define named like the root or a built-in function", "choose a name that is not the root's or a built-in function's"},
    {"define-cycle", DiagnosticSeverity::error, "Rule sets and declarations", "define", "defines that refer to each other in a cycle", "make one of the defines not depend on the others"},
    {"duplicate-parameter", DiagnosticSeverity::error, "Rule sets and declarations", "define", "two parameters with one name in a define", "give each parameter a name of its own"},
    // Rules
    {"duplicate-rule-id", DiagnosticSeverity::error, "Rules", "Rules", "a rule id used twice", "give each rule an id of its own"},
    {"missing-severity", DiagnosticSeverity::error, "Rules", "severity", "a rule without `severity`", "add a line 'severity error', 'severity warning' or 'severity info'"},
    {"missing-require", DiagnosticSeverity::error, "Rules", "Rules", "a rule without `require`", "add 'require CONDITION': the condition a plan must meet to pass the rule"},
    {"missing-message", DiagnosticSeverity::warning, "Rules", "message", "a rule without `message`", "add 'message \"…\"': what the case officer reads when the rule is violated"},
    {"missing-source", DiagnosticSeverity::warning, "Rules", "source", "a rule without `source`", "add 'source \"…\"': the law, ordinance or guideline the rule comes from"},
    {"empty-source", DiagnosticSeverity::error, "Rules", "source", "`source \"\"`", "name the law, ordinance or guideline the rule comes from"},
    {"duplicate-tag", DiagnosticSeverity::warning, "Rules", "tags", "a tag given twice", "give each tag once"},
    {"for-each-not-list", DiagnosticSeverity::error, "Rules", "for each", "`for each` over something that is not a list", "for each goes over a list field, e.g. for each x in plan.LIST"},
    {"at-not-path", DiagnosticSeverity::error, "Rules", "at", "`at` with something other than a field path", "point at a field, e.g. at x.FIELD"},
    {"unprintable", DiagnosticSeverity::error, "Rules", "Messages", "a record or list interpolated in a message", "show one of its fields, e.g. {x.FIELD}"},
    {"sensitive-code-in-message", DiagnosticSeverity::warning, "Rules", "sensitive fields and codes", "a message shows a coded value whose list has sensitive codes", "show the code only to the audience af, or leave it out of the message"},
        // Overrides
    {"unknown-rule", DiagnosticSeverity::error, "Overrides", "Layering: extends and override", "an override or test names an unknown rule", "check the rule id; the rule's file must be loaded too"},
    {"override-own-rule", DiagnosticSeverity::error, "Overrides", "Layering: extends and override", "an override of a rule of the same rule set", "change the rule itself; an override is for a rule of a rule set this one extends"},
    {"override-not-extended", DiagnosticSeverity::error, "Overrides", "Layering: extends and override", "an override of a rule of a rule set that is not extended, or of a rule in no rule set", "extend the rule set the rule belongs to"},
    {"duplicate-override", DiagnosticSeverity::error, "Overrides", "Layering: extends and override", "a rule overridden twice in one rule set", "join the two overrides into one"},
    {"empty-override", DiagnosticSeverity::error, "Overrides", "Layering: extends and override", "an override that changes nothing", "say what the override changes (severity, message, disabled …), or remove it"},
    {"relaxes-mandatory", DiagnosticSeverity::error, "Overrides", "mandatory", "an override that disables a mandatory rule or lowers its severity", "a mandatory rule may be made stricter, never turned off or made milder"},
    {"override-no-change", DiagnosticSeverity::warning, "Overrides", "Layering: extends and override", "an override that sets the severity the rule already has", "remove the override, or give it the severity it is meant to set"},
    // Tests
    {"test-without-plan", DiagnosticSeverity::error, "Tests", "Tests", "a test without `plan`", "add plan { … } or plan \"FILE.json\""},
    {"test-without-expect", DiagnosticSeverity::error, "Tests", "Tests", "a test without `expect`", "add expect RULE-ID …, or expect nothing"},
    {"test-without-date", DiagnosticSeverity::warning, "Tests", "Tests", "a test without `as of`", "add as of YYYY-MM-DD so that the test does not depend on today's date"},
    {"plan-not-found", DiagnosticSeverity::error, "Tests", "Tests", "the plan file of a test does not exist", "the path is relative to the test's file; check the name"},
    {"bad-pointer", DiagnosticSeverity::error, "Tests", "Tests", "an expected pointer that does not start with `/`", "JSON pointers start with '/', e.g. /list/0/field"},
    {"unknown-audience", DiagnosticSeverity::error, "Tests", "Tests", "a test's `audience` other than af, kommun or leverantor", "the audiences are af, kommun and leverantor"},
    // Names and types
    {"unknown-name", DiagnosticSeverity::error, "Names and types", "Names and field access", "a name that is no variable, root or define", "check the name: a variable, the root or a define"},
    {"unknown-field", DiagnosticSeverity::error, "Names and types", "Names and field access", "a field the record does not have", "check the field's name in the schema"},
    {"unknown-function", DiagnosticSeverity::error, "Names and types", "Built-in functions", "a call of an unknown function", "check the function's name: the built-in functions are listed in docs/language.md"},
    {"unknown-enum-value", DiagnosticSeverity::error, "Names and types", "Names and field access", "a string compared with an enum is not one of its values", "compare with one of the enum's values"},
    {"function-without-call", DiagnosticSeverity::error, "Names and types", "Built-in functions", "a built-in function used without `( )`", "call the function with its arguments in ( )"},
    {"not-a-function", DiagnosticSeverity::error, "Names and types", "define", "a define without parameters called with `( )`", "write the define's name without ( )"},
    {"define-needs-arguments", DiagnosticSeverity::error, "Names and types", "define", "a define with parameters used without `( )`", "give the define its arguments in ( )"},
    {"wrong-argument-count", DiagnosticSeverity::error, "Names and types", "Built-in functions", "a call with too many or too few arguments", "give the function as many arguments as it takes"},
    {"member-of-list", DiagnosticSeverity::error, "Names and types", "Names and field access", "a field read from a list", "go over the list with for each, any(…) or all(…) and read the field of each element"},
    {"member-of-non-record", DiagnosticSeverity::error, "Names and types", "Names and field access", "a field read from a value that is not a record", "only a record has fields"},
    {"shadows-root", DiagnosticSeverity::error, "Names and types", "for each", "a variable named like the root", "choose another name for the variable"},
    {"shadows-variable", DiagnosticSeverity::error, "Names and types", "for each", "a variable named like another variable in scope", "choose another name for the variable"},
    {"not-a-condition", DiagnosticSeverity::error, "Names and types", "Missing values and three-valued logic", "`when`, `where`, `require`, `applies when`, `if` or `all`/`any` given a non-`bool`", "write a condition: a comparison, present(…), or a bool field"},
    {"not-a-list", DiagnosticSeverity::error, "Names and types", "Aggregates", "an aggregate or `exists` over something that is not a list", "give it a list, e.g. count(plan.LIST)"},
    {"mixed-list", DiagnosticSeverity::error, "Names and types", "Lists and in", "a list literal with elements of different types", "give the list elements of one type"},
    {"type-mismatch", DiagnosticSeverity::error, "Names and types", "Operators and their types", "operands, arguments or branches of the wrong type", "check the types: docs/language.md lists what each operator and function takes"},
    {"format-not-literal", DiagnosticSeverity::error, "Names and types", "Built-in functions", "the pattern of `has_format` is not a string literal", "write the pattern as a string in quotes"},
    {"aggregate-needs-where", DiagnosticSeverity::error, "Names and types", "Aggregates", "`all(x in L)` / `any(x in L)` without `where`", "write all(x in LIST where CONDITION)"},
    {"aggregate-needs-value", DiagnosticSeverity::error, "Names and types", "Aggregates", "`sum(x in L …)` without a value to add", "write sum(x in LIST: VALUE)"},
    {"aggregate-arguments", DiagnosticSeverity::error, "Names and types", "Aggregates", "`count(E for …)`, or several arguments to an aggregate other than `min`/`max`", "give the aggregate one list, e.g. count(plan.LIST)"},
    {"unknown-code", DiagnosticSeverity::warning, "Names and types", "sensitive fields and codes", "a string compared with a coded field is not in its code list (the list is open, so only a warning)", "check the code against the code list; if it is new, add it to the list"},
    {"label-needs-codes", DiagnosticSeverity::error, "Names and types", "Built-in functions", "`label(x)` of a value that is not a coded string", "label(…) takes a field of a code list: string of CODELIST"},
    // Key figures and grouping
    {"figure-outside-ruleset", DiagnosticSeverity::error, "Key figures and grouping", "Key figures and grouping", "a `figure` in a file without a `ruleset` header", "start the file with: ruleset NAME \"title\""},
    {"duplicate-figure", DiagnosticSeverity::error, "Key figures and grouping", "Key figures and grouping", "two key figures with one name", "give each key figure a name of its own"},
    {"missing-denominator", DiagnosticSeverity::error, "Key figures and grouping", "Key figures and grouping", "a key figure without `denominator`", "add 'denominator CONDITION': the plans the figure counts among"},
    {"missing-numerator", DiagnosticSeverity::error, "Key figures and grouping", "Key figures and grouping", "a key figure without `numerator`", "add 'numerator CONDITION': the plans of the denominator the figure counts"},
    {"empty-label", DiagnosticSeverity::error, "Key figures and grouping", "Key figures and grouping", "`label \"\"` on a key figure", "write a short label for tables, or leave the clause out"},
    {"group-not-field", DiagnosticSeverity::error, "Key figures and grouping", "Key figures and grouping", "`group by` with something other than a field of one value", "group by a field of one value, e.g. group by plan.FIELD"},
    {"duplicate-group", DiagnosticSeverity::error, "Key figures and grouping", "Key figures and grouping", "`group by` declared twice in the rules", "keep one group by"},
    // Formatting
    {"format-failed", DiagnosticSeverity::error, "Formatting", "Formatting", "`planrules fmt` could not format the file; it is left as it is", "the file is left as it is; please report this"},
    {"format-changed-meaning", DiagnosticSeverity::error, "Formatting", "Formatting", "formatting would change what the file means; it is left as it is", "the file is left as it is; please report this to the planrules developers"},
    // Notes
    {"note", DiagnosticSeverity::note, "Notes", "Diagnostics", "a place related to the diagnostic before it, such as the first declaration of a duplicate", ""},
    // Plans
    {"invalid-json", DiagnosticSeverity::error, "Plans", "host-guide.md#Loading a plan: two kinds of error", "a plan (or a test's inline plan) that is not one JSON text, with its line and column", "correct the JSON at the line and column shown"},
    {"plan-too-large", DiagnosticSeverity::error, "Plans", "host-guide.md#Loading a plan: two kinds of error", "a plan larger than `PlanLimits::max_plan_size`", "raise PlanLimits::max_plan_size if plans are meant to be this large"},
    {"plan-unreadable", DiagnosticSeverity::error, "Plans", "host-guide.md#Loading a plan: two kinds of error", "a plan that is JSON but that the JSON reader refuses by a limit of its own", "check the plan's nesting and sizes against the plan format"},
    {"no-root", DiagnosticSeverity::error, "Plans", "host-guide.md#Loading a plan: two kinds of error", "plans are loaded with a schema that has no `root`", "declare root NAME: TYPE in the schema"},
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
    // `help` when it says something, else the code's default help in the thread's language.
    [[nodiscard]] std::string help_or_default(std::string help) const {
        return help.empty() ? std::string(text::translate(row_->help)) : help;
    }
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
