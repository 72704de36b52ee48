// Checker: rule sets and layering. extends (unknown, itself, cycles), override (unknown
// rule, own rule, rule of a rule set not extended, duplicates, empty overrides), the
// protection of mandatory rules, the scope of an override's message, and applies when.

#include "check/check_helpers.hpp"

#if defined(__unix__) || defined(__APPLE__)
#include <csignal>
#include <cstdio>
#include <sys/wait.h>
#include <unistd.h>
#define PLANRULES_CAN_FORK 1
#endif

using namespace planrules;
using namespace planrules::test;
using namespace planrules::test::check_tests;

namespace {

// A base rule set: BAS-1 mandatory error, BAS-2 optional warning with a for each,
// BAS-3 mandatory warning.
const File bas{"bas.rules",
               "ruleset bas \"Bas\"\n"
               "define aktuell(a: Aktivitet) = a.status in [\"planerad\", \"pagaende\"]\n"
               "rule BAS-1 \"Obligatorisk, fel\"\n"
               "  severity error\n"
               "  mandatory\n"
               "  source \"s\"\n"
               "  require present(plan.stodbehov)\n"
               "  message \"m\"\n"
               "rule BAS-2 \"Valfri, varning\"\n"
               "  severity warning\n"
               "  source \"s\"\n"
               "  for each a in plan.aktiviteter where aktuell(a)\n"
               "  require not blank(a.motivering)\n"
               "  message \"Aktiviteten {a.id} saknar motivering\"\n"
               "rule BAS-3 \"Obligatorisk, varning\"\n"
               "  severity warning\n"
               "  mandatory\n"
               "  source \"s\"\n"
               "  require true\n"
               "  message \"m\"\n"};

const std::string lager_header = "ruleset lager \"Lager\"\n  extends bas\n";

// Compiles the base rule set with a layer `lager` whose text follows `lager_header`.
Compilation layer(const std::string& body) { return check_files({bas, {"lager.rules", lager_header + body}}); }

std::uint32_t offset_in(const std::string& text, std::string_view needle, std::size_t from = 0) {
    auto p = text.find(needle, from);
    REQUIRE(p != std::string::npos);
    return static_cast<std::uint32_t>(p);
}

}  // namespace

TEST_CASE("layering: a layer that tightens, re-words and disables what it may checks clean", "[check][layering]") {
    require_clean(layer(
        "  applies when plan.sokande.kommun == \"0180\"\n"
        "override BAS-1\n  message \"Nytt meddelande\"\n"
        "override BAS-2\n  severity error\n  message \"Aktiviteten {a.id}: se överenskommelsen\"\n"
        "override BAS-3 severity error\n"));
    require_clean(layer("override BAS-2 disabled\n"));
    require_clean(layer("override BAS-2 severity info\n"));
}

TEST_CASE("layering: a layer uses the defines of the rule set it extends", "[check][layering]") {
    require_clean(layer(rule("LAG-1", "  require count(a in plan.aktiviteter where aktuell(a)) >= 2")));
}

TEST_CASE("layering: extends of an unknown rule set, with a suggestion", "[check][layering]") {
    const std::string text = "ruleset lager \"Lager\"\n  extends bass\n";
    auto d = only(check_files({bas, {"lager.rules", text}}), "unknown-ruleset");
    CHECK(d.file_name == "lager.rules");
    CHECK(spelled(d) == "bass");
    CHECK(d.help == "did you mean 'bas'?");
}

TEST_CASE("layering: extends of the rule set itself", "[check][layering]") {
    const std::string text = "ruleset lager \"Lager\"\n  extends bas, lager\n";
    auto d = only(check_files({bas, {"lager.rules", text}}), "extends-itself");
    CHECK(spelled(d) == "lager");
    CHECK(d.span.begin == offset_in(text, "lager", offset_in(text, "bas")));
}

