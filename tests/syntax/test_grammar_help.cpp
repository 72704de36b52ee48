// The help of syntax errors is attached to grammar rules and tokens (engine/src/syntax/
// rule_ids.hpp, tokens.hpp) and reported once by the entry rules' on_error handler.

#include "syntax/keywords.hpp"
#include "syntax/rule_ids.hpp"
#include "syntax/tokens.hpp"
#include "syntax/syntax_helpers.hpp"

#include <map>

using namespace planrules;
using namespace planrules::test;
using namespace planrules::test::syntax_tests;
namespace grammar = planrules::syntax::detail;

TEST_CASE("rules and tokens that share a name in 'expected …' share their help", "[syntax][help]") {
    std::map<std::string_view, grammar::HelpFn> by_name;
    auto check = [&](const grammar::ExpectedInfo& info) {
        INFO(info.what);
        REQUIRE(info.help != nullptr);
        auto [it, fresh] = by_name.emplace(info.what, info.help);
        CHECK((fresh || it->second == info.help));
    };
    for (const auto& r : grammar::rule_table) check(r);
    for (const auto& t : grammar::token::table) check(t);
    // each is found again by its name
    for (const auto& [what, help] : by_name) CHECK(grammar::help_for(what) == help);
    CHECK(grammar::help_for("something no rule is called") == &grammar::help::none);
}

TEST_CASE("the declaration rule is named by every declaration word, in the keyword table's order", "[syntax][help]") {
    std::vector<std::string> words = syntax::keywords::declarations();
    std::string list;
    for (std::size_t i = 0; i < words.size(); ++i)
        list += (i == 0 ? "" : i + 1 == words.size() ? " or " : ", ") + words[i];
    CHECK(grammar::declaration_class::what == "a declaration (" + list + ")");
}

TEST_CASE("help comes from what was expected", "[syntax][help]") {
    SECTION("a rule clause misspelt: the nearest clause") {
        auto d = file_error("rule R-1 \"t\"\n  requir plan.a\n");
        CHECK(d.message == "expected a rule clause (severity, mandatory, sensitive, in force, source, tags, when, for "
                           "each, require, if missing, at, due, message) or the next declaration, found 'requir'");
        CHECK(d.help == "did you mean 'require'?");
    }
    SECTION("a rule id: how ids are written") {
        auto d = file_error("rule 12 \"t\"\n");
        CHECK(d.message == "expected a rule id (e.g. R-1.2), found '12'");
        CHECK(d.help == "rule ids are letters and digits joined by '-' or '.', e.g. R-1.2 or ABC-30D");
    }
    SECTION("a severity: the nearest one") {
        auto d = file_error("rule R-1 \"t\"\n  severity eror\n  require true\n");
        CHECK(d.help == "did you mean 'error'? The severities are error, warning and info");
    }
    SECTION("a date in quotes") {
        auto d = file_error("rule R-1 \"t\"\n  in force from \"2022-12-01\"\n  require true\n");
        CHECK(d.help == "write dates without quotes: 2022-12-01");
    }
    SECTION("a define with '=='") {
        auto d = file_error("define x == 1\n");
        CHECK(d.message == "expected '=', found '=='");
        CHECK(d.help == "a define uses a single '=': define name = expression");
    }
    SECTION("an empty aggregate") {
        auto d = expr_error("count()");
        CHECK(d.help == "count, all, any, sum, min and max need a list, e.g. count(plan.LIST)");
    }
    SECTION("a ')' after an expression on its own: the end of the expression was expected") {
        auto d = expr_error("a )");
        CHECK(d.message == "expected the end of the expression, found ')'");
        CHECK(d.help == "there is a ')' without a matching '('");
    }
    SECTION("a keyword where a name stands") {
        auto d = file_error("define when = 1\n");
        CHECK(d.help == "'when' is a keyword and cannot be used as a name; choose another name");
    }
    SECTION("no declaration starts here: the nearest declaration word") {
        auto d = file_error("rul R-1 \"t\"\n");
        CHECK(d.message.rfind("expected " + std::string(grammar::declaration_class::what) + ", found 'rul'", 0) == 0);
        CHECK(d.help == "did you mean 'rule'?");
    }
}

TEST_CASE("an expectation failure is reported once, and parsing resumes at the next declaration", "[syntax][help]") {
    auto r = parse("rule 1 \"t\"\n  require true\nrule R-2 \"u\"\n  require (true\nrule R-3 \"v\"\n  require true\n");
    INFO(describe(r.diagnostics));
    REQUIRE(r.diagnostics.size() == 2);
    CHECK(r.diagnostics[0].message == "expected a rule id (e.g. R-1.2), found '1'");
    CHECK(r.diagnostics[1].message.rfind("expected ')'", 0) == 0);
    CHECK(r.diagnostics[1].help == "check that every opening bracket has its closing one");
    // the third rule was read
    REQUIRE(r.file.decls.size() == 1);
    CHECK(std::get<ast::RuleDecl>(r.file.decls[0]).id.text == "R-3");
}
