// Calendar arithmetic: durations added to dates with end-of-month clamping, leap years, year
// boundaries; days_between, months_between, age, year/month/day/period; dates leaving the
// years 1–9999 are evaluation errors.

#include "eval/probe.hpp"

using namespace planrules;
using planrules::test::plan_json;
using planrules::test::Probe;

namespace {

// A plan whose upprattad_datum is d (and senast_reviderad is e, when given).
std::string dated(std::string_view d, std::string_view e = "") {
    std::string extra = fmt::format(R"(, "upprattad_datum": "{}")", d);
    if (!e.empty()) extra += fmt::format(R"(, "senast_reviderad": "{}")", e);
    return plan_json("", extra);
}

struct Case {
    std::string_view date, expr, expected;
};

void check_all(const Probe& probe, std::initializer_list<Case> cases) {
    for (const auto& c : cases) {
        CAPTURE(c.date, c.expr);
        CHECK(probe.value(c.expr, dated(c.date)) == c.expected);
    }
}

}  // namespace

TEST_CASE("eval dates: adding months and years clamps to the end of the month", "[eval][dates]") {
    Probe probe;
    check_all(probe, {
        {"2024-08-31", "plan.upprattad_datum + 6 months", "2025-02-28"},
        {"2024-02-29", "plan.upprattad_datum + 1 year", "2025-02-28"},
        {"2024-02-29", "plan.upprattad_datum + 4 years", "2028-02-29"},
        {"2024-02-29", "plan.upprattad_datum + 12 months", "2025-02-28"},
        {"2024-01-31", "plan.upprattad_datum + 1 month", "2024-02-29"},  // leap year
        {"2023-01-31", "plan.upprattad_datum + 1 month", "2023-02-28"},
        {"2024-03-31", "plan.upprattad_datum + 1 month", "2024-04-30"},
        {"2024-01-30", "plan.upprattad_datum + 1 month", "2024-02-29"},
        {"2024-02-28", "plan.upprattad_datum + 1 month", "2024-03-28"},  // not moved to the end
        {"2024-12-15", "plan.upprattad_datum + 1 month", "2025-01-15"},  // year boundary
        {"2024-11-30", "plan.upprattad_datum + 3 months", "2025-02-28"},
        {"2025-01-31", "plan.upprattad_datum - 2 months", "2024-11-30"},
        {"2024-03-31", "plan.upprattad_datum - 1 month", "2024-02-29"},
        {"2025-03-31", "plan.upprattad_datum - 1 month", "2025-02-28"},
        {"2025-01-15", "plan.upprattad_datum - 1 month", "2024-12-15"},
        {"2024-08-31", "plan.upprattad_datum - 6 months", "2024-02-29"},
        {"2000-02-29", "plan.upprattad_datum + 100 years", "2100-02-28"},  // 2100 is no leap year
        {"1996-02-29", "plan.upprattad_datum + 4 years", "2000-02-29"},    // 2000 is one
        {"2024-05-31", "plan.upprattad_datum + 0 months", "2024-05-31"},
    });
}

TEST_CASE("eval dates: adding days and weeks crosses months, years and leap days", "[eval][dates]") {
    Probe probe;
    check_all(probe, {
        {"2024-12-31", "plan.upprattad_datum + 1 day", "2025-01-01"},
        {"2025-01-01", "plan.upprattad_datum - 1 day", "2024-12-31"},
        {"2024-02-28", "plan.upprattad_datum + 1 day", "2024-02-29"},
        {"2023-02-28", "plan.upprattad_datum + 1 day", "2023-03-01"},
        {"2024-01-15", "plan.upprattad_datum + 30 days", "2024-02-14"},
        {"2024-02-01", "plan.upprattad_datum + 30 days", "2024-03-02"},
        {"2024-12-20", "plan.upprattad_datum + 2 weeks", "2025-01-03"},
        {"2024-03-01", "plan.upprattad_datum - 1 week", "2024-02-23"},
        {"2024-01-01", "plan.upprattad_datum + 366 days", "2025-01-01"},
        {"2024-01-01", "plan.upprattad_datum + -1 day", "2023-12-31"},
    });
}

