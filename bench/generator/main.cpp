// planrules-generate: a deterministic synthetic population of action plans (JSON Lines) with
// rule violations injected at known rates, and the exact expected outcome of every rule.
//
// Standalone on purpose: it does not link the engine. The expected outcomes come from a small
// hand-written reference evaluation of the rules in rules/ (reference_evaluation.cpp), so that a
// batch run of the engine can be compared with an independent implementation.
//
//   planrules-generate --count N [--seed S] [--as-of YYYY-MM-DD] [--rate RULE=FRACTION]...
//                      [--malformed FRACTION] [--out FILE.jsonl|-] [--truth FILE.json]
//                      [--truth-plans FILE.jsonl]
//
// Every plan depends only on (seed, line number, as-of, rates, malformed share): its random
// stream is seeded from the seed and its line number, and only integer arithmetic decides
// anything, so the output is the same on every platform.

#include "calendar.hpp"
#include "generation.hpp"
#include "plan_writer.hpp"
#include "random.hpp"
#include "reference_data.hpp"
#include "reference_evaluation.hpp"
#include "rule_list.hpp"
#include "truth.hpp"

#include <fmt/format.h>

#include <array>
#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

using namespace generator;

namespace {

[[noreturn]] void usage(int status, std::string_view error = {}) {
    if (!error.empty()) {
        fmt::print(stderr, "planrules-generate: {} (see --help)\n", error);
        std::exit(status);
    }
    fmt::print(status ? stderr : stdout,
               "usage: planrules-generate --count N [--seed S] [--as-of YYYY-MM-DD]\n"
               "                          [--rate RULE=FRACTION]... [--malformed FRACTION]\n"
               "                          [--out FILE.jsonl|-] [--truth FILE.json]\n"
               "                          [--truth-plans FILE.jsonl]\n"
               "  --count N            number of lines (plans) to write\n"
               "  --seed S             random seed (default 1)\n"
               "  --as-of DATE         evaluation date the population is built for (default 2024-06-01)\n"
               "  --rate RULE=F        injection rate of a rule's violation (RULE 'all' sets every rule)\n"
               "  --malformed F        share of malformed records (default 0.001)\n"
               "  --out FILE|-         JSON Lines output (default standard output)\n"
               "  --truth FILE         the expected outcomes per rule as JSON\n"
               "  --truth-plans FILE   the expected outcome of every rule for every plan (JSON Lines)\n"
               "rules:");
    for (const RuleInfo& r : kRules) fmt::print(status ? stderr : stdout, " {}={}", r.id, r.default_rate);
    fmt::print(status ? stderr : stdout, "\n");
    std::exit(status);
}

bool parse_fraction(std::string_view s, double& out) {
    std::string copy(s);
    char* end = nullptr;
    errno = 0;
    const double v = std::strtod(copy.c_str(), &end);
    if (copy.empty() || errno || end != copy.c_str() + copy.size() || !(v >= 0 && v <= 1)) return false;
    out = v;
    return true;
}

bool parse_u64(std::string_view s, uint64_t& out) {
    const auto r = std::from_chars(s.data(), s.data() + s.size(), out);
    return !s.empty() && r.ec == std::errc{} && r.ptr == s.data() + s.size();
}

}  // namespace

