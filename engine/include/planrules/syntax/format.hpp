#pragma once
// `planrules fmt`: one canonical layout for rule, schema and test files, so that a diff
// between two versions of a policy shows only real changes.
//
// The formatter keeps the author's line breaks and comments and changes only whitespace:
// indentation (declarations at 0, clauses at 2, lines that continue a declaration or a clause
// 2 more, fields of a type or enum body at 2), the spacing between tokens (one space, none
// inside parentheses and brackets, before commas, around '.', in calls, `list<T>` and `T?`),
// two spaces before a comment that follows code, at most one blank line in a row and exactly
// one before each rule, override, test, rule set and type, no trailing whitespace, LF line
// endings, no byte-order mark, one newline at the end. Inline JSON in tests is kept as written.
//
// Only a file that parses without errors is formatted, and the result is parsed again: if its
// syntax tree differs from the original's in anything but positions, the formatter refuses
// (a diagnostic `format-changed-meaning`) rather than change what a rule means.

#include <planrules/diagnostics.hpp>
#include <planrules/options.hpp>
#include <planrules/syntax/ast.hpp>

#include <optional>
#include <string>

namespace planrules::syntax {

struct FormatResult {
    std::optional<std::string> text;  // the formatted file; empty when it cannot be formatted
    Diagnostics diagnostics;          // why not: the file's syntax errors, or the safety check
};

// Formats one file. Never throws.
[[nodiscard]] FormatResult format_file(const SourceFilePtr& file, const Limits& limits = {});

// A text that is equal for two parsed files exactly when their syntax trees are equal apart
// from source positions (inline test JSON compared without its whitespace). For the safety
// check and for tests.
[[nodiscard]] std::string fingerprint(const ast::File& file, const SourceFile& source);

}  // namespace planrules::syntax