TEST_CASE("eval dates: a sum of durations is applied term by term in the order written", "[eval][dates]") {
    Probe probe;
    check_all(probe, {
        // (2024-01-31 + 1 month) + 1 day = 2024-02-29 + 1 day
        {"2024-01-31", "plan.upprattad_datum + (1 month + 1 day)", "2024-03-01"},
        {"2024-01-31", "plan.upprattad_datum + 1 month + 1 day", "2024-03-01"},
        // (2024-01-30 + 1 day) + 1 month = 2024-01-31 + 1 month
        {"2024-01-30", "plan.upprattad_datum + 1 day + 1 month", "2024-02-29"},
        {"2024-01-31", "plan.upprattad_datum + (6 months - 6 months)", "2024-01-31"},
        {"2024-01-31", "plan.upprattad_datum + 1 year + 1 month", "2025-02-28"},
        {"2024-03-31", "plan.upprattad_datum - (1 month + 1 day)", "2024-02-28"},
        {"2024-07-01", "plan.upprattad_datum + -(2 weeks)", "2024-06-17"},
    });
    CHECK(probe.value("6 months + 2 weeks") == "6 months 14 days");
    CHECK(probe.value("1 year - 1 month") == "11 months");
    CHECK(probe.value("30 days - 30 days") == "0 days");
    CHECK(probe.value("-(1 month)") == "-1 month");
    CHECK(probe.value("sum([1 month, 2 months, 3 days])") == "3 months 3 days");
    CHECK(probe.value("30 days + plan.upprattad_datum", dated("2024-01-31")) == "2024-03-01");
}

TEST_CASE("eval dates: a date plus a combined duration adds the months first, then the days", "[eval][dates]") {
    Probe probe;
    check_all(probe, {
        // one duration of 2 months: 2024-01-31 + 2 months, not (2024-01-31 + 1 month) + 1 month
        {"2024-01-31", "plan.upprattad_datum + (1 month + 1 month)", "2024-03-31"},
        {"2024-01-31", "plan.upprattad_datum + 1 month + 1 month", "2024-03-29"},
        // the months first, whatever order the terms were written in
        {"2024-01-21", "plan.upprattad_datum + (10 days + 1 month)", "2024-03-02"},
        {"2024-01-21", "plan.upprattad_datum + (1 month + 10 days)", "2024-03-02"},
        {"2024-01-21", "plan.upprattad_datum + 10 days + 1 month", "2024-02-29"},
        {"2024-03-31", "plan.upprattad_datum - (10 days + 1 month)", "2024-02-19"},
    });
}

TEST_CASE("eval dates: each step of a date plus a duration stays in the years 1-9999", "[eval][dates][errors]") {
    Probe probe;
    // 9999-12-31 + 1 month lies outside even though the days bring the sum back inside
    CHECK(probe.value("plan.upprattad_datum + (1 month - 40 days)", dated("9999-12-15")) ==
          "error: the date falls outside the years 1–9999");
    CHECK(probe.value("plan.upprattad_datum + (1 month - 40 days)", dated("9999-11-15")) == "9999-11-05");
    CHECK(probe.value("plan.upprattad_datum - (1 month - 40 days)", dated("0001-01-15")) ==
          "error: the date falls outside the years 1–9999");
}

TEST_CASE("eval dates: an evaluation error wins over a missing argument", "[eval][dates][errors]") {
    Probe probe;
    // senast_reviderad is missing; the other argument is an error, in either position
    CHECK(probe.truth("days_between(plan.senast_reviderad, today + 9999 years) > 0") ==
          "error: the date falls outside the years 1–9999");
    CHECK(probe.truth("days_between(today + 9999 years, plan.senast_reviderad) > 0") ==
          "error: the date falls outside the years 1–9999");
    CHECK(probe.truth("days_between(plan.senast_reviderad, today) > 0") == "unknown");
    CHECK(probe.truth("max(plan.senast_reviderad, today + 9999 years) > today") ==
          "error: the date falls outside the years 1–9999");
    CHECK(probe.truth("min(today + 9999 years, plan.senast_reviderad) > today") ==
          "error: the date falls outside the years 1–9999");
    CHECK(probe.truth("min(today, plan.senast_reviderad) > 2000-01-01") == "unknown");
}

