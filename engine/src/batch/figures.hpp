#pragma once
// The key figures of a population run (internal to batch/): the figures the rules declare
// (`figure`, check::FigureInfo), each plan counted into a figure's denominator and numerator by
// its conditions, which read the plan, `today` and the outcome of the figure's rule.

#include "eval/tree.hpp"

#include <planrules/eval/plan.hpp>
#include <planrules/eval/report.hpp>
#include <planrules/options.hpp>

#include <cstdint>
#include <vector>

namespace planrules::batch {

struct FigureCount {
    bool denominator = false;
    bool numerator = false;  // only within the denominator
};

class Figures {
public:
    // The figures a report for `audience` may show: for others than Arbetsförmedlingen, none
    // that reads a sensitive field or whose rule is withheld.
    Figures(const eval::Compiled& c, Audience audience);

    // Indices into Compiled::figures of the figures counted, in declaration order.
    [[nodiscard]] const std::vector<int>& counted() const noexcept { return counted_; }

    // Counts `plan`, whose rule outcomes are `results` (per rule), into `out` (one per counted
    // figure). A condition that is unknown (a value missing) or cannot be evaluated counts as
    // false. Not thread-safe: one Figures per thread.
    void count(const Plan& plan, std::int64_t today, std::uint64_t max_steps, const std::vector<RuleResult>& results,
               std::vector<FigureCount>& out);

private:
    const eval::Compiled& c_;
    std::vector<int> counted_;
    std::vector<Value> stack_;
};

}  // namespace planrules::batch
