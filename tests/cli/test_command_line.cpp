// The command line, the same for every command: its own --help, `--name value` and
// `--name=value`, `--` before operands that look like options, '-' for standard input, and
// exit status 2 with the command's usage when the line cannot be parsed.

#include "cli/cli_run.hpp"

#include <set>

using planrules::test::Run;
using planrules::test::run_cli;
using planrules::test::scratch_dir;
using planrules::test::write_file;

namespace {

const std::vector<std::string> commands = {"check", "validate", "test", "explain", "fmt", "batch"};

}  // namespace

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
