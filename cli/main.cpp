// planrules: the command-line tool for policy staff and CI.

#include <planrules/planrules.hpp>
#include <planrules/read.hpp>
#include <planrules/batch.hpp>
#include "text/strings.hpp"
#include <planrules/report/report_render.hpp>
#include <planrules/report/explain.hpp>
#include <planrules/syntax/format.hpp>
#include <planrules/testing.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cerrno>
#include <cstdio>
#include <optional>
#include <cstring>
#include <ctime>
#include <fstream>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>
#include <sys/stat.h>
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

  validate --rules DIR [--as-of YYYY-MM-DD] [--format text|json]
           [--audience af|kommun|leverantor] [--ruleset NAME]… [--no-evidence]
           PLAN.json…
        validate plans as of a date (default today); text for case officers, or
        JSON: one line per plan file (JSON Lines). --audience kommun|leverantor
        leaves out sensitive rules and values; --ruleset limits the rules to those
        of the named rule sets and the ones they extend; --no-evidence leaves out
        all values. A plan path '-' reads standard input; a directory or a device is
        refused, and no plan is read past the size limit (16 MiB)
        exit status: 0 no error findings, 1 error findings, 2 unreadable rules or plan

  test [--junit FILE] [--min-coverage PERCENT] [--no-color] PATH…
        run the rules' tests ('test' blocks in *.rules and *.test files); print
        each failure with the expected and actual findings, and the rule coverage
        (rules no test violates or no test satisfies)
        exit status: 0 all tests pass (and coverage is at least PERCENT, default 0),
        1 a test fails or coverage is lower, 2 the rules have errors

  fmt [--check] [--no-color] PATH…
        rewrite rule, schema and test files in the canonical layout (directories
        are searched for *.rules, *.schema and *.test; '-' formats standard input
        to standard output); comments are kept and the meaning never changes.
        --check writes nothing and lists the files that are not formatted
        exit status: 0 done (--check: all formatted), 1 --check: some file is not
        formatted, 2 a file cannot be read or has syntax errors

  batch --rules DIR [--as-of YYYY-MM-DD] [--threads N] [--due-within DAYS]
        [--group-by FIELD|none] [--findings FILE] [--format text|json|csv]
        [--audience af|kommun|leverantor] [--ruleset NAME]… [--no-progress]
        PLANS.jsonl|-
        validate a population of plans (JSON Lines, one plan per line) on all
        cores, streaming: per-rule counts (violated, indeterminate, passed, not
        applicable, not in force), the key figures the rules declare, the deadlines
        due within DAYS (a work queue), the same per group (--group-by, default the
        field the rules' 'group by' names), and malformed records with their line
        numbers, which never stop the run. --findings writes every plan's report as JSON Lines. A
        progress bar is shown when standard error is a terminal
        exit status: 0 done, 2 unreadable rules or input, or a bad option

  explain RULE-ID --rules PATH…
        the rule's title, rule set, severity, effective dates, source, text,
        the rule sets that override it and the tests that expect something of it
        exit status: 0 shown, 1 no such rule, 2 the rules have errors

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


planrules::Date today() {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    return planrules::Date{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

// The options validate and batch share: --rules, --as-of, --audience, --ruleset. Returns
// nullopt when args[i] is none of them; otherwise 0 (taken, with its value: i moves on) or the
// exit status of a usage error already printed.
std::optional<int> shared_option(const std::vector<std::string_view>& args, std::size_t& i,
                                 std::vector<std::filesystem::path>& rules, planrules::ValidateOptions& options) {
    std::string_view a = args[i];
    if (a != "--rules" && a != "--as-of" && a != "--audience" && a != "--ruleset") return std::nullopt;
    std::optional<std::string_view> v;
    if (i + 1 < args.size()) v = args[++i];
    if (a == "--rules") {
        if (!v) return usage_error("--rules needs a directory");
        rules.emplace_back(std::string(*v));
    } else if (a == "--as-of") {
        if (!v) return usage_error("--as-of needs a date (YYYY-MM-DD)");
        auto d = planrules::parse_date(*v);
        if (!d) return usage_error(fmt::format("'{}' is not a date; write YYYY-MM-DD", *v));
        options.as_of = *d;
    } else if (a == "--audience") {
        auto aud = v ? planrules::parse_audience(*v) : std::nullopt;
        if (!aud) return usage_error("--audience needs af, kommun or leverantor");
        options.audience = *aud;
    } else {
        if (!v) return usage_error("--ruleset needs a rule set name, e.g. national.law");
        options.rulesets.emplace_back(*v);
    }
    return 0;
}

// Compiles the rules; on errors prints them with a pointer to `planrules check` (exit 2).
// `plans`: the rules are to read plans, so they must declare the plan's type (an empty
// directory, or rule files without their schema, are reported here, against the rules).
std::optional<planrules::RuleSet> compile_or_report(const std::vector<std::filesystem::path>& paths, bool plans = false) {
    auto rs = planrules::compile_files(paths);
    if (!rs) {
        std::fputs(planrules::render_text(rs.error()).c_str(), stderr);
        std::fprintf(stderr, "planrules: the rules have errors; run 'planrules check' for details\n");
        return std::nullopt;
    }
    if (plans && rs->program().schema.root_type < 0) {
        std::string where;
        for (const auto& p : paths) where += (where.empty() ? "" : ", ") + p.string();
        if (rs->program().files.empty())
            std::fprintf(stderr, "planrules: no rule files (*.rules, *.schema) in %s\n", where.c_str());
        else
            std::fprintf(stderr,
                         "planrules: the rules in %s declare no plan type, so no plan can be read\n"
                         "  = help: give the schema too (a file with 'root plan: Plan'), e.g. --rules rules/\n",
                         where.c_str());
        return std::nullopt;
    }
    return std::move(*rs);
}

// A usage error (exit 2) for the first rule set in `wanted` that the rules lack; 0 when all exist.
int check_ruleset_names(const planrules::RuleSet& rs, const std::vector<std::string>& wanted) {
    auto names = rs.ruleset_names();
    for (const auto& want : wanted) {
        if (std::find(names.begin(), names.end(), want) != names.end()) continue;
        std::string hint = planrules::detail::nearest(want, names);
        return usage_error(fmt::format("no rule set '{}' in the rules{}", want,
                                       hint.empty() ? "" : fmt::format("; did you mean '{}'?", hint)));
    }
    return 0;
}

int run_validate(const std::vector<std::string_view>& args) {
    std::string format = "text";
    std::vector<std::filesystem::path> rules;
    std::vector<std::string> plans;
    planrules::ValidateOptions options;
    options.as_of = today();
    bool color = isatty(STDOUT_FILENO) != 0 && std::getenv("NO_COLOR") == nullptr;
    const bool color_stderr = isatty(STDERR_FILENO) != 0 && std::getenv("NO_COLOR") == nullptr;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (auto taken = shared_option(args, i, rules, options)) {
            if (*taken) return *taken;
            continue;
        }
        std::string_view a = args[i];
        if (a == "--format") {
            std::optional<std::string_view> v;
            if (i + 1 < args.size()) v = args[++i];
            if (!v || (*v != "text" && *v != "json")) return usage_error("--format needs text or json");
            format = std::string(*v);
        } else if (a == "--no-evidence") {
            options.evidence = false;
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
            plans.emplace_back(a);  // "-": standard input
        }
    }
    if (rules.empty()) return usage_error("validate needs --rules DIR");
    if (plans.empty()) return usage_error("validate needs at least one plan file");

    auto rs = compile_or_report(rules, true);
    if (!rs) return 2;
    if (int bad = check_ruleset_names(*rs, options.rulesets)) return bad;
    int status = 0;
    bool first = true;
    for (const auto& path : plans) {
        // A plan that cannot be read or is not JSON: exit 2; in JSON form also a line
        // {"plan": null, "file": …, "error": …, "diagnostics": […]} so that every file given
        // has its line in the output.
        auto unreadable = [&](const std::string& why, const planrules::Diagnostics& ds) {
            status = 2;
            if (format != "json") return;
            std::string line = planrules::render_load_error_json(why, ds, path);
            std::fputs(line.c_str(), stdout);
        };
        auto plan = rs->load_file(path);
        if (!plan) {
            // the source line of a plan is the plan's data: shown to the agency only
            planrules::RenderOptions shown;
            shown.color = color_stderr;
            shown.show_source = options.audience == planrules::Audience::af;
            std::fputs(planrules::render_text(plan.error(), shown).c_str(), stderr);
            unreadable(plan.error().empty() ? "the plan could not be loaded" : plan.error().front().message, plan.error());
            continue;
        }
        planrules::Report report = rs->validate(*plan, options);
        if (format == "json") {
            std::fputs(planrules::render_report_json(report, path).c_str(), stdout);
        } else {
            if (!first) std::fputs("\n", stdout);
            std::printf("%s\n", path.c_str());
            std::fputs(planrules::render_report_text(report, color).c_str(), stdout);
        }
        first = false;
        if (report.has_errors() && status == 0) status = 1;
    }
    return status;
}

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
            line = fmt::format("[{}{}] {:3.0f} %  {} poster  {:.0f} poster/s  {:.0f} MB/s  kvar {:.0f} s", std::string(filled, '#'),
                               std::string(30 - filled, '.'), part * 100, records, rate, seconds > 0 ? mb / seconds : 0, eta);
        } else {
            line = fmt::format("{} poster  {:.0f} MB  {:.0f} poster/s", records, mb, rate);
        }
        std::fprintf(stderr, "\r%s\x1b[K", line.c_str());
        std::fflush(stderr);
        shown = true;
    }
    void done() {
        if (shown) std::fputs("\r\x1b[K", stderr);
    }
};

