// Checker: names and fields. Lookup of variables, the root and defines; field access on
// records, lists and other values; the scope of `for each`, `exists` and aggregate
// variables and of define parameters.

#include "check/check_helpers.hpp"

#include "diagnostics/codes.hpp"

using namespace planrules;
using namespace planrules::test;
using namespace planrules::test::check_tests;

TEST_CASE("names: valid field paths through records and optional records check clean", "[check][names]") {
    auto c = check_body(
        "define kommun = plan.sokande.kommun\n"
        "define niva = plan.stodbehov.niva\n"
        "define procent = plan.sokande.jobbchans.procent\n"
        "define kod = plan.sokande.funktionsnedsattning.kod\n");
    require_clean(c);
    CHECK(define_type(c, "kommun") == "string");
    CHECK(define_type(c, "niva") == "Stodniva");
    CHECK(define_type(c, "procent") == "decimal");
    CHECK(define_type(c, "kod") == "string");
}

TEST_CASE("names: unknown field with a did-you-mean suggestion", "[check][names]") {
    auto d = only(check_body("define kommun = plan.sokande.komun\n"), "unknown-field");
    CHECK(d.severity == DiagnosticSeverity::error);
    CHECK(spelled(d) == "komun");
    CHECK(d.help == "did you mean 'kommun'?");
    CHECK(d.message.find("Sokande") != std::string::npos);
}

TEST_CASE("names: unknown field far from every field has no suggestion", "[check][names]") {
    auto d = only(check_body("define x = plan.stodbehov.qqqqqqqqqq\n"), "unknown-field");
    CHECK(spelled(d) == "qqqqqqqqqq");
    // no did-you-mean: the code's own help
    CHECK(d.help == diagnostics::find_code("unknown-field")->help);
    CHECK(d.message.find("Stodbehov") != std::string::npos);
}

TEST_CASE("names: an error in a field path is reported once, at the first unknown field", "[check][names]") {
    // plan.sokande.komun.langd: the unknown 'komun' must not cascade into 'langd'
    auto d = only(check_body("define x = plan.sokande.komun.langd\n"), "unknown-field");
    CHECK(spelled(d) == "komun");
}

TEST_CASE("names: unknown name with a did-you-mean suggestion among defines", "[check][names]") {
    auto d = only(check_body("define upprattad = plan.status == \"upprattad\"\n"
                             "define klar = upratad\n"),
                  "unknown-name");
    CHECK(spelled(d) == "upratad");
    CHECK(d.help == "did you mean 'upprattad'?");
}

TEST_CASE("names: a plan field without the root gets a help that names the root", "[check][names]") {
    auto d = only(check_body("define k = sokande.kommun\n"), "unknown-name");
    CHECK(spelled(d) == "sokande");
    CHECK(d.help.find("plan.sokande") != std::string::npos);
}

TEST_CASE("names: without a schema the root is unknown and the help says so", "[check][names]") {
    auto c = compile_sources({source(std::string(header) + "define k = plan.id\n")});
    auto d = only(c, "unknown-name");
    CHECK(spelled(d) == "plan");
    CHECK(d.help.find("no schema is loaded") != std::string::npos);
}

TEST_CASE("names: a field of a string is member-of-non-record", "[check][names]") {
    auto d = only(check_body("define x = plan.id.langd\n"), "member-of-non-record");
    CHECK(spelled(d) == "langd");
    CHECK(d.message.find("string") != std::string::npos);
}

TEST_CASE("names: a field of an enum or date is member-of-non-record", "[check][names]") {
    auto d1 = only(check_body("define x = plan.status.kod\n"), "member-of-non-record");
    CHECK(spelled(d1) == "kod");
    auto d2 = only(check_body("define x = plan.sokande.inskrivningsdatum.year\n"), "member-of-non-record");
    CHECK(spelled(d2) == "year");
}

TEST_CASE("names: a field of a list is member-of-list", "[check][names]") {
    auto d = only(check_body("define motiveringar = plan.aktiviteter.motivering\n"), "member-of-list");
    CHECK(spelled(d) == "motivering");
    CHECK(d.help.find("for each") != std::string::npos);
}

TEST_CASE("names: for-each variables are visible in where, require, at and message", "[check][names]") {
    auto c = check_body(rule("T-1",
                             "  for each a in plan.aktiviteter where a.status == \"pagaende\"\n"
                             "  for each u in plan.uppfoljningar where u.datum >= a.start\n"
                             "  require present(u.form) and not blank(a.motivering)\n"
                             "  at u.form\n"
                             "  message \"Uppföljningen {u.datum} av {a.id} saknar form.\""));
    require_clean(c);
}

TEST_CASE("names: 'when' cannot see a for-each variable", "[check][names]") {
    const std::string text = rule("T-1",
                                  "  for each a in plan.aktiviteter\n"
                                  "  when a.status == \"planerad\"\n"
                                  "  require present(a.start)");
    auto d = only(check_body(text), "unknown-name");
    CHECK(spelled(d) == "a");
    // the 'a' of the when clause, not the variable declaration
    std::string full = std::string(header) + text;
    CHECK(d.span.begin == full.find("a.status"));
}

