// `planrules explain` (see planrules/report/explain.hpp).

#include "text/catalogue.hpp"
#include "text/strings.hpp"

#include <planrules/report/explain.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace planrules {

namespace {

using text::tr;

std::string where(const check::Program& p, int file, SourceSpan span) {
    const SourceFile& f = *p.files[static_cast<std::size_t>(file)].source;
    auto pos = f.position(span.begin);
    return fmt::format("{}:{}:{}", f.name(), pos.line, pos.column);
}

std::string ruleset_name(const check::Program& p, int ruleset) {
    return ruleset >= 0 ? p.rulesets[static_cast<std::size_t>(ruleset)].name : tr("(no rule set)");
}

// An expression as written, on one line.
std::string one_line(const check::Program& p, int file, SourceSpan span) {
    return detail::one_line(p.files[static_cast<std::size_t>(file)].source->slice(span));
}

// A label and its value, the values in one column: "  rule set:  …". Swedish labels are
// longer than English ones, so the column is as wide as the widest of the labels given in
// the language; a longer label ("applies when") pushes its value to the right.
class Fields {
public:
    Fields(std::initializer_list<const char*> labels) {
        for (const char* l : labels) width_ = std::max(width_, detail::code_points(text::translate(l)) + 1);
    }
    [[nodiscard]] std::string line(const char* label, std::string_view value) const {
        const std::string shown = fmt::format("{}:", text::translate(label));
        const std::size_t columns = detail::code_points(shown);
        const std::size_t pad = width_ > columns ? width_ - columns : 0;
        return fmt::format("  {}{} {}\n", shown, std::string(pad + 1, ' '), value);
    }

private:
    std::size_t width_ = 0;
};

// What an override does to the rule: stricter, milder, off, or another message.
std::string override_effect(const ast::OverrideDecl& o, const ast::RuleDecl& r) {
    std::vector<std::string> what;
    const auto before = r.severity.value_or(ast::Severity::error);
    if (o.severity) {
        const auto rank = [](ast::Severity s) { return s == ast::Severity::error ? 2 : s == ast::Severity::warning ? 1 : 0; };
        const std::string_view s = ast::to_string(*o.severity);
        what.push_back(rank(*o.severity) > rank(before)   ? tr("tightens it: severity {}", s)
                       : rank(*o.severity) < rank(before) ? tr("relaxes it: severity {}", s)
                                                          : tr("severity {}", s));
    }
    if (o.disabled) what.push_back(tr("turns it off"));
    if (o.message) what.push_back(tr("own message"));
    std::string out;
    for (const auto& w : what) out += (out.empty() ? "" : ", ") + w;
    return out;
}

}  // namespace

