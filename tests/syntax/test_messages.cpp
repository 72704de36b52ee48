// Messages: text with {expr} interpolations, nested strings, escapes, and the
// errors of malformed templates.

#include "syntax/syntax_helpers.hpp"

using namespace planrules;
using namespace planrules::test;
using namespace planrules::test::syntax_tests;

namespace {

std::string rule_with_message(std::string_view message_literal) {
    return "rule R \"t\"\n  message " + std::string(message_literal) + "\n";
}

}  // namespace

TEST_CASE("message: plain text", "[syntax][message]") {
    const std::string text = rule_with_message("\"Handlingsplanen saknar en bedömning.\"");
    auto r = parse_clean(text);
    const auto& m = decl_at<ast::RuleDecl>(r, 0).message;
    REQUIRE(m);
    CHECK(sliced(text, m->span) == "\"Handlingsplanen saknar en bedömning.\"");
    REQUIRE(m->segments.size() == 1);
    CHECK_FALSE(m->segments[0].is_expr);
    CHECK(m->segments[0].text == "Handlingsplanen saknar en bedömning.");
}

TEST_CASE("message: empty message has no segments", "[syntax][message]") {
    const std::string text = rule_with_message("\"\"");
    auto r = parse_clean(text);
    const auto& m = decl_at<ast::RuleDecl>(r, 0).message;
    REQUIRE(m);
    CHECK(m->segments.empty());
    CHECK(sliced(text, m->span) == "\"\"");
}

TEST_CASE("message: interpolations between text", "[syntax][message]") {
    const std::string text = rule_with_message("\"Aktiviteten {a.id} ({a.typ}) har {count(a.rapporter)} rapporter\"");
    auto r = parse_clean(text);
    const auto& m = decl_at<ast::RuleDecl>(r, 0).message;
    REQUIRE(m);
    REQUIRE(m->segments.size() == 7);
    CHECK(m->segments[0].text == "Aktiviteten ");
    REQUIRE(m->segments[1].is_expr);
    CHECK(shape(m->segments[1].expr) == "(. a id)");
    CHECK(sliced(text, m->segments[1].expr.span) == "a.id");
    CHECK(m->segments[1].expr.span.begin == offset_of(text, "a.id"));
    CHECK(m->segments[2].text == " (");
    CHECK(shape(m->segments[3].expr) == "(. a typ)");
    CHECK(sliced(text, m->segments[3].expr.span) == "a.typ");
    CHECK(m->segments[4].text == ") har ");
    REQUIRE(m->segments[5].is_expr);
    CHECK(shape(m->segments[5].expr) == "(count (. a rapporter))");
    CHECK(sliced(text, m->segments[5].expr.children.at(0).span) == "a.rapporter");
    CHECK(m->segments[6].text == " rapporter");
}

TEST_CASE("message: only an interpolation", "[syntax][message]") {
    const std::string text = rule_with_message("\"{ plan.id }\"");
    auto r = parse_clean(text);
    const auto& m = decl_at<ast::RuleDecl>(r, 0).message;
    REQUIRE(m);
    REQUIRE(m->segments.size() == 1);
    REQUIRE(m->segments[0].is_expr);
    CHECK(sliced(text, m->segments[0].expr.span) == "plan.id");
}

TEST_CASE("message: nested strings inside braces", "[syntax][message]") {
    const std::string text = rule_with_message("\"Status: {if a.klar then \"klar }\" else \"\\{ej klar\"} slut\"");
    auto r = parse_clean(text);
    const auto& m = decl_at<ast::RuleDecl>(r, 0).message;
    REQUIRE(m);
    REQUIRE(m->segments.size() == 3);
    CHECK(m->segments[0].text == "Status: ");
    REQUIRE(m->segments[1].is_expr);
    const auto& e = m->segments[1].expr;
    REQUIRE(e.kind == ast::ExprKind::conditional);
    REQUIRE(e.children.size() == 3);
    CHECK(shape(e.children[0]) == "(. a klar)");
    CHECK(sliced(text, e.children[1].span) == "\"klar }\"");
    CHECK(e.children[1].text == "klar }");
    CHECK(sliced(text, e.children[2].span) == "\"\\{ej klar\"");
    CHECK(e.children[2].text == "{ej klar");
    CHECK(m->segments[2].text == " slut");
}

TEST_CASE("message: a string with a closing brace as a call argument", "[syntax][message]") {
    const std::string text = rule_with_message("\"Saknas: {join(xs, \"}\")}\"");
    auto r = parse_clean(text);
    const auto& m = decl_at<ast::RuleDecl>(r, 0).message;
    REQUIRE(m);
    REQUIRE(m->segments.size() == 2);
    REQUIRE(m->segments[1].is_expr);
    const auto& call = m->segments[1].expr;
    CHECK(call.kind == ast::ExprKind::call);
    CHECK(call.name.text == "join");
    REQUIRE(call.children.size() == 2);
    CHECK(call.children[1].text == "}");
    CHECK(sliced(text, call.children[1].span) == "\"}\"");
}

