// Audiences: what a report for `kommun` or `leverantor` must never contain.

#include "support.hpp"

#include "load/load.hpp"
#include "load/plan_equal.hpp"

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

// ------------------------------------------------------------------ sensitive codes and values

TEST_CASE("audience: the shipped rules on a plan with SIUS, a disability code and health words", "[report][audience][codes]") {
    const auto& rs = test::shipped();
    auto plan = rs.load_json(test::sensitive_plan_json());
    REQUIRE(plan);
    auto af = rs.validate(*plan, for_audience(Audience::af));
    // Arbetsförmedlingen sees all of it
    REQUIRE(find(af, "AF-SIUS") != nullptr);
    REQUIRE(find(af, "AF-SAMTYCKE") != nullptr);
    REQUIRE(find(af, "HP-6.3") != nullptr);
    CHECK(find(af, "HP-6.3")->message.find("(Särskilt introduktions- och uppföljningsstöd (SIUS))") != std::string::npos);
    CHECK_FALSE(test::sensitive_leak(render_report_json(af)).empty());
    for (Audience a : {Audience::kommun, Audience::leverantor}) {
        CAPTURE(to_string(a));
        auto r = rs.validate(*plan, for_audience(a));
        CHECK(find(r, "AF-SIUS") == nullptr);
        CHECK(find(r, "AF-SAMTYCKE") == nullptr);
        // the rules that go to everyone still judge the SIUS activity, without naming its type
        const Finding* hp63 = find(r, "HP-6.3");
        REQUIRE(hp63 != nullptr);
        CHECK(hp63->pointer == "/aktiviteter/0/motivering");
        CHECK(hp63->message.find("Aktiviteten A1 ([uppgift för Arbetsförmedlingen]) saknar") == 0);
        REQUIRE(find(r, "AF-DATUM") != nullptr);
        CHECK(find(r, "AF-DATUM")->message.find("[uppgift för Arbetsförmedlingen]") != std::string::npos);
        for (const auto& f : r.findings)
            for (const auto& e : f.evidence) CHECK(e.pointer != "/aktiviteter/0/typ");
        CHECK(test::sensitive_leak(render_report_json(r)) == "");
        CHECK(test::sensitive_leak(render_report_text(r)) == "");
        // the other activity keeps its label
        bool rusta = false;
        for (const auto& f : r.findings) rusta = rusta || f.message.find("(Rusta och matcha)") != std::string::npos;
        CHECK(rusta);
    }
}

TEST_CASE("audience: an assessment marked sensitive value is judged for everyone and shown to af only",
          "[report][audience][codes]") {
    auto rs = rules("ruleset t \"T\"\n"
                    "rule T-1 \"Bedömningen\"\n  severity error\n  source \"s\"\n  require blank(plan.stodbehov.bedomning)\n"
                    "  message \"Bedömning: {plan.stodbehov.bedomning}, i versaler {upper(plan.stodbehov.bedomning)}.\"\n");
    auto plan = rs.load_json(test::sensitive_plan_json());
    REQUIRE(plan);
    auto af = rs.validate(*plan, for_audience(Audience::af));
    REQUIRE(find(af, "T-1") != nullptr);
    CHECK(find(af, "T-1")->message.find("Har depression") != std::string::npos);
    CHECK_FALSE(find(af, "T-1")->evidence.empty());
    for (Audience a : {Audience::kommun, Audience::leverantor}) {
        auto r = rs.validate(*plan, for_audience(a));
        const Finding* f = find(r, "T-1");
        REQUIRE(f != nullptr);  // the rule reads the field, and is not withheld
        CHECK_FALSE(f->sensitive);
        CHECK(f->message == "Bedömning: [uppgift för Arbetsförmedlingen], i versaler [uppgift för Arbetsförmedlingen].");
        CHECK(f->evidence.empty());
    }
}

