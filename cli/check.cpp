// planrules check: compile rule files and print the diagnostics.

#include "command.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <unistd.h>

namespace planrules::cli {

Command add_check(CLI::App& tool) {
    struct Options {
        std::string format = "text";
        bool color = color_default(STDOUT_FILENO);
        std::vector<std::string> paths;
    };
    auto o = std::make_shared<Options>();
    CLI::App* app = tool.add_subcommand(
        "check", tr("compile rule files (directories are searched for *.rules, *.schema and *.test) and print diagnostics"));
    app->add_option("--format", o->format, tr("text (default), json or sarif (SARIF 2.1.0)"))->type_name("FORMAT");
    add_color_flag(*app, o->color);
    app->add_option("paths", o->paths, tr("rule files and directories"))->type_name("PATH");
    app->footer(tr("exit status: 0 no errors, 1 errors in the rules, 2 a file cannot be read"));
    auto run = [app, o]() -> int {
        if (o->format != "text" && o->format != "json" && o->format != "sarif")
            return usage_error(*app, tr("unknown format '{}': use text, json or sarif", o->format));
        if (o->paths.empty()) return usage_error(*app, tr("check needs at least one file or directory"));
        Compilation c = compile_paths(with_rule_tree(o->paths), compile_options());
        auto errors = count_severity(c.diagnostics, DiagnosticSeverity::error);
        auto warnings = count_severity(c.diagnostics, DiagnosticSeverity::warning);
        if (o->format == "json") {
            std::fputs(render_json(c.diagnostics).c_str(), stdout);
        } else if (o->format == "sarif") {
            std::fputs(render_sarif(c.diagnostics, PLANRULES_VERSION, language()).c_str(), stdout);
        } else {
            std::fputs(render_text(c.diagnostics, render_options(o->color)).c_str(), stdout);
            const std::string files = text::tr_n(c.file_count, N_("{} file"), N_("{} files"));
            if (errors == 0 && warnings == 0)
                std::printf("%s\n", tr("checked {}: no problems found", files).c_str());
            else
                std::printf("%s\n", tr("checked {}: {}, {}", files, text::tr_n(errors, N_("{} error"), N_("{} errors")),
                                        text::tr_n(warnings, N_("{} warning"), N_("{} warnings")))
                                         .c_str());
        }
        if (c.unreadable) return 2;
        return errors > 0 ? 1 : 0;
    };
    return Command{app, &o->paths, run};
}

}  // namespace planrules::cli
