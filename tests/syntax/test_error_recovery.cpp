// After an error the parser resumes at the next line that starts a declaration, so
// independent errors are all reported and later declarations are still parsed.

#include "syntax/syntax_helpers.hpp"

using namespace planrules;
using namespace planrules::test;
using namespace planrules::test::syntax_tests;

TEST_CASE("recovery: three independent errors in three rules", "[syntax][recovery]") {
    const std::string text =
        "ruleset t.r \"T\"\n"
        "rule A-1 \"a\"\n"
        "  severity fatal\n"
        "  require x\n"
        "rule A-2 \"b\"\n"
        "  require x = 1\n"
        "rule A-3 \"c\"\n"
        "  severity error\n"
        "  require y > 0\n"
        "rule A-4 \"d\"\n"
        "  in force from 2022-1-05\n"
        "rule A-5 \"e\"\n"
        "  require z\n";
    auto r = parse(text);
    INFO(describe(r.diagnostics));
    REQUIRE(r.diagnostics.size() == 3);
    CHECK(r.diagnostics[0].code == "syntax-error");
    CHECK(spelled(r.diagnostics[0]) == "fatal");
    CHECK(r.diagnostics[1].code == "single-equals");
    CHECK(r.diagnostics[1].span.begin == offset_of(text, "= 1"));
    CHECK(r.diagnostics[2].code == "malformed-date");
    CHECK(spelled(r.diagnostics[2]) == "2022-1-05");

    REQUIRE(r.file.decls.size() == 3);
    CHECK(decl_at<ast::RulesetDecl>(r, 0).name.text == "t.r");
    const auto& a3 = decl_at<ast::RuleDecl>(r, 1);
    CHECK(a3.id.text == "A-3");
    REQUIRE(a3.require);
    CHECK(sliced(text, a3.require->span) == "y > 0");
    const auto& a5 = decl_at<ast::RuleDecl>(r, 2);
    CHECK(a5.id.text == "A-5");
    REQUIRE(a5.require);
    CHECK(sliced(text, a5.require->span) == "z");

    CHECK(r.file.broken_names == std::vector<std::string>{"A-1", "A-2", "A-4"});
}

TEST_CASE("recovery: resumes at every declaration keyword", "[syntax][recovery]") {
    for (std::string next : {"ruleset r.s \"T\"", "type P { a: int }", "enum E { a }", "root plan: Plan",
                             "define d = 1", "rule R-2 \"t\"", "override R-3", "test \"t\""}) {
        DYNAMIC_SECTION(next) {
            const std::string text = "rule R-1 \"t\"\n  require a = b\n  message \"m\"\n" + next + "\n";
            auto r = parse(text);
            INFO(describe(r.diagnostics));
            REQUIRE(r.diagnostics.size() == 1);
            CHECK(r.diagnostics[0].code == "single-equals");
            REQUIRE(r.file.decls.size() == 1);
            auto word = next.substr(0, next.find(' '));
            const auto& d = r.file.decls[0];
            if (word == "ruleset") CHECK(std::holds_alternative<ast::RulesetDecl>(d));
            if (word == "type") CHECK(std::holds_alternative<ast::RecordDecl>(d));
            if (word == "enum") CHECK(std::holds_alternative<ast::EnumDecl>(d));
            if (word == "root") CHECK(std::holds_alternative<ast::RootDecl>(d));
            if (word == "define") CHECK(std::holds_alternative<ast::DefineDecl>(d));
            if (word == "rule") CHECK(std::holds_alternative<ast::RuleDecl>(d));
            if (word == "override") CHECK(std::holds_alternative<ast::OverrideDecl>(d));
            if (word == "test") CHECK(std::holds_alternative<ast::TestDecl>(d));
        }
    }
}

TEST_CASE("recovery: indented declaration lines also resume", "[syntax][recovery]") {
    const std::string text = "rule A \"a\"\n  require x = 1\n  rule B \"b\"\n  require ok\n";
    auto r = parse(text);
    REQUIRE(r.diagnostics.size() == 1);
    REQUIRE(r.file.decls.size() == 1);
    const auto& b = decl_at<ast::RuleDecl>(r, 0);
    CHECK(b.id.text == "B");
    CHECK(sliced(text, b.id.span) == "B");
}

TEST_CASE("recovery: lines starting with other words are skipped", "[syntax][recovery]") {
    const std::string text =
        "rule A \"a\"\n"
        "  require x = 1\n"
        "  message \"rule X is broken\"\n"
        "rules are not declarations\n"
        "  when test\n"
        "defined = 1\n"
        "rule B \"b\"\n";
    auto r = parse(text);
    INFO(describe(r.diagnostics));
    REQUIRE(r.diagnostics.size() == 1);
    REQUIRE(r.file.decls.size() == 1);
    CHECK(decl_at<ast::RuleDecl>(r, 0).id.text == "B");
}

