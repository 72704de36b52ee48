// if CONDITION then A else B, nested.

#include "syntax/syntax_helpers.hpp"

using namespace planrules;
using namespace planrules::test;
using namespace planrules::test::syntax_tests;

TEST_CASE("conditional: if then else", "[syntax][expr-conditional]") {
    const std::string text = "if plan.typ == \"forenklad\" then 30 days else 14 days";
    auto e = expr_clean(text);
    CHECK(e.kind == ast::ExprKind::conditional);
    REQUIRE(e.children.size() == 3);
    CHECK(shape(e) == "(if (== (. plan typ) \"forenklad\") 30 days 14 days)");
    CHECK(sliced(text, e.children[0].span) == "plan.typ == \"forenklad\"");
    CHECK(sliced(text, e.children[1].span) == "30 days");
    CHECK(sliced(text, e.children[2].span) == "14 days");
}

TEST_CASE("conditional: the else branch extends as far as possible", "[syntax][expr-conditional]") {
    const std::string text = "if a then b else c + 1";
    auto e = expr_clean(text);
    CHECK(shape(e) == "(if a b (+ c 1))");
    CHECK(sliced(text, e.children.at(2).span) == "c + 1");
}

TEST_CASE("conditional: nested in the then branch", "[syntax][expr-conditional]") {
    const std::string text = "if a then if b then 1 else 2 else 3";
    auto e = expr_clean(text);
    CHECK(shape(e) == "(if a (if b 1 2) 3)");
    const auto& inner = e.children.at(1);
    CHECK(inner.kind == ast::ExprKind::conditional);
    CHECK(sliced(text, inner.children.at(0).span) == "b");
    CHECK(sliced(text, inner.children.at(2).span) == "2");
    CHECK(sliced(text, e.children.at(2).span) == "3");
    CHECK(e.height == 3);
}

TEST_CASE("conditional: else-if chains", "[syntax][expr-conditional]") {
    const std::string text = "if a then 1 else if b then 2 else 3";
    auto e = expr_clean(text);
    CHECK(shape(e) == "(if a 1 (if b 2 3))");
    CHECK(sliced(text, e.children.at(2).children.at(1).span) == "2");
}

TEST_CASE("conditional: nested in the condition and as an operand", "[syntax][expr-conditional]") {
    CHECK(shape(expr_clean("if (if a then b else c) then 1 else 2")) == "(if (if a b c) 1 2)");
    CHECK(shape(expr_clean("1 + (if a then 2 else 3)")) == "(+ 1 (if a 2 3))");
    CHECK(shape(expr_clean("x == if a then 1 else 2")) == "(== x (if a 1 2))");
}

TEST_CASE("conditional: in a rule across lines", "[syntax][expr-conditional]") {
    const std::string text = "rule R \"t\"\n  due if a\n    then plan.start + 1 month\n    else plan.start\n  message \"m\"\n";
    auto r = parse_clean(text);
    const auto& rule = decl_at<ast::RuleDecl>(r, 0);
    REQUIRE(rule.due);
    CHECK(shape(*rule.due) == "(if a (+ (. plan start) 1 months) (. plan start))");
    CHECK(sliced(text, rule.due->children.at(1).span) == "plan.start + 1 month");
    CHECK(sliced(text, rule.due->children.at(2).span) == "plan.start");
    REQUIRE(rule.message);
}

TEST_CASE("conditional: missing else", "[syntax][expr-conditional][errors]") {
    const std::string text = "if a then 1";
    auto d = expr_error(text);
    CHECK(d.code == "syntax-error");
    CHECK(d.span.begin == text.size());
    CHECK_THAT(d.message, Catch::Contains("expected 'else'"));
}

TEST_CASE("conditional: missing then", "[syntax][expr-conditional][errors]") {
    const std::string text = "if a 1 else 2";
    auto d = expr_error(text);
    CHECK(d.code == "syntax-error");
    CHECK(spelled(d) == "1");
    CHECK(d.span.begin == 5);
    CHECK_THAT(d.message, Catch::Contains("expected 'then'"));
}

TEST_CASE("conditional: missing else branch", "[syntax][expr-conditional][errors]") {
    const std::string text = "rule R \"t\"\n  require if a then b else\n";
    auto d = file_error(text);
    CHECK(d.code == "syntax-error");
    CHECK(d.span.begin == text.size());
    CHECK_THAT(d.message, Catch::Contains("expected an expression"));
}

TEST_CASE("conditional: missing else before the next clause", "[syntax][expr-conditional][errors]") {
    const std::string text = "rule R \"t\"\n  require if a then b\n  message \"m\"\n";
    auto d = file_error(text);
    CHECK(d.code == "syntax-error");
    CHECK(spelled(d) == "message");
    CHECK_THAT(d.message, Catch::Contains("expected 'else'"));
}
