// Why a plan gets its report (planrules/eval/why.hpp). The plan is validated as usual, then each
// rule's conditions are evaluated again, node by node, with an evaluator of their own: the
// values are the evaluator's, so the explanation cannot disagree with the report. Sub-
// expressions that the evaluator did not need (the right side of an `and` whose left side is
// false) are named but not evaluated.

#include "validate/validate.hpp"
#include "validate/witness.hpp"

#include "eval/evaluator.hpp"
#include "text/catalogue.hpp"
#include "text/strings.hpp"

#include <fmt/format.h>

namespace planrules::eval {

namespace {

using text::tr;

constexpr std::size_t max_elements = 50;  // elements kept per rule (all are counted)
constexpr int max_depth = 8;              // levels of sub-expressions shown

// Each condition is evaluated again for each level of its parts shown: a budget of steps some
// times the plan's (0: no limit, as for validate).
std::uint64_t explaining_steps(std::uint64_t max_steps) {
    constexpr std::uint64_t times = 4 * max_depth;
    if (max_steps == 0) return 0;
    return max_steps > UINT64_MAX / times ? UINT64_MAX : max_steps * times;
}

class Explainer {
public:
    Explainer(const Compiled& c, const Plan& plan, const ValidateOptions& o)
        : c_(c), p_(*c.program), o_(o), hide_(o.audience != Audience::af),
          ev_(c, plan.root(), days_from_civil(o.as_of), explaining_steps(o.max_steps)) {}

    RuleWhy rule(std::size_t i, const Report& report) {
        const RuleCode& code = c_.rules[i];
        const auto& info = p_.rules[static_cast<std::size_t>(code.rule)];
        RuleWhy w;
        w.rule = info.id();
        w.ruleset = code.ruleset >= 0 ? p_.rulesets[static_cast<std::size_t>(code.ruleset)].name : std::string();
        w.title = info.decl->title.value;
        w.result = report.results[static_cast<std::size_t>(code.rule)];
        for (const auto& f : report.findings)
            if (f.rule == w.rule && (!w.outcome || f.outcome == Outcome::violated)) w.outcome = f.outcome;
        // in force
        const std::int64_t today = days_from_civil(o_.as_of);
        if (code.from && code.until)
            w.in_force = tr("from {} until {}", to_string(civil_from_days(*code.from)), to_string(civil_from_days(*code.until)));
        else if (code.from) w.in_force = tr("from {}", to_string(civil_from_days(*code.from)));
        else if (code.until) w.in_force = tr("until {}", to_string(civil_from_days(*code.until)));
        w.in_force_today = !(code.from && today < *code.from) && !(code.until && today > *code.until);
        // the rule sets' `applies when`, the rule's own and then its ancestors'
        bool applies = true;
        if (code.ruleset >= 0) {
            for (int rs : c_.ruleset_chain[static_cast<std::size_t>(code.ruleset)]) {
                const int node = c_.applies[static_cast<std::size_t>(rs)];
                if (node < 0) continue;
                const std::size_t saved = ev_.push_frame(c_.applies_frame);
                vars_.assign(static_cast<std::size_t>(c_.applies_frame), std::nullopt);
                WhyNode cond = tree(node, 0);
                ev_.pop_frame(saved, c_.applies_frame);
                applies = applies && cond.holds;
                w.applies.push_back({p_.rulesets[static_cast<std::size_t>(rs)].name, std::move(cond)});
            }
        }
        for (const auto& ov : c_.overrides)
            if (ov.rule == static_cast<int>(i) && ov.disabled && w.result == RuleResult::not_applicable)
                w.disabled_by = p_.rulesets[static_cast<std::size_t>(ov.ruleset)].name;
        if (!w.in_force_today || !applies || !w.disabled_by.empty()) {
            w.reason = reason(w, code);
            return w;
        }
        const std::size_t saved = ev_.push_frame(code.frame_size + 1);
        vars_.assign(static_cast<std::size_t>(code.frame_size + 1), std::nullopt);
        bool selected = true;
        if (code.when >= 0) {
            w.when = tree(code.when, 0);
            selected = w.when->holds;
        }
        if (selected) {
            if (code.for_each.empty()) {
                w.require = tree(code.require, 0);
            } else {
                std::vector<std::string> pointers;
                each(code, 0, pointers, w);
            }
        }
        ev_.pop_frame(saved, code.frame_size + 1);
        w.reason = reason(w, code);
        return w;
    }

private:
    // The elements of loop `level` and those inside them.
    void each(const RuleCode& code, std::size_t level, std::vector<std::string>& pointers, RuleWhy& w) {
        const ForEachCode& fe = code.for_each[level];
        const Value list = ev_.eval(fe.collection);
        if (list.kind != ValueKind::list) return;
        Witness witness(c_, ev_, vars_, hide_);
        const std::optional<std::string> base = witness.pointer(fe.collection);
        for (std::uint32_t k = 0; k < list.n; ++k) {
            ev_.var(fe.slot) = list.v[k];
            const std::string pointer = base ? *base + "/" + std::to_string(k) : std::to_string(k);
            vars_[static_cast<std::size_t>(fe.slot)] = pointer;
            pointers.push_back(pointer);
            WhyElement e;
            e.pointers = pointers;
            if (fe.where >= 0) {
                e.where = tree(fe.where, 0);
                e.selected = e.where->holds;
            }
            if (e.selected && level + 1 < code.for_each.size()) {
                each(code, level + 1, pointers, w);
            } else {
                if (e.selected) e.require = tree(code.require, 0);
                ++w.elements_visited;
                if (w.elements.size() < max_elements) w.elements.push_back(std::move(e));
            }
            pointers.pop_back();
        }
    }

