// The table of diagnostic codes (engine/src/diagnostics/codes.hpp) and what is built from it:
// the list in docs/language.md is the table rendered (regenerate it with
// PLANRULES_UPDATE_GOLDEN=1), every code names a section of the docs that exists, every code
// of the table is reported somewhere in the engine, and what the engine reports has the code's
// severity.

#include "support.hpp"

#include "diagnostics/codes.hpp"

#include <planrules/compile.hpp>
#include <planrules/read.hpp>

#include <fmt/format.h>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <regex>
#include <set>

using namespace planrules;
using namespace planrules::test;
namespace fs = std::filesystem;

namespace {

constexpr std::string_view begin_marker = "<!-- diagnostic codes: generated from engine/src/diagnostics/codes.hpp -->\n";
constexpr std::string_view end_marker = "<!-- end of diagnostic codes -->\n";

// GitHub's anchor of a heading: lower case, punctuation dropped, spaces as '-'.
std::string anchor(std::string_view heading) {
    std::string out;
    for (char c : heading) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x80 || std::isalnum(u) || c == '-' || c == '_') out += static_cast<char>(u < 0x80 ? std::tolower(u) : u);
        else if (c == ' ') out += '-';
    }
    return out;
}

// "Limits" -> ("language.md", "Limits"); "host-guide.md#Loading a plan" -> ("host-guide.md", …)
std::pair<std::string, std::string> where(std::string_view section) {
    const auto hash = section.find(".md#");
    if (hash == std::string_view::npos) return {"language.md", std::string(section)};
    return {std::string(section.substr(0, hash + 3)), std::string(section.substr(hash + 4))};
}

std::string link(std::string_view section) {
    auto [doc, heading] = where(section);
    return doc == "language.md" ? fmt::format("[{}](#{})", heading, anchor(heading))
                                : fmt::format("[{}]({}#{})", heading, doc, anchor(heading));
}

// The docs' list: one table per group, in the table's order.
std::string rendered_list() {
    std::string out;
    std::vector<std::string_view> groups;
    for (const auto& row : diagnostics::all_codes())
        if (std::find(groups.begin(), groups.end(), row.group) == groups.end()) groups.push_back(row.group);
    for (auto group : groups) {
        out += fmt::format("\n**{}**\n\n| code | severity | meaning | explained in |\n|---|---|---|---|\n", group);
        for (const auto& row : diagnostics::all_codes())
            if (row.group == group)
                out += fmt::format("| `{}` | {} | {} | {} |\n", row.code, to_string(row.severity), row.meaning, link(row.section));
    }
    return out + "\n";
}

bool update_mode() {
    const char* v = std::getenv("PLANRULES_UPDATE_GOLDEN");
    return v && *v && std::string_view(v) != "0";
}

std::string engine_sources() {
    std::string all;
    for (const auto& e : fs::recursive_directory_iterator(fs::path(source_dir()) / "engine")) {
        if (!e.is_regular_file() || e.path().parent_path().filename() == "diagnostics") continue;
        const auto ext = e.path().extension();
        if (ext == ".cpp" || ext == ".hpp") all += read_file(e.path().string());
    }
    return all;
}

}  // namespace

TEST_CASE("diagnostic codes: one row each, kebab-case, with a meaning", "[docs][diagnostics]") {
    std::set<std::string_view> seen;
    const std::regex kebab("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    for (const auto& row : diagnostics::all_codes()) {
        INFO(row.code);
        CHECK(seen.insert(row.code).second);
        CHECK(std::regex_match(std::string(row.code), kebab));
        CHECK_FALSE(row.meaning.empty());
        CHECK_FALSE(row.group.empty());
        CHECK(diagnostics::find_code(row.code) == &row);
    }
    CHECK(seen.size() >= 100);
    CHECK(diagnostics::find_code("no-such-code") == nullptr);
}

