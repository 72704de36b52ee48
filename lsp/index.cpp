// The index of names (index.hpp): one pass over the declarations for the symbols, one over
// everything written for their uses.

#include "lsp/index.hpp"

#include "builtins/builtins.hpp"

#include <algorithm>
#include <map>
#include <utility>

namespace planrules::lsp {

namespace {

using check::TypeKind;

class Builder {
public:
    explicit Builder(const check::Program& p) : p_(p) {}

    Index run() {
        for (std::size_t f = 0; f < p_.files.size(); ++f) declare(p_.files[f]);
        for (std::size_t f = 0; f < p_.files.size(); ++f) use(p_.files[f]);
        return std::move(index_);
    }

private:
    int add(SymbolKind kind, std::string name, const SourceFilePtr& file, SourceSpan span, SourceSpan whole,
            int container = -1, int item = -1, int type = -1) {
        index_.symbols.push_back({kind, std::move(name), file, span, whole, container, item, type});
        const int id = static_cast<int>(index_.symbols.size() - 1);
        if (file) index_.occurrences.push_back({id, file.get(), span, true});
        return id;
    }
    void ref(int symbol, const SourceFile* file, SourceSpan span) {
        if (symbol >= 0 && span.end > span.begin) index_.occurrences.push_back({symbol, file, span, false});
    }

    template <typename T>
    static int position_in(const std::vector<T>& xs, const void* decl) {
        for (std::size_t i = 0; i < xs.size(); ++i)
            if (xs[i].decl == decl) return static_cast<int>(i);
        return -1;
    }
    static int named(const auto& xs, std::string_view name) {
        for (std::size_t i = 0; i < xs.size(); ++i)
            if (xs[i].name == name) return static_cast<int>(i);
        return -1;
    }

    void declare(const check::ParsedFile& pf) {
        int ruleset = -1;
        for (const auto& d : pf.ast.decls) {
            if (const auto* r = std::get_if<ast::RulesetDecl>(&d)) {
                ruleset = add(SymbolKind::ruleset, r->name.text, pf.source, r->name.span, r->span, -1,
                              p_.find_ruleset(r->name.text));
                by_name_[{SymbolKind::ruleset, r->name.text}] = ruleset;
            } else if (const auto* rule = std::get_if<ast::RuleDecl>(&d)) {
                const int id = add(SymbolKind::rule, rule->id.text, pf.source, rule->id.span, rule->span, ruleset,
                                   position_in(p_.rules, rule));
                by_name_.try_emplace({SymbolKind::rule, rule->id.text}, id);
            } else if (const auto* def = std::get_if<ast::DefineDecl>(&d)) {
                const int item = position_in(p_.defines, def);
                const int type = item >= 0 ? p_.defines[static_cast<std::size_t>(item)].type : -1;
                by_decl_[def] = add(SymbolKind::define, def->name.text, pf.source, def->name.span, def->span, ruleset, item, type);
            } else if (const auto* t = std::get_if<ast::TestDecl>(&d)) {
                add(SymbolKind::test, t->name.value, pf.source, t->name.span, t->span, -1, position_in(p_.tests, t));
            } else if (const auto* fig = std::get_if<ast::FigureDecl>(&d)) {
                add(SymbolKind::figure, fig->name.text, pf.source, fig->name.span, fig->span, ruleset, position_in(p_.figures, fig));
            } else if (const auto* rec = std::get_if<ast::RecordDecl>(&d)) {
                const int item = named(p_.schema.records, rec->name.text);
                const int id = add(SymbolKind::record, rec->name.text, pf.source, rec->name.span, rec->span, -1, item);
                by_name_.try_emplace({SymbolKind::record, rec->name.text}, id);
                for (std::size_t slot = 0; slot < rec->fields.size(); ++slot) {
                    const auto& f = rec->fields[slot];
                    int type = -1, at = -1;
                    if (item >= 0) {
                        const auto& info = p_.schema.records[static_cast<std::size_t>(item)];
                        at = info.slot(f.name.text);
                        if (at >= 0) type = info.fields[static_cast<std::size_t>(at)].type;
                    }
                    const int field = add(SymbolKind::field, f.name.text, pf.source, f.name.span, f.span, id, at, type);
                    if (item >= 0 && at >= 0) fields_.try_emplace({item, at}, field);
                }
            } else if (const auto* e = std::get_if<ast::EnumDecl>(&d)) {
                const int id = add(SymbolKind::enumeration, e->name.text, pf.source, e->name.span, e->span, -1,
                                   named(p_.schema.enums, e->name.text));
                by_name_.try_emplace({SymbolKind::enumeration, e->name.text}, id);
            } else if (const auto* c = std::get_if<ast::CodesDecl>(&d)) {
                const int id = add(SymbolKind::codes, c->name.text, pf.source, c->name.span, c->span, -1,
                                   named(p_.schema.code_lists, c->name.text));
                by_name_.try_emplace({SymbolKind::codes, c->name.text}, id);
            } else if (const auto* root = std::get_if<ast::RootDecl>(&d)) {
                root_ = add(SymbolKind::root, root->name.text, pf.source, root->name.span, root->span, -1, -1,
                            p_.schema.root_type);
            }
        }
    }

