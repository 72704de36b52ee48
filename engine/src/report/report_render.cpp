// Rendering of validation reports.

#include "json/syntax.hpp"

#include "text/strings.hpp"
#include "text/colors.hpp"

#include <planrules/report/render.hpp>
#include <planrules/report/report_render.hpp>

#include <fmt/format.h>

namespace planrules {

namespace {

void str(std::string& out, std::string_view s) { detail::append_json_string(out, s); }

void list(std::string& out, const std::vector<std::string>& xs) {
    out += '[';
    for (std::size_t i = 0; i < xs.size(); ++i) {
        if (i) out += ", ";
        str(out, xs[i]);
    }
    out += ']';
}

}  // namespace

std::string render_report_json(const Report& r, std::string_view file) {
    std::string out = "{\"plan\": ";
    str(out, r.plan);
    if (!file.empty()) {
        out += ", \"file\": ";
        str(out, file);
    }
    out += ", \"as_of\": ";
    str(out, to_string(r.as_of));
    out += ", \"audience\": ";
    str(out, to_string(r.audience));
    out += ", \"findings\": [";
    for (std::size_t i = 0; i < r.findings.size(); ++i) {
        const Finding& f = r.findings[i];
        out += i ? ", {" : "{";
        out += "\"rule\": "; str(out, f.rule);
        out += ", \"ruleset\": "; str(out, f.ruleset);
        out += ", \"severity\": "; str(out, to_string(f.severity));
        out += ", \"outcome\": "; str(out, to_string(f.outcome));
        out += ", \"title\": "; str(out, f.title);
        out += ", \"pointer\": "; str(out, f.pointer);
        out += ", \"message\": "; str(out, f.message);
        out += ", \"source\": "; str(out, f.source);
        out += ", \"location\": "; str(out, f.location);
        if (f.due) { out += ", \"due\": "; str(out, to_string(*f.due)); }
        out += ", \"evidence\": [";
        for (std::size_t k = 0; k < f.evidence.size(); ++k) {
            if (k) out += ", ";
            out += "{\"pointer\": ";
            str(out, f.evidence[k].pointer);
            out += ", \"value\": ";
            // a value is JSON text; should one not be, it is written as a string of its text
            if (json::is_json(f.evidence[k].value)) out += f.evidence[k].value;
            else str(out, f.evidence[k].value);
            out += '}';
        }
        out += "], \"missing\": ";
        list(out, f.missing);
        if (f.sensitive) out += ", \"sensitive\": true";
        out += '}';
    }
    out += "]";
    out += fmt::format(", \"summary\": {{\"errors\": {}, \"warnings\": {}, \"infos\": {}, \"evaluated\": {}, \"passed\": {}, "
                       "\"not_applicable\": {}, \"not_in_force\": {}}}",
                       r.count(Severity::error), r.count(Severity::warning), r.count(Severity::info), r.evaluated.size(),
                       r.passed.size(), r.not_applicable.size(), r.not_in_force.size());
    if (r.omitted_count() > 0) {  // findings counted above but not listed (max_findings)
        out.pop_back();
        out += fmt::format(", \"findings_omitted\": {}}}", r.omitted_count());
    }
    out += ", \"rules\": {\"evaluated\": "; list(out, r.evaluated);
    out += ", \"passed\": "; list(out, r.passed);
    out += ", \"not_applicable\": "; list(out, r.not_applicable);
    out += ", \"not_in_force\": "; list(out, r.not_in_force);
    out += "}, \"digest\": ";
    str(out, r.digest);
    out += "}\n";
    return out;
}

namespace {

// The outcome in the case officers' language; a violation needs no label.
const char* outcome_label(Outcome o) noexcept {
    switch (o) {
        case Outcome::violated: return "";
        case Outcome::indeterminate: return " [kan inte bedömas]";
        case Outcome::invalid_input: return " [felaktig uppgift]";
    }
    return "";
}

}  // namespace

std::string render_report_text(const Report& r, bool color) {
    auto paint = [&](const fmt::text_style& style, std::string_view s) { return detail::colors::paint(color, style, s); };
    std::string out = fmt::format("Plan {} bedömd per {}\n", r.plan.empty() ? "(utan id)" : r.plan, to_string(r.as_of));
    if (r.findings.empty()) out += "\nInga avvikelser.\n";
    struct Group { Severity s; const char* title; const fmt::text_style& style; };
    for (const Group& g : {Group{Severity::error, "Fel", detail::colors::error}, Group{Severity::warning, "Varningar", detail::colors::warning},
                           Group{Severity::info, "Information", detail::colors::note}}) {
        std::size_t n = r.count(g.s);
        if (n == 0) continue;
        out += "\n" + paint(g.style, fmt::format("{} ({})", g.title, n)) + "\n";
        for (const Finding& f : r.findings) {
            if (f.severity != g.s) continue;
            out += fmt::format("  {} {}{}\n", paint(detail::colors::strong, f.rule), f.title, outcome_label(f.outcome));
            out += fmt::format("    {}\n", f.message);
            if (!f.pointer.empty()) out += fmt::format("    fält: {}\n", f.pointer);
            if (f.due) out += fmt::format("    senast: {}\n", to_string(*f.due));
            if (!f.source.empty()) out += fmt::format("    källa: {}\n", f.source);
        }
    }
    if (r.omitted_count() > 0)
        out += fmt::format("\n{} {} till listas inte: rapporten visar de {} första.\n", r.omitted_count(),
                           r.omitted_count() == 1 ? "avvikelse" : "avvikelser", r.findings.size());
    // Swedish takes the singular only for one: "1 regel bedömd", "0 regler bedömda".
    auto n = [](std::size_t count, const char* one, const char* other) {
        return fmt::format("{} {}", count, count == 1 ? one : other);
    };
    out += fmt::format("\n{}, {}, {}; {}, {}, {}, {}\n", n(r.count(Severity::error), "fel", "fel"),
                       n(r.count(Severity::warning), "varning", "varningar"),
                       n(r.count(Severity::info), "information", "information"),
                       n(r.evaluated.size(), "regel bedömd", "regler bedömda"), n(r.passed.size(), "uppfylld", "uppfyllda"),
                       n(r.not_applicable.size(), "ej tillämplig", "ej tillämpliga"),
                       n(r.not_in_force.size(), "ej i kraft", "ej i kraft"));
    return out;
}

std::string render_load_error_json(std::string_view error, const Diagnostics& diagnostics, std::string_view file) {
    std::string out = "{\"plan\": null";
    if (!file.empty()) {
        out += ", \"file\": ";
        str(out, file);
    }
    out += ", \"error\": ";
    str(out, error);
    out += ", \"diagnostics\": ";
    std::string diags = render_json(diagnostics);  // multi-line; strings escape '\n'
    for (std::size_t k = 0; k < diags.size(); ++k) {
        if (diags[k] != '\n') out += diags[k];
        else
            while (k + 1 < diags.size() && diags[k + 1] == ' ') ++k;
    }
    out += "}\n";
    return out;
}

}  // namespace planrules
