// Fuzz target: plan JSON → RuleSet::load_json against the shipped schema and a wide one of its
// own (a root of 60 fields, names and codes of 27, 46 and 47 characters, lists of records), with
// the default limits and with small ones. Whatever the input: no crash, no exception; a refusal always has
// a diagnostic whose position lies inside the input; a loaded plan's input findings are
// PLAN-FORMAT / invalid_input findings with RFC 6901 pointers; loading is deterministic; the
// fast path (fast_load.cpp, one pass) and the full loader give the same plan; the input is
// refused as not JSON exactly when simdjson's validating parser says it is not JSON
// (json_oracle.hpp), and the report or the refusal written as JSON is JSON.

#include <planrules/planrules.hpp>

#include "load/load.hpp"
#include "load/plan_equal.hpp"
#include "json_oracle.hpp"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

const planrules::RuleSet& rules() {
    static const planrules::RuleSet rs = [] {
        auto r = planrules::compile_directory(PLANRULES_SOURCE_DIR "/rules");
        if (!r) std::abort();
        return std::move(*r);
    }();
    return rs;
}

// Keys and codes are compared in place up to 46 characters, in 16-byte chunks; a plan's first
// chunk of storage is sized from its JSON: this schema has what the shipped one has not.
const planrules::RuleSet& wide() {
    static const planrules::RuleSet rs = [] {
        std::string text = "root plan: W\n"
                           "enum Lang { a, ab, kod_med_tjugosju_tecken_xyz, "
                           "kod_med_fyrtiosex_tecken_xxxxxxxxxxxxxxxxxxxxx, "
                           "kod_med_fyrtiosju_tecken_xxxxxxxxxxxxxxxxxxxxxx }\n"
                           "type Del { datum: date?, kod: Lang?, text: string?, delar: list<Del> }\n"
                           "type W {\n  id: string\n  falt_med_fyrtiosex_tecken_xxxxxxxxxxxxxxxxxxxx: int?\n"
                           "  falt_med_fyrtiosju_tecken_xxxxxxxxxxxxxxxxxxxxx: int?\n"
                           "  kod: Lang?\n  koder: list<Lang>\n  delar: list<Del>\n  krav: bool\n";
        for (int i = 0; i < 53; ++i) text += "  f" + std::to_string(i) + ": " + (i % 3 == 0 ? "date?" : i % 3 == 1 ? "decimal?" : "string?") + "\n";
        text += "}\n";
        auto r = planrules::compile_string(text, "wide.rules");
        if (!r) std::abort();
        return std::move(*r);
    }();
    return rs;
}

// RFC 6901: empty, or '/'-separated tokens in which '~' is always followed by '0' or '1'.
bool valid_pointer(std::string_view p) {
    if (p.empty()) return true;
    if (p[0] != '/') return false;
    for (std::size_t i = 0; i < p.size(); ++i)
        if (p[i] == '~' && (i + 1 >= p.size() || (p[i + 1] != '0' && p[i + 1] != '1'))) return false;
    return true;
}

void check(const planrules::RuleSet& rules, std::string_view text, const planrules::PlanLimits& limits) {
    auto plan = rules.load_json(text, "fuzz.json", limits);
    if (!plan && plan.error().empty()) std::abort();  // a refusal always says why
    // exactly RFC 8259: refused as not JSON if and only if the reference says it is not JSON
    if (text.size() <= limits.max_plan_size &&
        (!plan && plan.error().front().code == "invalid-json") == fuzz::is_json_reference(text))
        std::abort();
    // and what is written about it is JSON
    if (!fuzz::json_lines(plan ? planrules::render_report_json(rules.validate(*plan, {.as_of = planrules::Date{2024, 7, 15}}), "fuzz.json")
                               : planrules::render_load_error_json(plan.error().front().message, plan.error(), "fuzz.json")))
        std::abort();
    if (!plan) {
        if (plan.error().empty()) std::abort();  // a refusal always says why
        if (planrules::eval::load_plan(rules.program().schema, text, "fuzz.json", limits, false)) std::abort();
        for (const auto& d : plan.error())
            if (d.has_span && (d.span.begin > text.size() || d.span.end > text.size() || d.span.begin > d.span.end))
                std::abort();
        return;
    }
    for (const auto& f : plan->input_findings()) {
        if (f.rule != "PLAN-FORMAT" || f.outcome != planrules::Outcome::invalid_input) std::abort();
        if (!valid_pointer(f.pointer) || f.message.empty()) std::abort();
    }
    // the full loader alone gives the same plan as the fast path (when it took it)
    auto full = planrules::eval::load_plan(rules.program().schema, text, "fuzz.json", limits, false);
    if (!full || !planrules::eval::same_plan(*full, *plan)) std::abort();
    // the same text loads the same way
    auto again = rules.load_json(text, "fuzz.json", limits);
    if (!again || again->input_findings().size() != plan->input_findings().size() || again->id() != plan->id())
        std::abort();
    for (std::size_t i = 0; i < plan->input_findings().size(); ++i)
        if (again->input_findings()[i].pointer != plan->input_findings()[i].pointer ||
            again->input_findings()[i].message != plan->input_findings()[i].message)
            std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    planrules::PlanLimits small;
    small.max_depth = 6;
    small.max_list_length = 3;
    small.max_string_length = 16;
    small.max_plan_size = 2048;
    for (const auto* rs : {&rules(), &wide()}) {
        check(*rs, text, {});
        check(*rs, text, small);
    }
    return 0;
}
