// The summary of a population run as JSON, CSV (the plain table, or one Swedish Excel opens as
// columns) and text for the people who follow up the plans, in their language.

#include <planrules/batch.hpp>
#include <planrules/impact.hpp>
#include "json/writer.hpp"
#include "report/labels.hpp"
#include "text/catalogue.hpp"

#include <fmt/format.h>

#include <algorithm>
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

using text::N_;
using text::tr;

// 1234567 -> "1 234 567" (digit grouping with a no-break space, as SI and Swedish write it).
std::string grouped(std::uint64_t n) {
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out += "\u00a0";
        out += digits[i];
    }
    return out;
}

// "12,5 %" in Swedish, "12.5 %" in English.
std::string percent(const KeyFigure& f) {
    if (!f.denominator) return "–";
    std::string p = fmt::format("{:.1f} %", 100.0 * f.share());
    if (text::current_language() == Language::sv) std::replace(p.begin(), p.end(), '.', ',');
    return p;
}

using planrules::detail::code_points;

// Rows as a table: each column as wide as its widest cell, the first `left` columns aligned
// left and the others right, two spaces in front and between.
std::string columns(const std::vector<std::vector<std::string>>& rows, std::size_t left) {
    std::vector<std::size_t> widths;
    for (const auto& row : rows)
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (widths.size() <= i) widths.push_back(0);
            widths[i] = std::max(widths[i], code_points(row[i]));
        }
    std::string out;
    for (const auto& row : rows) {
        std::string line = " ";
        for (std::size_t i = 0; i < row.size(); ++i) {
            const std::string pad(widths[i] - code_points(row[i]), ' ');
            line += ' ';
            line += i < left ? row[i] + pad : pad + row[i];
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out += line + "\n";
    }
    return out;
}

// Whether rule `i` is in the summary: not withheld from the audience, and assessed for some
// plan (a rule outside the --ruleset scope is skipped for every plan: all its counts are 0).
bool listed(const BatchSummary& s, std::size_t i) {
    if (s.withheld[i]) return false;
    const RuleCounts& c = s.rules[i];
    return s.plans == 0 || c.evaluated() + c.not_applicable + c.not_in_force > 0;
}

// A group's value with its label from the code list ("0180 Stockholm"), or the value.
std::string group_label(const BatchSummary& s, const std::string& value) {
    for (const auto& g : s.groups)
        if (g.value == value && !g.label.empty()) return value + " " + g.label;
    return value;
}

// `t` right-aligned in `columns` characters (UTF-8: a character is not a byte).
std::string right_aligned(const std::string& t, std::size_t columns) {
    const std::size_t chars = code_points(t);
    return std::string(chars < columns ? columns - chars : 0, ' ') + t;
}

