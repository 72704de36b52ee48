// Three-valued logic: the truth tables of not, and, or, if … then … else and in over
// true, false and unknown (a missing bool? field), and how when, where and if missing treat
// an unknown condition.

#include "eval/probe.hpp"

using namespace planrules;
using planrules::test::json_of;
using planrules::test::plan_json;
using planrules::test::Probe;

namespace {

// A plan whose tillfalligt_arbete is a and ekonomiskt_bistand is b (1 true, 0 false, -1 missing).
std::string plan_ab(int a, int b) {
    return plan_json(fmt::format(R"(, "tillfalligt_arbete": {}, "ekonomiskt_bistand": {})", json_of(a), json_of(b)));
}

std::string name(int tri) { return tri > 0 ? "true" : tri == 0 ? "false" : "unknown"; }

// Kleene's connectives, written out as tables rather than computed.
const char* const and_table[3][3] = {
    // b = unknown, false, true     (a = rows in the same order)
    {"unknown", "false", "unknown"},  // a unknown
    {"false", "false", "false"},      // a false
    {"unknown", "false", "true"},     // a true
};
const char* const or_table[3][3] = {
    {"unknown", "unknown", "true"},
    {"unknown", "false", "true"},
    {"true", "true", "true"},
};

constexpr const char* a_expr = "plan.sokande.tillfalligt_arbete";
constexpr const char* b_expr = "plan.sokande.ekonomiskt_bistand";

}  // namespace

TEST_CASE("eval logic: not, and, or follow Kleene's truth tables", "[eval][logic]") {
    Probe probe;
    for (int a = -1; a <= 1; ++a) {
        CAPTURE(name(a));
        CHECK(probe.truth(a_expr, plan_ab(a, 0)) == name(a));
        CHECK(probe.truth(fmt::format("not {}", a_expr), plan_ab(a, 0)) == name(a < 0 ? -1 : 1 - a));
        for (int b = -1; b <= 1; ++b) {
            CAPTURE(name(b));
            CHECK(probe.truth(fmt::format("{} and {}", a_expr, b_expr), plan_ab(a, b)) == and_table[a + 1][b + 1]);
            CHECK(probe.truth(fmt::format("{} or {}", a_expr, b_expr), plan_ab(a, b)) == or_table[a + 1][b + 1]);
            // with the operands the other way round: the connectives are commutative
            CHECK(probe.truth(fmt::format("{} and {}", b_expr, a_expr), plan_ab(a, b)) == and_table[a + 1][b + 1]);
            CHECK(probe.truth(fmt::format("{} or {}", b_expr, a_expr), plan_ab(a, b)) == or_table[a + 1][b + 1]);
        }
    }
}

TEST_CASE("eval logic: and/or with constants are not folded past an unknown operand", "[eval][logic]") {
    Probe probe;
    CHECK(probe.truth(fmt::format("false and {}", a_expr), plan_ab(-1, 0)) == "false");
    CHECK(probe.truth(fmt::format("{} and false", a_expr), plan_ab(-1, 0)) == "false");
    CHECK(probe.truth(fmt::format("true and {}", a_expr), plan_ab(-1, 0)) == "unknown");
    CHECK(probe.truth(fmt::format("true or {}", a_expr), plan_ab(-1, 0)) == "true");
    CHECK(probe.truth(fmt::format("{} or true", a_expr), plan_ab(-1, 0)) == "true");
    CHECK(probe.truth(fmt::format("false or {}", a_expr), plan_ab(-1, 0)) == "unknown");
    CHECK(probe.truth("true and not false", plan_json()) == "true");
    CHECK(probe.truth("false or not true", plan_json()) == "false");
}

TEST_CASE("eval logic: short-circuit evaluation skips an error in the operand it does not need", "[eval][logic]") {
    Probe probe;
    // plan.version is 3: the division by zero is never evaluated
    CHECK(probe.truth("plan.version == 3 or plan.version / 0 == 1") == "true");
    CHECK(probe.truth("plan.version != 3 and plan.version / 0 == 1") == "false");
    // ... and is an error when it is needed
    CHECK(probe.truth("plan.version == 3 and plan.version / 0 == 1") == "error: division by zero");
    // an error operand that the other operand decides does not matter (as for unknown)
    CHECK(probe.truth("plan.version / 0 == 1 or plan.version == 3") == "true");
    CHECK(probe.truth("plan.version / 0 == 1 and plan.version != 3") == "false");
    CHECK(probe.truth("not (plan.version / 0 == 1)") == "error: division by zero");
}

