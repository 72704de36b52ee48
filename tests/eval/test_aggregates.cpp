// Aggregates (count, all, any, sum, min, max in every form) and exists: on empty lists, with
// where conditions, and with unknown conditions and values.

#include "eval/probe.hpp"

using namespace planrules;
using planrules::test::plan_json;
using planrules::test::Probe;

namespace {

// Activities given as (status, motivering or null, start or null) triples.
struct Act {
    std::string_view status, motivering, start;
};
std::string activities(std::initializer_list<Act> acts) {
    std::string list;
    int i = 0;
    for (const auto& a : acts) {
        if (!list.empty()) list += ", ";
        list += fmt::format(R"({{"id": "A{}", "typ": "kurs", "status": "{}", "motivering": {}, "start": {}}})", ++i,
                            a.status, a.motivering, a.start);
    }
    return plan_json("", ", \"aktiviteter\": [" + list + "]");
}

// Activity reports given as sokta_arbeten counts (or null).
std::string reports(std::initializer_list<std::string_view> counts) {
    std::string list;
    int i = 0;
    for (auto c : counts) {
        if (!list.empty()) list += ", ";
        list += fmt::format(R"({{"period": "2024-0{}", "inlamnad": "2024-0{}-10", "sokta_arbeten": {}}})", i + 1,
                            i + 1, c);
        ++i;
    }
    return plan_json("", ", \"aktivitetsrapporter\": [" + list + "]");
}

const std::string empty = plan_json();

}  // namespace

TEST_CASE("eval aggregates: count", "[eval][aggregates]") {
    Probe probe;
    auto p = activities({{"planerad", R"("m")", "null"}, {"avslutad", "null", "null"}, {"pagaende", "null", "null"}});
    CHECK(probe.value("count(plan.aktiviteter)", p) == "3");
    CHECK(probe.value("count(a in plan.aktiviteter)", p) == "3");
    CHECK(probe.value("count(a in plan.aktiviteter where a.status in [\"planerad\", \"pagaende\"])", p) == "2");
    CHECK(probe.value("count(a in plan.aktiviteter where a.status == \"avbruten\")", p) == "0");
    CHECK(probe.value("count(plan.aktiviteter)", empty) == "0");
    CHECK(probe.value("count(a in plan.aktiviteter where blank(a.motivering))", empty) == "0");
    CHECK(probe.value("count([1, 2, 3, 4])") == "4");
    // an unknown where makes the count unknown
    CHECK(probe.value("count(a in plan.aktiviteter where a.start > 2024-01-01)", p) == "unknown");
}

TEST_CASE("eval aggregates: all and any in each form", "[eval][aggregates]") {
    Probe probe;
    auto p = activities({{"planerad", R"("m")", R"("2024-02-01")"}, {"pagaende", "null", R"("2024-03-01")"}});
    // all/any(x in L where C)
    CHECK(probe.truth("all(a in plan.aktiviteter where a.status != \"avslutad\")", p) == "true");
    CHECK(probe.truth("all(a in plan.aktiviteter where not blank(a.motivering))", p) == "false");
    CHECK(probe.truth("any(a in plan.aktiviteter where blank(a.motivering))", p) == "true");
    CHECK(probe.truth("any(a in plan.aktiviteter where a.status == \"avslutad\")", p) == "false");
    // all/any(E for x in L) and (E for x in L where C)
    CHECK(probe.truth("all(present(a.start) for a in plan.aktiviteter)", p) == "true");
    CHECK(probe.truth("all(not blank(a.motivering) for a in plan.aktiviteter)", p) == "false");
    CHECK(probe.truth("all(not blank(a.motivering) for a in plan.aktiviteter where a.status == \"planerad\")", p) ==
          "true");
    CHECK(probe.truth("any(blank(a.motivering) for a in plan.aktiviteter where a.status == \"planerad\")", p) ==
          "false");
    CHECK(probe.truth("any(a.start > 2024-02-15 for a in plan.aktiviteter)", p) == "true");
    // all/any(LIST) over a list of conditions
    CHECK(probe.truth("all([plan.version > 1, plan.status == \"upprattad\"])") == "true");
    CHECK(probe.truth("all([plan.version > 1, plan.status == \"utkast\"])") == "false");
    CHECK(probe.truth("any([plan.version > 5, plan.status == \"upprattad\"])") == "true");
    CHECK(probe.truth("any([plan.version > 5, plan.status == \"utkast\"])") == "false");
    // over an empty list: all is true, any false
    CHECK(probe.truth("all(a in plan.aktiviteter where blank(a.motivering))", empty) == "true");
    CHECK(probe.truth("any(a in plan.aktiviteter where blank(a.motivering))", empty) == "false");
    CHECK(probe.truth("all(blank(a.motivering) for a in plan.aktiviteter)", empty) == "true");
    CHECK(probe.truth("any(blank(a.motivering) for a in plan.aktiviteter)", empty) == "false");
}

