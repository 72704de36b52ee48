// UTF-8 names and text, '#' comments, CRLF line endings, a byte order mark, and the
// byte-level checks (invalid UTF-8, NUL).

#include "syntax/syntax_helpers.hpp"

using namespace planrules;
using namespace planrules::test;
using namespace planrules::test::syntax_tests;

TEST_CASE("unicode: UTF-8 identifiers", "[syntax][unicode]") {
    const std::string text = "define ålder = 1\ndefine försörjningsstöd(sökande: Sökande) = sökande.ålder > 18\n";
    auto r = parse_clean(text);
    REQUIRE(r.file.decls.size() == 2);
    const auto& d1 = decl_at<ast::DefineDecl>(r, 0);
    CHECK(d1.name.text == "ålder");
    CHECK(sliced(text, d1.name.span) == "ålder");
    CHECK(d1.name.span.size() == 6);  // bytes, not code points
    const auto& d2 = decl_at<ast::DefineDecl>(r, 1);
    CHECK(d2.name.text == "försörjningsstöd");
    REQUIRE(d2.params.size() == 1);
    CHECK(d2.params[0].name.text == "sökande");
    CHECK(d2.params[0].type.name == "Sökande");
    CHECK(sliced(text, d2.params[0].type.span) == "Sökande");
    CHECK(shape(d2.body) == "(> (. sökande ålder) 18)");
    CHECK(sliced(text, d2.body.span) == "sökande.ålder > 18");
    CHECK(sliced(text, d2.body.children.at(0).name.span) == "ålder");
}

TEST_CASE("unicode: UTF-8 in schema names and enum values", "[syntax][unicode]") {
    const std::string text = "enum Nivå { grundläggande, fördjupat }\ntype Stödbehov {\n  nivå: Nivå?\n}\n";
    auto r = parse_clean(text);
    const auto& e = decl_at<ast::EnumDecl>(r, 0);
    CHECK(e.name.text == "Nivå");
    REQUIRE(e.values.size() == 2);
    CHECK(sliced(text, e.values[0].span) == "grundläggande");
    CHECK(sliced(text, e.values[1].span) == "fördjupat");
    const auto& t = decl_at<ast::RecordDecl>(r, 1);
    REQUIRE(t.fields.size() == 1);
    CHECK(t.fields[0].name.text == "nivå");
    CHECK(t.fields[0].type.name == "Nivå");
}

TEST_CASE("unicode: Swedish text in titles, sources and messages", "[syntax][unicode]") {
    const std::string text =
        "rule HP-6.1 \"Bedömning av stödbehov\"\n"
        "  source \"Förordning (2000:628) 6 § första stycket\"\n"
        "  message \"Åtgärd krävs för {plan.sökande.förnamn} – se §6\"\n";
    auto r = parse_clean(text);
    const auto& rule = decl_at<ast::RuleDecl>(r, 0);
    CHECK(rule.title.value == "Bedömning av stödbehov");
    CHECK(sliced(text, rule.title.span) == "\"Bedömning av stödbehov\"");
    REQUIRE(rule.source);
    CHECK(rule.source->value == "Förordning (2000:628) 6 § första stycket");
    REQUIRE(rule.message);
    REQUIRE(rule.message->segments.size() == 3);
    CHECK(rule.message->segments[0].text == "Åtgärd krävs för ");
    CHECK(sliced(text, rule.message->segments[1].expr.span) == "plan.sökande.förnamn");
    CHECK(rule.message->segments[2].text == " – se §6");
}

TEST_CASE("comments: whole lines, end of lines and between clauses", "[syntax][comments]") {
    const std::string text =
        "# Rubrik\n"
        "ruleset a.b \"T\" # efter titeln\n"
        "  # mellan satser\n"
        "  authority \"A\"# direkt efter\n"
        "define x = 1 # efter uttryck\n"
        "rule R \"t\" # efter titel\n"
        "  # require inte detta\n"
        "  require x > # mitt i uttrycket\n"
        "    0\n"
        "  message \"m # inte en kommentar\" # men detta\n"
        "# sista raden utan radslut";
    auto r = parse_clean(text);
    REQUIRE(r.file.decls.size() == 3);
    const auto& rs = decl_at<ast::RulesetDecl>(r, 0);
    REQUIRE(rs.authority);
    CHECK(rs.authority->value == "A");
    const auto& d = decl_at<ast::DefineDecl>(r, 1);
    CHECK(sliced(text, d.body.span) == "1");
    const auto& rule = decl_at<ast::RuleDecl>(r, 2);
    REQUIRE(rule.require);
    CHECK(shape(*rule.require) == "(> x 0)");
    CHECK(sliced(text, rule.require->children.at(1).span) == "0");
    REQUIRE(rule.message);
    REQUIRE(rule.message->segments.size() == 1);
    CHECK(rule.message->segments[0].text == "m # inte en kommentar");
}

TEST_CASE("comments: a file of only comments and blank lines", "[syntax][comments]") {
    auto r = parse_clean("# a\n\n   # b\n\t\n");
    CHECK(r.file.decls.empty());
}

