// Checker: defines. Order of definition, cycles, parameters and calls, duplicates,
// names that cannot be defined, and visibility across rule sets.

#include "check/check_helpers.hpp"

using namespace planrules;
using namespace planrules::test;
using namespace planrules::test::check_tests;

TEST_CASE("defines: a define may be used before it is defined", "[check][defines]") {
    auto c = check_body(
        "define b = a + 1\n"
        "define a = plan.version\n" +
        require_rule("senare > today") +
        "define senare = plan.sokande.inskrivningsdatum + 30 days\n");
    require_clean(c);
    CHECK(define_type(c, "b") == "int");
    CHECK(define_type(c, "senare") == "date");
}

TEST_CASE("defines: the type of a define is the type of its expression", "[check][defines]") {
    auto c = check_body(
        "define upprattad = plan.status == \"upprattad\"\n"
        "define sista_dag = plan.sokande.inskrivningsdatum + 30 days\n"
        "define namn = plan.id\n"
        "define lista = [1.5]\n"
        "define status = plan.status\n");
    require_clean(c);
    CHECK(define_type(c, "upprattad") == "bool");
    CHECK(define_type(c, "sista_dag") == "date");
    CHECK(define_type(c, "namn") == "string");
    CHECK(define_type(c, "lista") == "list<decimal>");
    CHECK(define_type(c, "status") == "PlanStatus");
    // ... and is used where the define is used
    auto d = only(check_body("define namn = plan.id\n" + require_rule("namn")), "not-a-condition");
    CHECK(spelled(d) == "namn");
}

TEST_CASE("defines: a define that refers to itself is define-cycle", "[check][defines]") {
    const std::string text = "define a = a + 1\n";
    auto d = only(check_body(text), "define-cycle");
    CHECK(spelled(d) == "a");
    CHECK(d.span.begin == std::string(header).size() + std::string("define ").size());
}

TEST_CASE("defines: two defines in a cycle are reported once", "[check][defines]") {
    const std::string text = "define a = b\ndefine b = a\n";
    auto c = check_body(text);
    auto d = only(c, "define-cycle");
    CHECK((spelled(d) == "a" || spelled(d) == "b"));
    // the span is a define's name, not a reference to it
    const std::string full = std::string(header) + text;
    CHECK((d.span.begin == full.find("a =") || d.span.begin == full.find("b =")));
}

TEST_CASE("defines: a cycle through calls of defines with parameters", "[check][defines]") {
    auto c = check_body(
        "define f(x: int) = g(x) + 1\n"
        "define g(x: int) = f(x) - 1\n");
    INFO(describe(c.diagnostics));
    CHECK(has_code(c.diagnostics, "define-cycle"));
    CHECK(error_codes(c.diagnostics) == std::vector<std::string>{"define-cycle"});
}

TEST_CASE("defines: a use of a cyclic define is not reported again", "[check][defines]") {
    auto c = check_body("define a = a\n" + require_rule("a"));
    auto d = only(c, "define-cycle");
    CHECK(spelled(d) == "a");
}

TEST_CASE("defines: parameters are typed and calls are checked against them", "[check][defines]") {
    const std::string defs = "define inom(d: date, dagar: int) = days_between(d, today) <= dagar\n";
    SECTION("a good call") {
        auto c = check_body(defs + "define ok = inom(plan.sokande.inskrivningsdatum, 365)\n");
        require_clean(c);
        CHECK(define_type(c, "ok") == "bool");
    }
    SECTION("arguments of the wrong types") {
        const std::string text = defs + "define fel = inom(30, plan.sokande.inskrivningsdatum)\n";
        auto c = check_body(text);
        auto ds = all_with(c, "type-mismatch");
        INFO(describe(c.diagnostics));
        REQUIRE(ds.size() == 2);
        REQUIRE(main_diagnostics(c.diagnostics).size() == 2);
        CHECK(spelled(ds[0]) == "30");
        CHECK(ds[0].message.find("argument 1 of 'inom'") != std::string::npos);
        CHECK(spelled(ds[1]) == "plan.sokande.inskrivningsdatum");
        CHECK(ds[1].message.find("argument 2 of 'inom'") != std::string::npos);
    }
}

