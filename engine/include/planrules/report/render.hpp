#pragma once
// Renders diagnostics for people (file:line:col, source line, caret, help) and for
// tools (a JSON array).

#include <planrules/diagnostics.hpp>
#include <planrules/language.hpp>

#include <string>
#include <string_view>

namespace planrules {

struct RenderOptions {
    bool color = false;        // ANSI colours, for terminals
    bool show_source = true;   // the source line and caret
    Language language = Language::en;  // of the labels ("error:", "help:"); the message is the diagnostic's
};

// One diagnostic:
//   rules/af/hp.rules:12:22: error: unknown field 'aktivitter' in Plan [unknown-field]
//      12 |   for each a in plan.aktivitter
//         |                      ^^^^^^^^^^
//         = help: did you mean 'items'?
[[nodiscard]] std::string render_text(const Diagnostic& d, const RenderOptions& options = {});
[[nodiscard]] std::string render_text(const Diagnostics& ds, const RenderOptions& options = {});

// [{"file": …, "line": …, "column": …, "end_line": …, "end_column": …, "severity": …,
//   "code": …, "message": …, "help": …}, …]
[[nodiscard]] std::string render_json(const Diagnostics& ds);

// SARIF 2.1.0, for code-scanning tools in CI (one run; rule ids are diagnostic codes). `language`:
// of the word that introduces the help in a message's text.
[[nodiscard]] std::string render_sarif(const Diagnostics& ds, std::string_view tool_version = {},
                                       Language language = Language::en);

// "error", "warning", "note": the severity as JSON and SARIF name it.
[[nodiscard]] const char* to_string(DiagnosticSeverity s) noexcept;
// The severity as the text rendering names it, in `language` ("fel", "varning", "not").
[[nodiscard]] std::string_view severity_label(DiagnosticSeverity s, Language language) noexcept;

}  // namespace planrules
