#pragma once
// `planrules explain`: everything about one rule for the people who maintain it.

#include <planrules/check/checker.hpp>
#include <planrules/language.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace planrules {

// The rule's id and title, rule set, severity, mandatory, effective dates, the `applies when`
// of its rule set and of those it extends, source, tags, its text as written, the overrides
// of other rule sets (whether each tightens or relaxes it), the rule sets that extend its
// own, and the tests that expect something of it: those that name it, and those that expect
// no finding of it (`expect nothing`, `expect only` other rules). std::nullopt when no rule has
// that id.
[[nodiscard]] std::optional<std::string> explain_rule(const check::Program& program, std::string_view id,
                                                      Language language = Language::en);

}  // namespace planrules
