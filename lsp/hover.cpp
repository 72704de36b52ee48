// Hover: what a name under the cursor is, in Markdown (features.hpp).

#include "lsp/features.hpp"

#include "builtins/builtins.hpp"
#include "text/catalogue.hpp"

#include <fmt/format.h>

namespace planrules::lsp {

namespace {

using text::tr;

std::string code(std::string_view s) { return fmt::format("`{}`", s); }

std::string field_text(const check::Program& p, const Index& index, const Symbol& s) {
    std::string out = fmt::format("**{}**", s.name);
    if (s.container < 0 || s.item < 0) return out;
    const int record = index.symbols[static_cast<std::size_t>(s.container)].item;
    if (record < 0) return out;
    const check::RecordInfo& r = p.schema.records[static_cast<std::size_t>(record)];
    const check::FieldInfo& f = r.fields[static_cast<std::size_t>(s.item)];
    out += ": " + code(p.schema.name(f.type) + (f.optional ? "?" : ""));
    if (f.codes >= 0) out += " " + tr("of the codes {}", p.schema.code_lists[static_cast<std::size_t>(f.codes)].name);
    out += "\n\n" + tr("a field of {}", r.name);
    if (!f.label.empty()) out += "  \n" + tr("label: {}", f.label);
    if (f.sensitive) out += "  \n" + tr("sensitive: it and what rules read of it are reported to af only");
    else if (f.sensitive_value) out += "  \n" + tr("sensitive value: rules read it for everyone, its value is shown to af only");
    return out;
}

std::string rule_text(const check::Program& p, const Symbol& s) {
    if (s.item < 0) return fmt::format("**{}**", s.name);
    const check::RuleInfo& info = p.rules[static_cast<std::size_t>(s.item)];
    const ast::RuleDecl& r = *info.decl;
    std::string out = fmt::format("**{}** {}", r.id.text, r.title.value);
    out += "\n\n" + tr("severity: {}", r.severity ? to_string(*r.severity) : "error");
    if (info.ruleset >= 0) out += "  \n" + tr("rule set: {}", p.rulesets[static_cast<std::size_t>(info.ruleset)].name);
    if (r.in_force_from || r.in_force_until)
        out += "  \n" + tr("in force: {} to {}", r.in_force_from ? to_string(r.in_force_from->date) : "…",
                           r.in_force_until ? to_string(r.in_force_until->date) : "…");
    if (r.source) out += "  \n" + tr("source: {}", r.source->value);
    if (r.sensitive) out += "  \n" + tr("sensitive: its findings are reported to af only");
    std::string by;
    for (const auto& o : p.overrides)
        if (o.target == s.item && o.ruleset >= 0) by += (by.empty() ? "" : ", ") + p.rulesets[static_cast<std::size_t>(o.ruleset)].name;
    if (!by.empty()) out += "  \n" + tr("tightened or changed by: {}", by);
    return out;
}

std::string ruleset_text(const check::Program& p, const Symbol& s) {
    if (s.item < 0) return fmt::format("**{}**", s.name);
    const check::RulesetInfo& rs = p.rulesets[static_cast<std::size_t>(s.item)];
    std::string out = fmt::format("**{}**", rs.name);
    if (rs.decl) {
        out += " " + rs.decl->title.value;
        if (rs.decl->authority) out += "\n\n" + tr("authority: {}", rs.decl->authority->value);
    }
    std::string extends;
    for (int e : rs.extends) extends += (extends.empty() ? "" : ", ") + p.rulesets[static_cast<std::size_t>(e)].name;
    if (!extends.empty()) out += "  \n" + tr("extends: {}", extends);
    out += "  \n" + text::tr_n(rs.rules.size(), text::N_("{} rule"), text::N_("{} rules"));
    return out;
}

// The forms of each aggregate (docs/language.md, Aggregates), in the order of ast::AggregateKind.
constexpr const char* aggregate_forms[] = {
    text::N_("count(LIST), count(x in LIST where C) -> int: the number of elements (for which C holds)"),
    text::N_("all(x in LIST where C), all(E for x in LIST) -> bool: C or E holds for every element"),
    text::N_("any(x in LIST where C), any(E for x in LIST) -> bool: C or E holds for some element"),
    text::N_("sum(LIST), sum(E for x in LIST where C): the sum of the numbers or durations"),
    text::N_("min(LIST), min(E for x in LIST), min(A, B, …): the least value"),
    text::N_("max(LIST), max(E for x in LIST), max(A, B, …): the greatest value"),
};

std::string markdown(const Analysis& a, const Symbol& s) {
    const check::Program& p = *a.compilation.program;
    const auto declared = [&] { return s.file ? std::string(s.file->slice(s.whole)) : std::string(); };
    switch (s.kind) {
        case SymbolKind::field: return field_text(p, a.index, s);
        case SymbolKind::rule: return rule_text(p, s);
        case SymbolKind::ruleset: return ruleset_text(p, s);
        case SymbolKind::define:
            return fmt::format("```planrules\n{}\n```", declared()) +
                   (s.type >= 0 ? "\n\n" + tr("type: {}", p.schema.name(s.type)) : std::string());
        case SymbolKind::builtin:
            return fmt::format("`{}`", text::translate(builtins::get(static_cast<check::Builtin>(s.item)).signature));
        case SymbolKind::aggregate:
            return fmt::format("`{}`", text::translate(aggregate_forms[static_cast<std::size_t>(s.item) % std::size(aggregate_forms)]));
        case SymbolKind::record: {
            std::string out = fmt::format("**{}**", s.name);
            if (s.item >= 0) {
                const auto& r = p.schema.records[static_cast<std::size_t>(s.item)];
                if (!r.label.empty()) out += "\n\n" + tr("label: {}", r.label);
                std::string fields;
                for (const auto& f : r.fields) fields += (fields.empty() ? "" : ", ") + f.name;
                out += "\n\n" + tr("fields: {}", fields);
            }
            return out;
        }
        case SymbolKind::enumeration:
        case SymbolKind::codes:
            return fmt::format("```planrules\n{}\n```", declared());
        case SymbolKind::root:
            return fmt::format("**{}**: {}", s.name, code(s.type >= 0 ? p.schema.name(s.type) : "?"));
        case SymbolKind::variable:
            return fmt::format("**{}**: {}", s.name, code(s.type >= 0 ? p.schema.name(s.type) : "?"));
        case SymbolKind::test: return tr("test '{}'", s.name);
        case SymbolKind::figure: return fmt::format("```planrules\n{}\n```", declared());
    }
    return s.name;
}

}  // namespace

std::string hover(const Cursor& c) {
    if (!c.analysis || !c.file || !c.analysis->compilation.program) return "null";
    const Occurrence* o = c.analysis->index.at(c.file.get(), c.offset);
    if (!o) return "null";
    const Symbol& s = c.analysis->index.symbols[static_cast<std::size_t>(o->symbol)];
    std::string out;
    json::Writer w(out);
    w.begin_object().key("contents").begin_object().field("kind", "markdown").field("value", markdown(*c.analysis, s));
    w.end_object().key("range");
    write_range(w, *c.file, o->span);
    w.end_object();
    return out;
}

}  // namespace planrules::lsp
