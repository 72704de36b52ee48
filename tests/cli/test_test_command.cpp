// `planrules test`: rule tests run from the command line, failures, coverage, JUnit, exit codes.

#include "cli/cli_run.hpp"

#include <cstdio>
#include <filesystem>

using namespace planrules::test;

namespace {

Run run(const std::string& args) { return run_cli(args); }

// A folder with one rule file holding `body` after a header naming the shipped schema.
std::string rules_dir(const std::string& name, const std::string& body) {
    auto dir = scratch_dir("cli-test") / name;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    write_file((dir / "t.rules").string(), "ruleset t \"T\"\n  schema \"" + source_dir() + "/rules/handlingsplan.schema\"\n" + body);
    return dir.string();
}

const std::string rule_t1 =
    "rule T-1 \"Bedömning\"\n  severity error\n  source \"s\"\n  require not blank(plan.stodbehov.bedomning)\n"
    "  at plan.stodbehov\n  message \"Bedömning saknas.\"\n";
const std::string plan_without = R"({ "id": "X", "version": 1, "status": "upprattad", "typ": "ordinarie", "sokande": { "id": "A", "kommun": "0180", "inskrivningsdatum": "2023-01-10" } })";
const std::string plan_with = R"({ "id": "Y", "version": 1, "status": "upprattad", "typ": "ordinarie", "stodbehov": { "bedomning": "Stöd behövs." }, "sokande": { "id": "A", "kommun": "0180", "inskrivningsdatum": "2023-01-10" } })";

}  // namespace

TEST_CASE("test: the shipped rules' tests pass", "[cli][test]") {
    auto r = run("test --no-color rules");
    CHECK(r.status == 0);
    CHECK_THAT(r.out, Catch::Contains("ok   rules/af/forordning.test:"));
    CHECK_THAT(r.out, Catch::Contains(" 0 failed"));
}

TEST_CASE("test: passing tests with full coverage exit 0 and report 100 %", "[cli][test]") {
    auto dir = rules_dir("pass", rule_t1 + "test \"bryter\"\n  as of 2024-01-01\n  plan " + plan_without +
                                     "\n  expect T-1 at \"/stodbehov\" outcome violated\n" +
                                     "test \"uppfyller\"\n  as of 2024-01-01\n  plan " + plan_with + "\n  expect nothing\n");
    auto r = run("test --no-color --min-coverage 100 '" + dir + "'");
    CHECK(r.status == 0);
    CHECK_THAT(r.out, Catch::Contains("2 tests, 2 passed, 0 failed"));
    CHECK_THAT(r.out, Catch::Contains("rule coverage: 1 of 1 rules both violated and satisfied by a test (100 %)"));
}

TEST_CASE("test: a failing expectation shows where it is written, what was expected and what the rules gave", "[cli][test]") {
    auto dir = rules_dir("fail", rule_t1 + "test \"fel pekare\"\n  as of 2024-01-01\n  plan " + plan_without +
                                     "\n  expect T-1 at \"/fel\"\n  expect no T-1\n");
    auto r = run("test --no-color '" + dir + "'");
    CHECK(r.status == 1);
    CHECK_THAT(r.out, Catch::Contains("FAIL " + dir + "/t.rules:9: fel pekare"));
    CHECK_THAT(r.out, Catch::Contains(dir + "/t.rules:12:3: expected T-1 at \"/fel\""));
    CHECK_THAT(r.out, Catch::Contains("but T-1 gave: T-1 violated at \"/stodbehov\""));
    CHECK_THAT(r.out, Catch::Contains("expected no T-1"));
    CHECK_THAT(r.out, Catch::Contains("1 tests, 0 passed, 1 failed"));
}

TEST_CASE("test: expect only and expect nothing", "[cli][test]") {
    auto dir = rules_dir("only", rule_t1 +
        "rule T-2 \"Status\"\n  severity warning\n  source \"s\"\n  require plan.status == \"utkast\"\n  message \"m\"\n"
        "test \"bara T-1\"\n  as of 2024-01-01\n  plan " + plan_without + "\n  expect only T-1\n"
        "test \"T-1 och T-2\"\n  as of 2024-01-01\n  plan " + plan_without + "\n  expect only T-1, T-2\n"
        "test \"inget\"\n  as of 2024-01-01\n  plan " + plan_with + "\n  expect nothing\n");
    auto r = run("test --no-color '" + dir + "'");
    CHECK(r.status == 1);
    CHECK_THAT(r.out, Catch::Contains("FAIL " + dir + "/t.rules:14: bara T-1"));
    CHECK_THAT(r.out, Catch::Contains("but unexpected T-2 violated"));
    CHECK_THAT(r.out, Catch::Contains("ok   " + dir + "/t.rules:18: T-1 och T-2"));
    CHECK_THAT(r.out, Catch::Contains("FAIL " + dir + "/t.rules:22: inget"));
    CHECK_THAT(r.out, Catch::Contains("but findings: T-2 violated"));
}

