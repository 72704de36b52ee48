// RuleSet::why and `planrules validate --why`: which condition failed, with the values it read,
// for every rule, agreeing with the report; nothing sensitive for other audiences.

#include "../support.hpp"
#include "../sensitive_plan.hpp"
#include "cli/cli_run.hpp"
#include "json/syntax.hpp"

#include <planrules/planrules.hpp>

using namespace planrules;
using planrules::test::run_cli;
using planrules::test::shipped;

namespace {

const RuleWhy& rule_of(const Why& why, std::string_view id) {
    for (const auto& r : why.rules)
        if (r.rule == id) return r;
    FAIL("no explanation of " << id);
    static RuleWhy none;
    return none;
}

const WhyNode* part_named(const WhyNode& n, std::string_view expression) {
    if (n.expression == expression) return &n;
    for (const auto& p : n.parts)
        if (const WhyNode* found = part_named(p, expression)) return found;
    return nullptr;
}

ValidateOptions as_of(Date d, Audience audience = Audience::af) {
    ValidateOptions o;
    o.as_of = d;
    o.audience = audience;
    return o;
}

Plan load(std::string_view json) {
    auto plan = shipped().load_json(json);
    REQUIRE(plan);
    return std::move(*plan);
}

const std::string late_plan =
    R"({"id": "P-SEN", "version": 1, "status": "upprattad", "typ": "ordinarie", "upprattad_datum": "2024-01-20",)"
    R"( "senast_reviderad": "2024-01-20", "sokande": {"id": "S-1", "kommun": "0180", "inskrivningsdatum": "2024-01-10"},)"
    R"( "stodbehov": {"bedomning": "Behöver stöd i sökandet.", "niva": "grundlaggande"}, "skyldigheter": ["aktivitetsrapportera"],)"
    R"( "aktiviteter": [{"id": "A1", "typ": "arbetspraktik", "status": "pagaende", "start": "2024-02-01", "slut": "2024-08-30", "motivering": "m"},)"
    R"( {"id": "A2", "typ": "studier", "status": "pagaende", "start": "2024-03-01", "slut": "2024-02-01", "motivering": "m"}]})";

}  // namespace

TEST_CASE("why: every rule the report covers, with the report's result", "[why]") {
    const Plan plan = load(late_plan);
    const auto options = as_of({2024, 9, 1});
    const Report report = shipped().validate(plan, options);
    const Why why = shipped().why(plan, options);
    CHECK(why.plan == "P-SEN");
    std::size_t covered = 0;
    for (std::size_t i = 0; i < report.results.size(); ++i) covered += report.results[i] != RuleResult::skipped;
    CHECK(why.rules.size() == covered);
    for (const auto& r : why.rules) {
        INFO(r.rule);
        const auto& ids = shipped().program().rules;
        std::size_t index = 0;
        while (index < ids.size() && ids[index].id() != r.rule) ++index;
        REQUIRE(index < ids.size());
        CHECK(r.result == report.results[index]);
        CHECK_FALSE(r.reason.empty());
    }
}

TEST_CASE("why: a violated rule shows the condition that failed and the values it read", "[why]") {
    const Why why = shipped().why(load(late_plan), as_of({2024, 9, 1}));
    const RuleWhy& six = rule_of(why, "AF-6M");
    CHECK(six.result == RuleResult::violated);
    REQUIRE(six.when);
    CHECK(six.when->holds);
    REQUIRE(six.require);
    CHECK(six.require->expression == "today <= senaste_genomgang + 6 months");
    CHECK(six.require->condition);
    CHECK_FALSE(six.require->holds);
    CHECK(six.require->known);
    const WhyNode* today = part_named(*six.require, "today");
    REQUIRE(today);
    CHECK(today->value == "2024-09-01");
    const WhyNode* limit = part_named(*six.require, "senaste_genomgang + 6 months");
    REQUIRE(limit);
    CHECK(limit->value == "2024-07-20");
    CHECK(six.reason == "'require' is false");
}

TEST_CASE("why: the elements of a for each, with the one that fails", "[why]") {
    const Why why = shipped().why(load(late_plan), as_of({2024, 9, 1}));
    const RuleWhy& dates = rule_of(why, "AF-DATUM");
    CHECK(dates.result == RuleResult::violated);
    CHECK(dates.elements_visited == 2);
    REQUIRE(dates.elements.size() == 2);
    CHECK(dates.elements[0].pointers == std::vector<std::string>{"/aktiviteter/0"});
    REQUIRE(dates.elements[1].require);
    CHECK_FALSE(dates.elements[1].require->holds);
    const WhyNode* end = part_named(*dates.elements[1].require, "a.slut");
    REQUIRE(end);
    CHECK(end->value == "2024-02-01");
    CHECK(dates.reason == "'require' is false for 1 element (the first: /aktiviteter/1)");
}

