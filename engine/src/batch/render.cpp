// The summary of a population run as JSON, CSV and text (Swedish, for the people who follow
// up the plans).

#include <planrules/batch.hpp>
#include "json/writer.hpp"

#include <fmt/format.h>

#include <map>

namespace planrules {
namespace {

void counts_json(json::Writer& w, const RuleCounts& c) {
    w.field("violated", c.violated).field("indeterminate", c.indeterminate).field("passed", c.passed);
    w.field("not_applicable", c.not_applicable).field("not_in_force", c.not_in_force);
}

void rules_json(json::Writer& w, const BatchSummary& s, const std::vector<RuleCounts>& rules, int indent) {
    w.begin_array(json::Layout::lines(indent));
    for (std::size_t i = 0; i < rules.size(); ++i) {
        if (s.withheld[i]) continue;
        w.begin_object().field("rule", s.rule_ids[i]).field("ruleset", s.rulesets[i]).field("severity", to_string(s.severities[i]));
        counts_json(w, rules[i]);
        w.end_object();
    }
    w.end_array();
}

void figures_json(json::Writer& w, const std::vector<KeyFigure>& figures, int indent) {
    w.begin_array(json::Layout::lines(indent));
    for (const auto& f : figures) {
        w.begin_object().field("id", f.id).field("label", f.label).field("rule", f.rule).field("title", f.title);
        w.field("numerator", f.numerator).field("denominator", f.denominator).key("share");
        if (f.denominator) w.fixed(f.share(), 4);
        else w.null();
        w.end_object();
    }
    w.end_array();
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
    std::string out;
    json::Writer w(out);
    w.begin_object(json::Layout::lines(2));
    w.field("as_of", to_string(s.as_of)).field("digest", s.digest);
    w.key("run").begin_object().key("seconds").fixed(s.seconds, 3).field("threads", s.threads).field("bytes", s.bytes);
    w.key("plans_per_second").fixed(s.seconds > 0 ? static_cast<double>(s.lines) / s.seconds : 0.0, 0).end_object();
    w.key("input").begin_object().field("records", s.lines).field("plans", s.plans).field("not_json", s.not_json);
    w.field("invalid_input", s.invalid_input).field("with_errors", s.with_errors);
    w.break_line(4).key("not_json_records").begin_array();
    for (const auto& r : s.not_json_records) w.begin_object().field("line", r.line).field("reason", r.reason).end_object();
    w.end_array();
    w.break_line(4).key("invalid_input_lines").begin_array();
    for (auto line : s.invalid_input_lines) w.number(line);
    w.end_array().end_object();
    w.key("key_figures");
    figures_json(w, s.figures, 4);
    w.key("rules");
    rules_json(w, s, s.rules, 4);
    if (s.due_within) {
        w.field("due_within", *s.due_within);
        w.field("queue_total", s.queue_total);
        w.key("queue").begin_array(json::Layout::lines(4));
        for (const auto& q : s.queue) {
            w.begin_object().field("due", to_string(q.due)).field("rule", q.rule).field("plan", q.plan);
            w.field("line", q.line).field("group", q.group).end_object();
        }
        w.end_array();
    }
    w.field("group_by", s.group_by);
    w.key("groups").begin_array(json::Layout::lines(4));
    for (const auto& gs : s.groups) {
        w.begin_object().field("value", gs.value).field("plans", gs.plans);
        if (s.due_within) w.field("due", gs.due);
        w.break_line(6).key("key_figures");
        figures_json(w, gs.figures, 8);
        w.break_line(6).key("rules");
        rules_json(w, s, gs.rules, 8);
        w.end_object();
    }
    w.end_array().end_object();
    return out + "\n";
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
