// Audiences: what a report for `kommun` or `leverantor` must never contain.

#include "support.hpp"

#include <planrules/report/report_render.hpp>

using namespace planrules;

namespace {

RuleSet rules(std::string_view text) {
    auto rs = to_expected(test::compile_with_schema(text));
    if (!rs) FAIL(render_text(rs.error()));
    return std::move(*rs);
}

std::string plan_json(std::string_view funktionsnedsattning) {
    return std::string(R"({"id": "P-1", "version": 1, "status": "upprattad", "typ": "ordinarie",
      "sokande": {"id": "S", "kommun": "0180", "inskrivningsdatum": "2024-01-10", "funktionsnedsattning": )") +
           std::string(funktionsnedsattning) + R"(},
      "aktiviteter": [], "skyldigheter": [], "aktivitetsrapporter": [], "uppfoljningar": []})";
}

ValidateOptions for_audience(Audience a) {
    ValidateOptions o;
    o.as_of = Date{2024, 3, 1};
    o.audience = a;
    return o;
}

const Finding* find(const Report& r, std::string_view rule) {
    for (const auto& f : r.findings)
        if (f.rule == rule) return &f;
    return nullptr;
}

}  // namespace

TEST_CASE("audience: a malformed value in a sensitive field is reported to af only", "[report][audience]") {
    auto rs = rules("ruleset t \"T\"\nrule T-1 \"t\"\n  severity error\n  source \"s\"\n  require true\n  message \"m\"\n");
    auto plan = rs.load_json(plan_json(R"({"kod": 17, "dokumenterad": true})"));
    REQUIRE(plan);
    auto af = rs.validate(*plan, for_audience(Audience::af));
    const Finding* f = find(af, "PLAN-FORMAT");
    REQUIRE(f != nullptr);
    CHECK(f->pointer == "/sokande/funktionsnedsattning/kod");
    CHECK(f->sensitive);
    CHECK_THAT(render_report_json(af), Catch::Contains("\"sensitive\": true"));
    for (Audience a : {Audience::kommun, Audience::leverantor}) {
        auto r = rs.validate(*plan, for_audience(a));
        CHECK(find(r, "PLAN-FORMAT") == nullptr);
        CHECK_THAT(render_report_json(r), !Catch::Contains("funktionsnedsattning"));
    }
}

TEST_CASE("audience: a malformed value in an ordinary field reaches every audience, not marked sensitive", "[report][audience]") {
    auto rs = rules("ruleset t \"T\"\nrule T-1 \"t\"\n  severity error\n  source \"s\"\n  require true\n  message \"m\"\n");
    auto plan = rs.load_json(plan_json("null").replace(plan_json("null").find("\"0180\""), 6, "180"));
    REQUIRE(plan);
    for (Audience a : {Audience::af, Audience::kommun, Audience::leverantor}) {
        auto r = rs.validate(*plan, for_audience(a));
        const Finding* f = find(r, "PLAN-FORMAT");
        REQUIRE(f != nullptr);
        CHECK(f->pointer == "/sokande/kommun");
        CHECK_FALSE(f->sensitive);
    }
}

TEST_CASE("audience: a rule that reads a sensitive field is withheld even when not marked sensitive", "[report][audience]") {
    auto rs = rules("ruleset t \"T\"\n"
                    "define dokumenterad = plan.sokande.funktionsnedsattning.dokumenterad == true\n"
                    "rule T-LAS \"Läser via define\"\n  severity error\n  source \"s\"\n  require not dokumenterad\n  message \"m\"\n"
                    "rule T-MSG \"Läser i meddelandet\"\n  severity error\n  source \"s\"\n  require false\n"
                    "  message \"kod {plan.sokande.funktionsnedsattning.kod}\"\n"
                    "rule T-OK \"Läser inget känsligt\"\n  severity error\n  source \"s\"\n  require false\n  message \"kommun {plan.sokande.kommun}\"\n");
    auto plan = rs.load_json(plan_json(R"({"kod": "F12", "dokumenterad": true})"));
    REQUIRE(plan);
    auto af = rs.validate(*plan, for_audience(Audience::af));
    REQUIRE(find(af, "T-LAS") != nullptr);
    CHECK(find(af, "T-LAS")->sensitive);
    REQUIRE(find(af, "T-MSG") != nullptr);
    CHECK(find(af, "T-MSG")->message == "kod F12");
    CHECK_FALSE(find(af, "T-OK")->sensitive);
    for (Audience a : {Audience::kommun, Audience::leverantor}) {
        auto r = rs.validate(*plan, for_audience(a));
        CHECK(find(r, "T-LAS") == nullptr);
        CHECK(find(r, "T-MSG") == nullptr);
        CHECK(find(r, "T-OK") != nullptr);
        std::string json = render_report_json(r);
        CHECK_THAT(json, !Catch::Contains("F12"));
        CHECK_THAT(json, !Catch::Contains("T-LAS"));
        CHECK_THAT(json, !Catch::Contains("funktionsnedsattning"));
    }
}

TEST_CASE("audience: without evidence no value read from the plan is in the report", "[report][audience]") {
    auto rs = rules("ruleset t \"T\"\nrule T-1 \"t\"\n  severity error\n  source \"s\"\n  require plan.sokande.kommun == \"9999\"\n  message \"m\"\n");
    auto plan = rs.load_json(plan_json("null"));
    REQUIRE(plan);
    auto with = rs.validate(*plan, for_audience(Audience::af));
    REQUIRE(find(with, "T-1") != nullptr);
    REQUIRE(find(with, "T-1")->evidence.size() == 1);
    CHECK(find(with, "T-1")->evidence[0].pointer == "/sokande/kommun");
    CHECK(find(with, "T-1")->evidence[0].value == "\"0180\"");
    auto o = for_audience(Audience::af);
    o.evidence = false;
    auto without = rs.validate(*plan, o);
    REQUIRE(find(without, "T-1") != nullptr);
    CHECK(find(without, "T-1")->evidence.empty());
    CHECK_THAT(render_report_json(without), !Catch::Contains("0180"));
}
