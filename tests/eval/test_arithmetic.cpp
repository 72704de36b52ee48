// Arithmetic and comparison operators: int and decimal, strings, enums, durations; integer
// overflow and division by zero are evaluation errors (an indeterminate finding that names
// the error), never undefined behaviour. Each operator is tested on plan values (evaluated)
// and on constants (folded by the compiler), which must agree.

#include "eval/probe.hpp"

using namespace planrules;
using planrules::test::plan_json;
using planrules::test::Probe;

namespace {

constexpr std::string_view int_max = "9223372036854775807";

// A plan with version = v and jobbchans.procent = p (as JSON numbers).
std::string numbers(std::string_view v, std::string_view p = "0.5") {
    std::string s = plan_json(fmt::format(R"(, "jobbchans": {{"procent": {}, "utfall": 0}})", p));
    auto at = s.find("\"version\": 3");
    return s.replace(at, 12, "\"version\": " + std::string(v));
}

}  // namespace

TEST_CASE("eval arithmetic: int operators", "[eval][arithmetic]") {
    Probe probe;
    struct Case {
        std::string_view v, expr, expected;
    } cases[] = {
        {"7", "plan.version + 5", "12"},
        {"7", "plan.version - 10", "-3"},
        {"7", "plan.version * -3", "-21"},
        {"7", "plan.version / 2", "3"},
        {"-7", "plan.version / 2", "-3"},   // truncated toward zero
        {"7", "plan.version / -2", "-3"},
        {"7", "plan.version % 3", "1"},
        {"-7", "plan.version % 3", "-1"},   // the remainder of the truncated quotient
        {"7", "plan.version % -3", "1"},
        {"7", "-plan.version", "-7"},
        {"-7", "-plan.version", "7"},
        {"7", "plan.version - plan.version * 2 + 1", "-6"},  // precedence
        {"7", "(plan.version - plan.version) * 2 + 1", "1"},
        {"7", "plan.version - 2 - 1", "4"},                  // left associative
        {"64", "plan.version / 4 / 2", "8"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.v, c.expr);
        CHECK(probe.value(c.expr, numbers(c.v)) == c.expected);
    }
    // the same folded from constants
    CHECK(probe.value("7 + 5") == "12");
    CHECK(probe.value("-7 / 2") == "-3");
    CHECK(probe.value("-7 % 3") == "-1");
    CHECK(probe.value("2 * 3 + -1") == "5");
}

TEST_CASE("eval arithmetic: decimals and mixed int/decimal", "[eval][arithmetic]") {
    Probe probe;
    const auto p = numbers("3", "0.25");
    CHECK(probe.value("plan.sokande.jobbchans.procent + 1", p) == "1,25");
    CHECK(probe.value("plan.sokande.jobbchans.procent - 1", p) == "-0,75");
    CHECK(probe.value("plan.sokande.jobbchans.procent * plan.version", p) == "0,75");
    CHECK(probe.value("plan.version / plan.sokande.jobbchans.procent", p) == "12");
    CHECK(probe.value("plan.sokande.jobbchans.procent / 2", p) == "0,125");
    CHECK(probe.value("-plan.sokande.jobbchans.procent", p) == "-0,25");
    CHECK(probe.value("1.5 + 1.5") == "3");
    CHECK(probe.value("48.5 * 2") == "97");
}

TEST_CASE("eval arithmetic: int overflow is an evaluation error, never wraps", "[eval][arithmetic][errors]") {
    Probe probe;
    const auto big = numbers(int_max);
    CHECK(probe.value("plan.version + 1", big) == "error: integer overflow");
    CHECK(probe.value("plan.version * 2", big) == "error: integer overflow");
    CHECK(probe.value("-plan.version - 2", big) == "error: integer overflow");
    CHECK(probe.value("plan.version - 1", big) == "9223372036854775806");
    CHECK(probe.value("-plan.version - 1", big) == "-9223372036854775808");  // INT64_MIN itself is fine
    // INT64_MIN: negation, abs, and division by -1 overflow; the remainder is 0
    CHECK(probe.value("-(-plan.version - 1)", big) == "error: integer overflow");
    CHECK(probe.value("abs(-plan.version - 1)", big) == "error: integer overflow");
    CHECK(probe.value("(-plan.version - 1) / -1", big) == "error: integer overflow");
    CHECK(probe.value("(-plan.version - 1) % -1", big) == "0");
    // folded constants overflow the same way, reported when the rule is evaluated
    CHECK(probe.value(fmt::format("{} + 1", int_max)) == "error: integer overflow");
    CHECK(probe.value(fmt::format("{} * {}", int_max, int_max)) == "error: integer overflow");
}

TEST_CASE("eval arithmetic: division and remainder by zero are evaluation errors", "[eval][arithmetic][errors]") {
    Probe probe;
    const auto zero = numbers("0", "0.0");
    CHECK(probe.value("10 / plan.version", zero) == "error: division by zero");
    CHECK(probe.value("10 % plan.version", zero) == "error: division by zero");
    CHECK(probe.value("1.5 / plan.sokande.jobbchans.procent", zero) == "error: division by zero");
    CHECK(probe.value("plan.version / 0.0", zero) == "error: division by zero");
    CHECK(probe.value("1 / 0") == "error: division by zero");
    // the error propagates through the operators around it, and the finding says where
    CHECK(probe.truth("10 / plan.version + 1 > 0", zero) == "error: division by zero");
    auto r = probe.run(Probe::rule("T-1", "10 / plan.version > 0", "m"), zero);
    REQUIRE(r.findings.size() == 1);
    CHECK(r.findings[0].outcome == Outcome::indeterminate);
    CHECK(r.findings[0].message.find("division by zero (test.rules:") != std::string::npos);
    // the next rule is evaluated as usual
    r = probe.run(Probe::rule("T-1", "10 / plan.version > 0", "m") + Probe::rule("T-2", "plan.version == 0", "m"), zero);
    CHECK(Probe::outcome(r, "T-2") == "true");
}

