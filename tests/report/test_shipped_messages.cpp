// The shipped rules' messages fit the case: what `planrules test` cannot see (expectations name
// rules, pointers and outcomes, not text).

#include "support.hpp"

using namespace planrules;

namespace {

using planrules::test::shipped;

Report validate(const std::string& json, Date as_of) {
    auto plan = shipped().load_json(json);
    REQUIRE(plan);
    REQUIRE(plan->input_findings().empty());
    ValidateOptions o;
    o.as_of = as_of;
    return shipped().validate(*plan, o);
}

// The findings of `rule`, copied (the report is often a temporary).
std::vector<Finding> of(const Report& r, std::string_view rule) {
    std::vector<Finding> out;
    for (const auto& f : r.findings)
        if (f.rule == rule) out.push_back(f);
    return out;
}

// A plan registered on 2024-01-10 in Uppsala (no municipal rules), with `status` and the date
// it was established.
std::string plan_30d(std::string_view status, std::string_view established) {
    return fmt::format(R"({{"id": "P", "version": 1, "status": "{}", "typ": "ordinarie", "upprattad_datum": {},
      "sokande": {{"id": "S", "kommun": "0380", "inskrivningsdatum": "2024-01-10"}}}})",
                       status, established.empty() ? "null" : fmt::format("\"{}\"", established));
}

}  // namespace

TEST_CASE("shipped messages: AF-30D says what is late, for a draft, an established and a closed plan", "[report][messages]") {
    auto draft = of(validate(plan_30d("utkast", ""), Date{2024, 3, 1}), "AF-30D");
    REQUIRE(draft.size() == 1);
    CHECK(draft[0].message == "Handlingsplanen är fortfarande ett utkast den 2024-03-01, 51 dagar efter inskrivningen den "
                               "2024-01-10, men skulle ha upprättats senast 2024-02-09. Upprätta planen tillsammans med den "
                               "arbetssökande så snart som möjligt.");
    auto late = of(validate(plan_30d("upprattad", "2024-02-10"), Date{2024, 3, 1}), "AF-30D");
    REQUIRE(late.size() == 1);
    CHECK(late[0].message == "Handlingsplanen upprättades den 2024-02-10, 31 dagar efter inskrivningen den 2024-01-10, men "
                              "skulle ha upprättats senast 2024-02-09. Planen upprättades alltså för sent.");
    CHECK_THAT(late[0].message, !Catch::Contains("Upprätta planen"));
    auto closed = of(validate(plan_30d("avslutad", "2024-02-24"), Date{2024, 9, 1}), "AF-30D");
    REQUIRE(closed.size() == 1);
    CHECK_THAT(closed[0].message, Catch::StartsWith("Den avslutade handlingsplanen upprättades den 2024-02-24, 45 dagar"));
    CHECK_THAT(closed[0].message, !Catch::Contains("Upprätta planen"));
}

TEST_CASE("shipped messages: AF-RAPPORT names the missing months", "[report][messages]") {
    auto plan = [](std::string reports) {
        return R"({"id": "P", "version": 1, "status": "upprattad", "typ": "ordinarie", "upprattad_datum": "2024-06-10",
          "skyldigheter": ["aktivitetsrapportera"], "aktivitetsrapporter": [)" +
               reports + R"(], "sokande": {"id": "S", "kommun": "0380", "inskrivningsdatum": "2024-06-01"}})";
    };
    // as of 2025-01-20: October, November and December 2024 are due
    auto none = of(validate(plan(""), Date{2025, 1, 20}), "AF-RAPPORT");
    REQUIRE(none.size() == 1);
    CHECK_THAT(none[0].message, Catch::StartsWith("Det saknas en inlämnad aktivitetsrapport för månaderna 2024-10, 2024-11 och 2024-12."));
    auto two = of(validate(plan(R"({"period": "2024-11", "inlamnad": "2024-12-05"})"), Date{2025, 1, 20}), "AF-RAPPORT");
    REQUIRE(two.size() == 1);
    CHECK_THAT(two[0].message, Catch::StartsWith("Det saknas en inlämnad aktivitetsrapport för månaderna 2024-10 och 2024-12."));
    // on 14 January December is not yet due
    auto one = of(validate(plan(R"({"period": "2024-11", "inlamnad": "2024-12-05"})"), Date{2025, 1, 14}), "AF-RAPPORT");
    REQUIRE(one.size() == 1);
    CHECK_THAT(one[0].message, Catch::StartsWith("Det saknas en inlämnad aktivitetsrapport för månaden 2024-10."));
}

