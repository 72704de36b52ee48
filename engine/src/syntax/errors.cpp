// The help of syntax errors (errors.hpp): the help functions the rule and token tables
// attach, their lookup by the name of what was expected, and the one report of an
// expectation failure.

#include "errors.hpp"

#include "keywords.hpp"
#include "rule_ids.hpp"
#include "tokens.hpp"

#include <fmt/format.h>

namespace planrules::syntax::detail {

namespace help {

std::string none(const HelpSite&) { return {}; }

std::string expression(const HelpSite& s) {
    if (keywords::declaration(s.word)) return tr("the expression above is incomplete");
    if (s.starts("\"")) return {};
    if (keywords::after_expression(s.word))
        return tr("'{}' starts the next clause: the expression before it is missing", s.word);
    if (s.starts(")")) return tr("there is a ')' without a matching '('");
    if (!s.word.empty() && reserved(s.word)) return tr("'{}' is a keyword and cannot be used as a name", s.word);
    return {};
}

std::string aggregate_body(const HelpSite& s) {
    if (s.starts(")")) return tr("count, all, any, sum, min and max need a list, e.g. count(plan.LIST)");
    return expression(s);
}

std::string name(const HelpSite& s) {
    if (!s.word.empty() && reserved(s.word))
        return tr("'{}' is a keyword and cannot be used as a name; choose another name", s.word);
    return {};
}

std::string rule_id(const HelpSite&) {
    return tr("rule ids are letters and digits joined by '-' or '.', e.g. R-1.2 or ABC-30D");
}

std::string title(const HelpSite&) {
    return tr("write the title in quotes after the name, e.g. rule R-1.2 \"What the rule requires\" or "
           "ruleset NAME \"What the rule set is\"");
}

std::string severity(const HelpSite& s) {
    auto near = planrules::detail::nearest(s.word, {"error", "warning", "info"});
    return near.empty() ? tr("the severities are error, warning and info")
                        : tr("did you mean '{}'? The severities are error, warning and info", near);
}

std::string date(const HelpSite& s) {
    if (s.starts("\"")) return tr("write dates without quotes: 2022-12-01");
    return {};
}

std::string declaration(const HelpSite& s) {
    if (keywords::rule_clause(s.word))
        return tr("this clause belongs to a rule; is the 'rule ID \"title\"' line above it missing or broken?");
    static const std::vector<std::string> declarations = keywords::declarations();
    auto near = planrules::detail::nearest(s.word, declarations);
    if (!near.empty()) return tr("did you mean '{}'?", near);
    return {};
}

std::string rule_clause(const HelpSite& s) {
    if (s.word.empty()) return declaration(s);
    static const std::vector<std::string> clauses = {"severity", "mandatory", "sensitive", "in",      "source",
                                                     "tags",     "when",      "for",       "require", "if",
                                                     "at",       "due",       "message"};
    auto near = planrules::detail::nearest(s.word, clauses);
    if (!near.empty() && near.size() > 2) return tr("did you mean '{}'?", near);
    if (s.word == "requires" || s.word == "must") return tr("did you mean 'require'?");
    if (s.word == "from" || s.word == "until") return tr("write 'in force from DATE until DATE'");
    return tr("each rule clause starts on its own line with a keyword; a rule ends where the next "
           "declaration begins");
}

std::string bracket(const HelpSite&) { return tr("check that every opening bracket has its closing one"); }

std::string define_equals(const HelpSite& s) {
    if (s.starts("==")) return tr("a define uses a single '=': define name = expression");
    return {};
}

}  // namespace help

HelpFn help_for(std::string_view which) noexcept {
    for (const auto& rule : rule_table)
        if (rule.what == which) return rule.help;
    for (const auto& t : token::table)
        if (t.what == which) return t.help;
    return help::none;
}

Iterator token_end(Iterator p, Iterator end) {
    if (p == end) return p;
    Iterator e = scan_word(p, end);
    if (e == p) {
        if (is_digit(static_cast<unsigned char>(*p))) {
            e = p;
            while (e != end && (is_digit(static_cast<unsigned char>(*e)) || *e == '-' || *e == '.')) ++e;
        } else if (*p == '"') {
            e = p + 1;
            while (e != end && *e != '"' && *e != '\n' && e - p < 30) ++e;
            if (e != end && *e == '"') ++e;
        } else {
            static constexpr std::string_view two[] = {"==", "!=", "<=", ">=", "&&", "||", "=>", "=<", "<>"};
            e = p + 1;
            for (auto t : two)
                if (end - p >= 2 && std::string_view(p, 2) == t) e = p + 2;
            // a whole UTF-8 sequence
            if (static_cast<unsigned char>(*p) >= 0x80)
                while (e != end && (static_cast<unsigned char>(*e) & 0xC0) == 0x80) ++e;
        }
    }
    if (e - p > 40) {
        e = p + 40;
        while (e != p && (static_cast<unsigned char>(*e) & 0xC0) == 0x80) --e;  // keep UTF-8 whole
    }
    return e;
}

void report_expected(ParseState& st, const ExpectedInfo& expected, Iterator where) {
    Iterator at = skip_blanks(where, st.end);
    Iterator e = token_end(at, st.end);
    std::string found = at == st.end ? std::string(text::translate(st.end_name))
                                     : fmt::format("'{}'", std::string_view(at, static_cast<std::size_t>(e - at)));
    const HelpSite site{at, st.end, std::string_view(at, static_cast<std::size_t>(scan_word(at, st.end) - at))};
    // "och", "3 månader": the Swedish word for one of the language's
    const std::string_view english = keywords::english_for(site.word);
    st.report("syntax-error", st.span(at, e), tr("expected {}, found {}", text::translate(expected.what), found),
              english.empty() ? expected.help(site)
                              : tr("the words of the rule language are English: write '{}' for '{}'", english, site.word));
}

void report_expected(ParseState& st, const std::string& which, Iterator where) {
    // A parser without a friendly name would show a mangled type name.
    if (which.find("boost") != std::string::npos || which.find("x3") != std::string::npos)
        return report_expected(st, ExpectedInfo{N_("something else"), help::none}, where);
    report_expected(st, ExpectedInfo{which, help_for(which)}, where);
}

}  // namespace planrules::syntax::detail
