// Fuzz target: plan JSON → RuleSet::load_json against the shipped schema, with the default
// limits and with small ones. Whatever the input: no crash, no exception; a refusal always has
// a diagnostic whose position lies inside the input; a loaded plan's input findings are
// PLAN-FORMAT / invalid_input findings with RFC 6901 pointers; loading is deterministic; the
// fast path (fast_load.cpp, one pass) and the full loader give the same plan.

#include <planrules/planrules.hpp>

#include "eval/load.hpp"
#include "eval/plan_equal.hpp"

#include <cstdint>
#include <cstdlib>
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

// RFC 6901: empty, or '/'-separated tokens in which '~' is always followed by '0' or '1'.
bool valid_pointer(std::string_view p) {
    if (p.empty()) return true;
    if (p[0] != '/') return false;
    for (std::size_t i = 0; i < p.size(); ++i)
        if (p[i] == '~' && (i + 1 >= p.size() || (p[i + 1] != '0' && p[i + 1] != '1'))) return false;
    return true;
}

void check(std::string_view text, const planrules::PlanLimits& limits) {
    auto plan = rules().load_json(text, "fuzz.json", limits);
    if (!plan) {
        if (plan.error().empty()) std::abort();  // a refusal always says why
        if (planrules::eval::load_plan(rules().program().schema, text, "fuzz.json", limits, false)) std::abort();
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
    auto full = planrules::eval::load_plan(rules().program().schema, text, "fuzz.json", limits, false);
    if (!full || !planrules::eval::same_plan(*full, *plan)) std::abort();
    // the same text loads the same way
    auto again = rules().load_json(text, "fuzz.json", limits);
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
    check(text, {});
    planrules::PlanLimits small;
    small.max_depth = 6;
    small.max_list_length = 3;
    small.max_string_length = 16;
    small.max_plan_size = 2048;
    check(text, small);
    return 0;
}
