// Rule declarations: ids, title and every clause (severity, mandatory, sensitive,
// in force, source, tags, when, require, if missing, at, due, message), in any order.

#include "syntax/syntax_helpers.hpp"

using namespace planrules;
using namespace planrules::test;
using namespace planrules::test::syntax_tests;

namespace {

const std::string all_clauses =
    "rule HP-6.1 \"Bedömning av stödbehov\"\n"
    "  severity error\n"
    "  mandatory\n"
    "  sensitive\n"
    "  in force from 2022-12-01 until 2023-06-30\n"
    "  source \"Förordning (2000:628) 6 § första stycket 1\"\n"
    "  tags manual_review, halsa\n"
    "  when upprattad\n"
    "  require not blank(plan.stodbehov.bedomning)\n"
    "  if missing skip\n"
    "  at plan.stodbehov\n"
    "  due plan.upprattad_datum + 30 days\n"
    "  message \"Saknar bedömning för {plan.id}\"\n";

// The same clauses in reverse order.
const std::string reversed_clauses =
    "rule HP-6.1 \"Bedömning av stödbehov\"\n"
    "  message \"Saknar bedömning för {plan.id}\"\n"
    "  due plan.upprattad_datum + 30 days\n"
    "  at plan.stodbehov\n"
    "  if missing skip\n"
    "  require not blank(plan.stodbehov.bedomning)\n"
    "  when upprattad\n"
    "  tags manual_review, halsa\n"
    "  source \"Förordning (2000:628) 6 § första stycket 1\"\n"
    "  in force from 2022-12-01 until 2023-06-30\n"
    "  sensitive\n"
    "  mandatory\n"
    "  severity error\n";

void check_all_clauses(const std::string& text) {
    auto r = parse_clean(text);
    REQUIRE(r.file.decls.size() == 1);
    const auto& rule = decl_at<ast::RuleDecl>(r, 0);
    CHECK(rule.id.text == "HP-6.1");
    CHECK(sliced(text, rule.id.span) == "HP-6.1");
    CHECK(rule.title.value == "Bedömning av stödbehov");
    CHECK(sliced(text, rule.title.span) == "\"Bedömning av stödbehov\"");
    REQUIRE(rule.severity.has_value());
    CHECK(*rule.severity == ast::Severity::error);
    CHECK(rule.mandatory);
    CHECK(rule.sensitive);
    REQUIRE(rule.in_force_from.has_value());
    CHECK(rule.in_force_from->date == Date{2022, 12, 1});
    CHECK(sliced(text, rule.in_force_from->span) == "2022-12-01");
    REQUIRE(rule.in_force_until.has_value());
    CHECK(rule.in_force_until->date == Date{2023, 6, 30});
    CHECK(sliced(text, rule.in_force_until->span) == "2023-06-30");
    REQUIRE(rule.source.has_value());
    CHECK(rule.source->value == "Förordning (2000:628) 6 § första stycket 1");
    CHECK(sliced(text, rule.source->span) == "\"Förordning (2000:628) 6 § första stycket 1\"");
    REQUIRE(rule.tags.size() == 2);
    CHECK(rule.tags[0].text == "manual_review");
    CHECK(sliced(text, rule.tags[0].span) == "manual_review");
    CHECK(rule.tags[1].text == "halsa");
    CHECK(sliced(text, rule.tags[1].span) == "halsa");
    REQUIRE(rule.when.has_value());
    CHECK(shape(*rule.when) == "upprattad");
    CHECK(sliced(text, rule.when->span) == "upprattad");
    REQUIRE(rule.require.has_value());
    CHECK(shape(*rule.require) == "(not (call blank (. (. plan stodbehov) bedomning)))");
    CHECK(sliced(text, rule.require->children.at(0).children.at(0).span) == "plan.stodbehov.bedomning");
    REQUIRE(rule.if_missing.has_value());
    CHECK(*rule.if_missing == ast::MissingPolicy::skip);
    REQUIRE(rule.at.has_value());
    CHECK(shape(*rule.at) == "(. plan stodbehov)");
    CHECK(sliced(text, rule.at->span) == "plan.stodbehov");
    REQUIRE(rule.due.has_value());
    CHECK(shape(*rule.due) == "(+ (. plan upprattad_datum) 30 days)");
    CHECK(sliced(text, rule.due->span) == "plan.upprattad_datum + 30 days");
    REQUIRE(rule.message.has_value());
    CHECK(sliced(text, rule.message->span) == "\"Saknar bedömning för {plan.id}\"");
    REQUIRE(rule.message->segments.size() == 2);
    CHECK(rule.message->segments[0].text == "Saknar bedömning för ");
    CHECK(shape(rule.message->segments[1].expr) == "(. plan id)");
    CHECK(rule.for_each.empty());
}

}  // namespace

