// planrules test: run the rules' tests and report failures and rule coverage.

#include "command.hpp"

#include <planrules/testing.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <unistd.h>

namespace planrules::cli {

Command add_test(CLI::App& tool) {
    struct Options {
        std::string junit;
        std::vector<std::string> only;
        std::string min_coverage;
        bool color = color_default(STDOUT_FILENO);
        std::vector<std::string> paths;
    };
    auto o = std::make_shared<Options>();
    CLI::App* app = tool.add_subcommand(
        "test",
        tr("run the rules' tests ('test' blocks in *.rules and *.test files): each failure with the expected and "
        "actual findings, and the rule coverage (rules no test violates or no test satisfies)"));
    app->add_option("--junit", o->junit, tr("also write the results as JUnit XML to FILE"))->type_name("FILE");
    app->add_option("--min-coverage", o->min_coverage, tr("fail when the rule coverage is below PERCENT (default 0)"))
        ->type_name("PERCENT");
    app->add_option("--only", o->only,
                    tr("run only the tests of this file (the other files are loaded all the same); may be repeated"))
        ->type_name("FILE")
        ->allow_extra_args(false);
    add_color_flag(*app, o->color);
    app->add_option("paths", o->paths,
                    tr("rule files and directories; a single file is tested with the files of its rule tree that it needs"))
        ->type_name("PATH");
    app->footer(
        tr("exit status: 0 all tests pass (and coverage is at least PERCENT), 1 a test fails or coverage is lower, "
        "2 the rules have errors"));
    auto run = [app, o]() -> int {
        double min_coverage = 0;
        if (!o->min_coverage.empty()) {
            char* end = nullptr;
            min_coverage = std::strtod(o->min_coverage.c_str(), &end);
            if (*end != '\0' || min_coverage < 0 || min_coverage > 100)
                return usage_error(*app, tr("'{}' is not a percentage (0-100)", o->min_coverage));
        }
        if (o->paths.empty()) return usage_error(*app, tr("test needs a directory or rule file"));
        auto rs = compile_or_report(with_rule_tree(o->paths));
        if (!rs) return 2;
        TestOptions options;
        options.today = today();
        options.language = language();
        // --only FILE, or else the files given when all are files: not the tests of the files
        // loaded with them from the rule tree
        std::error_code ec;
        const bool all_files = std::all_of(o->paths.begin(), o->paths.end(), [&](const std::string& p) {
            return std::filesystem::is_regular_file(p, ec);
        });
        if (o->only.empty() && all_files)
            for (const auto& p : o->paths) options.only.push_back(display_name(p));
        for (const auto& f : o->only) {
            const std::string name = display_name(f);
            const auto& files = rs->program().files;
            if (std::none_of(files.begin(), files.end(), [&](const check::ParsedFile& pf) { return pf.source->name() == name; }))
                return usage_error(*app, tr("--only {}: no such file among the rules", f));
            options.only.push_back(name);
        }
        TestRun run = run_tests(*rs, options);
        std::fputs(render_test_text(run, o->color, language()).c_str(), stdout);
        if (!o->junit.empty()) {
            std::ofstream out(o->junit, std::ios::binary);
            out << render_test_junit(run, language());
            if (!out) {
                std::fprintf(stderr, "planrules: %s\n", tr("cannot write '{}': {}", o->junit, std::strerror(errno)).c_str());
                return 2;
            }
        }
        if (run.failed() > 0) return 1;
        double coverage = run.coverage.empty() ? 100.0
                                               : 100.0 * static_cast<double>(run.covered()) /
                                                     static_cast<double>(run.coverage.size());
        if (coverage + 1e-9 < min_coverage) {
            std::fprintf(stderr, "planrules: %s\n",
                         tr("rule coverage {:.0f} % is below the required {:.0f} %", coverage, min_coverage).c_str());
            return 1;
        }
        return 0;
    };
    return Command{app, &o->paths, run};
}

}  // namespace planrules::cli
