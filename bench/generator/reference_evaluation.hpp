// The reference evaluation: each rule as written in rules/, with three-valued logic. It is written
// independently of the engine, so that a batch run of the engine can be compared with it.

#pragma once

#include "plan_model.hpp"
#include "rule_list.hpp"

#include <array>
#include <cstdint>
#include <string_view>

namespace generator {

enum Outcome : uint8_t { kViolated, kIndeterminate, kPassed, kNotApplicable, kNotInForce, kOutcomeCount };
constexpr std::array<std::string_view, kOutcomeCount> kOutcomeNames = {"violated", "indeterminate", "passed",
                                                                       "not_applicable", "not_in_force"};

enum class Tri : uint8_t { F, T, U };

// langtidsarbetslos of arbetsformedlingen.rules: more than 12 months whatever the age; more than
// 6 months and under 25.
Tri langtidsarbetslos(const Plan& p, Date today);

// The outcome of every rule for the plan on `today`.
void evaluate(const Plan& p, Date today, std::array<Outcome, kRuleCount>& out);

}  // namespace generator
