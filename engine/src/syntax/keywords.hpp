#pragma once
// The words of the rule language, one row each, with what they are: the grammar reserves them
// and resumes at declarations after an error, its hints name clauses, the formatter lays out
// declarations and blocks, and did-you-mean offers them.

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace planrules::syntax::keywords {

struct Keyword {
    std::string_view word;
    bool reserved;     // not a name: operators, literals, declarations, clauses that follow an expression
    bool declaration;  // starts a declaration (the parser resumes at it after an error)
    bool block;        // a declaration the formatter sets off by blank lines (it has clauses)
    bool rule_clause;  // starts a clause of a rule
    bool after_expression;  // may follow an expression as the next clause (a hint when one is missing)
};

//                                          reserved decl   block  rule   after
inline constexpr std::array<Keyword, 37> table = {{
    {"and", true, false, false, false, false},
    {"or", true, false, false, false, false},
    {"not", true, false, false, false, false},
    {"in", true, false, false, false, false},
    {"if", true, false, false, false, false},
    {"then", true, false, false, false, false},
    {"else", true, false, false, false, false},
    {"true", true, false, false, false, false},
    {"false", true, false, false, false, false},
    {"today", true, false, false, false, false},
    {"where", true, false, false, false, false},
    {"exists", true, false, false, false, false},
    {"for", true, false, false, false, false},
    {"ruleset", true, true, true, false, false},
    {"type", true, true, true, false, false},
    {"enum", true, true, false, false, false},
    {"codes", true, true, false, false, false},
    {"root", true, true, false, false, false},
    {"define", true, true, false, false, false},
    {"rule", true, true, true, false, false},
    {"override", true, true, true, false, false},
    {"test", true, true, true, false, false},
    {"figure", true, true, true, false, false},
    {"group", true, true, false, false, false},
    {"require", true, false, false, true, true},
    {"message", true, false, false, true, true},
    {"when", true, false, false, true, true},
    {"severity", true, false, false, true, true},
    {"mandatory", true, false, false, true, true},
    {"source", true, false, false, true, true},
    {"tags", true, false, false, true, true},
    {"due", true, false, false, true, true},
    {"at", true, false, false, true, true},
    {"extends", true, false, false, false, true},
    {"applies", true, false, false, false, true},
    {"numerator", true, false, false, false, true},
    {"denominator", true, false, false, false, true},
}};

[[nodiscard]] constexpr const Keyword* find(std::string_view word) noexcept {
    for (const auto& k : table)
        if (k.word == word) return &k;
    return nullptr;
}
// Whether `w` is a keyword with `role` (&Keyword::declaration, …).
[[nodiscard]] constexpr bool has_role(std::string_view w, bool Keyword::*role) noexcept {
    const Keyword* k = find(w);
    return k && k->*role;
}
[[nodiscard]] constexpr bool reserved(std::string_view w) noexcept { return has_role(w, &Keyword::reserved); }
[[nodiscard]] constexpr bool declaration(std::string_view w) noexcept { return has_role(w, &Keyword::declaration); }
[[nodiscard]] constexpr bool block(std::string_view w) noexcept { return has_role(w, &Keyword::block); }
[[nodiscard]] constexpr bool rule_clause(std::string_view w) noexcept { return has_role(w, &Keyword::rule_clause); }
[[nodiscard]] constexpr bool after_expression(std::string_view w) noexcept { return has_role(w, &Keyword::after_expression); }

// Swedish words that rule writers type for the language's English ones ("och" for "and",
// "3 månader" for "3 months"): a syntax error or an unknown name at one says the English word.
struct SwedishWord {
    std::string_view swedish;
    std::string_view english;
};
inline constexpr SwedishWord swedish_words[] = {
    {"och", "and"},          {"eller", "or"},         {"inte", "not"},       {"icke", "not"},
    {"om", "if"},            {"så", "then"},          {"annars", "else"},    {"sant", "true"},
    {"falskt", "false"},     {"idag", "today"},       {"dag", "day"},        {"dagar", "days"},
    {"vecka", "week"},       {"veckor", "weeks"},     {"månad", "month"},    {"månader", "months"},
    {"manad", "month"},      {"manader", "months"},   {"år", "years"},       {"ar", "years"},
    {"där", "where"},        {"finns", "exists"},     {"regel", "rule"},     {"kräv", "require"},
    {"kräver", "require"},   {"krav", "require"},     {"meddelande", "message"}, {"källa", "source"},
    {"när", "when"},         {"varje", "each"},       {"för", "for"},        {"allvarlighet", "severity"},
};
[[nodiscard]] constexpr std::string_view english_for(std::string_view swedish) noexcept {
    for (const auto& w : swedish_words)
        if (w.swedish == swedish) return w.english;
    return {};
}

// The declaration words, for did-you-mean.
[[nodiscard]] inline std::vector<std::string> declarations() {
    std::vector<std::string> out;
    for (const auto& k : table)
        if (k.declaration) out.emplace_back(k.word);
    return out;
}

}  // namespace planrules::syntax::keywords