    int lookup(SymbolKind kind, const std::string& name) const {
        auto it = by_name_.find({kind, name});
        return it == by_name_.end() ? -1 : it->second;
    }

    void type_ref(const ast::TypeRef& t, const SourceFile* file) {
        if (int s = lookup(SymbolKind::record, t.name); s >= 0) ref(s, file, name_span(t, file));
        else if (int e = lookup(SymbolKind::enumeration, t.name); e >= 0) ref(e, file, name_span(t, file));
        if (!t.codes.text.empty()) ref(lookup(SymbolKind::codes, t.codes.text), file, t.codes.span);
        for (const auto& a : t.args) type_ref(a, file);
    }
    // The span of the type's name: it starts the type reference (`Aktivitet?`, `list<…>`).
    static SourceSpan name_span(const ast::TypeRef& t, const SourceFile* file) {
        const std::string_view text = file->slice(t.span);
        if (text.substr(0, t.name.size()) != t.name) return {};
        return {t.span.begin, static_cast<std::uint32_t>(t.span.begin + t.name.size())};
    }

    using Scope = std::vector<std::pair<std::string, int>>;

    int variable(const ast::Name& n, const SourceFilePtr& file, Scope& scope, int type) {
        const int id = add(SymbolKind::variable, n.text, file, n.span, n.span, -1, -1, type);
        scope.emplace_back(n.text, id);
        return id;
    }

    void expr(const ast::Expr& e, const SourceFilePtr& file, Scope& scope) {
        const SourceFile* f = file.get();
        switch (e.kind) {
            case ast::ExprKind::name:
                if (e.binding == ast::Binding::root) ref(root_, f, e.span);
                else if (e.binding == ast::Binding::define) ref(define_symbol(e.resolved), f, e.span);
                else if (e.binding == ast::Binding::variable) {
                    for (auto it = scope.rbegin(); it != scope.rend(); ++it)
                        if (it->first == e.text) {
                            ref(it->second, f, e.span);
                            break;
                        }
                }
                return;
            case ast::ExprKind::member: {
                expr(e.children.at(0), file, scope);
                const int t = e.children.at(0).type_id;
                if (t >= 0 && static_cast<std::size_t>(t) < p_.schema.type_count()) {
                    const check::Type& type = p_.schema.type(t);
                    if (type.kind == TypeKind::record) {
                        const int slot = p_.schema.records[static_cast<std::size_t>(type.decl)].slot(e.name.text);
                        auto it = fields_.find({type.decl, slot});
                        if (it != fields_.end()) ref(it->second, f, e.name.span);
                    }
                }
                return;
            }
            case ast::ExprKind::call:
                if (e.binding == ast::Binding::define) ref(define_symbol(e.resolved), f, e.name.span);
                else if (e.binding == ast::Binding::builtin) ref(builtin_symbol(e.resolved), f, e.name.span);
                for (const auto& c : e.children) expr(c, file, scope);
                return;
            case ast::ExprKind::aggregate:
            case ast::ExprKind::exists: {
                if (e.kind == ast::ExprKind::aggregate) {
                    const std::string_view word = ast::to_string(e.aggregate);
                    if (f->slice(e.span).substr(0, word.size()) == word)
                        ref(aggregate_symbol(e.aggregate), f, {e.span.begin, static_cast<std::uint32_t>(e.span.begin + word.size())});
                }
                if (e.children.empty()) return;
                expr(e.children[0], file, scope);
                const std::size_t mark = scope.size();
                if (!e.name.text.empty()) {
                    int type = -1;
                    const int source = e.children[0].type_id;
                    if (source >= 0 && static_cast<std::size_t>(source) < p_.schema.type_count() &&
                        p_.schema.type(source).kind == TypeKind::list)
                        type = p_.schema.type(source).element;
                    variable(e.name, file, scope, type);
                }
                for (std::size_t i = 1; i < e.children.size(); ++i) expr(e.children[i], file, scope);
                scope.resize(mark);
                return;
            }
            default:
                for (const auto& c : e.children) expr(c, file, scope);
                return;
        }
    }
    void message(const std::optional<ast::StringTemplate>& t, const SourceFilePtr& file, Scope& scope) {
        if (!t) return;
        for (const auto& s : t->segments)
            if (s.is_expr) expr(s.expr, file, scope);
    }

    int define_symbol(int define) const {
        if (define < 0 || static_cast<std::size_t>(define) >= p_.defines.size()) return -1;
        auto it = by_decl_.find(p_.defines[static_cast<std::size_t>(define)].decl);
        return it == by_decl_.end() ? -1 : it->second;
    }
    int builtin_symbol(int id) {
        auto it = builtins_.find(id);
        if (it != builtins_.end()) return it->second;
        const auto& b = builtins::get(static_cast<check::Builtin>(id));
        index_.symbols.push_back({SymbolKind::builtin, std::string(b.name), nullptr, {}, {}, -1, id, -1});
        const int s = static_cast<int>(index_.symbols.size() - 1);
        builtins_[id] = s;
        return s;
    }

