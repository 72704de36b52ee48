// The explanation of a plan's report (planrules/report/why.hpp) as text for people and JSON for
// tools.

#include "report/json.hpp"
#include "report/labels.hpp"
#include "text/catalogue.hpp"

#include <planrules/report/why.hpp>

#include <fmt/format.h>

namespace planrules {

namespace {

using text::tr;

// A rule's result as people call it: its finding's outcome when it made one.
std::string result_of(const RuleWhy& r) {
    if (r.outcome && *r.outcome == Outcome::invalid_input) return tr("invalid input");
    if (r.outcome) return std::string(text::translate(result_label(*r.outcome == Outcome::violated ? RuleResult::violated
                                                                                                    : RuleResult::indeterminate)));
    return std::string(text::translate(result_label(r.result)));
}

// "expression → value", then its parts indented below it.
void node_text(std::string& out, const WhyNode& n, int indent) {
    const std::string pad(static_cast<std::size_t>(indent), ' ');
    if (!n.needed) {
        out += fmt::format("{}{} {}\n", pad, n.expression, tr("(not needed)"));
        return;
    }
    out += fmt::format("{}{} → {}\n", pad, n.expression, n.value);
    for (const auto& p : n.parts) node_text(out, p, indent + 4);
}

// "label: expression → value" with the parts below it.
void clause_text(std::string& out, std::string_view label, const WhyNode& n, int indent) {
    const std::string pad(static_cast<std::size_t>(indent), ' ');
    out += fmt::format("{}{}: {} → {}\n", pad, label, n.expression, n.value);
    for (const auto& p : n.parts) node_text(out, p, indent + 4);
}

void node_json(json::Writer& w, const WhyNode& n) {
    w.begin_object().field("expression", n.expression).field("value", n.value).field("condition", n.condition);
    w.field("holds", n.holds).field("known", n.known).field("needed", n.needed);
    w.key("parts").begin_array();
    for (const auto& p : n.parts) node_json(w, p);
    w.end_array().end_object();
}

void optional_node_json(json::Writer& w, std::string_view key, const std::optional<WhyNode>& n) {
    w.key(key);
    if (n) node_json(w, *n);
    else w.null();
}

}  // namespace

std::string render_why_text(const Why& why, Language language) {
    const text::LanguageScope in_language(language);
    std::string out = fmt::format("{}\n", tr("Why plan {} gets its report as of {}", why.plan.empty() ? tr("(no id)") : why.plan,
                                               to_string(why.as_of)));
    for (const auto& r : why.rules) {
        out += fmt::format("\n{} \"{}\" ({}): {}\n", r.rule, r.title, r.ruleset, result_of(r));
        out += fmt::format("  {}: {}\n", tr("in force"),
                           r.in_force.empty() ? tr("always")
                                              : r.in_force_today ? r.in_force
                                                                 : tr("{} (not on {})", r.in_force, to_string(why.as_of)));
        for (const auto& a : r.applies) clause_text(out, tr("applies when ({})", a.ruleset), a.condition, 2);
        if (!r.disabled_by.empty()) out += fmt::format("  {}\n", tr("turned off by an override in {}", r.disabled_by));
        if (r.when) clause_text(out, "when", *r.when, 2);
        if (r.require) clause_text(out, "require", *r.require, 2);
        if (r.elements_visited > 0 || !r.elements.empty()) {
            out += fmt::format("  {}\n", tr("for each: {} visited",
                                            text::tr_n(r.elements_visited, text::N_("{} element"), text::N_("{} elements"))));
            for (const auto& e : r.elements) {
                std::string at;
                for (const auto& p : e.pointers) at += (at.empty() ? "" : ", ") + p;
                out += fmt::format("    {}\n", at);
                if (e.where) clause_text(out, "where", *e.where, 6);
                if (e.require) clause_text(out, "require", *e.require, 6);
            }
            if (r.elements.size() < r.elements_visited)
                out += fmt::format("    {}\n", tr("… and {} more (see --format json)", r.elements_visited - r.elements.size()));
        }
        out += fmt::format("  {}: {}\n", tr("why"), r.reason);
    }
    return out;
}

std::string render_why_json(const Why& why) {
    std::string out;
    json::Writer w(out);
    write_why(w, why);
    return out + "\n";
}

void write_why(json::Writer& w, const Why& why) {
    w.begin_object().field("plan", why.plan).field("as_of", to_string(why.as_of)).field("audience", to_string(why.audience));
    w.key("rules").begin_array();
    for (const auto& r : why.rules) {
        w.begin_object().field("rule", r.rule).field("ruleset", r.ruleset).field("title", r.title);
        w.field("result", to_string(r.result)).key("outcome");
        if (r.outcome) w.string(to_string(*r.outcome));
        else w.null();
        w.field("in_force", r.in_force).field("in_force_today", r.in_force_today);
        w.key("applies").begin_array();
        for (const auto& a : r.applies) {
            w.begin_object().field("ruleset", a.ruleset).key("condition");
            node_json(w, a.condition);
            w.end_object();
        }
        w.end_array();
        w.field("disabled_by", r.disabled_by);
        optional_node_json(w, "when", r.when);
        w.key("elements").begin_array();
        for (const auto& e : r.elements) {
            w.begin_object().key("pointers").strings(e.pointers).field("selected", e.selected);
            optional_node_json(w, "where", e.where);
            optional_node_json(w, "require", e.require);
            w.end_object();
        }
        w.end_array().field("elements_visited", r.elements_visited);
        optional_node_json(w, "require", r.require);
        w.field("reason", r.reason).end_object();
    }
    w.end_array().end_object();
}

}  // namespace planrules
