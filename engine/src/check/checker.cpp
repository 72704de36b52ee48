// The checker: names, types, layering and metadata of rule files.

#include "builtins/builtins.hpp"
#include "json/syntax.hpp"

#include <planrules/check/checker.hpp>
#include <planrules/eval/report.hpp>
#include "text/strings.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <set>

namespace planrules::check {

namespace {

using ast::Expr;
using ast::ExprKind;
using ast::Op;
using detail::nearest;

// Signature notes shown in help lines.
const char* builtin_signature(Builtin b) { return builtins::get(b).signature.data(); }

std::vector<std::string> builtin_names() {
    std::vector<std::string> v;
    for (const auto& b : builtins::table()) v.emplace_back(b.name);
    return v;
}

int find_builtin(std::string_view name) {
    const builtins::Builtin* b = builtins::find(name);
    return b ? static_cast<int>(b->id) : -1;
}

const char* article_type(TypeKind k) {
    switch (k) {
        case TypeKind::boolean: return "a condition (bool)";
        case TypeKind::integer: return "a whole number (int)";
        case TypeKind::decimal: return "a decimal number";
        case TypeKind::string: return "a string";
        case TypeKind::date: return "a date";
        case TypeKind::duration: return "a duration";
        case TypeKind::enumeration: return "an enum value";
        case TypeKind::record: return "a record";
        case TypeKind::list: return "a list";
        default: return "a value";
    }
}

class Checker {
public:
    Checker(Program& program, const Limits& limits, Diagnostics& diags)
        : p_(program), s_(program.schema), limits_(limits), diags_(diags), errors_(program.files.size(), 0), warnings_(program.files.size(), 0) {}

    void run() {
        collect_schema();
        collect_declarations();
        resolve_rulesets();
        check_defines();
        check_applies_when();
        check_rules();
        check_overrides();
        check_tests();
    }

private:
    Program& p_;
    Schema& s_;
    const Limits& limits_;
    Diagnostics& diags_;
    std::vector<std::size_t> errors_, warnings_;  // per file: errors and warnings reported
    bool dropping_ = false;                       // the last error or warning was left out

    int file_ = -1;     // file being checked
    int ruleset_ = -1;  // rule set whose names are visible
    struct Var {
        std::string name;
        int type;
    };
    std::vector<Var> scope_;

    // ------------------------------------------------------------ diagnostics

    // At most Limits::max_diagnostics errors and as many warnings per file, then one note that
    // says so (as the parser does); the notes of a diagnostic left out are left out with it.
    void report(DiagnosticSeverity sev, int file, SourceSpan span, std::string code, std::string message,
                std::string help = {}) {
        const auto& source = p_.files[static_cast<std::size_t>(file)].source;
        if (sev == DiagnosticSeverity::note) {
            if (!dropping_) diags_.push_back(make_diagnostic(sev, std::move(code), source, span, std::move(message), std::move(help)));
            return;
        }
        const bool is_error = sev == DiagnosticSeverity::error;
        std::size_t& n = (is_error ? errors_ : warnings_)[static_cast<std::size_t>(file)];
        dropping_ = n >= limits_.max_diagnostics;
        if (dropping_) {
            if (n++ == limits_.max_diagnostics)
                diags_.push_back(make_diagnostic(
                    DiagnosticSeverity::note, is_error ? "too-many-errors" : "too-many-warnings", source, span,
                    fmt::format("more than {} {} in this file; the rest are not shown", limits_.max_diagnostics,
                                is_error ? "errors" : "warnings"),
                    "fix these first, then check again"));
            return;
        }
        ++n;
        diags_.push_back(make_diagnostic(sev, std::move(code), source, span, std::move(message), std::move(help)));
    }
    void error(SourceSpan span, std::string code, std::string message, std::string help = {}) {
        report(DiagnosticSeverity::error, file_, span, std::move(code), std::move(message), std::move(help));
    }
    void warning(SourceSpan span, std::string code, std::string message, std::string help = {}) {
        report(DiagnosticSeverity::warning, file_, span, std::move(code), std::move(message), std::move(help));
    }
    void note(int file, SourceSpan span, std::string message) {
        report(DiagnosticSeverity::note, file, span, "note", std::move(message));
    }

    // A rule or define whose declaration did not parse: references to it are not errors.
    bool broken(std::string_view name) const {
        for (auto& f : p_.files)
            for (auto& n : f.ast.broken_names)
                if (n == name) return true;
        return false;
    }

    static std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
        auto n = nearest(word, candidates);
        return n.empty() ? std::string{} : fmt::format("did you mean '{}'?", n);
    }

    // ------------------------------------------------------------ schema

