// Go to definition, find references, and the lists of symbols (features.hpp).

#include "lsp/features.hpp"

#include <algorithm>
#include <cctype>

namespace planrules::lsp {

namespace {

// LSP's SymbolKind numbers.
int lsp_kind(SymbolKind k) {
    switch (k) {
        case SymbolKind::ruleset: return 4;       // Namespace
        case SymbolKind::rule: return 12;         // Function
        case SymbolKind::define: return 14;       // Constant
        case SymbolKind::test: return 24;         // Event
        case SymbolKind::figure: return 16;       // Number
        case SymbolKind::record: return 23;       // Struct
        case SymbolKind::field: return 8;         // Field
        case SymbolKind::enumeration: return 10;  // Enum
        case SymbolKind::codes: return 10;        // Enum
        case SymbolKind::root: return 13;         // Variable
        case SymbolKind::variable: return 13;     // Variable
        case SymbolKind::builtin: return 12;      // Function
        case SymbolKind::aggregate: return 12;    // Function
    }
    return 13;
}

bool listed(SymbolKind k) { return k != SymbolKind::variable && k != SymbolKind::builtin && k != SymbolKind::aggregate; }

const Occurrence* occurrence(const Cursor& c) {
    if (!c.analysis || !c.file) return nullptr;
    return c.analysis->index.at(c.file.get(), c.offset);
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& ch : out) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return out;
}

}  // namespace

std::string definition(const Cursor& c) {
    const Occurrence* o = occurrence(c);
    std::string out;
    json::Writer w(out);
    if (!o) return "null";
    const Symbol& s = c.analysis->index.symbols[static_cast<std::size_t>(o->symbol)];
    if (!s.file) return "null";
    write_location(w, *s.file, s.span);
    return out;
}

std::string references(const Cursor& c, bool include_declaration) {
    const Occurrence* o = occurrence(c);
    if (!o) return "[]";
    std::string out;
    json::Writer w(out);
    w.begin_array();
    for (const Occurrence* r : c.analysis->index.of(o->symbol)) {
        if (r->declaration && !include_declaration) continue;
        write_location(w, *r->file, r->span);
    }
    w.end_array();
    return out;
}

std::string document_symbols(const Analysis& a, const SourceFilePtr& file) {
    const auto& symbols = a.index.symbols;
    std::string out;
    json::Writer w(out);
    // a DocumentSymbol with its children (the rules of a rule set, the fields of a record)
    auto write = [&](auto& self, std::size_t i) -> void {
        const Symbol& s = symbols[i];
        w.begin_object().field("name", s.name.empty() ? std::string("?") : s.name).field("kind", lsp_kind(s.kind));
        w.key("range");
        write_range(w, *file, s.whole.end > s.whole.begin ? s.whole : s.span);
        w.key("selectionRange");
        write_range(w, *file, s.span);
        std::vector<std::size_t> children;
        for (std::size_t j = 0; j < symbols.size(); ++j)
            if (symbols[j].container == static_cast<int>(i) && symbols[j].file == file && listed(symbols[j].kind))
                children.push_back(j);
        if (!children.empty()) {
            w.key("children").begin_array();
            for (std::size_t j : children) self(self, j);
            w.end_array();
        }
        w.end_object();
    };
    w.begin_array();
    for (std::size_t i = 0; i < symbols.size(); ++i) {
        const Symbol& s = symbols[i];
        if (s.file != file || !listed(s.kind)) continue;
        // a symbol inside one of this file's symbols is written as its child
        if (s.container >= 0 && symbols[static_cast<std::size_t>(s.container)].file == file) continue;
        write(write, i);
    }
    w.end_array();
    return out;
}

std::string workspace_symbols(const std::vector<std::shared_ptr<const Analysis>>& analyses, std::string_view query) {
    const std::string q = lower(query);
    std::string out;
    json::Writer w(out);
    w.begin_array();
    std::vector<std::pair<std::string, std::uint32_t>> seen;  // a file in two analyses is listed once
    std::size_t count = 0;
    for (const auto& a : analyses) {
        for (const Symbol& s : a->index.symbols) {
            if (!s.file || !listed(s.kind) || s.kind == SymbolKind::field) continue;
            if (!q.empty() && lower(s.name).find(q) == std::string::npos) continue;
            const std::pair<std::string, std::uint32_t> key{s.file->name(), s.span.begin};
            if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
            seen.push_back(key);
            if (++count > 500) break;
            w.begin_object().field("name", s.name).field("kind", lsp_kind(s.kind)).key("location");
            write_location(w, *s.file, s.span);
            if (s.container >= 0) w.field("containerName", a->index.symbols[static_cast<std::size_t>(s.container)].name);
            w.end_object();
        }
    }
    w.end_array();
    return out;
}

}  // namespace planrules::lsp
