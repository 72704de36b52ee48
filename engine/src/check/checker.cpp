// The checker's pass list and its diagnostics (at most Limits::max_diagnostics per file).

#include "check/context.hpp"

namespace planrules::check::detail_checker {

void Checker::run() {
    collect_schema();
    collect_declarations();
    resolve_rulesets();
    check_defines();
    check_applies_when();
    check_rules();
    check_overrides();
    check_tests();
    check_figures();
    check_group();
}

void Checker::report(int file, SourceSpan span, diagnostics::Code code, std::string message, std::string help) {
    const auto& source = p_.files[static_cast<std::size_t>(file)].source;
    const DiagnosticSeverity sev = code.severity();
    if (sev == DiagnosticSeverity::note) {
        if (!dropping_) diags_.push_back(diagnostics::make(code, source, span, std::move(message), std::move(help)));
        return;
    }
    const bool is_error = sev == DiagnosticSeverity::error;
    std::size_t& n = (is_error ? errors_ : warnings_)[static_cast<std::size_t>(file)];
    dropping_ = n >= limits_.max_diagnostics;
    if (dropping_) {
        if (n++ == limits_.max_diagnostics)
            diags_.push_back(diagnostics::make(
                is_error ? diagnostics::Code("too-many-errors") : diagnostics::Code("too-many-warnings"), source, span,
                is_error ? tr("more than {} errors in this file; the rest are not shown", limits_.max_diagnostics)
                         : tr("more than {} warnings in this file; the rest are not shown", limits_.max_diagnostics),
                tr("fix these first, then check again")));
        return;
    }
    ++n;
    diags_.push_back(diagnostics::make(code, source, span, std::move(message), std::move(help)));
}

void Checker::error(SourceSpan span, diagnostics::Code code, std::string message, std::string help) {
    assert(code.severity() == DiagnosticSeverity::error);
    report(file_, span, code, std::move(message), std::move(help));
}

void Checker::warning(SourceSpan span, diagnostics::Code code, std::string message, std::string help) {
    assert(code.severity() == DiagnosticSeverity::warning);
    report(file_, span, code, std::move(message), std::move(help));
}

void Checker::note(int file, SourceSpan span, std::string message) {
    report(file, span, "note", std::move(message));
}

bool Checker::broken(std::string_view name) const {
    for (auto& f : p_.files)
        for (auto& n : f.ast.broken_names)
            if (n == name) return true;
    return false;
}

std::string Checker::did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
    auto n = nearest(word, candidates);
    return n.empty() ? std::string{} : tr("did you mean '{}'?", n);
}

}  // namespace planrules::check::detail_checker

namespace planrules::check {

Diagnostics check(Program& program, const Limits& limits) {
    Diagnostics diags;
    detail_checker::Checker(program, limits, diags).run();
    return diags;
}

}  // namespace planrules::check
