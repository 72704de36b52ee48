// test blocks: test "name", as of DATE, plan "path" | plan { JSON }, expectations.

#include "syntax/syntax_helpers.hpp"

using namespace planrules;
using namespace planrules::test;
using namespace planrules::test::syntax_tests;

using Kind = ast::Expectation::Kind;

TEST_CASE("test blocks: name, as of, plan path", "[syntax][test-blocks]") {
    const std::string text = "test \"utkast granskas inte\"\n  as of 2023-01-15\n  plan \"plans/utkast.json\"\n  expect nothing\n";
    auto r = parse_clean(text);
    REQUIRE(r.file.decls.size() == 1);
    const auto& t = decl_at<ast::TestDecl>(r, 0);
    CHECK(t.name.value == "utkast granskas inte");
    CHECK(sliced(text, t.name.span) == "\"utkast granskas inte\"");
    REQUIRE(t.as_of);
    CHECK(t.as_of->date == Date{2023, 1, 15});
    CHECK(sliced(text, t.as_of->span) == "2023-01-15");
    REQUIRE(t.plan_path);
    CHECK(t.plan_path->value == "plans/utkast.json");
    CHECK(sliced(text, t.plan_path->span) == "\"plans/utkast.json\"");
    CHECK_FALSE(t.plan_inline);
    REQUIRE(t.expectations.size() == 1);
    CHECK(t.expectations[0].kind == Kind::nothing);
}

TEST_CASE("test blocks: inline JSON plan", "[syntax][test-blocks]") {
    const std::string json =
        "{\n"
        "    \"status\": \"upprattad\",\n"
        "    \"aktiviteter\": [ {\"id\": \"}{][\", \"n\": [1, [2, 3]]}, {} ],\n"
        "    \"s\": \"citat \\\" och \\\\ och }\",\n"
        "    \"tom\": {\"a\": {\"b\": {}}}\n"
        "  }";
    const std::string text = "test \"inline\"\n  plan " + json + "\n  expect HP-6.1\n";
    auto r = parse_clean(text);
    const auto& t = decl_at<ast::TestDecl>(r, 0);
    CHECK_FALSE(t.plan_path);
    REQUIRE(t.plan_inline);
    CHECK(sliced(text, *t.plan_inline) == json);
    CHECK(t.plan_inline->begin == offset_of(text, "{"));
    REQUIRE(t.expectations.size() == 1);
    CHECK(t.expectations[0].kind == Kind::finding);
    CHECK(t.expectations[0].rules.at(0).text == "HP-6.1");
}

TEST_CASE("test blocks: inline JSON may contain declaration words", "[syntax][test-blocks]") {
    const std::string json = "{ \"rule\": \"test\",\n    \"define\": [\"override\"] }";
    const std::string text = "test \"ord\"\n  plan " + json + "\n  expect nothing\n";
    auto r = parse_clean(text);
    const auto& t = decl_at<ast::TestDecl>(r, 0);
    REQUIRE(t.plan_inline);
    CHECK(sliced(text, *t.plan_inline) == json);
}