    // The expression as written, on one line.
    std::string source(const Node& n) const {
        if (!n.src || n.file < 0) return {};
        return planrules::detail::one_line(p_.files[static_cast<std::size_t>(n.file)].source->slice(n.src->span));
    }

    std::string shown(const Value& v, int type) const {
        if (hide_ && v.sensitive) return std::string(redacted_text);
        switch (v.kind) {
            case ValueKind::boolean: return v.b ? tr("true") : tr("false");
            case ValueKind::missing: return tr("unknown");
            case ValueKind::error: return tr("error");
            case ValueKind::list: return tr_n_elements(v.n);
            case ValueKind::record: return tr("a record");
            default: return ev_.message_text(v, type);
        }
    }
    static std::string tr_n_elements(std::uint32_t n) { return text::tr_n(n, text::N_("{} element"), text::N_("{} elements")); }

    WhyNode tree(int index, int depth) {
        const Node& n = c_.nodes[static_cast<std::size_t>(index)];
        WhyNode w;
        w.expression = source(n);
        w.condition = n.type == check::Schema::bool_type;
        const Value v = ev_.eval(index);
        w.known = !v.is_unknown();
        w.holds = w.condition && v.kind == ValueKind::boolean && v.b;
        w.value = shown(v, n.type);
        if (v.kind == ValueKind::error && !ev_.error_reason().empty()) w.value += ": " + ev_.error_reason();
        if (depth >= max_depth) return w;
        auto part = [&](int child) {
            if (child < 0) return;
            const Node& c = c_.nodes[static_cast<std::size_t>(child)];
            if (c.kind == NodeKind::constant) return;  // it says what it is
            const auto kind = p_.schema.type(c.type).kind;
            if (kind == check::TypeKind::record) return;  // a.FIELD shows what was read of it
            w.parts.push_back(tree(child, depth + 1));
        };
        auto not_needed = [&](int child) {
            if (child < 0) return;
            WhyNode skipped;
            skipped.expression = source(c_.nodes[static_cast<std::size_t>(child)]);
            skipped.needed = false;
            w.parts.push_back(std::move(skipped));
        };
        switch (n.kind) {
            case NodeKind::not_:
            case NodeKind::neg: part(n.a); break;
            case NodeKind::and_:
            case NodeKind::or_: {
                part(n.a);
                const Value a = ev_.eval(n.a);
                const bool decided = a.kind == ValueKind::boolean && a.b == (n.kind == NodeKind::or_);
                if (decided) not_needed(n.b);
                else part(n.b);
                break;
            }
            case NodeKind::cond: {
                part(n.a);
                const Value a = ev_.eval(n.a);
                if (a.kind == ValueKind::boolean) {
                    part(a.b ? n.b : n.c);
                    not_needed(a.b ? n.c : n.b);
                }
                break;
            }
            case NodeKind::compare:
            case NodeKind::in:
            case NodeKind::arith:
                part(n.a);
                part(n.b);
                break;
            case NodeKind::builtin:
            case NodeKind::call:
                for (std::uint32_t k = 0; k < n.count; ++k) part(c_.kids[n.first + k]);
                break;
            default: break;  // paths, variables, defines, aggregates: their value says it
        }
        // a sub-expression that is the whole expression again (a folded constant, a define) adds nothing
        if (w.parts.size() == 1 && w.parts[0].expression == w.expression) w.parts = std::move(w.parts[0].parts);
        return w;
    }

