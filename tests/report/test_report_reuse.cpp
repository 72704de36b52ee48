// RuleSet::validate into a reused Report, and Report::results: a report that held another
// plan's findings, made with other options or another rule set, comes out the same as a fresh
// one; what a thread works out once per options (scope, rules in force, overrides) follows the
// options and the rule set it is given.

#include "support.hpp"

#include <filesystem>
#include <thread>

using namespace planrules;

namespace {

// The shipped rules (the fixture of support.hpp) and the example plans loaded with them.
struct Shipped {
    const RuleSet& rules;
    std::vector<Plan> plans;
};

const Shipped& shipped() {
    static const Shipped s = [] {
        const RuleSet& rs = test::shipped();
        std::vector<Plan> plans;
        std::vector<std::filesystem::path> files;
        for (const auto& e : std::filesystem::directory_iterator(test::source_dir() + "/examples/plans"))
            if (e.path().extension() == ".json") files.push_back(e.path());
        std::sort(files.begin(), files.end());
        for (const auto& f : files) {
            auto p = rs.load_json(test::read_file(f.string()), f.filename().string());
            if (p) plans.push_back(std::move(*p));
        }
        return Shipped{rs, std::move(plans)};
    }();
    return s;
}

std::vector<ValidateOptions> option_variants() {
    std::vector<ValidateOptions> out;
    ValidateOptions o;
    o.as_of = Date{2024, 7, 1};
    out.push_back(o);
    o.as_of = Date{2022, 6, 1};  // the older regulation in force, the newer not
    out.push_back(o);
    o = {};
    o.as_of = Date{2024, 7, 1};
    o.rulesets = {"kommun.0180"};
    out.push_back(o);
    o.rulesets = {"leverantor"};
    o.audience = Audience::leverantor;  // sensitive rules withheld
    out.push_back(o);
    o = {};
    o.as_of = Date{2024, 7, 1};
    o.audience = Audience::kommun;
    o.deadlines = true;
    o.evidence = false;
    out.push_back(o);
    o = {};
    o.as_of = Date{2024, 7, 1};
    o.details = false;
    o.rulesets = {"af.handlaggning", "no.such.ruleset"};
    out.push_back(o);
    return out;
}

// A report made on a new thread: nothing a thread keeps between validations (the work
// prepared for the options) can be shared with the report it is compared with.
Report on_new_thread(const RuleSet& rules, const Plan& plan, const ValidateOptions& o) {
    Report r;
    std::thread([&] { r = rules.validate(plan, o); }).join();
    return r;
}

}  // namespace

TEST_CASE("report reuse: validating into a used Report gives what a fresh report holds, whatever came before",
          "[report][reuse]") {
    const auto& s = shipped();
    REQUIRE(s.plans.size() >= 10);
    const auto variants = option_variants();
    Report reused;
    std::size_t compared = 0;
    // every plan under every option variant, the variants interleaved so that the per-thread
    // preparation has to follow each change
    for (std::size_t round = 0; round < 2; ++round) {
        for (std::size_t i = 0; i < s.plans.size(); ++i) {
            for (std::size_t k = 0; k < variants.size(); ++k) {
                const auto& o = variants[(k + i + round) % variants.size()];
                Report fresh = on_new_thread(s.rules, s.plans[i], o);
                s.rules.validate(s.plans[i], o, reused);
                INFO("plan " << i << ", variant " << (k + i + round) % variants.size());
                REQUIRE(test::dump(reused) == test::dump(fresh));
                if (o.details) {
                    CHECK(test::results_disagree(s.rules, reused).empty());
                } else {
                    // outcomes only: no lists of rule ids; the results are those of a full report
                    ValidateOptions full = o;
                    full.details = true;
                    CHECK(reused.results == s.rules.validate(s.plans[i], full).results);
                    CHECK(reused.evaluated.empty());
                    CHECK(reused.passed.empty());
                    CHECK(reused.not_applicable.empty());
                    CHECK(reused.not_in_force.empty());
                }
                ++compared;
            }
        }
    }
    CHECK(compared == 2 * s.plans.size() * variants.size());
}

