#pragma once
// Renders diagnostics for people (file:line:col, source line, caret, help) and for
// tools (a JSON array).

#include <planrules/diagnostics.hpp>

#include <string>
#include <string_view>

namespace planrules {

struct RenderOptions {
    bool color = false;        // ANSI colours, for terminals
    bool show_source = true;   // the source line and caret
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

// SARIF 2.1.0, for code-scanning tools in CI (one run; rule ids are diagnostic codes).
[[nodiscard]] std::string render_sarif(const Diagnostics& ds, std::string_view tool_version = {});

[[nodiscard]] const char* to_string(DiagnosticSeverity s) noexcept;

}  // namespace planrules
