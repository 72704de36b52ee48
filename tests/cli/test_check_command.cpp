// `planrules check`: output, formats and exit codes, run as a real process.

#include "cli/cli_run.hpp"

#include <cstdio>
#include <filesystem>

using namespace planrules::test;

namespace {

Run run(const std::string& args) { return run_cli(args); }

std::string temp_rules(const std::string& name, const std::string& text) {
    auto dir = scratch_dir("cli-check");
    auto path = dir / name;
    write_file(path.string(), text);
    return path.string();
}

const std::string schema_line = "  schema \"" + source_dir() + "/rules/handlingsplan.schema\"\n";

}  // namespace

TEST_CASE("check: the bundled rules are clean, exit 0", "[cli]") {
    auto r = run("check rules/");
    CHECK(r.status == 0);
    CHECK_THAT(r.out, Catch::Contains("no problems found"));
}

TEST_CASE("check: a file with three independent errors reports all three, exit 1", "[cli]") {
    auto path = temp_rules("three.rules", "ruleset cli.three \"Tre fel\"\n" + schema_line +
        "\nrule T-1 \"Fel fält\"\n  severity error\n  source \"s\"\n  require not blank(plan.stodbehov.bedomnin)\n  message \"m\"\n"
        "\nrule T-2 \"Likhetstecken\"\n  severity error\n  source \"s\"\n  require plan.status = \"upprattad\"\n  message \"m\"\n"
        "\nrule T-3 \"Datum\"\n  severity error\n  source \"s\"\n  in force from 2023-02-30\n  require true\n  message \"m\"\n");
    auto r = run("check --no-color '" + path + "'");
    CHECK(r.status == 1);
    CHECK_THAT(r.out, Catch::Contains("three.rules:7:36: error: unknown field 'bedomnin' in Stodbehov"));
    CHECK_THAT(r.out, Catch::Contains("three.rules:13:23: error: '=' cannot compare values"));
    CHECK_THAT(r.out, Catch::Contains("three.rules:19:17: error: invalid date '2023-02-30'"));
    CHECK_THAT(r.out, Catch::Contains("3 errors"));
}

TEST_CASE("check: --format json prints the diagnostics as a JSON array", "[cli]") {
    auto path = temp_rules("json.rules", "ruleset cli.json \"J\"\n" + schema_line +
        "rule J-1 \"t\"\n  severity error\n  source \"s\"\n  require plan.statu == \"utkast\"\n  message \"m\"\n");
    auto r = run("check --format json '" + path + "'");
    CHECK(r.status == 1);
    REQUIRE_FALSE(r.out.empty());
    CHECK(r.out.front() == '[');
    CHECK_THAT(r.out, Catch::Contains("\"line\": 6, \"column\": 16"));
    CHECK_THAT(r.out, Catch::Contains("\"severity\": \"error\""));
    CHECK_THAT(r.out, Catch::Contains("\"code\": \"unknown-field\""));
    CHECK_THAT(r.out, Catch::Contains("\"message\": \"unknown field 'statu' in Plan\""));
    CHECK_THAT(r.out, Catch::Contains("\"help\": \"did you mean 'status'?\""));
    CHECK_THAT(r.out, Catch::Contains("\"file\": \"" + path));
}

TEST_CASE("check: clean rules in JSON are an empty array", "[cli]") {
    auto r = run("check --format json rules/");
    CHECK(r.status == 0);
    CHECK(r.out == "[]\n");
}

TEST_CASE("check: a file that cannot be read exits 2", "[cli]") {
    auto r = run("check no/such/file.rules");
    CHECK(r.status == 2);
    CHECK_THAT(r.out, Catch::Contains("no/such/file.rules: error: no such file or directory"));
}

TEST_CASE("check: unreadable beats errors in the exit status", "[cli]") {
    auto path = temp_rules("bad.rules", "rule\n");
    auto r = run("check '" + path + "' missing.rules");
    CHECK(r.status == 2);
}

