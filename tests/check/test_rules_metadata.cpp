// Checker: rule metadata. Required and recommended clauses, titles and sources, rule ids
// unique across files, in force periods, tags, `at`, `due` and message interpolations.

#include "check/check_helpers.hpp"

using namespace planrules;
using namespace planrules::test;
using namespace planrules::test::check_tests;

namespace {

// Offset of `needle` in the file the test body becomes (header + body).
std::uint32_t at_in_file(const std::string& body, std::string_view needle, std::size_t from = 0) {
    const std::string full = std::string(header) + body;
    auto p = full.find(needle, from);
    REQUIRE(p != std::string::npos);
    return static_cast<std::uint32_t>(p);
}

}  // namespace

TEST_CASE("rules: a complete rule checks clean", "[check][rules]") {
    require_clean(check_body(
        "define aktuell(a: Aktivitet) = a.status in [\"planerad\", \"pagaende\"]\n"
        "rule EX-6.3 \"Arbetsmarknadspolitiskt motiverade aktiviteter\"\n"
        "  severity error\n"
        "  mandatory\n"
        "  sensitive\n"
        "  in force from 2022-12-01 until 2030-12-31\n"
        "  source \"Förordning (2000:628) 6 § andra stycket\"\n"
        "  tags manual_review, kvalitet\n"
        "  tags motivering\n"
        "  when plan.status == \"upprattad\"\n"
        "  for each a in plan.aktiviteter where aktuell(a)\n"
        "  require not blank(a.motivering)\n"
        "  if missing fail\n"
        "  at a.motivering\n"
        "  due plan.sokande.inskrivningsdatum + 30 days\n"
        "  message \"Aktiviteten {a.id} ({a.typ}) saknar motivering.\"\n"));
}

TEST_CASE("rules: a rule without require is missing-require at the rule id", "[check][rules]") {
    const std::string body =
        "rule EX-X \"Ofullständig regel\"\n"
        "  severity error\n"
        "  source \"Exempel\"\n"
        "  message \"Regeln saknar require.\"\n";
    auto d = only(check_body(body), "missing-require");
    CHECK(d.severity == DiagnosticSeverity::error);
    CHECK(spelled(d) == "EX-X");
    CHECK(d.span.begin == at_in_file(body, "EX-X"));
    CHECK(d.help.find("require CONDITION") != std::string::npos);
}

TEST_CASE("rules: a rule without severity is missing-severity", "[check][rules]") {
    const std::string body =
        "rule EX-S \"Utan allvarlighetsgrad\"\n"
        "  source \"Exempel\"\n"
        "  require true\n"
        "  message \"x\"\n";
    auto d = only(check_body(body), "missing-severity");
    CHECK(d.severity == DiagnosticSeverity::error);
    CHECK(spelled(d) == "EX-S");
}

TEST_CASE("rules: a rule without message or source gets warnings only", "[check][rules]") {
    const std::string body =
        "rule EX-W \"Utan meddelande och källa\"\n"
        "  severity info\n"
        "  require true\n";
    auto c = check_body(body);
    INFO(describe(c.diagnostics));
    REQUIRE(main_diagnostics(c.diagnostics).size() == 2);
    CHECK_FALSE(has_errors(c.diagnostics));
    auto m = first_with(c, "missing-message");
    CHECK(m.severity == DiagnosticSeverity::warning);
    CHECK(spelled(m) == "EX-W");
    auto s = first_with(c, "missing-source");
    CHECK(s.severity == DiagnosticSeverity::warning);
    CHECK(spelled(s) == "EX-W");
    CHECK(s.help.find("source \"") != std::string::npos);
    // a compilation with warnings only gives a program
    CHECK(to_expected(check_body(body)).has_value());
}

TEST_CASE("rules: an empty source is an error at the string", "[check][rules]") {
    const std::string body =
        "rule EX-E \"Tom källa\"\n"
        "  severity info\n"
        "  source \"\"\n"
        "  require true\n"
        "  message \"x\"\n";
    auto d = only(check_body(body), "empty-source");
    CHECK(spelled(d) == "\"\"");
}