TEST_CASE("test: coverage lists rules never violated or never satisfied; --min-coverage makes it an error", "[cli][test]") {
    auto dir = rules_dir("coverage", rule_t1 + "test \"bryter\"\n  as of 2024-01-01\n  plan " + plan_without + "\n  expect T-1\n");
    auto r = run("test --no-color '" + dir + "'");
    CHECK(r.status == 0);
    CHECK_THAT(r.out, Catch::Contains("rule coverage: 0 of 1 rules both violated and satisfied by a test (0 %)"));
    CHECK_THAT(r.out, Catch::Contains("T-1 (" + dir + "/t.rules:3:1): never satisfied by a test"));
    auto strict = run("test --no-color --min-coverage 100 '" + dir + "'");
    CHECK(strict.status == 1);
    CHECK_THAT(strict.out, Catch::Contains("rule coverage 0 % is below the required 100 %"));
    CHECK(run("test --min-coverage lots '" + dir + "'").status == 2);
}

TEST_CASE("test: a date comparison without a test on both sides of the day it turns gets a note", "[cli][test][boundaries]") {
    const std::string rule =
        "rule T-30 \"Inom 30 dagar\"\n  severity warning\n  source \"s\"\n"
        "  require plan.upprattad_datum <= plan.sokande.inskrivningsdatum + 30 days\n  message \"m\"\n";
    auto plan = [](std::string_view established) {
        return std::string(R"({ "id": "X", "version": 1, "status": "upprattad", "typ": "ordinarie", "upprattad_datum": ")") +
               std::string(established) + R"(", "sokande": { "id": "A", "kommun": "0180", "inskrivningsdatum": "2024-01-10" } })";
    };
    auto test = [&](std::string_view name, std::string_view established, std::string_view expect) {
        return "test \"" + std::string(name) + "\"\n  as of 2024-03-01\n  plan " + plan(established) + "\n  expect " +
               std::string(expect) + "\n";
    };
    // far from the boundary on both sides: covered, but the boundary is not
    auto far = rules_dir("boundary-far", rule + test("dag 20", "2024-01-30", "nothing") + test("dag 45", "2024-02-24", "T-30"));
    auto r = run("test --no-color --min-coverage 100 '" + far + "'");
    CHECK(r.status == 0);  // a note, not an error
    CHECK_THAT(r.out, Catch::Contains("date boundaries: 0 of 1 rules with dates tested on both sides of each"));
    CHECK_THAT(r.out, Catch::Contains("T-30 (" + far + "/t.rules:6:11): note: 'plan.upprattad_datum <= plan.sokande.inskrivningsdatum + 30 days': no test reaches the day it turns"));
    // day 30 only: the side where it no longer holds is missing
    auto one = rules_dir("boundary-one", rule + test("dag 30", "2024-02-09", "nothing") + test("dag 45", "2024-02-24", "T-30"));
    CHECK_THAT(run("test --no-color '" + one + "'").out, Catch::Contains("no test where it no longer holds, next to the day it turns"));
    // day 30 and day 31: complete
    auto both = rules_dir("boundary-both", rule + test("dag 30", "2024-02-09", "nothing") + test("dag 31", "2024-02-10", "T-30"));
    auto ok = run("test --no-color '" + both + "'");
    CHECK_THAT(ok.out, Catch::Contains("date boundaries: 1 of 1 rules with dates tested on both sides of each"));
    CHECK_THAT(ok.out, !Catch::Contains("note:"));
    // in force from a date: the day before and the day itself
    const std::string dated = "rule T-F \"Från\"\n  severity info\n  in force from 2024-03-01\n  source \"s\"\n  require true\n  message \"m\"\n";
    auto from = rules_dir("boundary-from", dated + "test \"dagen före\"\n  as of 2024-02-29\n  plan " + plan("2024-02-01") + "\n  expect nothing\n");
    CHECK_THAT(run("test --no-color '" + from + "'").out,
               Catch::Contains("T-F (" + from + "/t.rules:5:3): note: 'in force from 2024-03-01': no test where it still holds"));
}

