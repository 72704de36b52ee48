#pragma once
// The counts of a population run (internal to batch/): each worker counts into its own tally,
// overall and per group; the tallies are merged into the summary at the end.

#include "batch/figures.hpp"

#include <planrules/batch.hpp>

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace planrules::batch {

// The counts of a set of plans: per rule, per counted figure (numerator, denominator).
struct Counts {
    std::vector<RuleCounts> rules;
    std::vector<std::pair<std::uint64_t, std::uint64_t>> figures;
    std::uint64_t plans = 0, due = 0;
};

using GroupCounts = std::map<std::string, Counts, std::less<>>;

// What one worker counted.
struct Tally {
    std::uint64_t lines = 0, plans = 0, not_json = 0, invalid_input = 0, with_errors = 0, queue_total = 0;
    std::vector<MalformedRecord> not_json_records;
    std::vector<std::uint64_t> invalid_lines;
    std::vector<QueueEntry> queue;
    Counts all;
    GroupCounts groups;
};

// Counts of `rules` rules and `figures` figures, all zero.
Counts empty_counts(std::size_t rules, std::size_t figures);

// Counts one plan whose rules gave `results` (a rule beyond them was skipped) and whose figures
// gave `figures` (one per counted figure, or none when no figure is counted).
void count_plan(Counts& c, const std::vector<RuleResult>& results, const std::vector<FigureCount>& figures);

void add(Counts& into, const Counts& from);

// The `max_listed` most urgent entries (due first, then line, then rule), in that order.
void trim_queue(std::vector<QueueEntry>& queue, std::size_t max_listed);

// Merges the workers' tallies: the totals and the lists (sorted, at most `max_listed` each) into
// `summary`, the counts into `all` and `groups`.
void merge(std::vector<Tally>& tallies, std::size_t max_listed, BatchSummary& summary, Counts& all,
           GroupCounts& groups);

}  // namespace planrules::batch
