// The key figures of a population run: the rules' `figure` declarations evaluated per plan.

#include "batch/figures.hpp"

#include "eval/evaluator.hpp"

namespace planrules::batch {

Figures::Figures(const eval::Compiled& c, Audience audience) : c_(c) {
    for (std::size_t i = 0; i < c.figures.size(); ++i)
        if (audience == Audience::af || !c.figures[i].sensitive) counted_.push_back(static_cast<int>(i));
}

void Figures::count(const Plan& plan, std::int64_t today, std::uint64_t max_steps,
                    const std::vector<RuleResult>& results, std::vector<FigureCount>& out) {
    out.resize(counted_.size());
    eval::Evaluator ev(c_, plan.root(), today, max_steps, &stack_);
    auto holds = [&](int node) {
        if (node < 0) return false;
        Value v = ev.eval(node);
        return v.kind == ValueKind::boolean && v.b && !ev.exhausted();
    };
    for (std::size_t k = 0; k < counted_.size(); ++k) {
        const eval::FigureCode& f = c_.figures[static_cast<std::size_t>(counted_[k])];
        RuleResult r = f.rule >= 0 && static_cast<std::size_t>(f.rule) < results.size()
                           ? results[static_cast<std::size_t>(f.rule)]
                           : RuleResult::skipped;
        std::size_t saved = ev.push_frame(f.frame_size);
        ev.var(0) = Value::boolean(r == RuleResult::passed);
        ev.var(1) = Value::boolean(r == RuleResult::passed || r == RuleResult::violated ||
                                         r == RuleResult::indeterminate);
        out[k].denominator = holds(f.denominator);
        out[k].numerator = out[k].denominator && holds(f.numerator);
        ev.pop_frame(saved, f.frame_size);
    }
}

}  // namespace planrules::batch