int run_batch(const std::vector<std::string_view>& args) {
    std::string format = "text";
    std::vector<std::filesystem::path> rules;
    std::optional<std::string> input, findings_path;
    planrules::BatchOptions options;
    options.validate.as_of = today();
    bool progress = isatty(STDERR_FILENO) != 0;
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string_view a = args[i];
        auto value = [&]() -> std::optional<std::string_view> {
            if (i + 1 >= args.size()) return std::nullopt;
            return args[++i];
        };
        auto number = [&](const char* option, long max) -> std::optional<long> {
            auto v = value();
            if (!v) {
                usage_error(fmt::format("{} needs a whole number", option));
                return std::nullopt;
            }
            char* end = nullptr;
            std::string text(*v);
            errno = 0;
            long n = std::strtol(text.c_str(), &end, 10);
            if (text.empty() || *end != '\0' || errno || n < 0 || n > max) {
                usage_error(fmt::format("{} needs a whole number from 0 to {}, not '{}'", option, max, text));
                return std::nullopt;
            }
            return n;
        };
        if (auto taken = shared_option(args, i, rules, options.validate)) {
            if (*taken) return *taken;
            continue;
        }
        if (a == "--threads") {
            auto n = number("--threads", 1024);
            if (!n) return 2;
            options.threads = static_cast<unsigned>(*n);
        } else if (a == "--due-within") {
            auto n = number("--due-within", 3660);
            if (!n) return 2;
            options.due_within = static_cast<int>(*n);
        } else if (a == "--group-by") {
            auto v = value();
            if (!v) return usage_error("--group-by needs a field (a dotted path from the plan) or none");
            options.group_by = *v == "none" ? "" : std::string(*v);
        } else if (a == "--findings") {
            auto v = value();
            if (!v) return usage_error("--findings needs a file name");
            findings_path = std::string(*v);
        } else if (a == "--format") {
            auto v = value();
            if (!v || (*v != "text" && *v != "json" && *v != "csv")) return usage_error("--format needs text, json or csv");
            format = std::string(*v);
        } else if (a == "--no-progress") {
            progress = false;
        } else if (a == "--progress") {
            progress = true;
        } else if (a == "-h" || a == "--help") {
            std::fputs(usage_text, stdout);
            return 0;
        } else if (a == "-" || a.empty() || a[0] != '-') {
            if (input) return usage_error("batch reads one input file; join the files or use '-' for standard input");
            input = std::string(a);
        } else {
            return usage_error(fmt::format("unknown option '{}'", a));
        }
    }
    if (rules.empty()) return usage_error("batch needs --rules DIR");
    if (!input) return usage_error("batch needs a JSON Lines file of plans (or '-' for standard input)");

    auto rs = compile_or_report(rules, true);
    if (!rs) return 2;
    if (int bad = check_ruleset_names(*rs, options.validate.rulesets)) return bad;
    std::FILE* in = *input == "-" ? stdin : std::fopen(input->c_str(), "rb");
    if (!in) {
        std::fprintf(stderr, "planrules: cannot read '%s': %s\n", input->c_str(), std::strerror(errno));
        return 2;
    }
    std::FILE* findings = nullptr;
    if (findings_path) {
        findings = std::fopen(findings_path->c_str(), "wb");
        if (!findings) {
            std::fprintf(stderr, "planrules: cannot write '%s': %s\n", findings_path->c_str(), std::strerror(errno));
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
    auto summary = planrules::run_batch(*rs, in, options);
    bar.done();
    if (in != stdin) std::fclose(in);
    bool write_failed = findings && (std::fflush(findings) != 0 || std::ferror(findings));
    if (findings) std::fclose(findings);
    if (!summary) {
        std::fprintf(stderr, "planrules: %s\n", summary.error().c_str());
        return 2;
    }
    if (write_failed) {
        std::fprintf(stderr, "planrules: cannot write '%s'\n", findings_path->c_str());
        return 2;
    }
    std::string out = format == "json"  ? planrules::render_batch_json(*summary)
                      : format == "csv" ? planrules::render_batch_csv(*summary)
                                        : planrules::render_batch_text(*summary);
    std::fputs(out.c_str(), stdout);
    return 0;
}

int run_test(const std::vector<std::string_view>& args) {
    std::vector<std::filesystem::path> paths;
    std::string junit;
    double min_coverage = 0;
    bool color = isatty(STDOUT_FILENO) != 0 && std::getenv("NO_COLOR") == nullptr;
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string_view a = args[i];
        if (a == "--junit") {
            if (i + 1 >= args.size()) return usage_error("--junit needs a file name");
            junit = std::string(args[++i]);
        } else if (a == "--min-coverage") {
            if (i + 1 >= args.size()) return usage_error("--min-coverage needs a percentage (0-100)");
            std::string v(args[++i]);
            char* end = nullptr;
            min_coverage = std::strtod(v.c_str(), &end);
            if (v.empty() || *end != '\0' || min_coverage < 0 || min_coverage > 100)
                return usage_error(fmt::format("'{}' is not a percentage (0-100)", v));
        } else if (a == "--no-color") {
            color = false;
        } else if (a == "--color") {
            color = true;
        } else if (a == "-h" || a == "--help") {
            std::fputs(usage_text, stdout);
            return 0;
        } else if (!a.empty() && a[0] == '-') {
            return usage_error(fmt::format("unknown option '{}'", a));
        } else {
            paths.emplace_back(std::string(a));
        }
    }
    if (paths.empty()) return usage_error("test needs a directory or rule file");
    auto rs = compile_or_report(paths);
    if (!rs) return 2;
    planrules::TestOptions options;
    options.today = today();
    planrules::TestRun run = planrules::run_tests(*rs, options);
    std::fputs(planrules::render_test_text(run, color).c_str(), stdout);
    if (!junit.empty()) {
        std::ofstream out(junit, std::ios::binary);
        out << planrules::render_test_junit(run);
        if (!out) {
            std::fprintf(stderr, "planrules: cannot write '%s': %s\n", junit.c_str(), std::strerror(errno));
            return 2;
        }
    }
    if (run.failed() > 0) return 1;
    double coverage = run.coverage.empty() ? 100.0 : 100.0 * static_cast<double>(run.covered()) / static_cast<double>(run.coverage.size());
    if (coverage + 1e-9 < min_coverage) {
        std::fprintf(stderr, "planrules: rule coverage %.0f %% is below the required %.0f %%\n", coverage, min_coverage);
        return 1;
    }
    return 0;
}

