// define NAME = EXPR and define NAME(PARAM: TYPE, …) = EXPR.

#include "syntax/syntax_helpers.hpp"

using namespace planrules;
using namespace planrules::test;
using namespace planrules::test::syntax_tests;

TEST_CASE("define without parameters", "[syntax][define]") {
    const std::string text = "define upprattad = plan.status == \"upprattad\"\n";
    auto r = parse_clean(text);
    REQUIRE(r.file.decls.size() == 1);
    const auto& d = decl_at<ast::DefineDecl>(r, 0);
    CHECK(d.name.text == "upprattad");
    CHECK(sliced(text, d.name.span) == "upprattad");
    CHECK_FALSE(d.has_params);
    CHECK(d.params.empty());
    CHECK(shape(d.body) == "(== (. plan status) \"upprattad\")");
    CHECK(sliced(text, d.body.span) == "plan.status == \"upprattad\"");
}

TEST_CASE("define with empty parentheses has parameters (zero of them)", "[syntax][define]") {
    const std::string text = "define f() = 1 + 2\n";
    auto r = parse_clean(text);
    const auto& d = decl_at<ast::DefineDecl>(r, 0);
    CHECK(d.name.text == "f");
    CHECK(d.has_params);
    CHECK(d.params.empty());
    CHECK(shape(d.body) == "(+ 1 2)");
    CHECK(sliced(text, d.body.span) == "1 + 2");
}

TEST_CASE("define with one typed parameter", "[syntax][define]") {
    const std::string text = "define aktuell(a: Aktivitet) = a.status in [\"planerad\", \"pagaende\"]\n";
    auto r = parse_clean(text);
    const auto& d = decl_at<ast::DefineDecl>(r, 0);
    CHECK(d.name.text == "aktuell");
    CHECK(d.has_params);
    REQUIRE(d.params.size() == 1);
    CHECK(d.params[0].name.text == "a");
    CHECK(sliced(text, d.params[0].name.span) == "a");
    CHECK(d.params[0].type.name == "Aktivitet");
    CHECK(sliced(text, d.params[0].type.span) == "Aktivitet");
    CHECK(shape(d.body) == "(in (. a status) [\"planerad\" \"pagaende\"])");
}

TEST_CASE("define with several parameters of list and optional types", "[syntax][define]") {
    const std::string text = "define g(a: Aktivitet, n: int?, xs: list<date>) = a.n > n\n";
    auto r = parse_clean(text);
    const auto& d = decl_at<ast::DefineDecl>(r, 0);
    REQUIRE(d.params.size() == 3);
    CHECK(d.params[0].name.text == "a");
    CHECK(d.params[1].name.text == "n");
    CHECK(sliced(text, d.params[1].name.span) == "n");
    CHECK(d.params[1].type.name == "int");
    CHECK(d.params[1].type.optional);
    CHECK(d.params[2].name.text == "xs");
    CHECK(d.params[2].type.name == "list");
    REQUIRE(d.params[2].type.args.size() == 1);
    CHECK(d.params[2].type.args[0].name == "date");
    CHECK(sliced(text, d.params[2].type.args[0].span) == "date");
    CHECK(shape(d.body) == "(> (. a n) n)");
    CHECK(sliced(text, d.body.span) == "a.n > n");
}

TEST_CASE("define bodies end at the next declaration", "[syntax][define]") {
    const std::string text = "define a = 1\ndefine b = a +\n  2\nrule R \"t\"\n  require b > a\n";
    auto r = parse_clean(text);
    REQUIRE(r.file.decls.size() == 3);
    const auto& a = decl_at<ast::DefineDecl>(r, 0);
    CHECK(shape(a.body) == "1");
    const auto& b = decl_at<ast::DefineDecl>(r, 1);
    CHECK(shape(b.body) == "(+ a 2)");
    CHECK(sliced(text, b.body.span) == "a +\n  2");
}

TEST_CASE("define with '==' instead of '='", "[syntax][define][errors]") {
    const std::string text = "define x == 1\n";
    auto r = parse(text);
    REQUIRE(r.diagnostics.size() == 1);
    const auto& d = r.diagnostics[0];
    CHECK(d.code == "syntax-error");
    CHECK(d.span.begin == offset_of(text, "=="));
    CHECK_THAT(d.message, Catch::Contains("expected '='"));
    CHECK_THAT(d.help, Catch::Contains("single '='"));
    CHECK(r.file.broken_names == std::vector<std::string>{"x"});
}

TEST_CASE("define without '='", "[syntax][define][errors]") {
    const std::string text = "define x 1\n";
    auto d = file_error(text);
    CHECK(d.code == "syntax-error");
    CHECK(spelled(d) == "1");
    CHECK_THAT(d.message, Catch::Contains("expected '='"));
}

TEST_CASE("define parameter without a type", "[syntax][define][errors]") {
    const std::string text = "define f(a) = 1\n";
    auto d = file_error(text);
    CHECK(d.code == "syntax-error");
    CHECK(spelled(d) == ")");
    CHECK_THAT(d.message, Catch::Contains("expected ':'"));
}

TEST_CASE("define parameter list not closed", "[syntax][define][errors]") {
    const std::string text = "define f(a: int = 1\n";
    auto d = file_error(text);
    CHECK(d.code == "syntax-error");
    CHECK(d.span.begin == offset_of(text, "= 1"));
    CHECK_THAT(d.message, Catch::Contains("expected ')'"));
}

TEST_CASE("define without a body", "[syntax][define][errors]") {
    const std::string text = "define x =\nrule R \"t\"\n";
    auto r = parse(text);
    REQUIRE(r.diagnostics.size() == 1);
    const auto& d = r.diagnostics[0];
    CHECK(d.code == "syntax-error");
    CHECK(spelled(d) == "rule");
    CHECK_THAT(d.message, Catch::Contains("expected an expression"));
    CHECK_THAT(d.help, Catch::Contains("incomplete"));
    // the rule after the broken define is still parsed
    REQUIRE(r.file.decls.size() == 1);
    CHECK(decl_at<ast::RuleDecl>(r, 0).id.text == "R");
    CHECK(r.file.broken_names == std::vector<std::string>{"x"});
}

TEST_CASE("define with a keyword as name", "[syntax][define][errors]") {
    const std::string text = "define where = 1\n";
    auto d = file_error(text);
    CHECK(d.code == "syntax-error");
    CHECK(spelled(d) == "where");
    CHECK_THAT(d.message, Catch::Contains("expected a name"));
}
