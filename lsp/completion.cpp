// Completion (features.hpp). It reads the text before the cursor, which is often half typed and
// does not parse, and takes the names from the last analysis: after `X.` the fields of X's
// record (X the plan, a variable of a record type, or a path of fields); inside a string
// compared with a coded field its codes; after `override` and `expect` the rule ids; elsewhere
// the builtins, the defines, the variables, the plan's name and the keywords.

#include "lsp/features.hpp"

#include "builtins/builtins.hpp"
#include "syntax/keywords.hpp"
#include "text/catalogue.hpp"

#include <algorithm>
#include <set>

namespace planrules::lsp {

namespace {

using check::TypeKind;

bool ident(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// LSP's CompletionItemKind numbers.
enum Kind { k_function = 3, k_field = 5, k_variable = 6, k_keyword = 14, k_constant = 21, k_enum_member = 20, k_reference = 18 };

struct Item {
    std::string label;
    int kind = k_keyword;
    std::string detail;
    std::string documentation;
};

class Completer {
public:
    Completer(const Analysis& a, const SourceFile& file, std::uint32_t offset)
        : a_(a), p_(*a.compilation.program), text_(file.text()), file_(file), offset_(std::min<std::size_t>(offset, file.text().size())) {}

    // The items, and in `start` where the word they complete begins (what they replace).
    std::vector<Item> run(std::uint32_t& start_of_word) {
        std::size_t start = offset_;
        while (start > 0 && ident(text_[start - 1])) --start;
        start_of_word = static_cast<std::uint32_t>(start);
        if (in_string(start)) return codes(start);
        if (start > 0 && text_[start - 1] == '.') return fields(start - 1);
        const std::string before = previous_word(start);
        if (before == "override" || before == "expect" || before == "from") return rule_ids();
        return names();
    }

private:
    // Whether the cursor is inside a string literal of its line (an odd number of quotes before).
    bool in_string(std::size_t start) const {
        const std::size_t line = text_.rfind('\n', start == 0 ? 0 : start - 1);
        bool inside = false;
        for (std::size_t i = line == std::string::npos ? 0 : line + 1; i < offset_; ++i) {
            if (text_[i] == '\\' && inside) ++i;
            else if (text_[i] == '"') inside = !inside;
            else if (text_[i] == '#' && !inside) return false;
        }
        return inside;
    }

    std::string previous_word(std::size_t at) const {
        while (at > 0 && (text_[at - 1] == ' ' || text_[at - 1] == '\t')) --at;
        std::size_t b = at;
        while (b > 0 && ident(text_[b - 1])) --b;
        return text_.substr(b, at - b);
    }

    // The dotted path that ends at `end` (exclusive): "plan.person.name" -> {"plan", "person", "name"}.
    std::vector<std::string> path_before(std::size_t end) const {
        std::vector<std::string> out;
        for (;;) {
            std::size_t b = end;
            while (b > 0 && ident(text_[b - 1])) --b;
            if (b == end) return {};
            out.insert(out.begin(), text_.substr(b, end - b));
            if (b == 0 || text_[b - 1] != '.') return out;
            end = b - 1;
        }
    }

    // The type of a name at the cursor: the plan's root, or a variable declared before it.
    int type_of_name(const std::string& name) const {
        if (name == p_.schema.root_name) return p_.schema.root_type;
        int best = -1;
        std::uint32_t at = 0;
        for (const auto& s : a_.index.symbols)
            if (s.kind == SymbolKind::variable && s.name == name && s.file.get() == &file_ && s.span.begin <= offset_ &&
                s.span.begin >= at && s.type >= 0) {
                best = s.type;
                at = s.span.begin;
            }
        if (best >= 0) return best;
        // not in the last analysis (the rule is being written): `for each NAME in PATH` before the cursor
        const std::string pattern = "for each " + name + " in ";
        const std::size_t found = text_.rfind(pattern, offset_);
        if (found == std::string::npos) return -1;
        std::size_t end = found + pattern.size();
        while (end < text_.size() && (ident(text_[end]) || text_[end] == '.')) ++end;
        const int list = type_of_path(path_before(end));
        if (list >= 0 && p_.schema.type(list).kind == TypeKind::list) return p_.schema.type(list).element;
        return -1;
    }

    int type_of_path(const std::vector<std::string>& path) const {
        if (path.empty()) return -1;
        int t = type_of_name(path.front());
        for (std::size_t i = 1; i < path.size() && t >= 0; ++i) t = field_type(t, path[i]);
        return t;
    }
    const check::FieldInfo* field_of(int record_type, const std::string& name) const {
        const check::Type& t = p_.schema.type(record_type);
        if (t.kind != TypeKind::record) return nullptr;
        const auto& r = p_.schema.records[static_cast<std::size_t>(t.decl)];
        const int slot = r.slot(name);
        return slot < 0 ? nullptr : &r.fields[static_cast<std::size_t>(slot)];
    }
    int field_type(int record_type, const std::string& name) const {
        const check::FieldInfo* f = field_of(record_type, name);
        return f ? f->type : -1;
    }

    std::vector<Item> fields(std::size_t dot) const {
        const int t = type_of_path(path_before(dot));
        if (t < 0 || p_.schema.type(t).kind != TypeKind::record) return {};
        std::vector<Item> out;
        for (const auto& f : p_.schema.records[static_cast<std::size_t>(p_.schema.type(t).decl)].fields) {
            std::string doc = f.label;
            if (f.sensitive) doc += (doc.empty() ? "" : " · ") + text::tr("sensitive");
            out.push_back({f.name, k_field, p_.schema.name(f.type) + (f.optional ? "?" : ""), doc});
        }
        return out;
    }

    // Inside "…": the codes of the field the string is compared with (`X == "`, `X in ["a", "`).
    std::vector<Item> codes(std::size_t start) const {
        std::size_t q = text_.rfind('"', start == 0 ? 0 : start - 1);
        if (q == std::string::npos) return {};
        std::size_t at = q;
        // back over a list of strings, to its '['
        auto skip_space = [&] {
            while (at > 0 && (text_[at - 1] == ' ' || text_[at - 1] == '\t')) --at;
        };
        skip_space();
        while (at > 0 && text_[at - 1] == ',') {
            --at;
            skip_space();
            if (at == 0 || text_[at - 1] != '"') break;
            const std::size_t open = text_.rfind('"', at - 2);
            if (open == std::string::npos) return {};
            at = open;
            skip_space();
        }
        if (at > 0 && text_[at - 1] == '[') {
            --at;
            skip_space();
        }
        // the operator
        std::size_t op_end = at;
        while (at > 0 && std::string_view("=!<>").find(text_[at - 1]) != std::string_view::npos) --at;
        if (at == op_end) {  // `in` / `not in`
            if (at >= 2 && text_.compare(at - 2, 2, "in") == 0) at -= 2;
            else return {};
            skip_space();
            if (at >= 3 && text_.compare(at - 3, 3, "not") == 0) {
                at -= 3;
                skip_space();
            }
        }
        skip_space();
        std::vector<std::string> path = path_before(at);
        if (path.size() < 2) return {};
        const std::string last = path.back();
        path.pop_back();
        const int record = type_of_path(path);
        if (record < 0) return {};
        const check::FieldInfo* f = field_of(record, last);
        if (!f) return {};
        std::vector<Item> out;
        if (f->codes >= 0) {
            for (const auto& c : p_.schema.code_lists[static_cast<std::size_t>(f->codes)].codes)
                out.push_back({c.code, k_enum_member, c.label, c.sensitive ? text::tr("sensitive") : std::string()});
        } else {
            int t = f->type;
            if (p_.schema.type(t).kind == TypeKind::list) t = p_.schema.type(t).element;
            if (p_.schema.type(t).kind == TypeKind::enumeration)
                for (const auto& v : p_.schema.enums[static_cast<std::size_t>(p_.schema.type(t).decl)].values)
                    out.push_back({v, k_enum_member, p_.schema.name(t), {}});
        }
        return out;
    }

    std::vector<Item> rule_ids() const {
        std::vector<Item> out;
        for (const auto& r : p_.rules) out.push_back({r.id(), k_reference, r.decl->title.value, {}});
        return out;
    }

    std::vector<Item> names() const {
        std::vector<Item> out;
        // at the start of a line: declarations and clauses; in an expression: the rest
        std::size_t line = offset_;
        while (line > 0 && text_[line - 1] != '\n') --line;
        std::size_t first = line;
        while (first < offset_ && (text_[first] == ' ' || text_[first] == '\t')) ++first;
        bool line_start = true;
        for (std::size_t i = first; i < offset_; ++i)
            if (!ident(text_[i])) line_start = false;
        // the rest of a declaration's first line (`rule ID "Title"`) holds no expression; a
        // define's does after its `=`
        std::size_t word_end = first;
        while (word_end < offset_ && ident(text_[word_end])) ++word_end;
        const std::string first_word = text_.substr(first, word_end - first);
        if (!line_start && syntax::keywords::declaration(first_word) &&
            (first_word != "define" || text_.find('=', first) >= offset_))
            return {};
        for (const auto& k : syntax::keywords::table) {
            const bool starts = k.declaration || k.rule_clause || k.after_expression;
            if (starts == line_start || (!line_start && k.word == "in")) out.push_back({std::string(k.word), k_keyword, {}, {}});
        }
        {
            for (const auto& b : builtins::table())
                out.push_back({std::string(b.name), k_function, std::string(text::translate(b.signature)), {}});
            std::set<std::string> seen;
            for (const auto& d : p_.defines)
                if (seen.insert(d.decl->name.text).second)
                    out.push_back({d.decl->name.text, k_constant, d.type >= 0 ? p_.schema.name(d.type) : std::string(), {}});
            for (const auto& s : a_.index.symbols)
                if (s.kind == SymbolKind::variable && s.file.get() == &file_ && s.span.end <= offset_ && seen.insert(s.name).second)
                    out.push_back({s.name, k_variable, s.type >= 0 ? p_.schema.name(s.type) : std::string(), {}});
            if (!p_.schema.root_name.empty())
                out.push_back({p_.schema.root_name, k_variable, p_.schema.root_type >= 0 ? p_.schema.name(p_.schema.root_type) : "", {}});
        }
        return out;
    }

    const Analysis& a_;
    const check::Program& p_;
    const std::string& text_;
    const SourceFile& file_;
    std::size_t offset_;
};

}  // namespace

std::string completion(const Cursor& c) {
    if (!c.analysis || !c.file || !c.analysis->compilation.program) return "[]";
    std::uint32_t start = c.offset;
    const auto items = Completer(*c.analysis, *c.file, c.offset).run(start);
    // each item replaces the word before the cursor, so that a client filters by that word and
    // not by its own idea of one (`plan.person.` is not a prefix of `name`)
    const SourceSpan word{start, std::max(start, c.offset)};
    std::string out;
    json::Writer w(out);
    w.begin_object().field("isIncomplete", false).key("items").begin_array();
    for (const auto& i : items) {
        w.begin_object().field("label", i.label).field("kind", i.kind);
        w.key("textEdit").begin_object().key("range");
        write_range(w, *c.file, word);
        w.field("newText", i.label).end_object();
        if (!i.detail.empty()) w.field("detail", i.detail);
        if (!i.documentation.empty()) w.field("documentation", i.documentation);
        w.end_object();
    }
    w.end_array().end_object();
    return out;
}

}  // namespace planrules::lsp