TEST_CASE("layering: a cycle of extends is reported for each rule set in it", "[check][layering]") {
    const std::string a = "ruleset a \"A\"\n  extends b\n";
    const std::string b = "ruleset b \"B\"\n  extends a\n";
    auto c = check_files({{"a.rules", a}, {"b.rules", b}});
    auto ds = main_diagnostics(c.diagnostics);
    INFO(describe(c.diagnostics));
    REQUIRE(ds.size() == 2);
    CHECK(ds[0].code == "extends-cycle");
    CHECK(ds[0].file_name == "a.rules");
    CHECK(spelled(ds[0]) == "a");
    CHECK(ds[0].span.begin == a.find("a \"A\""));
    CHECK(ds[1].code == "extends-cycle");
    CHECK(ds[1].file_name == "b.rules");
    CHECK(spelled(ds[1]) == "b");
}

TEST_CASE("layering: a longer cycle, and a rule set that only extends a cycle", "[check][layering]") {
    auto c = check_files({{"a.rules", "ruleset a \"A\"\n  extends b\n"},
                          {"b.rules", "ruleset b \"B\"\n  extends c\n"},
                          {"c.rules", "ruleset c \"C\"\n  extends a\n"},
                          {"d.rules", "ruleset d \"D\"\n  extends a\n"}});
    INFO(describe(c.diagnostics));
    auto ds = all_with(c, "extends-cycle");
    REQUIRE(ds.size() == 3);
    REQUIRE(main_diagnostics(c.diagnostics).size() == 3);
    CHECK(spelled(ds[0]) == "a");
    CHECK(spelled(ds[1]) == "b");
    CHECK(spelled(ds[2]) == "c");
}

TEST_CASE("layering: override of an unknown rule, with a suggestion", "[check][layering]") {
    const std::string body = "override BAS-22 severity error\n";
    auto d = only(layer(body), "unknown-rule");
    CHECK(spelled(d) == "BAS-22");
    CHECK(d.help == "did you mean 'BAS-2'?");
}

TEST_CASE("layering: override of a rule of a rule set that is not extended", "[check][layering]") {
    const std::string text = "ruleset annan \"Annan\"\noverride BAS-2 message \"Ange en motivering.\"\n";
    auto d = only(check_files({bas, {"annan.rules", text}}), "override-not-extended");
    CHECK(d.file_name == "annan.rules");
    CHECK(spelled(d) == "BAS-2");
    CHECK(d.help == "add 'extends bas' to the rule set header");
}

TEST_CASE("layering: override through an indirect extends is allowed", "[check][layering]") {
    require_clean(check_files({bas,
                               {"mitt.rules", "ruleset mitt \"Mitt\"\n  extends bas\n"},
                               {"topp.rules", "ruleset topp \"Topp\"\n  extends mitt\noverride BAS-2 severity error\n"}}));
}

TEST_CASE("layering: override of a rule of the same rule set", "[check][layering]") {
    const std::string body = rule("LAG-1", "") + "override LAG-1 severity warning\n";
    auto d = only(layer(body), "override-own-rule");
    CHECK(spelled(d) == "LAG-1");
    CHECK(d.span.begin == offset_in(lager_header + body, "LAG-1", offset_in(lager_header + body, "override")));
}

TEST_CASE("layering: disabling a mandatory rule is relaxes-mandatory", "[check][layering]") {
    const std::string body = "override BAS-1 disabled\n";
    auto d = only(layer(body), "relaxes-mandatory");
    CHECK(d.severity == DiagnosticSeverity::error);
    CHECK(spelled(d) == "disabled");
    CHECK(d.message.find("BAS-1") != std::string::npos);
    auto d2 = only(layer("override BAS-3\n  disable\n"), "relaxes-mandatory");
    CHECK(spelled(d2) == "disable");
}

TEST_CASE("layering: lowering the severity of a mandatory rule is relaxes-mandatory", "[check][layering]") {
    auto d1 = only(layer("override BAS-1 severity warning\n"), "relaxes-mandatory");
    CHECK(spelled(d1) == "severity warning");
    CHECK(d1.message.find("from error to warning") != std::string::npos);
    auto d2 = only(layer("override BAS-1\n  severity info\n"), "relaxes-mandatory");
    CHECK(spelled(d2) == "severity info");
    auto d3 = only(layer("override BAS-3 severity info\n"), "relaxes-mandatory");
    CHECK(spelled(d3) == "severity info");
}

