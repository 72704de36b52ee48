// for each NAME in LIST [where CONDITION], possibly several per rule.

#include "syntax/syntax_helpers.hpp"

using namespace planrules;
using namespace planrules::test;
using namespace planrules::test::syntax_tests;

TEST_CASE("for each: with a where condition", "[syntax][for-each]") {
    const std::string text =
        "rule R \"t\"\n  for each a in plan.aktiviteter where a.status == \"planerad\"\n  require not blank(a.motivering)\n";
    auto r = parse_clean(text);
    const auto& rule = decl_at<ast::RuleDecl>(r, 0);
    REQUIRE(rule.for_each.size() == 1);
    const auto& fe = rule.for_each[0];
    CHECK(fe.variable.text == "a");
    CHECK(fe.variable.span.begin == offset_of(text, "a in"));
    CHECK(sliced(text, fe.variable.span) == "a");
    CHECK(shape(fe.collection) == "(. plan aktiviteter)");
    CHECK(sliced(text, fe.collection.span) == "plan.aktiviteter");
    REQUIRE(fe.where.has_value());
    CHECK(shape(*fe.where) == "(== (. a status) \"planerad\")");
    CHECK(sliced(text, fe.where->span) == "a.status == \"planerad\"");
    REQUIRE(rule.require);
    CHECK(shape(*rule.require) == "(not (call blank (. a motivering)))");
}

TEST_CASE("for each: without where", "[syntax][for-each]") {
    const std::string text = "rule R \"t\"\n  for each u in plan.uppfoljningar\n  require u.datum <= today\n";
    auto r = parse_clean(text);
    const auto& rule = decl_at<ast::RuleDecl>(r, 0);
    REQUIRE(rule.for_each.size() == 1);
    CHECK(rule.for_each[0].variable.text == "u");
    CHECK(sliced(text, rule.for_each[0].collection.span) == "plan.uppfoljningar");
    CHECK_FALSE(rule.for_each[0].where.has_value());
}

TEST_CASE("for each: several clauses nest in order", "[syntax][for-each]") {
    const std::string text =
        "rule R \"t\"\n"
        "  for each a in plan.aktiviteter where aktuell(a)\n"
        "  when upprattad\n"
        "  for each r in plan.aktivitetsrapporter\n"
        "  for each s in r.sokta where s > 0\n"
        "  require r.period != a.id\n";
    auto r = parse_clean(text);
    const auto& rule = decl_at<ast::RuleDecl>(r, 0);
    REQUIRE(rule.for_each.size() == 3);
    CHECK(rule.for_each[0].variable.text == "a");
    REQUIRE(rule.for_each[0].where);
    CHECK(shape(*rule.for_each[0].where) == "(call aktuell a)");
    CHECK(rule.for_each[1].variable.text == "r");
    CHECK(sliced(text, rule.for_each[1].collection.span) == "plan.aktivitetsrapporter");
    CHECK_FALSE(rule.for_each[1].where);
    CHECK(rule.for_each[2].variable.text == "s");
    CHECK(sliced(text, rule.for_each[2].variable.span) == "s");
    CHECK(shape(rule.for_each[2].collection) == "(. r sokta)");
    REQUIRE(rule.for_each[2].where);
    CHECK(sliced(text, rule.for_each[2].where->span) == "s > 0");
    REQUIRE(rule.when);
    CHECK(shape(*rule.when) == "upprattad");
}

TEST_CASE("for each: collection can be any expression", "[syntax][for-each]") {
    const std::string text = "rule R \"t\"\n  for each d in [plan.start, plan.slut]\n  require d <= today\n";
    auto r = parse_clean(text);
    const auto& rule = decl_at<ast::RuleDecl>(r, 0);
    REQUIRE(rule.for_each.size() == 1);
    CHECK(shape(rule.for_each[0].collection) == "[(. plan start) (. plan slut)]");
    CHECK(sliced(text, rule.for_each[0].collection.children.at(1).span) == "plan.slut");
}

TEST_CASE("for each: 'for' without 'each'", "[syntax][for-each][errors]") {
    const std::string text = "rule R \"t\"\n  for a in xs\n";
    auto r = parse(text);
    REQUIRE(r.diagnostics.size() == 1);
    const auto& d = r.diagnostics[0];
    CHECK(d.code == "syntax-error");
    CHECK(spelled(d) == "a");
    CHECK(d.span.begin == offset_of(text, "a in"));
    CHECK_THAT(d.message, Catch::Contains("expected 'each'"));
    CHECK(r.file.broken_names == std::vector<std::string>{"R"});
}

TEST_CASE("for each: 'of' instead of 'in'", "[syntax][for-each][errors]") {
    const std::string text = "rule R \"t\"\n  for each a of xs\n";
    auto d = file_error(text);
    CHECK(d.code == "syntax-error");
    CHECK(spelled(d) == "of");
    CHECK_THAT(d.message, Catch::Contains("expected 'in'"));
}

TEST_CASE("for each: missing variable", "[syntax][for-each][errors]") {
    const std::string text = "rule R \"t\"\n  for each in xs\n";
    auto d = file_error(text);
    CHECK(d.code == "syntax-error");
    CHECK(spelled(d) == "in");
    CHECK_THAT(d.message, Catch::Contains("expected a name"));
}

TEST_CASE("for each: missing collection", "[syntax][for-each][errors]") {
    const std::string text = "rule R \"t\"\n  for each a in\n";
    auto d = file_error(text);
    CHECK(d.code == "syntax-error");
    CHECK(d.span.begin == text.size());
    CHECK_THAT(d.message, Catch::Contains("expected an expression"));
}

TEST_CASE("for each: where without a condition at end of file", "[syntax][for-each][errors]") {
    const std::string text = "rule R \"t\"\n  for each a in xs where\n";
    auto d = file_error(text);
    CHECK(d.code == "syntax-error");
    CHECK(d.span.begin == text.size());
    CHECK_THAT(d.message, Catch::Contains("expected an expression"));
}