    int aggregate_symbol(ast::AggregateKind k) {
        const int key = -1 - static_cast<int>(k);  // beside the builtins' ids, which are >= 0
        auto it = builtins_.find(key);
        if (it != builtins_.end()) return it->second;
        index_.symbols.push_back({SymbolKind::aggregate, ast::to_string(k), nullptr, {}, {}, -1, static_cast<int>(k), -1});
        const int s = static_cast<int>(index_.symbols.size() - 1);
        builtins_[key] = s;
        return s;
    }

    void use(const check::ParsedFile& pf) {
        const SourceFile* f = pf.source.get();
        for (const auto& d : pf.ast.decls) {
            Scope scope;
            if (const auto* r = std::get_if<ast::RulesetDecl>(&d)) {
                for (const auto& e : r->extends) ref(lookup(SymbolKind::ruleset, e.text), f, e.span);
                if (r->applies_when) expr(*r->applies_when, pf.source, scope);
            } else if (const auto* rule = std::get_if<ast::RuleDecl>(&d)) {
                if (rule->when) expr(*rule->when, pf.source, scope);
                for (const auto& fe : rule->for_each) {
                    expr(fe.collection, pf.source, scope);
                    int type = -1;
                    const int t = fe.collection.type_id;
                    if (t >= 0 && static_cast<std::size_t>(t) < p_.schema.type_count() && p_.schema.type(t).kind == TypeKind::list)
                        type = p_.schema.type(t).element;
                    variable(fe.variable, pf.source, scope, type);
                    if (fe.where) expr(*fe.where, pf.source, scope);
                }
                for (const auto* e : {&rule->require, &rule->at, &rule->due})
                    if (*e) expr(**e, pf.source, scope);
                message(rule->message, pf.source, scope);
            } else if (const auto* def = std::get_if<ast::DefineDecl>(&d)) {
                const int item = position_in(p_.defines, def);
                for (std::size_t i = 0; i < def->params.size(); ++i) {
                    const auto& param = def->params[i];
                    int type = -1;
                    if (item >= 0 && i < p_.defines[static_cast<std::size_t>(item)].param_types.size())
                        type = p_.defines[static_cast<std::size_t>(item)].param_types[i];
                    variable(param.name, pf.source, scope, type);
                    type_ref(param.type, f);
                }
                expr(def->body, pf.source, scope);
            } else if (const auto* o = std::get_if<ast::OverrideDecl>(&d)) {
                ref(lookup(SymbolKind::rule, o->target.text), f, o->target.span);
                message(o->message, pf.source, scope);
            } else if (const auto* t = std::get_if<ast::TestDecl>(&d)) {
                for (const auto& e : t->expectations)
                    for (const auto& n : e.rules) ref(lookup(SymbolKind::rule, n.text), f, n.span);
            } else if (const auto* fig = std::get_if<ast::FigureDecl>(&d)) {
                if (fig->from) ref(lookup(SymbolKind::rule, fig->from->text), f, fig->from->span);
                if (fig->denominator) expr(*fig->denominator, pf.source, scope);
                if (fig->numerator) expr(*fig->numerator, pf.source, scope);
            } else if (const auto* g = std::get_if<ast::GroupDecl>(&d)) {
                expr(g->field, pf.source, scope);
            } else if (const auto* rec = std::get_if<ast::RecordDecl>(&d)) {
                for (const auto& field : rec->fields) type_ref(field.type, f);
            } else if (const auto* root = std::get_if<ast::RootDecl>(&d)) {
                type_ref(root->type, f);
            }
        }
    }

    const check::Program& p_;
    Index index_;
    std::map<std::pair<SymbolKind, std::string>, int> by_name_;
    std::map<const void*, int> by_decl_;
    std::map<std::pair<int, int>, int> fields_;  // (record, slot) -> symbol
    std::map<int, int> builtins_;
    int root_ = -1;
};

}  // namespace

const Occurrence* Index::at(const SourceFile* file, std::uint32_t offset) const {
    const Occurrence* best = nullptr;
    for (const auto& o : occurrences) {
        if (o.file != file || offset < o.span.begin || offset > o.span.end) continue;
        if (!best || o.span.size() < best->span.size()) best = &o;
    }
    return best;
}

std::vector<const Occurrence*> Index::of(int symbol) const {
    std::vector<const Occurrence*> out;
    for (const auto& o : occurrences)
        if (o.symbol == symbol) out.push_back(&o);
    std::stable_partition(out.begin(), out.end(), [](const Occurrence* o) { return o->declaration; });
    return out;
}

int Index::find(SymbolKind kind, std::string_view name) const {
    for (std::size_t i = 0; i < symbols.size(); ++i)
        if (symbols[i].kind == kind && symbols[i].name == name) return static_cast<int>(i);
    return -1;
}

Index build_index(const check::Program& program) { return Builder(program).run(); }

}  // namespace planrules::lsp
