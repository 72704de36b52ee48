// Golden tests of diagnostics: every case in tests/golden/diagnostics/ is a rule file
// (NN-name.rules) or a folder of rule files (NN-name/), compiled together with the plan
// schema and the national rule set in rules/af/. The rendered diagnostics (text form, no
// colour) must equal NN-name.expected (English) and NN-name.sv.expected (Swedish) byte for
// byte.
//
// To accept new output after a deliberate change, run with PLANRULES_UPDATE_GOLDEN=1 and
// review the diff of the .expected files before committing.

#include "../support.hpp"

#include <planrules/compile.hpp>
#include <planrules/report/render.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <set>

namespace fs = std::filesystem;
using namespace planrules;
using planrules::test::read_file;
using planrules::test::source_dir;
using planrules::test::write_file;

namespace {

struct Case {
    std::string name;     // NN-name
    fs::path input;       // relative to the source dir: tests/golden/diagnostics/NN-name[.rules]
    fs::path expected;    // tests/golden/diagnostics/NN-name.expected
    fs::path expected_sv; // tests/golden/diagnostics/NN-name.sv.expected
};

std::vector<Case> golden_cases() {
    std::vector<Case> out;
    const fs::path dir = "tests/golden/diagnostics";
    for (const auto& entry : fs::directory_iterator(fs::path(source_dir()) / dir)) {
        const auto& p = entry.path();
        if (entry.is_directory() || p.extension() == ".rules" || p.extension() == ".test" || p.extension() == ".schema") {
            Case c;
            c.name = p.stem().string();
            if (entry.is_directory()) c.name = p.filename().string();
            c.input = dir / p.filename();
            c.expected = dir / (c.name + ".expected");
            c.expected_sv = dir / (c.name + ".sv.expected");
            out.push_back(std::move(c));
        }
    }
    std::sort(out.begin(), out.end(), [](const Case& a, const Case& b) { return a.name < b.name; });
    return out;
}

// Compiles one case from the source dir, so that file names in the output are relative.
Compilation compile_case(const Case& c, Language language = Language::en) {
    planrules::test::InSourceDir in_source_dir;
    CompileOptions options;
    options.language = language;
    return compile_paths({"rules/handlingsplan.schema", "rules/af", c.input}, options);
}

bool in_case(const Diagnostic& d, const Case& c) {
    const std::string prefix = c.input.generic_string();
    return d.file_name.rfind(prefix, 0) == 0;
}

// The diagnostics of the case's own files, each with the notes that follow it.
Diagnostics case_diagnostics(const Compilation& comp, const Case& c) {
    Diagnostics out;
    bool keep = false;
    for (const auto& d : comp.diagnostics) {
        if (d.severity != DiagnosticSeverity::note) keep = in_case(d, c);
        if (keep) out.push_back(d);
    }
    return out;
}

bool update_mode() {
    const char* v = std::getenv("PLANRULES_UPDATE_GOLDEN");
    return v && *v && std::string_view(v) != "0";
}

}  // namespace

TEST_CASE("golden: rendered diagnostics match the .expected files, in English and in Swedish", "[golden]") {
    auto cases = golden_cases();
    REQUIRE(cases.size() >= 25);
    for (const auto& c : cases) {
        for (const Language language : {Language::en, Language::sv}) {
            DYNAMIC_SECTION(c.name << " " << language_code(language)) {
                auto comp = compile_case(c, language);
                RenderOptions options;
                options.language = language;
                const std::string actual = render_text(case_diagnostics(comp, c), options);
                const fs::path& expected = language == Language::sv ? c.expected_sv : c.expected;
                const fs::path expected_path = fs::path(source_dir()) / expected;
                if (update_mode()) {
                    write_file(expected_path.string(), actual);
                    SUCCEED("updated " << expected.string());
                    continue;
                }
                INFO("case " << c.input.string() << "; to accept new output: PLANRULES_UPDATE_GOLDEN=1");
                REQUIRE(fs::exists(expected_path));
                CHECK(actual == read_file(expected_path.string()));
            }
        }
    }
}

TEST_CASE("golden: in Swedish every message and help of every case is Swedish", "[golden]") {
    for (const auto& c : golden_cases()) {
        const auto en = case_diagnostics(compile_case(c, Language::en), c);
        const auto sv = case_diagnostics(compile_case(c, Language::sv), c);
        INFO("case " << c.name);
        REQUIRE(en.size() == sv.size());  // the same diagnostics, codes and places in both
        for (std::size_t i = 0; i < en.size(); ++i) {
            INFO("message: " << en[i].message << "\nhelp: " << en[i].help);
            CHECK(sv[i].code == en[i].code);
            CHECK(sv[i].span.begin == en[i].span.begin);
            CHECK(sv[i].message != en[i].message);
            if (!en[i].help.empty()) CHECK(sv[i].help != en[i].help);
        }
    }
}

TEST_CASE("golden: every case shows a mistake with its position, caret and help", "[golden]") {
    std::set<std::string> distinct;
    for (const auto& c : golden_cases()) {
        auto comp = compile_case(c);
        auto ds = case_diagnostics(comp, c);
        INFO("case " << c.name);
        // each case is a mistake: at least one error or warning, at a position in the case's file
        auto leader = std::find_if(ds.begin(), ds.end(), [](const Diagnostic& d) {
            return d.severity != DiagnosticSeverity::note;
        });
        REQUIRE(leader != ds.end());
        CHECK(leader->has_span);
        CHECK_FALSE(leader->help.empty());
        const std::string text = render_text(*leader);
        CHECK(text.find('^') != std::string::npos);
        CHECK(text.find("help:") != std::string::npos);
        distinct.insert(leader->code);
    }
    // the cases cover at least 25 different kinds of mistake
    CHECK(distinct.size() >= 25);
}

TEST_CASE("golden: the rules the cases are compiled with are clean", "[golden]") {
    planrules::test::InSourceDir in_source_dir;
    auto comp = compile_paths({"rules/handlingsplan.schema", "rules/af"});
    CHECK(comp.diagnostics.empty());
}
