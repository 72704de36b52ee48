// Checker: test declarations. A plan (inline or a file that exists), at least one
// expectation, a date, known rule ids in every expectation, and JSON pointers.

#include "check/check_helpers.hpp"

#include "diagnostics/codes.hpp"

#include <filesystem>

using namespace planrules;
using namespace planrules::test;
using namespace planrules::test::check_tests;

namespace {

const std::string rules_text = std::string(header) +
                               rule("EX-6.1", "  require present(plan.stodbehov)") +
                               rule("EX-6.2", "  require count(plan.aktiviteter) > 0");

const std::string inline_plan = "  plan { \"id\": \"HP-1\", \"aktiviteter\": [] }\n";

// Compiles the rules above with a test file.
Compilation with_tests(const std::string& tests, const std::string& test_file = "ex.test") {
    return check_files({{"ex.rules", rules_text}, {test_file, tests}});
}

std::uint32_t offset_in(const std::string& text, std::string_view needle, std::size_t from = 0) {
    auto p = text.find(needle, from);
    REQUIRE(p != std::string::npos);
    return static_cast<std::uint32_t>(p);
}

}  // namespace

TEST_CASE("tests: every form of expectation with known rules checks clean", "[check][tests]") {
    require_clean(with_tests(
        "test \"Alla former\"\n"
        "  as of 2024-03-01\n" +
        inline_plan +
        "  expect EX-6.1\n"
        "  expect EX-6.1 at \"/stodbehov\"\n"
        "  expect EX-6.2 outcome violated\n"
        "  expect EX-6.2 at \"/aktiviteter\" outcome indeterminate\n"
        "  expect no EX-6.2\n"
        "  expect only EX-6.1, EX-6.2\n"
        "test \"Inget\"\n"
        "  as of 2024-03-01\n" +
        inline_plan +
        "  expect nothing\n"));
}

TEST_CASE("tests: the empty pointer (the whole plan) is a pointer", "[check][tests]") {
    require_clean(with_tests("test \"Rot\"\n  as of 2024-03-01\n" + inline_plan + "  expect EX-6.1 at \"\"\n"));
}

TEST_CASE("tests: tests may stand in the rule file itself", "[check][tests]") {
    require_clean(check_files(
        {{"ex.rules", rules_text + "test \"I regelfilen\"\n  as of 2024-03-01\n" + inline_plan + "  expect EX-6.1\n"}}));
}

TEST_CASE("tests: an unknown rule in expect, with a suggestion", "[check][tests]") {
    const std::string text = "test \"T\"\n  as of 2024-03-01\n" + inline_plan + "  expect EX-6.3\n";
    auto d = only(with_tests(text), "unknown-rule");
    CHECK(d.file_name == "ex.test");
    CHECK(spelled(d) == "EX-6.3");
    CHECK(d.span.begin == offset_in(text, "EX-6.3"));
    CHECK((d.help == "did you mean 'EX-6.1'?" || d.help == "did you mean 'EX-6.2'?"));
}

TEST_CASE("tests: unknown rules in 'expect no' and 'expect only' are each reported", "[check][tests]") {
    const std::string text = "test \"T\"\n  as of 2024-03-01\n" + inline_plan +
                             "  expect no HP-9\n"
                             "  expect only EX-6.1, XX-1, EX-6.2, YY-2\n";
    auto c = with_tests(text);
    auto ds = all_with(c, "unknown-rule");
    INFO(describe(c.diagnostics));
    REQUIRE(ds.size() == 3);
    REQUIRE(main_diagnostics(c.diagnostics).size() == 3);
    CHECK(spelled(ds[0]) == "HP-9");
    CHECK(spelled(ds[1]) == "XX-1");
    CHECK(spelled(ds[2]) == "YY-2");
}

TEST_CASE("tests: an unknown rule far from every rule has no suggestion", "[check][tests]") {
    auto d = only(with_tests("test \"T\"\n  as of 2024-03-01\n" + inline_plan + "  expect QQQQQ-QQQQQ\n"),
                  "unknown-rule");
    CHECK(spelled(d) == "QQQQQ-QQQQQ");
    // no did-you-mean: the code's own help
    CHECK(d.help == diagnostics::find_code("unknown-rule")->help);
}

