#pragma once
// How serious a rule's finding is, and what the rule concluded: shared by the rule language
// (a rule's `severity`, a test's `outcome`) and the reports, without the syntax tree.

#include <cstdint>

namespace planrules {

enum class Severity : std::uint8_t { info, warning, error };  // ordered: higher is stricter
[[nodiscard]] const char* to_string(Severity s) noexcept;

// A finding's outcome: the rule was violated, could not be decided (a value it reads is
// missing, or an evaluation error), or the plan's data does not fit the schema.
enum class Outcome : std::uint8_t { violated, indeterminate, invalid_input };
[[nodiscard]] const char* to_string(Outcome o) noexcept;

}  // namespace planrules