std::string csv_field(std::string_view s, char sep = ',') {
    if (s.find_first_of("\"\n\r") == std::string_view::npos && s.find(sep) == std::string_view::npos) return std::string(s);
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

// A column of a CSV: its heading in the plain CSV (a key, as in the JSON) and in the Swedish one
// (through the catalogue).
struct Column {
    const char* key;
    const char* label;
};
constexpr Column summary_columns[] = {
    {"scope", N_("scope")},           {"kind", N_("kind")},           {"id", N_("id")},
    {"ruleset", N_("rule set")},      {"severity", N_("severity")},   {"violated", N_("violations")},
    {"indeterminate", N_("indeterminate")}, {"passed", N_("passes")}, {"not_applicable", N_("inapplicable")},
    {"not_in_force", N_("not in force")}, {"numerator", N_("numerator")}, {"denominator", N_("denominator")},
    {"share", N_("share")}};
constexpr Column findings_columns[] = {
    {"line", N_("line")},       {"plan", N_("plan id")},    {"rule", N_("rule")},       {"ruleset", N_("rule set")},
    {"severity", N_("severity")}, {"outcome", N_("outcome")}, {"pointer", N_("pointer")}, {"message", N_("message")},
    {"due", N_("due")}};

// The heading row; the Swedish CSV starts with a byte order mark, by which Excel reads UTF-8.
template <std::size_t N>
std::string heading(const Column (&cols)[N], const CsvStyle& style) {
    const char sep = style.swedish ? ';' : ',';
    std::string out = style.swedish ? "\xEF\xBB\xBF" : "";
    for (std::size_t i = 0; i < N; ++i)
        out += (i ? std::string(1, sep) : std::string()) +
               csv_field(style.swedish ? text::translate(Language::sv, cols[i].label) : cols[i].key, sep);
    return out + "\n";
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
        w.begin_object().field("value", gs.value);
        if (!gs.label.empty()) w.field("label", gs.label);
        w.field("plans", gs.plans);
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

std::string render_batch_csv(const BatchSummary& s, const CsvStyle& style) {
    const text::LanguageScope language(style.swedish ? Language::sv : Language::en);
    const char sep = style.swedish ? ';' : ',';
    auto field = [&](std::string_view v) { return csv_field(v, sep); };
    auto share = [&](const KeyFigure& f) {
        if (!f.denominator) return std::string();
        std::string v = fmt::format("{:.4f}", f.share());
        if (style.swedish) std::replace(v.begin(), v.end(), '.', ',');
        return v;
    };
    std::string out = heading(summary_columns, style);
    const std::string all = style.swedish ? std::string(text::translate(N_("all"))) : "all";
    const std::string figure = style.swedish ? std::string(text::translate(N_("figure"))) : "figure";
    const std::string rule = style.swedish ? std::string(text::translate(N_("rule"))) : "rule";
    auto row = [&](std::initializer_list<std::string> cells) {
        std::string line;
        bool first = true;
        for (const auto& c : cells) {
            if (!first) line += sep;
            line += c;
            first = false;
        }
        out += line + "\n";
    };
    auto section = [&](const std::string& scope, const std::vector<RuleCounts>& rules, const std::vector<KeyFigure>& figures) {
        for (const auto& f : figures)
            row({field(scope), figure, field(f.id), "", "", "", "", "", "", "", std::to_string(f.numerator),
                 std::to_string(f.denominator), share(f)});
        for (std::size_t i = 0; i < rules.size(); ++i) {
            if (!listed(s, i)) continue;
            const auto& c = rules[i];
            row({field(scope), rule, field(s.rule_ids[i]), field(s.rulesets[i]), to_string(s.severities[i]),
                 std::to_string(c.violated), std::to_string(c.indeterminate), std::to_string(c.passed),
                 std::to_string(c.not_applicable), std::to_string(c.not_in_force), "", "", ""});
        }
    };
    section(all, s.rules, s.figures);
    for (const auto& g : s.groups) section(s.group_by + "=" + g.value, g.rules, g.figures);
    return out;
}

std::string findings_csv_heading(const CsvStyle& style) { return heading(findings_columns, style); }

std::string render_findings_csv(const Report& r, std::uint64_t line, const CsvStyle& style) {
    const char sep = style.swedish ? ';' : ',';
    std::string out;
    for (const Finding& f : r.findings) {
        const std::string cells[] = {std::to_string(line), csv_field(r.plan, sep),     csv_field(f.rule, sep),
                                     csv_field(f.ruleset, sep), to_string(f.severity), to_string(f.outcome),
                                     csv_field(f.pointer, sep), csv_field(f.message, sep),
                                     f.due ? to_string(*f.due) : std::string()};
        for (std::size_t i = 0; i < std::size(cells); ++i) out += (i ? std::string(1, sep) : std::string()) + cells[i];
        out += "\n";
    }
    return out;
}

std::string render_batch_text(const BatchSummary& s, Language language) {
    const text::LanguageScope in_language(language);
    std::string out;
    out += tr("Population assessed as of {}: {} records, {} plans", to_string(s.as_of), grouped(s.lines), grouped(s.plans));
    if (s.seconds > 0)
        out += tr(" ({:.1f} s, {} plans/s, {} threads)", s.seconds,
                  grouped(static_cast<std::uint64_t>(static_cast<double>(s.lines) / s.seconds)), s.threads);
    out += "\n";
    if (s.not_json) {
        out += tr("{} records are not JSON objects and were not assessed:", grouped(s.not_json));
        for (std::size_t i = 0; i < s.not_json_records.size() && i < 10; ++i)
            out += fmt::format("\n  {}", tr("line {}: {}", s.not_json_records[i].line, s.not_json_records[i].reason));
        if (s.not_json > 10) out += fmt::format("\n  {}", tr("… and {} more (see --format json)", grouped(s.not_json - 10)));
        out += "\n";
    }
    if (s.invalid_input) {
        std::string lines;
        for (std::size_t i = 0; i < s.invalid_input_lines.size() && i < 10; ++i)
            lines += fmt::format("{}{}", i ? ", " : "", s.invalid_input_lines[i]);
        if (s.invalid_input > 10) lines += " …";
        out += tr("{} plans have invalid values (assessed, with invalid_input findings): line {}", grouped(s.invalid_input), lines);
        out += "\n";
    }
    out += tr("{} plans have at least one error.", grouped(s.with_errors)) + "\n";
    if (!s.figures.empty()) {
        out += "\n" + tr("Key figures") + "\n";
        for (const auto& f : s.figures)
            out += fmt::format("  {}  {} ({}; {})\n", right_aligned(percent(f), 7), f.title, f.rule,
                               tr("{} of {}", grouped(f.numerator), grouped(f.denominator)));
    }
    // the rule table: columns as wide as their widest cell, whatever the ids and the language
    std::vector<std::vector<std::string>> table;
    table.push_back({tr("Rules"), "", tr("violations"), tr("indeterminate"), tr("passes"), tr("inapplicable"), tr("not in force")});
    for (std::size_t i = 0; i < s.rules.size(); ++i) {
        if (!listed(s, i)) continue;
        const auto& c = s.rules[i];
        table.push_back({s.rule_ids[i], to_string(s.severities[i]), grouped(c.violated), grouped(c.indeterminate),
                         grouped(c.passed), grouped(c.not_applicable), grouped(c.not_in_force)});
    }
    out += "\n" + columns(table, 2);
    if (s.due_within) {
        out += "\n" + tr("To do: {} deadlines fall within {} days (until {})", grouped(s.queue_total), *s.due_within,
                          to_string(civil_from_days(days_from_civil(s.as_of) + *s.due_within)));
        out += "\n";
        std::vector<std::vector<std::string>> queue;
        for (std::size_t i = 0; i < s.queue.size() && i < 20; ++i) {
            const auto& q = s.queue[i];
            queue.push_back({to_string(q.due), q.rule, q.plan,
                             q.group.empty() ? tr("(line {})", q.line) : tr("(line {}, {})", q.line, group_label(s, q.group))});
        }
        out += columns(queue, 4);
        if (s.queue_total > 20) out += fmt::format("  {}\n", tr("… and {} more (see --format json)", grouped(s.queue_total - 20)));
    }
    if (!s.groups.empty()) {
        std::vector<std::vector<std::string>> groups;
        std::vector<std::string> head{"", tr("plans")};
        for (const auto& f : s.figures) head.push_back(f.label);
        if (s.due_within) head.push_back(tr("to do"));
        groups.push_back(std::move(head));
        for (const auto& g : s.groups) {
            std::vector<std::string> row{g.value.empty() ? tr("(missing)") : group_label(s, g.value), grouped(g.plans)};
            for (const auto& f : g.figures) row.push_back(percent(f));
            if (s.due_within) row.push_back(grouped(g.due));
            groups.push_back(std::move(row));
        }
        out += "\n" + tr("By {}", s.group_by) + "\n" + columns(groups, 1);
    }
    return out;
}

// ---------------------------------------------------------------- impact (planrules/impact.hpp)

namespace {

const RuleCounts* counts_of(const BatchSummary& s, const std::vector<RuleCounts>& rules, std::string_view id) {
    for (std::size_t i = 0; i < s.rule_ids.size() && i < rules.size(); ++i)
        if (s.rule_ids[i] == id && !s.withheld[i]) return &rules[i];
    return nullptr;
}

const GroupSummary* group_in(const BatchSummary& s, const std::string& value) {
    for (const auto& g : s.groups)
        if (g.value == value) return &g;
    return nullptr;
}

// "105 → 160 (+55)", or "105" when it did not change.
std::string change(std::uint64_t before, std::uint64_t after) {
    if (before == after) return grouped(after);
    const auto diff = static_cast<std::int64_t>(after) - static_cast<std::int64_t>(before);
    return fmt::format("{} → {} ({}{})", grouped(before), grouped(after), diff > 0 ? "+" : "−",
                       grouped(static_cast<std::uint64_t>(diff > 0 ? diff : -diff)));
}

// The rules of both versions, in the order of the version after, then the removed ones.
std::vector<std::string> all_rules(const ImpactSummary& s) {
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < s.after.rule_ids.size(); ++i)
        if (!s.after.withheld[i]) ids.push_back(s.after.rule_ids[i]);
    for (const auto& id : s.removed)
        if (counts_of(s.before, s.before.rules, id)) ids.push_back(id);
    return ids;
}

void counts_json(json::Writer& w, std::string_view key, const RuleCounts* c) {
    w.key(key);
    if (!c) {
        w.null();
        return;
    }
    w.begin_object();
    counts_json(w, *c);
    w.end_object();
}

}  // namespace

std::string render_impact_text(const ImpactSummary& s, Language language) {
    const text::LanguageScope in_language(language);
    std::string out = tr("The change of the rules over {} records, {} plans, as of {}", grouped(s.after.lines),
                         grouped(s.after.plans), to_string(s.after.as_of)) +
                      "\n";
    auto list = [](const std::vector<std::string>& v) {
        std::string t;
        for (const auto& x : v) t += (t.empty() ? "" : ", ") + x;
        return t.empty() ? std::string("–") : t;
    };
    out += tr("Rules added: {}", list(s.added)) + "\n" + tr("Rules removed: {}", list(s.removed)) + "\n";
    out += tr("{} plans get another result for at least one rule.", grouped(s.plans_changed)) + "\n";
    // the rules: before → after where it changed
    std::vector<std::vector<std::string>> table;
    table.push_back({tr("Rules"), tr("violations"), tr("indeterminate"), tr("passes"), tr("inapplicable"), tr("not in force")});
    const RuleCounts none{};
    for (const auto& id : all_rules(s)) {
        const RuleCounts* b = counts_of(s.before, s.before.rules, id);
        const RuleCounts* a = counts_of(s.after, s.after.rules, id);
        const RuleCounts& x = b ? *b : none;
        const RuleCounts& y = a ? *a : none;
        if (b && a && x.violated == y.violated && x.indeterminate == y.indeterminate && x.passed == y.passed &&
            x.not_applicable == y.not_applicable && x.not_in_force == y.not_in_force)
            continue;  // unchanged
        std::string name = id;
        if (!b) name += " " + tr("(new)");
        if (!a) name += " " + tr("(removed)");
        table.push_back({name, change(x.violated, y.violated), change(x.indeterminate, y.indeterminate),
                         change(x.passed, y.passed), change(x.not_applicable, y.not_applicable),
                         change(x.not_in_force, y.not_in_force)});
    }
    if (table.size() == 1) out += "\n" + tr("No rule's counts changed.") + "\n";
    else out += "\n" + tr("Rules whose counts changed (before → after)") + "\n" + columns(table, 1);
    // key figures
    std::vector<std::vector<std::string>> figures;
    for (const auto& f : s.after.figures) {
        std::string was = "–";
        for (const auto& g : s.before.figures)
            if (g.id == f.id) was = percent(g);
        if (was != percent(f)) figures.push_back({f.label, was + " → " + percent(f), f.title});
    }
    for (const auto& g : s.before.figures)
        if (std::none_of(s.after.figures.begin(), s.after.figures.end(), [&](const KeyFigure& f) { return f.id == g.id; }))
            figures.push_back({g.label, percent(g) + " → –", g.title});
    if (!figures.empty()) out += "\n" + tr("Key figures that changed") + "\n" + columns(figures, 3);
    // per group: the rules whose violations changed
    if (!s.after.group_by.empty()) {
        std::vector<std::vector<std::string>> groups;
        for (const auto& g : s.after.groups) {
            const GroupSummary* was = group_in(s.before, g.value);
            for (const auto& id : all_rules(s)) {
                const RuleCounts* b = was ? counts_of(s.before, was->rules, id) : nullptr;
                const RuleCounts* a = counts_of(s.after, g.rules, id);
                const std::uint64_t vb = b ? b->violated : 0, va = a ? a->violated : 0;
                if (vb == va) continue;
                groups.push_back({g.value.empty() ? tr("(missing)") : group_label(s.after, g.value), id, change(vb, va)});
            }
        }
        if (!groups.empty())
            out += "\n" + tr("Violations that changed by {}", s.after.group_by) + "\n" + columns(groups, 2);
    }
    // the changes, with some of the plans
    if (!s.changes.empty()) {
        out += "\n" + tr("Plans whose result changed") + "\n";
        for (const auto& c : s.changes) {
            std::string sample;
            for (const auto& p : c.samples)
                sample += (sample.empty() ? "" : ", ") + tr("{} (line {})", p.plan.empty() ? tr("(no id)") : p.plan, p.line);
            out += fmt::format("  {}: {} → {}: {}; {}\n", c.rule, text::translate(result_label(c.from)),
                               text::translate(result_label(c.to)),
                               text::tr_n(c.plans, N_("{} plan"), N_("{} plans")), tr("e.g. {}", sample));
        }
    }
    return out;
}

std::string render_impact_json(const ImpactSummary& s) {
    std::string out;
    json::Writer w(out);
    w.begin_object(json::Layout::lines(2));
    w.field("as_of", to_string(s.after.as_of)).field("before_digest", s.before.digest).field("after_digest", s.after.digest);
    w.field("records", s.after.lines).field("plans", s.after.plans).field("plans_changed", s.plans_changed);
    w.key("added").strings(s.added).key("removed").strings(s.removed);
    w.key("rules").begin_array(json::Layout::lines(4));
    for (const auto& id : all_rules(s)) {
        w.begin_object().field("rule", id);
        counts_json(w, "before", counts_of(s.before, s.before.rules, id));
        counts_json(w, "after", counts_of(s.after, s.after.rules, id));
        w.end_object();
    }
    w.end_array();
    w.key("key_figures").begin_array(json::Layout::lines(4));
    auto figure = [&](std::string_view key, const std::vector<KeyFigure>& figures, const std::string& id) {
        w.key(key);
        for (const auto& f : figures)
            if (f.id == id) {
                w.begin_object().field("numerator", f.numerator).field("denominator", f.denominator).key("share");
                if (f.denominator) w.fixed(f.share(), 4);
                else w.null();
                w.end_object();
                return;
            }
        w.null();
    };
    std::vector<std::string> figure_ids;
    for (const auto& f : s.after.figures) figure_ids.push_back(f.id);
    for (const auto& f : s.before.figures)
        if (std::find(figure_ids.begin(), figure_ids.end(), f.id) == figure_ids.end()) figure_ids.push_back(f.id);
    for (const auto& id : figure_ids) {
        w.begin_object().field("id", id);
        figure("before", s.before.figures, id);
        figure("after", s.after.figures, id);
        w.end_object();
    }
    w.end_array();
    w.field("group_by", s.after.group_by).key("groups").begin_array(json::Layout::lines(4));
    for (const auto& g : s.after.groups) {
        const GroupSummary* was = group_in(s.before, g.value);
        w.begin_object().field("value", g.value);
        if (!g.label.empty()) w.field("label", g.label);
        w.key("rules").begin_array();
        for (const auto& id : all_rules(s)) {
            w.begin_object().field("rule", id);
            counts_json(w, "before", was ? counts_of(s.before, was->rules, id) : nullptr);
            counts_json(w, "after", counts_of(s.after, g.rules, id));
            w.end_object();
        }
        w.end_array().end_object();
    }
    w.end_array();
    w.key("changes").begin_array(json::Layout::lines(4));
    for (const auto& c : s.changes) {
        w.begin_object().field("rule", c.rule).field("from", to_string(c.from)).field("to", to_string(c.to));
        w.field("plans", c.plans).key("samples").begin_array();
        for (const auto& p : c.samples) w.begin_object().field("line", p.line).field("plan", p.plan).end_object();
        w.end_array().end_object();
    }
    w.end_array().end_object();
    return out + "\n";
}

std::string render_impact_csv(const ImpactSummary& s, const CsvStyle& style) {
    const char sep = style.swedish ? ';' : ',';
    static constexpr Column columns_[] = {
        {"scope", N_("scope")},
        {"rule", N_("rule")},
        {"violated_before", N_("violations before")},
        {"violated_after", N_("violations after")},
        {"indeterminate_before", N_("indeterminate before")},
        {"indeterminate_after", N_("indeterminate after")},
        {"passed_before", N_("passes before")},
        {"passed_after", N_("passes after")},
        {"not_applicable_before", N_("inapplicable before")},
        {"not_applicable_after", N_("inapplicable after")},
        {"not_in_force_before", N_("not in force before")},
        {"not_in_force_after", N_("not in force after")}};
    std::string out = heading(columns_, style);
    const RuleCounts none{};
    auto rows = [&](const std::string& scope, const std::vector<RuleCounts>* before, const std::vector<RuleCounts>& after) {
        for (const auto& id : all_rules(s)) {
            const RuleCounts* b = before ? counts_of(s.before, *before, id) : nullptr;
            const RuleCounts* a = counts_of(s.after, after, id);
            const RuleCounts& x = b ? *b : none;
            const RuleCounts& y = a ? *a : none;
            const std::uint64_t cells[] = {x.violated,       y.violated,       x.indeterminate, y.indeterminate,
                                           x.passed,         y.passed,         x.not_applicable, y.not_applicable,
                                           x.not_in_force,   y.not_in_force};
            out += csv_field(scope, sep) + sep + csv_field(id, sep);
            for (auto n : cells) out += sep + std::to_string(n);
            out += "\n";
        }
    };
    rows(style.swedish ? std::string(text::translate(Language::sv, N_("all"))) : "all", &s.before.rules, s.after.rules);
    for (const auto& g : s.after.groups) {
        const GroupSummary* was = group_in(s.before, g.value);
        rows(s.after.group_by + "=" + g.value, was ? &was->rules : nullptr, g.rules);
    }
    return out;
}

}  // namespace planrules
