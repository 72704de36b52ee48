// `planrules fmt`: rewriting files in place, --check, standard input, exit codes.

#include "cli/cli_run.hpp"

#include <cstdio>
#include <filesystem>

using namespace planrules::test;

namespace {

Run run(const std::string& args, const std::string& dir = source_dir()) { return run_cli(args, dir); }

std::filesystem::path fresh_dir(const std::string& name) {
    auto dir = scratch_dir("cli-fmt") / name;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir / "sub");
    return dir;
}

const std::string messy = "define   a=1\nrule R-1 \"t\"\nseverity error\n  message \"m\"\n";
const std::string tidy = "define a = 1\n\nrule R-1 \"t\"\n  severity error\n  message \"m\"\n";

}  // namespace

TEST_CASE("fmt: the shipped rules are formatted", "[cli][fmt]") {
    auto r = run("fmt --check rules");
    CHECK(r.status == 0);
    CHECK(r.out.empty());
}

TEST_CASE("fmt: --check lists unformatted files, writes nothing, exits 1", "[cli][fmt]") {
    auto dir = fresh_dir("check");
    write_file((dir / "sub" / "a.rules").string(), messy);
    write_file((dir / "b.test").string(), tidy);
    write_file((dir / "notes.txt").string(), "not a rule file   \n");
    auto r = run("fmt --check .", dir.string());
    CHECK(r.status == 1);
    CHECK(r.out.find("sub/a.rules") != std::string::npos);
    CHECK(r.out.find("b.test") == std::string::npos);
    CHECK(r.out.find("notes.txt") == std::string::npos);
    CHECK(r.out.find("1 of 2 files are not formatted") != std::string::npos);
    CHECK(read_file((dir / "sub" / "a.rules").string()) == messy);
}

TEST_CASE("fmt: rewrites files in place and says which", "[cli][fmt]") {
    auto dir = fresh_dir("write");
    write_file((dir / "sub" / "a.rules").string(), messy);
    write_file((dir / "b.rules").string(), tidy);
    auto r = run("fmt .", dir.string());
    CHECK(r.status == 0);
    CHECK(r.out == "formatted ./sub/a.rules\n");
    CHECK(read_file((dir / "sub" / "a.rules").string()) == tidy);
    CHECK(read_file((dir / "b.rules").string()) == tidy);
    CHECK_FALSE(std::filesystem::exists(dir / "sub" / "a.rules.fmt-tmp"));
    // now clean
    CHECK(run("fmt --check .", dir.string()).status == 0);
}

TEST_CASE("fmt: standard input to standard output", "[cli][fmt]") {
    auto dir = fresh_dir("stdin");
    write_file((dir / "in.rules").string(), messy);
    auto r = run("fmt - < in.rules", dir.string());
    CHECK(r.status == 0);
    CHECK(r.out == tidy);
}

TEST_CASE("fmt: syntax errors and unreadable files exit 2 and leave the file alone", "[cli][fmt]") {
    auto dir = fresh_dir("errors");
    const std::string broken = "rule R-1 \"t\"\n  require plan.version >\n  message \"m\"\n";
    write_file((dir / "broken.rules").string(), broken);
    auto r = run("fmt --no-color broken.rules", dir.string());
    CHECK(r.status == 2);
    CHECK(r.out.find("broken.rules:3:3: error") != std::string::npos);
    CHECK(r.out.find("broken.rules was not formatted") != std::string::npos);
    CHECK(read_file((dir / "broken.rules").string()) == broken);
    r = run("fmt missing.rules", dir.string());
    CHECK(r.status == 2);
    CHECK(r.out.find("cannot read rule file 'missing.rules'") != std::string::npos);
    CHECK(run("fmt", dir.string()).status == 2);
    CHECK(run("fmt --bogus x.rules", dir.string()).status == 2);
}