TEST_CASE("report reuse: two rule sets validated in turn on one thread each get their own rules' report",
          "[report][reuse]") {
    const auto& s = shipped();
    auto small = to_expected(test::compile_with_schema(R"(ruleset t "T"
rule T-1 "t"
  severity warning
  source "s"
  require plan.status == "upprattad"
  message "inte upprättad"
)"));
    REQUIRE(small);
    auto plan = small->load_json(test::read_file(test::source_dir() + "/examples/plans/utkast.json"));
    REQUIRE(plan);
    ValidateOptions o;
    o.as_of = Date{2024, 7, 1};
    Report r;
    for (int i = 0; i < 3; ++i) {
        s.rules.validate(s.plans.front(), o, r);
        CHECK(r.results.size() == s.rules.rule_ids().size());
        CHECK(test::dump(r) == test::dump(on_new_thread(s.rules, s.plans.front(), o)));
        small->validate(*plan, o, r);
        REQUIRE(r.results.size() == 1);
        CHECK(r.results[0] == RuleResult::violated);
        REQUIRE(r.findings.size() == 1);
        CHECK(r.findings[0].rule == "T-1");
        CHECK(r.digest == small->digest());
    }
}

TEST_CASE("report results: each rule's result by index, for the shipped rules and plans", "[report][results]") {
    const auto& s = shipped();
    const auto ids = s.rules.rule_ids();
    auto index = [&](std::string_view id) {
        for (std::size_t i = 0; i < ids.size(); ++i)
            if (ids[i] == id) return i;
        FAIL("no rule " << id);
        return std::size_t{0};
    };
    auto plan = s.rules.load_json(test::read_file(test::source_dir() + "/examples/plans/tva-omotiverade-aktiviteter.json"));
    REQUIRE(plan);
    ValidateOptions o;
    o.as_of = Date{2024, 7, 1};
    Report r = s.rules.validate(*plan, o);
    CHECK(r.results[index("HP-6.3")] == RuleResult::violated);
    CHECK(r.results[index("HP-6.1")] == RuleResult::passed);
    CHECK(r.results[index("HP-OLD.1")] == RuleResult::not_in_force);
    CHECK(test::results_disagree(s.rules, r).empty());
    // out of scope: skipped
    o.rulesets = {"leverantor"};
    r = s.rules.validate(*plan, o);
    CHECK(r.results[index("AF-6M")] == RuleResult::skipped);
    CHECK(test::results_disagree(s.rules, r).empty());
    // a sensitive rule withheld from a municipality: skipped too, though in scope
    o.rulesets = {};
    o.audience = Audience::kommun;
    r = s.rules.validate(*plan, o);
    CHECK(r.results[index("AF-SIUS")] == RuleResult::skipped);
    CHECK(r.results[index("HP-6.3")] == RuleResult::violated);
    CHECK(test::results_disagree(s.rules, r).empty());
    // a rule with an indeterminate finding only
    auto missing = s.rules.load_json(test::read_file(test::source_dir() + "/examples/plans/saknad-aktivitetsstatus.json"));
    REQUIRE(missing);
    o = {};
    o.as_of = Date{2024, 7, 1};
    r = s.rules.validate(*missing, o);
    bool any_indeterminate = false;
    for (auto x : r.results) any_indeterminate = any_indeterminate || x == RuleResult::indeterminate;
    CHECK(any_indeterminate);
    CHECK(test::results_disagree(s.rules, r).empty());
}

TEST_CASE("report reuse: text made while evaluating (period, upper, +) is right plan after plan, long or short",
          "[report][reuse]") {
    auto rs = to_expected(test::compile_with_schema(R"(ruleset t "T"
rule T-1 "t"
  severity info
  source "s"
  require length(plan.stodbehov.bedomning + plan.stodbehov.bedomning) < 10
  message "{upper(plan.id)} {period(plan.sokande.inskrivningsdatum)} {length(plan.stodbehov.bedomning + "!")}"
)"));
    REQUIRE(rs);
    auto plan_with = [](int n, std::size_t text) {
        return fmt::format(R"({{"id": "p-{}", "version": 1, "status": "upprattad", "typ": "ordinarie", )"
                           R"("sokande": {{"id": "S", "kommun": "0180", "inskrivningsdatum": "20{:02}-0{}-15"}}, )"
                           R"("stodbehov": {{"bedomning": "{}"}}}})",
                           n, 10 + n, 1 + n % 9, std::string(text, 'x'));
    };
    ValidateOptions o;
    o.as_of = Date{2024, 7, 1};
    Report reused;
    std::vector<std::string> messages;
    for (int n = 0; n < 12; ++n) {
        // short texts, then one of 100 000 bytes (its own chunk), then short again
        const std::size_t text = n == 5 ? 100'000 : static_cast<std::size_t>(n + 10);
        auto plan = rs->load_json(plan_with(n, text));
        REQUIRE(plan);
        rs->validate(*plan, o, reused);
        REQUIRE(reused.findings.size() == 1);
        CHECK(reused.findings[0].message ==
              fmt::format("P-{} 20{:02}-0{} {}", n, 10 + n, 1 + n % 9, text + 1));
        messages.push_back(reused.findings[0].message);
    }
    CHECK(messages.front() != messages.back());
}