TEST_CASE("comments: inside a schema", "[syntax][comments]") {
    const std::string text = "type P { # öppnar\n  # fält\n  a: int # heltal\n  b: list<int> # lista\n}\n";
    auto r = parse_clean(text);
    const auto& t = decl_at<ast::RecordDecl>(r, 0);
    REQUIRE(t.fields.size() == 2);
    CHECK(t.fields[0].name.text == "a");
    CHECK(t.fields[1].name.text == "b");
}

TEST_CASE("line endings: CRLF", "[syntax][unicode]") {
    const std::string text =
        "ruleset a.b \"T\"\r\n"
        "define x = 1\r\n"
        "rule R \"t\" # kommentar\r\n"
        "  severity warning\r\n"
        "  require x > 0\r\n"
        "  message \"m\"\r\n";
    auto r = parse_clean(text);
    REQUIRE(r.file.decls.size() == 3);
    const auto& d = decl_at<ast::DefineDecl>(r, 1);
    CHECK(sliced(text, d.body.span) == "1");
    const auto& rule = decl_at<ast::RuleDecl>(r, 2);
    REQUIRE(rule.severity);
    CHECK(*rule.severity == ast::Severity::warning);
    REQUIRE(rule.require);
    CHECK(sliced(text, rule.require->span) == "x > 0");
    REQUIRE(rule.message);
    CHECK(sliced(text, rule.message->span) == "\"m\"");
}

TEST_CASE("line endings: CRLF error recovery", "[syntax][unicode]") {
    const std::string text = "rule A \"a\"\r\n  require x = 1\r\nrule B \"b\"\r\n  require y\r\n";
    auto r = parse(text);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].code == "single-equals");
    REQUIRE(r.file.decls.size() == 1);
    CHECK(decl_at<ast::RuleDecl>(r, 0).id.text == "B");
}

TEST_CASE("line endings: a string cannot contain a CR", "[syntax][unicode][errors]") {
    const std::string text = "rule R \"t\"\r\n  message \"abc\r\n";
    auto r = parse(text);
    REQUIRE_FALSE(r.diagnostics.empty());
    CHECK(r.diagnostics[0].code == "unterminated-string");
    CHECK(spelled(r.diagnostics[0]) == "\"abc");
}

TEST_CASE("byte order mark: skipped at the start", "[syntax][unicode]") {
    const std::string text = "\xEF\xBB\xBF" "define x = 1\nrule R \"t\"\n  require x > 0\n";
    auto r = parse_clean(text);
    REQUIRE(r.file.decls.size() == 2);
    const auto& d = decl_at<ast::DefineDecl>(r, 0);
    CHECK(d.name.text == "x");
    CHECK(d.name.span.begin == 10);  // offsets count the BOM's three bytes
    CHECK(sliced(text, d.name.span) == "x");
}

TEST_CASE("byte order mark: error positions after a BOM", "[syntax][unicode][errors]") {
    const std::string text = "\xEF\xBB\xBF" "define x = 1 +\n";
    auto d = file_error(text);
    CHECK(d.code == "syntax-error");
    CHECK(d.span.begin == text.size());
}

TEST_CASE("invalid UTF-8", "[syntax][unicode][errors]") {
    struct Case {
        const char* name;
        std::string text;
        std::uint32_t offset;
    };
    Case cases[] = {
        {"lone continuation byte", "define x = \"a\x80\"\n", 13},
        {"truncated sequence", "define x = 1\ndefine y = \"a\xC3\"\n", 26},
        {"invalid byte 0xFF", "# \xFF\n", 2},
        {"overlong encoding", "define x = \"\xC0\xAF\"\n", 12},
        {"surrogate", "define x = \"\xED\xA0\x80\"\n", 12},
    };
    for (auto& c : cases) {
        DYNAMIC_SECTION(c.name) {
            auto d = file_error(c.text);
            CHECK(d.code == "invalid-utf8");
            CHECK(d.span.begin == c.offset);
            CHECK(d.span.end == c.offset + 1);
            CHECK_THAT(d.help, Catch::Contains("UTF-8"));
        }
    }
}

TEST_CASE("invalid UTF-8 in an expression", "[syntax][unicode][errors]") {
    auto d = expr_error("a == \"\xFF\"");
    CHECK(d.code == "invalid-utf8");
    CHECK(d.span.begin == 6);
}

TEST_CASE("NUL byte", "[syntax][unicode][errors]") {
    const std::string text = std::string("define x = 1\ndefine ") + '\0' + "y = 2\n";
    auto d = file_error(text);
    CHECK(d.code == "nul-byte");
    CHECK(d.span.begin == 20);
    CHECK(d.span.end == 21);
    CHECK(spelled(d) == std::string_view("\0", 1));
}

TEST_CASE("a name longer than the limit", "[syntax][unicode][errors]") {
    const std::string name(200, 'a');
    const std::string text = "define " + name + " = 1\n";
    auto r = parse(text);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].code == "name-too-long");
    CHECK(spelled(r.diagnostics[0]) == name);
}
