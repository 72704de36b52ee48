// planrules batch: a population of plans (JSON Lines) through the rules on every core.

#include "command.hpp"

#include <planrules/batch.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sys/stat.h>
#include <unistd.h>

namespace planrules::cli {
namespace {

// A progress line on standard error: percent and ETA when the input's size is known.
struct ProgressBar {
    std::uint64_t total = 0;  // bytes; 0: unknown (a pipe)
    std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
    bool shown = false;

    void operator()(std::uint64_t bytes, std::uint64_t records) {
        double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        double rate = seconds > 0 ? static_cast<double>(records) / seconds : 0;
        double mb = static_cast<double>(bytes) / 1e6;
        std::string line;
        if (total > 0) {
            double part = std::min(1.0, static_cast<double>(bytes) / static_cast<double>(total));
            int filled = static_cast<int>(part * 30);
            double eta = part > 0 ? seconds * (1 - part) / part : 0;
            line = tr("[{}{}] {:3.0f} %  {} records  {:.0f} records/s  {:.0f} MB/s  {:.0f} s left", std::string(filled, '#'),
                      std::string(30 - filled, '.'), part * 100, records, rate, seconds > 0 ? mb / seconds : 0, eta);
        } else {
            line = tr("{} records  {:.0f} MB  {:.0f} records/s", records, mb, rate);
        }
        std::fprintf(stderr, "\r%s\x1b[K", line.c_str());
        std::fflush(stderr);
        shown = true;
    }
    void done() {
        if (shown) std::fputs("\r\x1b[K", stderr);
    }
};

}  // namespace

Command add_batch(CLI::App& tool) {
    struct Options {
        RuleOptions rules;
        std::string threads, due_within, group_by, findings, format = "text", csv = "plain";
        bool group_by_given = false;
        bool progress = isatty(STDERR_FILENO) != 0;
        std::vector<std::string> operands;  // the input
        std::string input;
    };
    auto o = std::make_shared<Options>();
    CLI::App* app = tool.add_subcommand(
        "batch",
        tr("validate a population of plans (JSON Lines, one plan per line) on all cores, streaming: per-rule counts "
        "(violated, indeterminate, passed, not applicable, not in force), the key figures the rules declare, the "
        "deadlines due within DAYS (a work queue), the same per group, and malformed records with their line "
        "numbers, which never stop the run"));
    add_rule_options(*app, o->rules);
    app->add_option("--threads", o->threads, tr("worker threads (default: every core)"))->type_name("N");
    app->add_option("--due-within", o->due_within, tr("list the deadlines due within DAYS of --as-of"))->type_name("DAYS");
    app->add_option("--group-by", o->group_by,
                    tr("group by this field (a dotted path from the plan), or none; default: the field the rules' "
                    "'group by' names"))
        ->type_name("FIELD");
    app->add_option("--findings", o->findings,
                    tr("write every plan's report to FILE as JSON Lines, or its findings as CSV when FILE ends in .csv"))
        ->type_name("FILE");
    app->add_option("--format", o->format, tr("text (default), json or csv"))->type_name("FORMAT");
    app->add_option("--csv", o->csv,
                    tr("the kind of CSV: plain (default: commas, a decimal point) or sv (semicolons, a decimal comma, Swedish "
                    "headings, a byte order mark: Swedish Excel opens it as columns)"))
        ->type_name("KIND");
    add_switch(*app, "progress", o->progress, tr("show a progress line on standard error (default: when it is a terminal)"));
    app->add_option("input", o->operands, tr("the plans; '-' reads standard input"))->type_name("PLANS.jsonl");
    app->footer(tr("exit status: 0 done, 2 unreadable rules or input, or a bad option"));
    auto run = [app, o]() -> int {
        BatchOptions options;
        options.validate.as_of = today();
        if (auto bad = apply(*app, o->rules, options.validate)) return *bad;
        if (!o->threads.empty()) {
            auto n = whole_number(o->threads, 1024);
            if (!n) return usage_error(*app, tr("--threads needs a whole number from 0 to 1024, not '{}'", o->threads));
            options.threads = static_cast<unsigned>(*n);
        }
        if (!o->due_within.empty()) {
            auto n = whole_number(o->due_within, 3660);
            if (!n) return usage_error(*app, tr("--due-within needs a whole number from 0 to 3660, not '{}'", o->due_within));
            options.due_within = static_cast<int>(*n);
        }
        if (app->count("--group-by") > 0) {
            if (o->group_by.empty()) return usage_error(*app, tr("--group-by needs a field (a dotted path from the plan) or none"));
            options.group_by = o->group_by == "none" ? std::string() : o->group_by;
        }
        if (o->format != "text" && o->format != "json" && o->format != "csv")
            return usage_error(*app, tr("--format needs text, json or csv"));
        if (o->csv != "plain" && o->csv != "sv") return usage_error(*app, tr("--csv needs plain or sv"));
        const CsvStyle csv{o->csv == "sv"};
        if (o->findings.size() > 4 && o->findings.compare(o->findings.size() - 4, 4, ".csv") == 0) options.findings_csv = csv;
        if (o->operands.size() > 1)
            return usage_error(*app, tr("batch reads one input file; join the files or use '-' for standard input"));
        if (!o->operands.empty()) o->input = o->operands.front();
        const bool progress = o->progress;
        if (o->rules.rules.empty()) return usage_error(*app, tr("batch needs --rules DIR"));
        if (o->input.empty()) return usage_error(*app, tr("batch needs a JSON Lines file of plans (or '-' for standard input)"));

        auto rs = compile_or_report(to_paths(o->rules.rules), true);
        if (!rs) return 2;
        if (int bad = check_ruleset_names(*app, *rs, options.validate.rulesets)) return bad;
        std::FILE* in = o->input == "-" ? stdin : std::fopen(o->input.c_str(), "rb");
        if (!in) {
            std::fprintf(stderr, "planrules: %s\n", tr("cannot read '{}': {}", o->input, std::strerror(errno)).c_str());
            return 2;
        }
        std::FILE* findings = nullptr;
        if (!o->findings.empty()) {
            findings = std::fopen(o->findings.c_str(), "wb");
            if (!findings) {
                std::fprintf(stderr, "planrules: %s\n", tr("cannot write '{}': {}", o->findings, std::strerror(errno)).c_str());
                if (in != stdin) std::fclose(in);
                return 2;
            }
            options.findings = findings;
        }
        ProgressBar bar;
        if (progress) {
            struct stat st {};
            if (in != stdin && fstat(fileno(in), &st) == 0 && S_ISREG(st.st_mode)) bar.total = static_cast<std::uint64_t>(st.st_size);
            options.progress = [&bar](std::uint64_t bytes, std::uint64_t records) { bar(bytes, records); };
        }
        auto summary = run_batch(*rs, in, options);
        bar.done();
        if (in != stdin) std::fclose(in);
        bool write_failed = findings && (std::fflush(findings) != 0 || std::ferror(findings));
        if (findings) std::fclose(findings);
        if (!summary) {
            std::fprintf(stderr, "planrules: %s\n", summary.error().c_str());
            return 2;
        }
        if (write_failed) {
            std::fprintf(stderr, "planrules: %s\n", tr("cannot write '{}'", o->findings).c_str());
            return 2;
        }
        std::string out = o->format == "json"  ? render_batch_json(*summary)
                          : o->format == "csv" ? render_batch_csv(*summary, csv)
                                            : render_batch_text(*summary, language());
        std::fputs(out.c_str(), stdout);
        return 0;
    };
    return Command{app, &o->operands, run};
}

}  // namespace planrules::cli
