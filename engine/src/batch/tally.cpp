// The counts of a population run (see tally.hpp).

#include "batch/tally.hpp"

#include <algorithm>

namespace planrules::batch {

Counts empty_counts(std::size_t rules, std::size_t figures) {
    Counts c;
    c.rules.resize(rules);
    c.figures.resize(figures);
    return c;
}

void count_plan(Counts& c, const std::vector<RuleResult>& results, const std::vector<FigureCount>& figures) {
    ++c.plans;
    const std::size_t n = std::min(c.rules.size(), results.size());
    for (std::size_t i = 0; i < n; ++i) {
        auto& rc = c.rules[i];
        switch (results[i]) {
            case RuleResult::violated: ++rc.violated; break;
            case RuleResult::indeterminate: ++rc.indeterminate; break;
            case RuleResult::passed: ++rc.passed; break;
            case RuleResult::not_applicable: ++rc.not_applicable; break;
            case RuleResult::not_in_force: ++rc.not_in_force; break;
            case RuleResult::skipped: break;
        }
    }
    for (std::size_t k = 0; k < figures.size() && k < c.figures.size(); ++k) {
        c.figures[k].first += figures[k].numerator;
        c.figures[k].second += figures[k].denominator;
    }
}

void add(Counts& into, const Counts& from) {
    into.plans += from.plans;
    into.due += from.due;
    if (into.rules.size() < from.rules.size()) into.rules.resize(from.rules.size());
    for (std::size_t i = 0; i < from.rules.size(); ++i) {
        auto& a = into.rules[i];
        const auto& b = from.rules[i];
        a.violated += b.violated;
        a.indeterminate += b.indeterminate;
        a.passed += b.passed;
        a.not_applicable += b.not_applicable;
        a.not_in_force += b.not_in_force;
    }
    if (into.figures.size() < from.figures.size()) into.figures.resize(from.figures.size());
    for (std::size_t i = 0; i < from.figures.size(); ++i) {
        into.figures[i].first += from.figures[i].first;
        into.figures[i].second += from.figures[i].second;
    }
}

namespace {

bool urgent_first(const QueueEntry& a, const QueueEntry& b) {
    auto da = days_from_civil(a.due), db = days_from_civil(b.due);
    return da != db ? da < db : a.line != b.line ? a.line < b.line : a.rule < b.rule;
}

}  // namespace

void trim_queue(std::vector<QueueEntry>& queue, std::size_t max_listed) {
    std::sort(queue.begin(), queue.end(), urgent_first);
    if (queue.size() > max_listed) queue.resize(max_listed);
}

void merge(std::vector<Tally>& tallies, std::size_t max_listed, BatchSummary& summary, Counts& all,
           GroupCounts& groups) {
    for (auto& t : tallies) {
        summary.lines += t.lines;
        summary.plans += t.plans;
        summary.not_json += t.not_json;
        summary.invalid_input += t.invalid_input;
        summary.with_errors += t.with_errors;
        summary.queue_total += t.queue_total;
        for (auto& r : t.not_json_records) summary.not_json_records.push_back(std::move(r));
        summary.invalid_input_lines.insert(summary.invalid_input_lines.end(), t.invalid_lines.begin(),
                                           t.invalid_lines.end());
        for (auto& q : t.queue) summary.queue.push_back(std::move(q));
        add(all, t.all);
        for (auto& [value, c] : t.groups) add(groups[value], c);
    }
    auto by_line = [](const auto& a, const auto& b) { return a.line < b.line; };
    std::sort(summary.not_json_records.begin(), summary.not_json_records.end(), by_line);
    if (summary.not_json_records.size() > max_listed) summary.not_json_records.resize(max_listed);
    std::sort(summary.invalid_input_lines.begin(), summary.invalid_input_lines.end());
    if (summary.invalid_input_lines.size() > max_listed) summary.invalid_input_lines.resize(max_listed);
    trim_queue(summary.queue, max_listed);
}

}  // namespace planrules::batch
