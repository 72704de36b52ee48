// The command line, the same for every command: its own --help, `--name value` and
// `--name=value`, `--` before operands that look like options, '-' for standard input, and
// exit status 2 with the command's usage when the line cannot be parsed.

#include "cli/cli_run.hpp"

#include <algorithm>
#include <cstdlib>
#include <set>

using planrules::test::Run;
using planrules::test::run_cli;
using planrules::test::scratch_dir;
using planrules::test::write_file;

namespace {

const std::vector<std::string> commands = {"check", "validate", "test", "explain", "fmt", "batch", "impact", "lsp"};

std::vector<std::string> lines_of(const std::string& s) {
    std::vector<std::string> out;
    std::size_t at = 0;
    for (std::size_t nl; (nl = s.find('\n', at)) != std::string::npos; at = nl + 1) out.push_back(s.substr(at, nl - at));
    return out;
}

std::size_t code_points(const std::string& s) {
    return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// The lines of a help that describe an option ("  --name TYPE   what it does"): the option's
// names and where its description starts, in characters.
struct OptionLine {
    std::string names;
    std::size_t column = 0;
    std::string description;
};
std::vector<OptionLine> option_lines(const std::string& help) {
    std::vector<OptionLine> out;
    for (const auto& l : lines_of(help)) {
        if (l.rfind("  -", 0) != 0) continue;
        const auto gap = l.find("  ", 2);
        if (gap == std::string::npos) continue;
        const auto text = l.find_first_not_of(' ', gap);
        const std::string head = l.substr(2, gap - 2);
        out.push_back({head.substr(0, head.find(' ')), code_points(l.substr(0, text)), l.substr(text)});
    }
    return out;
}

}  // namespace

TEST_CASE("command line: --lang sv gives the help in Swedish, the options the same", "[cli][command-line][language]") {
    Run top = run_cli("--lang sv --help");
    CHECK(top.status == 0);
    CHECK_THAT(top.out, Catch::Contains("Användning: planrules [FLAGGOR] [KOMMANDO]"));
    CHECK_THAT(top.out, Catch::Contains("Kommandon:"));
    CHECK_THAT(top.out, !Catch::Contains("Subcommands") && !Catch::Contains("validates individual action plans"));
    for (const auto& c : commands) {
        for (const std::string& args : {"--lang sv " + c + " --help", c + " --help --lang=sv"}) {
            const Run en = run_cli(c + " --help");
            const Run sv = run_cli(args);
            INFO(args << ":\n" << sv.out);
            CHECK(sv.status == 0);
            CHECK_THAT(sv.out, Catch::Contains("Användning: planrules " + c + " [FLAGGOR]"));
            CHECK_THAT(sv.out, Catch::Contains("Flaggor:\n  -h,--help"));
            CHECK_THAT(sv.out, Catch::Contains("avslutningsstatus:"));
            for (const char* english : {"Usage", "Options", "Positionals", "Print this help", "exit status", "default"})
                CHECK_THAT(sv.out, !Catch::Contains(english));
            // the same options in the same order, each described in Swedish, every description
            // in the same column as in English however wide the placeholders are in Swedish
            const auto en_lines = option_lines(en.out);
            const auto sv_lines = option_lines(sv.out);
            REQUIRE(en_lines.size() == sv_lines.size());
            CHECK(en_lines.size() >= 2);
            for (std::size_t i = 0; i < en_lines.size(); ++i) {
                INFO(sv_lines[i].names << ": " << sv_lines[i].description);
                CHECK(sv_lines[i].names == en_lines[i].names);
                CHECK(sv_lines[i].description != en_lines[i].description);
                CHECK(sv_lines[i].column == en_lines[i].column);
            }
        }
    }
}

TEST_CASE("command line: the language of the help comes from the environment", "[cli][command-line][language]") {
    setenv("LC_ALL", "sv_SE.UTF-8", 1);
    const Run sv = run_cli("validate --help");
    const Run en = run_cli("--lang en validate --help");
    unsetenv("LC_ALL");
    CHECK_THAT(sv.out, Catch::Contains("Användning: planrules validate"));
    CHECK_THAT(en.out, Catch::Contains("Usage: planrules validate"));
}

TEST_CASE("command line: what cannot be parsed is said in Swedish with --lang sv", "[cli][command-line][language]") {
    Run extra = run_cli("--lang sv validate --bogus");
    CHECK(extra.status == 2);
    CHECK_THAT(extra.out, Catch::StartsWith("planrules: oväntat argument: --bogus\n"));
    CHECK_THAT(extra.out, Catch::Contains("Användning: planrules validate"));
    Run missing = run_cli("--lang sv validate --as-of");
    CHECK(missing.status == 2);
    CHECK_THAT(missing.out, Catch::StartsWith("planrules: --as-of behöver ett värde (ÅÅÅÅ-MM-DD)\n"));
    Run bad_lang = run_cli("--lang fi check rules/");
    CHECK(bad_lang.status == 2);
    CHECK_THAT(bad_lang.out, Catch::StartsWith("planrules: --lang needs sv or en"));
}

TEST_CASE("command line: each command has its own help", "[cli][command-line]") {
    std::set<std::string> helps;
    for (const auto& c : commands) {
        for (const char* flag : {"--help", "-h"}) {
            Run r = run_cli(c + " " + flag);
            INFO(c << " " << flag << ": " << r.out);
            CHECK(r.status == 0);
            CHECK_THAT(r.out, Catch::Contains("Usage: planrules " + c));
            CHECK_THAT(r.out, Catch::Contains("exit status:"));
            helps.insert(r.out);
        }
    }
    CHECK(helps.size() == commands.size());  // -h and --help alike, each command different
    Run top = run_cli("--help");
    CHECK(top.status == 0);
    for (const auto& c : commands) CHECK_THAT(top.out, Catch::Contains(c));
}

TEST_CASE("command line: an option takes its value with a space or with '='", "[cli][command-line]") {
    for (const char* format : {"--format json", "--format=json"}) {
        Run check = run_cli(std::string("check ") + format + " rules/");
        CHECK(check.status == 0);
        CHECK(check.out.rfind("[", 0) == 0);
        Run validate = run_cli(std::string("validate --rules=rules --as-of=2024-07-15 ") + format +
                               " examples/plans/komplett.json");
        CHECK(validate.status == 0);
        CHECK(validate.out.rfind("{\"plan\": \"HP-2024-000123\"", 0) == 0);
        Run batch = run_cli(std::string("batch --rules rules --no-progress --as-of 2024-07-15 ") + format +
                            " - < /dev/null");
        CHECK(batch.status == 0);
        CHECK(batch.out.rfind("{", 0) == 0);
    }
    // repeated options take one value each: the next word is an operand
    Run two = run_cli("validate --rules rules --rules rules/af --as-of 2024-07-15 examples/plans/komplett.json");
    CHECK(two.status == 0);
    CHECK_THAT(two.out, Catch::Contains("examples/plans/komplett.json"));
}

TEST_CASE("command line: '-' is standard input for every command that reads files", "[cli][command-line]") {
    const std::string bad = "ruleset x \"x\"\nrule X-1 \"x\"\n  severity error\n  require plan.statu == \"utkast\"\n";
    std::string path = (scratch_dir("cli-stdin") / "x.rules").string();
    write_file(path, bad);
    Run check = run_cli("check --no-color rules/handlingsplan.schema - < '" + path + "'");
    CHECK(check.status == 1);
    CHECK_THAT(check.out, Catch::Contains("<stdin>:"));
    CHECK_THAT(check.out, Catch::Contains("unknown-field"));
    Run test = run_cli("test --no-color rules/ - < '" + path + "'");
    CHECK(test.status == 2);
    CHECK_THAT(test.out, Catch::Contains("<stdin>"));
    Run validate = run_cli("validate --rules rules --as-of 2024-07-15 - < examples/plans/komplett.json");
    CHECK(validate.status == 0);
    Run fmt = run_cli("fmt - < rules/af/forordning.rules");
    CHECK(fmt.status == 0);
    CHECK(fmt.out == planrules::test::read_file(planrules::test::source_dir() + "/rules/af/forordning.rules"));
}

TEST_CASE("command line: '--' ends the options", "[cli][command-line]") {
    auto dir = scratch_dir("cli-dashdash");
    write_file((dir / "-x.rules").string(), "ruleset dash \"D\"\n");
    Run r = run_cli("check -- -x.rules", dir.string());
    INFO(r.out);
    CHECK(r.status == 0);
    CHECK_THAT(r.out, Catch::Contains("checked 1 file"));
    Run without = run_cli("check -x.rules", dir.string());
    CHECK(without.status == 2);
}

TEST_CASE("command line: what cannot be parsed exits 2 with the command's usage", "[cli][command-line]") {
    for (const auto& c : commands) {
        Run r = run_cli(c + " --no-such-option x");
        INFO(c << ": " << r.out);
        CHECK(r.status == 2);
        CHECK_THAT(r.out, Catch::StartsWith("planrules: "));
        CHECK_THAT(r.out, Catch::Contains("--no-such-option"));
        CHECK_THAT(r.out, Catch::Contains("Usage: planrules " + c));
    }
    Run missing = run_cli("batch --rules");
    CHECK(missing.status == 2);
    CHECK_THAT(missing.out, Catch::Contains("Usage: planrules batch"));
    Run unknown = run_cli("frobnicate");
    CHECK(unknown.status == 2);
    CHECK_THAT(unknown.out, Catch::Contains("Usage: planrules"));
    Run none = run_cli("");
    CHECK(none.status == 2);
    CHECK_THAT(none.out, Catch::Contains("no command given"));
}
