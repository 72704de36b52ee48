// Every built-in function on ordinary values, edge cases (empty, whitespace, non-ASCII) and
// missing arguments. The date functions are in test_dates.cpp.

#include "eval/probe.hpp"

using namespace planrules;
using planrules::test::plan_json;
using planrules::test::Probe;

namespace {

// A plan whose stodbehov.bedomning is the JSON string s (or null).
std::string text(std::string_view s) {
    return plan_json("", fmt::format(R"(, "stodbehov": {{"bedomning": {}}})", s));
}

constexpr const char* bedomning = "plan.stodbehov.bedomning";

}  // namespace

TEST_CASE("eval builtins: blank", "[eval][builtins]") {
    Probe probe;
    CHECK(probe.truth("blank(plan.stodbehov.bedomning)", text("null")) == "true");
    CHECK(probe.truth("blank(plan.stodbehov.bedomning)", text(R"("")")) == "true");
    CHECK(probe.truth("blank(plan.stodbehov.bedomning)", text(R"(" \t\n ")")) == "true");
    CHECK(probe.truth("blank(plan.stodbehov.bedomning)", text(R"(" x ")")) == "false");
    CHECK(probe.truth("blank(plan.stodbehov.bedomning)", text(R"("ö")")) == "false");
    CHECK(probe.truth("blank(plan.stodbehov.bedomning)", plan_json()) == "true");  // no stodbehov at all
}

TEST_CASE("eval builtins: present and missing on every kind of value", "[eval][builtins]") {
    Probe probe;
    std::string p = plan_json(R"(, "fodelsedatum": "1990-01-01", "tillfalligt_arbete": false, "omradestyp": 0)",
                              R"(, "revidering": "mote", "stodbehov": {})");
    for (std::string_view field : {"plan.sokande.fodelsedatum", "plan.sokande.tillfalligt_arbete",
                                   "plan.sokande.omradestyp", "plan.revidering", "plan.stodbehov", "plan.id"}) {
        CAPTURE(field);
        CHECK(probe.truth(fmt::format("present({})", field), p) == "true");
        CHECK(probe.truth(fmt::format("missing({})", field), p) == "false");
    }
    for (std::string_view field : {"plan.upprattad_datum", "plan.sokande.ekonomiskt_bistand",
                                   "plan.sokande.jobbchans.utfall", "plan.senast_reviderad", "plan.stodbehov.niva",
                                   "plan.sokande.jobbchans"}) {
        CAPTURE(field);
        CHECK(probe.truth(fmt::format("present({})", field), p) == "false");
        CHECK(probe.truth(fmt::format("missing({})", field), p) == "true");
    }
    // a computed value: missing when an operand is
    CHECK(probe.truth("missing(plan.sokande.omradestyp + plan.sokande.jobbchans.utfall)", p) == "true");
    CHECK(probe.truth("present(plan.sokande.omradestyp + 1)", p) == "true");
}

TEST_CASE("eval builtins: length of text counts characters, of a list elements", "[eval][builtins]") {
    Probe probe;
    CHECK(probe.value("length(plan.stodbehov.bedomning)", text(R"("abc")")) == "3");
    CHECK(probe.value("length(plan.stodbehov.bedomning)", text(R"("")")) == "0");
    CHECK(probe.value("length(plan.stodbehov.bedomning)", text(R"("åäö")")) == "3");  // not 6 bytes
    CHECK(probe.value("length(plan.stodbehov.bedomning)", text(R"("€😀")")) == "2");
    CHECK(probe.value("length(plan.stodbehov.bedomning)", text("null")) == "unknown");
    CHECK(probe.value("length(plan.aktiviteter)") == "0");
    CHECK(probe.value("length(plan.skyldigheter)", plan_json("", R"(, "skyldigheter": ["a", "b"])")) == "2");
    CHECK(probe.value("length([1, 2, 3])") == "3");
}

TEST_CASE("eval builtins: trim, lower and upper", "[eval][builtins]") {
    Probe probe;
    CHECK(probe.value("\"<\" + trim(plan.stodbehov.bedomning) + \">\"", text(R"("  a b \t\n")")) == "<a b>");
    CHECK(probe.value("\"<\" + trim(plan.stodbehov.bedomning) + \">\"", text(R"("   ")")) == "<>");
    CHECK(probe.value("lower(plan.stodbehov.bedomning)", text(R"("ÅÄÖ Éa Z")")) == "åäö éa z");
    CHECK(probe.value("upper(plan.stodbehov.bedomning)", text(R"("åäö éa z")")) == "ÅÄÖ ÉA Z");
    CHECK(probe.value("upper(plan.stodbehov.bedomning)", text(R"("1-2")")) == "1-2");
    for (std::string_view f : {"trim", "lower", "upper"}) {
        CAPTURE(f);
        CHECK(probe.value(fmt::format("{}({})", f, bedomning), text("null")) == "unknown");
    }
    CHECK(probe.value("lower(\"ABC\")") == "abc");  // folded
}