TEST_CASE("rules: an empty rule title is empty-title", "[check][rules]") {
    const std::string body = "rule EX-T \"\"\n  severity info\n  source \"s\"\n  require true\n  message \"x\"\n";
    auto d = only(check_body(body), "empty-title");
    CHECK(spelled(d) == "\"\"");
    CHECK(d.message.find("EX-T") != std::string::npos);
}

TEST_CASE("rules: the same rule id twice in one file", "[check][rules]") {
    const std::string body = rule("EX-DUP", "") + rule("EX-DUP", "");
    auto c = check_body(body);
    auto d = only(c, "duplicate-rule-id");
    CHECK(spelled(d) == "EX-DUP");
    CHECK(d.span.begin == at_in_file(body, "EX-DUP", at_in_file(body, "EX-DUP") + 1));
    const Diagnostic* n = find_code(c.diagnostics, "note");
    REQUIRE(n != nullptr);
    CHECK(n->span.begin == at_in_file(body, "EX-DUP"));
}

TEST_CASE("rules: rule ids are unique across files and rule sets", "[check][rules]") {
    const std::string a = "ruleset a \"A\"\n" + rule("GEM-1", "");
    const std::string b = "ruleset b \"B\"\n" + rule("GEM-1", "");
    auto c = check_files({{"a.rules", a}, {"b.rules", b}});
    auto d = only(c, "duplicate-rule-id");
    CHECK(d.file_name == "b.rules");
    CHECK(spelled(d) == "GEM-1");
    CHECK(d.span.begin == b.find("GEM-1"));
    CHECK(d.help.find("override") != std::string::npos);
    // the note points at the first definition, in the other file
    const Diagnostic* n = find_code(c.diagnostics, "note");
    REQUIRE(n != nullptr);
    CHECK(n->file_name == "a.rules");
    CHECK(spelled(*n) == "GEM-1");
}

TEST_CASE("rules: in force until before from is empty-in-force over the clause", "[check][rules]") {
    const std::string body = rule("EX-F", "  in force from 2024-01-01 until 2023-12-31");
    auto d = only(check_body(body), "empty-in-force");
    CHECK(spelled(d) == "in force from 2024-01-01 until 2023-12-31");
    CHECK(d.message.find("2023-12-31") != std::string::npos);
}

TEST_CASE("rules: in force periods that are not empty check clean", "[check][rules]") {
    require_clean(check_body(rule("EX-1", "  in force from 2024-01-01 until 2024-01-01") +
                             rule("EX-2", "  in force until 2022-11-30") +
                             rule("EX-3", "  in force from 2022-12-01") +
                             rule("EX-4", "  in force from 2020-02-29 until 2030-12-31")));
}

TEST_CASE("rules: a tag given twice is a warning at the second tag", "[check][rules]") {
    const std::string body = rule("EX-TAG", "  tags kvalitet, manual_review\n  tags kvalitet");
    auto d = only(check_body(body), "duplicate-tag");
    CHECK(d.severity == DiagnosticSeverity::warning);
    CHECK(spelled(d) == "kvalitet");
    CHECK(d.span.begin == at_in_file(body, "kvalitet", at_in_file(body, "kvalitet") + 1));
}

TEST_CASE("rules: 'at' needs a field path", "[check][rules]") {
    SECTION("paths from the root and from a variable") {
        require_clean(check_body(rule("EX-1", "  at plan.stodbehov") +
                                 rule("EX-2", "  for each a in plan.aktiviteter\n  at a.motivering") +
                                 rule("EX-3", "  for each a in plan.aktiviteter\n  at a") +
                                 rule("EX-4", "  at plan")));
    }
    SECTION("an aggregate") {
        auto d = only(check_body(rule("EX-X", "  require count(plan.aktiviteter) > 0\n  at count(plan.aktiviteter)")),
                      "at-not-path");
        CHECK(spelled(d) == "count(plan.aktiviteter)");
    }
    SECTION("a literal") {
        auto d = only(check_body(rule("EX-X", "  at \"/stodbehov\"")), "at-not-path");
        CHECK(spelled(d) == "\"/stodbehov\"");
    }
    SECTION("an unknown field in the path") {
        auto d = only(check_body(rule("EX-X", "  at plan.stodbehv")), "unknown-field");
        CHECK(spelled(d) == "stodbehv");
        CHECK(d.help == "did you mean 'stodbehov'?");
    }
}

