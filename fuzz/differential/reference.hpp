#pragma once
// The reference interpreter of fuzz_differential: a rule's result over the plan model, from docs/language.md.

#include "model.hpp"

#include <string>
#include <utility>
#include <vector>

namespace fuzz::differential {

// What a rule gave: not applicable, passed, or findings. For `for each` rules the findings
// carry the element's pointer; a finding made at `when` (an evaluation error) has none.
struct Result {
    enum Kind { not_applicable, passed, findings } kind = passed;
    std::vector<std::pair<std::string, std::string>> found;  // (pointer, "violated"/"indeterminate")
    bool at_when = false;
    std::string describe() const;
};

// The rule evaluated over the plan as of `today` (a day number): three-valued logic with two
// kinds of unknown (missing, and an evaluation error, which wins), `when`, `for each … where`
// and `if missing` as "How a rule is evaluated" says. It shares no code with the engine.
Result reference_result(const Rule& r, const PlanModel& plan, i64 today);

}  // namespace fuzz::differential