TEST_CASE("shipped messages: LEV-ORGNR says when the number is missing, and shows a wrong one", "[report][messages]") {
    auto json = R"({"id": "P", "version": 1, "status": "utkast", "typ": "ordinarie",
      "sokande": {"id": "S", "kommun": "0380", "inskrivningsdatum": "2024-02-20"},
      "aktiviteter": [
        {"id": "A1", "typ": "rusta_och_matcha", "status": "planerad", "motivering": "m", "anordnare": {"typ": "leverantor"}},
        {"id": "A2", "typ": "rusta_och_matcha", "status": "planerad", "motivering": "m", "anordnare": {"typ": "leverantor", "org_nr": "5566778899"}}]})";
    auto f = of(validate(json, Date{2024, 3, 1}), "LEV-ORGNR");
    REQUIRE(f.size() == 2);
    CHECK(f[0].message == "Aktiviteten A1 anordnas av en leverantör men saknar organisationsnummer. Ange leverantörens organisationsnummer.");
    CHECK_THAT(f[0].message, !Catch::Contains("?"));
    CHECK(f[1].message == "Aktiviteten A2 anordnas av en leverantör men har organisationsnumret ”5566778899”, som inte har formen "
                           "NNNNNN-NNNN. Ange leverantörens organisationsnummer.");
}

TEST_CASE("shipped messages: AF-LTU without a birth date between 6 and 12 months names the birth date", "[report][messages]") {
    auto json = [](std::string_view born) {
        return fmt::format(R"({{"id": "P", "version": 2, "status": "upprattad", "typ": "ordinarie",
          "upprattad_datum": "2024-10-20", "senast_reviderad": "2025-06-01",
          "stodbehov": {{"bedomning": "b", "niva": "grundlaggande"}},
          "aktiviteter": [{{"id": "A1", "typ": "sokaktivitet", "status": "pagaende", "motivering": "m"}}],
          "sokande": {{"id": "S", "kommun": "0380", "inskrivningsdatum": "2024-10-15", "inskriven_arbetslos_sedan": "2024-10-15"{}}}}})",
                           born.empty() ? "" : fmt::format(R"(, "fodelsedatum": "{}")", born));
    };
    auto unknown = of(validate(json(""), Date{2025, 6, 15}), "AF-LTU");
    REQUIRE(unknown.size() == 1);
    CHECK(unknown[0].outcome == Outcome::indeterminate);
    CHECK(unknown[0].missing == std::vector<std::string>{"/sokande/fodelsedatum"});
    auto young = of(validate(json("2001-01-01"), Date{2025, 6, 15}), "AF-LTU");
    REQUIRE(young.size() == 1);
    CHECK(young[0].outcome == Outcome::violated);
    CHECK_THAT(young[0].message, Catch::Contains("sedan 2024-10-15"));
    CHECK(of(validate(json("1990-01-01"), Date{2025, 6, 15}), "AF-LTU").empty());
}

TEST_CASE("shipped messages: HP-6.3 and AF-AKTUELL show the activity type's label", "[report][messages]") {
    auto json = R"({"id": "P", "version": 1, "status": "upprattad", "typ": "ordinarie", "upprattad_datum": "2024-01-20",
      "stodbehov": {"bedomning": "b"}, "skyldigheter": ["soka_lampliga_arbeten"],
      "sokande": {"id": "S", "kommun": "0380", "inskrivningsdatum": "2024-01-10"},
      "aktiviteter": [{"id": "A1", "typ": "rusta_och_matcha", "status": "pagaende", "start": "2024-01-22", "slut": "2024-02-20"}]})";
    auto r = validate(json, Date{2024, 3, 1});
    auto hp = of(r, "HP-6.3");
    REQUIRE(hp.size() == 1);
    CHECK_THAT(hp[0].message, Catch::StartsWith("Aktiviteten A1 (Rusta och matcha) saknar"));
    auto akt = of(r, "AF-AKTUELL");
    REQUIRE(akt.size() == 1);
    CHECK(akt[0].pointer == "/aktiviteter/0");
    CHECK_THAT(akt[0].message, Catch::StartsWith("Aktiviteten A1 (Rusta och matcha) står fortfarande som pågående, men slutade 2024-02-20."));
}
