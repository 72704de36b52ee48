// Source spans of every node kind and clause: diagnostics point with them, so each
// must cover exactly the text of its construct (no leading blanks, nothing after it).

#include "syntax_helpers.hpp"

using namespace planrules;
using namespace planrules::test;
using namespace planrules::test::syntax_tests;

namespace {

// The span of the whole expression `text` must be the whole text.
void check_whole(std::string_view text) {
    auto e = expr_clean(text);
    INFO("expression: " << text);
    CHECK(sliced(text, e.span) == text);
}

// In `text`, the first operand of the top node must span `operand`.
void check_child(std::string_view text, std::size_t child, std::string_view operand) {
    auto e = expr_clean(text);
    INFO("expression: " << text);
    REQUIRE(child < e.children.size());
    CHECK(sliced(text, e.children[child].span) == operand);
}

}  // namespace

TEST_CASE("spans: every kind of expression covers exactly its text", "[syntax][spans]") {
    for (std::string_view text : {"plan", "plan.sokande.kommun", "\"text\"", "42", "3.5", "30 days", "2022-12-01",
                                  "true", "false", "today", "[1, 2, 3]", "[]", "blank(plan.id)", "f()",
                                  "count(plan.aktiviteter)", "sum(a.n for a in plan.x where a.n > 0)",
                                  "all(a in plan.aktiviteter where present(a.motivering))",
                                  "exists a in plan.aktiviteter where a.typ == \"x\"",
                                  "if a then 1 else 2", "not a", "-x", "- (a + b)", "a and b or c", "a + b * c",
                                  "a in [1, 2]", "a not in [1, 2]", "(a)", "(a or b)", "((a) and (b))",
                                  "min(a, b, c)", "x.y.z == [1]"}) {
        check_whole(text);
    }
}

TEST_CASE("spans: operands inside larger expressions", "[syntax][spans]") {
    check_child("[1, 2] == x", 0, "[1, 2]");
    check_child("x == [1, 2]", 1, "[1, 2]");
    check_child("blank(a) and b", 0, "blank(a)");
    check_child("b and blank(a)", 1, "blank(a)");
    check_child("count(xs) > 3", 0, "count(xs)");
    check_child("true or b", 0, "true");
    check_child("b or true", 1, "true");
    check_child("today - 1 days", 0, "today");
    check_child("not x and y", 0, "not x");
    check_child("-x + 1", 0, "-x");
    check_child("(if a then 1 else 2) + 3", 0, "(if a then 1 else 2)");
    check_child("(exists a in xs) or b", 0, "(exists a in xs)");
    check_child("a.b + c", 0, "a.b");
    check_child("f(x).y", 0, "f(x)");
    // children of calls, lists and conditionals
    check_child("days_between(a, b)", 1, "b");
    check_child("[a , b]", 0, "a");
    check_child("if  x  then y else z", 0, "x");
}

TEST_CASE("spans: spans skip comments and line breaks before the construct", "[syntax][spans]") {
    const std::string text = "ruleset x \"t\"\nrule R \"t\"\n  severity error\n  require # comment\n    [1,\n  2] == x\n";
    auto r = parse_clean(text);
    const auto& rule = decl_at<ast::RuleDecl>(r, 1);
    REQUIRE(rule.require);
    CHECK(sliced(text, rule.require->span) == "[1,\n  2] == x");
    CHECK(sliced(text, rule.require->children.at(0).span) == "[1,\n  2]");
}