TEST_CASE("eval dates: days_between", "[eval][dates]") {
    Probe probe;
    check_all(probe, {
        {"2024-01-01", "days_between(plan.upprattad_datum, 2024-12-31)", "365"},  // leap year
        {"2023-01-01", "days_between(plan.upprattad_datum, 2023-12-31)", "364"},
        {"2024-02-28", "days_between(plan.upprattad_datum, 2024-03-01)", "2"},
        {"2023-02-28", "days_between(plan.upprattad_datum, 2023-03-01)", "1"},
        {"2024-12-31", "days_between(plan.upprattad_datum, 2025-01-01)", "1"},
        {"2025-01-01", "days_between(plan.upprattad_datum, 2024-12-31)", "-1"},
        {"2024-07-15", "days_between(plan.upprattad_datum, today)", "0"},
        {"1970-01-01", "days_between(plan.upprattad_datum, 2000-01-01)", "10957"},
        {"0001-01-01", "days_between(plan.upprattad_datum, 9999-12-31)", "3652058"},
    });
    CHECK(probe.value("days_between(plan.upprattad_datum, today)") == "unknown");
    CHECK(probe.value("days_between(today, plan.upprattad_datum)") == "unknown");
}

TEST_CASE("eval dates: months_between counts whole calendar months", "[eval][dates]") {
    Probe probe;
    check_all(probe, {
        {"2024-01-15", "months_between(plan.upprattad_datum, 2024-07-15)", "6"},
        {"2024-01-15", "months_between(plan.upprattad_datum, 2024-07-14)", "5"},
        {"2024-01-31", "months_between(plan.upprattad_datum, 2024-02-29)", "1"},  // 01-31 + 1 month = 02-29
        {"2024-01-31", "months_between(plan.upprattad_datum, 2024-02-28)", "0"},
        {"2024-08-31", "months_between(plan.upprattad_datum, 2025-02-28)", "6"},
        {"2024-08-31", "months_between(plan.upprattad_datum, 2025-02-27)", "5"},
        {"2024-12-15", "months_between(plan.upprattad_datum, 2025-01-15)", "1"},
        {"2024-12-16", "months_between(plan.upprattad_datum, 2025-01-15)", "0"},
        {"2024-07-15", "months_between(plan.upprattad_datum, 2024-07-15)", "0"},
        {"2024-07-15", "months_between(plan.upprattad_datum, 2024-01-15)", "-6"},  // earlier: negated
        {"2024-07-15", "months_between(plan.upprattad_datum, 2024-01-16)", "-5"},
        {"2020-02-29", "months_between(plan.upprattad_datum, 2024-02-28)", "47"},
        {"2020-02-29", "months_between(plan.upprattad_datum, 2024-02-29)", "48"},
        {"2021-03-01", "months_between(plan.upprattad_datum, 2023-03-01)", "24"},
    });
}

TEST_CASE("eval dates: age in whole years on the evaluation date", "[eval][dates]") {
    Probe probe;  // today is 2024-07-15
    auto age_of = [&](std::string_view born, Date today = {2024, 7, 15}) {
        Probe p;
        p.as_of = today;
        return p.value("age(plan.sokande.fodelsedatum)", plan_json(fmt::format(R"(, "fodelsedatum": "{}")", born)));
    };
    CHECK(age_of("1990-07-15") == "34");  // birthday today
    CHECK(age_of("1990-07-16") == "33");  // tomorrow
    CHECK(age_of("1990-07-14") == "34");
    CHECK(age_of("2024-07-15") == "0");
    CHECK(age_of("2000-01-01", {2024, 12, 31}) == "24");
    CHECK(age_of("2000-01-01", {2025, 1, 1}) == "25");  // year boundary
    // born on a leap day: the birthday is on 28 February in other years
    CHECK(age_of("2000-02-29", {2025, 2, 27}) == "24");
    CHECK(age_of("2000-02-29", {2025, 2, 28}) == "25");
    CHECK(age_of("2000-02-29", {2024, 2, 28}) == "23");
    CHECK(age_of("2000-02-29", {2024, 2, 29}) == "24");
    CHECK(probe.value("age(plan.sokande.fodelsedatum)") == "unknown");
}

TEST_CASE("eval dates: year, month, day and period", "[eval][dates]") {
    Probe probe;
    check_all(probe, {
        {"2024-02-29", "year(plan.upprattad_datum)", "2024"},
        {"2024-02-29", "month(plan.upprattad_datum)", "2"},
        {"2024-02-29", "day(plan.upprattad_datum)", "29"},
        {"2024-02-29", "period(plan.upprattad_datum)", "2024-02"},
        {"0987-11-03", "period(plan.upprattad_datum)", "0987-11"},
        {"2025-01-10", "period(plan.upprattad_datum - 1 month)", "2024-12"},
    });
    CHECK(probe.value("year(today) * 10000 + month(today) * 100 + day(today)") == "20240715");
    CHECK(probe.value("period(plan.upprattad_datum)") == "unknown");
}

