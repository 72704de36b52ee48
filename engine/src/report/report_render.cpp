// Rendering of validation reports.

#include "json/syntax.hpp"
#include "report/json.hpp"

#include "text/strings.hpp"
#include "text/colors.hpp"

#include <planrules/report/render.hpp>
#include <planrules/report/report_render.hpp>

#include <fmt/format.h>

namespace planrules {

std::string render_report_json(const Report& r, std::string_view file, const Why* why) {
    std::string out;
    json::Writer w(out);
    w.begin_object().field("plan", r.plan);
    if (!file.empty()) w.field("file", file);
    w.field("as_of", to_string(r.as_of)).field("audience", to_string(r.audience));
    w.key("findings").begin_array();
    for (const Finding& f : r.findings) {
        w.begin_object();
        w.field("rule", f.rule).field("ruleset", f.ruleset).field("severity", to_string(f.severity));
        w.field("outcome", to_string(f.outcome)).field("title", f.title).field("pointer", f.pointer);
        w.field("message", f.message).field("source", f.source).field("location", f.location);
        if (f.due) w.field("due", to_string(*f.due));
        w.key("evidence").begin_array();
        for (const auto& e : f.evidence) {
            w.begin_object().field("pointer", e.pointer).key("value");
            // a value is JSON text; should one not be, it is written as a string of its text
            if (json::is_json(e.value)) w.raw(e.value);
            else w.string(e.value);
            w.end_object();
        }
        w.end_array();
        w.key("missing").strings(f.missing);
        if (f.sensitive) w.field("sensitive", true);
        w.end_object();
    }
    w.end_array();
    w.key("summary").begin_object();
    w.field("errors", r.count(Severity::error)).field("warnings", r.count(Severity::warning)).field("infos", r.count(Severity::info));
    w.field("evaluated", r.evaluated.size()).field("passed", r.passed.size());
    w.field("not_applicable", r.not_applicable.size()).field("not_in_force", r.not_in_force.size());
    if (r.omitted_count() > 0) w.field("findings_omitted", r.omitted_count());  // counted above, not listed (max_findings)
    w.end_object();
    w.key("rules").begin_object();
    w.key("evaluated").strings(r.evaluated).key("passed").strings(r.passed);
    w.key("not_applicable").strings(r.not_applicable).key("not_in_force").strings(r.not_in_force);
    w.end_object();
    w.field("digest", r.digest);
    if (why) {
        w.key("why");
        write_why(w, *why);
    }
    w.end_object();
    return out + "\n";
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
    std::string out;
    json::Writer w(out);
    w.begin_object().key("plan").null();
    if (!file.empty()) w.field("file", file);
    w.field("error", error).key("diagnostics");
    write_diagnostics(w, diagnostics, json::Layout::one_line());
    w.end_object();
    return out + "\n";
}

}  // namespace planrules