TEST_CASE("test: expect R severity S checks the severity after overrides", "[cli][test]") {
    auto dir = rules_dir("severity", rule_t1 + "test \"fel\"\n  as of 2024-01-01\n  plan " + plan_without +
                                         "\n  expect T-1 severity error\n" + "test \"varning\"\n  as of 2024-01-01\n  plan " +
                                         plan_without + "\n  expect T-1 at \"/stodbehov\" outcome violated severity warning\n");
    auto r = run("test --no-color '" + dir + "'");
    CHECK(r.status == 1);
    CHECK_THAT(r.out, Catch::Contains("ok   " + dir + "/t.rules:9: fel"));
    CHECK_THAT(r.out, Catch::Contains("FAIL " + dir + "/t.rules:13: varning"));
    CHECK_THAT(r.out, Catch::Contains("but T-1 gave: T-1 violated at \"/stodbehov\" severity error"));
}

TEST_CASE("test: an inline plan that is not JSON is an error in the rule file, at its line and column", "[cli][test]") {
    auto dir = rules_dir("badjson", rule_t1 + "test \"trasig\"\n  as of 2024-01-01\n  plan { \"id\": , }\n  expect T-1\n");
    auto r = run("test --no-color '" + dir + "'");
    CHECK(r.status == 2);
    CHECK_THAT(r.out, Catch::Contains(dir + "/t.rules:11:16: error: the test's plan is not valid JSON: expected a value [invalid-json]"));
    auto checked = run("check --no-color '" + dir + "'");
    CHECK(checked.status == 1);
    CHECK_THAT(checked.out, Catch::Contains("t.rules:11:16: error: the test's plan is not valid JSON"));
}