TEST_CASE("eval builtins: starts_with, ends_with and contains", "[eval][builtins]") {
    Probe probe;
    auto p = text(R"("Behov av stöd")");
    CHECK(probe.truth("starts_with(plan.stodbehov.bedomning, \"Behov\")", p) == "true");
    CHECK(probe.truth("starts_with(plan.stodbehov.bedomning, \"behov\")", p) == "false");
    CHECK(probe.truth("starts_with(plan.stodbehov.bedomning, \"\")", p) == "true");
    CHECK(probe.truth("starts_with(plan.stodbehov.bedomning, \"Behov av stöd och mer\")", p) == "false");
    CHECK(probe.truth("ends_with(plan.stodbehov.bedomning, \"stöd\")", p) == "true");
    CHECK(probe.truth("ends_with(plan.stodbehov.bedomning, \"Stöd\")", p) == "false");
    CHECK(probe.truth("ends_with(plan.stodbehov.bedomning, \"\")", p) == "true");
    CHECK(probe.truth("ends_with(plan.stodbehov.bedomning, \"x Behov av stöd\")", p) == "false");
    CHECK(probe.truth("contains(plan.stodbehov.bedomning, \"av\")", p) == "true");
    CHECK(probe.truth("contains(plan.stodbehov.bedomning, \"avs\")", p) == "false");
    CHECK(probe.truth("contains(plan.stodbehov.bedomning, \"\")", p) == "true");
    CHECK(probe.truth("starts_with(plan.stodbehov.bedomning, \"B\")", text("null")) == "unknown");
    CHECK(probe.truth("ends_with(plan.stodbehov.bedomning, \"B\")", text("null")) == "unknown");
    CHECK(probe.truth("contains(plan.stodbehov.bedomning, \"B\")", text("null")) == "unknown");
    CHECK(probe.truth("contains(\"abc\", plan.stodbehov.bedomning)", text("null")) == "unknown");
}

TEST_CASE("eval builtins: contains over a list", "[eval][builtins]") {
    Probe probe;
    auto p = plan_json("", R"(, "skyldigheter": ["aktivitetsrapportera", "sok_arbete"])");
    CHECK(probe.truth("contains(plan.skyldigheter, \"sok_arbete\")", p) == "true");
    CHECK(probe.truth("contains(plan.skyldigheter, \"sok\")", p) == "false");  // elements, not substrings
    CHECK(probe.truth("contains(plan.skyldigheter, \"sok\")") == "false");      // a missing list is empty
    CHECK(probe.truth("contains([1, 2, 3], plan.version)") == "true");
    CHECK(probe.truth("contains([1, 2], plan.version)") == "false");
    CHECK(probe.truth("contains([1, 2], plan.sokande.omradestyp)") == "unknown");
    // an unknown element: found elsewhere is true, else unknown
    CHECK(probe.truth("contains([plan.sokande.omradestyp, 3], plan.version)") == "true");
    CHECK(probe.truth("contains([plan.sokande.omradestyp, 4], plan.version)") == "unknown");
}

TEST_CASE("eval builtins: has_format", "[eval][builtins]") {
    Probe probe;
    auto orgnr = [](std::string_view s) {
        return plan_json("", fmt::format(R"(, "aktiviteter": [{{"id": "A", "typ": "t", "status": "planerad",
            "anordnare": {{"typ": "leverantor", "org_nr": "{}"}}}}])", s));
    };
    const std::string expr = "all(a in plan.aktiviteter where has_format(a.anordnare.org_nr, \"999999-9999\"))";
    CHECK(probe.truth(expr, orgnr("556677-8899")) == "true");
    CHECK(probe.truth(expr, orgnr("5566778899")) == "false");
    CHECK(probe.truth(expr, orgnr("556677-88990")) == "false");
    CHECK(probe.truth(expr, orgnr("556677-889")) == "false");
    CHECK(probe.truth(expr, orgnr("55667A-8899")) == "false");
    CHECK(probe.truth(expr, orgnr("556677 8899")) == "false");
    CHECK(probe.truth(expr, orgnr("٥٥٦٦٧٧-٨٨٩٩")) == "false");  // only ASCII digits are digits
    // A: a letter, including å, ä and ö; other characters stand for themselves
    CHECK(probe.truth("has_format(plan.stodbehov.bedomning, \"AA-99\")", text(R"("Åb-12")")) == "true");
    CHECK(probe.truth("has_format(plan.stodbehov.bedomning, \"AA-99\")", text(R"("A1-12")")) == "false");
    CHECK(probe.truth("has_format(plan.stodbehov.bedomning, \"AA-99\")", text(R"("ab_12")")) == "false");
    CHECK(probe.truth("has_format(plan.stodbehov.bedomning, \"\")", text(R"("")")) == "true");
    CHECK(probe.truth("has_format(plan.stodbehov.bedomning, \"9\")", text("null")) == "unknown");
}

TEST_CASE("eval builtins: abs and round", "[eval][builtins]") {
    Probe probe;
    auto num = [](std::string_view v) {
        return plan_json(fmt::format(R"(, "jobbchans": {{"procent": {}}}, "omradestyp": -4)", v));
    };
    CHECK(probe.value("abs(plan.sokande.omradestyp)", num("0")) == "4");
    CHECK(probe.value("abs(plan.version)") == "3");
    CHECK(probe.value("abs(plan.sokande.jobbchans.procent)", num("-2.5")) == "2,5");
    CHECK(probe.value("abs(plan.sokande.jobbchans.procent)", num("2.5")) == "2,5");
    CHECK(probe.value("round(plan.sokande.jobbchans.procent)", num("2.5")) == "3");   // halves away from zero
    CHECK(probe.value("round(plan.sokande.jobbchans.procent)", num("-2.5")) == "-3");
    CHECK(probe.value("round(plan.sokande.jobbchans.procent)", num("2.49")) == "2");
    CHECK(probe.value("round(plan.sokande.jobbchans.procent)", num("-0.4")) == "0");
    CHECK(probe.value("round(plan.sokande.jobbchans.procent)", num("1e300")) ==
          "error: the number is too large for an integer");
    CHECK(probe.value("round(plan.sokande.jobbchans.procent)", num("-1e19")) ==
          "error: the number is too large for an integer");
    CHECK(probe.value("abs(plan.sokande.jobbchans.utfall)") == "unknown");
    CHECK(probe.value("round(plan.sokande.jobbchans.procent)") == "unknown");
}