int run_explain(const std::vector<std::string_view>& args) {
    std::vector<std::filesystem::path> paths;
    std::string id;
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string_view a = args[i];
        if (a == "--rules") {
            if (i + 1 >= args.size()) return usage_error("--rules needs a directory or file");
            paths.emplace_back(std::string(args[++i]));
        } else if (a == "-h" || a == "--help") {
            std::fputs(usage_text, stdout);
            return 0;
        } else if (!a.empty() && a[0] == '-') {
            return usage_error(fmt::format("unknown option '{}'", a));
        } else if (id.empty()) {
            id = std::string(a);
        } else {
            return usage_error("explain takes one rule id");
        }
    }
    if (id.empty()) return usage_error("explain needs a rule id, e.g. planrules explain R-1.2 --rules rules/");
    if (paths.empty()) paths.emplace_back("rules");
    auto rs = compile_or_report(paths);
    if (!rs) return 2;
    auto text = planrules::explain_rule(rs->program(), id);
    if (!text) {
        std::string hint = planrules::detail::nearest(id, rs->rule_ids());
        std::fprintf(stderr, "planrules: no rule '%s'%s\n", id.c_str(),
                     hint.empty() ? "" : fmt::format("; did you mean '{}'?", hint).c_str());
        return 1;
    }
    std::fputs(text->c_str(), stdout);
    return 0;
}