TEST_CASE("why: not applicable, not in force, unknown and the parts not needed", "[why]") {
    const Why why = shipped().why(load(late_plan), as_of({2024, 9, 1}));
    // a municipality's rule set that does not apply to a plan of another municipality
    const RuleWhy& gbg = rule_of(why, "K1480-SPAR");
    CHECK(gbg.result == RuleResult::not_applicable);
    REQUIRE_FALSE(gbg.applies.empty());
    CHECK(gbg.applies[0].ruleset == "kommun.1480");
    CHECK_FALSE(gbg.applies[0].condition.holds);
    CHECK(gbg.reason == "the rule set kommun.1480 does not apply: its 'applies when' is false");
    // the rules of before 2022-12-01
    const RuleWhy& old = rule_of(why, "HP-OLD.1");
    CHECK(old.result == RuleResult::not_in_force);
    CHECK_FALSE(old.in_force_today);
    CHECK(old.reason.rfind("not in force on 2024-09-01", 0) == 0);
    // an `or` decided by its left side does not evaluate its right side
    const RuleWhy& current = rule_of(why, "AF-AKTUELL");
    bool skipped = false;
    for (const auto& e : current.elements)
        if (e.require)
            for (const auto& p : e.require->parts) skipped = skipped || !p.needed;
    CHECK(skipped);
    // a rule that cannot be assessed for a missing value says so
    const std::string no_review = R"({"id": "P-X", "version": 1, "status": "upprattad", "typ": "ordinarie",)"
                                  R"( "sokande": {"id": "S-1", "kommun": "0180", "inskrivningsdatum": "2024-01-10"}})";
    const Why unknown = shipped().why(load(no_review), as_of({2024, 9, 1}));
    const RuleWhy& six = rule_of(unknown, "AF-6M");
    CHECK(six.result == RuleResult::indeterminate);
    REQUIRE(six.require);
    CHECK_FALSE(six.require->known);
    CHECK(six.require->value == "unknown");
    CHECK(six.reason == "'require' is unknown: a value it needs is missing");
}

TEST_CASE("why: for a municipality, sensitive rules are left out and sensitive values hidden", "[why][audience]") {
    const Plan plan = load(planrules::test::sensitive_plan_json());
    for (const Audience audience : {Audience::kommun, Audience::leverantor}) {
        const Why why = shipped().why(plan, as_of({2024, 3, 1}, audience));
        const std::string text = render_why_text(why);
        const std::string json = render_why_json(why);
        INFO(text);
        CHECK(planrules::test::sensitive_leak(text).empty());
        CHECK(planrules::test::sensitive_leak(json).empty());
        for (const auto& r : why.rules) CHECK(r.rule != "AF-SAMTYCKE");
    }
    // for the agency everything is shown
    const Why af = shipped().why(plan, as_of({2024, 3, 1}));
    CHECK_FALSE(planrules::test::sensitive_leak(render_why_text(af)).empty());
}

TEST_CASE("why: the JSON is valid and the text in both languages", "[why]") {
    const Why why = shipped().why(load(late_plan), as_of({2024, 9, 1}));
    const std::string json = render_why_json(why);
    CHECK_FALSE(planrules::json::check_syntax(json).has_value());
    CHECK(json.find("\"rule\": \"AF-6M\"") != std::string::npos);
    const std::string en = render_why_text(why);
    CHECK(en.find("AF-6M \"Uppföljning och revidering inom sex månader\" (af.handlaggning): violated") != std::string::npos);
    CHECK(en.find("  require: today <= senaste_genomgang + 6 months → false") != std::string::npos);
    ValidateOptions sv = as_of({2024, 9, 1});
    sv.language = Language::sv;
    const std::string swedish = render_why_text(shipped().why(load(late_plan), sv), Language::sv);
    CHECK(swedish.find("  require: today <= senaste_genomgang + 6 months → falskt") != std::string::npos);
    CHECK(swedish.find("  varför: 'require' är falskt") != std::string::npos);
}

TEST_CASE("why: planrules validate --why, text and JSON", "[why][cli]") {
    const auto text = run_cli("validate --no-color --rules rules --as-of 2024-07-16 --why examples/plans/omotiverad-aktivitet.json");
    CHECK(text.status == 1);
    CHECK(text.out.find("Why plan HP-2024-000125 gets its report as of 2024-07-16") != std::string::npos);
    CHECK(text.out.find("HP-6.3") != std::string::npos);
    const auto json = run_cli("validate --format json --rules rules --as-of 2024-07-16 --why examples/plans/omotiverad-aktivitet.json", 
                              planrules::test::source_dir(), false);
    CHECK_FALSE(planrules::json::check_syntax(json.out.substr(0, json.out.size() - 1)).has_value());
    CHECK(json.out.find(", \"why\": {\"plan\": \"HP-2024-000125\"") != std::string::npos);
    // without --why, no explanation
    const auto plain = run_cli("validate --format json --rules rules --as-of 2024-07-16 examples/plans/omotiverad-aktivitet.json");
    CHECK(plain.out.find("\"why\"") == std::string::npos);
}
