// The rule-test runner: each test's plan validated and its expectations judged, with rule
// coverage and date boundaries (planrules/testing.hpp).

#include "testing/describe.hpp"
#include "eval/boundaries.hpp"
#include "eval/tree.hpp"
#include "validate/validate.hpp"

#include "text/strings.hpp"
#include <planrules/planrules.hpp>
#include <planrules/read.hpp>
#include <planrules/testing.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

namespace planrules {

namespace {

namespace fs = std::filesystem;
using testing_detail::describe;
using testing_detail::describe_all;
using text::tr;

bool matches(const Finding& f, const ast::Expectation& e) {
    if (f.rule != e.rules.front().text) return false;
    if (e.pointer && f.pointer != e.pointer->value) return false;
    if (e.outcome && f.outcome != *e.outcome) return false;
    if (e.severity && f.severity != *e.severity) return false;
    return true;
}

void check(ExpectationResult& out, const ast::Expectation& e, const std::vector<Finding>& findings) {
    using Kind = ast::Expectation::Kind;
    switch (e.kind) {
        case Kind::finding: {
            out.passed = std::any_of(findings.begin(), findings.end(), [&](const Finding& f) { return matches(f, e); });
            if (!out.passed) {
                std::vector<Finding> same_rule;
                for (const auto& f : findings)
                    if (f.rule == e.rules.front().text) same_rule.push_back(f);
                out.why = same_rule.empty() ? tr("{} gave no finding", e.rules.front().text)
                                            : tr("{} gave: {}", e.rules.front().text,
                                                 describe_all(same_rule, e.severity.has_value()));
            }
            return;
        }
        case Kind::no_finding: {
            std::vector<Finding> same_rule;
            for (const auto& f : findings)
                if (f.rule == e.rules.front().text) same_rule.push_back(f);
            out.passed = same_rule.empty();
            if (!out.passed) out.why = tr("{} gave: {}", e.rules.front().text, describe_all(same_rule));
            return;
        }
        case Kind::only: {
            std::vector<std::string> problems;
            for (const auto& f : findings) {
                bool listed = std::any_of(e.rules.begin(), e.rules.end(), [&](const ast::Name& n) { return n.text == f.rule; });
                if (!listed) problems.push_back(tr("unexpected {}", describe(f)));
            }
            for (const auto& n : e.rules) {
                bool found = std::any_of(findings.begin(), findings.end(), [&](const Finding& f) { return f.rule == n.text; });
                if (!found) problems.push_back(tr("{} gave no finding", n.text));
            }
            out.passed = problems.empty();
            for (const auto& p : problems) out.why += (out.why.empty() ? "" : "; ") + p;
            return;
        }
        case Kind::nothing:
            out.passed = findings.empty();
            if (!out.passed) out.why = tr("findings: {}", describe_all(findings));
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

TestResult run_one(const RuleSet& rules, const eval::Compiled& compiled, eval::BoundaryObserver& observer,
                   const check::TestInfo& info, const TestOptions& options) {
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
        r.error = tr("the test has no plan");
    }
    if (!r.error.empty()) return r;
    auto plan = rules.load_json(json, plan_name, {}, options.language);
    if (!plan) {
        r.error = plan.error().empty() ? tr("the plan could not be loaded") : plan.error().front().message;
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
    Report report;
    eval::validate(compiled, *plan, o, report, &observer);
    r.findings = std::move(report.findings);
    r.passed = true;
    for (std::size_t i = 0; i < t.expectations.size(); ++i) {
        check(r.expectations[i], t.expectations[i], r.findings);
        r.passed = r.passed && r.expectations[i].passed;
    }
    r.passed_rules = std::move(report.passed);
    return r;
}

// The comparisons of two dates rule `code` makes: in its `when`, `for each` and `require`, and
// in the defines they use, in the order of the tree.
std::vector<int> date_comparisons(const eval::Compiled& c, const eval::RuleCode& code) {
    using eval::NodeKind;
    std::vector<int> out, todo;
    std::vector<char> seen(c.nodes.size(), 0);
    auto push = [&](int n) {
        if (n >= 0 && !seen[static_cast<std::size_t>(n)]) {
            seen[static_cast<std::size_t>(n)] = 1;
            todo.push_back(n);
        }
    };
    const auto& schema = c.program->schema;
    auto is_date = [&](int n) {
        int t = c.nodes[static_cast<std::size_t>(n)].type;
        return t >= 0 && schema.type(t).kind == check::TypeKind::date;
    };
    push(code.require);
    for (const auto& f : code.for_each) {
        push(f.where);
        push(f.collection);
    }
    push(code.when);
    while (!todo.empty()) {
        int i = todo.back();
        todo.pop_back();
        const eval::Node& n = c.nodes[static_cast<std::size_t>(i)];
        if (n.kind == NodeKind::compare && n.op != ast::Op::eq && n.op != ast::Op::ne && is_date(n.a) && is_date(n.b))
            out.push_back(i);
        for (std::uint32_t k = 0; k < n.count; ++k) push(c.kids[n.first + k]);
        push(n.a);
        push(n.b);
        push(n.c);
        if ((n.kind == NodeKind::call || n.kind == NodeKind::ref) && n.slot >= 0)
            push(c.defines[static_cast<std::size_t>(n.slot)].body);
    }
    std::sort(out.begin(), out.end());
    return out;
}

// Source text on one line: a line break and the indentation after it become one space.
std::string location(const check::Program& program, int file, std::uint32_t offset) {
    const SourceFile& src = *program.files[static_cast<std::size_t>(file)].source;
    auto pos = src.position(offset);
    return fmt::format("{}:{}:{}", src.name(), pos.line, pos.column);
}

}  // namespace

TestRun run_tests(const RuleSet& rules, const TestOptions& options) {
    const text::LanguageScope language(options.language);
    TestRun run;
    const auto& program = rules.program();
    const eval::Compiled& compiled = *rules.compiled_;
    // --only: the tests of these files, and the coverage of the rules they are about
    auto selected = [&](int file) {
        if (options.only.empty()) return true;
        const std::string& name = program.files[static_cast<std::size_t>(file)].source->name();
        return std::find(options.only.begin(), options.only.end(), name) != options.only.end();
    };
    std::set<std::string> named;
    for (const auto& t : program.tests)
        if (selected(t.file))
            for (const auto& e : t.decl->expectations)
                for (const auto& n : e.rules) named.insert(n.text);
    std::map<std::string, std::size_t> index;
    auto coverage_of = [&](int rule) -> RuleCoverage* {
        const auto it = index.find(program.rules[static_cast<std::size_t>(rule)].id());
        return it == index.end() ? nullptr : &run.coverage[it->second];
    };
    for (const auto& rule : program.rules) {
        if (!options.only.empty() && !selected(rule.file) && !named.count(rule.id())) continue;
        RuleCoverage c;
        c.rule = rule.id();
        c.file = location(program, rule.file, rule.decl->span.begin);
        index.emplace(c.rule, run.coverage.size());
        run.coverage.push_back(std::move(c));
    }
    // the boundaries of each rule: its date comparisons, then its `in force` dates
    std::vector<std::vector<int>> comparisons(compiled.rules.size());
    for (std::size_t i = 0; i < compiled.rules.size(); ++i) {
        const eval::RuleCode& code = compiled.rules[i];
        const auto& rule = program.rules[static_cast<std::size_t>(code.rule)];
        RuleCoverage* covered = coverage_of(code.rule);
        if (!covered) continue;
        auto& cov = *covered;
        comparisons[i] = date_comparisons(compiled, code);
        for (int n : comparisons[i]) {
            const eval::Node& node = compiled.nodes[static_cast<std::size_t>(n)];
            if (!node.src || node.file < 0) {  // made by the compiler: the rule's place
                cov.boundaries.push_back(BoundaryCoverage{cov.file, tr("a comparison of dates")});
                continue;
            }
            const SourceFile& src = *program.files[static_cast<std::size_t>(node.file)].source;
            cov.boundaries.push_back(BoundaryCoverage{location(program, node.file, node.src->span.begin),
                                                      planrules::detail::one_line(src.slice(node.src->span))});
        }
        const ast::RuleDecl& d = *rule.decl;
        if (d.in_force_from)
            cov.boundaries.push_back(BoundaryCoverage{location(program, rule.file, d.in_force_span.begin),
                                                      "in force from " + to_string(d.in_force_from->date)});
        if (d.in_force_until)
            cov.boundaries.push_back(BoundaryCoverage{location(program, rule.file, d.in_force_span.begin),
                                                      "in force until " + to_string(d.in_force_until->date)});
    }
    eval::BoundaryObserver observer;
    for (const auto& info : program.tests) {
        if (!selected(info.file)) continue;
        try {
            run.tests.push_back(run_one(rules, compiled, observer, info, options));
        } catch (const std::exception& e) {  // std::bad_alloc: the test fails, the run goes on
            TestResult r;
            r.name = info.decl->name.value;
            r.error = tr("internal error: {}", e.what());
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
        // `in force` dates: each rule's is decided on every test's date
        const std::int64_t day = days_from_civil(r.as_of);
        for (const auto& code : compiled.rules) {
            RuleCoverage* cov = coverage_of(code.rule);
            if (!cov) continue;
            auto& b = cov->boundaries;
            std::size_t k = b.size() - (code.from ? 1 : 0) - (code.until ? 1 : 0);
            if (code.from) {
                b[k].holds = b[k].holds || day == *code.from;
                b[k].fails = b[k].fails || day == *code.from - 1;
                ++k;
            }
            if (code.until) {
                b[k].holds = b[k].holds || day == *code.until;
                b[k].fails = b[k].fails || day == *code.until + 1;
            }
        }
    }
    for (std::size_t i = 0; i < compiled.rules.size(); ++i) {
        RuleCoverage* cov = coverage_of(compiled.rules[i].rule);
        if (!cov) continue;
        auto& b = cov->boundaries;
        for (std::size_t k = 0; k < comparisons[i].size(); ++k) {
            auto it = observer.seen.find({static_cast<int>(i), comparisons[i][k]});
            if (it == observer.seen.end()) continue;
            b[k].holds = it->second.holds;
            b[k].fails = it->second.fails;
        }
    }
    return run;
}

}  // namespace planrules
