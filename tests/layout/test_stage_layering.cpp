// Includes run one way through the stages of engine/src/ (docs/architecture.md, "Includes run
// one way"): a stage includes only the stages before it in `stage_order`. The shared folders
// include of the stages only the language's public types (planrules/syntax/, planrules/check/:
// the built-in functions' signatures are written in them), and the built-in functions'
// definitions the evaluator they run in.
// A new folder under engine/src/ must be placed in the order or among the shared folders.

#include "support.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <regex>
#include <set>

using planrules::test::read_file;
using planrules::test::source_dir;

namespace fs = std::filesystem;

namespace {

// Each stage may include those of a lower rank; batch and testing share a rank and include
// neither of each other.
const std::map<std::string, int> stage_order = {
    {"syntax", 1}, {"check", 2}, {"eval", 3},  {"load", 4},  {"compile", 5},
    {"validate", 6}, {"report", 7}, {"api", 8}, {"batch", 9}, {"testing", 9},
};
const std::set<std::string> shared_folders = {"json", "text", "diagnostics", "builtins"};

// The stage a public header belongs to; the types every stage may use (planrules/eval/: values,
// plans, reports; diagnostics, options, sources, dates, severities) belong to none.
std::optional<std::string> stage_of_public(const std::string& path) {
    static const std::map<std::string, std::string> top = {
        {"planrules.hpp", "api"}, {"planrules.h", "api"},   {"compile.hpp", "api"},
        {"read.hpp", "api"},      {"batch.hpp", "batch"},   {"testing.hpp", "testing"},
    };
    auto slash = path.find('/');
    if (slash == std::string::npos) {
        auto it = top.find(path);
        return it == top.end() ? std::nullopt : std::optional<std::string>(it->second);
    }
    std::string folder = path.substr(0, slash);
    if (folder == "syntax" || folder == "check" || folder == "report") return folder;
    return std::nullopt;
}

// The stage an #include line names, if any.
std::optional<std::string> stage_included(const std::string& line) {
    static const std::regex quoted(R"(^\s*#\s*include\s*"([a-z_]+)/)");
    static const std::regex public_header(R"(^\s*#\s*include\s*<planrules/([^>]+)>)");
    std::smatch m;
    if (std::regex_search(line, m, quoted)) {
        std::string folder = m[1];
        if (stage_order.count(folder)) return folder;
        return std::nullopt;
    }
    if (std::regex_search(line, m, public_header)) return stage_of_public(m[1]);
    return std::nullopt;
}

struct Violation {
    std::string file;
    int line;
    std::string text;
};

std::vector<Violation> violations() {
    std::vector<Violation> out;
    const fs::path src = fs::path(source_dir()) / "engine" / "src";
    for (const auto& e : fs::recursive_directory_iterator(src)) {
        if (!e.is_regular_file()) continue;
        const std::string ext = e.path().extension().string();
        if (ext != ".cpp" && ext != ".hpp") continue;
        const std::string folder = fs::relative(e.path(), src).begin()->string();
        const std::string name = fs::relative(e.path(), src).generic_string();
        const bool shared = shared_folders.count(folder) > 0;
        if (!shared && !stage_order.count(folder)) {
            out.push_back({name, 0, "the folder '" + folder + "' is neither a stage nor shared"});
            continue;
        }
        std::string text = read_file(e.path().string());
        std::size_t at = 0;
        int number = 0;
        while (at < text.size()) {
            std::size_t nl = text.find('\n', at);
            std::string line = text.substr(at, nl == std::string::npos ? std::string::npos : nl - at);
            at = nl == std::string::npos ? text.size() : nl + 1;
            ++number;
            auto included = stage_included(line);
            if (!included || *included == folder) continue;
            const bool language_types = line.find("<planrules/") != std::string::npos &&
                                        (*included == "syntax" || *included == "check");
            bool allowed = shared ? language_types || (name == "builtins/builtins.cpp" && *included == "eval")
                                  : stage_order.at(*included) < stage_order.at(folder);
            if (!allowed) out.push_back({name, number, line});
        }
    }
    return out;
}

}  // namespace

TEST_CASE("layout: a stage includes only the stages before it", "[layout]") {
    // the classification itself
    CHECK(stage_included("#include \"eval/evaluator.hpp\"") == std::optional<std::string>("eval"));
    CHECK(stage_included("#include <planrules/planrules.hpp>") == std::optional<std::string>("api"));
    CHECK(stage_included("#include <planrules/report/render.hpp>") == std::optional<std::string>("report"));
    CHECK_FALSE(stage_included("#include <planrules/eval/report.hpp>"));
    CHECK_FALSE(stage_included("#include \"text/strings.hpp\""));
    CHECK_FALSE(stage_included("#include <fmt/format.h>"));

    auto found = violations();
    std::string list;
    for (const auto& v : found) list += fmt::format("{}:{}: {}\n", v.file, v.line, v.text);
    INFO(list);
    CHECK(found.empty());
}