TEST_CASE("eval logic: if-then-else with a true, false and unknown condition", "[eval][logic]") {
    Probe probe;
    const std::string expr = fmt::format("(if {} then plan.version else plan.version * 10) == 3", a_expr);
    CHECK(probe.truth(expr, plan_ab(1, 0)) == "true");
    CHECK(probe.truth(expr, plan_ab(0, 0)) == "false");
    CHECK(probe.truth(expr, plan_ab(-1, 0)) == "unknown");
    CHECK(probe.value(fmt::format("if {} then \"ja\" else \"nej\"", a_expr), plan_ab(1, 0)) == "ja");
    CHECK(probe.value(fmt::format("if {} then \"ja\" else \"nej\"", a_expr), plan_ab(0, 0)) == "nej");
    CHECK(probe.value(fmt::format("if {} then \"ja\" else \"nej\"", a_expr), plan_ab(-1, 0)) == "unknown");
    // the branch not taken is not evaluated
    CHECK(probe.value("if plan.version > 0 then plan.version else plan.version / 0") == "3");
    // an int and a decimal branch give a decimal
    CHECK(probe.value("if plan.version > 5 then 1 else 2.5") == "2,5");
    // a missing value in the chosen branch is unknown, in the other branch it does not matter
    CHECK(probe.value("if plan.version > 0 then plan.sokande.omradestyp else 1") == "unknown");
    CHECK(probe.value("if plan.version < 0 then plan.sokande.omradestyp else 1") == "1");
}

TEST_CASE("eval logic: in and not in over literals and list fields, with unknown", "[eval][logic]") {
    Probe probe;
    CHECK(probe.truth("plan.status in [\"utkast\", \"upprattad\"]") == "true");
    CHECK(probe.truth("plan.status in [\"utkast\", \"avslutad\"]") == "false");
    CHECK(probe.truth("plan.status not in [\"utkast\", \"avslutad\"]") == "true");
    CHECK(probe.truth("plan.status not in [\"upprattad\"]") == "false");
    CHECK(probe.truth("plan.version in []") == "false");
    CHECK(probe.truth("plan.version not in []") == "true");
    CHECK(probe.truth("plan.version in [1, 2, 3]") == "true");
    // an int is found in a list of decimals
    CHECK(probe.truth("plan.version in [1.5, 3.0]") == "true");
    // an unknown left side is unknown
    CHECK(probe.truth("plan.sokande.omradestyp in [1, 2]") == "unknown");
    CHECK(probe.truth("plan.sokande.omradestyp not in [1, 2]") == "unknown");
    // an unknown element: found elsewhere is true, else unknown
    std::string with_missing = plan_json(R"(, "omradestyp": 4)");
    CHECK(probe.truth("plan.sokande.omradestyp in [plan.sokande.jobbchans.utfall, 4]", with_missing) == "true");
    CHECK(probe.truth("plan.sokande.omradestyp in [plan.sokande.jobbchans.utfall, 5]", with_missing) == "unknown");
    CHECK(probe.truth("plan.sokande.omradestyp not in [plan.sokande.jobbchans.utfall, 5]", with_missing) == "unknown");
    // a list field
    std::string skyldigheter = plan_json("", R"(, "skyldigheter": ["aktivitetsrapportera", "sok_arbete"])");
    CHECK(probe.truth("\"sok_arbete\" in plan.skyldigheter", skyldigheter) == "true");
    CHECK(probe.truth("\"delta\" in plan.skyldigheter", skyldigheter) == "false");
    CHECK(probe.truth("\"delta\" not in plan.skyldigheter", skyldigheter) == "true");
    // a missing list is empty
    CHECK(probe.truth("\"delta\" in plan.skyldigheter") == "false");
}

TEST_CASE("eval logic: when selects only when true", "[eval][logic]") {
    Probe probe;
    auto outcome_with_when = [&](int a) {
        auto r = probe.run(
            "rule T-1 \"t\"\n  severity error\n  source \"s\"\n  when plan.sokande.tillfalligt_arbete\n"
            "  require false\n  message \"m\"\n",
            plan_ab(a, 0));
        return Probe::outcome(r, "T-1");
    };
    CHECK(outcome_with_when(1) == "false");
    CHECK(outcome_with_when(0) == "not applicable");
    CHECK(outcome_with_when(-1) == "not applicable");
}

