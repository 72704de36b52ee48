// planrules-throughput: how fast one core loads and validates plans held in memory.
//
//   planrules-throughput --rules rules/af --as-of 2024-06-01 [--ruleset NAME]… [--seconds S]
//                        [--json] PLANS.jsonl
//
// Reads every line of PLANS.jsonl (records that are not JSON are skipped), then on one thread:
//  - load: RuleSet::load_json of every line (JSON text to Plan), each plan freed before the
//    next is loaded (as batch does), over and over for at least S seconds, timed;
//  - validate: RuleSet::validate of the loaded plans into one reused Report (as a host that
//    validates many plans does), over and over for at least S seconds
//    (default 3), timed, with the allocations it makes (global operator new is counted): once
//    with full reports, once with outcomes only (ValidateOptions::details = false, as batch
//    does without --findings).
// Prints plans per second, ns per plan and allocations per plan; --json prints one JSON object
// (the peer comparison, bench/peers/compare.mjs, reads it).

#include "alloc_count.hpp"

#include <planrules/planrules.hpp>

#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace {


int usage() {
    std::cerr << "usage: planrules-throughput --rules DIR [--rules DIR]… --as-of YYYY-MM-DD [--ruleset NAME]…\n"
                 "                            [--seconds S] [--json] PLANS.jsonl\n";
    return 2;
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::filesystem::path> rule_paths;
    planrules::ValidateOptions options;
    std::optional<planrules::Date> as_of;
    double min_seconds = 3;
    bool json = false;
    std::string input;
    for (int i = 1; i < argc; ++i) {
        std::string_view a = argv[i];
        auto value = [&]() -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
        if (a == "--rules") {
            const char* v = value();
            if (!v) return usage();
            rule_paths.emplace_back(v);
        } else if (a == "--ruleset") {
            const char* v = value();
            if (!v) return usage();
            options.rulesets.emplace_back(v);
        } else if (a == "--as-of") {
            const char* v = value();
            if (!v || !(as_of = planrules::parse_date(v))) return usage();
        } else if (a == "--seconds") {
            const char* v = value();
            if (!v) return usage();
            min_seconds = std::atof(v);
        } else if (a == "--json") {
            json = true;
        } else if (input.empty() && !a.starts_with("--")) {
            input = a;
        } else {
            return usage();
        }
    }
    if (rule_paths.empty() || !as_of || input.empty()) return usage();
    options.as_of = *as_of;

    auto rules = planrules::compile_files(rule_paths);
    if (!rules) {
        std::cerr << planrules::render_text(rules.error());
        return 2;
    }
    std::ifstream in(input, std::ios::binary);
    if (!in) {
        std::cerr << "cannot read " << input << "\n";
        return 2;
    }
    std::vector<std::string> lines;
    std::uint64_t bytes = 0;
    for (std::string line; std::getline(in, line);) {
        if (line.empty()) continue;
        bytes += line.size() + 1;
        lines.push_back(std::move(line));
    }

    // load: each plan freed before the next is loaded (as batch does), pass after pass
    std::uint64_t passes = 0;
    auto t0 = std::chrono::steady_clock::now();
    std::uint64_t a0 = planrules::bench::allocations.load();
    double load_s = 0;
    do {
        for (const auto& line : lines) (void)rules->load_json(line, "plan");
        ++passes;
        load_s = seconds_since(t0);
    } while (load_s < min_seconds);
    const double load_passes = static_cast<double>(passes);
    double load_allocs = static_cast<double>(planrules::bench::allocations.load() - a0) / static_cast<double>(lines.size()) / load_passes;
    std::vector<planrules::Plan> plans;  // then all of them, kept for validation
    plans.reserve(lines.size());
    for (const auto& line : lines)
        if (auto plan = rules->load_json(line, "plan")) plans.push_back(std::move(*plan));
    if (plans.empty()) {
        std::cerr << "no plans in " << input << "\n";
        return 2;
    }

    // validate, pass after pass, for at least min_seconds: plans/s, allocations and findings per plan
    struct Run {
        double rate = 0, allocs = 0, findings = 0;
    };
    auto measure = [&](const planrules::ValidateOptions& o) {
        std::uint64_t validated = 0, findings = 0;
        std::uint64_t a = planrules::bench::allocations.load();
        auto start = std::chrono::steady_clock::now();
        double s = 0;
        planrules::Report r;  // one report, reused (RuleSet::validate into a Report)
        do {
            for (const auto& plan : plans) {
                rules->validate(plan, o, r);
                findings += r.findings.size();
            }
            validated += plans.size();
            s = seconds_since(start);
        } while (s < min_seconds);
        return Run{static_cast<double>(validated) / s,
                   static_cast<double>(planrules::bench::allocations.load() - a) / static_cast<double>(validated),
                   static_cast<double>(findings) / static_cast<double>(validated)};
    };
    const Run full = measure(options);
    planrules::ValidateOptions counting = options;
    counting.details = false;
    counting.evidence = false;
    const Run outcomes = measure(counting);
    if (outcomes.findings != full.findings) {
        std::cerr << "the two validations disagree on the number of findings\n";
        return 1;
    }

    double load_rate = static_cast<double>(lines.size()) * load_passes / load_s;
    if (json) {
        fmt::print("{{\"plans\": {}, \"bytes\": {}, \"load_plans_per_second\": {:.0f}, \"load_mb_per_second\": {:.1f}, "
                   "\"load_allocations_per_plan\": {:.1f}, \"validate_plans_per_second\": {:.0f}, "
                   "\"validate_ns_per_plan\": {:.0f}, \"validate_allocations_per_plan\": {:.1f}, "
                   "\"outcomes_plans_per_second\": {:.0f}, \"outcomes_allocations_per_plan\": {:.1f}, "
                   "\"findings_per_plan\": {:.3f}}}\n",
                   plans.size(), bytes, load_rate, static_cast<double>(bytes) * load_passes / load_s / 1e6, load_allocs, full.rate,
                   1e9 / full.rate, full.allocs, outcomes.rate, outcomes.allocs, full.findings);
    } else {
        fmt::print("{} plans, {:.0f} bytes each on average, one thread, {:.3f} findings per plan\n", plans.size(),
                   static_cast<double>(bytes) / static_cast<double>(lines.size()), full.findings);
        fmt::print("load JSON:                     {:>9.0f} plans/s {:>7.1f} MB/s {:>6.0f} ns/plan {:>6.1f} allocations/plan\n",
                   load_rate, static_cast<double>(bytes) * load_passes / load_s / 1e6, 1e9 / load_rate, load_allocs);
        fmt::print("validate, full report:         {:>9.0f} plans/s {:>12} {:>6.0f} ns/plan {:>6.1f} allocations/plan\n",
                   full.rate, "", 1e9 / full.rate, full.allocs);
        fmt::print("validate, outcomes only:       {:>9.0f} plans/s {:>12} {:>6.0f} ns/plan {:>6.1f} allocations/plan\n",
                   outcomes.rate, "", 1e9 / outcomes.rate, outcomes.allocs);
    }
    return 0;
}
