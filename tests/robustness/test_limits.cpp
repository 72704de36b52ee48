// Every limit of planrules::Limits has a test that exceeds it and gets a clear
// diagnostic instead of a crash (in particular, no stack overflow).

#include "support.hpp"

#include <filesystem>

using namespace planrules;
using namespace planrules::test;

namespace {

std::string repeat(std::string_view s, std::size_t n) {
    std::string out;
    out.reserve(s.size() * n);
    for (std::size_t i = 0; i < n; ++i) out += s;
    return out;
}

std::string rule_with(std::string_view require) {
    return fmt::format("ruleset t \"T\"\nrule R-1 \"t\"\n  severity error\n  require {}\n  message \"m\"\n", require);
}

}  // namespace

TEST_CASE("a 10 MB file of '(' is refused by the file size limit", "[limits]") {
    std::string text = repeat("(", 10u << 20);
    auto r = parse(text);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].code == "file-too-large");
    CHECK_THAT(r.diagnostics[0].message, Catch::Contains("10485760 bytes"));
}

TEST_CASE("a 10 MB file of '(' within a raised size limit stops at the nesting limit", "[limits]") {
    Limits limits;
    limits.max_file_size = 16u << 20;
    std::string text = rule_with(repeat("(", 10u << 20));
    auto r = parse(text, limits);
    REQUIRE_FALSE(r.diagnostics.empty());
    CHECK(r.diagnostics[0].code == "nesting-too-deep");
    CHECK(r.diagnostics[0].message == "expression nested more than 48 levels deep");
}