TEST_CASE("message: escapes", "[syntax][message]") {
    const std::string text = rule_with_message(R"("A \{x\} \"q\" \\ rad\nflik\t.")");
    auto r = parse_clean(text);
    const auto& m = decl_at<ast::RuleDecl>(r, 0).message;
    REQUIRE(m);
    REQUIRE(m->segments.size() == 1);
    CHECK_FALSE(m->segments[0].is_expr);
    CHECK(m->segments[0].text == "A {x} \"q\" \\ rad\nflik\t.");
}

TEST_CASE("message: escaped braces next to an interpolation", "[syntax][message]") {
    const std::string text = rule_with_message(R"("\{{a}\}")");
    auto r = parse_clean(text);
    const auto& m = decl_at<ast::RuleDecl>(r, 0).message;
    REQUIRE(m);
    REQUIRE(m->segments.size() == 3);
    CHECK(m->segments[0].text == "{");
    CHECK(shape(m->segments[1].expr) == "a");
    CHECK(m->segments[1].expr.span.begin == offset_of(text, "a}"));
    CHECK(m->segments[2].text == "}");
}

TEST_CASE("message: empty interpolation", "[syntax][message][errors]") {
    for (std::string braces : {"{}", "{ }", "{  \t }"}) {
        DYNAMIC_SECTION("'" << braces << "'") {
            const std::string text = rule_with_message("\"a " + braces + " b\"");
            auto d = file_error(text);
            CHECK(d.code == "empty-interpolation");
            CHECK(spelled(d) == braces);
            CHECK(d.span.begin == offset_of(text, "{"));
        }
    }
}

TEST_CASE("message: unmatched closing brace", "[syntax][message][errors]") {
    const std::string text = rule_with_message("\"a } b\"");
    auto r = parse(text);
    REQUIRE(r.diagnostics.size() == 1);
    const auto& d = r.diagnostics[0];
    CHECK(d.code == "unmatched-brace");
    CHECK(spelled(d) == "}");
    CHECK(d.span.begin == offset_of(text, "}"));
    CHECK_THAT(d.help, Catch::Contains("\\}"));
    // the message is kept with the brace as text
    const auto& m = decl_at<ast::RuleDecl>(r, 0).message;
    REQUIRE(m);
    REQUIRE(m->segments.size() == 1);
    CHECK(m->segments[0].text == "a } b");
}

TEST_CASE("message: unmatched brace after an interpolation", "[syntax][message][errors]") {
    const std::string text = rule_with_message("\"{a.id}} b\"");
    auto d = file_error(text);
    CHECK(d.code == "unmatched-brace");
    CHECK(d.span.begin == offset_of(text, "}}") + 1);
}

TEST_CASE("message: interpolation in a string outside a message", "[syntax][message][errors]") {
    const std::string text = "rule R \"t\"\n  require plan.status == \"a {x} b\"\n";
    auto d = file_error(text);
    CHECK(d.code == "interpolation-outside-message");
    CHECK(spelled(d) == "{x}");
    CHECK(d.span.begin == offset_of(text, "{x} b"));
    CHECK_THAT(d.help, Catch::Contains("\\{"));
}

TEST_CASE("message: interpolation in a string inside an interpolation", "[syntax][message][errors]") {
    const std::string text = rule_with_message("\"S {if a then \"ja {b}\" else \"nej\"}\"");
    auto d = file_error(text);
    CHECK(d.code == "interpolation-outside-message");
    CHECK(spelled(d) == "{b}");
}

TEST_CASE("message: escaped braces outside a message are fine", "[syntax][message]") {
    const std::string text = "rule R \"t\"\n  require plan.status == \"a \\{x\\} b\"\n";
    auto r = parse_clean(text);
    const auto& rule = decl_at<ast::RuleDecl>(r, 0);
    REQUIRE(rule.require);
    CHECK(rule.require->children.at(1).text == "a {x} b");
}

TEST_CASE("message: invalid expression inside braces", "[syntax][message][errors]") {
    const std::string text = rule_with_message("\"a {x y} b\"");
    auto d = file_error(text);
    CHECK(d.code == "syntax-error");
    CHECK(spelled(d) == "y");
    CHECK(d.span.begin == offset_of(text, "y}"));
    CHECK_THAT(d.message, Catch::Contains("'}' to end the interpolation"));
}

TEST_CASE("message: operator mistakes inside braces", "[syntax][message][errors]") {
    const std::string text = rule_with_message("\"a {x = 1} b\"");
    auto d = file_error(text);
    CHECK(d.code == "single-equals");
    CHECK(spelled(d) == "=");
    CHECK(d.span.begin == offset_of(text, "= 1"));
}

TEST_CASE("message: unterminated", "[syntax][message][errors]") {
    const std::string text = rule_with_message("\"a {x}");
    auto d = file_error(text);
    CHECK(d.code == "unterminated-string");
    CHECK(spelled(d) == "\"a {x}");
}

TEST_CASE("message: unknown escape", "[syntax][message][errors]") {
    const std::string text = rule_with_message(R"("a \q b")");
    auto d = file_error(text);
    CHECK(d.code == "unknown-escape");
    CHECK(spelled(d) == "\\q");
}

TEST_CASE("message: without a string", "[syntax][message][errors]") {
    const std::string text = "rule R \"t\"\n  message saknas\n";
    auto d = file_error(text);
    CHECK(d.code == "syntax-error");
    CHECK(spelled(d) == "saknas");
    CHECK_THAT(d.message, Catch::Contains("message in quotes"));
}
