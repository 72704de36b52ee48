#pragma once
// The help of syntax errors. Every grammar rule (rule_ids.hpp) and every kind of token
// (tokens.hpp) names what it is in "expected …" messages and carries one of the help
// functions below; report_expected turns an expectation failure into a diagnostic with
// the help of what was expected. Plain functions: compiled once, in errors.cpp.

#include "parse_state.hpp"

#include <string>
#include <string_view>

namespace planrules::syntax::detail {

// What a help function sees: the token found where something else was expected.
struct HelpSite {
    Iterator at;            // the first token after the failure (blanks skipped)
    Iterator end;           // the end of the input
    std::string_view word;  // the word at `at`; empty if no word starts there

    [[nodiscard]] bool starts(std::string_view s) const noexcept {
        return static_cast<std::size_t>(end - at) >= s.size() && std::string_view(at, s.size()) == s;
    }
};

using HelpFn = std::string (*)(const HelpSite&);

// A grammar rule's or a token's name in "expected …" messages, and its help.
struct ExpectedInfo {
    std::string_view what;
    HelpFn help;
};

namespace help {
std::string none(const HelpSite&);
std::string expression(const HelpSite&);      // an expression is missing or incomplete
std::string aggregate_body(const HelpSite&);  // count( … ): as expression, and `count()`
std::string name(const HelpSite&);            // a keyword where a name stands
std::string rule_id(const HelpSite&);
std::string title(const HelpSite&);
std::string severity(const HelpSite&);
std::string date(const HelpSite&);
std::string declaration(const HelpSite&);     // what may follow a declaration
std::string rule_clause(const HelpSite&);     // a misspelt rule clause, else as declaration
std::string bracket(const HelpSite&);
std::string define_equals(const HelpSite&);   // `define x == …`
}  // namespace help

// The help attached to `which`, the name of what an X3 expectation expected: the rule
// or token of that name (names are unique up to sharing help; tested).
[[nodiscard]] HelpFn help_for(std::string_view which) noexcept;

// Reports "expected WHAT, found …" at `where`, with the help of what was expected.
void report_expected(ParseState& st, const ExpectedInfo& expected, Iterator where);
// The same for an X3 expectation failure's `which`, with the help of the rule or token
// of that name.
void report_expected(ParseState& st, const std::string& which, Iterator where);

// The end of the token that starts at `p` (for spans and "found …").
[[nodiscard]] Iterator token_end(Iterator p, Iterator end);

}  // namespace planrules::syntax::detail
