// The summary of a population run as JSON, CSV and text (Swedish, for the people who follow
// up the plans).

#include <planrules/batch.hpp>
#include "text/strings.hpp"

#include <fmt/format.h>

#include <map>

namespace planrules {
namespace {

using detail::append_json_string;

std::string json_string(std::string_view s) {
    std::string out;
    append_json_string(out, s);
    return out;
}

std::string counts_json(const RuleCounts& c) {
    return fmt::format(R"("violated": {}, "indeterminate": {}, "passed": {}, "not_applicable": {}, "not_in_force": {})",
                       c.violated, c.indeterminate, c.passed, c.not_applicable, c.not_in_force);
}

std::string share_text(const KeyFigure& f) { return f.denominator ? fmt::format("{:.4f}", f.share()) : "null"; }

void rules_json(std::string& out, const BatchSummary& s, const std::vector<RuleCounts>& rules, const char* indent) {
    out += "[";
    bool first = true;
    for (std::size_t i = 0; i < rules.size(); ++i) {
        if (s.withheld[i]) continue;
        out += first ? "\n" : ",\n";
        first = false;
        out += fmt::format(R"({}{{"rule": {}, "ruleset": {}, "severity": "{}", {}}})", indent,
                           json_string(s.rule_ids[i]), json_string(s.rulesets[i]), to_string(s.severities[i]),
                           counts_json(rules[i]));
    }
    out += first ? "]" : fmt::format("\n{}]", std::string_view(indent).substr(2));
}

void figures_json(std::string& out, const std::vector<KeyFigure>& figures, const char* indent) {
    out += "[";
    for (std::size_t i = 0; i < figures.size(); ++i) {
        const auto& f = figures[i];
        out += i ? ",\n" : "\n";
        out += fmt::format(R"({}{{"id": "{}", "label": {}, "rule": {}, "title": {}, "numerator": {}, "denominator": {}, "share": {}}})",
                           indent, f.id, json_string(f.label), json_string(f.rule), json_string(f.title), f.numerator, f.denominator,
                           share_text(f));
    }
    out += figures.empty() ? "]" : fmt::format("\n{}]", std::string_view(indent).substr(2));
}

// 1234567 -> "1 234 567" (Swedish digit grouping, with a no-break space).
std::string grouped(std::uint64_t n) {
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out += "\u00a0";
        out += digits[i];
    }
    return out;
}

std::string percent(const KeyFigure& f) {
    if (!f.denominator) return "–";
    std::string p = fmt::format("{:.1f} %", 100.0 * f.share());
    for (auto& c : p)
        if (c == '.') c = ',';
    return p;
}

// `t` right-aligned in `width` characters (UTF-8: a character is not a byte).
std::string right_aligned(const std::string& t, std::size_t width) {
    std::size_t chars = 0;
    for (unsigned char ch : t) chars += (ch & 0xC0) != 0x80;
    return std::string(chars < width ? width - chars : 0, ' ') + t;
}

std::string csv_field(std::string_view s) {
    if (s.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(s);
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

}  // namespace

std::string render_batch_json(const BatchSummary& s) {
    std::string out = "{\n";
    out += fmt::format(R"(  "as_of": "{}",)", to_string(s.as_of)) + "\n";
    out += fmt::format(R"(  "digest": {},)", json_string(s.digest)) + "\n";
    out += fmt::format(R"(  "run": {{"seconds": {:.3f}, "threads": {}, "bytes": {}, "plans_per_second": {:.0f}}},)",
                       s.seconds, s.threads, s.bytes, s.seconds > 0 ? static_cast<double>(s.lines) / s.seconds : 0.0) +
           "\n";
    out += fmt::format(R"(  "input": {{"records": {}, "plans": {}, "not_json": {}, "invalid_input": {}, "with_errors": {},)",
                       s.lines, s.plans, s.not_json, s.invalid_input, s.with_errors) +
           "\n";
    out += R"(    "not_json_records": [)";
    for (std::size_t i = 0; i < s.not_json_records.size(); ++i)
        out += fmt::format(R"({}{{"line": {}, "reason": {}}})", i ? ", " : "", s.not_json_records[i].line,
                           json_string(s.not_json_records[i].reason));
    out += "],\n";
    out += R"(    "invalid_input_lines": [)";
    for (std::size_t i = 0; i < s.invalid_input_lines.size(); ++i)
        out += fmt::format("{}{}", i ? ", " : "", s.invalid_input_lines[i]);
    out += "]},\n";
    out += R"(  "key_figures": )";
    figures_json(out, s.figures, "    ");
    out += ",\n";
    out += R"(  "rules": )";
    rules_json(out, s, s.rules, "    ");
    out += ",\n";
    if (s.due_within) {
        out += fmt::format(R"(  "due_within": {}, "queue_total": {},)", *s.due_within, s.queue_total) + "\n";
        out += R"(  "queue": [)";
        for (std::size_t i = 0; i < s.queue.size(); ++i) {
            const auto& q = s.queue[i];
            out += i ? ",\n" : "\n";
            out += fmt::format(R"(    {{"due": "{}", "rule": {}, "plan": {}, "line": {}, "group": {}}})", to_string(q.due),
                               json_string(q.rule), json_string(q.plan), q.line, json_string(q.group));
        }
        out += s.queue.empty() ? "],\n" : "\n  ],\n";
    }
    out += fmt::format(R"(  "group_by": {},)", json_string(s.group_by)) + "\n";
    out += R"(  "groups": [)";
    for (std::size_t g = 0; g < s.groups.size(); ++g) {
        const auto& gs = s.groups[g];
        out += g ? ",\n" : "\n";
        out += fmt::format(R"(    {{"value": {}, "plans": {},)", json_string(gs.value), gs.plans);
        if (s.due_within) out += fmt::format(R"( "due": {},)", gs.due);
        out += "\n      \"key_figures\": ";
        figures_json(out, gs.figures, "        ");
        out += ",\n      \"rules\": ";
        rules_json(out, s, gs.rules, "        ");
        out += "}";
    }
    out += s.groups.empty() ? "]\n" : "\n  ]\n";
    out += "}\n";
    return out;
}

std::string render_batch_csv(const BatchSummary& s) {
    std::string out =
        "scope,kind,id,ruleset,severity,violated,indeterminate,passed,not_applicable,not_in_force,numerator,denominator,"
        "share\n";
    auto section = [&](const std::string& scope, const std::vector<RuleCounts>& rules,
                       const std::vector<KeyFigure>& figures) {
        for (const auto& f : figures)
            out += fmt::format("{},figure,{},,,,,,,,{},{},{}\n", csv_field(scope), csv_field(f.id), f.numerator,
                               f.denominator, f.denominator ? fmt::format("{:.4f}", f.share()) : "");
        for (std::size_t i = 0; i < rules.size(); ++i) {
            if (s.withheld[i]) continue;
            const auto& c = rules[i];
            out += fmt::format("{},rule,{},{},{},{},{},{},{},{},,,\n", csv_field(scope), csv_field(s.rule_ids[i]),
                               csv_field(s.rulesets[i]), to_string(s.severities[i]), c.violated, c.indeterminate,
                               c.passed, c.not_applicable, c.not_in_force);
        }
    };
    section("all", s.rules, s.figures);
    for (const auto& g : s.groups) section(s.group_by + "=" + g.value, g.rules, g.figures);
    return out;
}

std::string render_batch_text(const BatchSummary& s) {
    std::string out;
    out += fmt::format("Population bedömd per {}: {} poster, {} planer", to_string(s.as_of), grouped(s.lines),
                       grouped(s.plans));
    if (s.seconds > 0)
        out += fmt::format(" ({:.1f} s, {} planer/s, {} trådar)", s.seconds,
                           grouped(static_cast<std::uint64_t>(static_cast<double>(s.lines) / s.seconds)), s.threads);
    out += "\n";
    if (s.not_json) {
        out += fmt::format("{} poster är inte JSON-objekt och har inte bedömts:", grouped(s.not_json));
        for (std::size_t i = 0; i < s.not_json_records.size() && i < 10; ++i)
            out += fmt::format("\n  rad {}: {}", s.not_json_records[i].line, s.not_json_records[i].reason);
        if (s.not_json > 10) out += fmt::format("\n  … och {} till (se --format json)", grouped(s.not_json - 10));
        out += "\n";
    }
    if (s.invalid_input) {
        out += fmt::format("{} planer har ogiltiga värden (bedömda, med fynd invalid_input): rad", grouped(s.invalid_input));
        for (std::size_t i = 0; i < s.invalid_input_lines.size() && i < 10; ++i)
            out += fmt::format("{} {}", i ? "," : "", s.invalid_input_lines[i]);
        if (s.invalid_input > 10) out += " …";
        out += "\n";
    }
    out += fmt::format("{} planer har minst ett fel.\n", grouped(s.with_errors));
    if (!s.figures.empty()) {
        out += "\nNyckeltal\n";
        for (const auto& f : s.figures)
            out += fmt::format("  {:>7}  {} ({}; {} av {})\n", percent(f), f.title, f.rule, grouped(f.numerator),
                               grouped(f.denominator));
    }
    out += "\nRegler                   brister  obedömbara   uppfyllda  ej tillämpliga  ej i kraft\n";
    for (std::size_t i = 0; i < s.rules.size(); ++i) {
        if (s.withheld[i]) continue;
        const auto& c = s.rules[i];
        // (grouped numbers hold two-byte no-break spaces: fmt's padding counts bytes)
        auto col = [](std::uint64_t n, std::size_t width) { return right_aligned(grouped(n), width); };
        out += fmt::format("  {:<14} {:<7}{}{}{}{}{}\n", s.rule_ids[i], to_string(s.severities[i]), col(c.violated, 8),
                           col(c.indeterminate, 12), col(c.passed, 12), col(c.not_applicable, 16),
                           col(c.not_in_force, 12));
    }
    if (s.due_within) {
        out += fmt::format("\nAtt göra: {} tidsgränser infaller inom {} dagar (till och med {})\n", grouped(s.queue_total),
                           *s.due_within, to_string(civil_from_days(days_from_civil(s.as_of) + *s.due_within)));
        for (std::size_t i = 0; i < s.queue.size() && i < 20; ++i) {
            const auto& q = s.queue[i];
            out += fmt::format("  {}  {:<8} {}  (rad {}{})\n", to_string(q.due), q.rule, q.plan, q.line,
                               q.group.empty() ? "" : fmt::format(", {}", q.group));
        }
        if (s.queue_total > 20) out += fmt::format("  … och {} till (se --format json)\n", grouped(s.queue_total - 20));
    }
    if (!s.groups.empty()) {
        const auto& pad = right_aligned;
        out += fmt::format("\nPer {}\n  {:<10}{}", s.group_by, "", pad("planer", 10));
        for (const auto& f : s.figures) out += pad(f.label, 11);
        if (s.due_within) out += pad("att göra", 10);
        out += "\n";
        for (const auto& g : s.groups) {
            out += fmt::format("  {:<10}{}", g.value.empty() ? "(saknas)" : g.value, pad(grouped(g.plans), 10));
            for (const auto& f : g.figures) out += pad(percent(f), 11);
            if (s.due_within) out += pad(grouped(g.due), 10);
            out += "\n";
        }
    }
    return out;
}

}  // namespace planrules