TEST_CASE("diagnostic codes: every error and warning has a default help, used where the place that reports it has none",
          "[docs][diagnostics]") {
    for (const auto& row : diagnostics::all_codes()) {
        INFO(row.code);
        if (row.severity == DiagnosticSeverity::error || row.severity == DiagnosticSeverity::warning)
            CHECK_FALSE(row.help.empty());
    }
    // the checker reports a unary minus on a string with no help of its own
    auto c = compile_sources({std::make_shared<SourceFile>("t.rules", "ruleset t \"T\"\ndefine x = -\"a\"\n")});
    const Diagnostic* mismatch = nullptr;
    for (const auto& d : c.diagnostics)
        if (d.code == "type-mismatch") mismatch = &d;
    REQUIRE(mismatch != nullptr);
    CHECK(mismatch->help == diagnostics::find_code("type-mismatch")->help);
    // a help of its own wins
    auto d = diagnostics::make("type-mismatch", nullptr, {}, "m", "own help");
    CHECK(d.help == "own help");
}

TEST_CASE("diagnostic codes: docs/language.md lists the table as it is", "[docs][diagnostics]") {
    const std::string path = source_dir() + "/docs/language.md";
    std::string doc = read_file(path);
    const auto b = doc.find(begin_marker);
    const auto e = doc.find(end_marker);
    REQUIRE(b != std::string::npos);
    REQUIRE(e != std::string::npos);
    REQUIRE(b < e);
    const std::string listed = doc.substr(b + begin_marker.size(), e - b - begin_marker.size());
    const std::string expected = rendered_list();
    if (update_mode()) {
        doc.replace(b + begin_marker.size(), listed.size(), expected);
        write_file(path, doc);
        SUCCEED("updated docs/language.md");
        return;
    }
    INFO("to regenerate the list: PLANRULES_UPDATE_GOLDEN=1 planrules_tests \"[diagnostics]\"");
    CHECK(listed == expected);
}

TEST_CASE("diagnostic codes: every code is explained in a section of the docs that exists", "[docs][diagnostics]") {
    std::map<std::string, std::set<std::string>> headings;  // per doc
    for (const auto& row : diagnostics::all_codes()) {
        auto [doc, heading] = where(row.section);
        if (!headings.count(doc)) {
            std::set<std::string> hs;
            std::istringstream in(read_file(source_dir() + "/docs/" + doc));
            for (std::string line; std::getline(in, line);)
                if (line.rfind("## ", 0) == 0 || line.rfind("### ", 0) == 0) hs.insert(line.substr(line.find(' ') + 1));
            headings[doc] = std::move(hs);
        }
        INFO(row.code << " -> " << doc << " § " << heading);
        CHECK(headings[doc].count(heading) == 1);
    }
}

TEST_CASE("diagnostic codes: every code of the table is reported somewhere in the engine", "[docs][diagnostics]") {
    const std::string sources = engine_sources();
    for (const auto& row : diagnostics::all_codes()) {
        INFO(row.code);
        CHECK(sources.find(fmt::format("\"{}\"", row.code)) != std::string::npos);
    }
    // the codes of reading input, which the public header spells out
    CHECK(diagnostics::find_code(plan_input.too_large_code) != nullptr);
    CHECK(diagnostics::find_code(rule_input.too_large_code) != nullptr);
}

TEST_CASE("diagnostic codes: what the engine reports is in the table, at the table's severity", "[docs][diagnostics]") {
    planrules::test::InSourceDir in_source_dir;
    std::size_t checked = 0;
    for (const auto& e : fs::directory_iterator("tests/golden/diagnostics")) {
        if (e.path().extension() != ".rules" && e.path().extension() != ".schema" && e.path().extension() != ".test") continue;
        std::vector<fs::path> paths{"rules/handlingsplan.schema", "rules/af", e.path()};
        if (e.path().extension() == ".schema") paths = {e.path()};
        for (const auto& d : compile_paths(paths).diagnostics) {
            INFO(e.path().string() << ": " << d.code << ": " << d.message);
            const auto* row = diagnostics::find_code(d.code);
            REQUIRE(row != nullptr);
            CHECK(row->severity == d.severity);
            ++checked;
        }
    }
    auto missing = compile_paths({"no/such/file.rules"});
    REQUIRE_FALSE(missing.diagnostics.empty());
    CHECK(diagnostics::find_code(missing.diagnostics.front().code) != nullptr);
    CHECK(checked >= 30);
}
