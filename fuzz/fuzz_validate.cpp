// Fuzz target: plan JSON → RuleSet::load_json → RuleSet::validate with the shipped rules, for
// every audience. Whatever the input: no crash, no exception, and a report whose findings
// have pointers that are RFC 6901 (empty or starting with '/') and, for a provider, no
// sensitive finding.

#include <planrules/planrules.hpp>

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
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    auto plan = rules().load_json(text, "fuzz.json");
    if (!plan) {
        if (plan.error().empty()) std::abort();  // a failure always says why
        return 0;
    }
    for (auto audience : {planrules::Audience::af, planrules::Audience::leverantor}) {
        planrules::ValidateOptions o;
        o.as_of = planrules::Date{2023, 6, 1};
        o.audience = audience;
        auto report = rules().validate(*plan, o);
        for (const auto& f : report.findings) {
            if (!f.pointer.empty() && f.pointer[0] != '/') std::abort();
            if (audience != planrules::Audience::af && f.sensitive) std::abort();
            if (f.rule.empty() || f.message.empty()) std::abort();
        }
    }
    return 0;
}