TEST_CASE("rule: every clause", "[syntax][rule]") { check_all_clauses(all_clauses); }

TEST_CASE("rule: clauses in any order", "[syntax][rule]") { check_all_clauses(reversed_clauses); }

TEST_CASE("rule: clauses may share a line", "[syntax][rule]") {
    const std::string text = "rule R \"t\" severity warning mandatory require x message \"m\"\n";
    auto r = parse_clean(text);
    const auto& rule = decl_at<ast::RuleDecl>(r, 0);
    REQUIRE(rule.severity);
    CHECK(*rule.severity == ast::Severity::warning);
    CHECK(rule.mandatory);
    REQUIRE(rule.require);
    CHECK(sliced(text, rule.require->span) == "x");
    REQUIRE(rule.message);
    CHECK(sliced(text, rule.message->span) == "\"m\"");
}

TEST_CASE("rule: only id and title; defaults", "[syntax][rule]") {
    const std::string text = "rule R \"Titel\"\n";
    auto r = parse_clean(text);
    const auto& rule = decl_at<ast::RuleDecl>(r, 0);
    CHECK(rule.id.text == "R");
    CHECK(rule.title.value == "Titel");
    CHECK_FALSE(rule.severity);
    CHECK_FALSE(rule.mandatory);
    CHECK_FALSE(rule.sensitive);
    CHECK_FALSE(rule.in_force_from);
    CHECK_FALSE(rule.in_force_until);
    CHECK_FALSE(rule.source);
    CHECK(rule.tags.empty());
    CHECK_FALSE(rule.when);
    CHECK(rule.for_each.empty());
    CHECK_FALSE(rule.require);
    CHECK_FALSE(rule.if_missing);
    CHECK_FALSE(rule.at);
    CHECK_FALSE(rule.due);
    CHECK_FALSE(rule.message);
}

TEST_CASE("rule: id forms", "[syntax][rule]") {
    for (std::string id : {"HP-6.1", "AF-30D", "K0180-EB-1", "HP-OLD.1", "R", "hp-1", "HP_6", "A1.B2-C3"}) {
        DYNAMIC_SECTION(id) {
            const std::string text = "rule " + id + " \"t\"\n";
            auto r = parse_clean(text);
            const auto& rule = decl_at<ast::RuleDecl>(r, 0);
            CHECK(rule.id.text == id);
            CHECK(sliced(text, rule.id.span) == id);
            CHECK(rule.title.value == "t");
        }
    }
}

TEST_CASE("rule: severities", "[syntax][rule]") {
    std::pair<const char*, ast::Severity> cases[] = {
        {"error", ast::Severity::error}, {"warning", ast::Severity::warning}, {"info", ast::Severity::info}};
    for (auto [word, sev] : cases) {
        DYNAMIC_SECTION(word) {
            auto r = parse_clean(std::string("rule R \"t\"\n  severity ") + word + "\n");
            const auto& rule = decl_at<ast::RuleDecl>(r, 0);
            REQUIRE(rule.severity);
            CHECK(*rule.severity == sev);
        }
    }
}

TEST_CASE("rule: if missing pass|fail|skip", "[syntax][rule]") {
    std::pair<const char*, ast::MissingPolicy> cases[] = {{"pass", ast::MissingPolicy::pass},
                                                          {"fail", ast::MissingPolicy::fail},
                                                          {"skip", ast::MissingPolicy::skip}};
    for (auto [word, policy] : cases) {
        DYNAMIC_SECTION(word) {
            auto r = parse_clean(std::string("rule R \"t\"\n  if missing ") + word + "\n");
            const auto& rule = decl_at<ast::RuleDecl>(r, 0);
            REQUIRE(rule.if_missing);
            CHECK(*rule.if_missing == policy);
        }
    }
}

TEST_CASE("rule: in force from only, until only, both", "[syntax][rule]") {
    const std::string text =
        "rule A \"t\"\n  in force from 2022-12-01\n"
        "rule B \"t\"\n  in force until 2021-01-31\n"
        "rule C \"t\"\n  in force from 2020-02-29 until 2022-11-30\n";
    auto r = parse_clean(text);
    REQUIRE(r.file.decls.size() == 3);
    const auto& a = decl_at<ast::RuleDecl>(r, 0);
    REQUIRE(a.in_force_from);
    CHECK(a.in_force_from->date == Date{2022, 12, 1});
    CHECK(sliced(text, a.in_force_from->span) == "2022-12-01");
    CHECK_FALSE(a.in_force_until);
    const auto& b = decl_at<ast::RuleDecl>(r, 1);
    CHECK_FALSE(b.in_force_from);
    REQUIRE(b.in_force_until);
    CHECK(b.in_force_until->date == Date{2021, 1, 31});
    CHECK(sliced(text, b.in_force_until->span) == "2021-01-31");
    const auto& c = decl_at<ast::RuleDecl>(r, 2);
    REQUIRE(c.in_force_from);
    REQUIRE(c.in_force_until);
    CHECK(c.in_force_from->date == Date{2020, 2, 29});
    CHECK(c.in_force_until->date == Date{2022, 11, 30});
    CHECK(c.in_force_until->span.begin == offset_of(text, "2022-11-30"));
}

