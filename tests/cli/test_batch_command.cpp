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
    auto r = run("batch --lang sv --rules rules --as-of 2023-06-01 '" + in + "'");
    CHECK(r.status == 0);
    CHECK_THAT(r.out, Catch::Contains("Population bedömd per 2023-06-01: 3 poster, 2 planer"));
    CHECK_THAT(r.out, Catch::Contains("rad 3: planen är inte giltig JSON: "));
    CHECK_THAT(r.out, Catch::Contains("Nyckeltal"));
    CHECK_THAT(r.out, Catch::Contains("HP-6.1"));
    // no progress bar when standard error is not a terminal
    CHECK_THAT(r.out, !Catch::Contains("poster/s"));
    // in English
    auto en = run("batch --lang en --rules rules --as-of 2023-06-01 '" + in + "'");
    CHECK_THAT(en.out, Catch::Contains("Population assessed as of 2023-06-01: 3 records, 2 plans"));
    CHECK_THAT(en.out, Catch::Contains("line 3: the plan is not valid JSON: "));
    CHECK_THAT(en.out, Catch::Contains("Key figures"));
}

TEST_CASE("batch: aligned columns, municipalities by name, no rule outside the scope", "[cli][batch]") {
    std::string in = temp_path("pop.jsonl");
    write_file(in, population());
    auto r = run("batch --lang sv --rules rules --as-of 2023-06-01 --ruleset af.forordning '" + in + "'");
    CHECK(r.status == 0);
    // the rules of the other rule sets are all skipped: not in the rule table
    const auto rules = r.out.substr(r.out.find("  Regler"), r.out.find("Per sokande") - r.out.find("  Regler"));
    CHECK_THAT(rules, Catch::Contains("HP-6.1"));
    CHECK_THAT(rules, !Catch::Contains("AF-6M"));
    CHECK_THAT(rules, !Catch::Contains("K1480-SPAR"));
    // the groups by the municipality's name from the schema's code list
    CHECK_THAT(r.out, Catch::Contains("  0180 Stockholm "));
    // every row of the rule table as wide as the heading (in characters), whatever the ids
    auto chars = [](std::string_view s) {
        std::size_t n = 0;
        for (unsigned char ch : s) n += (ch & 0xC0) != 0x80;
        return n;
    };
    const auto table = r.out.substr(r.out.find("  Regler"));
    const auto heading = table.substr(0, table.find('\n'));
    std::size_t rows = 0;
    for (std::size_t at = table.find('\n') + 1; table.compare(at, 3, "  H") == 0; at = table.find('\n', at) + 1) {
        CHECK(chars(table.substr(at, table.find('\n', at) - at)) == chars(heading));
        ++rows;
    }
    CHECK(rows == 3);  // HP-6.1–3
}

TEST_CASE("batch: --csv sv opens as columns in Swedish Excel; --findings FILE.csv", "[cli][batch]") {
    std::string in = temp_path("pop.jsonl"), findings = temp_path("fynd.csv");
    write_file(in, population());
    auto c = run("batch --rules rules --as-of 2023-06-01 --format csv --csv sv --findings '" + findings + "' '" + in + "'",
                 /*with stderr*/ false);
    CHECK(c.status == 0);
    CHECK_THAT(c.out, Catch::StartsWith("\xEF\xBB\xBFomfång;slag;id;regeluppsättning;allvarlighetsgrad;brister;obedömbara;uppfyllda;"));
    CHECK_THAT(c.out, Catch::Contains("\nalla;regel;HP-6.1;af.forordning;error;"));
    CHECK_THAT(c.out, Catch::Contains(";nyckeltal;"));
    CHECK_THAT(c.out, !Catch::Contains("0.")); // a decimal comma in the shares
    const std::string f = read_file(findings);
    CHECK_THAT(f, Catch::StartsWith("\xEF\xBB\xBFrad;plan-id;regel;regeluppsättning;allvarlighetsgrad;utfall;pekare;meddelande;senast\n"));
    CHECK_THAT(f, Catch::Contains(";HP-6.1;af.forordning;error;violated;"));
    // the plain CSV of findings
    auto plain = run("batch --rules rules --as-of 2023-06-01 --findings '" + findings + "' '" + in + "'");
    CHECK(plain.status == 0);
    CHECK_THAT(read_file(findings), Catch::StartsWith("line,plan,rule,ruleset,severity,outcome,pointer,message,due\n"));
    CHECK(run("batch --rules rules --csv xx '" + in + "'").status == 2);
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
