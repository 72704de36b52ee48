// Comparisons: == != < <= > >=, in [...], not in, and the operator mistakes.

#include "syntax/syntax_helpers.hpp"

using namespace planrules;
using namespace planrules::test;
using namespace planrules::test::syntax_tests;

TEST_CASE("comparison: the six operators", "[syntax][expr-comparison]") {
    std::pair<const char*, ast::Op> cases[] = {{"==", ast::Op::eq}, {"!=", ast::Op::ne}, {"<", ast::Op::lt},
                                               {"<=", ast::Op::le}, {">", ast::Op::gt}, {">=", ast::Op::ge}};
    for (auto [op, expected] : cases) {
        DYNAMIC_SECTION(op) {
            const std::string text = std::string("plan.version ") + op + " 2";
            auto e = expr_clean(text);
            CHECK(e.kind == ast::ExprKind::binary);
            CHECK(e.op == expected);
            CHECK(sliced(text, e.span) == text);
            CHECK(sliced(text, e.children.at(0).span) == "plan.version");
            CHECK(sliced(text, e.children.at(1).span) == "2");
        }
    }
}

TEST_CASE("comparison: without spaces", "[syntax][expr-comparison]") {
    const std::string text = "a<=b";
    auto e = expr_clean(text);
    CHECK(shape(e) == "(<= a b)");
    CHECK(sliced(text, e.span) == "a<=b");
}

TEST_CASE("comparison: arithmetic binds tighter", "[syntax][expr-comparison]") {
    const std::string text = "a + 1 > b * 2";
    auto e = expr_clean(text);
    CHECK(shape(e) == "(> (+ a 1) (* b 2))");
    CHECK(sliced(text, e.children.at(0).span) == "a + 1");
    CHECK(sliced(text, e.children.at(1).span) == "b * 2");
}

TEST_CASE("comparison: comparisons combine with and/or", "[syntax][expr-comparison]") {
    const std::string text = "a <= x and x <= b";
    auto e = expr_clean(text);
    CHECK(shape(e) == "(and (<= a x) (<= x b))");
    CHECK(sliced(text, e.children.at(1).span) == "x <= b");
}

TEST_CASE("comparison: in a list literal", "[syntax][expr-comparison]") {
    const std::string text = "a.status in [\"planerad\", \"pagaende\"]";
    auto e = expr_clean(text);
    CHECK(e.op == ast::Op::in);
    CHECK(shape(e) == "(in (. a status) [\"planerad\" \"pagaende\"])");
    const auto& list = e.children.at(1);
    CHECK(list.kind == ast::ExprKind::list);
    REQUIRE(list.children.size() == 2);
    CHECK(sliced(text, list.children[0].span) == "\"planerad\"");
    CHECK(sliced(text, list.children[1].span) == "\"pagaende\"");
}

TEST_CASE("comparison: in a list-valued expression", "[syntax][expr-comparison]") {
    const std::string text = "\"x\" in plan.skyldigheter";
    auto e = expr_clean(text);
    CHECK(shape(e) == "(in \"x\" (. plan skyldigheter))");
    CHECK(sliced(text, e.span) == text);
}

TEST_CASE("comparison: not in", "[syntax][expr-comparison]") {
    const std::string text = "a not in [1, 2, 3]";
    auto e = expr_clean(text);
    CHECK(e.kind == ast::ExprKind::binary);
    CHECK(e.op == ast::Op::not_in);
    CHECK(shape(e) == "(not in a [1 2 3])");
    CHECK(sliced(text, e.children.at(0).span) == "a");
    CHECK(sliced(text, e.children.at(1).children.at(2).span) == "3");
}

TEST_CASE("comparison: empty list and trailing comma", "[syntax][expr-comparison]") {
    auto e1 = expr_clean("a in []");
    CHECK(shape(e1) == "(in a [])");
    CHECK(e1.children.at(1).children.empty());
    auto e2 = expr_clean("a in [1, 2,]");
    CHECK(shape(e2) == "(in a [1 2])");
}

TEST_CASE("comparison: 'not' before 'in' negates the comparison, not the operand", "[syntax][expr-comparison]") {
    auto e = expr_clean("not a in xs");
    CHECK(shape(e) == "(not (in a xs))");
}

TEST_CASE("comparison: single '='", "[syntax][expr-comparison][errors]") {
    const std::string text = "rule R \"t\"\n  require plan.status = \"upprattad\"\n";
    auto d = file_error(text);
    CHECK(d.code == "single-equals");
    CHECK(spelled(d) == "=");
    CHECK(d.span.begin == offset_of(text, "= \""));
    CHECK_THAT(d.help, Catch::Contains("'=='"));
}

TEST_CASE("comparison: single '=' in an expression", "[syntax][expr-comparison][errors]") {
    auto d = expr_error("a = b");
    CHECK(d.code == "single-equals");
    CHECK(d.span.begin == 2);
    CHECK(d.span.end == 3);
}

TEST_CASE("comparison: chained comparisons", "[syntax][expr-comparison][errors]") {
    const std::string text = "rule R \"t\"\n  require a < b < c\n";
    auto d = file_error(text);
    CHECK(d.code == "chained-comparison");
    CHECK(spelled(d) == "<");
    CHECK(d.span.begin == offset_of(text, "< c"));
    CHECK_THAT(d.help, Catch::Contains("'and'"));
    auto d2 = expr_error("1 > x > 0");
    CHECK(d2.code == "chained-comparison");
    CHECK(spelled(d2) == ">");
    CHECK(d2.span.begin == 6);
}

TEST_CASE("comparison: chained comparison with a two-character operator", "[syntax][expr-comparison][errors]") {
    const std::string text = "a >= b > c";
    auto d = expr_error(text);
    CHECK(d.code == "chained-comparison");
    CHECK(d.span.begin == offset_of(text, "> c"));
}

TEST_CASE("comparison: unknown operators", "[syntax][expr-comparison][errors]") {
    struct Case {
        const char* text;
        const char* spelled;
        const char* help;
    };
    Case cases[] = {
        {"a && b", "&&", "'and'"},
        {"a || b", "||", "'or'"},
        {"a ! b", "!", "'not'"},
        {"a => b", "=>", "'>='"},
        {"a =< b", "=<", "'<='"},
    };
    for (auto& c : cases) {
        DYNAMIC_SECTION(c.text) {
            const std::string text = std::string("rule R \"t\"\n  require ") + c.text + "\n";
            auto d = file_error(text);
            CHECK(d.code == "unknown-operator");
            CHECK(spelled(d) == c.spelled);
            CHECK(d.span.begin == offset_of(text, c.spelled));
            CHECK_THAT(d.help, Catch::Contains(c.help));
        }
    }
}

TEST_CASE("comparison: missing right operand", "[syntax][expr-comparison][errors]") {
    const std::string text = "rule R \"t\"\n  require a ==\n";
    auto d = file_error(text);
    CHECK(d.code == "syntax-error");
    CHECK(d.span.begin == text.size());
    CHECK_THAT(d.message, Catch::Contains("expected an expression"));
}

TEST_CASE("comparison: unclosed list", "[syntax][expr-comparison][errors]") {
    const std::string text = "a in [1, 2";
    auto d = expr_error(text);
    CHECK(d.code == "syntax-error");
    CHECK(d.span.begin == text.size());
    CHECK_THAT(d.message, Catch::Contains("']'"));
}