TEST_CASE("rule: 'in' as a clause vs. 'in' as an operator", "[syntax][rule]") {
    // `require x in xs` ends the expression before `in force`.
    const std::string text = "rule R \"t\"\n  require x in xs\n  in force from 2022-12-01\n";
    auto r = parse_clean(text);
    const auto& rule = decl_at<ast::RuleDecl>(r, 0);
    REQUIRE(rule.require);
    CHECK(shape(*rule.require) == "(in x xs)");
    CHECK(sliced(text, rule.require->span) == "x in xs");
    REQUIRE(rule.in_force_from);
    CHECK(rule.in_force_from->date == Date{2022, 12, 1});
}

TEST_CASE("rule: tags clause may repeat and accumulates", "[syntax][rule]") {
    const std::string text = "rule R \"t\"\n  tags a\n  tags b, c\n";
    auto r = parse_clean(text);
    const auto& rule = decl_at<ast::RuleDecl>(r, 0);
    REQUIRE(rule.tags.size() == 3);
    CHECK(rule.tags[0].text == "a");
    CHECK(rule.tags[1].text == "b");
    CHECK(rule.tags[2].text == "c");
    CHECK(sliced(text, rule.tags[2].span) == "c");
}

TEST_CASE("rule: the bundled rules have the expected clauses", "[syntax][rule]") {
    const std::string text = read_file(source_dir() + "/rules/af/forordning.rules");
    auto r = parse_clean(text);
    const ast::RuleDecl* hp61 = nullptr;
    for (const auto& d : r.file.decls)
        if (auto* rule = std::get_if<ast::RuleDecl>(&d); rule && rule->id.text == "HP-6.1") hp61 = rule;
    REQUIRE(hp61);
    CHECK(hp61->mandatory);
    REQUIRE(hp61->severity);
    CHECK(*hp61->severity == ast::Severity::error);
    REQUIRE(hp61->when);
    CHECK(sliced(text, hp61->when->span) == "upprattad");
    REQUIRE(hp61->at);
    CHECK(sliced(text, hp61->at->span) == "plan.stodbehov");
}

// ---------------------------------------------------------------- errors

TEST_CASE("rule: duplicate clauses", "[syntax][rule][errors]") {
    struct Case {
        const char* clauses;
        const char* name;
    };
    Case cases[] = {
        {"  severity error\n  severity info\n", "severity"},
        {"  mandatory\n  mandatory\n", "mandatory"},
        {"  sensitive\n  sensitive\n", "sensitive"},
        {"  in force from 2022-01-01\n  in force until 2023-01-01\n", "in force"},
        {"  source \"a\"\n  source \"b\"\n", "source"},
        {"  when a\n  when b\n", "when"},
        {"  require a\n  require b\n", "require"},
        {"  if missing skip\n  if missing pass\n", "if missing"},
        {"  at x\n  at y\n", "at"},
        {"  due x\n  due y\n", "due"},
        {"  message \"a\"\n  message \"b\"\n", "message"},
    };
    for (auto& c : cases) {
        DYNAMIC_SECTION(c.name) {
            auto r = parse(std::string("rule R \"t\"\n") + c.clauses);
            INFO(describe(r.diagnostics));
            REQUIRE(r.diagnostics.size() == 1);
            CHECK(r.diagnostics[0].code == "duplicate-clause");
            CHECK(r.diagnostics[0].severity == DiagnosticSeverity::error);
            CHECK(r.diagnostics[0].message == fmt::format("'{}' is given twice", c.name));
            // the rule is still in the AST
            CHECK(decl_at<ast::RuleDecl>(r, 0).id.text == "R");
        }
    }
}

TEST_CASE("rule: unknown severity", "[syntax][rule][errors]") {
    const std::string text = "rule R \"t\"\n  severity fatal\n";
    auto d = file_error(text);
    CHECK(d.code == "syntax-error");
    CHECK(spelled(d) == "fatal");
    CHECK(d.span.begin == offset_of(text, "fatal"));
    CHECK_THAT(d.message, Catch::Contains("severity (error, warning or info)"));
}