TEST_CASE("eval logic: if missing pass, fail and skip decide an unknown require", "[eval][logic]") {
    Probe probe;
    auto with_policy = [&](std::string_view policy, int a) {
        auto r = probe.run(fmt::format("rule T-1 \"t\"\n  severity error\n  source \"s\"\n"
                                       "  require plan.sokande.tillfalligt_arbete\n{}  message \"m\"\n",
                                       policy.empty() ? std::string() : "  if missing " + std::string(policy) + "\n"),
                           plan_ab(a, 0));
        return Probe::outcome(r, "T-1");
    };
    CHECK(with_policy("", -1) == "unknown");
    CHECK(with_policy("pass", -1) == "true");
    CHECK(with_policy("fail", -1) == "false");
    CHECK(with_policy("skip", -1) == "not applicable");
    // a decided require is not touched by the policy
    for (std::string_view policy : {"pass", "fail", "skip"}) {
        CAPTURE(policy);
        CHECK(with_policy(policy, 1) == "true");
        CHECK(with_policy(policy, 0) == "false");
    }
    // an evaluation error is not a missing value: the policy does not hide it
    auto r = probe.run("rule T-1 \"t\"\n  severity error\n  source \"s\"\n  require plan.version / 0 > 1\n"
                       "  if missing pass\n  message \"m\"\n",
                       plan_json());
    CHECK(Probe::outcome(r, "T-1") == "error: division by zero");
}

TEST_CASE("eval logic: an indeterminate finding names the missing fields by pointer", "[eval][logic]") {
    Probe probe;
    auto r = probe.run(Probe::rule("T-1", "plan.sokande.tillfalligt_arbete or plan.stodbehov.niva == \"fordjupat\"", "m"),
                       plan_ab(-1, 0));
    REQUIRE(r.findings.size() == 1);
    const auto& f = r.findings[0];
    CHECK(f.outcome == Outcome::indeterminate);
    CHECK(f.missing == std::vector<std::string>{"/sokande/tillfalligt_arbete", "/stodbehov/niva"});
    CHECK(f.pointer == "/sokande/tillfalligt_arbete");
    // by the schema's labels
    CHECK(f.message ==
          "The rule could not be assessed because values are missing: den arbetssökande, tillfälligt arbete; stödbehov, stödnivå.");
    CHECK(f.missing == std::vector<std::string>{"/sokande/tillfalligt_arbete", "/stodbehov/niva"});
}

TEST_CASE("eval logic: blank, present and missing are never unknown", "[eval][logic]") {
    Probe probe;
    std::string p = plan_json(R"(, "tillfalligt_arbete": null)", R"(, "stodbehov": {"bedomning": "  "})");
    CHECK(probe.truth("missing(plan.sokande.tillfalligt_arbete)", p) == "true");
    CHECK(probe.truth("present(plan.sokande.tillfalligt_arbete)", p) == "false");
    CHECK(probe.truth("present(plan.stodbehov)", p) == "true");
    CHECK(probe.truth("missing(plan.stodbehov.niva)", p) == "true");
    CHECK(probe.truth("blank(plan.stodbehov.bedomning)", p) == "true");
    CHECK(probe.truth("blank(plan.stodbehov.bedomning)") == "true");  // read through a missing record
    CHECK(probe.truth("blank(plan.id)", p) == "false");
    CHECK(probe.truth("present(plan.sokande.fodelsedatum)", p) == "false");
    // ... but an evaluation error inside them is still an error
    CHECK(probe.truth("present(plan.version / 0)") == "error: division by zero");
}

TEST_CASE("eval logic: an evaluation error wins over a missing value in and/or", "[eval][logic][errors]") {
    Probe probe;
    for (std::string_view op : {"and", "or"}) {
        CAPTURE(op);
        CHECK(probe.truth(fmt::format("{} {} plan.version / 0 == 1", a_expr, op), plan_ab(-1, 0)) ==
              "error: division by zero");
        CHECK(probe.truth(fmt::format("plan.version / 0 == 1 {} {}", op, a_expr), plan_ab(-1, 0)) ==
              "error: division by zero");
    }
}