// The files `fmt` works on: files as given, directories searched for rule, schema and test files.
std::vector<std::filesystem::path> rule_files(const std::vector<std::filesystem::path>& paths, std::string& error) {
    namespace fs = std::filesystem;
    std::vector<fs::path> out;
    for (const auto& p : paths) {
        std::error_code ec;
        if (fs::is_directory(p, ec)) {
            std::vector<fs::path> found;
            for (fs::recursive_directory_iterator it(p, ec), end; !ec && it != end; it.increment(ec)) {
                auto ext = it->path().extension();
                if (it->is_regular_file(ec) && (ext == ".rules" || ext == ".schema" || ext == ".test"))
                    found.push_back(it->path());
            }
            if (ec) {
                error = fmt::format("cannot read the directory {}: {}", p.string(), ec.message());
                return {};
            }
            std::sort(found.begin(), found.end());
            out.insert(out.end(), found.begin(), found.end());
        } else {
            out.push_back(p);
        }
    }
    return out;
}

int run_fmt(const std::vector<std::string_view>& args) {
    bool check = false;
    bool color = isatty(STDERR_FILENO) != 0 && std::getenv("NO_COLOR") == nullptr;
    std::vector<std::filesystem::path> paths;
    bool stdin_too = false;
    for (std::string_view a : args) {
        if (a == "--check") check = true;
        else if (a == "--no-color") color = false;
        else if (a == "--color") color = true;
        else if (a == "-h" || a == "--help") {
            std::fputs(usage_text, stdout);
            return 0;
        } else if (a == "-") stdin_too = true;
        else if (!a.empty() && a[0] == '-') return usage_error(fmt::format("unknown option '{}'", a));
        else paths.emplace_back(std::string(a));
    }
    if (paths.empty() && !stdin_too) return usage_error("fmt needs at least one file or directory (or '-')");
    planrules::RenderOptions ro;
    ro.color = color;
    const planrules::Limits limits;
    int status = 0;
    auto format_one = [&](const std::string& name, std::string text) -> std::optional<std::string> {
        auto source = std::make_shared<planrules::SourceFile>(name, std::move(text));
        auto r = planrules::syntax::format_file(source, limits);
        if (!r.text) {
            std::fputs(planrules::render_text(r.diagnostics, ro).c_str(), stderr);
            std::fprintf(stderr, "planrules: %s was not formatted\n", name.c_str());
            status = 2;
        }
        return r.text;
    };
    if (stdin_too) {
        auto text = planrules::read_input("-", limits.max_file_size, planrules::rule_input, "<stdin>");
        if (!text) {
            std::fprintf(stderr, "planrules: %s\n", text.error().message.c_str());
            return 2;
        }
        auto out = format_one("<stdin>", *text);
        if (out) {
            if (check && *out != *text) {
                std::printf("<stdin>\n");
                status = std::max(status, 1);
            } else if (!check) {
                std::fputs(out->c_str(), stdout);
            }
        }
    }
    std::string error;
    auto files = rule_files(paths, error);
    if (!error.empty()) {
        std::fprintf(stderr, "planrules: %s\n", error.c_str());
        return 2;
    }
    std::size_t changed = 0;
    for (const auto& f : files) {
        auto read = planrules::read_input(f, limits.max_file_size, planrules::rule_input, f.string());
        if (!read) {
            std::fprintf(stderr, "planrules: %s\n", read.error().message.c_str());
            status = 2;
            continue;
        }
        const std::string& text = *read;
        auto out = format_one(f.string(), text);
        if (!out || *out == text) continue;
        ++changed;
        if (check) {
            std::printf("%s\n", f.string().c_str());
            status = std::max(status, 1);
            continue;
        }
        // write beside, then rename: a failure never leaves half a file
        std::filesystem::path tmp = f;
        tmp += ".fmt-tmp";
        {
            std::ofstream o(tmp, std::ios::binary | std::ios::trunc);
            o << *out;
            if (!o.flush()) {
                std::fprintf(stderr, "planrules: cannot write %s\n", tmp.string().c_str());
                status = 2;
                continue;
            }
        }
        std::error_code ec;
        std::filesystem::permissions(tmp, std::filesystem::status(f, ec).permissions(), ec);
        std::filesystem::rename(tmp, f, ec);
        if (ec) {
            std::fprintf(stderr, "planrules: cannot replace %s: %s\n", f.string().c_str(), ec.message().c_str());
            std::filesystem::remove(tmp, ec);
            status = 2;
            continue;
        }
        std::printf("formatted %s\n", f.string().c_str());
    }
    if (check && changed > 0)
        std::fprintf(stderr, "planrules: %zu of %zu files are not formatted; run 'planrules fmt' on them\n", changed,
                     files.size());
    return status;
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
        if (cmd == "validate") return run_validate(rest);
        if (cmd == "test") return run_test(rest);
        if (cmd == "explain") return run_explain(rest);
        if (cmd == "fmt") return run_fmt(rest);
        if (cmd == "batch") return run_batch(rest);
        return usage_error(fmt::format("unknown command '{}'", cmd));
    } catch (const std::exception& e) {
        std::fprintf(stderr, "planrules: internal error: %s\n", e.what());
        return 2;
    }
}
