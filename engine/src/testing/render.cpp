// The rule tests' reports: text for people, JUnit XML for CI systems (planrules/testing.hpp).

#include "testing/describe.hpp"

#include "text/colors.hpp"

#include <planrules/testing.hpp>

#include <fmt/format.h>

#include <map>
#include <string>
#include <vector>

namespace planrules {

using testing_detail::describe;

namespace {

void xml_escape(std::string& out, std::string_view s) {
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') out += ' ';
                else out += c;
        }
    }
}

std::string failure_text(const TestResult& t) {
    std::string out;
    if (!t.error.empty()) {
        out += fmt::format("    the plan ({}) could not be used: {}\n", t.plan, t.error);
        return out;
    }
    for (const auto& e : t.expectations) {
        if (e.passed) continue;
        out += fmt::format("    {}:{}:{}: expected {}\n", e.file, e.line, e.column, e.text);
        out += fmt::format("      but {}\n", e.why);
    }
    if (t.audience == Audience::af) out += fmt::format("    findings as of {} ({}):\n", to_string(t.as_of), t.plan);
    else out += fmt::format("    findings as of {} ({}, audience {}):\n", to_string(t.as_of), t.plan, to_string(t.audience));
    if (t.findings.empty()) out += "      none\n";
    for (const auto& f : t.findings) out += fmt::format("      {}\n", describe(f));
    return out;
}

}  // namespace

std::string render_test_text(const TestRun& run, bool color) {
    auto paint = [&](const fmt::text_style& style, std::string_view s) { return detail::colors::paint(color, style, s); };
    std::string out;
    for (const auto& t : run.tests) {
        out += fmt::format("{} {}:{}: {}\n", t.passed ? paint(detail::colors::passed, "ok  ") : paint(detail::colors::error, "FAIL"), t.file, t.line, t.name);
        if (!t.passed) out += failure_text(t);
    }
    std::vector<const RuleCoverage*> incomplete;
    for (const auto& c : run.coverage)
        if (!c.complete()) incomplete.push_back(&c);
    out += fmt::format("\n{} tests, {} passed, {} failed\n", run.tests.size(), run.tests.size() - run.failed(), run.failed());
    std::size_t percent = run.coverage.empty() ? 100 : run.covered() * 100 / run.coverage.size();
    out += fmt::format("rule coverage: {} of {} rules both violated and satisfied by a test ({} %)\n", run.covered(),
                       run.coverage.size(), percent);
    for (const auto* c : incomplete) {
        const char* what = !c->violated && !c->satisfied ? "never violated and never satisfied"
                           : !c->violated                ? "never violated"
                                                         : "never satisfied";
        out += fmt::format("  {} ({}): {} by a test\n", c->rule, c->file, what);
    }
    // notes: date boundaries without a test on both sides
    std::size_t with_dates = 0, untested = 0;
    for (const auto& c : run.coverage) {
        with_dates += !c.boundaries.empty();
        untested += !c.boundaries_complete();
    }
    if (with_dates == 0) return out;
    out += fmt::format("date boundaries: {} of {} rules with dates tested on both sides of each\n", with_dates - untested,
                       with_dates);
    for (const auto& c : run.coverage) {
        for (const auto& b : c.boundaries) {
            if (b.complete()) continue;
            const char* what = !b.holds && !b.fails ? "no test reaches the day it turns"
                               : !b.holds           ? "no test where it still holds, next to the day it turns"
                                                    : "no test where it no longer holds, next to the day it turns";
            out += fmt::format("  {} ({}): note: '{}': {}\n", c.rule, b.location, b.text, what);
        }
    }
    return out;
}

std::string render_test_junit(const TestRun& run) {
    std::map<std::string, std::vector<const TestResult*>> by_file;
    for (const auto& t : run.tests) by_file[t.file].push_back(&t);
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += fmt::format("<testsuites name=\"planrules\" tests=\"{}\" failures=\"{}\">\n", run.tests.size(), run.failed());
    for (const auto& [file, tests] : by_file) {
        std::size_t failures = 0;
        for (const auto* t : tests) failures += !t->passed;
        out += "  <testsuite name=\"";
        xml_escape(out, file);
        out += fmt::format("\" tests=\"{}\" failures=\"{}\">\n", tests.size(), failures);
        for (const auto* t : tests) {
            out += "    <testcase classname=\"";
            xml_escape(out, file);
            out += "\" name=\"";
            xml_escape(out, t->name);
            out += fmt::format("\" file=\"");
            xml_escape(out, file);
            out += fmt::format("\" line=\"{}\"", t->line);
            if (t->passed) {
                out += "/>\n";
                continue;
            }
            out += ">\n      <failure message=\"";
            std::string first = !t->error.empty() ? t->error : std::string();
            for (const auto& e : t->expectations)
                if (first.empty() && !e.passed) first = "expected " + e.text + ", but " + e.why;
            xml_escape(out, first);
            out += "\">";
            xml_escape(out, failure_text(*t));
            out += "</failure>\n    </testcase>\n";
        }
        out += "  </testsuite>\n";
    }
    out += "</testsuites>\n";
    return out;
}

}  // namespace planrules
