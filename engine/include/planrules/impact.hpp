#pragma once
// The effect of a change of the rules before it is published (`planrules impact`): one
// population through two versions of the rules, streamed and in parallel like a population run
// (planrules/batch.hpp): per rule and per group the counts before and after, the key figures
// before and after, the rules added and removed, and for each change of a rule's outcome the
// number of plans it changed for and a few of them. Never throws.

#include <planrules/batch.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace planrules {

struct ImpactOptions {
    BatchOptions batch;         // as_of, audience, rule sets, threads, group_by of both runs
    std::size_t samples = 5;    // plans listed per change
};

// A change of one rule's result: the plans for which it was `from` before and is `to` after.
struct RuleChange {
    std::string rule;
    RuleResult from = RuleResult::skipped, to = RuleResult::skipped;
    std::uint64_t plans = 0;
    struct Sample {
        std::uint64_t line;
        std::string plan;  // its id
    };
    std::vector<Sample> samples;  // the first ImpactOptions::samples, by line
};

struct ImpactSummary {
    BatchSummary before, after;              // the two runs over the same plans
    std::vector<std::string> added, removed; // rule ids only after, only before
    std::vector<RuleChange> changes;         // sorted by rule, then by plans (most first)
    std::uint64_t plans_changed = 0;         // plans whose result changed for some rule
};

// `input` is read twice (once per version), so it is a file, not a stream.
[[nodiscard]] tl::expected<ImpactSummary, std::string> run_impact(const RuleSet& before, const RuleSet& after,
                                                                   const std::filesystem::path& input,
                                                                   const ImpactOptions& options = {});

// Text for people in `language`, JSON (one object), CSV (a row per rule and group: counts before and after).
[[nodiscard]] std::string render_impact_text(const ImpactSummary& s, Language language = Language::en);
[[nodiscard]] std::string render_impact_json(const ImpactSummary& s);
[[nodiscard]] std::string render_impact_csv(const ImpactSummary& s, const CsvStyle& style = {});

}  // namespace planrules
