// Literals: strings, integers, decimals, booleans, dates, durations, today.

#include "syntax/syntax_helpers.hpp"

using namespace planrules;
using namespace planrules::test;
using namespace planrules::test::syntax_tests;

TEST_CASE("literals: strings with escapes", "[syntax][literals]") {
    const std::string text = R"("a\"b\\c\nd\te\{f\}")";
    auto e = expr_clean(text);
    CHECK(e.kind == ast::ExprKind::string);
    CHECK(e.text == "a\"b\\c\nd\te{f}");
    CHECK(sliced(text, e.span) == text);
}

TEST_CASE("literals: strings with UTF-8", "[syntax][literals]") {
    const std::string text = "\"Förordning (2000:628) 6 § – åäö ÅÄÖ é ✓\"";
    auto e = expr_clean(text);
    CHECK(e.kind == ast::ExprKind::string);
    CHECK(e.text == "Förordning (2000:628) 6 § – åäö ÅÄÖ é ✓");
    CHECK(e.span.begin == 0);
    CHECK(e.span.end == text.size());
}

TEST_CASE("literals: empty string and '#' inside a string", "[syntax][literals]") {
    auto e1 = expr_clean("\"\"");
    CHECK(e1.kind == ast::ExprKind::string);
    CHECK(e1.text.empty());
    const std::string text = "\"nr # 5\"";
    auto e2 = expr_clean(text);
    CHECK(e2.text == "nr # 5");
    CHECK(sliced(text, e2.span) == text);
}

TEST_CASE("literals: integers", "[syntax][literals]") {
    std::pair<const char*, std::int64_t> cases[] = {
        {"0", 0}, {"42", 42}, {"007", 7}, {"9223372036854775807", 9223372036854775807LL}};
    for (auto [text, value] : cases) {
        DYNAMIC_SECTION(text) {
            auto e = expr_clean(text);
            CHECK(e.kind == ast::ExprKind::integer);
            CHECK(e.integer == value);
            CHECK(e.text == text);
            CHECK(sliced(text, e.span) == text);
        }
    }
}

TEST_CASE("literals: decimals", "[syntax][literals]") {
    std::pair<const char*, double> cases[] = {{"48.5", 48.5}, {"0.25", 0.25}, {"100.0", 100.0}};
    for (auto [text, value] : cases) {
        DYNAMIC_SECTION(text) {
            auto e = expr_clean(text);
            CHECK(e.kind == ast::ExprKind::decimal);
            CHECK(e.decimal == Approx(value));
            CHECK(e.text == text);
            CHECK(sliced(text, e.span) == text);
        }
    }
}

TEST_CASE("literals: integer too large", "[syntax][literals][errors]") {
    for (std::string text : {"9223372036854775808", "99999999999999999999"}) {
        DYNAMIC_SECTION(text) {
            const std::string rule = "rule R \"t\"\n  require x < " + text + "\n";
            auto d = file_error(rule);
            CHECK(d.code == "number-too-large");
            CHECK(spelled(d) == text);
            CHECK(d.span.begin == offset_of(rule, text));
            CHECK_THAT(d.message, Catch::Contains(text));
        }
    }
}

TEST_CASE("literals: booleans", "[syntax][literals]") {
    auto t = expr_clean("true");
    CHECK(t.kind == ast::ExprKind::boolean);
    CHECK(t.boolean);
    auto f = expr_clean("false");
    CHECK(f.kind == ast::ExprKind::boolean);
    CHECK_FALSE(f.boolean);
    auto e = expr_clean("a == false");
    CHECK(shape(e) == "(== a false)");
}

TEST_CASE("literals: words that start like keywords are names", "[syntax][literals]") {
    for (std::string text : {"truex", "false_", "todays", "iffy", "notice", "order", "andel"}) {
        DYNAMIC_SECTION(text) {
            auto e = expr_clean(text);
            CHECK(e.kind == ast::ExprKind::name);
            CHECK(e.text == text);
            CHECK(sliced(text, e.span) == text);
        }
    }
}

TEST_CASE("literals: dates", "[syntax][literals]") {
    struct Case {
        const char* text;
        Date date;
    };
    Case cases[] = {{"2022-12-01", {2022, 12, 1}}, {"2024-02-29", {2024, 2, 29}}, {"0001-01-01", {1, 1, 1}},
                    {"9999-12-31", {9999, 12, 31}}};
    for (auto& c : cases) {
        DYNAMIC_SECTION(c.text) {
            auto e = expr_clean(c.text);
            CHECK(e.kind == ast::ExprKind::date);
            CHECK(e.date == c.date);
            CHECK(e.text == c.text);
            CHECK(sliced(c.text, e.span) == c.text);
        }
    }
}

TEST_CASE("literals: a date is not arithmetic", "[syntax][literals]") {
    const std::string text = "plan.start >= 2022-12-01";
    auto e = expr_clean(text);
    CHECK(shape(e) == "(>= (. plan start) 2022-12-01)");
    CHECK(sliced(text, e.children.at(1).span) == "2022-12-01");
}