TEST_CASE("recovery: an error in the middle of a line resumes on a later line", "[syntax][recovery]") {
    // `rule` later on the same line as the error does not count.
    const std::string text = "define a = 1 + + rule\nrule B \"b\"\n";
    auto r = parse(text);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].span.begin == offset_of(text, "+ rule"));
    REQUIRE(r.file.decls.size() == 1);
    CHECK(decl_at<ast::RuleDecl>(r, 0).id.text == "B");
    CHECK(r.file.broken_names == std::vector<std::string>{"a"});
}

TEST_CASE("recovery: errors in different kinds of declarations", "[syntax][recovery]") {
    const std::string text =
        "type P {\n  id string\n}\n"
        "enum E { a }\n"
        "define d(x) = 1\n"
        "define ok = 2\n"
        "test \"t\"\n  expect HP-1 outcome broken\n"
        "override HP-1\n  severity fatal\n"
        "root plan: P\n";
    auto r = parse(text);
    INFO(describe(r.diagnostics));
    REQUIRE(r.diagnostics.size() == 4);
    CHECK(spelled(r.diagnostics[0]) == "string");
    CHECK(spelled(r.diagnostics[1]) == ")");
    CHECK(spelled(r.diagnostics[2]) == "broken");
    CHECK(spelled(r.diagnostics[3]) == "fatal");
    for (const auto& d : r.diagnostics) CHECK(d.code == "syntax-error");
    REQUIRE(r.file.decls.size() == 3);
    CHECK(decl_at<ast::EnumDecl>(r, 0).name.text == "E");
    CHECK(decl_at<ast::DefineDecl>(r, 1).name.text == "ok");
    CHECK(decl_at<ast::RootDecl>(r, 2).name.text == "plan");
    CHECK(r.file.broken_names == std::vector<std::string>{"d"});
}

TEST_CASE("recovery: a non-fatal error keeps the declaration", "[syntax][recovery]") {
    const std::string text = "rule A \"a\"\n  require d < 2023-02-30\n  message \"a {} b\"\nrule B \"b\"\n";
    auto r = parse(text);
    REQUIRE(r.diagnostics.size() == 2);
    CHECK(r.diagnostics[0].code == "invalid-date");
    CHECK(r.diagnostics[1].code == "empty-interpolation");
    REQUIRE(r.file.decls.size() == 2);
    CHECK(decl_at<ast::RuleDecl>(r, 0).id.text == "A");
    CHECK(decl_at<ast::RuleDecl>(r, 1).id.text == "B");
    CHECK(r.file.broken_names.empty());
}

TEST_CASE("recovery: garbage before the first declaration", "[syntax][recovery]") {
    const std::string text = "hello world\nrule R \"t\"\n";
    auto r = parse(text);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].code == "syntax-error");
    CHECK(spelled(r.diagnostics[0]) == "hello");
    CHECK_THAT(r.diagnostics[0].message, Catch::Contains("a declaration"));
    REQUIRE(r.file.decls.size() == 1);
    CHECK(decl_at<ast::RuleDecl>(r, 0).id.text == "R");
}

TEST_CASE("recovery: a misspelt declaration keyword gets a suggestion", "[syntax][recovery]") {
    const std::string text = "rul R \"t\"\n  require x\ndefine y = 1\n";
    auto r = parse(text);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(spelled(r.diagnostics[0]) == "rul");
    CHECK_THAT(r.diagnostics[0].help, Catch::Contains("'rule'"));
    REQUIRE(r.file.decls.size() == 1);
    CHECK(decl_at<ast::DefineDecl>(r, 0).name.text == "y");
}

TEST_CASE("recovery: an orphan rule clause is explained", "[syntax][recovery]") {
    const std::string text = "define y = 1\n  severity error\nrule R \"t\"\n";
    auto r = parse(text);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(spelled(r.diagnostics[0]) == "severity");
    CHECK_THAT(r.diagnostics[0].help, Catch::Contains("belongs to a rule"));
    REQUIRE(r.file.decls.size() == 2);
}

TEST_CASE("recovery: many errors stop at the limit", "[syntax][recovery]") {
    std::string text;
    for (int i = 0; i < 10; ++i) text += "rule R-" + std::to_string(i) + " \"t\"\n  require a = b\n";
    Limits limits;
    limits.max_diagnostics = 3;
    auto r = parse(text, limits);
    REQUIRE(r.diagnostics.size() == 4);
    CHECK(r.diagnostics[2].code == "single-equals");
    CHECK(r.diagnostics[3].code == "too-many-errors");
    CHECK(r.diagnostics[3].severity == DiagnosticSeverity::note);
}