    std::string reason(const RuleWhy& w, const RuleCode& code) const {
        if (!w.in_force_today) return tr("not in force on {}: in force {}", to_string(o_.as_of), w.in_force);
        for (const auto& a : w.applies)
            if (!a.condition.holds)
                return a.condition.known ? tr("the rule set {} does not apply: its 'applies when' is false", a.ruleset)
                                         : tr("the rule set {} does not apply: its 'applies when' is unknown (a value is missing)",
                                              a.ruleset);
        if (!w.disabled_by.empty()) return tr("turned off by an override in the rule set {}", w.disabled_by);
        if (w.when && !w.when->holds)
            return w.when->known ? tr("'when' is false, so the rule does not apply")
                                 : tr("'when' is unknown (a value is missing), so the rule does not apply");
        const auto holds = [](const std::optional<WhyNode>& r) { return r && r->holds; };
        const auto fails = [](const std::optional<WhyNode>& r) { return r && r->known && !r->holds; };
        if (!code.for_each.empty()) {
            std::size_t selected = 0, failed = 0, unknown = 0;
            std::string first;
            for (const auto& e : w.elements) {
                if (!e.selected) continue;
                ++selected;
                if (fails(e.require) && failed++ == 0) first = e.pointers.back();
                if (!fails(e.require) && !holds(e.require)) ++unknown;
            }
            if (w.elements_visited == 0) return tr("the list is empty, so the rule does not apply");
            if (selected == 0 && w.elements_visited <= max_elements)
                return tr("no element is selected by 'where', so the rule does not apply");
            if (failed > 0) return tr("'require' is false for {} (the first: {})", text::tr_n(failed, text::N_("{} element"), text::N_("{} elements")), first);
            if (unknown > 0)
                return tr("'require' is unknown for {}: a value is missing",
                          text::tr_n(unknown, text::N_("{} element"), text::N_("{} elements")));
            return tr("'require' holds for every element selected");
        }
        if (holds(w.require)) return tr("'require' holds");
        if (fails(w.require)) return tr("'require' is false");
        if (w.require && w.require->value.rfind(tr("error"), 0) == 0) return tr("'require' could not be computed: {}", w.require->value);
        return tr("'require' is unknown: a value it needs is missing");
    }

    const Compiled& c_;
    const check::Program& p_;
    const ValidateOptions& o_;
    bool hide_;
    Evaluator ev_;
    std::vector<std::optional<std::string>> vars_;  // the pointers of the loop variables
};

}  // namespace

Why why(const Compiled& c, const Plan& plan, const ValidateOptions& options) {
    Report report;
    validate(c, plan, options, report);
    Why out;
    out.plan = report.plan;
    out.as_of = options.as_of;
    out.audience = options.audience;
    Explainer explainer(c, plan, options);
    for (std::size_t i = 0; i < c.rules.size(); ++i) {
        const auto result = report.results[static_cast<std::size_t>(c.rules[i].rule)];
        if (result == RuleResult::skipped) continue;  // out of scope, or withheld from the audience
        out.rules.push_back(explainer.rule(i, report));
    }
    return out;
}

}  // namespace planrules::eval