TEST_CASE("layering: disabling and lowering a mandatory rule in one override gives two errors", "[check][layering]") {
    auto c = layer("override BAS-1\n  severity info\n  disabled\n");
    auto ds = all_with(c, "relaxes-mandatory");
    INFO(describe(c.diagnostics));
    REQUIRE(ds.size() == 2);
    REQUIRE(main_diagnostics(c.diagnostics).size() == 2);
}

TEST_CASE("layering: the reference's relaxes-mandatory examples against af.forordning", "[check][layering]") {
    const File forordning{"af/forordning.rules", read_file(source_dir() + "/rules/af/forordning.rules")};
    const std::string head = "ruleset kommun.0180 \"Stockholms stad\"\n  extends af.forordning\n\n";
    auto d1 = only(check_files({forordning, {"kommun/0180.rules", head + "override HP-6.1 disabled\n"}}),
                   "relaxes-mandatory");
    CHECK(spelled(d1) == "disabled");
    auto d2 = only(check_files({forordning, {"kommun/0180.rules", head + "override HP-6.2 severity warning\n"}}),
                   "relaxes-mandatory");
    CHECK(spelled(d2) == "severity warning");
    require_clean(check_files({forordning, {"kommun/0180.rules", head + "override HP-6.3\n  message "
                                                                        "\"Aktiviteten {a.id} saknar motivering.\"\n"}}));
}

TEST_CASE("layering: setting the severity a rule already has is a warning", "[check][layering]") {
    auto d = only(layer("override BAS-2 severity warning\n"), "override-no-change");
    CHECK(d.severity == DiagnosticSeverity::warning);
    CHECK(spelled(d) == "severity warning");
}

TEST_CASE("layering: an override that changes nothing", "[check][layering]") {
    auto d = only(layer("override BAS-2\n"), "empty-override");
    CHECK(spelled(d) == "BAS-2");
}

TEST_CASE("layering: a rule overridden twice in one rule set", "[check][layering]") {
    const std::string body = "override BAS-2 severity error\noverride BAS-2 message \"x\"\n";
    auto c = layer(body);
    auto d = only(c, "duplicate-override");
    const std::string text = lager_header + body;
    CHECK(spelled(d) == "BAS-2");
    CHECK(d.span.begin == offset_in(text, "BAS-2", offset_in(text, "BAS-2") + 1));
    const Diagnostic* n = find_code(c.diagnostics, "note");
    REQUIRE(n != nullptr);
    CHECK(n->span.begin == offset_in(text, "BAS-2"));
}

TEST_CASE("layering: two layers may each override the same rule", "[check][layering]") {
    require_clean(check_files({bas,
                               {"l1.rules", "ruleset l1 \"L1\"\n  extends bas\noverride BAS-2 severity error\n"},
                               {"l2.rules", "ruleset l2 \"L2\"\n  extends bas\noverride BAS-2 severity error\n"}}));
}

TEST_CASE("layering: an override's message is checked in the scope of the rule it replaces", "[check][layering]") {
    SECTION("the rule's variable and its rule set's defines") {
        require_clean(layer("override BAS-2 message \"{a.id} {a.status} {aktuell(a)}\"\n"));
    }
    SECTION("an unknown variable") {
        const std::string body = "override BAS-2 message \"Aktiviteten {b.id}\"\n";
        auto d = only(layer(body), "unknown-name");
        CHECK(spelled(d) == "b");
        CHECK(d.span.begin == offset_in(lager_header + body, "b.id"));
    }
    SECTION("a variable of a rule without for each") {
        auto d = only(layer("override BAS-1 message \"Aktiviteten {a.id}\"\n"), "unknown-name");
        CHECK(spelled(d) == "a");
    }
    SECTION("an unprintable value") {
        auto d = only(layer("override BAS-1 message \"{plan.aktiviteter}\"\n"), "unprintable");
        CHECK(spelled(d) == "plan.aktiviteter");
    }
}

TEST_CASE("layering: applies when must be a condition", "[check][layering]") {
    require_clean(layer("  applies when plan.sokande.kommun == \"0180\" and plan.typ == \"ordinarie\"\n"));
    const std::string body = "  applies when plan.sokande.kommun\n";
    auto d = only(layer(body), "not-a-condition");
    CHECK(d.file_name == "lager.rules");
    CHECK(spelled(d) == "plan.sokande.kommun");
    CHECK(d.message.find("'applies when'") != std::string::npos);
    CHECK(d.help.find("not blank(") != std::string::npos);
}

