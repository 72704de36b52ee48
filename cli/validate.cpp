// planrules validate: plans against the rules as of a date, for case officers or as JSON Lines.

#include "command.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <unistd.h>

namespace planrules::cli {

Command add_validate(CLI::App& tool) {
    struct Options {
        RuleOptions rules;
        std::string format = "text";
        bool no_evidence = false;
        bool why = false;
        bool color = color_default(STDOUT_FILENO);
        std::vector<std::string> plans;
    };
    auto o = std::make_shared<Options>();
    CLI::App* app = tool.add_subcommand(
        "validate",
        tr("validate plans as of a date: text for case officers, or JSON, one line per plan file (JSON Lines)"));
    add_rule_options(*app, o->rules);
    app->add_option("--format", o->format, tr("text (default) or json"))->type_name("FORMAT");
    app->add_flag("--no-evidence", o->no_evidence, tr("leave out all values read from the plans"));
    app->add_flag("--why", o->why,
                  tr("also say why: for each rule, whether it applies, each condition with the values it read and what it "
                  "gave, and the elements of each 'for each' (in JSON under \"why\")"));
    add_color_flag(*app, o->color);
    app->add_option("plans", o->plans, tr("plan files; '-' reads standard input"))->type_name("PLAN.json");
    app->footer(
        tr("A directory or a device is refused as a plan, and no plan is read past the size limit (16 MiB).\n"
        "exit status: 0 no error findings, 1 error findings, 2 unreadable rules or plan"));
    auto run = [app, o]() -> int {
        ValidateOptions options;
        options.as_of = today();
        if (auto bad = apply(*app, o->rules, options)) return *bad;
        if (o->format != "text" && o->format != "json") return usage_error(*app, tr("--format needs text or json"));
        options.evidence = !o->no_evidence;
        if (o->rules.rules.empty()) return usage_error(*app, tr("validate needs --rules DIR"));
        if (o->plans.empty()) return usage_error(*app, tr("validate needs at least one plan file"));
        const bool color_stderr = color_default(STDERR_FILENO);

        auto rs = compile_or_report(to_paths(o->rules.rules), true);
        if (!rs) return 2;
        if (int bad = check_ruleset_names(*app, *rs, options.rulesets)) return bad;
        int status = 0;
        bool first = true;
        for (const auto& path : o->plans) {
            auto plan = rs->load_file(path, {}, language());
            if (!plan) {
                // the source line of a plan is the plan's data: shown to the agency only
                RenderOptions shown = render_options(color_stderr);
                shown.show_source = options.audience == Audience::af;
                std::fputs(render_text(plan.error(), shown).c_str(), stderr);
                // in JSON also a line {"plan": null, "file": …, "error": …, "diagnostics": […]}, so
                // that every file given has its line in the output
                status = 2;
                if (o->format == "json")
                    std::fputs(render_load_error_json(plan.error().empty() ? tr("the plan could not be loaded")
                                                                           : plan.error().front().message,
                                                      plan.error(), path)
                                   .c_str(),
                               stdout);
                continue;
            }
            Report report = rs->validate(*plan, options);
            std::optional<Why> why;
            if (o->why) why = rs->why(*plan, options);
            if (o->format == "json") {
                std::fputs(render_report_json(report, path, why ? &*why : nullptr).c_str(), stdout);
            } else {
                if (!first) std::fputs("\n", stdout);
                std::printf("%s\n", path.c_str());
                std::fputs(render_report_text(report, o->color, language()).c_str(), stdout);
                if (why) std::fputs(("\n" + render_why_text(*why, language())).c_str(), stdout);
            }
            first = false;
            if (report.has_errors() && status == 0) status = 1;
        }
        return status;
    };
    return Command{app, &o->plans, run};
}

}  // namespace planrules::cli
