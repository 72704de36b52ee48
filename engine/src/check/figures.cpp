// Key figures and the grouping of population runs: what `planrules batch` counts, declared in
// the rules (`figure`, `group by`), so that the engine knows no agency's figures or fields.

#include "check/context.hpp"

namespace planrules::check::detail_checker {

void Checker::collect_figure(const ast::FigureDecl& f, int ruleset) {
    if (ruleset < 0) {
        error(f.name.span, "figure-outside-ruleset", tr("key figure {} belongs to no rule set", f.name.text),
              tr("start the file with: ruleset NAME \"Title\""));
        return;
    }
    for (const auto& other : p_.figures) {
        if (other.name() != f.name.text) continue;
        error(f.name.span, "duplicate-figure", tr("key figure '{}' is declared twice", f.name.text),
              tr("give each key figure its own name: reports and spreadsheets refer to it"));
        note(other.file, other.decl->name.span, tr("'{}' is first declared here", f.name.text));
        return;
    }
    p_.figures.push_back(FigureInfo{&f, file_, ruleset, -1});
}

void Checker::check_figures() {
    std::vector<std::string> ids;
    for (auto& r : p_.rules) ids.push_back(r.id());
    for (auto& info : p_.figures) {
        const ast::FigureDecl& f = *info.decl;
        file_ = info.file;
        ruleset_ = info.ruleset;
        scope_.clear();
        if (f.title.value.empty())
            error(f.title.span, "empty-title", tr("key figure {} has an empty title", f.name.text),
                  tr("give the figure a title that says what it counts"));
        if (f.label && f.label->value.empty())
            error(f.label->span, "empty-label", tr("the label is empty"),
                  tr("write a short label for tables, e.g. label \"R-1.2\", or leave the clause out"));
        if (f.from) {
            info.rule = p_.find_rule(f.from->text);
            if (info.rule < 0 && !broken(f.from->text))
                error(f.from->span, "unknown-rule", tr("key figure of unknown rule '{}'", f.from->text),
                      did_you_mean(f.from->text, ids));
            // the outcome of the rule, variables 0 and 1 (FigureInfo)
            declare(ast::Name{"passed", f.from->span}, Schema::bool_type);
            declare(ast::Name{"evaluated", f.from->span}, Schema::bool_type);
        }
        if (!f.denominator)
            error(f.name.span, "missing-denominator", tr("key figure {} has no 'denominator'", f.name.text),
                  tr("add 'denominator CONDITION': the plans the figure is a share of, e.g. denominator evaluated"));
        if (!f.numerator)
            error(f.name.span, "missing-numerator", tr("key figure {} has no 'numerator'", f.name.text),
                  tr("add 'numerator CONDITION': which of those plans the figure counts, e.g. numerator passed"));
        in_figure_ = true;
        if (f.denominator) expect_bool(*f.denominator, "'denominator'");
        if (f.numerator) expect_bool(*f.numerator, "'numerator'");
        in_figure_ = false;
        scope_.clear();
    }
}

void Checker::check_group() {
    if (!p_.group) return;
    auto& g = *p_.group;
    file_ = g.file;
    ruleset_ = -1;
    for (std::size_t r = 0; r < p_.rulesets.size(); ++r)  // the names of the rule set of its file
        if (p_.rulesets[r].file == g.file) ruleset_ = static_cast<int>(r);
    scope_.clear();
    const Expr& e = g.decl->field;
    int type = check_expr(e);
    if (is_error(type)) return;
    std::vector<std::string_view> names;
    const Expr* x = &e;
    for (; x->kind == ExprKind::member; x = &x->children[0]) names.push_back(x->name.text);
    if (x->kind != ExprKind::name || x->binding != ast::Binding::root || names.empty()) {
        error(e.span, "group-not-field", tr("'group by' needs a field of the plan"),
              tr("write the field plans are grouped by, e.g. group by {}.FIELD",
                          s_.root_name.empty() ? "plan" : s_.root_name));
        return;
    }
    auto kind = s_.type(type).kind;
    if (kind == TypeKind::record || kind == TypeKind::list) {
        error(e.span, "group-not-field", tr("'group by' needs a field of one value, but this is {}", describe(type)),
              tr("group by a field of text, a code, a number or a date"));
        return;
    }
    for (auto it = names.rbegin(); it != names.rend(); ++it) {
        if (!g.path.empty()) g.path += '.';
        g.path += *it;
    }
}

}  // namespace planrules::check::detail_checker
