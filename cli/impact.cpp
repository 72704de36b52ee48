// planrules impact: one population through two versions of the rules, before publishing.

#include "command.hpp"

#include <planrules/impact.hpp>

#include <cstdio>

namespace planrules::cli {

Command add_impact(CLI::App& tool) {
    struct Options {
        RuleOptions rules;  // --as-of, --audience, --ruleset (its --rules is not used)
        std::vector<std::string> before, after;
        std::string threads, group_by, format = "text", csv = "plain";
        std::vector<std::string> operands;
    };
    auto o = std::make_shared<Options>();
    CLI::App* app = tool.add_subcommand(
        "impact",
        tr("run one population of plans (JSON Lines) through the rules before and after a change: per rule and per "
        "group the counts before and after, the key figures, the rules added and removed, and some of the plans "
        "whose result changed"));
    app->add_option("--before", o->before, tr("the rules as they are (a directory or file; may be repeated)"))
        ->type_name("DIR")
        ->allow_extra_args(false);
    app->add_option("--after", o->after, tr("the rules as they will be (a directory or file; may be repeated)"))
        ->type_name("DIR")
        ->allow_extra_args(false);
    app->add_option("--as-of", o->rules.as_of, tr("the date the plans are judged on (default today)"))->type_name("YYYY-MM-DD");
    app->add_option("--audience", o->rules.audience, tr("who the summary is for: af (default), kommun or leverantor"))
        ->type_name("WHO");
    app->add_option("--ruleset", o->rules.rulesets, tr("only the rules of this rule set and those it extends; may be repeated"))
        ->type_name("NAME")
        ->allow_extra_args(false);
    app->add_option("--threads", o->threads, tr("worker threads (default: every core)"))->type_name("N");
    app->add_option("--group-by", o->group_by, tr("group by this field, or none; default: the rules' 'group by'"))
        ->type_name("FIELD");
    app->add_option("--format", o->format, tr("text (default), json or csv"))->type_name("FORMAT");
    app->add_option("--csv", o->csv, tr("plain (default) or sv (semicolons, decimal comma: Swedish Excel)"))->type_name("KIND");
    app->add_option("input", o->operands, tr("the plans (a file: it is read once per version)"))->type_name("PLANS.jsonl");
    app->footer(tr("exit status: 0 done, 2 unreadable rules or input, or a bad option"));
    auto run = [app, o]() -> int {
        ImpactOptions options;
        options.batch.validate.as_of = today();
        if (auto bad = apply(*app, o->rules, options.batch.validate)) return *bad;
        if (o->before.empty() || o->after.empty()) return usage_error(*app, tr("impact needs --before DIR and --after DIR"));
        if (o->operands.size() != 1) return usage_error(*app, tr("impact needs one JSON Lines file of plans"));
        if (o->operands.front() == "-")
            return usage_error(*app, tr("impact reads the plans twice, so it needs a file, not standard input"));
        if (o->format != "text" && o->format != "json" && o->format != "csv")
            return usage_error(*app, tr("--format needs text, json or csv"));
        if (o->csv != "plain" && o->csv != "sv") return usage_error(*app, tr("--csv needs plain or sv"));
        if (!o->threads.empty()) {
            auto n = whole_number(o->threads, 1024);
            if (!n) return usage_error(*app, tr("--threads needs a whole number from 0 to 1024, not '{}'", o->threads));
            options.batch.threads = static_cast<unsigned>(*n);
        }
        if (app->count("--group-by") > 0) options.batch.group_by = o->group_by == "none" ? std::string() : o->group_by;
        auto before = compile_or_report(to_paths(o->before), true);
        if (!before) return 2;
        auto after = compile_or_report(to_paths(o->after), true);
        if (!after) return 2;
        for (const RuleSet* rs : {&*before, &*after})
            if (int bad = check_ruleset_names(*app, *rs, options.batch.validate.rulesets)) return bad;
        auto summary = run_impact(*before, *after, o->operands.front(), options);
        if (!summary) {
            std::fprintf(stderr, "planrules: %s\n", summary.error().c_str());
            return 2;
        }
        const std::string out = o->format == "json"  ? render_impact_json(*summary)
                                : o->format == "csv" ? render_impact_csv(*summary, CsvStyle{o->csv == "sv"})
                                                     : render_impact_text(*summary, language());
        std::fputs(out.c_str(), stdout);
        return 0;
    };
    return Command{app, &o->operands, run};
}

}  // namespace planrules::cli
