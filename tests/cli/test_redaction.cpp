// What a report for kommun or leverantor holds, through every channel of the command-line tool:
// validate (text and JSON), batch --findings and test. The plan (test::sensitive_plan_json) has a
// SIUS activity, a disability code and health words; none of them may reach those reports.

#include "cli/cli_run.hpp"

using namespace planrules::test;

namespace {

Run run(const std::string& args) { return run_cli(args, source_dir(), true); }

std::string plan_file() {
    auto path = scratch_dir("cli-redaction") / "kanslig.json";
    write_file(path.string(), sensitive_plan_json() + "\n");
    return path.string();
}

}  // namespace

TEST_CASE("redaction: validate, text and JSON, for each audience", "[cli][audience]") {
    const std::string plan = plan_file();
    for (const char* format : {"text", "json"}) {
        CAPTURE(format);
        auto af = run(std::string("validate --rules rules --as-of 2024-03-10 --format ") + format + " '" + plan + "'");
        CHECK(af.status == 1);
        CHECK_THAT(af.out, Catch::Contains("AF-SIUS"));
        CHECK(sensitive_leak(af.out) != "");
        for (const char* audience : {"kommun", "leverantor"}) {
            CAPTURE(audience);
            auto r = run(std::string("validate --rules rules --as-of 2024-03-10 --format ") + format + " --audience " +
                         audience + " '" + plan + "'");
            CHECK(r.status == 1);
            CHECK_THAT(r.out, Catch::Contains("HP-6.3"));
            CHECK_THAT(r.out, Catch::Contains("[uppgift för Arbetsförmedlingen]"));
            CHECK(sensitive_leak(r.out) == "");
        }
    }
}

TEST_CASE("redaction: batch --findings and its summary, for each audience", "[cli][audience][batch]") {
    const std::string plan = plan_file();
    for (const char* audience : {"kommun", "leverantor"}) {
        CAPTURE(audience);
        const std::string findings = (scratch_dir("cli-redaction") / (std::string(audience) + ".jsonl")).string();
        for (const char* format : {"text", "json", "csv"}) {
            auto r = run(std::string("batch --rules rules --as-of 2024-03-10 --no-progress --format ") + format +
                         " --audience " + audience + " --findings '" + findings + "' '" + plan + "'");
            CHECK(r.status == 0);
            CHECK(sensitive_leak(r.out) == "");
            const std::string f = read_file(findings);
            CHECK_THAT(f, Catch::Contains("HP-6.3"));
            CHECK(sensitive_leak(f) == "");
        }
    }
    const std::string af = (scratch_dir("cli-redaction") / "af.jsonl").string();
    auto r = run("batch --rules rules --as-of 2024-03-10 --no-progress --findings '" + af + "' '" + plan + "'");
    CHECK(r.status == 0);
    CHECK_THAT(read_file(af), Catch::Contains("AF-SIUS"));
}

TEST_CASE("redaction: a rule test for an audience shows that audience's findings only", "[cli][audience][test]") {
    auto dir = scratch_dir("cli-redaction") / "regler";
    std::filesystem::create_directories(dir);
    std::string json = sensitive_plan_json();
    // a test that fails on purpose, so that the output lists the findings it got
    write_file((dir / "kanslig.test").string(), "test \"För kommunen\"\n  as of 2024-03-10\n  audience kommun\n  plan " +
                                                    json + "\n  expect nothing\n");
    auto r = run("test rules '" + dir.string() + "'");
    CHECK(r.status == 1);
    CHECK_THAT(r.out, Catch::Contains("audience kommun"));
    CHECK_THAT(r.out, Catch::Contains("HP-6.3"));
    CHECK(sensitive_leak(r.out.substr(r.out.find("findings as of"))) == "");
    // an unknown audience is a diagnostic of the test file
    write_file((dir / "kanslig.test").string(), "test \"Fel\"\n  as of 2024-03-10\n  audience komun\n  plan " + json +
                                                    "\n  expect nothing\n");
    auto bad = run("check rules '" + dir.string() + "'");
    CHECK(bad.status == 1);
    CHECK_THAT(bad.out, Catch::Contains("unknown-audience"));
    CHECK_THAT(bad.out, Catch::Contains("did you mean 'kommun'?"));
}
