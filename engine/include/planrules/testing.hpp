#pragma once
// Rule tests: the `test` blocks of a compiled rule set, run against its rules.
//
//   auto rules = planrules::compile_directory("rules/");
//   planrules::TestRun run = planrules::run_tests(*rules);
//   for (const auto& t : run.tests) if (!t.passed) …
//
// A test's plan (a file relative to the rule file, or inline JSON) is loaded and validated
// with every rule of the rule set, as of the test's date, for the audience `af`; then each
// `expect` is checked against the findings. Nothing here throws.

#include <planrules/date.hpp>
#include <planrules/eval/report.hpp>
#include <planrules/language.hpp>

#include <string>
#include <vector>

namespace planrules {

class RuleSet;

struct ExpectationResult {
    std::string text;   // the expectation as written: R-1 at "/x" outcome violated
    std::string file;   // where it is written
    int line = 0, column = 0;
    bool passed = false;
    std::string why;    // when it failed: what the findings were instead (English)
};

struct TestResult {
    std::string name;
    std::string file;  // the rule file holding the test
    int line = 0, column = 0;
    Date as_of{};
    Audience audience = Audience::af;  // whom the report was made for (the test's `audience`)
    std::string plan;   // the plan file, or "inline"
    bool passed = false;
    std::string error;  // the plan could not be read or is not JSON (the test fails)
    std::vector<ExpectationResult> expectations;
    std::vector<Finding> findings;            // what the rules gave
    std::vector<std::string> passed_rules;    // rules evaluated without a finding
};

// A date comparison of a rule (in its `when`, `where`, `require` or the defines they use), or a
// date of its `in force`, with whether some test evaluated it next to the day it turns: where it
// still holds, and where it no longer does (`today <= d + 30 days` with today the 30th day and
// the 31st). One side untested is a note in the coverage, not a failure: an off-by-one day there
// goes unseen.
struct BoundaryCoverage {
    std::string location;  // rules/af/arbetsformedlingen.rules:47:11
    std::string text;      // as written: today <= senaste_genomgang + 6 months
    bool holds = false;
    bool fails = false;
    [[nodiscard]] bool complete() const noexcept { return holds && fails; }
};

// Per rule: did some test's plan violate it, and did some test's plan satisfy it? And its
// date boundaries.
struct RuleCoverage {
    std::string rule;
    std::string file;  // where the rule is declared: rules/national/law.rules:17:1
    bool violated = false;
    bool satisfied = false;
    std::vector<BoundaryCoverage> boundaries;
    [[nodiscard]] bool complete() const noexcept { return violated && satisfied; }
    [[nodiscard]] bool boundaries_complete() const noexcept {
        for (const auto& b : boundaries)
            if (!b.complete()) return false;
        return true;
    }
};

struct TestRun {
    std::vector<TestResult> tests;
    std::vector<RuleCoverage> coverage;  // every rule, in declaration order
    [[nodiscard]] std::size_t failed() const noexcept {
        std::size_t n = 0;
        for (const auto& t : tests) n += !t.passed;
        return n;
    }
    [[nodiscard]] std::size_t covered() const noexcept {
        std::size_t n = 0;
        for (const auto& c : coverage) n += c.complete();
        return n;
    }
};

struct TestOptions {
    Date today{};  // the date of a test without `as of` (the checker warns about such tests)
    Language language = Language::en;  // of the texts of the results (why a test failed)
    // When not empty: only the tests of these files run (their names as the rules were compiled
    // with, e.g. "rules/kommun/kommun.test"), and the coverage is that of the rules these files
    // declare or their tests name. The other files are loaded all the same.
    std::vector<std::string> only;
};

[[nodiscard]] TestRun run_tests(const RuleSet& rules, const TestOptions& options = {});

// Text for policy staff: one line per passing test, the expected and actual findings of each
// failing one, then the coverage (rules never violated or never satisfied by a test).
[[nodiscard]] std::string render_test_text(const TestRun& run, bool color = false, Language language = Language::en);
// JUnit XML (one testsuite per rule file), for CI systems.
[[nodiscard]] std::string render_test_junit(const TestRun& run, Language language = Language::en);

}  // namespace planrules