TEST_CASE("tests: a pointer that does not start with '/' is bad-pointer", "[check][tests]") {
    const std::string text = "test \"Pekare börjar med /\"\n  as of 2024-03-01\n" + inline_plan +
                             "  expect EX-6.1 at \"stodbehov\"\n";
    auto d = only(with_tests(text), "bad-pointer");
    CHECK(spelled(d) == "\"stodbehov\"");
    CHECK(d.span.begin == offset_in(text, "\"stodbehov\""));
    CHECK(d.help.find("start with '/'") != std::string::npos);
}

TEST_CASE("tests: a bad pointer with an outcome is still reported", "[check][tests]") {
    auto d = only(with_tests("test \"T\"\n  as of 2024-03-01\n" + inline_plan +
                             "  expect EX-6.2 at \"aktiviteter/0\" outcome violated\n"),
                  "bad-pointer");
    CHECK(spelled(d) == "\"aktiviteter/0\"");
}

TEST_CASE("tests: a missing plan file is plan-not-found at the file name", "[check][tests]") {
    const std::string text = "test \"Saknad plan\"\n  as of 2024-03-01\n  plan \"finns-inte/plan.json\"\n"
                             "  expect EX-6.1\n";
    auto d = only(with_tests(text), "plan-not-found");
    CHECK(spelled(d) == "\"finns-inte/plan.json\"");
    CHECK(d.span.begin == offset_in(text, "\"finns-inte/plan.json\""));
    CHECK(d.help.find("relative to the folder of this file") != std::string::npos);
}

TEST_CASE("tests: a plan file is found relative to the folder of the test file", "[check][tests]") {
    namespace fs = std::filesystem;
    auto dir = test::scratch_dir("check-tests");
    fs::create_directories(dir / "plans");
    write_file((dir / "plans" / "plan.json").string(), "{ \"id\": \"HP-1\" }\n");
    const std::string test_file = (dir / "ex.test").generic_string();
    const std::string text = "test \"Planfil\"\n  as of 2024-03-01\n  plan \"plans/plan.json\"\n  expect EX-6.1\n";
    require_clean(with_tests(text, test_file));
    // the same name from another folder is not found
    auto d = only(with_tests(text, (dir / "plans" / "ex.test").generic_string()), "plan-not-found");
    CHECK(spelled(d) == "\"plans/plan.json\"");
}

TEST_CASE("tests: a test without a plan", "[check][tests]") {
    const std::string text = "test \"Utan plan\"\n  as of 2024-03-01\n  expect EX-6.1\n";
    auto d = only(with_tests(text), "test-without-plan");
    CHECK(spelled(d) == "\"Utan plan\"");
}

TEST_CASE("tests: a test without an expectation", "[check][tests]") {
    const std::string text = "test \"Utan förväntan\"\n  as of 2024-03-01\n" + inline_plan;
    auto d = only(with_tests(text), "test-without-expect");
    CHECK(spelled(d) == "\"Utan förväntan\"");
}

TEST_CASE("tests: a test without a date is a warning", "[check][tests]") {
    const std::string text = "test \"Utan datum\"\n" + inline_plan + "  expect EX-6.1\n";
    auto c = with_tests(text);
    auto d = only(c, "test-without-date");
    CHECK(d.severity == DiagnosticSeverity::warning);
    CHECK(spelled(d) == "\"Utan datum\"");
    CHECK_FALSE(has_errors(c.diagnostics));
}

TEST_CASE("tests: an expectation of a rule that failed to parse is not unknown-rule", "[check][tests]") {
    // the rule's declaration has a syntax error; the test's reference to it must not add a
    // second, misleading error
    auto c = check_files({{"ex.rules", std::string(header) + "rule EX-9 \"Trasig\"\n  severity error\n"
                                                             "  source \"s\"\n  require plan.status = \"utkast\"\n"
                                                             "  message \"m\"\n"},
                          {"ex.test", "test \"T\"\n  as of 2024-03-01\n" + inline_plan + "  expect EX-9\n"}});
    INFO(describe(c.diagnostics));
    CHECK(has_errors(c.diagnostics));
    CHECK_FALSE(has_code(c.diagnostics, "unknown-rule"));
}
