// The rule tests' reports: text for people, JUnit XML for CI systems (planrules/testing.hpp).

#include "testing/describe.hpp"

#include "text/catalogue.hpp"
#include "text/colors.hpp"

#include <planrules/report/render.hpp>

#include <planrules/testing.hpp>

#include <fmt/format.h>

#include <map>
#include <string>
#include <vector>

namespace planrules {

using testing_detail::describe;
using text::N_;
using text::tr;

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
        out += fmt::format("    {}\n", tr("the plan ({}) could not be used: {}", t.plan, t.error));
        return out;
    }
    for (const auto& e : t.expectations) {
        if (e.passed) continue;
        out += fmt::format("    {}:{}:{}: {}\n", e.file, e.line, e.column, tr("expected {}", e.text));
        out += fmt::format("      {}\n", tr("but {}", e.why));
    }
    if (t.audience == Audience::af) out += fmt::format("    {}\n", tr("findings as of {} ({}):", to_string(t.as_of), t.plan));
    else out += fmt::format("    {}\n", tr("findings as of {} ({}, audience {}):", to_string(t.as_of), t.plan, to_string(t.audience)));
    if (t.findings.empty()) out += fmt::format("      {}\n", tr("none"));
    for (const auto& f : t.findings) out += fmt::format("      {}\n", describe(f));
    return out;
}

}  // namespace

std::string render_test_text(const TestRun& run, bool color, Language language) {
    const text::LanguageScope in_language(language);
    auto paint = [&](const fmt::text_style& style, std::string_view s) { return detail::colors::paint(color, style, s); };
    std::string out;
    for (const auto& t : run.tests) {
        out += fmt::format("{} {}:{}: {}\n", t.passed ? paint(detail::colors::passed, fmt::format("{:<4}", tr("ok"))) : paint(detail::colors::error, fmt::format("{:<4}", tr("FAIL"))), t.file, t.line, t.name);
        if (!t.passed) out += failure_text(t);
    }
    std::vector<const RuleCoverage*> incomplete;
    for (const auto& c : run.coverage)
        if (!c.complete()) incomplete.push_back(&c);
    out += fmt::format("\n{}\n", tr("{} tests, {} passed, {} failed", run.tests.size(), run.tests.size() - run.failed(), run.failed()));
    std::size_t percent = run.coverage.empty() ? 100 : run.covered() * 100 / run.coverage.size();
    out += fmt::format("{}\n", tr("rule coverage: {} of {} rules both violated and satisfied by a test ({} %)", run.covered(),
                                   run.coverage.size(), percent));
    for (const auto* c : incomplete) {
        const std::string what = !c->violated && !c->satisfied ? tr("never violated and never satisfied by a test")
                                 : !c->violated                ? tr("never violated by a test")
                                                               : tr("never satisfied by a test");
        out += fmt::format("  {} ({}): {}\n", c->rule, c->file, what);
    }
    // notes: date boundaries without a test on both sides
    std::size_t with_dates = 0, untested = 0;
    for (const auto& c : run.coverage) {
        with_dates += !c.boundaries.empty();
        untested += !c.boundaries_complete();
    }
    if (with_dates == 0) return out;
    out += fmt::format("{}\n", tr("date boundaries: {} of {} rules with dates tested on both sides of each", with_dates - untested,
                                   with_dates));
    for (const auto& c : run.coverage) {
        for (const auto& b : c.boundaries) {
            if (b.complete()) continue;
            const std::string what = !b.holds && !b.fails ? tr("no test reaches the day it turns")
                                     : !b.holds           ? tr("no test where it still holds, next to the day it turns")
                                                          : tr("no test where it no longer holds, next to the day it turns");
            out += fmt::format("  {} ({}): {}: '{}': {}\n", c.rule, b.location, severity_label(DiagnosticSeverity::note, language),
                               b.text, what);
        }
    }
    return out;
}

std::string render_test_junit(const TestRun& run, Language language) {
    const text::LanguageScope in_language(language);
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
                if (first.empty() && !e.passed) first = tr("expected {}, but {}", e.text, e.why);
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
