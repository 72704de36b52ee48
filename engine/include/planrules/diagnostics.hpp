#pragma once
// Diagnostics are data: severity, code, location, message, help. Rendering lives in
// report/render.hpp.

#include <planrules/source.hpp>

#include <string>
#include <vector>

namespace planrules {

enum class DiagnosticSeverity { error, warning, note };

struct Diagnostic {
    DiagnosticSeverity severity = DiagnosticSeverity::error;
    std::string code;     // stable, kebab-case: "unknown-field", "single-equals", …
    SourceFilePtr file;   // may be null for errors that concern no file (e.g. bad options)
    std::string file_name;  // set even when the file could not be read
    SourceSpan span;
    bool has_span = false;
    std::string message;
    std::string help;     // may be empty
};

using Diagnostics = std::vector<Diagnostic>;

[[nodiscard]] inline bool has_errors(const Diagnostics& ds) noexcept {
    for (const auto& d : ds)
        if (d.severity == DiagnosticSeverity::error) return true;
    return false;
}

[[nodiscard]] inline std::size_t count_severity(const Diagnostics& ds, DiagnosticSeverity s) noexcept {
    std::size_t n = 0;
    for (const auto& d : ds) n += d.severity == s;
    return n;
}

inline Diagnostic make_diagnostic(DiagnosticSeverity severity, std::string code, const SourceFilePtr& file,
                                  SourceSpan span, std::string message, std::string help = {}) {
    Diagnostic d;
    d.severity = severity;
    d.code = std::move(code);
    d.file = file;
    d.file_name = file ? file->name() : std::string{};
    d.span = span;
    d.has_span = file != nullptr;
    d.message = std::move(message);
    d.help = std::move(help);
    return d;
}

}  // namespace planrules
