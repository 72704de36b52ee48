// `planrules explain` (see planrules/report/explain.hpp).

#include <planrules/report/explain.hpp>

#include <fmt/format.h>

namespace planrules {

namespace {

std::string where(const check::Program& p, int file, SourceSpan span) {
    const SourceFile& f = *p.files[static_cast<std::size_t>(file)].source;
    auto pos = f.position(span.begin);
    return fmt::format("{}:{}:{}", f.name(), pos.line, pos.column);
}

std::string ruleset_name(const check::Program& p, int ruleset) {
    return ruleset >= 0 ? p.rulesets[static_cast<std::size_t>(ruleset)].name : std::string("(no rule set)");
}

}  // namespace

std::optional<std::string> explain_rule(const check::Program& p, std::string_view id) {
    int index = p.find_rule(id);
    if (index < 0) return std::nullopt;
    const auto& info = p.rules[static_cast<std::size_t>(index)];
    const ast::RuleDecl& r = *info.decl;
    const SourceFile& file = *p.files[static_cast<std::size_t>(info.file)].source;
    std::string out = fmt::format("{} {}\n", r.id.text, r.title.value);
    std::string rs = ruleset_name(p, info.ruleset);
    if (info.ruleset >= 0) {
        const auto& decl = p.rulesets[static_cast<std::size_t>(info.ruleset)].decl;
        if (decl) rs += fmt::format(" \"{}\"", decl->title.value);
    }
    out += fmt::format("  rule set:  {}\n", rs);
    out += fmt::format("  declared:  {}\n", where(p, info.file, r.span));
    out += fmt::format("  severity:  {}{}{}\n", ast::to_string(r.severity.value_or(ast::Severity::error)), r.mandatory ? ", mandatory" : "",
                       r.sensitive ? ", sensitive" : "");
    std::string in_force = "always";
    if (r.in_force_from && r.in_force_until)
        in_force = fmt::format("from {} until {}", to_string(r.in_force_from->date), to_string(r.in_force_until->date));
    else if (r.in_force_from) in_force = "from " + to_string(r.in_force_from->date);
    else if (r.in_force_until) in_force = "until " + to_string(r.in_force_until->date);
    out += fmt::format("  in force:  {}\n", in_force);
    out += fmt::format("  source:    {}\n", r.source ? r.source->value : std::string("(none)"));
    if (!r.tags.empty()) {
        std::string tags;
        for (const auto& t : r.tags) tags += (tags.empty() ? "" : ", ") + t.text;
        out += fmt::format("  tags:      {}\n", tags);
    }
    // the rule as written
    out += "\n";
    auto first = file.line_index(r.span.begin);
    // with the comment right above it, which says what the rule is for
    while (first > 0) {
        auto above = file.line_text(first - 1);
        auto b = above.find_first_not_of(" \t");
        if (b == std::string_view::npos || above[b] != '#') break;
        --first;
    }
    auto last = file.line_index(r.span.end > r.span.begin ? r.span.end - 1 : r.span.begin);
    for (auto li = first; li <= last; ++li) out += fmt::format("    {}\n", file.line_text(li));
    // overrides
    std::string overrides;
    for (const auto& o : p.overrides) {
        if (o.target != index) continue;
        std::string what;
        if (o.decl->severity) what += fmt::format("severity {}", ast::to_string(*o.decl->severity));
        if (o.decl->disabled) what += std::string(what.empty() ? "" : ", ") + "disabled";
        if (o.decl->message) what += std::string(what.empty() ? "" : ", ") + "own message";
        overrides += fmt::format("  {} ({}): {}\n", ruleset_name(p, o.ruleset), where(p, o.file, o.decl->span), what);
    }
    out += overrides.empty() ? "\noverridden by: no rule set\n" : "\noverridden by:\n" + overrides;
    // tests
    std::string tests;
    for (const auto& t : p.tests) {
        const SourceFile& tf = *p.files[static_cast<std::size_t>(t.file)].source;
        std::string expects;
        for (const auto& e : t.decl->expectations) {
            bool mentions = false;
            for (const auto& n : e.rules) mentions = mentions || n.text == id;
            if (mentions) expects += fmt::format("      {}\n", tf.slice(e.span));
        }
        if (expects.empty()) continue;
        auto pos = tf.position(t.decl->span.begin);
        tests += fmt::format("  {}:{}: {}{}\n{}", tf.name(), pos.line, t.decl->name.value,
                             t.decl->as_of ? " (as of " + to_string(t.decl->as_of->date) + ")" : std::string(), expects);
    }
    out += tests.empty() ? "tests: none expect anything of this rule\n" : "tests:\n" + tests;
    return out;
}

}  // namespace planrules
