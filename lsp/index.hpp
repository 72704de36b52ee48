#pragma once
// The names of a checked program and where each is written: every declaration (rule sets,
// rules, defines, tests, key figures, records, fields, enums, code lists, the plan's root
// name, the variables of `for each` and of aggregates, define parameters) and every use of
// one, as the checker resolved it. Go to definition, references, hover and the symbol lists
// are lookups in it.

#include <planrules/check/checker.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace planrules::lsp {

enum class SymbolKind : std::uint8_t {
    ruleset, rule, define, test, figure, record, field, enumeration, codes, root, variable, builtin,
    aggregate,  // count, all, any, sum, min, max: item is the ast::AggregateKind
};

struct Symbol {
    SymbolKind kind = SymbolKind::rule;
    std::string name;          // as written: "R-1.2", "national.law", "end"
    SourceFilePtr file;        // null for a builtin
    SourceSpan span;           // of the name in its declaration
    SourceSpan whole;          // of the whole declaration
    int container = -1;        // the enclosing symbol: a rule's rule set, a field's record
    int item = -1;             // into the program: rules, rulesets, defines, tests, figures; the
                               // schema's records, enums, code lists; a field's slot; a builtin's id
    int type = -1;             // a field's, a define's or a variable's type (Schema ids)
};

struct Occurrence {
    int symbol = -1;
    const SourceFile* file = nullptr;
    SourceSpan span;
    bool declaration = false;
};

struct Index {
    std::vector<Symbol> symbols;
    std::vector<Occurrence> occurrences;  // declarations and uses

    // The occurrence whose span holds byte `offset` of `file` (its end included, so that a
    // cursor just after a name finds it), the innermost when several do.
    [[nodiscard]] const Occurrence* at(const SourceFile* file, std::uint32_t offset) const;
    // The occurrences of `symbol`, declaration first.
    [[nodiscard]] std::vector<const Occurrence*> of(int symbol) const;
    // The symbol declared with this kind and name, or -1.
    [[nodiscard]] int find(SymbolKind kind, std::string_view name) const;
};

[[nodiscard]] Index build_index(const check::Program& program);

}  // namespace planrules::lsp