TEST_CASE("rules: 'at' of a define is not a field path", "[check][rules]") {
    // The path starts at the root or at a 'for each' variable, never at a define.
    const std::string body = "define sb = plan.stodbehov\n" + rule("EX-X", "  at sb");
    auto d = only(check_body(body), "at-not-path");
    CHECK(spelled(d) == "sb");
}

TEST_CASE("rules: 'due' needs a date", "[check][rules]") {
    require_clean(check_body(rule("EX-1", "  due plan.sokande.inskrivningsdatum + 30 days")));
    auto d = only(check_body(rule("EX-X", "  due 30 days")), "type-mismatch");
    CHECK(spelled(d) == "30 days");
    CHECK(d.message.find("'due'") != std::string::npos);
}

TEST_CASE("rules: messages show values, not records or lists", "[check][rules]") {
    SECTION("printable values") {
        require_clean(check_body(rule(
            "EX-1",
            "  for each a in plan.aktiviteter\n"
            "  message \"{a.id} {a.status} {a.start} {plan.version} {plan.sokande.jobbchans.procent} {30 days} "
            "{blank(a.motivering)} {count(plan.aktiviteter)} {if blank(a.motivering) then \"x\" else \"y\"}\"")));
    }
    SECTION("a record") {
        auto d = only(check_body(rule("EX-X", "  message \"Stödbehov: {plan.stodbehov}\"")), "unprintable");
        CHECK(spelled(d) == "plan.stodbehov");
        CHECK(d.help.find("field") != std::string::npos);
    }
    SECTION("a list") {
        auto d = only(check_body(rule("EX-X", "  message \"Aktiviteter: {plan.aktiviteter}.\"")), "unprintable");
        CHECK(spelled(d) == "plan.aktiviteter");
        CHECK(d.help.find("count(") != std::string::npos);
    }
}

TEST_CASE("rules: message interpolations are checked like expressions", "[check][rules]") {
    const std::string body = rule("EX-X", "  for each a in plan.aktiviteter\n  message \"Aktiviteten {a.idd} saknas\"");
    auto d = only(check_body(body), "unknown-field");
    CHECK(spelled(d) == "idd");
    CHECK(d.span.begin == at_in_file(body, "idd"));
    CHECK(d.help == "did you mean 'id'?");
}

TEST_CASE("rules: a rule in a file without a rule set header", "[check][rules]") {
    const std::string text = rule("EX-O", "");
    auto d = only(check_files({{"los.rules", text}}), "rule-outside-ruleset");
    CHECK(spelled(d) == "EX-O");
    CHECK(d.file_name == "los.rules");
}

TEST_CASE("rules: a rule set with an empty title", "[check][rules]") {
    auto d = only(check_files({{"a.rules", "ruleset a \"\"\n"}}), "empty-title");
    CHECK(spelled(d) == "\"\"");
}

TEST_CASE("rules: several problems of one rule are all reported", "[check][rules]") {
    // no severity, no require, no message, no source: two errors and two warnings
    auto c = check_body("rule EX-N \"Naken\"\n");
    INFO(describe(c.diagnostics));
    auto ds = main_diagnostics(c.diagnostics);
    REQUIRE(ds.size() == 4);
    for (const auto& d : ds) CHECK(spelled(d) == "EX-N");
    CHECK(has_code(c.diagnostics, "missing-severity"));
    CHECK(has_code(c.diagnostics, "missing-require"));
    CHECK(has_code(c.diagnostics, "missing-message"));
    CHECK(has_code(c.diagnostics, "missing-source"));
    CHECK(count_severity(c.diagnostics, DiagnosticSeverity::error) == 2);
}
