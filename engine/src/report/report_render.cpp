// Rendering of validation reports.

#include "json/syntax.hpp"
#include "report/json.hpp"

#include "text/catalogue.hpp"
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
        w.field("outcome", to_string(f.outcome)).field("title", f.title).field("pointer", f.pointer).field("place", f.place);
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
std::string outcome_label(Outcome o) {
    switch (o) {
        case Outcome::violated: return "";
        case Outcome::indeterminate: return fmt::format(" [{}]", text::tr("cannot be assessed"));
        case Outcome::invalid_input: return fmt::format(" [{}]", text::tr("invalid value"));
    }
    return "";
}

}  // namespace

std::string render_report_text(const Report& r, bool color, Language language) {
    using text::N_;
    using text::tr;
    using text::tr_n;
    const text::LanguageScope in_language(language);
    auto paint = [&](const fmt::text_style& style, std::string_view s) { return detail::colors::paint(color, style, s); };
    std::string out = tr("Plan {} assessed as of {}", r.plan.empty() ? tr("(no id)") : r.plan, to_string(r.as_of)) + "\n";
    if (r.findings.empty()) out += "\n" + tr("No findings.") + "\n";
    struct Group { Severity s; const char* title; const fmt::text_style& style; };
    for (const Group& g : {Group{Severity::error, N_("Errors"), detail::colors::error},
                           Group{Severity::warning, N_("Warnings"), detail::colors::warning},
                           Group{Severity::info, N_("Information"), detail::colors::note}}) {
        std::size_t n = r.count(g.s);
        if (n == 0) continue;
        out += "\n" + paint(g.style, fmt::format("{} ({})", text::translate(g.title), n)) + "\n";
        for (const Finding& f : r.findings) {
            if (f.severity != g.s) continue;
            out += fmt::format("  {} {}{}\n", paint(detail::colors::strong, f.rule), f.title, outcome_label(f.outcome));
            out += fmt::format("    {}\n", f.message);
            // the place by the schema's names, and the pointer for whoever looks in the JSON
            if (!f.pointer.empty())
                out += fmt::format("    {}: {}\n", tr("where"), f.place.empty() ? f.pointer : fmt::format("{} ({})", f.place, f.pointer));
            if (f.due) out += fmt::format("    {}: {}\n", tr("due"), to_string(*f.due));
            if (!f.source.empty()) out += fmt::format("    {}: {}\n", tr("source"), f.source);
        }
    }
    if (r.omitted_count() > 0)
        out += "\n" + tr("{} not listed: the report shows the first {}.",
                          tr_n(r.omitted_count(), N_("{} finding"), N_("{} findings")), r.findings.size()) + "\n";
    out += "\n" + tr("{}, {}, {}; {}, {}, {}, {}", tr_n(r.count(Severity::error), N_("{} error"), N_("{} errors")),
                      tr_n(r.count(Severity::warning), N_("{} warning"), N_("{} warnings")),
                      tr_n(r.count(Severity::info), N_("{} information"), N_("{} information")),
                      tr_n(r.evaluated.size(), N_("{} rule assessed"), N_("{} rules assessed")),
                      tr_n(r.passed.size(), N_("{} rule passed"), N_("{} rules passed")),
                      tr_n(r.not_applicable.size(), N_("{} rule not applicable"), N_("{} rules not applicable")),
                      tr_n(r.not_in_force.size(), N_("{} rule not in force"), N_("{} rules not in force"))) + "\n";
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