TEST_CASE("audience: a rule that compares with a sensitive code is withheld like one that reads a sensitive field",
          "[report][audience][codes]") {
    auto rs = rules("ruleset t \"T\"\n"
                    "rule T-SIUS \"Jämför med sius\"\n  severity error\n  source \"s\"\n"
                    "  for each a in plan.aktiviteter where a.typ in [\"studier\", \"sius\"]\n  require false\n  message \"m {a.id}\"\n"
                    "rule T-RUSTA \"Jämför med en annan kod\"\n  severity error\n  source \"s\"\n"
                    "  for each a in plan.aktiviteter where a.typ != \"rusta_och_matcha\"\n  require false\n  message \"m {a.id}\"\n");
    auto plan = rs.load_json(test::sensitive_plan_json());
    REQUIRE(plan);
    auto af = rs.validate(*plan, for_audience(Audience::af));
    REQUIRE(find(af, "T-SIUS") != nullptr);
    CHECK(find(af, "T-SIUS")->sensitive);
    CHECK_FALSE(find(af, "T-RUSTA")->sensitive);
    auto k = rs.validate(*plan, for_audience(Audience::kommun));
    CHECK(find(k, "T-SIUS") == nullptr);
    CHECK(find(k, "T-RUSTA") != nullptr);  // (it finds the SIUS activity, but says no more than its id)
}

TEST_CASE("audience: both plan loaders mark the same values sensitive", "[report][audience][codes]") {
    const auto& schema = test::shipped().program().schema;
    const std::string text = test::sensitive_plan_json();
    auto fast = eval::load_plan(schema, text, "p.json", {}, true);
    auto full = eval::load_plan(schema, text, "p.json", {}, false);
    REQUIRE(fast);
    REQUIRE(full);
    CHECK(eval::same_plan(*fast, *full));
    const auto& root_rec = schema.records[static_cast<std::size_t>(schema.type(schema.root_type).decl)];
    auto field = [&](const Value& rec, const check::RecordInfo& info, std::string_view name) {
        return rec.field(static_cast<std::uint32_t>(info.slot(name)));
    };
    for (const Plan* p : {&*fast, &*full}) {
        const Value acts = field(p->root(), root_rec, "aktiviteter");
        REQUIRE(acts.n == 2);
        const auto& akt = schema.records[static_cast<std::size_t>(
            schema.type(schema.type(root_rec.fields[static_cast<std::size_t>(root_rec.slot("aktiviteter"))].type).element).decl)];
        CHECK(field(acts.v[0], akt, "typ").sensitive);        // sius
        CHECK_FALSE(field(acts.v[1], akt, "typ").sensitive);  // rusta_och_matcha
        CHECK_FALSE(field(acts.v[0], akt, "id").sensitive);
        const Value sok = field(p->root(), root_rec, "sokande");
        const auto& sok_rec = schema.records[static_cast<std::size_t>(schema.type(root_rec.fields[static_cast<std::size_t>(root_rec.slot("sokande"))].type).decl)];
        const Value fn = field(sok, sok_rec, "funktionsnedsattning");
        CHECK(fn.sensitive);
        CHECK(fn.v[0].sensitive);  // its code, marked with the record
        CHECK_FALSE(field(sok, sok_rec, "kommun").sensitive);
        const Value skyld = field(p->root(), root_rec, "skyldigheter");
        REQUIRE(skyld.n == 1);
        CHECK_FALSE(skyld.v[0].sensitive);  // aktivitetsrapportera: not a sensitive code
    }
}

TEST_CASE("audience: a due date computed from a sensitive value is left out for others", "[report][audience][codes]") {
    auto c = compile_sources({test::source("root plan: P\ntype P { id: string, d: date? sensitive value }\n", "s.schema"),
                              test::source("ruleset t \"T\"\nrule T-1 \"t\"\n  severity error\n  source \"s\"\n"
                                           "  require false\n  due plan.d + 30 days\n  message \"senast {plan.d + 30 days}\"\n")});
    auto rs = to_expected(std::move(c));
    REQUIRE(rs);
    auto plan = rs->load_json(R"({"id": "P", "d": "2024-01-01"})");
    REQUIRE(plan);
    auto af = rs->validate(*plan, for_audience(Audience::af));
    REQUIRE(af.findings.size() == 1);
    CHECK(af.findings[0].due.has_value());
    CHECK(af.findings[0].message == "senast 2024-01-31");
    auto k = rs->validate(*plan, for_audience(Audience::kommun));
    REQUIRE(k.findings.size() == 1);
    CHECK_FALSE(k.findings[0].due.has_value());
    CHECK(k.findings[0].message == "senast [uppgift för Arbetsförmedlingen]");
}
