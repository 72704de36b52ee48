// `planrules batch`: exit codes, formats, options, standard input, run as a real process.

#include "cli/cli_run.hpp"

#include <cstdio>
#include <filesystem>

using namespace planrules::test;

namespace {

Run run(const std::string& args, bool with_stderr = true) { return run_cli(args, source_dir(), with_stderr); }

std::string temp_path(const std::string& name) {
    auto dir = scratch_dir("cli-batch");
    return (dir / name).string();
}

// Two example plans, a line that is not JSON, and a blank line.
std::string population() {
    std::string text;
    for (const char* f : {"examples/plans/komplett.json", "examples/plans/utan-stodbehov.json"}) {
        std::string p = read_file(source_dir() + "/" + f);
        for (auto& c : p)
            if (c == '\n' || c == '\r') c = ' ';
        text += p + "\n";
    }
    return text + "{\"id\": \n\n";
}

}  // namespace

TEST_CASE("batch: text summary, exit 0 even with findings and malformed records", "[cli][batch]") {
    std::string in = temp_path("pop.jsonl");
    write_file(in, population());
    auto r = run("batch --rules rules --as-of 2023-06-01 '" + in + "'");
    CHECK(r.status == 0);
    CHECK_THAT(r.out, Catch::Contains("Population bedömd per 2023-06-01: 3 poster, 2 planer"));
    CHECK_THAT(r.out, Catch::Contains("rad 3: "));
    CHECK_THAT(r.out, Catch::Contains("Nyckeltal"));
    CHECK_THAT(r.out, Catch::Contains("HP-6.1"));
    // no progress bar when standard error is not a terminal
    CHECK_THAT(r.out, !Catch::Contains("poster/s"));
}

TEST_CASE("batch: JSON and CSV summaries, standard input, findings file", "[cli][batch]") {
    std::string in = temp_path("pop.jsonl"), findings = temp_path("findings.jsonl");
    write_file(in, population());
    auto j = run("batch --rules rules --as-of 2023-06-01 --format json --due-within 400 --findings '" + findings +
                 "' - < '" + in + "'");
    CHECK(j.status == 0);
    CHECK_THAT(j.out, Catch::Contains(R"("records": 3, "plans": 2, "not_json": 1)"));
    CHECK_THAT(j.out, Catch::Contains(R"("due_within": 400)"));
    std::string f = read_file(findings);
    CHECK(std::count(f.begin(), f.end(), '\n') == 3);
    CHECK_THAT(f, Catch::Contains(R"("file": "line 1")"));
    CHECK_THAT(f, Catch::Contains(R"("plan": null, "file": "line 3")"));
    auto c = run("batch --rules rules --as-of 2023-06-01 --format csv --group-by none '" + in + "'");
    CHECK(c.status == 0);
    CHECK_THAT(c.out, Catch::StartsWith("scope,kind,id,"));
    CHECK_THAT(c.out, !Catch::Contains("sokande.kommun="));
}

TEST_CASE("batch: bad options, unreadable input and rules exit 2 with a message", "[cli][batch]") {
    std::string in = temp_path("pop.jsonl");
    write_file(in, population());
    auto r = run("batch --rules rules '" + in + "' --threads many");
    CHECK(r.status == 2);
    CHECK_THAT(r.out, Catch::Contains("--threads needs a whole number"));
    r = run("batch --rules rules --group-by sokande.kommn '" + in + "'");
    CHECK(r.status == 2);
    CHECK_THAT(r.out, Catch::Contains("did you mean 'kommun'?"));
    r = run("batch --rules rules /no/such/plans.jsonl");
    CHECK(r.status == 2);
    CHECK_THAT(r.out, Catch::Contains("cannot read '/no/such/plans.jsonl'"));
    r = run("batch --rules /no/such/rules '" + in + "'");
    CHECK(r.status == 2);
    r = run("batch --rules rules");
    CHECK(r.status == 2);
    CHECK_THAT(r.out, Catch::Contains("batch needs a JSON Lines file"));
    r = run("batch --rules rules --ruleset kommun.0181 '" + in + "'");
    CHECK(r.status == 2);
    CHECK_THAT(r.out, Catch::Contains("did you mean 'kommun.0180'?"));
}
