// The rule-test runner (see planrules/testing.hpp).

#include <planrules/detail/strings.hpp>
#include <planrules/planrules.hpp>
#include <planrules/read.hpp>
#include <planrules/testing.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>

namespace planrules {

namespace {

namespace fs = std::filesystem;

// "AF-30D violated at "/upprattad_datum"", with the severity when an expectation names one.
std::string describe(const Finding& f, bool severity = false) {
    std::string s = f.rule + " " + ast::to_string(f.outcome);
    if (!f.pointer.empty()) s += " at \"" + f.pointer + "\"";
    if (severity) s += fmt::format(" severity {}", ast::to_string(f.severity));
    return s;
}

std::string describe_all(const std::vector<Finding>& fs, bool severity = false) {
    if (fs.empty()) return "no findings";
    std::string s;
    for (const auto& f : fs) s += (s.empty() ? "" : ", ") + describe(f, severity);
    return s;
}

bool matches(const Finding& f, const ast::Expectation& e) {
    if (f.rule != e.rules.front().text) return false;
    if (e.pointer && f.pointer != e.pointer->value) return false;
    if (e.outcome && f.outcome != *e.outcome) return false;
    if (e.severity && f.severity != *e.severity) return false;
    return true;
}

void check(ExpectationResult& out, const ast::Expectation& e, const std::vector<Finding>& findings) {
    using K = ast::Expectation::Kind;
    switch (e.kind) {
        case K::finding: {
            out.passed = std::any_of(findings.begin(), findings.end(), [&](const Finding& f) { return matches(f, e); });
            if (!out.passed) {
                std::vector<Finding> same_rule;
                for (const auto& f : findings)
                    if (f.rule == e.rules.front().text) same_rule.push_back(f);
                out.why = same_rule.empty() ? fmt::format("{} gave no finding", e.rules.front().text)
                                            : fmt::format("{} gave: {}", e.rules.front().text,
                                                          describe_all(same_rule, e.severity.has_value()));
            }
            return;
        }
        case K::no_finding: {
            std::vector<Finding> same_rule;
            for (const auto& f : findings)
                if (f.rule == e.rules.front().text) same_rule.push_back(f);
            out.passed = same_rule.empty();
            if (!out.passed) out.why = fmt::format("{} gave: {}", e.rules.front().text, describe_all(same_rule));
            return;
        }
        case K::only: {
            std::vector<std::string> problems;
            for (const auto& f : findings) {
                bool listed = std::any_of(e.rules.begin(), e.rules.end(), [&](const ast::Name& n) { return n.text == f.rule; });
                if (!listed) problems.push_back("unexpected " + describe(f));
            }
            for (const auto& n : e.rules) {
                bool found = std::any_of(findings.begin(), findings.end(), [&](const Finding& f) { return f.rule == n.text; });
                if (!found) problems.push_back(n.text + " gave no finding");
            }
            out.passed = problems.empty();
            for (const auto& p : problems) out.why += (out.why.empty() ? "" : "; ") + p;
            return;
        }
        case K::nothing:
            out.passed = findings.empty();
            if (!out.passed) out.why = "findings: " + describe_all(findings);
            return;
    }
}

std::string read_file(const fs::path& p, std::string& error) {
    auto text = read_input(p, PlanLimits{}.max_plan_size, plan_input, p.string());
    if (text) return std::move(*text);
    const std::string& why = text.error().message;  // names the path when it could not be opened
    error = why.find(p.string()) != std::string::npos ? why : fmt::format("{}: '{}'", why, p.string());
    return {};
}

TestResult run_one(const RuleSet& rules, const check::TestInfo& info, const TestOptions& options) {
    const auto& program = rules.program();
    const ast::TestDecl& t = *info.decl;
    const SourceFile& src = *program.files[static_cast<std::size_t>(info.file)].source;
    TestResult r;
    r.name = t.name.value;
    r.file = src.name();
    auto pos = src.position(t.span.begin);
    r.line = static_cast<int>(pos.line);
    r.column = static_cast<int>(pos.column);
    r.as_of = t.as_of ? t.as_of->date : options.today;
    if (t.audience) r.audience = parse_audience(t.audience->text).value_or(Audience::af);  // (checked)
    for (const auto& e : t.expectations) {
        ExpectationResult er;
        er.text = std::string(src.slice(e.span));
        if (er.text.rfind("expect", 0) == 0) er.text.erase(0, 6);
        while (!er.text.empty() && (er.text.front() == ' ' || er.text.front() == '\t')) er.text.erase(0, 1);
        er.file = src.name();
        auto ep = src.position(e.span.begin);
        er.line = static_cast<int>(ep.line);
        er.column = static_cast<int>(ep.column);
        r.expectations.push_back(std::move(er));
    }
    std::string json;
    std::string plan_name;
    if (t.plan_path) {
        fs::path p = fs::path(src.name()).parent_path() / t.plan_path->value;
        r.plan = p.lexically_normal().string();
        plan_name = r.plan;
        json = read_file(p, r.error);
    } else if (t.plan_inline) {
        r.plan = "inline";
        json = std::string(src.slice(*t.plan_inline));
        plan_name = fmt::format("{}:{}", src.name(), src.position(t.plan_inline->begin).line);
    } else {
        r.error = "the test has no plan";
    }
    if (!r.error.empty()) return r;
    auto plan = rules.load_json(json, plan_name);
    if (!plan) {
        r.error = plan.error().empty() ? "the plan could not be loaded" : plan.error().front().message;
        if (!plan.error().empty() && plan.error().front().has_span && plan.error().front().file) {
            auto p = plan.error().front().file->position(plan.error().front().span.begin);
            if (t.plan_inline) {  // the place in the rule file
                const auto base = src.position(t.plan_inline->begin);
                r.error += fmt::format(" ({}:{}:{})", src.name(), base.line + p.line - 1,
                                       p.line == 1 ? base.column + p.column - 1 : p.column);
            } else {
                r.error += fmt::format(" ({}:{}:{})", plan_name, p.line, p.column);
            }
        }
        return r;
    }
    ValidateOptions o;
    o.as_of = r.as_of;
    o.audience = r.audience;
    Report report = rules.validate(*plan, o);
    r.findings = std::move(report.findings);
    r.passed = true;
    for (std::size_t i = 0; i < t.expectations.size(); ++i) {
        check(r.expectations[i], t.expectations[i], r.findings);
        r.passed = r.passed && r.expectations[i].passed;
    }
    r.passed_rules = std::move(report.passed);
    return r;
}

}  // namespace

TestRun run_tests(const RuleSet& rules, const TestOptions& options) {
    TestRun run;
    const auto& program = rules.program();
    std::map<std::string, std::size_t> index;
    for (const auto& rule : program.rules) {
        RuleCoverage c;
        c.rule = rule.id();
        const SourceFile& src = *program.files[static_cast<std::size_t>(rule.file)].source;
        auto pos = src.position(rule.decl->span.begin);
        c.file = fmt::format("{}:{}:{}", src.name(), pos.line, pos.column);
        index.emplace(c.rule, run.coverage.size());
        run.coverage.push_back(std::move(c));
    }
    for (const auto& info : program.tests) {
        try {
            run.tests.push_back(run_one(rules, info, options));
        } catch (const std::exception& e) {  // std::bad_alloc: the test fails, the run goes on
            TestResult r;
            r.name = info.decl->name.value;
            r.error = fmt::format("internal error: {}", e.what());
            run.tests.push_back(std::move(r));
            continue;
        }
        // coverage from what the rules actually did with the test's plan
        const TestResult& r = run.tests.back();
        if (!r.error.empty()) continue;
        for (const auto& f : r.findings) {
            auto it = index.find(f.rule);
            if (it != index.end() && f.outcome == Outcome::violated) run.coverage[it->second].violated = true;
        }
        for (const auto& id : r.passed_rules) {
            auto it = index.find(id);
            if (it != index.end()) run.coverage[it->second].satisfied = true;
        }
    }
    return run;
}

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
    auto paint = [&](const char* code, std::string_view s) {
        return color ? fmt::format("\x1b[{}m{}\x1b[0m", code, s) : std::string(s);
    };
    std::string out;
    for (const auto& t : run.tests) {
        out += fmt::format("{} {}:{}: {}\n", t.passed ? paint("32", "ok  ") : paint("1;31", "FAIL"), t.file, t.line, t.name);
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
