// Tallies and the truth file: the exact expected outcomes of a generated population.

#pragma once

#include "generation.hpp"
#include "reference_evaluation.hpp"

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace generator {

using Counts = std::array<std::array<uint64_t, kOutcomeCount>, kRuleCount>;

struct Tally {
    uint64_t plans = 0;
    Counts counts{};
};

struct Truth {
    std::vector<uint64_t> not_json;
    std::vector<uint64_t> invalid;
    Tally all;
    std::map<std::string, Tally> by_kommun;
    std::array<uint64_t, kRuleCount> injected{};
    uint64_t registered_30 = 0;              // registered at least 30 days before as-of
    uint64_t registered_30_established = 0;  // ... and the plan is established (upprattad or avslutad)
    uint64_t established_30d_passed = 0;     // established plans: AF-30D passed
    uint64_t established_30d_evaluated = 0;  // established plans: AF-30D passed, violated or indeterminate
    uint64_t established = 0;                // established plans
    uint64_t established_automatic = 0;      // ... revised automatically
    uint64_t long_term = 0;                  // established plans of long-term unemployed (AF-LTU's definition)
    uint64_t long_term_24 = 0;               // ... registered unemployed 24 months or more
    uint64_t bytes = 0;
};

// Counts the plan's outcomes in the tally.
void add(Tally& t, const std::array<Outcome, kRuleCount>& out);

// Counts the plan in the key figures (the plan is JSON and was evaluated on `as_of`).
void count_key_figures(Truth& t, const Plan& p, const std::array<Outcome, kRuleCount>& out, Date as_of);

// The truth file: the configuration, the malformed lines, and the expected counts.
std::string truth_json(const Config& cfg, const Truth& t);

}  // namespace generator
