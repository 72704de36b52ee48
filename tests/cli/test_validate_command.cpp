// `planrules validate`: exit codes, formats, options, run as a real process.

#include "cli/cli_run.hpp"

#include <cstdio>
#include <filesystem>

using namespace planrules::test;

namespace {

Run run(const std::string& args, bool with_stderr = true) { return run_cli(args, source_dir(), with_stderr); }

std::string temp_file(const std::string& name, const std::string& text) {
    auto dir = scratch_dir("cli-validate");
    auto path = dir / name;
    write_file(path.string(), text);
    return path.string();
}

std::size_t lines(const std::string& s) {
    std::size_t n = 0;
    for (char c : s) n += c == '\n';
    return n;
}

const std::string v = "validate --rules rules --no-color --as-of 2023-06-01 ";

}  // namespace

TEST_CASE("validate: a plan without error findings exits 0", "[cli][validate]") {
    auto r = run(v + "examples/plans/komplett.json");
    CHECK(r.status == 0);
    CHECK_THAT(r.out, Catch::Contains("Plan HP-2024-000123 assessed as of 2023-06-01"));
    CHECK_THAT(r.out, Catch::Contains("No findings."));
}

TEST_CASE("validate: error findings exit 1 and name the rule, the field and the source", "[cli][validate]") {
    auto r = run(v + "examples/plans/utan-stodbehov.json");
    CHECK(r.status == 1);
    CHECK_THAT(r.out, Catch::Contains("Errors (1)"));
    CHECK_THAT(r.out, Catch::Contains("HP-6.1 Bedömning av stödbehov"));
    CHECK_THAT(r.out, Catch::Contains("where: stödbehov (/stodbehov)"));
    CHECK_THAT(r.out, Catch::Contains("source: Förordning (2000:628) 6 § första stycket 1"));
}

TEST_CASE("validate: a plan that is not JSON exits 2 with its line and column", "[cli][validate]") {
    auto path = temp_file("trasig.json", "{\n  \"id\": \"X\",\n  \"status\" \"upprattad\"\n}\n");
    auto r = run(v + "'" + path + "'");
    CHECK(r.status == 2);
    CHECK_THAT(r.out, Catch::Contains("trasig.json:3:"));
    CHECK_THAT(r.out, Catch::Contains("[invalid-json]"));
}

TEST_CASE("validate: a missing plan file exits 2, the other plans are still validated", "[cli][validate]") {
    auto r = run(v + "--format json examples/plans/komplett.json does-not-exist.json examples/plans/utan-stodbehov.json");
    CHECK(r.status == 2);
    CHECK_THAT(r.out, Catch::Contains("cannot read plan 'does-not-exist.json'"));
    CHECK_THAT(r.out, Catch::Contains("\"plan\": \"HP-2024-000124\""));
}

TEST_CASE("validate: rules with errors exit 2", "[cli][validate]") {
    auto path = temp_file("fel.rules", "ruleset x \"x\"\n  schema \"" + source_dir() +
                                           "/rules/handlingsplan.schema\"\nrule X-1 \"x\"\n  require plan.finns_inte\n");
    auto r = run("validate --rules '" + path + "' examples/plans/komplett.json");
    CHECK(r.status == 2);
    CHECK_THAT(r.out, Catch::Contains("the rules have errors"));
}

TEST_CASE("validate: usage errors exit 2 and say what is wrong", "[cli][validate]") {
    CHECK(run("validate examples/plans/komplett.json").status == 2);
    CHECK_THAT(run("validate --rules rules").out, Catch::Contains("at least one plan file"));
    auto bad_date = run("validate --rules rules --as-of 2023-02-30 examples/plans/komplett.json");
    CHECK(bad_date.status == 2);
    CHECK_THAT(bad_date.out, Catch::Contains("'2023-02-30' is not a date"));
    CHECK(run("validate --rules rules --format xml examples/plans/komplett.json").status == 2);
    CHECK(run("validate --rules rules --audience alla examples/plans/komplett.json").status == 2);
    CHECK(run("validate --rules rules --bogus examples/plans/komplett.json").status == 2);
}

TEST_CASE("validate: JSON is one line per plan file (JSON Lines) with the plan's id and file", "[cli][validate]") {
    auto path = temp_file("inte-json.json", "[1, 2");
    auto r = run(v + "--format json examples/plans/komplett.json examples/plans/utan-stodbehov.json '" + path + "'", false);
    CHECK(r.status == 2);
    REQUIRE(lines(r.out) == 3);
    CHECK(r.out.rfind("{\"plan\": \"HP-2024-000123\", \"file\": \"examples/plans/komplett.json\", \"as_of\": \"2023-06-01\"", 0) == 0);
    CHECK_THAT(r.out, Catch::Contains("\"rule\": \"HP-6.1\", \"ruleset\": \"af.forordning\", \"severity\": \"error\", \"outcome\": \"violated\""));
    CHECK_THAT(r.out, Catch::Contains("\"location\": \"rules/af/forordning.rules:"));
    CHECK_THAT(r.out, Catch::Contains("{\"plan\": null, \"file\": \"" + path + "\", \"error\": \"the plan is not valid JSON: the text ends inside an array: a ']' is missing\", \"diagnostics\": [{\"file\""));
    CHECK_THAT(r.out, Catch::Contains("\"digest\": \"fnv1a64:"));
}

