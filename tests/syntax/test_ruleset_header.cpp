// The rule set header: ruleset NAME "title", authority, schema, extends, applies when.

#include "syntax/syntax_helpers.hpp"

using namespace planrules;
using namespace planrules::test;
using namespace planrules::test::syntax_tests;

namespace {

const std::string full_header =
    "ruleset kommun.0180 \"Stockholms stad\" # kommentar\n"
    "  authority \"Stockholms stad, arbetsmarknadsförvaltningen\"\n"
    "  schema \"../handlingsplan.schema\"\n"
    "  extends af.forordning, af.v2_1\n"
    "  applies when plan.sokande.kommun == \"0180\"\n";

}  // namespace

TEST_CASE("ruleset header: name with dots and digits, title", "[syntax][ruleset]") {
    const std::string text = "ruleset kommun.0180 \"Stockholms stad\"\n";
    auto r = parse_clean(text);
    REQUIRE(r.file.decls.size() == 1);
    const auto& rs = decl_at<ast::RulesetDecl>(r, 0);
    CHECK(rs.name.text == "kommun.0180");
    CHECK(sliced(text, rs.name.span) == "kommun.0180");
    CHECK(rs.title.value == "Stockholms stad");
    CHECK(sliced(text, rs.title.span) == "\"Stockholms stad\"");
    CHECK_FALSE(rs.authority.has_value());
    CHECK_FALSE(rs.schema.has_value());
    CHECK(rs.extends.empty());
    CHECK_FALSE(rs.applies_when.has_value());
}

TEST_CASE("ruleset header: single-segment and multi-segment names", "[syntax][ruleset]") {
    for (std::string name : {"a", "af.forordning", "kommun.0180", "a.b_c.d2", "region.skane.2024"}) {
        DYNAMIC_SECTION(name) {
            const std::string text = "ruleset " + name + " \"T\"\n";
            auto r = parse_clean(text);
            const auto& rs = decl_at<ast::RulesetDecl>(r, 0);
            CHECK(rs.name.text == name);
            CHECK(sliced(text, rs.name.span) == name);
        }
    }
}

TEST_CASE("ruleset header: all clauses", "[syntax][ruleset]") {
    auto r = parse_clean(full_header);
    REQUIRE(r.file.decls.size() == 1);
    const auto& rs = decl_at<ast::RulesetDecl>(r, 0);
    CHECK(rs.name.text == "kommun.0180");
    REQUIRE(rs.authority.has_value());
    CHECK(rs.authority->value == "Stockholms stad, arbetsmarknadsförvaltningen");
    CHECK(sliced(full_header, rs.authority->span) == "\"Stockholms stad, arbetsmarknadsförvaltningen\"");
    REQUIRE(rs.schema.has_value());
    CHECK(rs.schema->value == "../handlingsplan.schema");
    CHECK(sliced(full_header, rs.schema->span) == "\"../handlingsplan.schema\"");
    REQUIRE(rs.extends.size() == 2);
    CHECK(rs.extends[0].text == "af.forordning");
    CHECK(sliced(full_header, rs.extends[0].span) == "af.forordning");
    CHECK(rs.extends[1].text == "af.v2_1");
    CHECK(sliced(full_header, rs.extends[1].span) == "af.v2_1");
    REQUIRE(rs.applies_when.has_value());
    CHECK(shape(*rs.applies_when) == "(== (. (. plan sokande) kommun) \"0180\")");
    CHECK(sliced(full_header, rs.applies_when->span) == "plan.sokande.kommun == \"0180\"");
}

TEST_CASE("ruleset header: clauses in any order; extends may repeat", "[syntax][ruleset]") {
    const std::string text =
        "ruleset a.b \"T\"\n"
        "  extends x\n"
        "  applies when true\n"
        "  schema \"s.schema\"\n"
        "  extends y.z, w\n"
        "  authority \"A\"\n";
    auto r = parse_clean(text);
    const auto& rs = decl_at<ast::RulesetDecl>(r, 0);
    REQUIRE(rs.extends.size() == 3);
    CHECK(rs.extends[0].text == "x");
    CHECK(rs.extends[1].text == "y.z");
    CHECK(sliced(text, rs.extends[1].span) == "y.z");
    CHECK(rs.extends[2].text == "w");
    REQUIRE(rs.schema);
    CHECK(rs.schema->value == "s.schema");
    REQUIRE(rs.authority);
    CHECK(rs.authority->value == "A");
    REQUIRE(rs.applies_when);
    CHECK(rs.applies_when->kind == ast::ExprKind::boolean);
}

