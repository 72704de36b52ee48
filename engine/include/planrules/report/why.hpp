#pragma once
// Renders the explanation of a plan's report (planrules/eval/why.hpp).

#include <planrules/eval/why.hpp>
#include <planrules/language.hpp>

#include <string>

namespace planrules {

// Text for people and JSON for tools. The JSON is one object: {"plan", "as_of", "rules": [{"rule",
// "ruleset", "title", "result", "outcome", "in_force", "applies", "disabled_by", "when", "elements",
// "elements_visited", "require", "reason"}]}, each condition {"expression", "value", "condition",
// "known", "needed", "parts"}.
[[nodiscard]] std::string render_why_text(const Why& why, Language language = Language::en);
[[nodiscard]] std::string render_why_json(const Why& why);

}  // namespace planrules
