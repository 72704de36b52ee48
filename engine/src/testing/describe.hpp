#pragma once
// A finding in one line, as the test runner's explanations and its text report both give it.

#include "text/catalogue.hpp"

#include <planrules/eval/report.hpp>

#include <fmt/format.h>

#include <string>
#include <vector>

namespace planrules::testing_detail {

// "R-1 violated at "/field"", with the severity when an expectation names one.
inline std::string describe(const Finding& f, bool severity = false) {
    std::string s = f.rule + " " + to_string(f.outcome);
    if (!f.pointer.empty()) s += text::tr(" at \"{}\"", f.pointer);
    if (severity) s += text::tr(" severity {}", to_string(f.severity));
    return s;
}

inline std::string describe_all(const std::vector<Finding>& fs, bool severity = false) {
    if (fs.empty()) return text::tr("no findings");
    std::string s;
    for (const auto& f : fs) s += (s.empty() ? "" : ", ") + describe(f, severity);
    return s;
}

}  // namespace planrules::testing_detail
