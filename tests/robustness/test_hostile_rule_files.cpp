// No input makes the parser or the checker crash, hang or throw: truncated and garbled
// copies of every rule file in the repository are fed through the whole pipeline.

#include "support.hpp"

#include <algorithm>
#include <filesystem>
#include <random>

using namespace planrules;
using namespace planrules::test;

namespace {

std::vector<std::string> repository_rule_files() {
    namespace fs = std::filesystem;
    std::vector<std::string> files;
    for (const char* dir : {"rules", "tests/golden", "fuzz/corpus", "docs"}) {
        fs::path root = fs::path(source_dir()) / dir;
        std::error_code ec;
        if (!fs::is_directory(root, ec)) continue;
        for (auto& e : fs::recursive_directory_iterator(root)) {
            auto ext = e.path().extension().string();
            if (e.is_regular_file() && (ext == ".rules" || ext == ".schema" || ext == ".test" || ext == ".md"))
                files.push_back(e.path().string());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

const SourceFilePtr& shipped_schema() {
    static const SourceFilePtr s =
        std::make_shared<SourceFile>("handlingsplan.schema", read_file(source_dir() + "/rules/handlingsplan.schema"));
    return s;
}

// Parses and checks `text`; every diagnostic must point inside its file.
void survive(const std::string& text) {
    auto file = source(text, "hostile.rules");
    Compilation c;
    REQUIRE_NOTHROW(c = compile_sources({shipped_schema(), file}));
    for (const auto& d : c.diagnostics) {
        if (!d.has_span || !d.file) continue;
        REQUIRE(d.span.begin <= d.span.end);
        REQUIRE(d.span.end <= d.file->text().size());
        REQUIRE_FALSE(d.message.empty());
        // rendering must work for every diagnostic, including spans at end of file
        REQUIRE_FALSE(render_text(d).empty());
    }
}

}  // namespace

TEST_CASE("the repository has rule files to garble", "[robustness]") {
    auto files = repository_rule_files();
    CHECK(files.size() >= 2);
}

TEST_CASE("truncated copies of every rule file", "[robustness]") {
    for (const auto& path : repository_rule_files()) {
        std::string text = read_file(path);
        // at most ~300 cut points per file, always including every byte of the first 64
        std::size_t step = std::max<std::size_t>(1, text.size() / 300);
        DYNAMIC_SECTION(path) {
            for (std::size_t cut = 0; cut <= text.size(); cut += (cut < 64 ? 1 : step)) survive(text.substr(0, cut));
        }
    }
}

TEST_CASE("garbled copies of every rule file", "[robustness]") {
    static const std::string specials[] = {"(", ")", "\"", "{", "}", "[", "]", "#", "\n", "\\", "=", "<", ">",
                                           "rule ", "not ", "2023-02-30", "\xC3", "\xE2\x82", "\0", "\r\n", "'", "."};
    for (const auto& path : repository_rule_files()) {
        std::string original = read_file(path);
        std::mt19937 rng(static_cast<unsigned>(std::hash<std::string>{}(path) & 0xffffffffu));
        DYNAMIC_SECTION(path) {
            for (int round = 0; round < 150; ++round) {
                std::string text = original;
                int edits = 1 + static_cast<int>(rng() % 4);
                for (int e = 0; e < edits && !text.empty(); ++e) {
                    std::size_t at = rng() % text.size();
                    switch (rng() % 4) {
                        case 0: text.erase(at, 1 + rng() % 8); break;                                     // delete
                        case 1: text.insert(at, specials[rng() % std::size(specials)]); break;           // insert
                        case 2: text[at] = static_cast<char>(rng() % 256); break;                         // flip
                        case 3: {                                                                         // duplicate a slice
                            std::size_t len = std::min<std::size_t>(text.size() - at, 1 + rng() % 64);
                            text.insert(rng() % text.size(), text.substr(at, len));
                            break;
                        }
                    }
                }
                survive(text);
            }
        }
    }
}

TEST_CASE("byte-level oddities", "[robustness]") {
    survive("");
    survive("\xEF\xBB\xBF");
    survive("\xEF\xBB\xBFruleset a \"b\"\r\n");
    static constexpr char with_nul[] = "rule A \"t\"\n  require \0 true";
    survive(std::string(with_nul, sizeof with_nul - 1));
    survive("\"");
    survive("rule");
    survive("rule A");
    survive("rule A \"");
    survive("test \"t\"\n  plan {");
    survive("test \"t\"\n  plan {\"a\": \"}\"");
    survive("define x = \"{\"");
    survive("ruleset a \"b\"\nrule A \"t\"\n  message \"{\"");
    survive("ruleset a \"b\"\nrule A \"t\"\n  message \"{{{{}\"");
    survive("ruleset a \"b\"\nrule A \"t\"\n  message \"}{\"");
    survive("type T { a: list<");
    survive("enum E {");
    survive("\xff\xfe\xfd");
    survive("define \xC3\xA5 = 1");
}
