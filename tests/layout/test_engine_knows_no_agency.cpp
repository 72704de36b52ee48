// Everything domain-specific lives in rules/: the engine (engine/) and the command line (cli/)
// name no rule id, rule set, key figure, field, code or enum value of the shipped rules, so that
// another organisation can ship its own rules/ and reuse them unchanged. The names are read from
// rules/ itself, so a rule added there is checked too.

#include "support.hpp"

#include <filesystem>
#include <regex>
#include <set>

using planrules::test::read_file;
using planrules::test::source_dir;

namespace fs = std::filesystem;

namespace {

std::vector<fs::path> files_under(const fs::path& dir, const std::set<std::string>& extensions) {
    std::vector<fs::path> out;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file() && extensions.count(e.path().extension().string())) out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

// The names the shipped rules declare: rule ids, rule sets, key figures; the schema's fields,
// codes and enum values.
std::set<std::string> domain_names() {
    std::set<std::string> names;
    const std::regex declared(R"(^(rule|ruleset|figure)\s+([A-Za-z0-9_.\-]+))");
    const std::regex field(R"(^\s*([a-z_][a-z0-9_]*)\s*:)");
    const std::regex code(R"(^\s*([a-z_][a-z0-9_]*)\s+")");
    const std::regex enum_values(R"(^enum\s+\w+\s*\{([^}]*)\})");
    for (const auto& f : files_under(source_dir() + "/rules", {".rules", ".schema"})) {
        std::string text = read_file(f.string());
        std::size_t at = 0;
        while (at < text.size()) {
            std::size_t nl = text.find('\n', at);
            std::string line = text.substr(at, nl == std::string::npos ? std::string::npos : nl - at);
            at = nl == std::string::npos ? text.size() : nl + 1;
            std::smatch m;
            if (std::regex_search(line, m, declared)) names.insert(m[2]);
            if (f.extension() != ".schema") continue;
            if (std::regex_search(line, m, field)) names.insert(m[1]);
            if (std::regex_search(line, m, code)) names.insert(m[1]);
            if (std::regex_search(line, m, enum_values)) {
                std::string values = m[1];
                const std::regex word(R"([a-z_][a-z0-9_]*)");
                for (std::sregex_iterator w(values.begin(), values.end(), word), end; w != end; ++w)
                    names.insert(w->str());
            }
        }
    }
    return names;
}

// Words of the shipped schema that are also plain words of the engine's own: English (`id`,
// `start`, `status`, `version`, `period` a built-in function, `form`, …) or the audiences
// `kommun` and `leverantor` (a field and a rule set in rules/), which the engine knows as two of
// the three audiences of its reports (af, kommun, leverantor: the plan format's contract).
const std::set<std::string> engine_words = {"id",   "start", "status", "version", "period", "form",
                                            "typ",  "kod",   "namn",   "datum",   "slut",   "niva",
                                            "kommun", "leverantor"};

bool word_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

}  // namespace

TEST_CASE("layout: the engine and the command line name nothing of the shipped rules", "[layout]") {
    auto names = domain_names();
    // the scan found what rules/ declares (it would pass vacuously otherwise)
    for (const char* known : {"HP-6.1", "AF-30D", "af.forordning", "stodbehov_bedomt", "inskrivningsdatum", "utkast",
                              "automatisk", "sokande"})
        CHECK(names.count(known) == 1);
    std::vector<std::string> found;
    for (const char* dir : {"/engine", "/cli", "/lsp"}) {
        for (const auto& f : files_under(source_dir() + dir, {".cpp", ".hpp", ".h", ".txt"})) {
            std::string text = read_file(f.string());
            for (const auto& name : names) {
                if (engine_words.count(name) || name.size() < 3) continue;
                for (std::size_t p = text.find(name); p != std::string::npos; p = text.find(name, p + 1)) {
                    bool starts = p == 0 || !word_char(text[p - 1]);
                    bool ends = p + name.size() >= text.size() || !word_char(text[p + name.size()]);
                    if (!starts || !ends) continue;
                    std::size_t line = static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(p), '\n')) + 1;
                    found.push_back(fs::relative(f, source_dir()).string() + ":" + std::to_string(line) + ": " + name);
                }
            }
        }
    }
    std::string list;
    for (const auto& s : found) list += s + "\n";
    INFO(list);
    CHECK(found.empty());
}
