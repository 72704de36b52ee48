#pragma once
// What people call a rule's result (internal): the explanation of a report and the impact of a
// change name results alike. English texts of the catalogue (N_), translated where shown.

#include "text/catalogue.hpp"

#include <planrules/eval/report.hpp>

namespace planrules {

[[nodiscard]] constexpr const char* result_label(RuleResult r) noexcept {
    switch (r) {
        case RuleResult::violated: return text::N_("violated");
        case RuleResult::indeterminate: return text::N_("cannot be assessed");
        case RuleResult::passed: return text::N_("passed");
        case RuleResult::not_applicable: return text::N_("not applicable");
        case RuleResult::not_in_force: return text::N_("not in force");
        case RuleResult::skipped: break;
    }
    return text::N_("not assessed");
}

}  // namespace planrules
