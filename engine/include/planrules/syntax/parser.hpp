#pragma once
// Entry points of the syntax stage: rule/schema text → AST + diagnostics.

#include <planrules/diagnostics.hpp>
#include <planrules/options.hpp>
#include <planrules/syntax/ast.hpp>

#include <optional>

namespace planrules::syntax {

struct ParseResult {
    ast::File file;
    Diagnostics diagnostics;
};

// Parses a whole rule or schema file. Reports as many errors as it can find; after an
// error it resumes at the next line that starts a declaration (`rule`, `define`, …).
// Never throws, never recurses deeper than limits.max_nesting_depth.
[[nodiscard]] ParseResult parse_file(const SourceFilePtr& file, const Limits& limits = {});

// Parses one expression covering the whole file text (tests, tools).
[[nodiscard]] std::optional<ast::Expr> parse_expression(const SourceFilePtr& file, const Limits& limits,
                                                        Diagnostics& diagnostics);

// Words that can never be identifiers in expressions.
[[nodiscard]] bool is_reserved_word(std::string_view word) noexcept;

}  // namespace planrules::syntax