TEST_CASE("test blocks: every expectation form", "[syntax][test-blocks]") {
    const std::string text =
        "test \"alla\"\n"
        "  plan \"p.json\"\n"
        "  expect HP-6.1\n"
        "  expect HP-6.2 at \"/aktiviteter/0\"\n"
        "  expect HP-6.3 outcome indeterminate\n"
        "  expect AF-30D at \"/x\" outcome invalid_input\n"
        "  expect HP-OLD.1 outcome violated\n"
        "  expect no K0180-EB-1\n"
        "  expect only HP-6.1, K0180-EB-1\n"
        "  expect only HP-6.2\n"
        "  expect nothing\n";
    auto r = parse_clean(text);
    const auto& t = decl_at<ast::TestDecl>(r, 0);
    REQUIRE(t.expectations.size() == 9);
    const auto& e = t.expectations;

    CHECK(e[0].kind == Kind::finding);
    REQUIRE(e[0].rules.size() == 1);
    CHECK(sliced(text, e[0].rules[0].span) == "HP-6.1");
    CHECK_FALSE(e[0].pointer);
    CHECK_FALSE(e[0].outcome);

    CHECK(e[1].kind == Kind::finding);
    CHECK(e[1].rules.at(0).text == "HP-6.2");
    REQUIRE(e[1].pointer);
    CHECK(e[1].pointer->value == "/aktiviteter/0");
    CHECK(sliced(text, e[1].pointer->span) == "\"/aktiviteter/0\"");
    CHECK_FALSE(e[1].outcome);

    CHECK(e[2].rules.at(0).text == "HP-6.3");
    REQUIRE(e[2].outcome);
    CHECK(*e[2].outcome == ast::Outcome::indeterminate);
    CHECK_FALSE(e[2].pointer);

    CHECK(e[3].rules.at(0).text == "AF-30D");
    REQUIRE(e[3].pointer);
    CHECK(e[3].pointer->value == "/x");
    REQUIRE(e[3].outcome);
    CHECK(*e[3].outcome == ast::Outcome::invalid_input);

    CHECK(e[4].rules.at(0).text == "HP-OLD.1");
    REQUIRE(e[4].outcome);
    CHECK(*e[4].outcome == ast::Outcome::violated);

    CHECK(e[5].kind == Kind::no_finding);
    REQUIRE(e[5].rules.size() == 1);
    CHECK(e[5].rules[0].text == "K0180-EB-1");
    CHECK(sliced(text, e[5].rules[0].span) == "K0180-EB-1");

    CHECK(e[6].kind == Kind::only);
    REQUIRE(e[6].rules.size() == 2);
    CHECK(e[6].rules[0].text == "HP-6.1");
    CHECK(e[6].rules[1].text == "K0180-EB-1");
    CHECK(e[6].rules[1].span.begin == offset_of(text, "K0180-EB-1", 1));

    CHECK(e[7].kind == Kind::only);
    REQUIRE(e[7].rules.size() == 1);
    CHECK(e[7].rules[0].text == "HP-6.2");

    CHECK(e[8].kind == Kind::nothing);
    CHECK(e[8].rules.empty());
}

TEST_CASE("test blocks: clauses in any order; several tests in a row", "[syntax][test-blocks]") {
    const std::string text =
        "test \"a\"\n  expect HP-1\n  plan \"a.json\"\n  as of 2023-01-01\n"
        "test \"b\"\n  plan {}\n  expect nothing\n";
    auto r = parse_clean(text);
    REQUIRE(r.file.decls.size() == 2);
    const auto& a = decl_at<ast::TestDecl>(r, 0);
    CHECK(a.name.value == "a");
    REQUIRE(a.plan_path);
    REQUIRE(a.as_of);
    CHECK(a.expectations.size() == 1);
    const auto& b = decl_at<ast::TestDecl>(r, 1);
    CHECK(b.name.value == "b");
    REQUIRE(b.plan_inline);
    CHECK(sliced(text, *b.plan_inline) == "{}");
}

TEST_CASE("test blocks: test without clauses", "[syntax][test-blocks]") {
    auto r = parse_clean("test \"tom\"\n");
    const auto& t = decl_at<ast::TestDecl>(r, 0);
    CHECK(t.name.value == "tom");
    CHECK_FALSE(t.as_of);
    CHECK_FALSE(t.plan_path);
    CHECK_FALSE(t.plan_inline);
    CHECK(t.expectations.empty());
}

TEST_CASE("test blocks: unterminated inline plan", "[syntax][test-blocks][errors]") {
    for (std::string plan : {"{ \"a\": 1", "{ \"a\": [1, 2}", "{ \"a\": \"x }"}) {
        DYNAMIC_SECTION(plan) {
            const std::string text = "test \"t\"\n  plan " + plan + "\n";
            auto d = file_error(text);
            CHECK(d.code == "unterminated-json");
            CHECK(spelled(d) == "{");
            CHECK(d.span.begin == offset_of(text, "{"));
        }
    }
}