TEST_CASE("validate: the evaluation date decides which rules are in force", "[cli][validate]") {
    auto before = run("validate --rules rules --format json --as-of 2022-06-01 examples/plans/utan-stodbehov.json", false);
    auto after = run("validate --rules rules --format json --as-of 2023-06-01 examples/plans/utan-stodbehov.json", false);
    CHECK_THAT(before.out, Catch::Contains("\"not_in_force\": [\"HP-6.1\", \"HP-6.2\", \"HP-6.3\""));
    CHECK_THAT(after.out, !Catch::Contains("\"not_in_force\": [\"HP-6.1\""));
    CHECK_THAT(after.out, Catch::Contains("\"rule\": \"HP-6.1\""));
    CHECK_THAT(before.out, !Catch::Contains("\"rule\": \"HP-6.1\""));
}

TEST_CASE("validate: --no-evidence leaves out every value read from the plan", "[cli][validate]") {
    auto with = run(v + "--format json examples/plans/omotiverad-aktivitet.json", false);
    auto without = run(v + "--format json --no-evidence examples/plans/omotiverad-aktivitet.json", false);
    CHECK_THAT(with.out, Catch::Contains("\"evidence\": [{\"pointer\": \"/aktiviteter/0/status\", \"value\": \"pagaende\"}"));
    CHECK_THAT(without.out, Catch::Contains("\"evidence\": []"));
    CHECK_THAT(without.out, !Catch::Contains("pagaende\""));
    CHECK(with.status == without.status);
}

TEST_CASE("validate: --audience is reported and sensitive rules stay out of a provider's report", "[cli][validate]") {
    // a rule that reads a sensitive field (the job seeker's disability) is sensitive itself
    auto dir = scratch_dir("cli-validate/sensitive");
    write_file((dir / "s.rules").string(),
               "ruleset test.sensitive \"Känsliga\"\n  schema \"" + source_dir() + "/rules/handlingsplan.schema\"\n"
               "rule S-1 \"Funktionsnedsättning\"\n  severity error\n  source \"s\"\n"
               "  require present(plan.sokande.funktionsnedsattning)\n  message \"Uppgift om funktionsnedsättning saknas.\"\n");
    auto af = run("validate --rules '" + dir.string() + "' --format json --as-of 2023-06-01 examples/plans/komplett.json", false);
    auto lev = run("validate --rules '" + dir.string() + "' --format json --audience leverantor --as-of 2023-06-01 examples/plans/komplett.json", false);
    CHECK_THAT(af.out, Catch::Contains("\"rule\": \"S-1\""));
    CHECK(af.status == 1);
    CHECK_THAT(lev.out, Catch::Contains("\"audience\": \"leverantor\""));
    CHECK_THAT(lev.out, !Catch::Contains("S-1"));
    CHECK(lev.status == 0);
}

TEST_CASE("validate: --ruleset limits the rules; an unknown rule set is a usage error with a suggestion", "[cli][validate]") {
    auto r = run(v + "--format json --ruleset leverantor examples/plans/omotiverad-aktivitet.json", false);
    CHECK_THAT(r.out, Catch::Contains("\"rule\": \"LEV-MOTIVERING\""));
    CHECK_THAT(r.out, !Catch::Contains("\"rule\": \"HP-6.3\""));
    auto bad = run(v + "--ruleset kommun.018 examples/plans/komplett.json");
    CHECK(bad.status == 2);
    CHECK_THAT(bad.out, Catch::Contains("no rule set 'kommun.018' in the rules; did you mean 'kommun.0180'?"));
}

TEST_CASE("validate: a directory, a device and an endless stream are refused quickly, with exit 2", "[cli][validate][read]") {
    auto dir = run(v + "--format json examples/plans");
    CHECK(dir.status == 2);
    CHECK_THAT(dir.out, Catch::Contains("\"error\": \"the plan path is a directory\""));
    auto device = run(v + "/dev/zero");
    CHECK(device.status == 2);
    CHECK_THAT(device.out, Catch::Contains("/dev/zero: error: the plan path is a device, not a file [io-error]"));
    // standard input, and a pipe, are read like files, up to the plan size limit
    auto endless = run(v + "- < /dev/zero");
    CHECK(endless.status == 2);
    CHECK_THAT(endless.out, Catch::Contains("<stdin>: error: the plan is more than 16777216 bytes"));
    auto redirected = run(v + "--format json - < examples/plans/utan-stodbehov.json");
    CHECK(redirected.status == 1);
    CHECK_THAT(redirected.out, Catch::Contains("\"plan\": \"HP-2024-000124\", \"file\": \"-\""));
    // (run() starts the tool itself: this runs it once for nothing, then in the pipe)
    auto piped = run("--version > /dev/null; cat examples/plans/utan-stodbehov.json | '" + std::string(PLANRULES_CLI) + "' " +
                     v + "--format json -");
    CHECK(piped.status == 1);
    CHECK_THAT(piped.out, Catch::Contains("\"plan\": \"HP-2024-000124\", \"file\": \"-\""));
}

TEST_CASE("validate: a plan that is not JSON shows its source line to the agency only", "[cli][validate][audience]") {
    auto path = temp_file("kanslig.json", "{\"id\": \"P\",\n \"sokande\": {\"funktionsnedsattning\": {\"kod\": \"F7-hemlig\"},, }}\n");
    auto af = run(v + "'" + path + "'");
    CHECK(af.status == 2);
    CHECK_THAT(af.out, Catch::Contains("F7-hemlig"));
    for (const char* audience : {"kommun", "leverantor"}) {
        auto other = run(v + "--audience " + audience + " '" + path + "'");
        CHECK(other.status == 2);
        CHECK_THAT(other.out, Catch::Contains("kanslig.json:2:59: error: the plan is not valid JSON"));
        CHECK(other.out.find("F7-hemlig") == std::string::npos);
    }
}