TEST_CASE("test: --junit writes JUnit XML with one testcase per test and the failure text", "[cli][test]") {
    auto dir = rules_dir("junit", rule_t1 + "test \"bryter <&>\"\n  as of 2024-01-01\n  plan " + plan_without + "\n  expect T-1\n" +
                                      "test \"fel\"\n  as of 2024-01-01\n  plan " + plan_without + "\n  expect nothing\n");
    auto xml = dir + "/junit.xml";
    auto r = run("test --no-color --junit '" + xml + "' '" + dir + "'");
    CHECK(r.status == 1);
    auto text = read_file(xml);
    CHECK_THAT(text, Catch::StartsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
    CHECK_THAT(text, Catch::Contains("<testsuites name=\"planrules\" tests=\"2\" failures=\"1\">"));
    CHECK_THAT(text, Catch::Contains("name=\"bryter &lt;&amp;&gt;\""));
    CHECK_THAT(text, Catch::Contains("<failure message=\"expected nothing, but findings: T-1 violated at &quot;/stodbehov&quot;\">"));
    CHECK(run("test --junit /nonexistent-dir/x.xml '" + dir + "'").status == 2);
}

TEST_CASE("test: rules with errors exit 2", "[cli][test]") {
    auto dir = rules_dir("broken", "rule T-1 \"x\"\n  require plan.finns_inte\n");
    auto r = run("test '" + dir + "'");
    CHECK(r.status == 2);
    CHECK_THAT(r.out, Catch::Contains("the rules have errors"));
    CHECK(run("test").status == 2);
}

TEST_CASE("explain: a rule's metadata, text with its comment, overrides and tests", "[cli][explain]") {
    auto dir = rules_dir("explain", "# Bedömningen ska finnas i planen.\n" + rule_t1 +
        "test \"bryter\"\n  as of 2024-01-01\n  plan " + plan_without + "\n  expect T-1 at \"/stodbehov\"\n");
    write_file(dir + "/k.rules", "ruleset k \"Kommun\"\n  extends t\n  applies when plan.sokande.kommun == \"0180\"\n"
                                 "override T-1\n  severity error\n");
    auto r = run("explain T-1 --rules '" + dir + "'");
    CHECK(r.status == 0);
    CHECK_THAT(r.out, Catch::StartsWith("T-1 Bedömning\n"));
    CHECK_THAT(r.out, Catch::Contains("  rule set:  t \"T\""));
    CHECK_THAT(r.out, Catch::Contains("  declared:  " + dir + "/t.rules:4:1"));
    CHECK_THAT(r.out, Catch::Contains("  severity:  error\n"));
    CHECK_THAT(r.out, Catch::Contains("  in force:  always"));
    CHECK_THAT(r.out, Catch::Contains("    # Bedömningen ska finnas i planen.\n    rule T-1 \"Bedömning\""));
    CHECK_THAT(r.out, Catch::Contains("    at plan.stodbehov\n"));
    CHECK_THAT(r.out, Catch::Contains("overridden by:\n  k (" + dir + "/k.rules:4:1): severity error"));
    CHECK_THAT(r.out, Catch::Contains("t.rules:10: bryter (as of 2024-01-01)\n      expect T-1 at \"/stodbehov\""));
}

TEST_CASE("explain: applies when, the rule sets that tighten or extend, tests that expect nothing of it", "[cli][explain]") {
    const std::string warning_rule =
        "rule W-1 \"Bedömning\"\n  severity warning\n  source \"s\"\n  require not blank(plan.stodbehov.bedomning)\n";
    auto dir = rules_dir("explain-layers", warning_rule + "test \"inget\"\n  as of 2024-01-01\n  plan " + plan_with +
                                               "\n  expect nothing\n" + "test \"W-1 nämns\"\n  as of 2024-01-01\n  plan " +
                                               plan_without + "\n  expect W-1\n");
    write_file(dir + "/k.rules", "ruleset k \"Kommun\"\n  extends t\n  applies when plan.sokande.kommun == \"0180\"\n"
                                 "override W-1\n  severity error\n");
    write_file(dir + "/m.rules", "ruleset m \"Mildare\"\n  extends t\n  applies when plan.sokande.kommun == \"1480\"\n"
                                 "override W-1\n  severity info\n");
    auto r = run("explain W-1 --rules '" + dir + "'");
    CHECK(r.status == 0);
    CHECK_THAT(r.out, Catch::Contains("  applies when:  every plan (no 'applies when')\n"));
    CHECK_THAT(r.out, Catch::Contains("  k (" + dir + "/k.rules:4:1): tightens it: severity error\n"));
    CHECK_THAT(r.out, Catch::Contains("  m (" + dir + "/m.rules:4:1): relaxes it: severity info\n"));
    CHECK_THAT(r.out, Catch::Contains("extended by: k, m\n"));
    CHECK_THAT(r.out, Catch::Contains("tests that name the rule:\n  " + dir + "/t.rules:"));
    CHECK_THAT(r.out, Catch::Contains(": W-1 nämns (as of 2024-01-01)\n      expect W-1\n"));
    CHECK_THAT(r.out, Catch::Contains("tests by which it must give no finding (1 test: expect nothing, or expect only other rules):\n"));
    CHECK_THAT(r.out, Catch::Contains(": inget (as of 2024-01-01)\n"));
    // a rule of a rule set with `applies when` shows the condition and where it comes from
    write_file(dir + "/k2.rules", "ruleset k2 \"Kommunens egen\"\n  extends k\n"
                                  "rule K2-1 \"Egen\"\n  severity error\n  source \"s\"\n  require present(plan.stodbehov)\n");
    auto own = run("explain K2-1 --rules '" + dir + "'");
    CHECK(own.status == 0);
    CHECK_THAT(own.out, Catch::Contains("  applies when:  plan.sokande.kommun == \"0180\" (k)\n"));
    // the same in Swedish
    auto sv = run("explain W-1 --lang sv --rules '" + dir + "'");
    CHECK(sv.status == 0);
    CHECK_THAT(sv.out, Catch::Contains("  regeluppsättning:   t \"T\"\n"));
    CHECK_THAT(sv.out, Catch::Contains("  tillämpas när:      varje plan (ingen 'applies when')\n"));
    CHECK_THAT(sv.out, Catch::Contains("): skärper den: allvarlighetsgrad error\n"));
    CHECK_THAT(sv.out, Catch::Contains("tester där den inte får ge något fynd (1 test: expect nothing, eller expect only med andra regler):"));
}

TEST_CASE("explain: the shipped HP-6.1 with its effective date and source", "[cli][explain]") {
    auto r = run("explain HP-6.1 --rules rules");
    CHECK(r.status == 0);
    CHECK_THAT(r.out, Catch::Contains("  in force:  from 2022-12-01"));
    CHECK_THAT(r.out, Catch::Contains("  severity:  error, mandatory"));
    CHECK_THAT(r.out, Catch::Contains("  source:    Förordning (2000:628) 6 § första stycket 1"));
}

TEST_CASE("explain: an unknown rule exits 1 with a suggestion", "[cli][explain]") {
    auto r = run("explain HP-61 --rules rules");
    CHECK(r.status == 1);
    CHECK_THAT(r.out, Catch::Contains("no rule 'HP-61'; did you mean 'HP-6.1'?"));
    CHECK(run("explain --rules rules").status == 2);
    CHECK(run("explain A B --rules rules").status == 2);
}