TEST_CASE("eval aggregates: all and any with unknown elements", "[eval][aggregates]") {
    Probe probe;
    // starts: known after the date, missing, known before the date
    auto mixed = activities({{"planerad", "null", R"("2024-05-01")"}, {"planerad", "null", "null"},
                             {"planerad", "null", R"("2024-01-01")"}});
    auto unknown_and_true = activities({{"planerad", "null", R"("2024-05-01")"}, {"planerad", "null", "null"}});
    auto unknown_and_false = activities({{"planerad", "null", R"("2024-01-01")"}, {"planerad", "null", "null"}});
    const std::string all_after = "all(a in plan.aktiviteter where a.start > 2024-03-01)";
    const std::string any_after = "any(a in plan.aktiviteter where a.start > 2024-03-01)";
    const std::string all_for = "all(a.start > 2024-03-01 for a in plan.aktiviteter)";
    const std::string any_for = "any(a.start > 2024-03-01 for a in plan.aktiviteter)";
    // all: false if some element gives false, else unknown if some gives unknown, else true
    CHECK(probe.truth(all_after, mixed) == "false");
    CHECK(probe.truth(all_after, unknown_and_true) == "unknown");
    CHECK(probe.truth(all_for, mixed) == "false");
    CHECK(probe.truth(all_for, unknown_and_true) == "unknown");
    // any: true if some element gives true, else unknown if some gives unknown, else false
    CHECK(probe.truth(any_after, mixed) == "true");
    CHECK(probe.truth(any_after, unknown_and_false) == "unknown");
    CHECK(probe.truth(any_for, mixed) == "true");
    CHECK(probe.truth(any_for, unknown_and_false) == "unknown");
    // exists reads like any(x in L where C)
    CHECK(probe.truth("exists a in plan.aktiviteter where a.start > 2024-03-01", mixed) == "true");
    CHECK(probe.truth("exists a in plan.aktiviteter where a.start > 2024-03-01", unknown_and_false) == "unknown");
    CHECK(probe.truth("all([plan.sokande.tillfalligt_arbete, false])") == "false");
    CHECK(probe.truth("all([plan.sokande.tillfalligt_arbete, true])") == "unknown");
    CHECK(probe.truth("any([plan.sokande.tillfalligt_arbete, true])") == "true");
    CHECK(probe.truth("any([plan.sokande.tillfalligt_arbete, false])") == "unknown");
}

TEST_CASE("eval aggregates: an evaluation error wins over a missing element in either order", "[eval][aggregates][errors]") {
    Probe probe;
    // a.start + 9999 years leaves the years 1-9999 (an error); a missing start is unknown
    auto missing_first = activities({{"planerad", "null", "null"}, {"planerad", "null", R"("2024-05-01")"}});
    auto error_first = activities({{"planerad", "null", R"("2024-05-01")"}, {"planerad", "null", "null"}});
    const std::string error = "error: the date falls outside the years 1–9999";
    for (const auto* plan : {&missing_first, &error_first}) {
        CHECK(probe.truth("all(a in plan.aktiviteter where a.start + 9999 years > today)", *plan) == error);
        CHECK(probe.truth("any(a in plan.aktiviteter where a.start + 9999 years < today)", *plan) == error);
        CHECK(probe.truth("all(a.start + 9999 years > today for a in plan.aktiviteter)", *plan) == error);
        CHECK(probe.truth("count(a in plan.aktiviteter where a.start + 9999 years > today) > 0", *plan) == error);
        CHECK(probe.truth("max(a.start + 9999 years for a in plan.aktiviteter) > today", *plan) == error);
    }
    CHECK(probe.truth("today in [plan.senast_reviderad, today + 9999 years]") == error);
    CHECK(probe.truth("today in [today + 9999 years, plan.senast_reviderad]") == error);
    CHECK(probe.truth("contains([plan.senast_reviderad, today + 9999 years], today)") == error);
    CHECK(probe.truth("contains([today + 9999 years, plan.senast_reviderad], today)") == error);
    CHECK(probe.truth("today in [plan.senast_reviderad, today]") == "true");
    // a missing left operand does not hide an error in the list
    CHECK(probe.truth("plan.senast_reviderad in [today, today + 9999 years]") == error);
    CHECK(probe.truth("plan.senast_reviderad not in [today, today + 9999 years]") == error);
    CHECK(probe.truth("plan.senast_reviderad in [today, today + 1 year]") == "unknown");
}