TEST_CASE("eval dates: leaving the years 1-9999 is an evaluation error", "[eval][dates][errors]") {
    Probe probe;
    check_all(probe, {
        {"9999-12-31", "plan.upprattad_datum + 1 day", "error: the date falls outside the years 1–9999"},
        {"9999-12-15", "plan.upprattad_datum + 1 month", "error: the date falls outside the years 1–9999"},
        {"0001-01-01", "plan.upprattad_datum - 1 day", "error: the date falls outside the years 1–9999"},
        {"0001-01-01", "plan.upprattad_datum - 1 year", "error: the date falls outside the years 1–9999"},
        {"2024-01-01", "plan.upprattad_datum + 8000 years", "error: the date falls outside the years 1–9999"},
        {"2024-01-01", "plan.upprattad_datum + 7975 years", "9999-01-01"},
        {"9999-12-30", "plan.upprattad_datum + 1 day", "9999-12-31"},
    });
}

TEST_CASE("eval dates: durations too large for any date are refused by the parser", "[eval][dates][errors]") {
    for (std::string_view text : {"10000 years", "120000 months", "600000 weeks", "3700000 days",
                                  "9223372036854775807 days", "9223372036854775807 weeks", "4294967296 months"}) {
        CAPTURE(text);
        auto c = test::compile_with_schema(fmt::format(
            "ruleset t \"T\"\nrule T-1 \"t\"\n  severity error\n  source \"s\"\n  require today + {} > today\n  message \"m\"\n",
            text));
        CHECK(test::has_code(c.diagnostics, "duration-too-large"));
    }
    auto ok = test::compile_with_schema(
        "ruleset t \"T\"\nrule T-1 \"t\"\n  severity error\n  source \"s\"\n"
        "  require today + 9998 years + 119988 months + 521774 weeks + 3652424 days > today\n  message \"m\"\n");
    CHECK_FALSE(test::has_code(ok.diagnostics, "duration-too-large"));
}

TEST_CASE("eval dates: sums of large durations never overflow", "[eval][dates][errors]") {
    Probe probe;
    // each literal is allowed; the sums leave every date behind and are errors, not wrap-arounds
    std::string months = "9999 years";
    for (int i = 0; i < 300; ++i) months += " + 9999 years";
    CHECK(probe.truth("today + (" + months + ") > today") == "error: the date falls outside the years 1–9999");
    std::string days = "3652424 days";
    for (int i = 0; i < 300; ++i) days += " + 3652424 days";
    CHECK(probe.truth("today - (" + days + ") < today") == "error: the date falls outside the years 1–9999");
}

TEST_CASE("dates: parse_date reads exactly YYYY-MM-DD of a day that exists", "[eval][dates]") {
    CHECK(planrules::parse_date("2024-02-29") == planrules::Date{2024, 2, 29});
    CHECK(planrules::parse_date("0001-01-01") == planrules::Date{1, 1, 1});
    CHECK(planrules::parse_date("9999-12-31") == planrules::Date{9999, 12, 31});
    for (const char* bad : {"2023-02-29", "2023-02-30", "2023-13-01", "2023-00-10", "0000-01-01", "+002023-01-01",
                            "2023-1-01", "2023-01-1", "2023/01/01", "2023-01-01x", " 2023-01-01", "", "20230101"}) {
        CAPTURE(bad);
        CHECK_FALSE(planrules::parse_date(bad).has_value());
    }
}

TEST_CASE("dates: to_string writes YYYY-MM-DD with leading zeros, and anything else as it is", "[eval][dates]") {
    CHECK(planrules::to_string(planrules::Date{2024, 1, 25}) == "2024-01-25");
    CHECK(planrules::to_string(planrules::Date{5, 12, 3}) == "0005-12-03");
    CHECK(planrules::to_string(planrules::Date{9999, 12, 31}) == "9999-12-31");
    CHECK(planrules::to_string(planrules::Date{1, 1, 1}) == "0001-01-01");
    CHECK(planrules::to_string(planrules::Date{0, 0, 0}) == "0000-00-00");
    CHECK(planrules::to_string(planrules::Date{12345, 1, 1}) == "12345-01-01");
    CHECK(planrules::to_string(planrules::Date{-1, 1, 1}) == "-001-01-01");
}

