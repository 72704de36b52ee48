// The schema: types, records, enums and code lists, required cycles.

#include "check/context.hpp"

namespace planrules::check::detail_checker {

void Checker::collect_schema() {
    std::map<std::string, std::pair<int, SourceSpan>> seen;  // type name -> (file, span)
    const std::set<std::string> builtin_types = {"int", "decimal", "string", "bool", "date", "list", "duration"};
    // Pass 1: names of records and enums, so that fields may refer to types declared later.
    for (std::size_t f = 0; f < p_.files.size(); ++f) {
        file_ = static_cast<int>(f);
        for (auto& d : p_.files[f].ast.decls) {
            const ast::Name* name = nullptr;
            if (auto* r = std::get_if<ast::RecordDecl>(&d)) name = &r->name;
            else if (auto* e = std::get_if<ast::EnumDecl>(&d)) name = &e->name;
            else if (auto* c = std::get_if<ast::CodesDecl>(&d)) name = &c->name;
            if (!name) continue;
            if (builtin_types.count(name->text)) {
                error(name->span, "reserved-type-name", tr("'{}' is a built-in type", name->text),
                      tr("choose another name for the type"));
                continue;
            }
            if (auto it = seen.find(name->text); it != seen.end()) {
                error(name->span, "duplicate-type", tr("type '{}' is declared twice", name->text),
                      tr("rename one of them or remove the duplicate"));
                note(it->second.first, it->second.second, tr("the first declaration is here"));
                continue;
            }
            seen[name->text] = {file_, name->span};
            if (auto* r = std::get_if<ast::RecordDecl>(&d)) {
                RecordInfo info;
                info.name = r->name.text;
                if (r->label) info.label = r->label->value;
                info.file = p_.files[f].source;
                info.span = r->name.span;
                s_.records.push_back(std::move(info));
                s_.intern(Type{TypeKind::record, static_cast<int>(s_.records.size() - 1)});
            } else if (auto* c = std::get_if<ast::CodesDecl>(&d)) {
                collect_code_list(*c);
            } else {
                auto& e = std::get<ast::EnumDecl>(d);
                EnumInfo info;
                info.name = e.name.text;
                info.file = p_.files[f].source;
                info.span = e.name.span;
                std::set<std::string> values;
                for (auto& v : e.values) {
                    if (!values.insert(v.text).second)
                        error(v.span, "duplicate-enum-value",
                              tr("'{}' appears twice in enum {}", v.text, e.name.text), tr("remove one"));
                    else
                        info.values.push_back(v.text);
                }
                if (e.values.empty())
                    error(e.name.span, "empty-enum", tr("enum {} has no values", e.name.text),
                          tr("list its values: enum Status {{ draft, final }}"));
                s_.enums.push_back(std::move(info));
                s_.intern(Type{TypeKind::enumeration, static_cast<int>(s_.enums.size() - 1)});
            }
        }
    }
    // Pass 2: fields and the root.
    int record_index = 0;
    const ast::RootDecl* root = nullptr;
    int root_file = -1;
    for (std::size_t f = 0; f < p_.files.size(); ++f) {
        file_ = static_cast<int>(f);
        for (auto& d : p_.files[f].ast.decls) {
            if (auto* r = std::get_if<ast::RecordDecl>(&d)) {
                // find the RecordInfo for this declaration (skipped duplicates have none)
                int idx = -1;
                for (std::size_t i = 0; i < s_.records.size(); ++i)
                    if (s_.records[i].name == r->name.text && s_.records[i].span == r->name.span &&
                        s_.records[i].file == p_.files[f].source)
                        idx = static_cast<int>(i);
                if (idx < 0) continue;
                ++record_index;
                std::set<std::string> names;
                for (auto& fd : r->fields) {
                    if (!names.insert(fd.name.text).second) {
                        error(fd.name.span, "duplicate-field",
                              tr("field '{}' is declared twice in {}", fd.name.text, r->name.text),
                              tr("remove one of them"));
                        continue;
                    }
                    FieldInfo fi;
                    fi.name = fd.name.text;
                    fi.type = resolve_type(fd.type);
                    fi.optional = fd.type.optional;
                    fi.sensitive = fd.sensitive;
                    fi.sensitive_value = fd.sensitive_value;
                    if (fd.label) fi.label = fd.label->value;
                    fi.codes = resolve_codes(fd.type);
                    fi.file = p_.files[f].source;
                    fi.span = fd.name.span;
                    s_.records[static_cast<std::size_t>(idx)].fields.push_back(std::move(fi));
                }
            } else if (auto* rd = std::get_if<ast::RootDecl>(&d)) {
                if (root) {
                    error(rd->name.span, "duplicate-root", tr("the schema has two roots"),
                          tr("a schema has one 'root NAME: Type' declaration"));
                    note(root_file, root->name.span, tr("the first root is here"));
                    continue;
                }
                root = rd;
                root_file = file_;
                s_.root_name = rd->name.text;
                s_.root_type = resolve_type(rd->type);
                if (s_.type(s_.root_type).kind != TypeKind::record && s_.root_type != Schema::error_type) {
                    error(rd->type.span, "root-not-record",
                          tr("the root must be a record type, not {}", s_.name(s_.root_type)),
                          tr("declare the plan as 'type Plan {{ … }}' and write 'root plan: Plan'"));
                    s_.root_type = Schema::error_type;
                }
                if (rd->type.optional)
                    error(rd->type.span, "optional-root", tr("the root cannot be optional"), tr("remove the '?'"));
            }
        }
    }
    (void)record_index;
    check_required_cycles();
}

void Checker::collect_code_list(const ast::CodesDecl& c) {
    CodeListInfo info;
    info.name = c.name.text;
    info.file = p_.files[static_cast<std::size_t>(file_)].source;
    info.span = c.name.span;
    for (const auto& code : c.codes) {
        if (info.find(code.name.text)) {
            error(code.name.span, "duplicate-code",
                  tr("'{}' appears twice in the code list {}", code.name.text, c.name.text), tr("remove one"));
            continue;
        }
        info.codes.push_back(CodeInfo{code.name.text, code.label ? code.label->value : code.name.text, code.sensitive});
    }
    if (c.codes.empty())
        error(c.name.span, "empty-code-list", tr("the code list {} has no codes", c.name.text),
              tr("list its codes: codes Kind {{ a \"First kind\", b \"Second kind\" sensitive }}"));
    s_.code_lists.push_back(std::move(info));
}

int Checker::resolve_codes(const ast::TypeRef& field_type) {
    const ast::TypeRef& t = field_type.name == "list" && field_type.args.size() == 1 ? field_type.args[0] : field_type;
    if (t.codes.text.empty()) return -1;
    for (std::size_t i = 0; i < s_.code_lists.size(); ++i)
        if (s_.code_lists[i].name == t.codes.text) return static_cast<int>(i);
    std::vector<std::string> names;
    for (const auto& l : s_.code_lists) names.push_back(l.name);
    error(t.codes.span, "unknown-code-list", tr("unknown code list '{}'", t.codes.text),
          names.empty() ? tr("declare it: codes {} {{ kod \"Benämning\", … }}", t.codes.text)
                        : did_you_mean(t.codes.text, names));
    return -1;
}

void Checker::check_required_cycles() {
    const std::size_t n = s_.records.size();
    auto required_record = [&](const FieldInfo& f) {
        return !f.optional && f.type >= 0 && s_.type(f.type).kind == TypeKind::record ? s_.type(f.type).decl : -1;
    };
    std::vector<int> state(n, 0);  // 0 not seen, 1 on the path, 2 done
    for (std::size_t start = 0; start < n; ++start) {
        if (state[start]) continue;
        // iterative depth-first search: (record, next field to follow)
        std::vector<std::pair<std::size_t, std::size_t>> path{{start, 0}};
        state[start] = 1;
        while (!path.empty()) {
            auto& [record, next] = path.back();
            const auto& fields = s_.records[record].fields;
            if (next == fields.size()) {
                state[record] = 2;
                path.pop_back();
                continue;
            }
            const FieldInfo& field = fields[next++];
            const int target = required_record(field);
            if (target < 0 || state[static_cast<std::size_t>(target)] == 2) continue;
            if (state[static_cast<std::size_t>(target)] == 0) {
                state[static_cast<std::size_t>(target)] = 1;
                path.emplace_back(static_cast<std::size_t>(target), 0);
                continue;
            }
            // a cycle: from `target` on the path back to it
            std::size_t from = 0;
            while (path[from].first != static_cast<std::size_t>(target)) ++from;
            std::string chain;
            for (std::size_t k = from; k < path.size(); ++k) {
                const auto& r = s_.records[path[k].first];
                chain += fmt::format("{}.{} → ", r.name, r.fields[path[k].second - 1].name);
            }
            const auto& head = s_.records[static_cast<std::size_t>(target)];
            chain += head.name;
            for (std::size_t f = 0; f < p_.files.size(); ++f)
                if (p_.files[f].source == field.file) file_ = static_cast<int>(f);
            error(field.span, "record-requires-itself",
                  tr("type {} requires itself ({}): no plan can hold it", head.name, chain),
                  tr("make one of these fields optional (add '?') or a list"));
        }
    }
}

std::vector<std::string> Checker::type_names() const {
    std::vector<std::string> v = {"int", "decimal", "string", "bool", "date", "list"};
    for (auto& r : s_.records) v.push_back(r.name);
    for (auto& e : s_.enums) v.push_back(e.name);
    return v;
}

int Checker::resolve_type(const ast::TypeRef& t) {
    static const std::map<std::string, int, std::less<>> primitives = {
        {"int", Schema::int_type},      {"decimal", Schema::decimal_type}, {"string", Schema::string_type},
        {"bool", Schema::bool_type},    {"date", Schema::date_type},       {"duration", Schema::duration_type}};
    if (!t.codes.text.empty() && t.name != "string") {
        error(t.codes.span, "codes-need-string",
              tr("a code list goes with a string, not {}", t.name),
              tr("write 'string of {}'", t.codes.text));
        return Schema::error_type;
    }
    if (t.name == "list") {
        if (t.args.size() != 1) {
            error(t.span, "list-arity", tr("a list needs exactly one element type"), tr("write list<Aktivitet>"));
            return Schema::error_type;
        }
        if (t.args[0].optional)
            error(t.args[0].span, "optional-list-element", tr("list elements cannot be optional"),
                  tr("write list<T>; a missing list is empty"));
        int el = resolve_type(t.args[0]);
        return el == Schema::error_type ? el : s_.list_of(el);
    }
    if (!t.args.empty()) {
        error(t.span, "unexpected-type-arguments", tr("type '{}' takes no '<…>'", t.name),
              tr("only list<T> has a type argument"));
        return Schema::error_type;
    }
    if (auto it = primitives.find(t.name); it != primitives.end()) return it->second;
    for (std::size_t i = 0; i < s_.records.size(); ++i)
        if (s_.records[i].name == t.name) return s_.intern(Type{TypeKind::record, static_cast<int>(i)});
    for (std::size_t i = 0; i < s_.enums.size(); ++i)
        if (s_.enums[i].name == t.name) return s_.intern(Type{TypeKind::enumeration, static_cast<int>(i)});
    for (const auto& l : s_.code_lists)
        if (l.name == t.name) {
            error(t.span, "code-list-as-type", tr("'{}' is a code list, not a type", t.name),
                  tr("write 'string of {}': the field holds text, and the codes it may hold are listed", t.name));
            return Schema::error_type;
        }
    error(t.span, "unknown-type", tr("unknown type '{}'", t.name), did_you_mean(t.name, type_names()));
    return Schema::error_type;
}

}  // namespace planrules::check::detail_checker
