// planrules: the command-line tool for policy staff and CI.

#include <planrules/planrules.hpp>

#include <fmt/format.h>

#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>
#include <unistd.h>
#include <vector>

namespace {

constexpr const char* usage_text =
    R"(usage: planrules <command> [options] …

commands:
  check [--format text|json|sarif] [--no-color] PATH…
        compile rule files (directories are searched for *.rules, *.schema
        and *.test) and print diagnostics
        exit status: 0 no errors, 1 errors in the rules, 2 a file cannot be read

options:
  -h, --help       show this help
  --version        show the version
)";

int usage_error(const std::string& message) {
    std::fprintf(stderr, "planrules: %s\n\n%s", message.c_str(), usage_text);
    return 2;
}

int run_check(const std::vector<std::string_view>& args) {
    std::string format = "text";
    bool color = isatty(STDOUT_FILENO) != 0 && std::getenv("NO_COLOR") == nullptr;
    std::vector<std::filesystem::path> paths;
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string_view a = args[i];
        if (a == "--format") {
            if (i + 1 >= args.size()) return usage_error("--format needs a value: text or json");
            format = std::string(args[++i]);
        } else if (a.substr(0, 9) == "--format=") {
            format = std::string(a.substr(9));
        } else if (a == "--no-color") {
            color = false;
        } else if (a == "--color") {
            color = true;
        } else if (a == "-h" || a == "--help") {
            std::fputs(usage_text, stdout);
            return 0;
        } else if (!a.empty() && a[0] == '-' && a != "-") {
            return usage_error(fmt::format("unknown option '{}'", a));
        } else {
            paths.emplace_back(std::string(a));
        }
    }
    if (format != "text" && format != "json" && format != "sarif")
        return usage_error(fmt::format("unknown format '{}': use text, json or sarif", format));
    if (paths.empty()) return usage_error("check needs at least one file or directory");

    planrules::Compilation c = planrules::compile_paths(paths);
    auto errors = planrules::count_severity(c.diagnostics, planrules::DiagnosticSeverity::error);
    auto warnings = planrules::count_severity(c.diagnostics, planrules::DiagnosticSeverity::warning);
    if (format == "json") {
        std::fputs(planrules::render_json(c.diagnostics).c_str(), stdout);
    } else if (format == "sarif") {
        std::fputs(planrules::render_sarif(c.diagnostics, PLANRULES_VERSION).c_str(), stdout);
    } else {
        planrules::RenderOptions ro;
        ro.color = color;
        std::string out = planrules::render_text(c.diagnostics, ro);
        std::fputs(out.c_str(), stdout);
        auto plural = [](std::size_t n, const char* word) { return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s"); };
        if (errors == 0 && warnings == 0)
            std::printf("checked %s: no problems found\n", plural(c.file_count, "file").c_str());
        else
            std::printf("checked %s: %s, %s\n", plural(c.file_count, "file").c_str(), plural(errors, "error").c_str(),
                        plural(warnings, "warning").c_str());
    }
    if (c.unreadable) return 2;
    return errors > 0 ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        std::vector<std::string_view> args(argv + 1, argv + argc);
        if (args.empty()) return usage_error("no command given");
        std::string_view cmd = args.front();
        std::vector<std::string_view> rest(args.begin() + 1, args.end());
        if (cmd == "-h" || cmd == "--help" || cmd == "help") {
            std::fputs(usage_text, stdout);
            return 0;
        }
        if (cmd == "--version") {
            std::printf("planrules %s\n", PLANRULES_VERSION);
            return 0;
        }
        if (cmd == "check") return run_check(rest);
        return usage_error(fmt::format("unknown command '{}'", cmd));
    } catch (const std::exception& e) {
        std::fprintf(stderr, "planrules: internal error: %s\n", e.what());
        return 2;
    }
}