TEST_CASE("names: a for-each variable is not visible in another rule", "[check][names]") {
    auto c = check_body(rule("T-1", "  for each a in plan.aktiviteter\n  require present(a.start)") +
                        rule("T-2", "  require present(a.start)"));
    auto d = only(c, "unknown-name");
    CHECK(spelled(d) == "a");
}

TEST_CASE("names: a for-each variable named like the root is shadows-root", "[check][names]") {
    const std::string text = rule("T-1", "  for each plan in plan.aktiviteter");
    auto d = only(check_body(text), "shadows-root");
    CHECK(spelled(d) == "plan");
    std::string full = std::string(header) + text;
    CHECK(d.span.begin == full.find("plan in"));
}

TEST_CASE("names: a second for-each variable with the same name is shadows-variable", "[check][names]") {
    const std::string text = rule("T-1",
                                  "  for each a in plan.aktiviteter\n"
                                  "  for each a in plan.uppfoljningar");
    auto d = only(check_body(text), "shadows-variable");
    CHECK(spelled(d) == "a");
    std::string full = std::string(header) + text;
    CHECK(d.span.begin == full.find("a in plan.uppfoljningar"));
}

TEST_CASE("names: an exists variable inside a for-each with the same name is shadows-variable", "[check][names]") {
    const std::string text = rule("T-1",
                                  "  for each a in plan.aktiviteter\n"
                                  "  require exists a in plan.aktiviteter where a.status == \"pagaende\"");
    auto d = only(check_body(text), "shadows-variable");
    std::string full = std::string(header) + text;
    CHECK(spelled(d) == "a");
    CHECK(d.span.begin == full.find("a in plan.aktiviteter where"));
}

TEST_CASE("names: an exists variable is not visible after the exists", "[check][names]") {
    const std::string text = "define f = (exists a in plan.aktiviteter) and a.id == \"x\"\n";
    auto d = only(check_body(text), "unknown-name");
    CHECK(spelled(d) == "a");
    CHECK(d.span.begin == (std::string(header) + text).find("a.id"));
}

TEST_CASE("names: for-each over something that is not a list", "[check][names]") {
    auto d = only(check_body(rule("T-1", "  for each a in plan.stodbehov")), "for-each-not-list");
    CHECK(spelled(d) == "plan.stodbehov");
    CHECK(d.message.find("Stodbehov") != std::string::npos);
}

TEST_CASE("names: define parameters are visible in the body only", "[check][names]") {
    SECTION("in the body") {
        auto c = check_body("define aktuell(a: Aktivitet) = a.status in [\"planerad\", \"pagaende\"]\n");
        require_clean(c);
        CHECK(define_type(c, "aktuell") == "bool");
    }
    SECTION("not in another define") {
        const std::string text =
            "define aktuell(a: Aktivitet) = a.status == \"pagaende\"\n"
            "define x = a.status == \"pagaende\"\n";
        auto d = only(check_body(text), "unknown-name");
        CHECK(spelled(d) == "a");
        const std::string full = std::string(header) + text;
        CHECK(d.span.begin == full.find("a.status", full.find("define x")));
    }
    SECTION("not in a rule") {
        auto d = only(check_body("define aktuell(a: Aktivitet) = a.status == \"pagaende\"\n" +
                                 require_rule("a.status == \"pagaende\"")),
                      "unknown-name");
        CHECK(spelled(d) == "a");
    }
}

TEST_CASE("names: a parameter of an unknown type gets a suggestion", "[check][names]") {
    auto d = only(check_body("define f(a: Aktivitt) = true\n"), "unknown-type");
    CHECK(spelled(d) == "Aktivitt");
    CHECK(d.help == "did you mean 'Aktivitet'?");
}

TEST_CASE("names: a built-in function used without a call", "[check][names]") {
    auto d = only(check_body("define x = blank\n"), "function-without-call");
    CHECK(spelled(d) == "blank");
    CHECK(d.help.find("blank(string)") != std::string::npos);
}

TEST_CASE("names: unknown function with a did-you-mean suggestion", "[check][names]") {
    auto d = only(check_body("define f = blanc(plan.id)\n"), "unknown-function");
    CHECK(spelled(d) == "blanc");
    CHECK(d.help == "did you mean 'blank'?");
}

TEST_CASE("names: a define with parameters is suggested for a misspelled call", "[check][names]") {
    auto d = only(check_body("define aktuell(a: Aktivitet) = a.status == \"pagaende\"\n"
                             "define f = any(a in plan.aktiviteter where aktuel(a))\n"),
                  "unknown-function");
    CHECK(spelled(d) == "aktuel");
    CHECK(d.help == "did you mean 'aktuell'?");
}

TEST_CASE("names: a misspelled for-each variable gets a suggestion", "[check][names]") {
    const std::string text = rule("T-1", "  for each aktivitet in plan.aktiviteter\n  require present(aktivtet.start)");
    auto d = only(check_body(text), "unknown-name");
    CHECK(spelled(d) == "aktivtet");
    CHECK(d.help == "did you mean 'aktivitet'?");
}

TEST_CASE("names: a variable hides a define of the same name", "[check][names]") {
    // lookup order: variables before the root and defines
    auto c = check_body("define a = 1\n" +
                        rule("T-1", "  for each a in plan.aktiviteter\n  require not blank(a.motivering)"));
    require_clean(c);
}