std::optional<std::string> explain_rule(const check::Program& p, std::string_view id, Language language) {
    const text::LanguageScope in_language(language);
    int index = p.find_rule(id);
    if (index < 0) return std::nullopt;
    const auto& info = p.rules[static_cast<std::size_t>(index)];
    const ast::RuleDecl& r = *info.decl;
    const SourceFile& file = *p.files[static_cast<std::size_t>(info.file)].source;
    const Fields fields{text::N_("rule set"), text::N_("declared"), text::N_("severity"), text::N_("in force"),
                        text::N_("source"), text::N_("tags")};
    std::string out = fmt::format("{} {}\n", r.id.text, r.title.value);
    std::string rs = ruleset_name(p, info.ruleset);
    const check::RulesetInfo* ruleset = info.ruleset >= 0 ? &p.rulesets[static_cast<std::size_t>(info.ruleset)] : nullptr;
    if (ruleset && ruleset->decl) rs += fmt::format(" \"{}\"", ruleset->decl->title.value);
    out += fields.line(text::N_("rule set"), rs);
    out += fields.line(text::N_("declared"), where(p, info.file, r.span));
    std::string severity(ast::to_string(r.severity.value_or(ast::Severity::error)));
    if (r.mandatory) severity += ", mandatory";
    if (r.sensitive) severity += ", sensitive";
    out += fields.line(text::N_("severity"), severity);
    std::string in_force = tr("always");
    if (r.in_force_from && r.in_force_until)
        in_force = tr("from {} until {}", to_string(r.in_force_from->date), to_string(r.in_force_until->date));
    else if (r.in_force_from) in_force = tr("from {}", to_string(r.in_force_from->date));
    else if (r.in_force_until) in_force = tr("until {}", to_string(r.in_force_until->date));
    out += fields.line(text::N_("in force"), in_force);
    // the plans the rule is for: its rule set's `applies when` and those of the rule sets it extends
    std::string applies;
    if (ruleset) {
        std::vector<int> chain{info.ruleset};
        chain.insert(chain.end(), ruleset->ancestors.begin(), ruleset->ancestors.end());
        for (int k : chain) {
            const auto& set = p.rulesets[static_cast<std::size_t>(k)];
            if (!set.decl || !set.decl->applies_when) continue;
            applies += (applies.empty() ? "" : tr(" and ")) +
                       tr("{} ({})", one_line(p, set.file, set.decl->applies_when->span), set.name);
        }
    }
    out += fields.line(text::N_("applies when"), applies.empty() ? tr("every plan (no 'applies when')") : applies);
    out += fields.line(text::N_("source"), r.source ? r.source->value : tr("(none)"));
    if (!r.tags.empty()) {
        std::string tags;
        for (const auto& t : r.tags) tags += (tags.empty() ? "" : ", ") + t.text;
        out += fields.line(text::N_("tags"), tags);
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
    // the rule sets that change it
    std::string overrides;
    for (const auto& o : p.overrides) {
        if (o.target != index) continue;
        overrides += fmt::format("  {} ({}): {}\n", ruleset_name(p, o.ruleset), where(p, o.file, o.decl->span),
                                 override_effect(*o.decl, r));
    }
    out += overrides.empty() ? fmt::format("\n{}\n", tr("overridden by: no rule set"))
                             : fmt::format("\n{}\n{}", tr("overridden by:"), overrides);
    // the rule sets that build on its rule set, where it applies too unless they override it
    std::string extended;
    for (const auto& set : p.rulesets)
        if (info.ruleset >= 0 && std::find(set.ancestors.begin(), set.ancestors.end(), info.ruleset) != set.ancestors.end())
            extended += (extended.empty() ? "" : ", ") + set.name;
    if (!extended.empty()) out += fmt::format("{}\n", tr("extended by: {}", extended));
    // the tests: those that name the rule, and those by which it must give no finding
    // (`expect nothing`, or `expect only` other rules)
    std::string naming, nothing;
    std::size_t nothing_count = 0;
    for (const auto& t : p.tests) {
        const SourceFile& tf = *p.files[static_cast<std::size_t>(t.file)].source;
        std::string expects;
        bool expects_nothing = false;
        for (const auto& e : t.decl->expectations) {
            const bool named = std::any_of(e.rules.begin(), e.rules.end(), [&](const ast::Name& n) { return n.text == id; });
            if (named) expects += fmt::format("      {}\n", tf.slice(e.span));
            else if (e.kind == ast::Expectation::Kind::nothing || e.kind == ast::Expectation::Kind::only) expects_nothing = true;
        }
        if (expects.empty() && !expects_nothing) continue;
        auto pos = tf.position(t.decl->span.begin);
        const std::string test = fmt::format("  {}:{}: {}{}\n", tf.name(), pos.line, t.decl->name.value,
                                             t.decl->as_of ? tr(" (as of {})", to_string(t.decl->as_of->date)) : std::string());
        if (!expects.empty()) {
            naming += test + expects;
        } else {
            nothing += test;
            ++nothing_count;
        }
    }
    out += naming.empty() ? fmt::format("{}\n", tr("tests that name the rule: none"))
                          : fmt::format("{}\n{}", tr("tests that name the rule:"), naming);
    if (nothing_count > 0)
        out += fmt::format("{}\n{}", tr("tests by which it must give no finding ({}: expect nothing, or expect only other rules):",
                                          text::tr_n(nothing_count, text::N_("{} test"), text::N_("{} tests"))),
                           nothing);
    return out;
}

}  // namespace planrules
