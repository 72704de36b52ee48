// The evaluation step limit (ValidateOptions::max_steps): a rule with loops inside loops over
// long lists, or a search through long text, stops with an indeterminate finding instead of
// holding the host; the rules after it are reported, not lost; 0 lifts the limit.

#include "eval/probe.hpp"

#include <chrono>

using namespace planrules;
using planrules::test::plan_json;
using planrules::test::Probe;

namespace {

std::string many_activities(int n) {
    std::string list;
    for (int i = 0; i < n; ++i) {
        if (i) list += ", ";
        list += fmt::format(R"({{"id": "A{}", "typ": "kurs", "status": "planerad", "start": "2024-02-01"}})", i);
    }
    return plan_json("", ", \"aktiviteter\": [" + list + "]");
}

// 2 000 activities: the quadratic rule below takes some 4 000 000 pairs (tens of millions of steps).
const std::string quadratic = R"(rule T-1 "t"
  severity error
  source "s"
  for each a in plan.aktiviteter
  require count(b in plan.aktiviteter where b.id == a.id) == 1
  message "dubbel {a.id}"
rule T-2 "t"
  severity error
  source "s"
  require plan.version > 0
  message "m"
)";

const std::string limit_message = "the limit of 100000 evaluation steps was reached";

}  // namespace

TEST_CASE("eval limits: a rule that runs out of evaluation steps gets one indeterminate finding",
          "[eval][limits][robustness]") {
    Probe probe;
    const std::string plan = many_activities(2000);
    ValidateOptions options;
    options.max_steps = 100'000;
    auto start = std::chrono::steady_clock::now();
    Report r = probe.run(quadratic, plan, options);
    auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    CAPTURE(seconds);
    // T-1 stops at the element where the steps ran out: one finding, not one per element left
    REQUIRE(r.findings.size() == 2);
    const Finding& f = r.findings[0];
    CHECK(f.rule == "T-1");
    CHECK(f.outcome == Outcome::indeterminate);
    CHECK_THAT(f.message, Catch::StartsWith("The rule could not be assessed: " + limit_message));
    CHECK_THAT(f.pointer, Catch::StartsWith("/aktiviteter/"));
    // the rule after it is not lost: it is reported as not assessed
    CHECK(r.findings[1].rule == "T-2");
    CHECK(r.findings[1].outcome == Outcome::indeterminate);
    CHECK_THAT(r.findings[1].message, Catch::Contains(limit_message));
    CHECK(r.passed.empty());
    CHECK(r.evaluated == std::vector<std::string>{"T-1", "T-2"});
}

TEST_CASE("eval limits: within the steps, and with no limit, the same rule is decided", "[eval][limits]") {
    Probe probe;
    const std::string plan = many_activities(200);  // 40 000 pairs
    ValidateOptions options;
    options.max_steps = 0;  // no limit
    Report r = probe.run(quadratic, plan, options);
    CHECK(r.findings.empty());
    CHECK(r.passed == std::vector<std::string>{"T-1", "T-2"});
    options.max_steps = 100'000'000;  // the default
    r = probe.run(quadratic, plan, options);
    CHECK(r.findings.empty());
    // a small limit that an ordinary rule stays within
    options.max_steps = 1000;
    r = probe.run(quadratic, plan_json(), options);
    CHECK(Probe::outcome(r, "T-1") == "not applicable");
    CHECK(Probe::outcome(r, "T-2") == "true");
}

TEST_CASE("eval limits: the default limit stops a quadratic rule on a plan at the list limit",
          "[eval][limits][robustness]") {
    Probe probe;
    // 20 000 activities: 4 * 10^8 pairs, several times over the default
    Report r = probe.run(quadratic, many_activities(20'000));
    REQUIRE(!r.findings.empty());
    CHECK(r.findings[0].rule == "T-1");
    CHECK_THAT(r.findings[0].message, Catch::Contains("the limit of 100000000 evaluation steps was reached"));
    CHECK(r.findings.size() == 2);
}

TEST_CASE("eval limits: searching long text costs steps by its length", "[eval][limits][robustness]") {
    Probe probe;
    // a 200 KB text searched for a 100 KB needle: up to 2 * 10^10 comparisons
    std::string hay(200'000, 'a'), needle(100'000, 'a');
    needle.back() = 'b';
    std::string plan = plan_json("", fmt::format(R"(, "arbetsmarknadspolitisk_bedomning": "{}", "stod_fran_af": "{}")", hay, needle));
    ValidateOptions options;
    options.max_steps = 100'000;
    Report r = probe.run(Probe::rule("T-1", "contains(plan.arbetsmarknadspolitisk_bedomning, plan.stod_fran_af)", "m"), plan, options);
    CHECK(Probe::outcome(r, "T-1") == "error: " + limit_message);
    // a short needle in the same text is well within the limit
    std::string plan2 = plan_json("", fmt::format(R"(, "arbetsmarknadspolitisk_bedomning": "{}", "stod_fran_af": "b")", hay));
    r = probe.run(Probe::rule("T-1", "contains(plan.arbetsmarknadspolitisk_bedomning, plan.stod_fran_af)", "m"), plan2, options);
    CHECK(Probe::outcome(r, "T-1") == "false");
    // `in` and contains over a long list: a step per element
    std::string list;
    for (int i = 0; i < 100'000; ++i) list += i ? ",\"x\"" : "\"x\"";
    std::string plan3 = plan_json("", ", \"skyldigheter\": [" + list + "]");
    r = probe.run(Probe::rule("T-1", "\"y\" in plan.skyldigheter", "m"), plan3, options);
    CHECK(Probe::outcome(r, "T-1") == "error: " + limit_message);
    r = probe.run(Probe::rule("T-1", "contains(plan.skyldigheter, \"y\")", "m"), plan3, options);
    CHECK(Probe::outcome(r, "T-1") == "error: " + limit_message);
    options.max_steps = 200'000;
    r = probe.run(Probe::rule("T-1", "\"y\" in plan.skyldigheter", "m"), plan3, options);
    CHECK(Probe::outcome(r, "T-1") == "false");
}
