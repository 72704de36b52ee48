#pragma once
// The writers of fuzz_differential: expressions and rules as rule text, the plan model as JSON.

#include "bytes.hpp"
#include "model.hpp"

#include <string>
#include <vector>

namespace fuzz::differential {

// `e` with the fewest parentheses the precedence table needs (and those it asks for), appended
// to `out`; `min_precedence` is that of the context.
void write_expr(const Expr& e, int min_precedence, std::string& out);

std::string rule_text(const Rule& r);                      // the rule's clauses, one a line
std::string ruleset_text(const std::vector<Rule>& rules);  // the ruleset line and every rule's text

// The plan as JSON. Whether a missing optional member is left out or written as null is read
// from the bytes.
std::string plan_json(const PlanModel& p, ByteReader& bytes);

}  // namespace fuzz::differential