TEST_CASE("ruleset header: followed by other declarations", "[syntax][ruleset]") {
    const std::string text = full_header + "define x = 1\nrule R-1 \"t\"\n  require x > 0\n";
    auto r = parse_clean(text);
    REQUIRE(r.file.decls.size() == 3);
    CHECK(std::holds_alternative<ast::RulesetDecl>(r.file.decls[0]));
    CHECK(std::holds_alternative<ast::DefineDecl>(r.file.decls[1]));
    CHECK(std::holds_alternative<ast::RuleDecl>(r.file.decls[2]));
}

TEST_CASE("ruleset header: the bundled rule file parses", "[syntax][ruleset]") {
    const std::string text = read_file(source_dir() + "/rules/af/forordning.rules");
    REQUIRE_FALSE(text.empty());
    auto r = parse_clean(text);
    const auto& rs = decl_at<ast::RulesetDecl>(r, 0);
    CHECK(rs.name.text == "af.forordning");
    CHECK(rs.title.value == "Förordning (2000:628) om den arbetsmarknadspolitiska verksamheten, 6 §");
    REQUIRE(rs.schema);
    CHECK(rs.schema->value == "../handlingsplan.schema");
    std::size_t starts = 0;  // lines that start a declaration
    for (std::string_view w : {"ruleset ", "define ", "rule "})
        for (std::size_t p = text.find(w); p != std::string::npos; p = text.find(w, p + 1))
            starts += p == 0 || text[p - 1] == '\n';
    CHECK(r.file.decls.size() == starts);
    CHECK(r.file.decls.size() >= 4);
}

TEST_CASE("ruleset header: missing name", "[syntax][ruleset][errors]") {
    const std::string text = "ruleset \"T\"\n";
    auto d = file_error(text);
    CHECK(d.code == "syntax-error");
    CHECK(d.span.begin == offset_of(text, "\"T\""));
    CHECK_THAT(d.message, Catch::Contains("rule set name"));
}

TEST_CASE("ruleset header: missing title", "[syntax][ruleset][errors]") {
    const std::string text = "ruleset a.b\nrule R \"t\"\n";
    auto r = parse(text);
    REQUIRE_FALSE(r.diagnostics.empty());
    const auto& d = r.diagnostics[0];
    CHECK(d.code == "syntax-error");
    CHECK(spelled(d) == "rule");
    CHECK(d.span.begin == offset_of(text, "rule R"));
    CHECK_THAT(d.message, Catch::Contains("title in quotes"));
}

TEST_CASE("ruleset header: unknown clause", "[syntax][ruleset][errors]") {
    const std::string text = "ruleset a.b \"T\"\n  authorty \"x\"\n";
    auto d = file_error(text);
    CHECK(d.code == "syntax-error");
    CHECK(spelled(d) == "authorty");
    CHECK_THAT(d.message, Catch::Contains("rule set clause"));
}

TEST_CASE("ruleset header: schema without quotes", "[syntax][ruleset][errors]") {
    const std::string text = "ruleset a.b \"T\"\n  schema x.schema\n";
    auto d = file_error(text);
    CHECK(d.code == "syntax-error");
    CHECK(d.span.begin == offset_of(text, "x.schema"));
    CHECK_THAT(d.message, Catch::Contains("string in quotes"));
}

TEST_CASE("ruleset header: 'applies' without 'when'", "[syntax][ruleset][errors]") {
    const std::string text = "ruleset a.b \"T\"\n  applies plan.x\n";
    auto d = file_error(text);
    CHECK(d.code == "syntax-error");
    CHECK(spelled(d) == "plan");
    CHECK_THAT(d.message, Catch::Contains("'when'"));
}

TEST_CASE("ruleset header: extends with a dangling comma", "[syntax][ruleset][errors]") {
    const std::string text = "ruleset a.b \"T\"\n  extends x,\n";
    auto d = file_error(text);
    CHECK(d.code == "syntax-error");
    CHECK(d.span.begin == offset_of(text, ","));
}

TEST_CASE("ruleset header: duplicate authority", "[syntax][ruleset][errors]") {
    const std::string text = "ruleset a \"T\"\n  authority \"A\"\n  authority \"B\"\n";
    auto r = parse(text);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].code == "duplicate-clause");
    CHECK_THAT(r.diagnostics[0].message, Catch::Contains("authority"));
}
