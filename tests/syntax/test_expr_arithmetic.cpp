// Arithmetic: + - * / %, unary minus, precedence, left associativity.

#include "syntax/syntax_helpers.hpp"

using namespace planrules;
using namespace planrules::test;
using namespace planrules::test::syntax_tests;

TEST_CASE("arithmetic: the five binary operators", "[syntax][expr-arithmetic]") {
    std::pair<const char*, ast::Op> cases[] = {
        {"+", ast::Op::add}, {"-", ast::Op::sub}, {"*", ast::Op::mul}, {"/", ast::Op::div}, {"%", ast::Op::mod}};
    for (auto [op, expected] : cases) {
        DYNAMIC_SECTION(op) {
            const std::string text = std::string("x ") + op + " 7";
            auto e = expr_clean(text);
            CHECK(e.kind == ast::ExprKind::binary);
            CHECK(e.op == expected);
            CHECK(sliced(text, e.span) == text);
            CHECK(sliced(text, e.children.at(0).span) == "x");
            CHECK(sliced(text, e.children.at(1).span) == "7");
        }
    }
}

TEST_CASE("arithmetic: '*' binds tighter than '+'", "[syntax][expr-arithmetic]") {
    const std::string t1 = "a + b * c";
    auto e1 = expr_clean(t1);
    CHECK(shape(e1) == "(+ a (* b c))");
    CHECK(sliced(t1, e1.children.at(1).span) == "b * c");
    const std::string t2 = "a * b - c / d";
    auto e2 = expr_clean(t2);
    CHECK(shape(e2) == "(- (* a b) (/ c d))");
    CHECK(sliced(t2, e2.children.at(0).span) == "a * b");
    CHECK(sliced(t2, e2.children.at(1).span) == "c / d");
}

TEST_CASE("arithmetic: left associativity", "[syntax][expr-arithmetic]") {
    const std::string t1 = "a - b - c";
    auto e1 = expr_clean(t1);
    CHECK(shape(e1) == "(- (- a b) c)");
    CHECK(sliced(t1, e1.children.at(0).span) == "a - b");
    const std::string t2 = "a / b % c * d";
    auto e2 = expr_clean(t2);
    CHECK(shape(e2) == "(* (% (/ a b) c) d)");
    CHECK(sliced(t2, e2.children.at(0).span) == "a / b % c");
    auto e3 = expr_clean("1 + 2 - 3 + 4");
    CHECK(shape(e3) == "(+ (- (+ 1 2) 3) 4)");
}

TEST_CASE("arithmetic: parentheses", "[syntax][expr-arithmetic]") {
    const std::string text = "(a + b) * c";
    auto e = expr_clean(text);
    CHECK(shape(e) == "(* (+ a b) c)");
    CHECK(sliced(text, e.children.at(0).span) == "(a + b)");
    auto e2 = expr_clean("a - (b - c)");
    CHECK(shape(e2) == "(- a (- b c))");
}

TEST_CASE("arithmetic: no spaces", "[syntax][expr-arithmetic]") {
    const std::string text = "x-1+y*2";
    auto e = expr_clean(text);
    CHECK(shape(e) == "(+ (- x 1) (* y 2))");
    CHECK(sliced(text, e.span) == text);
}

TEST_CASE("arithmetic: unary minus", "[syntax][expr-arithmetic]") {
    const std::string text = "-a";
    auto e = expr_clean(text);
    CHECK(e.kind == ast::ExprKind::unary);
    CHECK(e.op == ast::Op::neg);
    CHECK(shape(e) == "(neg a)");
    CHECK(sliced(text, e.children.at(0).span) == "a");
}

TEST_CASE("arithmetic: unary minus binds tighter than binary operators", "[syntax][expr-arithmetic]") {
    CHECK(shape(expr_clean("-a * b")) == "(* (neg a) b)");
    CHECK(shape(expr_clean("a * -b")) == "(* a (neg b))");
    CHECK(shape(expr_clean("a - -1")) == "(- a (neg 1))");
    CHECK(shape(expr_clean("--a")) == "(neg (neg a))");
}

TEST_CASE("arithmetic: unary minus applies to a member chain", "[syntax][expr-arithmetic]") {
    const std::string text = "-a.b.c";
    auto e = expr_clean(text);
    CHECK(shape(e) == "(neg (. (. a b) c))");
    CHECK(sliced(text, e.children.at(0).span) == "a.b.c");
}

TEST_CASE("arithmetic: unary minus on a parenthesised sum", "[syntax][expr-arithmetic]") {
    const std::string text = "-(a + b)";
    auto e = expr_clean(text);
    CHECK(shape(e) == "(neg (+ a b))");
    CHECK(sliced(text, e.children.at(0).span) == "(a + b)");
}

TEST_CASE("arithmetic: dates and durations", "[syntax][expr-arithmetic]") {
    const std::string text = "plan.upprattad_datum + 6 months - 2 weeks";
    auto e = expr_clean(text);
    CHECK(shape(e) == "(- (+ (. plan upprattad_datum) 6 months) 2 weeks)");
    CHECK(sliced(text, e.children.at(1).span) == "2 weeks");
    CHECK(sliced(text, e.children.at(0).span) == "plan.upprattad_datum + 6 months");
}

TEST_CASE("arithmetic: missing operand", "[syntax][expr-arithmetic][errors]") {
    auto d = expr_error("1 +");
    CHECK(d.code == "syntax-error");
    CHECK(d.span.begin == 3);
    CHECK_THAT(d.message, Catch::Contains("expected an expression"));
    CHECK_THAT(d.message, Catch::Contains("found end of input"));
}

TEST_CASE("arithmetic: two operators in a row", "[syntax][expr-arithmetic][errors]") {
    const std::string text = "a * / b";
    auto d = expr_error(text);
    CHECK(d.code == "syntax-error");
    CHECK(spelled(d) == "/");
    CHECK(d.span.begin == 4);
}

TEST_CASE("arithmetic: missing operand in a rule", "[syntax][expr-arithmetic][errors]") {
    const std::string text = "rule R \"t\"\n  require a * > 2\n";
    auto d = file_error(text);
    CHECK(d.code == "syntax-error");
    CHECK(spelled(d) == ">");
    CHECK(d.span.begin == offset_of(text, "> 2"));
}