TEST_CASE("spans: rule clauses", "[syntax][spans]") {
    const std::string text =
        "rule HP-1 \"Titel\"\n"
        "  severity   warning\n"
        "  mandatory\n"
        "  in force from 2022-12-01 until 2023-12-31\n"
        "  source \"Källa\"\n"
        "  for each a in plan.aktiviteter where a.x\n"
        "  require present(a.motivering)\n"
        "  if missing skip\n"
        "  message \"M {a.id}\"\n";
    auto r = parse_clean(text);
    const auto& rule = decl_at<ast::RuleDecl>(r, 0);
    CHECK(sliced(text, rule.span) == text.substr(0, text.size() - 1));  // without the final newline
    CHECK(sliced(text, rule.id.span) == "HP-1");
    CHECK(sliced(text, rule.title.span) == "\"Titel\"");
    CHECK(sliced(text, rule.severity_span) == "severity   warning");
    CHECK(sliced(text, rule.mandatory_span) == "mandatory");
    CHECK(sliced(text, rule.in_force_span) == "in force from 2022-12-01 until 2023-12-31");
    REQUIRE(rule.in_force_from);
    REQUIRE(rule.in_force_until);
    CHECK(sliced(text, rule.in_force_from->span) == "2022-12-01");
    CHECK(sliced(text, rule.in_force_until->span) == "2023-12-31");
    REQUIRE(rule.source);
    CHECK(sliced(text, rule.source->span) == "\"Källa\"");
    REQUIRE(rule.for_each.size() == 1);
    CHECK(sliced(text, rule.for_each[0].span) == "for each a in plan.aktiviteter where a.x");
    CHECK(sliced(text, rule.for_each[0].collection.span) == "plan.aktiviteter");
    CHECK(sliced(text, rule.if_missing_span) == "if missing skip");
    REQUIRE(rule.message);
    CHECK(sliced(text, rule.message->span) == "\"M {a.id}\"");
    REQUIRE(rule.message->segments.size() == 2);
    CHECK(sliced(text, rule.message->segments[1].expr.span) == "a.id");
}

TEST_CASE("spans: override clauses", "[syntax][spans]") {
    const std::string text = "override HP-6.1\n  severity error\n  disabled\n";
    auto r = parse_clean(text);
    const auto& o = decl_at<ast::OverrideDecl>(r, 0);
    CHECK(sliced(text, o.target.span) == "HP-6.1");
    CHECK(sliced(text, o.severity_span) == "severity error");
    CHECK(sliced(text, o.disabled_span) == "disabled");
    CHECK(sliced(text, o.span) == "override HP-6.1\n  severity error\n  disabled");
}

TEST_CASE("spans: duplicate clauses point at the second clause", "[syntax][spans]") {
    struct Case {
        std::string text;
        std::string second;
    };
    for (const auto& c : std::vector<Case>{
             {"rule R \"t\"\n  severity error\n  require a\n  severity  warning\n", "severity  warning"},
             {"rule R \"t\"\n  mandatory\n  mandatory\n  require a\n", "mandatory"},
             {"rule R \"t\"\n  in force from 2022-01-01\n  in force until 2023-01-01\n  require a\n",
              "in force until 2023-01-01"},
             {"rule R \"t\"\n  require a\n  require b\n", "require b"},
             {"rule R \"t\"\n  require a\n  if missing pass\n  if missing fail\n", "if missing fail"},
             {"rule R \"t\"\n  require a\n  message \"x\"\n  message \"y\"\n", "message \"y\""},
             {"rule R \"t\"\n  source \"a\"\n  source \"b\"\n  require a\n", "source \"b\""},
             {"override R\n  disabled\n  disabled\n", "disabled"},
             {"ruleset a \"t\"\n  authority \"x\"\n  authority \"y\"\n", "authority \"y\""},
             {"test \"t\"\n  as of 2022-01-01\n  as of 2023-01-01\n  plan \"p.json\"\n  expect R\n", "as of 2023-01-01"},
         }) {
        INFO(c.text);
        auto d = file_error(c.text);
        CHECK(d.code == "duplicate-clause");
        CHECK(spelled(d) == c.second);
        CHECK(d.span.begin == c.text.rfind(c.second));
    }
}

TEST_CASE("spans: empty in force points at the clause", "[syntax][spans]") {
    const std::string text = "rule R \"t\"\n  in force\n  require a\n";
    auto d = file_error(text);
    CHECK(d.code == "empty-in-force");
    CHECK(spelled(d) == "in force");
}

