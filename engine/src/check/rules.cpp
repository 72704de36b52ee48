// Defines, rules, their messages and paths, and rule tests.

#include "check/context.hpp"

namespace planrules::check::detail_checker {

void Checker::check_defines() {
    // Duplicates within one scope.
    for (std::size_t i = 0; i < p_.defines.size(); ++i) {
        auto& d = p_.defines[i];
        file_ = d.file;
        for (std::size_t j = 0; j < i; ++j) {
            auto& o = p_.defines[j];
            if (o.decl->name.text == d.decl->name.text && o.ruleset == d.ruleset) {
                error(d.decl->name.span, "duplicate-define", tr("'{}' is defined twice", d.decl->name.text),
                      tr("rename one of them"));
                note(o.file, o.decl->name.span, tr("the first definition is here"));
            }
        }
        if (d.decl->name.text == s_.root_name || find_builtin(d.decl->name.text) >= 0)
            error(d.decl->name.span, "define-shadows",
                  tr("'{}' is already the name of {}", d.decl->name.text,
                              d.decl->name.text == s_.root_name ? tr("the plan") : tr("a built-in function")),
                  tr("choose another name"));
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
                          tr("'{}' is defined in terms of itself", d.decl->name.text),
                          tr("a define cannot refer to itself, directly or through other defines"));
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
                      tr("'{}' has two parameters named '{}'", d.decl->name.text, prm.name.text),
                      tr("give each parameter its own name"));
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

void Checker::check_rules() {
    for (auto& info : p_.rules) {
        const ast::RuleDecl& r = *info.decl;
        file_ = info.file;
        ruleset_ = info.ruleset;
        scope_.clear();
        if (r.title.value.empty())
            error(r.title.span, "empty-title", tr("rule {} has an empty title", r.id.text),
                  tr("give the rule a short title that says what it requires"));
        if (!r.severity)
            error(r.id.span, "missing-severity", tr("rule {} has no severity", r.id.text));
        if (!r.require)
            error(r.id.span, "missing-require", tr("rule {} has no 'require'", r.id.text));
        if (!r.message)
            warning(r.id.span, "missing-message", tr("rule {} has no message", r.id.text),
                    tr("add 'message \"…\"' telling the case officer what is wrong and what to do; findings show the "
                    "title until then"));
        if (!r.source)
            warning(r.id.span, "missing-source", tr("rule {} names no legal or policy source", r.id.text),
                    tr("add 'source \"…\"', naming the law, ordinance or report and its section"));
        if (r.in_force_from && r.in_force_until && r.in_force_until->date < r.in_force_from->date)
            error(r.in_force_span, "empty-in-force",
                  tr("rule {} ends (until {}) before it begins (from {})", r.id.text,
                              to_string(r.in_force_until->date), to_string(r.in_force_from->date)),
                  tr("'in force from A until B' needs A <= B"));
        if (r.source && r.source->value.empty())
            error(r.source->span, "empty-source", tr("the source is empty"), tr("name the law, ordinance or report"));
        std::set<std::string> tags;
        for (auto& t : r.tags)
            if (!tags.insert(t.text).second) warning(t.span, "duplicate-tag", tr("tag '{}' is given twice", t.text), tr("remove the repeated tag"));
        if (r.when) {
            loops_ahead_ = &r.for_each;
            expect_bool(*r.when, "'when'");
            loops_ahead_ = nullptr;
        }
        std::size_t vars = scope_.size();
        for (auto& fe : r.for_each) {
            int t = check_expr(fe.collection);
            int element = Schema::error_type;
            if (t != Schema::error_type) {
                if (s_.type(t).kind != TypeKind::list)
                    error(fe.collection.span, "for-each-not-list",
                          tr("'for each' needs a list, but this is {}", describe(t)),
                          tr("iterate over a list field, e.g. for each a in plan.LIST"));
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
                error(r.due->span, "type-mismatch", tr("'due' needs a date, but this is {}", describe(t)),
                      tr("e.g. due plan.FIELD + 30 days"));
        }
        if (r.if_missing && r.if_missing == ast::MissingPolicy::report) {
            // unreachable: the grammar has no 'if missing report'
        }
        if (r.message) check_template(*r.message, r.sensitive);
        scope_.resize(vars);
        scope_.clear();
    }
}

int Checker::check_otherwise(const ast::TemplateSegment& seg) {
    const Expr& e = seg.expr;
    const Expr& value = e.children[0];
    const Expr& fallback = e.children[1];
    const int tv = check_expr(value);
    if (is_error(tv)) return Schema::error_type;
    const int tf = check_expr(fallback);
    if (tv == Schema::bool_type) {  // a condition: the operator `or`
        if (is_error(tf) || tf == Schema::bool_type) return set(e, Schema::bool_type);
        error(fallback.span, "type-mismatch", tr("'or' needs conditions on both sides, but this is {}", describe(tf)), {});
        return Schema::error_type;
    }
    // {X or "saknas"}: X when it is there, else the text
    seg.otherwise = true;
    if (!is_error(tf) && tf != Schema::string_type && tf != tv) {
        error(fallback.span, "type-mismatch",
              tr("what 'or' shows when {} is missing must be a text or {}, but this is {}", source_of(value), describe(tv),
                 describe(tf)),
              tr("write the text in quotes, e.g. {{{} or \"saknas\"}}", source_of(value)));
        return Schema::error_type;
    }
    return set(e, tv);
}

void Checker::check_template(const ast::StringTemplate& t, bool sensitive_rule) {
    for (auto& seg : t.segments) {
        if (!seg.is_expr) continue;
        const bool maybe_otherwise = seg.expr.kind == ExprKind::binary && seg.expr.op == ast::Op::op_or;
        int ty = maybe_otherwise ? check_otherwise(seg) : check_expr(seg.expr);
        if (ty == Schema::error_type) continue;
        const Expr& shown = seg.otherwise ? seg.expr.children[0] : seg.expr;
        if (const FieldInfo* f = field_of(shown); f && f->codes >= 0 && !sensitive_rule) {
            const auto& list = s_.code_lists[static_cast<std::size_t>(f->codes)];
            std::string codes;
            for (const auto& c : list.codes)
                if (c.sensitive) codes += (codes.empty() ? "" : ", ") + c.code;
            if (!codes.empty())
                warning(shown.span, "sensitive-code-in-message",
                        tr("{} can hold a sensitive code ({}): reports for municipalities and providers "
                                    "show \"{}\" in its place",
                                    f->name, codes, redacted_text),
                        tr("show the code's label instead: {{label({})}}",
                                    source_of(shown)));
        }
        auto k = s_.type(ty).kind;
        if (k == TypeKind::record || k == TypeKind::list)
            error(shown.span, "unprintable", tr("a message cannot show {}", describe(ty)),
                  k == TypeKind::list ? tr("show one value, e.g. {{count(plan.LIST)}}")
                                      : tr("show one of its fields, e.g. {{a.id}}"));
    }
}

void Checker::check_path(const Expr& e) {
    const Expr* x = &e;
    while (x->kind == ExprKind::member) x = &x->children[0];
    if (x->kind != ExprKind::name) {
        error(e.span, "at-not-path", tr("'at' needs a field path"),
              tr("write the field the finding points at, e.g. at plan.FIELD or at a.FIELD"));
        return;
    }
    // the path starts at the root or at a variable, not at a define
    if (!in_scope(x->text) && (s_.root_name.empty() || x->text != s_.root_name) && find_define(x->text) >= 0) {
        error(e.span, "at-not-path", tr("'at' needs a field path, but '{}' is a define", x->text),
              tr("write the path itself: it starts at the plan or at a 'for each' variable, e.g. at plan.FIELD"));
        return;
    }
    check_expr(e);
}

bool Checker::in_scope(std::string_view name) const {
    for (auto& v : scope_)
        if (v.name == name) return true;
    return false;
}

void Checker::declare(const ast::Name& n, int type) {
    if (n.text == s_.root_name)
        error(n.span, "shadows-root", tr("'{}' is the name of the plan", n.text), tr("choose another name"));
    for (auto& v : scope_)
        if (v.name == n.text)
            error(n.span, "shadows-variable", tr("'{}' is already in use here", n.text),
                  tr("choose another name"));
    scope_.push_back(Var{n.text, type});
}

void Checker::check_tests() {
    std::vector<std::string> ids;
    for (auto& r : p_.rules) ids.push_back(r.id());
    for (auto& t : p_.tests) {
        file_ = t.file;
        const auto& d = *t.decl;
        if (!d.plan_path && !d.plan_inline)
            error(d.name.span, "test-without-plan", tr("the test has no plan"),
                  tr("add 'plan \"file.json\"' or an inline plan: plan {{ … }}"));
        if (d.expectations.empty())
            error(d.name.span, "test-without-expect", tr("the test expects nothing"),
                  tr("add 'expect RULE', 'expect no RULE', 'expect only RULE, …' or 'expect nothing'"));
        if (d.audience && !parse_audience(d.audience->text))
            error(d.audience->span, "unknown-audience", tr("unknown audience '{}'", d.audience->text),
                  did_you_mean(d.audience->text, {"af", "kommun", "leverantor"}));  // else the code's help
        if (!d.as_of)
            warning(d.name.span, "test-without-date", tr("the test gives no evaluation date"),
                    tr("add 'as of YYYY-MM-DD' so that the test gives the same result every day"));
        if (d.plan_inline) {  // the JSON is checked here, not only when the test runs
            const auto& src = p_.files[static_cast<std::size_t>(t.file)].source;
            if (auto bad = json::check_syntax(src->slice(*d.plan_inline))) {
                const auto at = static_cast<std::uint32_t>(d.plan_inline->begin + bad->offset);
                error({at, std::min(at + 1, d.plan_inline->end)}, "invalid-json",
                      tr("the test's plan is not valid JSON: {}", bad->message), bad->help);
            }
        }
        if (d.plan_path) {
            namespace fs = std::filesystem;
            const auto& src = p_.files[static_cast<std::size_t>(t.file)].source;
            fs::path base = fs::path(src->name()).parent_path();
            std::error_code ec;
            if (!fs::is_regular_file(base / d.plan_path->value, ec))
                error(d.plan_path->span, "plan-not-found",
                      tr("plan file '{}' not found", d.plan_path->value),
                      tr("the path is relative to the folder of this file"));
        }
        for (auto& e : d.expectations) {
            for (auto& r : e.rules)
                if (p_.find_rule(r.text) < 0 && !broken(r.text))
                    error(r.span, "unknown-rule", tr("unknown rule '{}'", r.text), did_you_mean(r.text, ids));
            if (e.pointer && !e.pointer->value.empty() && e.pointer->value[0] != '/')
                error(e.pointer->span, "bad-pointer", tr("'{}' is not a JSON pointer", e.pointer->value),
                      tr("JSON pointers start with '/', e.g. \"/LIST/0/FIELD\""));
        }
    }
}

}  // namespace planrules::check::detail_checker