    void collect_schema() {
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
                    error(name->span, "reserved-type-name", fmt::format("'{}' is a built-in type", name->text),
                          "choose another name for the type");
                    continue;
                }
                if (auto it = seen.find(name->text); it != seen.end()) {
                    error(name->span, "duplicate-type", fmt::format("type '{}' is declared twice", name->text),
                          "rename one of them or remove the duplicate");
                    note(it->second.first, it->second.second, "the first declaration is here");
                    continue;
                }
                seen[name->text] = {file_, name->span};
                if (auto* r = std::get_if<ast::RecordDecl>(&d)) {
                    RecordInfo info;
                    info.name = r->name.text;
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
                                  fmt::format("'{}' appears twice in enum {}", v.text, e.name.text), "remove one");
                        else
                            info.values.push_back(v.text);
                    }
                    if (e.values.empty())
                        error(e.name.span, "empty-enum", fmt::format("enum {} has no values", e.name.text),
                              "list its values: enum Status { utkast, upprattad }");
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
                                  fmt::format("field '{}' is declared twice in {}", fd.name.text, r->name.text),
                                  "remove one of them");
                            continue;
                        }
                        FieldInfo fi;
                        fi.name = fd.name.text;
                        fi.type = resolve_type(fd.type);
                        fi.optional = fd.type.optional;
                        fi.sensitive = fd.sensitive;
                        fi.sensitive_value = fd.sensitive_value;
                        fi.codes = resolve_codes(fd.type);
                        fi.file = p_.files[f].source;
                        fi.span = fd.name.span;
                        s_.records[static_cast<std::size_t>(idx)].fields.push_back(std::move(fi));
                    }
                } else if (auto* rd = std::get_if<ast::RootDecl>(&d)) {
                    if (root) {
                        error(rd->name.span, "duplicate-root", "the schema has two roots",
                              "a schema has one 'root NAME: Type' declaration");
                        note(root_file, root->name.span, "the first root is here");
                        continue;
                    }
                    root = rd;
                    root_file = file_;
                    s_.root_name = rd->name.text;
                    s_.root_type = resolve_type(rd->type);
                    if (s_.type(s_.root_type).kind != TypeKind::record && s_.root_type != Schema::error_type) {
                        error(rd->type.span, "root-not-record",
                              fmt::format("the root must be a record type, not {}", s_.name(s_.root_type)),
                              "declare the plan as 'type Plan { … }' and write 'root plan: Plan'");
                        s_.root_type = Schema::error_type;
                    }
                    if (rd->type.optional)
                        error(rd->type.span, "optional-root", "the root cannot be optional", "remove the '?'");
                }
            }
        }
        (void)record_index;
        check_required_cycles();
    }

    void collect_code_list(const ast::CodesDecl& c) {
        CodeListInfo info;
        info.name = c.name.text;
        info.file = p_.files[static_cast<std::size_t>(file_)].source;
        info.span = c.name.span;
        for (const auto& code : c.codes) {
            if (info.find(code.name.text)) {
                error(code.name.span, "duplicate-code",
                      fmt::format("'{}' appears twice in the code list {}", code.name.text, c.name.text), "remove one");
                continue;
            }
            info.codes.push_back(CodeInfo{code.name.text, code.label ? code.label->value : code.name.text, code.sensitive});
        }
        if (c.codes.empty())
            error(c.name.span, "empty-code-list", fmt::format("the code list {} has no codes", c.name.text),
                  "list its codes: codes Aktivitetstyp { sokaktivitet \"Sökaktivitet\", sius \"SIUS\" sensitive }");
        s_.code_lists.push_back(std::move(info));
    }

    // The code list of a field's type (`string of CODES`, `list<string of CODES>`), or -1.
    int resolve_codes(const ast::TypeRef& field_type) {
        const ast::TypeRef& t = field_type.name == "list" && field_type.args.size() == 1 ? field_type.args[0] : field_type;
        if (t.codes.text.empty()) return -1;
        for (std::size_t i = 0; i < s_.code_lists.size(); ++i)
            if (s_.code_lists[i].name == t.codes.text) return static_cast<int>(i);
        std::vector<std::string> names;
        for (const auto& l : s_.code_lists) names.push_back(l.name);
        error(t.codes.span, "unknown-code-list", fmt::format("unknown code list '{}'", t.codes.text),
              names.empty() ? std::string("declare it: codes " + t.codes.text + " { kod \"Benämning\", … }")
                            : did_you_mean(t.codes.text, names));
        return -1;
    }

    // A record type that requires itself, through fields that are neither optional nor lists
    // (type A { b: B }  type B { a: A }), can be satisfied by no plan: each such cycle is an
    // error at the record where it is first found, with the path.
    void check_required_cycles() {
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
                      fmt::format("type {} requires itself ({}): no plan can hold it", head.name, chain),
                      "make one of these fields optional (add '?') or a list");
            }
        }
    }

    std::vector<std::string> type_names() const {
        std::vector<std::string> v = {"int", "decimal", "string", "bool", "date", "list"};
        for (auto& r : s_.records) v.push_back(r.name);
        for (auto& e : s_.enums) v.push_back(e.name);
        return v;
    }

    int resolve_type(const ast::TypeRef& t) {
        static const std::map<std::string, int, std::less<>> primitives = {
            {"int", Schema::int_type},      {"decimal", Schema::decimal_type}, {"string", Schema::string_type},
            {"bool", Schema::bool_type},    {"date", Schema::date_type},       {"duration", Schema::duration_type}};
        if (!t.codes.text.empty() && t.name != "string") {
            error(t.codes.span, "codes-need-string",
                  fmt::format("a code list goes with a string, not {}", t.name),
                  fmt::format("write 'string of {}'", t.codes.text));
            return Schema::error_type;
        }
        if (t.name == "list") {
            if (t.args.size() != 1) {
                error(t.span, "list-arity", "a list needs exactly one element type", "write list<Aktivitet>");
                return Schema::error_type;
            }
            if (t.args[0].optional)
                error(t.args[0].span, "optional-list-element", "list elements cannot be optional",
                      "write list<T>; a missing list is empty");
            int el = resolve_type(t.args[0]);
            return el == Schema::error_type ? el : s_.list_of(el);
        }
        if (!t.args.empty()) {
            error(t.span, "unexpected-type-arguments", fmt::format("type '{}' takes no '<…>'", t.name),
                  "only list<T> has a type argument");
            return Schema::error_type;
        }
        if (auto it = primitives.find(t.name); it != primitives.end()) return it->second;
        for (std::size_t i = 0; i < s_.records.size(); ++i)
            if (s_.records[i].name == t.name) return s_.intern(Type{TypeKind::record, static_cast<int>(i)});
        for (std::size_t i = 0; i < s_.enums.size(); ++i)
            if (s_.enums[i].name == t.name) return s_.intern(Type{TypeKind::enumeration, static_cast<int>(i)});
        for (const auto& l : s_.code_lists)
            if (l.name == t.name) {
                error(t.span, "code-list-as-type", fmt::format("'{}' is a code list, not a type", t.name),
                      fmt::format("write 'string of {}': the field holds text, and the codes it may hold are listed", t.name));
                return Schema::error_type;
            }
        error(t.span, "unknown-type", fmt::format("unknown type '{}'", t.name), did_you_mean(t.name, type_names()));
        return Schema::error_type;
    }

    // ------------------------------------------------------------ declarations

    void collect_declarations() {
        for (std::size_t f = 0; f < p_.files.size(); ++f) {
            file_ = static_cast<int>(f);
            int rs = -1;
            bool first = true;
            for (auto& d : p_.files[f].ast.decls) {
                if (auto* h = std::get_if<ast::RulesetDecl>(&d)) {
                    if (rs >= 0) {
                        error(h->name.span, "second-ruleset",
                              "a file can declare only one rule set", "put the second rule set in a file of its own");
                        continue;
                    }
                    if (!first)
                        error(h->name.span, "ruleset-not-first", "'ruleset' must be the first declaration of the file",
                              "move the 'ruleset' header to the top");
                    if (int other = p_.find_ruleset(h->name.text); other >= 0) {
                        error(h->name.span, "duplicate-ruleset",
                              fmt::format("rule set '{}' is declared twice", h->name.text),
                              "give each rule set its own name");
                        note(p_.rulesets[static_cast<std::size_t>(other)].file,
                             p_.rulesets[static_cast<std::size_t>(other)].decl->name.span, "the first declaration is here");
                    }
                    RulesetInfo info;
                    info.name = h->name.text;
                    info.decl = h;
                    info.file = file_;
                    p_.rulesets.push_back(std::move(info));
                    rs = static_cast<int>(p_.rulesets.size() - 1);
                } else if (auto* r = std::get_if<ast::RuleDecl>(&d)) {
                    if (rs < 0) {
                        error(r->id.span, "rule-outside-ruleset", fmt::format("rule {} belongs to no rule set", r->id.text),
                              "start the file with: ruleset NAME \"Title\"");
                    }
                    if (int other = p_.find_rule(r->id.text); other >= 0) {
                        auto& o = p_.rules[static_cast<std::size_t>(other)];
                        error(r->id.span, "duplicate-rule-id", fmt::format("duplicate rule id '{}'", r->id.text),
                              "rule ids are fixed and unique: hosts and reports refer to them; to change a rule of "
                              "another rule set, use 'override'");
                        note(o.file, o.decl->id.span, fmt::format("'{}' is first defined here", r->id.text));
                        continue;
                    }
                    p_.rules.push_back(RuleInfo{r, file_, rs});
                    if (rs >= 0) p_.rulesets[static_cast<std::size_t>(rs)].rules.push_back(static_cast<int>(p_.rules.size() - 1));
                } else if (auto* o = std::get_if<ast::OverrideDecl>(&d)) {
                    if (rs < 0) {
                        error(o->target.span, "override-outside-ruleset", "an override belongs to no rule set",
                              "start the file with: ruleset NAME \"Title\" and 'extends' the rule set it changes");
                        continue;
                    }
                    p_.overrides.push_back(OverrideInfo{o, file_, rs, -1});
                    p_.rulesets[static_cast<std::size_t>(rs)].overrides.push_back(static_cast<int>(p_.overrides.size() - 1));
                } else if (auto* df = std::get_if<ast::DefineDecl>(&d)) {
                    DefineInfo info;
                    info.decl = df;
                    info.file = file_;
                    info.ruleset = rs;
                    p_.defines.push_back(std::move(info));
                    if (rs >= 0) p_.rulesets[static_cast<std::size_t>(rs)].defines.push_back(static_cast<int>(p_.defines.size() - 1));
                } else if (auto* t = std::get_if<ast::TestDecl>(&d)) {
                    p_.tests.push_back(TestInfo{t, file_});
                }
                first = false;
            }
        }
    }

    void resolve_rulesets() {
        std::vector<std::string> names;
        for (auto& r : p_.rulesets) names.push_back(r.name);
        for (std::size_t i = 0; i < p_.rulesets.size(); ++i) {
            auto& rs = p_.rulesets[i];
            file_ = rs.file;
            for (auto& e : rs.decl->extends) {
                int target = p_.find_ruleset(e.text);
                if (target < 0) {
                    error(e.span, "unknown-ruleset", fmt::format("unknown rule set '{}'", e.text), did_you_mean(e.text, names));
                } else if (target == static_cast<int>(i)) {
                    error(e.span, "extends-itself", fmt::format("rule set '{}' extends itself", e.text),
                          "name the rule set it builds on");
                } else if (std::find(rs.extends.begin(), rs.extends.end(), target) == rs.extends.end()) {
                    rs.extends.push_back(target);
                }
            }
        }
        // Ancestors (breadth first), with cycle detection.
        for (std::size_t i = 0; i < p_.rulesets.size(); ++i) {
            auto& rs = p_.rulesets[i];
            std::vector<int> order;
            std::vector<int> queue(rs.extends.begin(), rs.extends.end());
            bool cycle = false;  // reported once, however many chains lead back
            for (std::size_t q = 0; q < queue.size(); ++q) {
                int a = queue[q];
                if (a == static_cast<int>(i)) {
                    if (!cycle) {
                        file_ = rs.file;
                        error(rs.decl->name.span, "extends-cycle",
                              fmt::format("rule set '{}' extends itself through a chain of 'extends'", rs.name),
                              "remove one 'extends' from the cycle");
                    }
                    cycle = true;
                    continue;
                }
                if (std::find(order.begin(), order.end(), a) != order.end()) continue;
                order.push_back(a);
                for (int b : p_.rulesets[static_cast<std::size_t>(a)].extends) queue.push_back(b);
            }
            rs.ancestors = std::move(order);
        }
        for (auto& rs : p_.rulesets) {
            if (!rs.decl->applies_when && !rs.decl->extends.empty()) {
                // A layer without a scope applies to every plan: legal, but worth a word.
            }
            if (rs.decl->title.value.empty()) {
                file_ = rs.file;
                error(rs.decl->title.span, "empty-title", "the rule set has an empty title", "describe the rule set");
            }
        }
    }

    // 'applies when' may use defines, so it is checked after them (their types and parameter
    // types are known by then).
    void check_applies_when() {
        for (auto& rs : p_.rulesets) {
            if (!rs.decl->applies_when) continue;
            file_ = rs.file;
            ruleset_ = static_cast<int>(&rs - p_.rulesets.data());
            scope_.clear();
            expect_bool(*rs.decl->applies_when, "'applies when'");
        }
    }

    bool visible_in(int owner_ruleset, int from_ruleset) const {
        if (owner_ruleset < 0) return true;  // schema-level define
        if (owner_ruleset == from_ruleset) return true;
        if (from_ruleset < 0) return false;
        auto& anc = p_.rulesets[static_cast<std::size_t>(from_ruleset)].ancestors;
        return std::find(anc.begin(), anc.end(), owner_ruleset) != anc.end();
    }

    // How near the define's rule set is to the rule set being checked: 0 for its own, 1 + the
    // position among the ancestors (nearest first), and after those the global defines.
    std::size_t define_distance(int owner_ruleset) const {
        if (owner_ruleset == ruleset_) return 0;
        if (ruleset_ < 0) return 1;  // only global defines are visible
        auto& anc = p_.rulesets[static_cast<std::size_t>(ruleset_)].ancestors;
        auto it = std::find(anc.begin(), anc.end(), owner_ruleset);
        return it != anc.end() ? 1 + static_cast<std::size_t>(it - anc.begin()) : 1 + anc.size();
    }

    int find_define(std::string_view name) const {
        // nearest first: own rule set, then ancestors (nearest first), then global
        int found = -1;
        std::size_t best = 0;
        for (std::size_t i = 0; i < p_.defines.size(); ++i) {
            auto& d = p_.defines[i];
            if (d.decl->name.text != name || !visible_in(d.ruleset, ruleset_)) continue;
            std::size_t distance = define_distance(d.ruleset);
            if (found < 0 || distance < best) {
                found = static_cast<int>(i);
                best = distance;
            }
        }
        return found;
    }

    // ------------------------------------------------------------ defines

    // Names referenced by a define's body (its free names and called functions): a name bound
    // by a parameter or by an aggregate's or exists' variable is not a reference to a define,
    // as in check_name, where variables come first.
    static void referenced_names(const ast::DefineDecl& def, std::vector<const Expr*>& out) {
        struct Bound {
            std::string_view name;
            int outer;  // enclosing binding, -1 for none
        };
        std::vector<Bound> bound;
        int params = -1;
        for (auto& prm : def.params) {
            bound.push_back(Bound{prm.name.text, params});
            params = static_cast<int>(bound.size() - 1);
        }
        auto is_bound = [&](std::string_view name, int b) {
            for (; b >= 0; b = bound[static_cast<std::size_t>(b)].outer)
                if (bound[static_cast<std::size_t>(b)].name == name) return true;
            return false;
        };
        std::vector<std::pair<const Expr*, int>> stack{{&def.body, params}};  // expression, innermost binding
        while (!stack.empty()) {
            auto [x, b] = stack.back();
            stack.pop_back();
            if (x->kind == ExprKind::call || (x->kind == ExprKind::name && !is_bound(x->text, b))) out.push_back(x);
            bool binder = x->kind == ExprKind::exists || (x->kind == ExprKind::aggregate && !x->name.text.empty());
            if (!binder) {
                for (auto& c : x->children) stack.emplace_back(&c, b);
                continue;
            }
            // the list is outside the variable's scope; 'where' and the value are inside
            stack.emplace_back(&x->source(), b);
            bound.push_back(Bound{x->name.text, b});
            int inner = static_cast<int>(bound.size() - 1);
            for (std::size_t i = 1; i < x->children.size(); ++i) stack.emplace_back(&x->children[i], inner);
        }
    }

    void check_defines() {
        // Duplicates within one scope.
        for (std::size_t i = 0; i < p_.defines.size(); ++i) {
            auto& d = p_.defines[i];
            file_ = d.file;
            for (std::size_t j = 0; j < i; ++j) {
                auto& o = p_.defines[j];
                if (o.decl->name.text == d.decl->name.text && o.ruleset == d.ruleset) {
                    error(d.decl->name.span, "duplicate-define", fmt::format("'{}' is defined twice", d.decl->name.text),
                          "rename one of them");
                    note(o.file, o.decl->name.span, "the first definition is here");
                }
            }
            if (d.decl->name.text == s_.root_name || find_builtin(d.decl->name.text) >= 0)
                error(d.decl->name.span, "define-shadows",
                      fmt::format("'{}' is already the name of {}", d.decl->name.text,
                                  d.decl->name.text == s_.root_name ? "the plan" : "a built-in function"),
                      "choose another name");
        }
        // Dependency order (iterative depth-first search; cycles are errors).
        std::vector<std::vector<int>> deps(p_.defines.size());
        for (std::size_t i = 0; i < p_.defines.size(); ++i) {
            ruleset_ = p_.defines[i].ruleset;
            std::vector<const Expr*> refs;
            referenced_names(*p_.defines[i].decl, refs);
            for (auto* r : refs) {
                if (r->kind == ExprKind::name && !s_.root_name.empty() && r->text == s_.root_name) continue;
                const std::string& n = r->kind == ExprKind::name ? r->text : r->name.text;
                int d = find_define(n);
                if (d >= 0) deps[i].push_back(d);
            }
        }
        std::vector<int> state(p_.defines.size(), 0);  // 0 new, 1 on stack, 2 done
        std::vector<int> order;
        for (std::size_t start = 0; start < p_.defines.size(); ++start) {
            if (state[start]) continue;
            std::vector<std::pair<int, std::size_t>> stack{{static_cast<int>(start), 0}};
            state[start] = 1;
            while (!stack.empty()) {
                auto& [node, next] = stack.back();
                auto& ds = deps[static_cast<std::size_t>(node)];
                if (next < ds.size()) {
                    int dep = ds[next++];
                    if (state[static_cast<std::size_t>(dep)] == 1) {
                        auto& d = p_.defines[static_cast<std::size_t>(dep)];
                        file_ = d.file;
                        error(d.decl->name.span, "define-cycle",
                              fmt::format("'{}' is defined in terms of itself", d.decl->name.text),
                              "a define cannot refer to itself, directly or through other defines");
                        cyclic_.insert(dep);
                    } else if (state[static_cast<std::size_t>(dep)] == 0) {
                        state[static_cast<std::size_t>(dep)] = 1;
                        stack.emplace_back(dep, 0);
                    }
                } else {
                    state[static_cast<std::size_t>(node)] = 2;
                    order.push_back(node);
                    stack.pop_back();
                }
            }
        }
        for (int i : order) {
            auto& d = p_.defines[static_cast<std::size_t>(i)];
            file_ = d.file;
            ruleset_ = d.ruleset;
            scope_.clear();
            for (auto& prm : d.decl->params) {
                if (in_scope(prm.name.text))
                    error(prm.name.span, "duplicate-parameter",
                          fmt::format("'{}' has two parameters named '{}'", d.decl->name.text, prm.name.text),
                          "give each parameter its own name");
                int t = resolve_type(prm.type);
                d.param_types.push_back(t);
                scope_.push_back(Var{prm.name.text, t});
            }
            if (cyclic_.count(i)) {
                d.type = Schema::error_type;
                continue;
            }
            d.type = check_expr(d.decl->body);
            checked_defines_.insert(i);
        }
        scope_.clear();
    }

    std::set<int> cyclic_;
    std::set<int> checked_defines_;

    // ------------------------------------------------------------ rules

    void check_rules() {
        for (auto& info : p_.rules) {
            const ast::RuleDecl& r = *info.decl;
            file_ = info.file;
            ruleset_ = info.ruleset;
            scope_.clear();
            if (r.title.value.empty())
                error(r.title.span, "empty-title", fmt::format("rule {} has an empty title", r.id.text),
                      "give the rule a short title that says what it requires");
            if (!r.severity)
                error(r.id.span, "missing-severity", fmt::format("rule {} has no severity", r.id.text),
                      "add a line 'severity error', 'severity warning' or 'severity info'");
            if (!r.require)
                error(r.id.span, "missing-require", fmt::format("rule {} has no 'require'", r.id.text),
                      "add 'require CONDITION': the condition a plan must meet to pass the rule");
            if (!r.message)
                warning(r.id.span, "missing-message", fmt::format("rule {} has no message", r.id.text),
                        "add 'message \"…\"' telling the case officer what is wrong and what to do; findings show the "
                        "title until then");
            if (!r.source)
                warning(r.id.span, "missing-source", fmt::format("rule {} names no legal or policy source", r.id.text),
                        "add 'source \"…\"', e.g. source \"Förordning (2000:628) 6 §\"");
            if (r.in_force_from && r.in_force_until && r.in_force_until->date < r.in_force_from->date)
                error(r.in_force_span, "empty-in-force",
                      fmt::format("rule {} ends (until {}) before it begins (from {})", r.id.text,
                                  to_string(r.in_force_until->date), to_string(r.in_force_from->date)),
                      "'in force from A until B' needs A <= B");
            if (r.source && r.source->value.empty())
                error(r.source->span, "empty-source", "the source is empty", "name the law, ordinance or report");
            std::set<std::string> tags;
            for (auto& t : r.tags)
                if (!tags.insert(t.text).second) warning(t.span, "duplicate-tag", fmt::format("tag '{}' is given twice", t.text), "remove the repeated tag");
            if (r.when) expect_bool(*r.when, "'when'");
            std::size_t vars = scope_.size();
            for (auto& fe : r.for_each) {
                int t = check_expr(fe.collection);
                int element = Schema::error_type;
                if (t != Schema::error_type) {
                    if (s_.type(t).kind != TypeKind::list)
                        error(fe.collection.span, "for-each-not-list",
                              fmt::format("'for each' needs a list, but this is {}", describe(t)),
                              "iterate over a list field, e.g. for each a in plan.aktiviteter");
                    else
                        element = s_.type(t).element;
                }
                declare(fe.variable, element);
                if (fe.where) expect_bool(*fe.where, "'where'");
            }
            if (r.require) expect_bool(*r.require, "'require'");
            if (r.at) check_path(*r.at);
            if (r.due) {
                int t = check_expr(*r.due);
                if (t != Schema::error_type && t != Schema::date_type)
                    error(r.due->span, "type-mismatch", fmt::format("'due' needs a date, but this is {}", describe(t)),
                          "e.g. due plan.sokande.inskrivningsdatum + 30 days");
            }
            if (r.if_missing && r.if_missing == ast::MissingPolicy::report) {
                // unreachable: the grammar has no 'if missing report'
            }
            if (r.message) check_template(*r.message, r.sensitive);
            scope_.resize(vars);
            scope_.clear();
        }
    }

    // A message's interpolations: each shows one value. In a rule that goes to every audience,
    // a field that can hold a sensitive code, shown as it is, gets a warning: for other audiences
    // than Arbetsförmedlingen the message shows a neutral word there (label(…) is the way to show
    // a code, and says as much in the reference).
    void check_template(const ast::StringTemplate& t, bool sensitive_rule) {
        for (auto& seg : t.segments) {
            if (!seg.is_expr) continue;
            int ty = check_expr(seg.expr);
            if (ty == Schema::error_type) continue;
            if (const FieldInfo* f = field_of(seg.expr); f && f->codes >= 0 && !sensitive_rule) {
                const auto& list = s_.code_lists[static_cast<std::size_t>(f->codes)];
                std::string codes;
                for (const auto& c : list.codes)
                    if (c.sensitive) codes += (codes.empty() ? "" : ", ") + c.code;
                if (!codes.empty())
                    warning(seg.expr.span, "sensitive-code-in-message",
                            fmt::format("{} can hold a sensitive code ({}): reports for municipalities and providers "
                                        "show \"{}\" in its place",
                                        f->name, codes, redacted_text),
                            fmt::format("show the code's label instead: {{label({})}}",
                                        p_.files[static_cast<std::size_t>(file_)].source->slice(seg.expr.span)));
            }
            auto k = s_.type(ty).kind;
            if (k == TypeKind::record || k == TypeKind::list)
                error(seg.expr.span, "unprintable", fmt::format("a message cannot show {}", describe(ty)),
                      k == TypeKind::list ? "show one value, e.g. {count(plan.aktiviteter)}"
                                          : "show one of its fields, e.g. {a.id}");
        }
    }

    void check_path(const Expr& e) {
        const Expr* x = &e;
        while (x->kind == ExprKind::member) x = &x->children[0];
        if (x->kind != ExprKind::name) {
            error(e.span, "at-not-path", "'at' needs a field path",
                  "write the field the finding points at, e.g. at plan.stodbehov or at a.motivering");
            return;
        }
        // the path starts at the root or at a variable, not at a define
        if (!in_scope(x->text) && (s_.root_name.empty() || x->text != s_.root_name) && find_define(x->text) >= 0) {
            error(e.span, "at-not-path", fmt::format("'at' needs a field path, but '{}' is a define", x->text),
                  "write the path itself: it starts at the plan or at a 'for each' variable, e.g. at plan.stodbehov");
            return;
        }
        check_expr(e);
    }

    bool in_scope(std::string_view name) const {
        for (auto& v : scope_)
            if (v.name == name) return true;
        return false;
    }

    void declare(const ast::Name& n, int type) {
        if (n.text == s_.root_name)
            error(n.span, "shadows-root", fmt::format("'{}' is the name of the plan", n.text), "choose another name");
        for (auto& v : scope_)
            if (v.name == n.text)
                error(n.span, "shadows-variable", fmt::format("'{}' is already in use here", n.text),
                      "choose another name");
        scope_.push_back(Var{n.text, type});
    }

    void check_overrides() {
        std::vector<std::string> ids;
        for (auto& r : p_.rules) ids.push_back(r.id());
        for (auto& o : p_.overrides) {
            file_ = o.file;
            ruleset_ = o.ruleset;
            const auto& d = *o.decl;
            auto& rs = p_.rulesets[static_cast<std::size_t>(o.ruleset)];
            int target = p_.find_rule(d.target.text);
            if (target < 0) {
                if (broken(d.target.text)) continue;
                error(d.target.span, "unknown-rule", fmt::format("override of unknown rule '{}'", d.target.text),
                      did_you_mean(d.target.text, ids));
                continue;
            }
            o.target = target;
            auto& t = p_.rules[static_cast<std::size_t>(target)];
            if (t.ruleset == o.ruleset) {
                error(d.target.span, "override-own-rule",
                      fmt::format("rule {} belongs to this rule set; change it directly", d.target.text),
                      "'override' changes a rule of a rule set this one extends");
                continue;
            }
            if (t.ruleset < 0) {
                // the rule itself is rule-outside-ruleset: no rule set can extend it
                error(d.target.span, "override-not-extended",
                      fmt::format("rule {} belongs to no rule set, so '{}' cannot extend it", d.target.text, rs.name),
                      "override only rules of a rule set this one extends");
                continue;
            }
            if (std::find(rs.ancestors.begin(), rs.ancestors.end(), t.ruleset) == rs.ancestors.end()) {
                error(d.target.span, "override-not-extended",
                      fmt::format("rule {} belongs to rule set '{}', which '{}' does not extend", d.target.text,
                                  p_.rulesets[static_cast<std::size_t>(t.ruleset)].name, rs.name),
                      fmt::format("add 'extends {}' to the rule set header",
                                  p_.rulesets[static_cast<std::size_t>(t.ruleset)].name));
                continue;
            }
            for (int other : rs.overrides) {
                auto& oo = p_.overrides[static_cast<std::size_t>(other)];
                if (&oo == &o) break;
                if (oo.decl->target.text == d.target.text) {
                    error(d.target.span, "duplicate-override",
                          fmt::format("rule {} is overridden twice in this rule set", d.target.text),
                          "merge the two overrides");
                    note(oo.file, oo.decl->target.span, "the first override is here");
                }
            }
            if (!d.severity && !d.disabled && !d.message)
                error(d.target.span, "empty-override", fmt::format("the override of {} changes nothing", d.target.text),
                      "add 'severity error|warning|info', 'message \"…\"' or 'disabled'");
            const ast::RuleDecl& td = *t.decl;
            if (td.mandatory) {
                if (d.disabled)
                    error(d.disabled_span, "relaxes-mandatory",
                          fmt::format("rule {} is mandatory and cannot be disabled", d.target.text),
                          "a rule set may tighten a mandatory rule but never disable or relax it");
                if (d.severity && td.severity && *d.severity < *td.severity)
                    error(d.severity_span, "relaxes-mandatory",
                          fmt::format("rule {} is mandatory; its severity cannot be lowered from {} to {}",
                                      d.target.text, ast::to_string(*td.severity), ast::to_string(*d.severity)),
                          "a rule set may tighten a mandatory rule (raise its severity) but never relax it");
            }
            if (d.severity && td.severity && *d.severity == *td.severity)
                warning(d.severity_span, "override-no-change",
                        fmt::format("rule {} already has severity {}", d.target.text, ast::to_string(*d.severity)),
                        "remove the severity line of the override");
            if (d.message) {
                // The override's message is interpolated in the scope of the rule it replaces.
                int saved_ruleset = ruleset_;
                ruleset_ = t.ruleset;
                scope_.clear();
                for (auto& fe : td.for_each) {
                    int ty = fe.collection.type_id >= 0 ? fe.collection.type_id : Schema::error_type;
                    int el = ty != Schema::error_type && s_.type(ty).kind == TypeKind::list ? s_.type(ty).element
                                                                                           : Schema::error_type;
                    scope_.push_back(Var{fe.variable.text, el});
                }
                check_template(*d.message, td.sensitive);
                scope_.clear();
                ruleset_ = saved_ruleset;
            }
        }
    }

    void check_tests() {
        std::vector<std::string> ids;
        for (auto& r : p_.rules) ids.push_back(r.id());
        for (auto& t : p_.tests) {
            file_ = t.file;
            const auto& d = *t.decl;
            if (!d.plan_path && !d.plan_inline)
                error(d.name.span, "test-without-plan", "the test has no plan",
                      "add 'plan \"file.json\"' or an inline plan: plan { … }");
            if (d.expectations.empty())
                error(d.name.span, "test-without-expect", "the test expects nothing",
                      "add 'expect RULE', 'expect no RULE', 'expect only RULE, …' or 'expect nothing'");
            if (d.audience && !parse_audience(d.audience->text))
                error(d.audience->span, "unknown-audience", fmt::format("unknown audience '{}'", d.audience->text),
                      did_you_mean(d.audience->text, {"af", "kommun", "leverantor"}).empty()
                          ? "the audiences are af, kommun and leverantor"
                          : did_you_mean(d.audience->text, {"af", "kommun", "leverantor"}));
            if (!d.as_of)
                warning(d.name.span, "test-without-date", "the test gives no evaluation date",
                        "add 'as of YYYY-MM-DD' so that the test gives the same result every day");
            if (d.plan_inline) {  // the JSON is checked here, not only when the test runs
                const auto& src = p_.files[static_cast<std::size_t>(t.file)].source;
                if (auto bad = json::check_syntax(src->slice(*d.plan_inline))) {
                    const auto at = static_cast<std::uint32_t>(d.plan_inline->begin + bad->offset);
                    error({at, std::min(at + 1, d.plan_inline->end)}, "invalid-json",
                          "the test's plan is not valid JSON: " + bad->message, bad->help);
                }
            }
            if (d.plan_path) {
                namespace fs = std::filesystem;
                const auto& src = p_.files[static_cast<std::size_t>(t.file)].source;
                fs::path base = fs::path(src->name()).parent_path();
                std::error_code ec;
                if (!fs::is_regular_file(base / d.plan_path->value, ec))
                    error(d.plan_path->span, "plan-not-found",
                          fmt::format("plan file '{}' not found", d.plan_path->value),
                          "the path is relative to the folder of this file");
            }
            for (auto& e : d.expectations) {
                for (auto& r : e.rules)
                    if (p_.find_rule(r.text) < 0 && !broken(r.text))
                        error(r.span, "unknown-rule", fmt::format("unknown rule '{}'", r.text), did_you_mean(r.text, ids));
                if (e.pointer && !e.pointer->value.empty() && e.pointer->value[0] != '/')
                    error(e.pointer->span, "bad-pointer", fmt::format("'{}' is not a JSON pointer", e.pointer->value),
                          "JSON pointers start with '/', e.g. \"/aktiviteter/0/motivering\"");
            }
        }
    }

    // ------------------------------------------------------------ expressions

    std::string describe(int type) const {
        const Type& t = s_.type(type);
        if (t.kind == TypeKind::record || t.kind == TypeKind::enumeration || t.kind == TypeKind::list)
            return fmt::format("{} ({})", article_type(t.kind), s_.name(type));
        return article_type(t.kind);
    }

    bool numeric(int t) const {
        auto k = s_.type(t).kind;
        return k == TypeKind::integer || k == TypeKind::decimal;
    }
    bool is_error(int t) const { return t == Schema::error_type; }

    void expect_bool(const Expr& e, const char* where) {
        int t = check_expr(e);
        if (is_error(t) || t == Schema::bool_type) return;
        std::string help = "compare it with something, e.g. plan.senast_reviderad <= today";
        if (s_.type(t).kind == TypeKind::string) help = "to test that a text is filled in, write not blank(…)";
        if (s_.type(t).kind == TypeKind::list) help = "to test that a list has elements, write count(…) > 0";
        error(e.span, "not-a-condition", fmt::format("{} needs a condition (true or false), but this is {}", where, describe(t)),
              help);
    }

    int set(const Expr& e, int type) {
        e.type_id = type;
        return type;
    }

    // Can a value of type `from` stand where `to` is expected?
    bool assignable(int from, int to) const {
        if (from == to || is_error(from) || is_error(to) || from == Schema::any_type || to == Schema::any_type)
            return true;
        const Type& f = s_.type(from);
        const Type& t = s_.type(to);
        if (f.kind == TypeKind::integer && t.kind == TypeKind::decimal) return true;
        if (f.kind == TypeKind::list && t.kind == TypeKind::list) return assignable(f.element, t.element);
        // enum codes are strings
        if (f.kind == TypeKind::enumeration && t.kind == TypeKind::string) return true;
        return false;
    }

    // Types that can be compared with ==; checks string literals against enums and code lists.
    bool comparable(const Expr& a, int ta, const Expr& b, int tb) {
        if (is_error(ta) || is_error(tb)) return true;
        check_code_literal(a, b);
        check_code_literal(b, a);
        const Type& x = s_.type(ta);
        const Type& y = s_.type(tb);
        if (ta == tb) return true;
        if (numeric(ta) && numeric(tb)) return true;
        if (x.kind == TypeKind::any || y.kind == TypeKind::any) return true;
        if (x.kind == TypeKind::enumeration && y.kind == TypeKind::string) return check_enum_literal(x.decl, b), true;
        if (y.kind == TypeKind::enumeration && x.kind == TypeKind::string) return check_enum_literal(y.decl, a), true;
        return types_comparable(ta, tb);
    }

    // Comparability by type alone: lists compare element by element, and the empty
    // list `[]` (list<any>) compares with every list.
    bool types_comparable(int ta, int tb) const {
        if (ta == tb || is_error(ta) || is_error(tb)) return true;
        if (numeric(ta) && numeric(tb)) return true;
        const Type& x = s_.type(ta);
        const Type& y = s_.type(tb);
        if (x.kind == TypeKind::any || y.kind == TypeKind::any) return true;
        if ((x.kind == TypeKind::enumeration && y.kind == TypeKind::string) ||
            (y.kind == TypeKind::enumeration && x.kind == TypeKind::string))
            return true;
        if (x.kind == TypeKind::list && y.kind == TypeKind::list) return types_comparable(x.element, y.element);
        return false;
    }

    // The schema's field that a member expression reads (plan.sokande.kommun, a.typ), or null.
    const FieldInfo* field_of(const Expr& e) const {
        if (e.kind != ExprKind::member || e.children.empty()) return nullptr;
        return s_.field(e.children[0].type_id, e.resolved);
    }

    // A string literal compared with a field of a code list (or a list of such codes) should be
    // one of its codes: the list is open, so another code is no error, but a misspelt one makes
    // the comparison silently false. A sensitive code is marked for the compiler: a rule that
    // compares with it reads sensitive data.
    void check_code_literal(const Expr& field, const Expr& lit) {
        if (lit.kind != ExprKind::string) return;
        const FieldInfo* f = field_of(field);
        if (!f || f->codes < 0) return;
        const auto& list = s_.code_lists[static_cast<std::size_t>(f->codes)];
        if (const CodeInfo* code = list.find(lit.text)) {
            lit.sensitive_code = code->sensitive;
            return;
        }
        std::vector<std::string> codes;
        for (const auto& c : list.codes) codes.push_back(c.code);
        std::string help = did_you_mean(lit.text, codes);
        if (help.empty()) {
            std::string all;
            for (const auto& c : codes) all += (all.empty() ? "" : ", ") + c;
            help = fmt::format("the codes of {} are: {}", list.name, all);
        }
        warning(lit.span, "unknown-code",
                fmt::format("\"{}\" is not a code of {} (the field {}): the comparison holds only for plans with that "
                            "very code",
                            lit.text, list.name, f->name),
                help);
    }

    // A string literal compared with an enum must be one of its values.
    void check_enum_literal(int enum_index, const Expr& lit) {
        if (lit.kind != ExprKind::string) return;
        auto& en = s_.enums[static_cast<std::size_t>(enum_index)];
        if (en.code(lit.text) >= 0) return;
        std::string help = did_you_mean(lit.text, en.values);
        if (help.empty()) {
            std::string all;
            for (auto& v : en.values) all += (all.empty() ? "" : ", ") + v;
            help = fmt::format("the values of {} are: {}", en.name, all);
        }
        error(lit.span, "unknown-enum-value", fmt::format("\"{}\" is not a value of {}", lit.text, en.name), help);
    }

    std::string comparison_help(int ta, int tb) const {
        auto ka = s_.type(ta).kind, kb = s_.type(tb).kind;
        if ((ka == TypeKind::date && kb == TypeKind::string) || (kb == TypeKind::date && ka == TypeKind::string))
            return "write dates without quotes: 2022-12-01";
        if ((ka == TypeKind::date && kb == TypeKind::integer) || (kb == TypeKind::date && ka == TypeKind::integer))
            return "write dates as YYYY-MM-DD; to compare a number of days, use days_between(a, b)";
        if ((ka == TypeKind::date && kb == TypeKind::duration) || (kb == TypeKind::date && ka == TypeKind::duration))
            return "add the duration to a date first, e.g. plan.upprattad_datum + 6 months";
        if (ka == TypeKind::boolean || kb == TypeKind::boolean) return "a condition is already true or false; use it directly";
        return {};
    }

    int check_expr(const Expr& e) {
        switch (e.kind) {
            case ExprKind::string: return set(e, Schema::string_type);
            case ExprKind::integer: return set(e, Schema::int_type);
            case ExprKind::decimal: return set(e, Schema::decimal_type);
            case ExprKind::boolean: return set(e, Schema::bool_type);
            case ExprKind::date: return set(e, Schema::date_type);
            case ExprKind::duration: return set(e, Schema::duration_type);
            case ExprKind::today: return set(e, Schema::date_type);
            case ExprKind::name: return set(e, check_name(e));
            case ExprKind::list: return set(e, check_list(e));
            case ExprKind::member: return set(e, check_member(e));
            case ExprKind::call: return set(e, check_call(e));
            case ExprKind::unary: return set(e, check_unary(e));
            case ExprKind::binary: return set(e, check_binary(e));
            case ExprKind::conditional: return set(e, check_conditional(e));
            case ExprKind::aggregate: return set(e, check_aggregate(e));
            case ExprKind::exists: return set(e, check_exists(e));
        }
        return set(e, Schema::error_type);
    }

    std::vector<std::string> names_in_scope() const {
        std::vector<std::string> v;
        for (auto& var : scope_) v.push_back(var.name);
        if (!s_.root_name.empty()) v.push_back(s_.root_name);
        for (auto& d : p_.defines)
            if (visible_in(d.ruleset, ruleset_)) v.push_back(d.decl->name.text);
        return v;
    }

    int check_name(const Expr& e) {
        for (std::size_t i = scope_.size(); i-- > 0;) {
            if (scope_[i].name == e.text) {
                e.binding = ast::Binding::variable;
                e.resolved = static_cast<int>(i);
                return scope_[i].type;
            }
        }
        if (!s_.root_name.empty() && e.text == s_.root_name) {
            e.binding = ast::Binding::root;
            return s_.root_type;
        }
        if (int d = find_define(e.text); d >= 0) {
            auto& def = p_.defines[static_cast<std::size_t>(d)];
            e.binding = ast::Binding::define;
            e.resolved = d;
            if (def.decl->has_params) {
                error(e.span, "define-needs-arguments",
                      fmt::format("'{}' takes {} argument(s)", e.text, def.decl->params.size()),
                      fmt::format("call it: {}(…)", e.text));
                return Schema::error_type;
            }
            return def.type;
        }
        if (find_builtin(e.text) >= 0) {
            error(e.span, "function-without-call", fmt::format("'{}' is a function", e.text),
                  builtin_signature(static_cast<Builtin>(find_builtin(e.text))));
            return Schema::error_type;
        }
        if (broken(e.text)) return Schema::error_type;
        std::string help = did_you_mean(e.text, names_in_scope());
        if (help.empty() && s_.root_type >= 0 && s_.type(s_.root_type).kind == TypeKind::record &&
            s_.records[static_cast<std::size_t>(s_.type(s_.root_type).decl)].slot(e.text) >= 0)
            help = fmt::format("fields of the plan are read through '{}': {}.{}", s_.root_name, s_.root_name, e.text);
        if (help.empty() && s_.root_name.empty())
            help = "no schema is loaded: add 'schema \"….schema\"' to the rule set header";
        error(e.span, "unknown-name", fmt::format("unknown name '{}'", e.text), help);
        return Schema::error_type;
    }

    // A mixed list is reported once, at its first odd element, and has the error type, so
    // that where it is used ('in', an argument) it is not reported again.
    int check_list(const Expr& e) {
        int element = Schema::any_type;
        bool mixed = false;
        for (auto& c : e.children) {
            int t = check_expr(c);
            if (is_error(t) || mixed) continue;
            if (element == Schema::any_type) {
                element = t;
            } else if (assignable(t, element)) {
                // keep
            } else if (assignable(element, t)) {
                element = t;  // int widened to decimal
            } else {
                error(c.span, "mixed-list", fmt::format("a list of {} cannot also hold {}", describe(element), describe(t)),
                      "all elements of a list have the same type");
                mixed = true;
            }
        }
        return mixed ? Schema::error_type : s_.list_of(element);
    }

    int check_member(const Expr& e) {
        int t = check_expr(e.children[0]);
        if (is_error(t)) return t;
        const Type& ty = s_.type(t);
        if (ty.kind == TypeKind::list) {
            error(e.name.span, "member-of-list",
                  fmt::format("'{}' is read from a list ({}); a list has no fields", e.name.text, s_.name(t)),
                  "use 'for each x in …' in the rule, or any(x in … where …) in the expression");
            return Schema::error_type;
        }
        if (ty.kind != TypeKind::record) {
            error(e.name.span, "member-of-non-record",
                  fmt::format("{} has no field '{}'", describe(t), e.name.text), {});
            return Schema::error_type;
        }
        auto& rec = s_.records[static_cast<std::size_t>(ty.decl)];
        int slot = rec.slot(e.name.text);
        if (slot < 0) {
            std::vector<std::string> fields;
            for (auto& f : rec.fields) fields.push_back(f.name);
            error(e.name.span, "unknown-field", fmt::format("unknown field '{}' in {}", e.name.text, rec.name),
                  did_you_mean(e.name.text, fields));
            return Schema::error_type;
        }
        e.resolved = slot;
        return rec.fields[static_cast<std::size_t>(slot)].type;
    }

    int check_unary(const Expr& e) {
        int t = check_expr(e.children[0]);
        if (is_error(t)) return t;
        if (e.op == Op::op_not) {
            if (t != Schema::bool_type) {
                error(e.children[0].span, "type-mismatch", fmt::format("'not' needs a condition, but this is {}", describe(t)),
                      s_.type(t).kind == TypeKind::string ? "to test for an empty text, write blank(…)" : "");
                return Schema::error_type;
            }
            return Schema::bool_type;
        }
        if (numeric(t) || t == Schema::duration_type) return t;
        error(e.children[0].span, "type-mismatch", fmt::format("'-' needs a number, but this is {}", describe(t)), {});
        return Schema::error_type;
    }

    int check_binary(const Expr& e) {
        const Expr& a = e.children[0];
        const Expr& b = e.children[1];
        int ta = check_expr(a);
        int tb = check_expr(b);
        auto mismatch = [&](std::string msg, std::string help = {}) {
            error(e.span, "type-mismatch", std::move(msg), std::move(help));
            return Schema::error_type;
        };
        switch (e.op) {
            case Op::op_and:
            case Op::op_or: {
                bool ok = true;
                for (auto [x, t] : {std::pair{&a, ta}, std::pair{&b, tb}}) {
                    if (!is_error(t) && t != Schema::bool_type) {
                        error(x->span, "type-mismatch",
                              fmt::format("'{}' needs conditions on both sides, but this is {}", ast::to_string(e.op), describe(t)),
                              s_.type(t).kind == TypeKind::string ? "to test that a text is filled in, write not blank(…)" : "");
                        ok = false;
                    }
                }
                return ok ? Schema::bool_type : Schema::error_type;
            }
            case Op::eq:
            case Op::ne:
                if (!comparable(a, ta, b, tb))
                    return mismatch(fmt::format("cannot compare {} with {}", describe(ta), describe(tb)), comparison_help(ta, tb));
                return Schema::bool_type;
            case Op::lt:
            case Op::le:
            case Op::gt:
            case Op::ge: {
                if (is_error(ta) || is_error(tb)) return Schema::bool_type;
                bool ok = (numeric(ta) && numeric(tb)) || (ta == tb && (ta == Schema::date_type || ta == Schema::string_type));
                if (!ok) {
                    if (ta == tb && ta == Schema::duration_type)
                        return mismatch("durations cannot be ordered (a month has 28 to 31 days)",
                                        "compare dates instead: a + 6 months <= b");
                    return mismatch(fmt::format("cannot order {} and {} with '{}'", describe(ta), describe(tb), ast::to_string(e.op)),
                                    comparison_help(ta, tb));
                }
                return Schema::bool_type;
            }
            case Op::in:
            case Op::not_in: {
                if (is_error(ta) || is_error(tb)) return Schema::bool_type;
                if (s_.type(tb).kind != TypeKind::list)
                    return mismatch(fmt::format("'{}' needs a list on its right, but this is {}", ast::to_string(e.op), describe(tb)),
                                    "write a list in brackets: x in [\"planerad\", \"pagaende\"]");
                int el = s_.type(tb).element;
                if (b.kind == ExprKind::list) {
                    bool ok = true;
                    for (auto& item : b.children) ok = comparable(a, ta, item, item.type_id) && ok;
                    if (!ok)
                        return mismatch(fmt::format("cannot look for {} in {}", describe(ta), describe(tb)), comparison_help(ta, el));
                } else if (!comparable(a, ta, b, el)) {
                    return mismatch(fmt::format("cannot look for {} in {}", describe(ta), describe(tb)), comparison_help(ta, el));
                }
                return Schema::bool_type;
            }
            case Op::add: {
                if (is_error(ta) || is_error(tb)) return Schema::error_type;
                if (numeric(ta) && numeric(tb)) return ta == tb ? ta : Schema::decimal_type;
                if (ta == Schema::date_type && tb == Schema::duration_type) return Schema::date_type;
                if (ta == Schema::duration_type && tb == Schema::date_type) return Schema::date_type;
                if (ta == Schema::duration_type && tb == Schema::duration_type) return Schema::duration_type;
                if (ta == Schema::string_type && tb == Schema::string_type) return Schema::string_type;
                if (ta == Schema::date_type && tb == Schema::int_type)
                    return mismatch("cannot add a number to a date", "say what the number counts: plan.upprattad_datum + 30 days");
                if (ta == Schema::date_type && tb == Schema::date_type)
                    return mismatch("cannot add two dates", "to count the days between them, use days_between(a, b)");
                return mismatch(fmt::format("cannot add {} and {}", describe(ta), describe(tb)), {});
            }
            case Op::sub: {
                if (is_error(ta) || is_error(tb)) return Schema::error_type;
                if (numeric(ta) && numeric(tb)) return ta == tb ? ta : Schema::decimal_type;
                if (ta == Schema::date_type && tb == Schema::duration_type) return Schema::date_type;
                if (ta == Schema::duration_type && tb == Schema::duration_type) return Schema::duration_type;
                if (ta == Schema::date_type && tb == Schema::date_type)
                    return mismatch("cannot subtract a date from a date",
                                    "to count the days between them, use days_between(a, b); months: months_between(a, b)");
                if (ta == Schema::date_type && tb == Schema::int_type)
                    return mismatch("cannot subtract a number from a date", "say what the number counts: today - 30 days");
                return mismatch(fmt::format("cannot subtract {} from {}", describe(tb), describe(ta)), {});
            }
            case Op::mul:
            case Op::div:
            case Op::mod: {
                if (is_error(ta) || is_error(tb)) return Schema::error_type;
                if (numeric(ta) && numeric(tb)) {
                    if (e.op == Op::mod && (ta != Schema::int_type || tb != Schema::int_type))
                        return mismatch("'%' needs whole numbers", {});
                    return ta == tb ? ta : Schema::decimal_type;
                }
                return mismatch(fmt::format("'{}' needs numbers, but these are {} and {}", ast::to_string(e.op), describe(ta), describe(tb)),
                                ta == Schema::duration_type || tb == Schema::duration_type
                                    ? "write the duration directly, e.g. 6 months instead of 2 * 3 months"
                                    : "");
            }
            default: break;
        }
        return Schema::error_type;
    }

    int check_conditional(const Expr& e) {
        expect_bool(e.children[0], "'if'");
        int a = check_expr(e.children[1]);
        int b = check_expr(e.children[2]);
        if (is_error(a)) return b;
        if (is_error(b)) return a;
        if (assignable(b, a)) return a;
        if (assignable(a, b)) return b;
        error(e.span, "type-mismatch",
              fmt::format("'then' gives {} but 'else' gives {}", describe(a), describe(b)),
              "both branches must give the same type");
        return Schema::error_type;
    }

    // Type of the elements of an aggregate's source, or error.
    int element_type(const Expr& source, const char* what) {
        int t = check_expr(source);
        if (is_error(t)) return t;
        if (s_.type(t).kind != TypeKind::list) {
            error(source.span, "not-a-list", fmt::format("{} needs a list, but this is {}", what, describe(t)),
                  "e.g. plan.aktiviteter");
            return Schema::error_type;
        }
        return s_.type(t).element;
    }

    int check_exists(const Expr& e) {
        int el = element_type(e.source(), "'exists'");
        std::size_t mark = scope_.size();
        declare(e.name, el);
        if (auto* w = e.where()) expect_bool(*w, "'where'");
        scope_.resize(mark);
        return Schema::bool_type;
    }

    int check_aggregate(const Expr& e) {
        const char* name = ast::to_string(e.aggregate);
        bool binder = !e.name.text.empty();
        using Aggregate = ast::AggregateKind;
        // min(a, b, …) / max(a, b, …) over single values
        if (!binder && e.children.size() > 1) {
            if (e.aggregate != Aggregate::min && e.aggregate != Aggregate::max) {
                error(e.span, "aggregate-arguments", fmt::format("{}(…) takes one list", name),
                      fmt::format("write {}(x in list where …)", name));
                return Schema::error_type;
            }
            int result = Schema::error_type;
            for (auto& c : e.children) {
                int t = check_expr(c);
                if (is_error(t)) continue;
                if (!(numeric(t) || t == Schema::date_type || t == Schema::string_type)) {
                    error(c.span, "type-mismatch", fmt::format("{}(…) compares numbers, dates or strings, not {}", name, describe(t)));
                    continue;
                }
                if (is_error(result)) result = t;
                else if (assignable(t, result)) {
                } else if (assignable(result, t)) result = t;
                else error(c.span, "type-mismatch", fmt::format("{}(…) cannot compare {} with {}", name, describe(result), describe(t)));
            }
            return result;
        }
        int el = element_type(e.source(), fmt::format("{}(…)", name).c_str());
        std::size_t mark = scope_.size();
        if (binder) declare(e.name, el);
        if (auto* w = e.where()) expect_bool(*w, "'where'");
        int value = el;  // the values aggregated
        if (auto* proj = e.projection()) value = check_expr(*proj);
        scope_.resize(mark);
        if (is_error(value) && e.aggregate != Aggregate::count) return Schema::error_type;
        switch (e.aggregate) {
            case Aggregate::count:
                if (e.has_projection)
                    error(e.span, "aggregate-arguments", "count(…) counts elements; it takes no 'for'",
                          "write count(x in list where condition)");
                return Schema::int_type;
            case Aggregate::all:
            case Aggregate::any:
                if (e.has_projection) {
                    if (value != Schema::bool_type)
                        error(e.projection()->span, "not-a-condition", fmt::format("{}(…) needs conditions", name));
                } else if (binder && !e.has_where) {
                    error(e.span, "aggregate-needs-where", fmt::format("{}(x in list) needs a condition", name),
                          fmt::format("write {}(x in list where condition)", name));
                } else if (!binder && value != Schema::bool_type) {
                    error(e.source().span, "not-a-condition",
                          fmt::format("{}(…) of a list of {} needs a condition", name, s_.name(value)),
                          fmt::format("write {}(x in list where condition)", name));
                }
                return Schema::bool_type;
            case Aggregate::sum:
                if (binder && !e.has_projection) {
                    error(e.span, "aggregate-needs-value", "sum(…) needs the values to add",
                          "write sum(x.n for x in list where condition)");
                    return Schema::error_type;
                }
                if (!numeric(value) && value != Schema::duration_type) {
                    error(e.span, "type-mismatch", fmt::format("sum(…) adds numbers, not {}", describe(value)),
                          "write sum(x.n for x in list)");
                    return Schema::error_type;
                }
                return value;
            case Aggregate::min:
            case Aggregate::max:
                if (!(numeric(value) || value == Schema::date_type || value == Schema::string_type)) {
                    error(e.span, "type-mismatch",
                          fmt::format("{}(…) compares numbers, dates or strings, not {}", name, describe(value)),
                          fmt::format("write {}(x.field for x in list)", name));
                    return Schema::error_type;
                }
                return value;
        }
        return Schema::error_type;
    }

    int check_call(const Expr& e) {
        const std::string& fn = e.name.text;
        std::vector<int> args;
        for (auto& c : e.children) args.push_back(check_expr(c));
        // user defines with parameters
        if (int d = find_define(fn); d >= 0) {
            auto& def = p_.defines[static_cast<std::size_t>(d)];
            e.binding = ast::Binding::define;
            e.resolved = d;
            if (!def.decl->has_params) {
                error(e.span, "not-a-function", fmt::format("'{}' takes no arguments", fn), fmt::format("write {} without parentheses", fn));
                return Schema::error_type;
            }
            if (args.size() != def.decl->params.size()) {
                error(e.span, "wrong-argument-count",
                      fmt::format("'{}' takes {} argument(s), not {}", fn, def.decl->params.size(), args.size()));
                return Schema::error_type;
            }
            // parameter types are known once the define is checked (defines are checked first)
            for (std::size_t i = 0; i < args.size() && i < def.param_types.size(); ++i)
                if (!assignable(args[i], def.param_types[i]))
                    error(e.children[i].span, "type-mismatch",
                          fmt::format("argument {} of '{}' must be {}, but this is {}", i + 1, fn, describe(def.param_types[i]),
                                      describe(args[i])));
            return def.type;
        }
        int b = find_builtin(fn);
        if (b < 0 && broken(fn)) return Schema::error_type;
        if (b < 0) {
            std::vector<std::string> candidates = builtin_names();
            for (auto& d : p_.defines)
                if (d.decl->has_params && visible_in(d.ruleset, ruleset_)) candidates.push_back(d.decl->name.text);
            candidates.insert(candidates.end(), {"count", "all", "any", "sum", "min", "max"});
            error(e.name.span, "unknown-function", fmt::format("unknown function '{}'", fn), did_you_mean(fn, candidates));
            return Schema::error_type;
        }
        e.binding = ast::Binding::builtin;
        e.resolved = b;
        auto builtin = static_cast<Builtin>(b);
        const builtins::Builtin& def = builtins::get(builtin);
        if (args.size() != def.arity) {
            error(e.span, "wrong-argument-count",
                  fmt::format("'{}' takes {} argument(s), not {}", fn, def.arity, args.size()), builtin_signature(builtin));
            return Schema::error_type;
        }
        auto want = [&](std::size_t i, int type, const char* what) {
            if (is_error(args[i]) || assignable(args[i], type)) return true;
            error(e.children[i].span, "type-mismatch",
                  fmt::format("'{}' needs {} here, but this is {}", fn, what, describe(args[i])), builtin_signature(builtin));
            return false;
        };
        bool failed = false;  // an argument that leaves the result's type unknown
        for (std::size_t i = 0; i < args.size(); ++i) {
            switch (def.params[i]) {
                case builtins::Param::any: break;
                case builtins::Param::string: want(i, Schema::string_type, "a string"); break;
                case builtins::Param::date: want(i, Schema::date_type, "a date"); break;
                case builtins::Param::decimal: want(i, Schema::decimal_type, "a number"); break;
                case builtins::Param::number:
                    if (!is_error(args[i]) && !numeric(args[i])) {
                        want(i, Schema::decimal_type, "a number");
                        failed = true;
                    }
                    break;
                case builtins::Param::string_or_list:
                    if (!is_error(args[i]) && s_.type(args[i]).kind != TypeKind::list)
                        want(i, Schema::string_type, "a string or a list");
                    break;
                case builtins::Param::part:  // what to look for in the argument before
                    if (is_error(args[i - 1])) break;  // list or string unknown: nothing to check the part against
                    if (s_.type(args[i - 1]).kind == TypeKind::list) {
                        if (!comparable(e.children[i - 1], s_.type(args[i - 1]).element, e.children[i], args[i]))
                            error(e.children[i].span, "type-mismatch",
                                  fmt::format("cannot look for {} in {}", describe(args[i]), describe(args[i - 1])));
                    } else {
                        want(i, Schema::string_type, "a string");
                    }
                    break;
                case builtins::Param::format:
                    if (e.children[i].kind != ExprKind::string)
                        error(e.children[i].span, "format-not-literal", "the format must be written as a string in quotes",
                              builtin_signature(builtin));
                    break;
                case builtins::Param::coded: {
                    if (is_error(args[i])) break;
                    const FieldInfo* f = field_of(e.children[i]);
                    if (!f || f->codes < 0 || s_.type(args[i]).kind != TypeKind::string)
                        error(e.children[i].span, "label-needs-codes",
                              fmt::format("'{}' shows the label of a code, but {} is not a field with a code list", fn,
                                          describe(args[i])),
                              "write label(a.typ) for a field declared 'typ: string of CODES'");
                    break;
                }
            }
        }
        switch (def.returns) {
            case builtins::Returns::boolean: return Schema::bool_type;
            case builtins::Returns::integer: return Schema::int_type;
            case builtins::Returns::string: return Schema::string_type;
            case builtins::Returns::first_argument: return failed ? Schema::error_type : args[0];
        }
        return Schema::error_type;
    }
};

}  // namespace

Diagnostics check(Program& program, const Limits& limits) {
    Diagnostics diags;
    Checker(program, limits, diags).run();
    return diags;
}

}  // namespace planrules::check