TEST_CASE("rule: misspelt severity gets a suggestion", "[syntax][rule][errors]") {
    const std::string text = "rule R \"t\"\n  severity eror\n";
    auto d = file_error(text);
    CHECK(d.code == "syntax-error");
    CHECK(spelled(d) == "eror");
    CHECK_THAT(d.help, Catch::Contains("did you mean 'error'?"));
}

TEST_CASE("rule: unknown if-missing policy", "[syntax][rule][errors]") {
    const std::string text = "rule R \"t\"\n  if missing ignore\n";
    auto d = file_error(text);
    CHECK(d.code == "syntax-error");
    CHECK(spelled(d) == "ignore");
    CHECK_THAT(d.message, Catch::Contains("'pass', 'fail' or 'skip'"));
}

TEST_CASE("rule: 'in force' without dates", "[syntax][rule][errors]") {
    auto r = parse("rule R \"t\"\n  in force\n");
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].code == "empty-in-force");
}

TEST_CASE("rule: 'in force until' without a date", "[syntax][rule][errors]") {
    const std::string text = "rule R \"t\"\n  in force from 2022-12-01 until\n";
    auto d = file_error(text);
    CHECK(d.code == "syntax-error");
    CHECK(d.span.begin == text.size());
    CHECK_THAT(d.message, Catch::Contains("a date (YYYY-MM-DD)"));
}

TEST_CASE("rule: date in quotes", "[syntax][rule][errors]") {
    const std::string text = "rule R \"t\"\n  in force from \"2022-01-01\"\n";
    auto d = file_error(text);
    CHECK(d.code == "syntax-error");
    CHECK(d.span.begin == offset_of(text, "\"2022"));
    CHECK_THAT(d.help, Catch::Contains("without quotes"));
}

TEST_CASE("rule: 'from' before 'until' only", "[syntax][rule][errors]") {
    const std::string text = "rule R \"t\"\n  in force until 2022-12-01 from 2021-01-01\n";
    auto d = file_error(text);
    CHECK(d.code == "syntax-error");
    CHECK(spelled(d) == "from");
    CHECK_THAT(d.help, Catch::Contains("in force from DATE until DATE"));
}

TEST_CASE("rule: misspelt clause keyword gets a suggestion", "[syntax][rule][errors]") {
    const std::string text = "rule R \"t\"\n  requires x\n";
    auto d = file_error(text);
    CHECK(d.code == "syntax-error");
    CHECK(spelled(d) == "requires");
    CHECK(d.span.begin == offset_of(text, "requires"));
    CHECK_THAT(d.message, Catch::Contains("rule clause"));
    CHECK_THAT(d.help, Catch::Contains("'require'"));
}

TEST_CASE("rule: keyword glued to another word is not a clause", "[syntax][rule][errors]") {
    const std::string text = "rule R \"t\"\n  mandatoryx\n";
    auto d = file_error(text);
    CHECK(d.code == "syntax-error");
    CHECK(spelled(d) == "mandatoryx");
}

TEST_CASE("rule: missing title", "[syntax][rule][errors]") {
    const std::string text = "rule R\n  severity error\n";
    auto d = file_error(text);
    CHECK(d.code == "syntax-error");
    CHECK(spelled(d) == "severity");
    CHECK_THAT(d.message, Catch::Contains("title in quotes"));
    CHECK_THAT(d.help, Catch::Contains("rule R-1.2 \""));
}

TEST_CASE("rule: invalid id", "[syntax][rule][errors]") {
    for (std::string bad : {"6.1", "-R"}) {
        DYNAMIC_SECTION(bad) {
            const std::string text = "rule " + bad + " \"t\"\n";
            auto d = file_error(text);
            CHECK(d.code == "syntax-error");
            CHECK(d.span.begin == 5);
            CHECK_THAT(d.message, Catch::Contains("a rule id"));
            CHECK_THAT(d.help, Catch::Contains("R-1.2"));
        }
    }
}

TEST_CASE("rule: clause without its expression", "[syntax][rule][errors]") {
    for (std::string clause : {"when", "require", "at", "due"}) {
        DYNAMIC_SECTION(clause) {
            const std::string text = "rule R \"t\"\n  " + clause + "\n";
            auto d = file_error(text);
            CHECK(d.code == "syntax-error");
            CHECK(d.span.begin == text.size());
            CHECK_THAT(d.message, Catch::Contains("expected an expression"));
        }
    }
}

TEST_CASE("rule: source without quotes", "[syntax][rule][errors]") {
    const std::string text = "rule R \"t\"\n  source Forordning\n";
    auto d = file_error(text);
    CHECK(d.code == "syntax-error");
    CHECK(spelled(d) == "Forordning");
    CHECK_THAT(d.message, Catch::Contains("string in quotes"));
}