TEST_CASE("eval aggregates: exists", "[eval][aggregates]") {
    Probe probe;
    auto p = activities({{"avslutad", "null", "null"}, {"pagaende", "null", "null"}});
    CHECK(probe.truth("exists a in plan.aktiviteter", p) == "true");
    CHECK(probe.truth("exists a in plan.aktiviteter", empty) == "false");
    CHECK(probe.truth("exists a in plan.aktiviteter where a.status == \"pagaende\"", p) == "true");
    CHECK(probe.truth("exists a in plan.aktiviteter where a.status == \"planerad\"", p) == "false");
    CHECK(probe.truth("(exists a in plan.aktiviteter) and plan.version == 3", p) == "true");
}

TEST_CASE("eval aggregates: sum", "[eval][aggregates]") {
    Probe probe;
    CHECK(probe.value("sum(r.sokta_arbeten for r in plan.aktivitetsrapporter)", reports({"3", "4", "5"})) == "12");
    CHECK(probe.value("sum(r.sokta_arbeten for r in plan.aktivitetsrapporter where r.sokta_arbeten > 3)",
                      reports({"3", "4", "5"})) == "9");
    CHECK(probe.value("sum(r.sokta_arbeten for r in plan.aktivitetsrapporter)", empty) == "0");
    CHECK(probe.value("sum(r.sokta_arbeten for r in plan.aktivitetsrapporter)", reports({"3", "null"})) == "unknown");
    // the where decides first: a missing value it leaves out does not matter
    CHECK(probe.value("sum(r.sokta_arbeten for r in plan.aktivitetsrapporter where present(r.sokta_arbeten))",
                      reports({"3", "null", "2"})) == "5");
    CHECK(probe.value("sum([1, 2, 3])") == "6");
    CHECK(probe.value("sum([1.5, 2])") == "3,5");
    CHECK(probe.value("sum([0.5, plan.sokande.jobbchans.procent])") == "unknown");
    // a sum that overflows is an error
    CHECK(probe.value("sum(r.sokta_arbeten for r in plan.aktivitetsrapporter)",
                      reports({"9223372036854775807", "1"})) == "error: integer overflow");
}

TEST_CASE("eval aggregates: min and max in each form", "[eval][aggregates]") {
    Probe probe;
    auto p = activities({{"planerad", "null", R"("2024-05-01")"}, {"pagaende", "null", R"("2024-01-01")"},
                         {"avslutad", "null", R"("2024-03-01")"}});
    CHECK(probe.value("min(a.start for a in plan.aktiviteter)", p) == "2024-01-01");
    CHECK(probe.value("max(a.start for a in plan.aktiviteter)", p) == "2024-05-01");
    CHECK(probe.value("max(a.start for a in plan.aktiviteter where a.status != \"planerad\")", p) == "2024-03-01");
    CHECK(probe.value("min(a.id for a in plan.aktiviteter)", p) == "A1");
    CHECK(probe.value("max(a.id for a in plan.aktiviteter)", p) == "A3");
    // the element itself
    CHECK(probe.value("min(d in [2024-03-01, plan.sokande.inskrivningsdatum, 2025-01-01] where d > 2024-02-01)") ==
          "2024-03-01");
    CHECK(probe.value("max(s in [\"b\", \"c\", \"a\"] where s != \"c\")") == "b");
    // lists and several values
    CHECK(probe.value("min([3, 1, 2])") == "1");
    CHECK(probe.value("max([3, 1.5, 2])") == "3");
    CHECK(probe.value("min(plan.version, 7, 5)") == "3");
    CHECK(probe.value("max(plan.version, 7, 5)") == "7");
    CHECK(probe.value("max(plan.sokande.inskrivningsdatum, today)") == "2024-07-15");
    CHECK(probe.value("min(\"b\", \"a\", \"c\")") == "a");
    // empty: unknown; an unknown value: unknown
    CHECK(probe.value("min(a.start for a in plan.aktiviteter)", empty) == "unknown");
    CHECK(probe.value("max(a.start for a in plan.aktiviteter)", empty) == "unknown");
    CHECK(probe.value("max(plan.version, plan.sokande.omradestyp)") == "unknown");
    auto with_missing = activities({{"planerad", "null", R"("2024-05-01")"}, {"planerad", "null", "null"}});
    CHECK(probe.value("max(a.start for a in plan.aktiviteter)", with_missing) == "unknown");
    CHECK(probe.value("max(a.start for a in plan.aktiviteter where present(a.start))", with_missing) == "2024-05-01");
}
