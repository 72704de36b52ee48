// Declarations and layering: rule sets and what they extend, what is visible where, overrides.

#include "check/context.hpp"

namespace planrules::check::detail_checker {

void Checker::collect_declarations() {
    for (std::size_t f = 0; f < p_.files.size(); ++f) {
        file_ = static_cast<int>(f);
        int rs = -1;
        bool first = true;
        ast::File& file = p_.files[f].ast;
        for (auto& d : file.decls) {
            // after a rule set header that did not parse: its syntax error is the one diagnostic
            if (file.broken_ruleset && rs < 0) {
                if (auto* r = std::get_if<ast::RuleDecl>(&d)) file.broken_names.push_back(r->id.text);
                if (auto* df = std::get_if<ast::DefineDecl>(&d)) file.broken_names.push_back(df->name.text);
                if (!std::holds_alternative<ast::TestDecl>(d) && !std::holds_alternative<ast::RulesetDecl>(d)) continue;
            }
            if (auto* h = std::get_if<ast::RulesetDecl>(&d)) {
                if (rs >= 0) {
                    error(h->name.span, "second-ruleset",
                          tr("a file can declare only one rule set"), tr("put the second rule set in a file of its own"));
                    continue;
                }
                if (!first)
                    error(h->name.span, "ruleset-not-first", tr("'ruleset' must be the first declaration of the file"),
                          tr("move the 'ruleset' header to the top"));
                if (int other = p_.find_ruleset(h->name.text); other >= 0) {
                    error(h->name.span, "duplicate-ruleset",
                          tr("rule set '{}' is declared twice", h->name.text),
                          tr("give each rule set its own name"));
                    note(p_.rulesets[static_cast<std::size_t>(other)].file,
                         p_.rulesets[static_cast<std::size_t>(other)].decl->name.span, tr("the first declaration is here"));
                }
                RulesetInfo info;
                info.name = h->name.text;
                info.decl = h;
                info.file = file_;
                p_.rulesets.push_back(std::move(info));
                rs = static_cast<int>(p_.rulesets.size() - 1);
            } else if (auto* r = std::get_if<ast::RuleDecl>(&d)) {
                if (rs < 0) {
                    error(r->id.span, "rule-outside-ruleset", tr("rule {} belongs to no rule set", r->id.text),
                          tr("start the file with: ruleset NAME \"Title\""));
                }
                if (int other = p_.find_rule(r->id.text); other >= 0) {
                    auto& o = p_.rules[static_cast<std::size_t>(other)];
                    error(r->id.span, "duplicate-rule-id", tr("duplicate rule id '{}'", r->id.text),
                          tr("rule ids are fixed and unique: hosts and reports refer to them; to change a rule of "
                          "another rule set, use 'override'"));
                    note(o.file, o.decl->id.span, tr("'{}' is first defined here", r->id.text));
                    continue;
                }
                p_.rules.push_back(RuleInfo{r, file_, rs});
                if (rs >= 0) p_.rulesets[static_cast<std::size_t>(rs)].rules.push_back(static_cast<int>(p_.rules.size() - 1));
            } else if (auto* o = std::get_if<ast::OverrideDecl>(&d)) {
                if (rs < 0) {
                    error(o->target.span, "override-outside-ruleset", tr("an override belongs to no rule set"),
                          tr("start the file with: ruleset NAME \"Title\" and 'extends' the rule set it changes"));
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
            } else if (auto* fg = std::get_if<ast::FigureDecl>(&d)) {
                collect_figure(*fg, rs);
            } else if (auto* g = std::get_if<ast::GroupDecl>(&d)) {
                if (p_.group) {
                    error(g->span, "duplicate-group", tr("the grouping of population runs is declared twice"),
                          tr("keep one 'group by': a run groups plans by one field"));
                    note(p_.group->file, p_.group->decl->span, tr("the first declaration is here"));
                    continue;
                }
                p_.group = GroupInfo{g, file_, {}};
            }
            first = false;
        }
    }
}

void Checker::resolve_rulesets() {
    std::vector<std::string> names;
    for (auto& r : p_.rulesets) names.push_back(r.name);
    for (std::size_t i = 0; i < p_.rulesets.size(); ++i) {
        auto& rs = p_.rulesets[i];
        file_ = rs.file;
        for (auto& e : rs.decl->extends) {
            int target = p_.find_ruleset(e.text);
            if (target < 0) {
                error(e.span, "unknown-ruleset", tr("unknown rule set '{}'", e.text), did_you_mean(e.text, names));
            } else if (target == static_cast<int>(i)) {
                error(e.span, "extends-itself", tr("rule set '{}' extends itself", e.text),
                      tr("name the rule set it builds on"));
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
                          tr("rule set '{}' extends itself through a chain of 'extends'", rs.name),
                          tr("remove one 'extends' from the cycle"));
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
            error(rs.decl->title.span, "empty-title", tr("the rule set has an empty title"), tr("describe the rule set"));
        }
    }
}

void Checker::check_applies_when() {
    for (auto& rs : p_.rulesets) {
        if (!rs.decl->applies_when) continue;
        file_ = rs.file;
        ruleset_ = static_cast<int>(&rs - p_.rulesets.data());
        scope_.clear();
        expect_bool(*rs.decl->applies_when, "'applies when'");
    }
}

bool Checker::visible_in(int owner_ruleset, int from_ruleset) const {
    if (owner_ruleset < 0) return true;  // schema-level define
    if (owner_ruleset == from_ruleset) return true;
    if (from_ruleset < 0) return false;
    auto& anc = p_.rulesets[static_cast<std::size_t>(from_ruleset)].ancestors;
    return std::find(anc.begin(), anc.end(), owner_ruleset) != anc.end();
}

std::size_t Checker::define_distance(int owner_ruleset) const {
    if (owner_ruleset == ruleset_) return 0;
    if (ruleset_ < 0) return 1;  // only global defines are visible
    auto& anc = p_.rulesets[static_cast<std::size_t>(ruleset_)].ancestors;
    auto it = std::find(anc.begin(), anc.end(), owner_ruleset);
    return it != anc.end() ? 1 + static_cast<std::size_t>(it - anc.begin()) : 1 + anc.size();
}

int Checker::find_define(std::string_view name) const {
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

void Checker::referenced_names(const ast::DefineDecl& def, std::vector<const Expr*>& out) {
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

void Checker::check_overrides() {
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
            error(d.target.span, "unknown-rule", tr("override of unknown rule '{}'", d.target.text),
                  did_you_mean(d.target.text, ids));
            continue;
        }
        o.target = target;
        auto& t = p_.rules[static_cast<std::size_t>(target)];
        if (t.ruleset == o.ruleset) {
            error(d.target.span, "override-own-rule",
                  tr("rule {} belongs to this rule set; change it directly", d.target.text),
                  tr("'override' changes a rule of a rule set this one extends"));
            continue;
        }
        if (t.ruleset < 0) {
            // the rule itself is rule-outside-ruleset: no rule set can extend it
            error(d.target.span, "override-not-extended",
                  tr("rule {} belongs to no rule set, so '{}' cannot extend it", d.target.text, rs.name),
                  tr("override only rules of a rule set this one extends"));
            continue;
        }
        if (std::find(rs.ancestors.begin(), rs.ancestors.end(), t.ruleset) == rs.ancestors.end()) {
            error(d.target.span, "override-not-extended",
                  tr("rule {} belongs to rule set '{}', which '{}' does not extend", d.target.text,
                              p_.rulesets[static_cast<std::size_t>(t.ruleset)].name, rs.name),
                  tr("add 'extends {}' to the rule set header",
                              p_.rulesets[static_cast<std::size_t>(t.ruleset)].name));
            continue;
        }
        for (int other : rs.overrides) {
            auto& oo = p_.overrides[static_cast<std::size_t>(other)];
            if (&oo == &o) break;
            if (oo.decl->target.text == d.target.text) {
                error(d.target.span, "duplicate-override",
                      tr("rule {} is overridden twice in this rule set", d.target.text),
                      tr("merge the two overrides"));
                note(oo.file, oo.decl->target.span, tr("the first override is here"));
            }
        }
        if (!d.severity && !d.disabled && !d.message)
            error(d.target.span, "empty-override", tr("the override of {} changes nothing", d.target.text),
                  tr("add 'severity error|warning|info', 'message \"…\"' or 'disabled'"));
        const ast::RuleDecl& td = *t.decl;
        if (td.mandatory) {
            if (d.disabled)
                error(d.disabled_span, "relaxes-mandatory",
                      tr("rule {} is mandatory and cannot be disabled", d.target.text),
                      tr("a rule set may tighten a mandatory rule but never disable or relax it"));
            if (d.severity && td.severity && *d.severity < *td.severity)
                error(d.severity_span, "relaxes-mandatory",
                      tr("rule {} is mandatory; its severity cannot be lowered from {} to {}",
                                  d.target.text, ast::to_string(*td.severity), ast::to_string(*d.severity)),
                      tr("a rule set may tighten a mandatory rule (raise its severity) but never relax it"));
        }
        if (d.severity && td.severity && *d.severity == *td.severity)
            warning(d.severity_span, "override-no-change",
                    tr("rule {} already has severity {}", d.target.text, ast::to_string(*d.severity)),
                    tr("remove the severity line of the override"));
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

}  // namespace planrules::check::detail_checker
