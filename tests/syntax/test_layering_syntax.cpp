// Layering: a rule set that extends others, applies when, and overrides rules.

#include "syntax/syntax_helpers.hpp"

using namespace planrules;
using namespace planrules::test;
using namespace planrules::test::syntax_tests;

namespace {

const std::string layer =
    "ruleset kommun.0180 \"Stockholms stad\"\n"
    "  extends af.forordning\n"
    "  applies when plan.sokande.kommun == \"0180\"\n"
    "\n"
    "override HP-6.1\n"
    "  severity warning\n"
    "  message \"Kommunens text för {plan.id}\"\n"
    "\n"
    "override HP-6.2\n"
    "  disabled\n"
    "\n"
    "override K0180-EB-1\n"
    "  disable\n"
    "  severity info\n";

}  // namespace

TEST_CASE("layering: extends and applies when", "[syntax][layering]") {
    auto r = parse_clean(layer);
    const auto& rs = decl_at<ast::RulesetDecl>(r, 0);
    REQUIRE(rs.extends.size() == 1);
    CHECK(rs.extends[0].text == "af.forordning");
    CHECK(sliced(layer, rs.extends[0].span) == "af.forordning");
    REQUIRE(rs.applies_when);
    CHECK(shape(*rs.applies_when) == "(== (. (. plan sokande) kommun) \"0180\")");
    CHECK(sliced(layer, rs.applies_when->span) == "plan.sokande.kommun == \"0180\"");
}

TEST_CASE("layering: override severity and message", "[syntax][layering]") {
    auto r = parse_clean(layer);
    REQUIRE(r.file.decls.size() == 4);
    const auto& o = decl_at<ast::OverrideDecl>(r, 1);
    CHECK(o.target.text == "HP-6.1");
    CHECK(sliced(layer, o.target.span) == "HP-6.1");
    REQUIRE(o.severity);
    CHECK(*o.severity == ast::Severity::warning);
    CHECK_FALSE(o.disabled);
    REQUIRE(o.message);
    CHECK(sliced(layer, o.message->span) == "\"Kommunens text för {plan.id}\"");
    REQUIRE(o.message->segments.size() == 2);
    CHECK(o.message->segments[0].text == "Kommunens text för ");
    REQUIRE(o.message->segments[1].is_expr);
    CHECK(sliced(layer, o.message->segments[1].expr.span) == "plan.id");
}

TEST_CASE("layering: override disabled / disable", "[syntax][layering]") {
    auto r = parse_clean(layer);
    const auto& o2 = decl_at<ast::OverrideDecl>(r, 2);
    CHECK(o2.target.text == "HP-6.2");
    CHECK(o2.disabled);
    CHECK_FALSE(o2.severity);
    CHECK_FALSE(o2.message);
    const auto& o3 = decl_at<ast::OverrideDecl>(r, 3);
    CHECK(o3.target.text == "K0180-EB-1");
    CHECK(sliced(layer, o3.target.span) == "K0180-EB-1");
    CHECK(o3.disabled);
    REQUIRE(o3.severity);
    CHECK(*o3.severity == ast::Severity::info);
}

TEST_CASE("layering: an override with no clause", "[syntax][layering]") {
    const std::string text = "override HP-6.1\nrule R \"t\"\n";
    auto r = parse_clean(text);
    REQUIRE(r.file.decls.size() == 2);
    const auto& o = decl_at<ast::OverrideDecl>(r, 0);
    CHECK(o.target.text == "HP-6.1");
    CHECK_FALSE(o.disabled);
    CHECK_FALSE(o.severity);
    CHECK_FALSE(o.message);
}

TEST_CASE("layering: an override may mix with rules of the layer", "[syntax][layering]") {
    const std::string text = layer + "rule K0180-EB-2 \"Egen regel\"\n  require plan.version > 0\n";
    auto r = parse_clean(text);
    REQUIRE(r.file.decls.size() == 5);
    CHECK(decl_at<ast::RuleDecl>(r, 4).id.text == "K0180-EB-2");
}

TEST_CASE("layering: override with an unknown severity", "[syntax][layering][errors]") {
    const std::string text = "override HP-1\n  severity fatal\n";
    auto d = file_error(text);
    CHECK(d.code == "syntax-error");
    CHECK(spelled(d) == "fatal");
    CHECK(d.span.begin == offset_of(text, "fatal"));
    CHECK_THAT(d.message, Catch::Contains("severity"));
}

TEST_CASE("layering: override with a rule-only clause", "[syntax][layering][errors]") {
    const std::string text = "override HP-1\n  require x\n";
    auto d = file_error(text);
    CHECK(d.code == "syntax-error");
    CHECK(spelled(d) == "require");
    CHECK_THAT(d.message, Catch::Contains("override clause (severity, disabled, message)"));
}

TEST_CASE("layering: override without a rule id", "[syntax][layering][errors]") {
    const std::string text = "override\n";
    auto d = file_error(text);
    CHECK(d.code == "syntax-error");
    CHECK(d.span.begin == text.size());
    CHECK_THAT(d.message, Catch::Contains("a rule id"));
}

TEST_CASE("layering: duplicate override clauses", "[syntax][layering][errors]") {
    for (std::string clauses : {"  disabled\n  disabled\n", "  severity info\n  severity error\n",
                                "  message \"a\"\n  message \"b\"\n"}) {
        DYNAMIC_SECTION(clauses) {
            auto r = parse("override HP-1\n" + clauses);
            REQUIRE(r.diagnostics.size() == 1);
            CHECK(r.diagnostics[0].code == "duplicate-clause");
            CHECK(decl_at<ast::OverrideDecl>(r, 0).target.text == "HP-1");
        }
    }
}

TEST_CASE("layering: malformed message in an override", "[syntax][layering][errors]") {
    const std::string text = "override HP-1\n  message \"a {} b\"\n";
    auto d = file_error(text);
    CHECK(d.code == "empty-interpolation");
    CHECK(spelled(d) == "{}");
}

TEST_CASE("layering: extends without a name", "[syntax][layering][errors]") {
    const std::string text = "ruleset k \"K\"\n  extends\n";
    auto d = file_error(text);
    CHECK(d.code == "syntax-error");
    CHECK(d.span.begin == text.size());
    CHECK_THAT(d.message, Catch::Contains("rule set name"));
}

TEST_CASE("layering: extends with an invalid name; the next declaration still parses", "[syntax][layering][errors]") {
    const std::string text = "ruleset k \"K\"\n  extends 0180\noverride HP-1\n  disabled\n";
    auto r = parse(text);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].code == "syntax-error");
    CHECK(r.diagnostics[0].span.begin == offset_of(text, "0180"));
    CHECK_THAT(r.diagnostics[0].message, Catch::Contains("rule set name"));
    REQUIRE(r.file.decls.size() == 1);
    CHECK(decl_at<ast::OverrideDecl>(r, 0).target.text == "HP-1");
    CHECK(decl_at<ast::OverrideDecl>(r, 0).disabled);
}