TEST_CASE("defines: an int stands for a decimal parameter, an enum for a string", "[check][defines]") {
    auto c = check_body(
        "define halva(x: decimal) = x / 2\n"
        "define kort(s: string) = length(s) < 3\n"
        "define lista(xs: list<Aktivitet>) = count(xs)\n"
        "define a = halva(plan.version)\n"
        "define b = kort(plan.status)\n"
        "define c = lista(plan.aktiviteter) + lista([])\n");
    require_clean(c);
    CHECK(define_type(c, "a") == "decimal");
    CHECK(define_type(c, "c") == "int");
}

TEST_CASE("defines: a record parameter does not take another record", "[check][defines]") {
    auto d = only(check_body("define aktuell(a: Aktivitet) = a.status == \"pagaende\"\n"
                             "define f = any(u in plan.uppfoljningar where aktuell(u))\n"),
                  "type-mismatch");
    CHECK(spelled(d) == "u");
    CHECK(d.message.find("Aktivitet") != std::string::npos);
}

TEST_CASE("defines: two parameters with one name", "[check][defines]") {
    const std::string text = "define f(a: int, a: int) = a\n";
    auto d = only(check_body(text), "duplicate-parameter");
    CHECK(spelled(d) == "a");
    CHECK(d.span.begin == std::string(header).size() + text.find("a: int)"));  // the second
    CHECK(d.message.find("'f'") != std::string::npos);
}

TEST_CASE("defines: a call with the wrong number of arguments", "[check][defines]") {
    const std::string defs = "define inom(d: date, dagar: int) = days_between(d, today) <= dagar\n";
    auto d1 = only(check_body(defs + "define f = inom(today)\n"), "wrong-argument-count");
    CHECK(spelled(d1) == "inom(today)");
    CHECK(d1.message.find("2 argument(s), not 1") != std::string::npos);
    auto d2 = only(check_body(defs + "define f = inom(today, 1, 2)\n"), "wrong-argument-count");
    CHECK(spelled(d2) == "inom(today, 1, 2)");
}

TEST_CASE("defines: a define with parameters used without a call", "[check][defines]") {
    auto d = only(check_body("define aktuell(a: Aktivitet) = a.status == \"pagaende\"\n"
                             "define f = aktuell\n"),
                  "define-needs-arguments");
    CHECK(spelled(d) == "aktuell");
    CHECK(d.help == "call it: aktuell(…)");
}

TEST_CASE("defines: a define without parameters called with parentheses", "[check][defines]") {
    auto d = only(check_body("define upprattad = plan.status == \"upprattad\"\n"
                             "define f = upprattad()\n"),
                  "not-a-function");
    CHECK(spelled(d) == "upprattad()");
    CHECK(d.help == "write upprattad without parentheses");
}

TEST_CASE("defines: a name defined twice in one rule set", "[check][defines]") {
    const std::string text = "define x = 1\ndefine x = 2\n";
    auto c = check_body(text);
    auto d = only(c, "duplicate-define");
    CHECK(spelled(d) == "x");
    const std::string full = std::string(header) + text;
    CHECK(d.span.begin == full.find("x = 2"));
    const Diagnostic* n = find_code(c.diagnostics, "note");
    REQUIRE(n != nullptr);
    CHECK(n->span.begin == full.find("x = 1"));
}

TEST_CASE("defines: the same name in two unrelated rule sets is fine", "[check][defines]") {
    auto c = check_files({{"a.rules", "ruleset a \"A\"\ndefine x = 1\n"}, {"b.rules", "ruleset b \"B\"\ndefine x = \"s\"\n"}});
    require_clean(c);
}

TEST_CASE("defines: a define named like a built-in function or the root", "[check][defines]") {
    auto d1 = only(check_body("define length = 1\n"), "define-shadows");
    CHECK(spelled(d1) == "length");
    CHECK(d1.message.find("built-in function") != std::string::npos);
    auto d2 = first_with(check_body("define plan = 1\n"), "define-shadows");
    CHECK(spelled(d2) == "plan");
    CHECK(d2.message.find("the plan") != std::string::npos);
}

