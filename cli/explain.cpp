// planrules explain: one rule as policy staff read it.

#include "command.hpp"

#include "text/strings.hpp"

#include <planrules/report/explain.hpp>

#include <fmt/format.h>

#include <cstdio>

namespace planrules::cli {

Command add_explain(CLI::App& tool) {
    struct Options {
        std::vector<std::string> rules;
        std::vector<std::string> operands;  // the rule id
    };
    auto o = std::make_shared<Options>();
    CLI::App* app = tool.add_subcommand(
        "explain",
        tr("the rule's title, rule set, severity, effective dates, source, text, the rule sets that override it and "
        "the tests that expect something of it"));
    app->add_option("--rules", o->rules, tr("a directory or file of rules (default rules); may be repeated"))
        ->type_name("PATH")
        ->allow_extra_args(false);
    app->add_option("rule", o->operands, tr("the rule id"))->type_name("RULE-ID");
    app->footer(tr("exit status: 0 shown, 1 no such rule, 2 the rules have errors"));
    auto run = [app, o]() -> int {
        if (o->operands.empty())
            return usage_error(*app, tr("explain needs a rule id, e.g. planrules explain R-1.2 --rules rules/"));
        if (o->operands.size() > 1) return usage_error(*app, tr("explain takes one rule id"));
        const std::string& id = o->operands.front();
        auto paths = to_paths(o->rules);
        if (paths.empty()) paths.emplace_back("rules");
        auto rs = compile_or_report(paths);
        if (!rs) return 2;
        auto text = explain_rule(rs->program(), id, language());
        if (!text) {
            std::string hint = detail::nearest(id, rs->rule_ids());
            std::fprintf(stderr, "planrules: %s%s\n", tr("no rule '{}'", id).c_str(),
                         hint.empty() ? "" : tr("; did you mean '{}'?", hint).c_str());
            return 1;
        }
        std::fputs(text->c_str(), stdout);
        return 0;
    };
    return Command{app, &o->operands, run};
}

}  // namespace planrules::cli