TEST_CASE("check: warnings alone exit 0", "[cli]") {
    auto path = temp_rules("warn.rules", "ruleset cli.warn \"W\"\n" + schema_line +
        "rule W-1 \"t\"\n  severity error\n  require true\n  message \"m\"\n");
    auto r = run("check --no-color '" + path + "'");
    CHECK(r.status == 0);
    CHECK_THAT(r.out, Catch::Contains("warning: rule W-1 names no legal or policy source"));
    CHECK_THAT(r.out, Catch::Contains("0 errors, 1 warning"));
}

TEST_CASE("usage errors exit 2 with a message", "[cli]") {
    CHECK(run("").status == 2);
    CHECK(run("frobnicate").status == 2);
    CHECK(run("check").status == 2);
    auto r = run("check --format xml rules/");
    CHECK(r.status == 2);
    CHECK_THAT(r.out, Catch::Contains("unknown format 'xml'"));
    CHECK(run("--help").status == 0);
    CHECK_THAT(run("--version").out, Catch::Contains("planrules "));
}

TEST_CASE("check: --format sarif prints SARIF 2.1.0", "[cli]") {
    auto path = temp_rules("sarif.rules", "ruleset cli.sarif \"S\"\n" + schema_line +
        "rule S-1 \"t\"\n  severity error\n  source \"s\"\n  require plan.statu == \"utkast\"\n  message \"m\"\n");
    auto r = run("check --format sarif '" + path + "'");
    CHECK(r.status == 1);
    CHECK_THAT(r.out, Catch::Contains("\"version\": \"2.1.0\""));
    CHECK_THAT(r.out, Catch::Contains("\"ruleId\": \"unknown-field\", \"level\": \"error\""));
    CHECK_THAT(r.out, Catch::Contains("\"region\": {\"startLine\": 6, \"startColumn\": 16, \"endLine\": 6, \"endColumn\": 21}"));
    CHECK_THAT(r.out, Catch::Contains("help: did you mean 'status'?"));
}

TEST_CASE("check: SARIF gives a diagnostic's notes as its related locations", "[cli]") {
    const std::string rule = "rule S-1 \"t\"\n  severity error\n  source \"s\"\n  require true\n  message \"m\"\n";
    auto path = temp_rules("sarif-notes.rules", "ruleset cli.sarifnotes \"S\"\n" + schema_line + rule + rule);
    auto r = run("check --format sarif '" + path + "'");
    CHECK(r.status == 1);
    // one result, with the first declaration as a related location, and no result of its own
    CHECK_THAT(r.out, Catch::Contains("\"relatedLocations\": [{\"id\": 0, \"physicalLocation\": {\"artifactLocation\": {\"uri\": "));
    CHECK_THAT(r.out, Catch::Contains("\"region\": {\"startLine\": 3, \"startColumn\": 6"));
    CHECK_THAT(r.out, Catch::Contains("is first defined here"));
    CHECK_THAT(r.out, !Catch::Contains("\"ruleId\": \"note\""));
}

TEST_CASE("check: a broken rule does not cascade into 'unknown' errors", "[cli]") {
    auto path = temp_rules("cascade.rules", "ruleset cli.cascade \"C\"\n" + schema_line +
        "define aktiv = plan.status = \"upprattad\"\n"
        "rule C-1 \"t\"\n  severity error\n  source \"s\"\n  require aktiv\n  message \"m\"\n"
        "test \"t\"\n  as of 2024-01-01\n  plan {}\n  expect C-1\n");
    auto r = run("check --no-color '" + path + "'");
    CHECK(r.status == 1);
    CHECK_THAT(r.out, Catch::Contains("'=' cannot compare values"));
    CHECK_THAT(r.out, !Catch::Contains("unknown name 'aktiv'"));
    CHECK_THAT(r.out, Catch::Contains("1 error"));
}
