// Golden tests of `planrules validate` over examples/plans/: each line of
// tests/golden/validate/cases.txt names a plan, an evaluation date and a format; the CLI's
// stdout, stderr and exit status must equal tests/golden/validate/<plan>.<date>.<format>.expected.
// Every example plan must appear in cases.txt.
//
// To accept new output after a deliberate change (a rule's message, the report layout),
// run with PLANRULES_UPDATE_GOLDEN=1 and review the diff before committing.

#include "../support.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <sstream>
#include <sys/wait.h>

namespace fs = std::filesystem;
using planrules::test::read_file;
using planrules::test::source_dir;
using planrules::test::write_file;

namespace {

struct Case {
    std::string plan, as_of, format, language;  // language: "" (English, the default) or "sv"
    [[nodiscard]] std::string expected_path() const {
        return source_dir() + "/tests/golden/validate/" + fs::path(plan).stem().string() + "." + as_of + "." + format +
               (language.empty() ? "" : "." + language) + ".expected";
    }
    [[nodiscard]] std::string args() const {
        return "validate --rules rules --as-of " + as_of + " --format " + format +
               (language.empty() ? "" : " --lang " + language) + " --no-color examples/plans/" + plan;
    }
};

std::vector<Case> cases() {
    std::vector<Case> out;
    std::istringstream in(read_file(source_dir() + "/tests/golden/validate/cases.txt"));
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream words(line);
        Case c;
        words >> c.plan >> c.as_of >> c.format >> c.language;
        if (!c.format.empty()) out.push_back(c);
    }
    return out;
}

// Runs the CLI from the source directory, so the paths in the output are relative.
std::string run(const std::string& args) {
    auto err_path = planrules::test::scratch_dir("golden") / "stderr";
    std::string cmd = "cd '" + source_dir() + "' && '" + PLANRULES_CLI + "' " + args + " 2>'" + err_path.string() + "'";
    std::string out;
    FILE* pipe = popen(cmd.c_str(), "r");
    REQUIRE(pipe != nullptr);
    char buf[4096];
    std::size_t n;
    while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
    int st = pclose(pipe);
    int status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    std::string err = read_file(err_path.string());
    fs::remove(err_path);
    return "$ planrules " + args + "\n" + out + (err.empty() ? "" : "--- stderr\n" + err) +
           "--- exit status " + std::to_string(status) + "\n";
}

}  // namespace

TEST_CASE("golden validate: every example plan has a golden case", "[golden][validate]") {
    std::set<std::string> listed;
    for (const auto& c : cases()) listed.insert(c.plan);
    std::size_t plans = 0;
    for (const auto& e : fs::directory_iterator(source_dir() + "/examples/plans")) {
        if (e.path().extension() != ".json") continue;
        ++plans;
        INFO("examples/plans/" << e.path().filename().string() << " is missing from tests/golden/validate/cases.txt");
        CHECK(listed.count(e.path().filename().string()) == 1);
    }
    CHECK(plans >= 3);
}

TEST_CASE("golden validate: output of planrules validate over examples/plans", "[golden][validate]") {
    const bool update = std::getenv("PLANRULES_UPDATE_GOLDEN") != nullptr;
    auto all = cases();
    REQUIRE(!all.empty());
    std::set<std::string> formats;
    for (const auto& c : all) {
        formats.insert(c.format);
        std::string got = run(c.args());
        if (update) {
            write_file(c.expected_path(), got);
            continue;
        }
        INFO("case: planrules " << c.args() << "\n(accept deliberate changes with PLANRULES_UPDATE_GOLDEN=1)");
        REQUIRE(fs::exists(c.expected_path()));
        CHECK(got == read_file(c.expected_path()));
    }
    CHECK(formats == std::set<std::string>{"json", "text"});
}
