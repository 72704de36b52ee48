#pragma once
// `planrules explain`: everything about one rule for the people who maintain it.

#include <planrules/check/checker.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace planrules {

// The rule's id and title, rule set, severity, mandatory, effective dates, source, tags, its
// text as written, the overrides of other rule sets, and the tests that expect something of
// it. std::nullopt when no rule has that id.
[[nodiscard]] std::optional<std::string> explain_rule(const check::Program& program, std::string_view id);

}  // namespace planrules
