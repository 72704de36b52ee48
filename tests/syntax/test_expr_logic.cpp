// Logical operators: or < and < not, left associativity, parentheses.

#include "syntax/syntax_helpers.hpp"

using namespace planrules;
using namespace planrules::test;
using namespace planrules::test::syntax_tests;

TEST_CASE("logic: 'and' binds tighter than 'or'", "[syntax][expr-logic]") {
    const std::string text = "a or b and c";
    auto e = expr_clean(text);
    CHECK(shape(e) == "(or a (and b c))");
    CHECK(e.op == ast::Op::op_or);
    CHECK(sliced(text, e.span) == "a or b and c");
    CHECK(sliced(text, e.children.at(0).span) == "a");
    CHECK(sliced(text, e.children.at(1).span) == "b and c");
    CHECK(sliced(text, e.children.at(1).children.at(1).span) == "c");
}

TEST_CASE("logic: 'and' first then 'or'", "[syntax][expr-logic]") {
    const std::string text = "a and b or c";
    auto e = expr_clean(text);
    CHECK(shape(e) == "(or (and a b) c)");
    CHECK(sliced(text, e.span) == text);
    CHECK(sliced(text, e.children.at(0).span) == "a and b");
}

TEST_CASE("logic: chains are left associative", "[syntax][expr-logic]") {
    const std::string t1 = "a or b or c";
    auto e1 = expr_clean(t1);
    CHECK(shape(e1) == "(or (or a b) c)");
    CHECK(sliced(t1, e1.children.at(0).span) == "a or b");
    const std::string t2 = "a and b and c and d";
    auto e2 = expr_clean(t2);
    CHECK(shape(e2) == "(and (and (and a b) c) d)");
    CHECK(sliced(t2, e2.span) == t2);
    CHECK(sliced(t2, e2.children.at(0).span) == "a and b and c");
    CHECK(e2.height == 4);
}

TEST_CASE("logic: 'not' applies to a whole comparison", "[syntax][expr-logic]") {
    const std::string text = "not a == b";
    auto e = expr_clean(text);
    CHECK(shape(e) == "(not (== a b))");
    CHECK(e.kind == ast::ExprKind::unary);
    CHECK(e.op == ast::Op::op_not);
    CHECK(sliced(text, e.children.at(0).span) == "a == b");
}

TEST_CASE("logic: 'not' binds tighter than 'and'", "[syntax][expr-logic]") {
    const std::string text = "not a and b";
    auto e = expr_clean(text);
    CHECK(shape(e) == "(and (not a) b)");
    CHECK(sliced(text, e.children.at(1).span) == "b");
    CHECK(sliced(text, e.children.at(0).children.at(0).span) == "a");
}

TEST_CASE("logic: 'not' after 'and' and 'not not'", "[syntax][expr-logic]") {
    auto e1 = expr_clean("a and not b");
    CHECK(shape(e1) == "(and a (not b))");
    auto e2 = expr_clean("not not a");
    CHECK(shape(e2) == "(not (not a))");
    CHECK(e2.height == 3);
}

TEST_CASE("logic: parentheses override precedence", "[syntax][expr-logic]") {
    const std::string t1 = "(a or b) and c";
    auto e1 = expr_clean(t1);
    CHECK(shape(e1) == "(and (or a b) c)");
    CHECK(sliced(t1, e1.children.at(0).span) == "(a or b)");
    const std::string t2 = "a and (b or c)";
    auto e2 = expr_clean(t2);
    CHECK(shape(e2) == "(and a (or b c))");
    CHECK(sliced(t2, e2.children.at(1).span) == "(b or c)");
    auto e3 = expr_clean("not (a or b)");
    CHECK(shape(e3) == "(not (or a b))");
}

TEST_CASE("logic: redundant parentheses leave no node", "[syntax][expr-logic]") {
    const std::string text = "((a))";
    auto e = expr_clean(text);
    CHECK(e.kind == ast::ExprKind::name);
    CHECK(e.text == "a");
    CHECK(sliced(text, e.span) == "((a))");  // parentheses are part of the span
}

TEST_CASE("logic: operators span lines and comments", "[syntax][expr-logic]") {
    const std::string text = "rule R \"t\"\n  require a # först\n    or b\n";
    auto e = require_of(text);
    CHECK(shape(e) == "(or a b)");
    CHECK(sliced(text, e.span) == "a # först\n    or b");
}

TEST_CASE("logic: 'or' without a right operand", "[syntax][expr-logic][errors]") {
    const std::string text = "a or";
    auto d = expr_error(text);
    CHECK(d.code == "syntax-error");
    CHECK(d.span.begin == 4);
    CHECK_THAT(d.message, Catch::Contains("expected an expression"));
}

TEST_CASE("logic: 'not' alone", "[syntax][expr-logic][errors]") {
    auto d = expr_error("not");
    CHECK(d.code == "syntax-error");
    CHECK(d.span.begin == 3);
    CHECK_THAT(d.message, Catch::Contains("expected an expression"));
}

TEST_CASE("logic: doubled 'and'", "[syntax][expr-logic][errors]") {
    const std::string text = "a and and b";
    auto d = expr_error(text);
    CHECK(d.code == "syntax-error");
    CHECK(spelled(d) == "and");
    CHECK(d.span.begin == 6);
    CHECK_THAT(d.help, Catch::Contains("keyword"));
}

TEST_CASE("logic: unclosed parenthesis", "[syntax][expr-logic][errors]") {
    const std::string text = "rule R \"t\"\n  require (a or b\n";
    auto d = file_error(text);
    CHECK(d.code == "syntax-error");
    CHECK_THAT(d.message, Catch::Contains("expected ')'"));
    CHECK(d.span.begin == text.size());
}

TEST_CASE("logic: unknown logical operators", "[syntax][expr-logic][errors]") {
    auto d1 = expr_error("a && b");
    CHECK(d1.code == "unknown-operator");
    CHECK(spelled(d1) == "&&");
    CHECK_THAT(d1.help, Catch::Contains("'and'"));
    auto d2 = expr_error("a || b");
    CHECK(d2.code == "unknown-operator");
    CHECK(spelled(d2) == "||");
    CHECK_THAT(d2.help, Catch::Contains("'or'"));
}
