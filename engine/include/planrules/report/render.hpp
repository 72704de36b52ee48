#pragma once
// Renders diagnostics for people (file:line:col, source line, caret, help) and for
// tools (a JSON array).

#include <planrules/diagnostics.hpp>

#include <string>

namespace planrules {

struct RenderOptions {
    bool color = false;        // ANSI colours, for terminals
    bool show_source = true;   // the source line and caret
};

// One diagnostic:
//   rules/af/hp.rules:12:22: error: unknown field 'aktivitter' in Plan [unknown-field]
//      12 |   for each a in plan.aktivitter
//         |                      ^^^^^^^^^^
//         = help: did you mean 'aktiviteter'?
[[nodiscard]] std::string render_text(const Diagnostic& d, const RenderOptions& options = {});
[[nodiscard]] std::string render_text(const Diagnostics& ds, const RenderOptions& options = {});

// [{"file": …, "line": …, "column": …, "end_line": …, "end_column": …, "severity": …,
//   "code": …, "message": …, "help": …}, …]
[[nodiscard]] std::string render_json(const Diagnostics& ds);

[[nodiscard]] const char* to_string(DiagnosticSeverity s) noexcept;

}  // namespace planrules