TEST_CASE("the driver refuses an oversized file before reading it", "[limits]") {
    auto path = scratch_dir("limits") / "too-large.rules";
    write_file(path.string(), repeat("# comment\n", 500'000));
    CompileOptions options;
    options.limits.max_file_size = 1u << 20;
    auto c = compile_paths({path}, options);
    REQUIRE(c.diagnostics.size() == 1);
    CHECK(c.diagnostics[0].code == "file-too-large");
    CHECK_FALSE(c.unreadable);
    std::filesystem::remove(path);
}

TEST_CASE("100,000-deep nesting of every recursive construct gives a diagnostic", "[limits]") {
    const std::size_t n = 100'000;
    struct Case {
        const char* name;
        std::string text;
        const char* code;
    };
    std::vector<Case> cases = {
        {"parentheses", rule_with(repeat("(", n) + "true" + repeat(")", n)), "nesting-too-deep"},
        {"lists", rule_with("1 in " + repeat("[", n) + repeat("]", n)), "nesting-too-deep"},
        {"not", rule_with(repeat("not ", n) + "true"), "nesting-too-deep"},
        {"unary minus", rule_with(repeat("-", n) + "1 > 0"), "nesting-too-deep"},
        {"calls", rule_with(repeat("f(", n) + repeat(")", n)), "nesting-too-deep"},
        {"if", rule_with(repeat("if true then ", n) + "true" + repeat(" else false", n)), "nesting-too-deep"},
        {"aggregates", rule_with(repeat("count(", n) + repeat(")", n) + " > 0"), "nesting-too-deep"},
        {"exists", rule_with(repeat("exists a in ", n) + "x"), "nesting-too-deep"},
        {"types", "type T { f: " + repeat("list<", n) + "int" + repeat(">", n) + " }\n", "nesting-too-deep"},
        {"interpolation", "ruleset t \"T\"\nrule R \"t\"\n  message \"{" + repeat("(", n) + "}\"\n", "nesting-too-deep"},
        {"or chain", rule_with("true" + repeat(" or true", n)), "expression-too-long"},
        {"plus chain", rule_with("1" + repeat(" + 1", n) + " > 0"), "expression-too-long"},
        {"member chain", rule_with("plan" + repeat(".x", n)), "expression-too-long"},
    };
    for (auto& c : cases) {
        DYNAMIC_SECTION(c.name) {
            auto r = parse(c.text);
            REQUIRE_FALSE(r.diagnostics.empty());
            CHECK(has_code(r.diagnostics, c.code));
            // and the whole pipeline (parse + check) survives it too
            CHECK_NOTHROW(compile_with_schema(c.text));
        }
    }
}

TEST_CASE("nesting up to the limit is accepted", "[limits]") {
    Limits limits;
    limits.max_nesting_depth = 64;
    limits.max_parse_stack_bytes = 4u << 20;  // debug and sanitizer builds have large frames
    // max_nesting_depth levels inside the outermost expression
    auto r = parse(rule_with(repeat("(", 64) + "true" + repeat(")", 64)), limits);
    CHECK(r.diagnostics.empty());
    auto deeper = parse(rule_with(repeat("(", 65) + "true" + repeat(")", 65)), limits);
    CHECK(has_code(deeper.diagnostics, "nesting-too-deep"));
}

TEST_CASE("the documented nesting limit, 48 levels, is the limit of every construct", "[limits]") {
    Limits limits;
    limits.max_parse_stack_bytes = 4u << 20;  // debug and sanitizer builds have large frames
    REQUIRE(limits.max_nesting_depth == 48);
    const auto at = [](std::size_t n) {
        return std::vector<std::pair<const char*, std::string>>{
            {"parentheses", rule_with(repeat("(", n) + "true" + repeat(")", n))},
            {"lists", rule_with("1 in " + repeat("[", n) + repeat("]", n))},
            {"not", rule_with(repeat("not ", n) + "true")},
            {"unary minus", rule_with(repeat("-", n) + "1 > 0")},
            {"types", "type T { f: " + repeat("list<", n) + "int" + repeat(">", n) + " }\n"},
        };
    };
    for (const auto& [name, text] : at(48)) {
        CAPTURE(name);
        CHECK_FALSE(has_code(parse(text, limits).diagnostics, "nesting-too-deep"));
    }
    for (const auto& [name, text] : at(49)) {
        CAPTURE(name);
        auto r = parse(text, limits);
        REQUIRE(has_code(r.diagnostics, "nesting-too-deep"));
        CHECK(r.diagnostics[0].message == "expression nested more than 48 levels deep");
    }
}

TEST_CASE("the parser keeps to its stack budget", "[limits]") {
    Limits limits;
    limits.max_nesting_depth = 1000;
    limits.max_parse_stack_bytes = 64u << 10;
    auto r = parse(rule_with(repeat("(", 500) + "true" + repeat(")", 500)), limits);
    REQUIRE(has_code(r.diagnostics, "nesting-too-deep"));
    CHECK_THAT(find_code(r.diagnostics, "nesting-too-deep")->message, Catch::Contains("stack budget of 64 KiB"));
    // a shallow expression fits in the same budget
    CHECK(parse(rule_with("((true))"), limits).diagnostics.empty());
}

TEST_CASE("the nesting limit is an option", "[limits]") {
    Limits limits;
    limits.max_nesting_depth = 5;
    auto r = parse(rule_with("((((((true))))))"), limits);
    REQUIRE(has_code(r.diagnostics, "nesting-too-deep"));
    CHECK(find_code(r.diagnostics, "nesting-too-deep")->message == "expression nested more than 5 levels deep");
    limits.max_nesting_depth = 10;
    CHECK(parse(rule_with("((((((true))))))"), limits).diagnostics.empty());
}

TEST_CASE("names longer than the limit are reported", "[limits]") {
    Limits limits;
    limits.max_identifier_length = 16;
    auto r = parse("define " + std::string(17, 'a') + " = 1\n", limits);
    REQUIRE(has_code(r.diagnostics, "name-too-long"));
    CHECK(spelled(*find_code(r.diagnostics, "name-too-long")) == std::string(17, 'a'));
    CHECK(parse("define " + std::string(16, 'a') + " = 1\n", limits).diagnostics.empty());
}

TEST_CASE("strings longer than the limit are reported", "[limits]") {
    Limits limits;
    limits.max_string_length = 10;
    auto r = parse("define s = \"" + std::string(11, 'x') + "\"\n", limits);
    REQUIRE(has_code(r.diagnostics, "string-too-long"));
    CHECK(parse("define s = \"" + std::string(10, 'x') + "\"\n", limits).diagnostics.empty());
}

TEST_CASE("the parser stops after max_diagnostics errors", "[limits]") {
    Limits limits;
    limits.max_diagnostics = 20;
    std::string text = repeat("rule\n", 1000);
    auto r = parse(text, limits);
    CHECK(count_severity(r.diagnostics, DiagnosticSeverity::error) == 20);
    CHECK(r.diagnostics.back().code == "too-many-errors");
}

TEST_CASE("the checker reports at most max_diagnostics errors and warnings per file", "[limits]") {
    std::string rules(planrules::test::header);
    for (int i = 0; i < 300; ++i)
        rules += fmt::format("rule R-{} \"t\"\n  severity error\n  source \"s\"\n  require plan.finns_inte_{} == 1\n  message \"m\"\n", i, i);
    CompileOptions options;
    options.limits.max_diagnostics = 25;
    auto c = planrules::test::compile_with_schema(rules, options);
    CHECK(count_severity(c.diagnostics, DiagnosticSeverity::error) == 25);
    REQUIRE(!c.diagnostics.empty());
    CHECK(c.diagnostics.back().code == "too-many-errors");
    CHECK(c.diagnostics.back().severity == DiagnosticSeverity::note);
    CHECK_THAT(c.diagnostics.back().message, Catch::Contains("more than 25 errors"));
    // the default limit is 200
    auto all = planrules::test::compile_with_schema(rules);
    CHECK(count_severity(all.diagnostics, DiagnosticSeverity::error) == 200);
}

TEST_CASE("warnings past max_diagnostics are left out and do not fail the compilation", "[limits]") {
    std::string rules(planrules::test::header);
    for (int i = 0; i < 40; ++i)
        rules += fmt::format("rule R-{} \"t\"\n  severity error\n  source \"s\"\n  require count(a in plan.aktiviteter where a.typ == \"typ{}\") <= 3\n  message \"m\"\n", i, i);
    CompileOptions options;
    options.limits.max_diagnostics = 10;
    auto c = planrules::test::compile_with_schema(rules, options);
    CHECK(c.program != nullptr);
    CHECK(count_severity(c.diagnostics, DiagnosticSeverity::error) == 0);
    CHECK(count_severity(c.diagnostics, DiagnosticSeverity::warning) == 10);
    std::size_t summaries = 0;
    for (const auto& d : c.diagnostics) summaries += d.code == "too-many-warnings";
    CHECK(summaries == 1);
}

TEST_CASE("the number of files is limited", "[limits]") {
    CompileOptions options;
    options.limits.max_files = 2;
    auto c = compile_sources({source("# a\n", "a.rules"), source("# b\n", "b.rules"), source("# c\n", "c.rules")}, options);
    CHECK(c.file_count == 2);
    CHECK(has_errors(c.diagnostics));
}