TEST_CASE("literals: invalid dates", "[syntax][literals][errors]") {
    struct Case {
        const char* text;
        const char* reason;
    };
    Case cases[] = {{"2023-02-30", "February 2023 has 28 days"},
                    {"2023-02-29", "February 2023 has 28 days"},
                    {"2022-04-31", "April 2022 has 30 days"},
                    {"2022-13-01", "there is no month 13"},
                    {"2022-00-10", "there is no month 00"},
                    {"0000-01-01", "year 0000"}};
    for (auto& c : cases) {
        DYNAMIC_SECTION(c.text) {
            const std::string rule = std::string("rule R \"t\"\n  require plan.start < ") + c.text + "\n";
            auto r = parse(rule);
            REQUIRE(r.diagnostics.size() == 1);
            const auto& d = r.diagnostics[0];
            CHECK(d.code == "invalid-date");
            CHECK(spelled(d) == c.text);
            CHECK(d.span.begin == offset_of(rule, c.text));
            CHECK_THAT(d.message, Catch::Contains(c.reason));
            // the rule is kept (the error is not a syntax error)
            CHECK(decl_at<ast::RuleDecl>(r, 0).require.has_value());
        }
    }
}

TEST_CASE("literals: invalid date in a clause", "[syntax][literals][errors]") {
    const std::string text = "rule R \"t\"\n  in force from 2023-02-30\n";
    auto d = file_error(text);
    CHECK(d.code == "invalid-date");
    CHECK(spelled(d) == "2023-02-30");
}

TEST_CASE("literals: malformed dates", "[syntax][literals][errors]") {
    for (std::string text : {"2022-1-05", "2022-01-5", "2022-001-05", "2022-01-005"}) {
        DYNAMIC_SECTION(text) {
            const std::string rule = "rule R \"t\"\n  require plan.start < " + text + "\n";
            auto d = file_error(rule);
            CHECK(d.code == "malformed-date");
            CHECK(spelled(d) == text);
            CHECK(d.span.begin == offset_of(rule, text));
            CHECK_THAT(d.message, Catch::Contains(text));
            CHECK_THAT(d.help, Catch::Contains("YYYY-MM-DD"));
        }
    }
}

TEST_CASE("literals: malformed date in an 'in force' clause", "[syntax][literals][errors]") {
    const std::string text = "rule R \"t\"\n  in force from 2022-1-05\n";
    auto d = file_error(text);
    CHECK(d.code == "malformed-date");
    CHECK(spelled(d) == "2022-1-05");
}

TEST_CASE("literals: durations", "[syntax][literals]") {
    struct Case {
        const char* text;
        std::int64_t amount;
        ast::DurationUnit unit;
    };
    Case cases[] = {{"30 days", 30, ast::DurationUnit::days},    {"1 day", 1, ast::DurationUnit::days},
                    {"6 months", 6, ast::DurationUnit::months},  {"1 month", 1, ast::DurationUnit::months},
                    {"2 years", 2, ast::DurationUnit::years},    {"1 year", 1, ast::DurationUnit::years},
                    {"3 weeks", 3, ast::DurationUnit::weeks},    {"1 week", 1, ast::DurationUnit::weeks},
                    {"14   days", 14, ast::DurationUnit::days}};
    for (auto& c : cases) {
        DYNAMIC_SECTION(c.text) {
            auto e = expr_clean(c.text);
            CHECK(e.kind == ast::ExprKind::duration);
            CHECK(e.integer == c.amount);
            CHECK(e.unit == c.unit);
            CHECK(sliced(c.text, e.span) == c.text);
        }
    }
}

TEST_CASE("literals: a duration in an expression", "[syntax][literals]") {
    const std::string text = "today - plan.senast_reviderad > 6 months";
    auto e = expr_clean(text);
    CHECK(shape(e) == "(> (- today (. plan senast_reviderad)) 6 months)");
    CHECK(sliced(text, e.children.at(1).span) == "6 months");
}

TEST_CASE("literals: fractional duration", "[syntax][literals][errors]") {
    const std::string text = "rule R \"t\"\n  due plan.start + 0.5 months\n";
    auto d = file_error(text);
    CHECK(d.code == "fractional-duration");
    CHECK(spelled(d) == "0.5 months");
}

TEST_CASE("literals: today", "[syntax][literals]") {
    auto e = expr_clean("today");
    CHECK(e.kind == ast::ExprKind::today);
    CHECK(e.children.empty());
    const std::string text = "plan.start <= today";
    auto e2 = expr_clean(text);
    CHECK(shape(e2) == "(<= (. plan start) today)");
    CHECK(e2.children.at(1).kind == ast::ExprKind::today);
}

TEST_CASE("literals: unterminated string", "[syntax][literals][errors]") {
    const std::string text = "rule R \"t\"\n  require a == \"abc\n  message \"m\"\n";
    auto r = parse(text);
    REQUIRE_FALSE(r.diagnostics.empty());
    const auto& d = r.diagnostics[0];
    CHECK(d.code == "unterminated-string");
    CHECK(spelled(d) == "\"abc");
    CHECK(d.span.begin == offset_of(text, "\"abc"));
}

TEST_CASE("literals: unknown escape", "[syntax][literals][errors]") {
    const std::string text = R"("a\qb")";
    Diagnostics ds;
    auto e = parse_expr(text, &ds);
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].code == "unknown-escape");
    CHECK(spelled(ds[0]) == "\\q");
    CHECK(ds[0].span.begin == 2);
    REQUIRE(e.has_value());
    CHECK(e->text == "aqb");
}
