#pragma once
// Renders validation reports: JSON (the CLI's and the C API's format) and text for case
// officers (grouped by severity, with message, pointer and legal source).

#include <planrules/eval/report.hpp>

#include <string>

namespace planrules {

// {"plan": …, "as_of": …, "audience": …, "findings": [{"rule", "ruleset", "severity", "outcome",
//  "title", "pointer", "message", "source", "location", "due"?, "evidence": [...], "missing": [...]}],
//  "summary": {"errors", "warnings", "infos", "evaluated", "passed", "not_applicable", "not_in_force"},
//  "rules": {"evaluated": [...], "passed": [...], "not_applicable": [...], "not_in_force": [...]},
//  "digest": …}
[[nodiscard]] std::string render_report_json(const Report& r);

[[nodiscard]] std::string render_report_text(const Report& r, bool color = false);

}  // namespace planrules