TEST_CASE("spans: schema declarations and type references", "[syntax][spans]") {
    const std::string text =
        "type Plan {\n"
        "  a: list<Aktivitet>\n"
        "  b: date?\n"
        "  c: list<list<int>>?\n"
        "  d: string? sensitive\n"
        "}\n"
        "enum E { x, y }\n"
        "root plan: Plan\n"
        "define f(a: Aktivitet, n: int?) = a.n > n\n";
    auto r = parse_clean(text);
    const auto& rec = decl_at<ast::RecordDecl>(r, 0);
    REQUIRE(rec.fields.size() == 4);
    CHECK(sliced(text, rec.span) == text.substr(0, text.find("}\n") + 1));
    CHECK(sliced(text, rec.fields[0].span) == "a: list<Aktivitet>");
    CHECK(sliced(text, rec.fields[0].type.span) == "list<Aktivitet>");
    CHECK(sliced(text, rec.fields[0].type.args.at(0).span) == "Aktivitet");
    CHECK(sliced(text, rec.fields[1].type.span) == "date?");
    CHECK(sliced(text, rec.fields[2].type.span) == "list<list<int>>?");
    CHECK(sliced(text, rec.fields[2].type.args.at(0).span) == "list<int>");
    CHECK(sliced(text, rec.fields[3].span) == "d: string? sensitive");
    CHECK(sliced(text, rec.fields[3].type.span) == "string?");
    const auto& en = decl_at<ast::EnumDecl>(r, 1);
    CHECK(sliced(text, en.span) == "enum E { x, y }");
    CHECK(sliced(text, en.values.at(1).span) == "y");
    const auto& root = decl_at<ast::RootDecl>(r, 2);
    CHECK(sliced(text, root.span) == "root plan: Plan");
    const auto& def = decl_at<ast::DefineDecl>(r, 3);
    CHECK(sliced(text, def.span) == "define f(a: Aktivitet, n: int?) = a.n > n");
    CHECK(sliced(text, def.params.at(1).type.span) == "int?");
    CHECK(sliced(text, def.body.span) == "a.n > n");
}

TEST_CASE("spans: tests and expectations", "[syntax][spans]") {
    const std::string text = "test \"Namn\"\n  as of 2023-06-01\n  plan { \"id\": \"x\" }\n  expect HP-6.1 at \"/a\"\n  expect no R\n";
    auto r = parse_clean(text);
    const auto& t = decl_at<ast::TestDecl>(r, 0);
    CHECK(sliced(text, t.name.span) == "\"Namn\"");
    REQUIRE(t.as_of);
    CHECK(sliced(text, t.as_of->span) == "2023-06-01");
    REQUIRE(t.plan_inline);
    CHECK(sliced(text, *t.plan_inline) == "{ \"id\": \"x\" }");
    REQUIRE(t.expectations.size() == 2);
    CHECK(sliced(text, t.expectations[0].span) == "expect HP-6.1 at \"/a\"");
    CHECK(sliced(text, t.expectations[1].span) == "expect no R");
}

TEST_CASE("spans: syntax errors underline the whole offending token", "[syntax][spans]") {
    struct Case {
        std::string text;
        std::string token;
    };
    for (const auto& c : std::vector<Case>{
             {"a == b == c", "=="},
             {"a && b", "&&"},
             {"a || b", "||"},
             {"a <> b", "<>"},
             {"a => b", "=>"},
             {"!a", "!"},
             {"a = b", "="},
             {"(a", ""},  // end of input: an empty span at the end
         }) {
        INFO(c.text);
        auto d = expr_error(c.text);
        CHECK(spelled(d) == c.token);
        CHECK(d.span.begin == (c.token.empty() ? c.text.size() : c.text.rfind(c.token)));
    }
}

TEST_CASE("spans: blanks and comments after a construct are not part of it", "[syntax][spans]") {
    const std::string text =
        "type T {\n  a: int   # a comment with \"quotes\"\n  b: string?  # another\n}\n"
        "root plan: T   # the root\n"
        "rule R \"t # not a comment\"  # comment\n"
        "  require a   # trailing\n"
        "  # a comment line\n\n"
        "override Q\n  disabled  # gone\n";
    auto r = parse_clean(text);
    const auto& rec = decl_at<ast::RecordDecl>(r, 0);
    CHECK(sliced(text, rec.fields.at(0).span) == "a: int");
    CHECK(sliced(text, rec.fields.at(1).span) == "b: string?");
    CHECK(sliced(text, decl_at<ast::RootDecl>(r, 1).span) == "root plan: T");
    const auto& rule = decl_at<ast::RuleDecl>(r, 2);
    CHECK(sliced(text, rule.span) == "rule R \"t # not a comment\"  # comment\n  require a");
    CHECK(sliced(text, decl_at<ast::OverrideDecl>(r, 3).span) == "override Q\n  disabled");
}