TEST_CASE("test blocks: two plans", "[syntax][test-blocks][errors]") {
    auto r = parse("test \"t\"\n  plan \"a.json\"\n  plan { }\n");
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].code == "duplicate-clause");
    CHECK_THAT(r.diagnostics[0].message, Catch::Contains("'plan'"));
}

TEST_CASE("test blocks: two 'as of'", "[syntax][test-blocks][errors]") {
    auto r = parse("test \"t\"\n  as of 2023-01-01\n  as of 2023-01-02\n");
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].code == "duplicate-clause");
    CHECK_THAT(r.diagnostics[0].message, Catch::Contains("'as of'"));
}

TEST_CASE("test blocks: expect without anything", "[syntax][test-blocks][errors]") {
    const std::string text = "test \"t\"\n  expect\n";
    auto d = file_error(text);
    CHECK(d.code == "syntax-error");
    CHECK(d.span.begin == text.size());
    CHECK_THAT(d.message, Catch::Contains("'no RULE', 'only RULE, …' or 'nothing'"));
}

TEST_CASE("test blocks: unknown outcome", "[syntax][test-blocks][errors]") {
    const std::string text = "test \"t\"\n  expect HP-1 outcome broken\n";
    auto d = file_error(text);
    CHECK(d.code == "syntax-error");
    CHECK(spelled(d) == "broken");
    CHECK_THAT(d.message, Catch::Contains("violated, indeterminate or invalid_input"));
}

TEST_CASE("test blocks: 'expect only' without rules", "[syntax][test-blocks][errors]") {
    const std::string text = "test \"t\"\n  expect only\n";
    auto d = file_error(text);
    CHECK(d.code == "syntax-error");
    CHECK(d.span.begin == text.size());
    CHECK_THAT(d.message, Catch::Contains("a rule id"));
}

TEST_CASE("test blocks: pointer without quotes", "[syntax][test-blocks][errors]") {
    const std::string text = "test \"t\"\n  expect HP-1 at /x\n";
    auto d = file_error(text);
    CHECK(d.code == "syntax-error");
    CHECK(d.span.begin == offset_of(text, "/x"));
    CHECK_THAT(d.message, Catch::Contains("string in quotes"));
}

TEST_CASE("test blocks: test without a name", "[syntax][test-blocks][errors]") {
    const std::string text = "test\n";
    auto d = file_error(text);
    CHECK(d.code == "syntax-error");
    CHECK(d.span.begin == text.size());
    CHECK_THAT(d.message, Catch::Contains("string in quotes"));
}

TEST_CASE("test blocks: plan that is neither a path nor JSON", "[syntax][test-blocks][errors]") {
    const std::string text = "test \"t\"\n  plan utkast\n";
    auto d = file_error(text);
    CHECK(d.code == "syntax-error");
    CHECK(spelled(d) == "utkast");
    CHECK_THAT(d.message, Catch::Contains("inline JSON object"));
}

TEST_CASE("test blocks: 'as of' with a quoted date", "[syntax][test-blocks][errors]") {
    const std::string text = "test \"t\"\n  as of \"2023-01-01\"\n";
    auto d = file_error(text);
    CHECK(d.code == "syntax-error");
    CHECK(d.span.begin == offset_of(text, "\"2023"));
    CHECK_THAT(d.help, Catch::Contains("without quotes"));
}

TEST_CASE("test blocks: 'as of' with an invalid date", "[syntax][test-blocks][errors]") {
    const std::string text = "test \"t\"\n  as of 2023-02-30\n";
    auto d = file_error(text);
    CHECK(d.code == "invalid-date");
    CHECK(spelled(d) == "2023-02-30");
}