TEST_CASE("defines: a define of an extended rule set is visible, of another one not", "[check][defines]") {
    const File base{"bas.rules", "ruleset bas \"Bas\"\ndefine upprattad = plan.status == \"upprattad\"\n"};
    SECTION("extended") {
        require_clean(check_files({base, {"lager.rules", "ruleset lager \"Lager\"\n  extends bas\n"
                                                          "define f = not upprattad\n"}}));
    }
    SECTION("extended indirectly") {
        require_clean(check_files({base,
                                   {"mitt.rules", "ruleset mitt \"Mitt\"\n  extends bas\n"},
                                   {"topp.rules", "ruleset topp \"Topp\"\n  extends mitt\ndefine f = not upprattad\n"}}));
    }
    SECTION("not extended") {
        const std::string text = "ruleset annan \"Annan\"\ndefine f = not upprattad\n";
        auto d = only(check_files({base, {"annan.rules", text}}), "unknown-name");
        CHECK(d.file_name == "annan.rules");
        CHECK(spelled(d) == "upprattad");
        CHECK(d.span.begin == text.find("upprattad"));
    }
}

TEST_CASE("defines: a define in a file without a header is global", "[check][defines]") {
    require_clean(check_files({{"global.rules", "define upprattad = plan.status == \"upprattad\"\n"},
                               {"a.rules", "ruleset a \"A\"\ndefine f = not upprattad\n"},
                               {"b.rules", "ruleset b \"B\"\n" + rule("B-1", "  when upprattad")}}));
}

TEST_CASE("defines: the own rule set's define wins over an extended one's", "[check][defines]") {
    auto c = check_files({{"bas.rules", "ruleset bas \"Bas\"\ndefine x = 1\n"},
                          {"lager.rules", "ruleset lager \"Lager\"\n  extends bas\n"
                                          "define x = \"text\"\n"
                                          "define y = x + \"!\"\n"}});
    require_clean(c);
}

TEST_CASE("defines: the nearest extended rule set's define wins over a farther one's",
          "[check][defines]") {
    // `topp` sees mitt.x (string), not bas.x (int), although bas comes first in file order.
    auto c = check_files({{"a_bas.rules", "ruleset bas \"Bas\"\ndefine x = 1\n"},
                          {"b_mitt.rules", "ruleset mitt \"Mitt\"\n  extends bas\ndefine x = \"text\"\n"},
                          {"c_topp.rules", "ruleset topp \"Topp\"\n  extends mitt\ndefine y = x + \"!\"\n"}});
    require_clean(c);
}

TEST_CASE("defines: a parameter named like another define is not a cycle", "[check][defines]") {
    // In `a`, `b` is the parameter, not the define `b` (which calls `a`).
    auto c = check_body(
        "define b = a(1)\n"
        "define a(b: int) = b + 1\n");
    require_clean(c);
    CHECK(define_type(c, "b") == "int");
}

TEST_CASE("defines: an aggregate variable named like its own define is not a cycle", "[check][defines]") {
    // Inside the aggregate, `a` is its variable, not the define.
    auto c = check_body("define a = count(a in plan.aktiviteter where present(a.start))\n");
    require_clean(c);
    CHECK(define_type(c, "a") == "int");
}

TEST_CASE("defines: the list of an aggregate is outside its variable's scope", "[check][defines]") {
    // `xs in xs`: the second `xs` is the define (checked first), the variable only in the value
    auto c = check_body(
        "define senast = max(xs.start for xs in xs)\n"
        "define xs = plan.aktiviteter\n");
    require_clean(c);
    CHECK(define_type(c, "senast") == "date");
}

TEST_CASE("defines: a global name defined twice in two files", "[check][defines]") {
    auto c = check_files({{"g1.rules", "define x = 1\n"}, {"g2.rules", "define x = 2\n"}});
    auto d = only(c, "duplicate-define");
    CHECK(d.file_name == "g2.rules");
    CHECK(spelled(d) == "x");
    const Diagnostic* n = find_code(c.diagnostics, "note");
    REQUIRE(n != nullptr);
    CHECK(n->file_name == "g1.rules");
}

TEST_CASE("defines: a rule set may define a name that is also global", "[check][defines]") {
    auto c = check_files({{"global.rules", "define x = 1\n"},
                          {"a.rules", "ruleset a \"A\"\ndefine x = \"text\"\ndefine y = x + \"!\"\n"}});
    require_clean(c);
}
