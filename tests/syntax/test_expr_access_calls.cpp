// Member access chains and function calls.

#include "syntax/syntax_helpers.hpp"

using namespace planrules;
using namespace planrules::test;
using namespace planrules::test::syntax_tests;

TEST_CASE("access: a plain name", "[syntax][expr-access]") {
    const std::string text = "plan";
    auto e = expr_clean(text);
    CHECK(e.kind == ast::ExprKind::name);
    CHECK(e.text == "plan");
    CHECK(e.name.text == "plan");
    CHECK(sliced(text, e.span) == "plan");
    CHECK(sliced(text, e.name.span) == "plan");
}

TEST_CASE("access: member chains nest to the left", "[syntax][expr-access]") {
    const std::string text = "plan.sokande.funktionsnedsattning.kod";
    auto e = expr_clean(text);
    CHECK(shape(e) == "(. (. (. plan sokande) funktionsnedsattning) kod)");
    CHECK(e.kind == ast::ExprKind::member);
    CHECK(e.name.text == "kod");
    CHECK(sliced(text, e.name.span) == "kod");
    CHECK(sliced(text, e.span) == text);
    const auto& inner = e.children.at(0);
    CHECK(sliced(text, inner.span) == "plan.sokande.funktionsnedsattning");
    CHECK(sliced(text, inner.name.span) == "funktionsnedsattning");
    CHECK(sliced(text, inner.children.at(0).span) == "plan.sokande");
    CHECK(e.height == 4);
}

TEST_CASE("access: spaces around the dot", "[syntax][expr-access]") {
    const std::string text = "plan . id";
    auto e = expr_clean(text);
    CHECK(shape(e) == "(. plan id)");
    CHECK(sliced(text, e.span) == "plan . id");
    CHECK(sliced(text, e.name.span) == "id");
}

TEST_CASE("access: keywords may be field names", "[syntax][expr-access]") {
    CHECK(shape(expr_clean("a.in")) == "(. a in)");
    CHECK(shape(expr_clean("a.rule.if")) == "(. (. a rule) if)");
}

TEST_CASE("access: aggregate words are ordinary names without parentheses", "[syntax][expr-access]") {
    const std::string text = "count.x";
    auto e = expr_clean(text);
    CHECK(shape(e) == "(. count x)");
    CHECK(e.children.at(0).kind == ast::ExprKind::name);
    CHECK(sliced(text, e.span) == "count.x");
}

TEST_CASE("calls: no arguments", "[syntax][expr-calls]") {
    const std::string text = "now()";
    auto e = expr_clean(text);
    CHECK(e.kind == ast::ExprKind::call);
    CHECK(e.name.text == "now");
    CHECK(sliced(text, e.name.span) == "now");
    CHECK(e.children.empty());
}

TEST_CASE("calls: one argument", "[syntax][expr-calls]") {
    const std::string text = "blank(plan.stodbehov.bedomning)";
    auto e = expr_clean(text);
    CHECK(shape(e) == "(call blank (. (. plan stodbehov) bedomning))");
    CHECK(sliced(text, e.name.span) == "blank");
    REQUIRE(e.children.size() == 1);
    CHECK(sliced(text, e.children[0].span) == "plan.stodbehov.bedomning");
}

TEST_CASE("calls: several arguments of any kind", "[syntax][expr-calls]") {
    const std::string text = "f(a, b.c, \"x\", 1 + 2, [3], g(4))";
    auto e = expr_clean(text);
    CHECK(shape(e) == "(call f a (. b c) \"x\" (+ 1 2) [3] (call g 4))");
    REQUIRE(e.children.size() == 6);
    CHECK(sliced(text, e.children[0].span) == "a");
    CHECK(sliced(text, e.children[1].span) == "b.c");
    CHECK(sliced(text, e.children[2].span) == "\"x\"");
    CHECK(sliced(text, e.children[3].span) == "1 + 2");
    CHECK(e.children[5].name.text == "g");
    CHECK(sliced(text, e.children[5].name.span) == "g");
}

TEST_CASE("calls: arguments across lines", "[syntax][expr-calls]") {
    const std::string text = "rule R \"t\"\n  require between(plan.start,\n                  plan.slut)\n";
    auto e = require_of(text);
    CHECK(shape(e) == "(call between (. plan start) (. plan slut))");
    CHECK(sliced(text, e.children.at(1).span) == "plan.slut");
}

TEST_CASE("calls: member access on a call result", "[syntax][expr-calls]") {
    const std::string text = "f(x).y";
    auto e = expr_clean(text);
    CHECK(shape(e) == "(. (call f x) y)");
    CHECK(sliced(text, e.name.span) == "y");
}

TEST_CASE("calls: call nested in an operator", "[syntax][expr-calls]") {
    CHECK(shape(expr_clean("not blank(a) and f(b, c) > 1")) == "(and (not (call blank a)) (> (call f b c) 1))");
}

TEST_CASE("access: dot without a field", "[syntax][expr-access][errors]") {
    auto d = expr_error("a.");
    CHECK(d.code == "syntax-error");
    CHECK(d.span.begin == 2);
    CHECK_THAT(d.message, Catch::Contains("expected a field name"));
}

TEST_CASE("access: dot followed by a number", "[syntax][expr-access][errors]") {
    const std::string text = "rule R \"t\"\n  require a.1 > 0\n";
    auto d = file_error(text);
    CHECK(d.code == "syntax-error");
    CHECK(spelled(d) == "1");
    CHECK(d.span.begin == offset_of(text, "1 >"));
    CHECK_THAT(d.message, Catch::Contains("field name"));
}

TEST_CASE("calls: trailing comma", "[syntax][expr-calls][errors]") {
    const std::string text = "f(a,)";
    auto d = expr_error(text);
    CHECK(d.code == "syntax-error");
    CHECK(d.span.begin == 3);
    CHECK_THAT(d.message, Catch::Contains("expected ')'"));
}

TEST_CASE("calls: missing comma", "[syntax][expr-calls][errors]") {
    const std::string text = "f(a b)";
    auto d = expr_error(text);
    CHECK(d.code == "syntax-error");
    CHECK(spelled(d) == "b");
    CHECK(d.span.begin == 4);
}

TEST_CASE("calls: unclosed call", "[syntax][expr-calls][errors]") {
    const std::string text = "rule R \"t\"\n  require blank(a\n  message \"m\"\n";
    auto d = file_error(text);
    CHECK(d.code == "syntax-error");
    CHECK(spelled(d) == "message");
    CHECK_THAT(d.message, Catch::Contains("expected ')'"));
}

TEST_CASE("calls: keyword as function name", "[syntax][expr-calls][errors]") {
    const std::string text = "rule R \"t\"\n  require for(a)\n";
    auto d = file_error(text);
    CHECK(d.code == "syntax-error");
    CHECK(spelled(d) == "for");
    CHECK_THAT(d.help, Catch::Contains("keyword"));
}