TEST_CASE("eval arithmetic: a missing operand makes the result unknown", "[eval][arithmetic]") {
    Probe probe;
    for (std::string_view op : {"+", "-", "*", "/", "%"}) {
        CAPTURE(op);
        CHECK(probe.value(fmt::format("plan.version {} plan.sokande.omradestyp", op)) == "unknown");
        CHECK(probe.value(fmt::format("plan.sokande.omradestyp {} plan.version", op)) == "unknown");
    }
    CHECK(probe.value("-plan.sokande.omradestyp") == "unknown");
    // unknown does not hide an error on the other side: the error wins
    CHECK(probe.value("plan.sokande.omradestyp + 1 / 0") == "error: division by zero");
}

TEST_CASE("eval arithmetic: string concatenation", "[eval][arithmetic]") {
    Probe probe;
    CHECK(probe.value("plan.sokande.kommun + \"-\" + plan.id") == "0180-P-1");
    CHECK(probe.value("\"å\" + \"ö\"") == "åö");
    CHECK(probe.value("plan.id + plan.stodbehov.bedomning") == "unknown");
}

TEST_CASE("eval comparison: numbers, int against decimal", "[eval][comparison]") {
    Probe probe;
    const auto p = numbers("3", "3.0");
    CHECK(probe.truth("plan.version == plan.sokande.jobbchans.procent", p) == "true");
    CHECK(probe.truth("plan.version != plan.sokande.jobbchans.procent", p) == "false");
    struct Case {
        std::string_view expr, expected;
    } cases[] = {
        {"plan.version < 4", "true"},  {"plan.version < 3", "false"},  {"plan.version <= 3", "true"},
        {"plan.version <= 2", "false"}, {"plan.version > 2", "true"},  {"plan.version > 3", "false"},
        {"plan.version >= 3", "true"}, {"plan.version >= 4", "false"}, {"plan.version == 3", "true"},
        {"plan.version != 3", "false"}, {"plan.version < 3.5", "true"}, {"plan.version > 2.999", "true"},
        {"-plan.version < 0", "true"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.expr);
        CHECK(probe.truth(c.expr, p) == c.expected);
    }
}

TEST_CASE("eval comparison: dates, strings and enums", "[eval][comparison]") {
    Probe probe;
    // inskrivningsdatum is 2024-01-15
    CHECK(probe.truth("plan.sokande.inskrivningsdatum == 2024-01-15") == "true");
    CHECK(probe.truth("plan.sokande.inskrivningsdatum < 2024-01-16") == "true");
    CHECK(probe.truth("plan.sokande.inskrivningsdatum < 2024-01-15") == "false");
    CHECK(probe.truth("plan.sokande.inskrivningsdatum >= 2024-01-15") == "true");
    CHECK(probe.truth("plan.sokande.inskrivningsdatum > 2023-12-31") == "true");
    CHECK(probe.truth("plan.sokande.inskrivningsdatum != 2023-01-15") == "true");
    CHECK(probe.truth("today > plan.sokande.inskrivningsdatum") == "true");
    // strings: byte order (= code point order), case-sensitive
    CHECK(probe.truth("plan.id == \"P-1\"") == "true");
    CHECK(probe.truth("plan.id == \"p-1\"") == "false");
    CHECK(probe.truth("plan.id < \"Q\"") == "true");
    CHECK(probe.truth("\"Z\" < \"a\"") == "true");
    CHECK(probe.truth("\"z\" < \"å\"") == "true");
    CHECK(probe.truth("\"ä\" < \"å\"") == "true");  // by code point: U+00E4 before U+00E5
    CHECK(probe.truth("\"å\" < \"ö\"") == "true");
    CHECK(probe.truth("\"ab\" < \"abc\"") == "true");
    CHECK(probe.truth("plan.sokande.kommun >= \"0180\"") == "true");
    // an enum equals a string when the string is its code
    CHECK(probe.truth("plan.status == \"upprattad\"") == "true");
    CHECK(probe.truth("plan.status != \"utkast\"") == "true");
    CHECK(probe.truth("plan.status == plan.status") == "true");
    CHECK(probe.truth("plan.typ == \"forenklad\"") == "false");
    // a missing operand
    CHECK(probe.truth("plan.upprattad_datum < today") == "unknown");
    CHECK(probe.truth("plan.revidering == \"mote\"") == "unknown");
    CHECK(probe.truth("plan.revidering != \"mote\"") == "unknown");
}

TEST_CASE("eval comparison: records and lists compare field by field", "[eval][comparison]") {
    Probe probe;
    std::string p = plan_json("", R"(, "aktiviteter": [
        {"id": "A1", "typ": "kurs", "status": "planerad", "anordnare": {"typ": "af"}},
        {"id": "A2", "typ": "kurs", "status": "planerad", "anordnare": {"typ": "af"}},
        {"id": "A3", "typ": "kurs", "status": "planerad", "anordnare": {"typ": "kommun"}}])");
    probe.defines = "define samma(x: Aktivitet, y: Aktivitet) = x.anordnare == y.anordnare\n";
    CHECK(probe.value("count(a in plan.aktiviteter where any(b in plan.aktiviteter where b.id == \"A1\" and samma(a, b)))", p) == "2");
    CHECK(probe.truth("plan.skyldigheter == plan.skyldigheter", p) == "true");
}