int main(int argc, char** argv) {
    Config cfg;
    for (int r = 0; r < kRuleCount; ++r) cfg.rates[r] = kRules[r].default_rate;
    std::string out_path = "-";
    std::string truth_path;
    std::string plans_truth_path;
    bool have_count = false;

    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        auto value = [&]() -> std::string_view {
            if (i + 1 >= argc) usage(2, fmt::format("{} needs a value", arg));
            return argv[++i];
        };
        if (arg == "-h" || arg == "--help") {
            usage(0);
        } else if (arg == "--count") {
            if (!parse_u64(value(), cfg.count)) usage(2, "--count takes a whole number");
            have_count = true;
        } else if (arg == "--seed") {
            if (!parse_u64(value(), cfg.seed)) usage(2, "--seed takes a whole number");
        } else if (arg == "--as-of") {
            if (!parse_date(value(), cfg.as_of)) usage(2, "--as-of takes a date YYYY-MM-DD");
            if (cfg.as_of < days_from_civil(1900, 1, 1) || cfg.as_of > days_from_civil(9000, 12, 31))
                usage(2, "--as-of is out of range");
        } else if (arg == "--rate") {
            const std::string_view v = value();
            const size_t eq = v.find('=');
            double fraction = 0;
            if (eq == std::string_view::npos || !parse_fraction(v.substr(eq + 1), fraction))
                usage(2, fmt::format("--rate takes RULE=FRACTION with a fraction from 0 to 1, not '{}'", v));
            const std::string_view id = v.substr(0, eq);
            bool found = false;
            for (int r = 0; r < kRuleCount; ++r) {
                if (id == "all" || id == kRules[r].id) {
                    cfg.rates[r] = fraction;
                    found = true;
                }
            }
            if (!found) usage(2, fmt::format("unknown rule '{}'", id));
        } else if (arg == "--malformed") {
            if (!parse_fraction(value(), cfg.malformed)) usage(2, "--malformed takes a fraction from 0 to 1");
        } else if (arg == "--out") {
            out_path = value();
        } else if (arg == "--truth") {
            truth_path = value();
        } else if (arg == "--truth-plans") {
            plans_truth_path = value();
        } else {
            usage(2, fmt::format("unknown option '{}'", arg));
        }
    }
    if (!have_count) usage(2, "--count is required");
    for (int r = 0; r < kRuleCount; ++r) cfg.thresholds[r] = threshold_of(cfg.rates[r]);
    cfg.malformed_threshold = threshold_of(cfg.malformed);

    FILE* out = out_path == "-" ? stdout : std::fopen(out_path.c_str(), "wb");
    if (!out) {
        fmt::print(stderr, "planrules-generate: cannot write {}: {}\n", out_path, std::strerror(errno));
        return 2;
    }

    FILE* plans_truth = nullptr;
    if (!plans_truth_path.empty() && !(plans_truth = std::fopen(plans_truth_path.c_str(), "wb"))) {
        fmt::print(stderr, "planrules-generate: cannot write {}: {}\n", plans_truth_path, std::strerror(errno));
        return 2;
    }
    std::string plans_buffer;

    Truth truth;
    std::vector<Tally> by_kommun(kKommuner.size() + 1);  // the last: kommun missing
    constexpr size_t kFlushAt = size_t{8} << 20;
    std::vector<char> buffer(kFlushAt + kPlanRoom);
    size_t used = 0;
    bool write_error = false;
    auto flush = [&]() {
        if (used > 0 && std::fwrite(buffer.data(), 1, used, out) != used) write_error = true;
        truth.bytes += used;
        used = 0;
    };
    std::array<Outcome, kRuleCount> outcome{};

    for (uint64_t line = 1; line <= cfg.count; ++line) {
        Generator gen(cfg, line);
        gen.run();
        const Plan& p = gen.plan();
        const size_t start = used;
        used = static_cast<size_t>(write_plan(p, cfg.seed, buffer.data() + start) - buffer.data());
        if (gen.malformed() == Malformed::not_json) {
            // cut off: a proper prefix of an object is never JSON; do not split a UTF-8 sequence
            const size_t length = used - start;
            size_t cut = start + length / 4 + static_cast<size_t>(gen.rng().below(static_cast<int>(length / 2)));
            while (cut > start + 1 && (static_cast<unsigned char>(buffer[cut]) & 0xC0) == 0x80) --cut;
            used = cut;
            truth.not_json.push_back(line);
        } else {
            if (gen.malformed() == Malformed::invalid) truth.invalid.push_back(line);
            evaluate(p, cfg.as_of, outcome);
            add(truth.all, outcome);
            add(by_kommun[p.kommun >= 0 ? static_cast<size_t>(p.kommun) : kKommuner.size()], outcome);
            for (int r = 0; r < kRuleCount; ++r) truth.injected[r] += gen.injected()[r];
            if (plans_truth) {
                plans_buffer += fmt::format("{{\"line\": {}, \"outcomes\": {{", line);
                for (int r = 0; r < kRuleCount; ++r)
                    plans_buffer += fmt::format("{}\"{}\": \"{}\"", r ? ", " : "", kRules[r].id, kOutcomeNames[outcome[r]]);
                plans_buffer += "}}\n";
                if (plans_buffer.size() >= kFlushAt) {
                    std::fwrite(plans_buffer.data(), 1, plans_buffer.size(), plans_truth);
                    plans_buffer.clear();
                }
            }
            count_key_figures(truth, p, outcome, cfg.as_of);
        }
        buffer[used++] = '\n';
        if (used >= kFlushAt) flush();
    }
    flush();
    for (size_t k = 0; k < by_kommun.size(); ++k)
        if (by_kommun[k].plans > 0)
            truth.by_kommun[k < kKommuner.size() ? std::string(kKommuner[k].code) : std::string("(saknas)")] = by_kommun[k];
    if (out != stdout) {
        if (std::fclose(out) != 0) write_error = true;
    } else if (std::fflush(out) != 0) {
        write_error = true;
    }
    if (plans_truth) {
        std::fwrite(plans_buffer.data(), 1, plans_buffer.size(), plans_truth);
        if (std::fclose(plans_truth) != 0) write_error = true;
    }
    if (write_error) {
        fmt::print(stderr, "planrules-generate: error writing {}\n", out_path);
        return 2;
    }

    if (!truth_path.empty()) {
        const std::string json = truth_json(cfg, truth);
        FILE* f = std::fopen(truth_path.c_str(), "wb");
        if (!f || std::fwrite(json.data(), 1, json.size(), f) != json.size() || std::fclose(f) != 0) {
            fmt::print(stderr, "planrules-generate: cannot write {}\n", truth_path);
            return 2;
        }
    }
    return 0;
}