TEST_CASE("layering: applies when sees the defines of the extended rule set", "[check][layering]") {
    require_clean(layer("  applies when any(a in plan.aktiviteter where aktuell(a))\n"));
    auto d = only(layer("  applies when plan.sokande.komun == \"0180\"\n"), "unknown-field");
    CHECK(spelled(d) == "komun");
}

TEST_CASE("layering: applies when of a define that is not a condition", "[check][layering]") {
    // 'applies when' is checked after the defines, so it sees their types.
    const std::string body = "  applies when kommun\ndefine kommun = plan.sokande.kommun\n";
    auto d = only(layer(body), "not-a-condition");
    CHECK(spelled(d) == "kommun");
}

TEST_CASE("layering: applies when calling a define with an argument of the wrong type",
          "[check][layering]") {
    // ... and the types of their parameters.
    const std::string body = "  applies when stor(\"x\")\ndefine stor(n: int) = n > 1\n";
    auto d = only(layer(body), "type-mismatch");
    CHECK(spelled(d) == "\"x\"");
}

TEST_CASE("layering: a rule set in a cycle through two paths gets one extends-cycle",
          "[check][layering]") {
    // 'a' reaches itself through b and through c: one diagnostic for a, one for each of b, c.
    auto c = check_files({{"a.rules", "ruleset a \"A\"\n  extends b, c\n"},
                          {"b.rules", "ruleset b \"B\"\n  extends a\n"},
                          {"c.rules", "ruleset c \"C\"\n  extends a\n"}});
    INFO(describe(c.diagnostics));
    auto ds = all_with(c, "extends-cycle");
    REQUIRE(ds.size() == 3);
    CHECK(ds[0].file_name == "a.rules");
    CHECK(ds[1].file_name == "b.rules");
    CHECK(ds[2].file_name == "c.rules");
}

TEST_CASE("layering: two rule sets with one name", "[check][layering]") {
    const std::string b = "ruleset bas \"Bas igen\"\n";
    auto c = check_files({bas, {"b.rules", b}});
    auto d = only(c, "duplicate-ruleset");
    CHECK(d.file_name == "b.rules");
    CHECK(spelled(d) == "bas");
    const Diagnostic* n = find_code(c.diagnostics, "note");
    REQUIRE(n != nullptr);
    CHECK(n->file_name == "bas.rules");
}

TEST_CASE("layering: an override in a file without a rule set header", "[check][layering]") {
    auto d = only(check_files({bas, {"los.rules", "override BAS-2 severity error\n"}}), "override-outside-ruleset");
    CHECK(d.file_name == "los.rules");
    CHECK(spelled(d) == "BAS-2");
}

#ifdef PLANRULES_CAN_FORK
TEST_CASE("layering: an override of a rule that belongs to no rule set does not crash",
          "[check][layering]") {
    // The target rule's rule set is -1 (rule-outside-ruleset); the override is an error.
    // Run in a child process so that a crash fails this test instead of the run.
    std::fflush(nullptr);
    pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        // let a crash kill the child quietly, without Catch's fatal-signal report
        for (int sig : {SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL}) std::signal(sig, SIG_DFL);
        auto c = check_files({{"a.rules", rule("LOS-1", "")},
                              {"b.rules", "ruleset b \"B\"\noverride LOS-1 severity warning\n"}});
        // expected: rule-outside-ruleset for LOS-1, and an error for the override
        bool override_error = false;
        for (const auto& d : c.diagnostics)
            override_error |= d.file_name == "b.rules" && d.severity == DiagnosticSeverity::error;
        bool ok = has_code(c.diagnostics, "rule-outside-ruleset") && override_error;
        _exit(ok ? 0 : 1);
    }
    int status = 0;
    REQUIRE(waitpid(pid, &status, 0) == pid);
    INFO("child status " << status);
    REQUIRE(WIFEXITED(status));  // a crash: WIFSIGNALED, WTERMSIG(status) == SIGSEGV
    CHECK(WEXITSTATUS(status) == 0);
}
#endif
