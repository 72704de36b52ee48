#pragma once
// Renders validation reports: JSON (the CLI's and the C API's format) and text for case
// officers (grouped by severity, with message, pointer and legal source).

#include <planrules/diagnostics.hpp>
#include <planrules/eval/report.hpp>
#include <planrules/eval/why.hpp>

#include <string>
#include <string_view>

namespace planrules {

// {"plan": …, "as_of": …, "audience": …, "findings": [{"rule", "ruleset", "severity", "outcome",
//  "title", "pointer", "message", "source", "location", "due"?, "evidence": [...], "missing": [...], "sensitive"?: true}],
//  "summary": {"errors", "warnings", "infos", "evaluated", "passed", "not_applicable", "not_in_force"},
//  "rules": {"evaluated": [...], "passed": [...], "not_applicable": [...], "not_in_force": [...]},
//  "digest": …}
// on one line, ending in a newline: the reports of several plans form JSON Lines. `file`,
// when given, is added as "file" after "plan" (the CLI names the plan file it read).
// With `why`, the report's explanation too, under "why" (planrules/report/why.hpp).
[[nodiscard]] std::string render_report_json(const Report& r, std::string_view file = {}, const Why* why = nullptr);

// In `language` (the rules' own titles and messages are as the rule files say).
[[nodiscard]] std::string render_report_text(const Report& r, bool color = false, Language language = Language::en);

// The JSON line for a plan that could not be read or is not JSON, in place of its report:
// {"plan": null, "file"?: …, "error": …, "diagnostics": [{…}]} and a newline.
[[nodiscard]] std::string render_load_error_json(std::string_view error, const Diagnostics& diagnostics,
                                                 std::string_view file = {});

}  // namespace planrules
