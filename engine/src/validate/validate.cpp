// Validation of a plan: effective dating, rule-set scope, `when`, `for each`, `require`,
// overrides, findings with pointers, evidence and the names of missing values.

#include "validate/validate.hpp"
#include "validate/witness.hpp"
#include "eval/place.hpp"

#include "eval/evaluator.hpp"
#include "load/load.hpp"

#include "text/catalogue.hpp"
#include "text/strings.hpp"

#include <fmt/format.h>

#include <optional>

namespace planrules {

const char* to_string(Audience a) noexcept {
    switch (a) {
        case Audience::af: return "af";
        case Audience::kommun: return "kommun";
        case Audience::leverantor: return "leverantor";
    }
    return "?";
}

const char* to_string(RuleResult r) noexcept {
    switch (r) {
        case RuleResult::skipped: return "skipped";
        case RuleResult::not_in_force: return "not_in_force";
        case RuleResult::not_applicable: return "not_applicable";
        case RuleResult::passed: return "passed";
        case RuleResult::violated: return "violated";
        case RuleResult::indeterminate: return "indeterminate";
    }
    return "?";
}

std::optional<Audience> parse_audience(std::string_view text) noexcept {
    if (text == "af") return Audience::af;
    if (text == "kommun") return Audience::kommun;
    if (text == "leverantor") return Audience::leverantor;
    return std::nullopt;
}

namespace eval {
namespace {

// Whether a report has room for one more finding of severity s (ValidateOptions::max_findings);
// if not, the finding is counted in Report::omitted instead.
bool room_for_finding(Report& r, const ValidateOptions& o, Severity s) {
    if (!o.max_findings || r.findings.size() < o.max_findings) return true;
    ++r.omitted[static_cast<std::size_t>(s)];
    return false;
}

struct Effective {
    Severity severity;
    bool disabled = false;
    const std::vector<MessagePart>* message = nullptr;
};

// What a validation works out from its options alone: which rule sets are in scope, which
// rules are in force and, when no rule set in scope has an `applies when` of its own or from
// a rule set it extends, the effective severity, message and disabling of every rule. Kept per
// thread and reused while the rules and the options stay the same.
struct Prepared {
    std::uint64_t serial = 0;  // Compiled::serial prepared for; 0: none
    Date as_of{};
    std::vector<std::string> rulesets;
    std::vector<char> in_scope;  // per rule set
    std::vector<int> applies_nodes;  // rule sets in scope with an `applies when` of their own
    bool plan_dependent = false;     // whether any rule set in scope depends on one
    std::vector<Effective> eff;      // per rule (when !plan_dependent)
    std::vector<RuleResult> fixed;   // per rule: skipped, not_in_force, not_applicable (disabled,
                                     // when !plan_dependent), or passed standing for "evaluate"
    std::vector<std::uint32_t> active;  // the rules not skipped, in order

    // (the audience is not part of it: run() withholds sensitive rules itself)
    bool matches(const Compiled& c, const ValidateOptions& o) const {
        return serial != 0 && serial == c.serial && as_of == o.as_of && rulesets == o.rulesets;
    }

    void prepare(const Compiled& c, const ValidateOptions& o) {
        serial = 0;  // until done (an exception leaves nothing half prepared)
        const auto& p = *c.program;
        as_of = o.as_of;
        rulesets = o.rulesets;
        // the scope the host asked for: the named rule sets and those they extend
        in_scope.assign(p.rulesets.size(), o.rulesets.empty());
        for (const auto& name : o.rulesets) {
            int rs = p.find_ruleset(name);
            if (rs < 0) continue;
            for (int a : c.ruleset_chain[static_cast<std::size_t>(rs)]) in_scope[static_cast<std::size_t>(a)] = true;
        }
        applies_nodes.clear();
        plan_dependent = false;
        for (std::size_t i = 0; i < p.rulesets.size(); ++i) {
            if (!in_scope[i]) continue;
            if (c.applies[i] >= 0) applies_nodes.push_back(static_cast<int>(i));
            for (int rs : c.ruleset_chain[i]) plan_dependent = plan_dependent || c.applies[static_cast<std::size_t>(rs)] >= 0;
        }
        if (!plan_dependent) {
            std::vector<char> all(p.rulesets.size(), 1);
            std::vector<char> overridden;
            effective(c, all, in_scope, eff, overridden);
        }
        const std::int64_t today = days_from_civil(o.as_of);
        fixed.assign(c.rules.size(), RuleResult::passed);
        active.clear();
        for (std::size_t i = 0; i < c.rules.size(); ++i) {
            const RuleCode& rule = c.rules[i];
            auto& f = fixed[static_cast<std::size_t>(rule.rule)];
            if (rule.ruleset < 0 || !in_scope[static_cast<std::size_t>(rule.ruleset)]) f = RuleResult::skipped;
            else if ((rule.from && today < *rule.from) || (rule.until && today > *rule.until)) f = RuleResult::not_in_force;
            else if (!plan_dependent && eff[i].disabled) f = RuleResult::not_applicable;
            if (f != RuleResult::skipped) active.push_back(static_cast<std::uint32_t>(i));
        }
        serial = c.serial;
    }

    // The severity, message and disabling of each rule from the overrides of the rule sets
    // that apply and are in scope (several overrides of one rule: the strictest severity wins).
    static void effective(const Compiled& c, const std::vector<char>& applies, const std::vector<char>& in_scope,
                          std::vector<Effective>& eff, std::vector<char>& overridden) {
        eff.clear();
        for (const auto& rule : c.rules) eff.push_back(Effective{rule.severity, false, &rule.message});
        overridden.assign(c.rules.size(), 0);
        for (const auto& ov : c.overrides) {
            if (!applies[static_cast<std::size_t>(ov.ruleset)] || !in_scope[static_cast<std::size_t>(ov.ruleset)]) continue;
            auto& e = eff[static_cast<std::size_t>(ov.rule)];
            if (ov.severity) {
                e.severity = overridden[static_cast<std::size_t>(ov.rule)] ? std::max(e.severity, *ov.severity) : *ov.severity;
                overridden[static_cast<std::size_t>(ov.rule)] = 1;
            }
            if (ov.disabled) e.disabled = true;
            if (ov.has_message) e.message = &ov.message;
        }
    }
};

// Working storage of a validation, kept per thread so that validating a plan does not allocate
// it again for every plan.
struct Scratch {
    Prepared prepared;
    std::vector<char> applies, own_applies, overridden;
    std::vector<Effective> eff;
    DefineCache defines;
    TextArena text;
    std::vector<Value> stack, later_stack;
    std::vector<std::uint32_t> indices;
};

Scratch& scratch() {
    thread_local Scratch s;
    return s;
}

class Validation {
public:
    Validation(const Compiled& c, const Plan& plan, const ValidateOptions& o, Report& r, Scratch& s,
               BoundaryObserver* observer)
        : c_(c), plan_(plan), o_(o), r_(r), s_(s), ev_(c, plan.root(), days_from_civil(o.as_of), o.max_steps, &s.stack),
          observer_(observer) {
        ev_.observe(observer);
    }

    void run() {
        const auto& p = *c_.program;
        const Prepared& pre = s_.prepared;
        s_.defines.begin(c_.defines.size());
        if (!observer_) ev_.use_cache(&s_.defines);  // observed: each rule's own comparisons
        s_.text.reset();
        ev_.use_arena(&s_.text);
        // which rule sets apply: their own `applies when` and their ancestors'
        const std::vector<Effective>* eff = &pre.eff;
        const std::vector<char>* applies = nullptr;
        if (pre.plan_dependent) {
            auto& own = s_.own_applies;
            own.assign(p.rulesets.size(), 1);
            for (int rs : pre.applies_nodes) {
                std::size_t saved = ev_.push_frame(c_.applies_frame);
                Value v = ev_.eval(c_.applies[static_cast<std::size_t>(rs)]);
                ev_.pop_frame(saved, c_.applies_frame);
                own[static_cast<std::size_t>(rs)] = v.kind == ValueKind::boolean && v.b;
            }
            auto& all = s_.applies;
            all.assign(p.rulesets.size(), 0);
            for (std::size_t i = 0; i < p.rulesets.size(); ++i) {
                if (!pre.in_scope[i]) continue;
                bool ok = true;
                for (int rs : c_.ruleset_chain[i]) ok = ok && own[static_cast<std::size_t>(rs)];
                all[i] = ok;
            }
            Prepared::effective(c_, all, pre.in_scope, s_.eff, s_.overridden);
            eff = &s_.eff;
            applies = &all;
        }
        // no allocation per rule once the report's lists have grown; outcomes only
        // (ValidateOptions::details false): Report::results without the lists of rule ids
        const bool lists = o_.details;
        r_.results.assign(c_.rules.size(), RuleResult::skipped);
        if (lists) {
            r_.evaluated.reserve(c_.rules.size());
            r_.passed.reserve(c_.rules.size());
            r_.not_applicable.reserve(c_.rules.size());
            r_.not_in_force.reserve(c_.rules.size());
        }
        for (const std::uint32_t i : pre.active) {
            const RuleCode& rule = c_.rules[i];
            const auto index = static_cast<std::size_t>(rule.rule);
            const RuleResult fixed = pre.fixed[index];
            auto& result = r_.results[index];
            const std::string& id = p.rules[index].id();
            if (fixed != RuleResult::passed) {
                result = fixed;
                if (lists) (fixed == RuleResult::not_in_force ? r_.not_in_force : r_.not_applicable).push_back(id);
                continue;
            }
            if (applies && (!(*applies)[static_cast<std::size_t>(rule.ruleset)] || (*eff)[i].disabled)) {
                result = RuleResult::not_applicable;
                if (lists) r_.not_applicable.push_back(id);
                continue;
            }
            if (rule.sensitive && o_.audience != Audience::af) continue;
            made_ = 0;
            made_violated_ = false;
            if (observer_) observer_->rule = static_cast<int>(i);
            bool applicable = evaluate(rule, (*eff)[i]);
            if (!applicable) {
                if (lists) r_.not_applicable.push_back(id);
                result = RuleResult::not_applicable;
            } else if (made_ == 0) {
                if (lists) {
                    r_.evaluated.push_back(id);
                    r_.passed.push_back(id);
                }
                result = RuleResult::passed;
                if (o_.deadlines && rule.due >= 0 && rule.for_each.empty()) deadline(rule, id);
            } else {
                if (lists) r_.evaluated.push_back(id);
                result = made_violated_ ? RuleResult::violated : RuleResult::indeterminate;
            }
        }
    }

private:
    // A deadline rule that passed: its due date, when the plan as it stands would violate it
    // the day after (a plan already done, e.g. established in time, has no deadline left).
    void deadline(const RuleCode& rule, const std::string& id) {
        std::size_t saved = ev_.push_frame(rule.frame_size + 1);
        ev_.reset_error();
        Value due = ev_.eval(rule.due);
        ev_.pop_frame(saved, rule.frame_size + 1);
        if (due.kind != ValueKind::date || due.i >= max_day) return;
        Evaluator later(c_, plan_.root(), due.i + 1, o_.max_steps, &s_.later_stack);
        later.push_frame(rule.frame_size + 1);
        if (rule.when >= 0) {
            Value w = later.eval(rule.when);
            if (!(w.kind == ValueKind::boolean && w.b)) return;
        }
        Value v = later.eval(rule.require);
        if (v.kind == ValueKind::boolean && !v.b) r_.deadlines.push_back(Deadline{id, civil_from_days(due.i)});
    }

    // Returns false when the rule is not applicable to this plan.
    bool evaluate(const RuleCode& rule, const Effective& eff) {
        std::size_t saved = ev_.push_frame(rule.frame_size + 1);
        ev_.reset_error();
        bool applicable = true;
        bound_ = 0;
        at_require_ = false;
        // `when` and `where` select: a rule applies (an element is bound) only when the
        // condition is true; false or unknown (a missing value) does not select. An evaluation
        // error (division by zero, overflow) is an indeterminate finding.
        bool decided = false;
        if (rule.when >= 0) {
            Value w = ev_.eval(rule.when);
            if (w.kind == ValueKind::error) {
                make_finding(rule, eff, Outcome::indeterminate);
                decided = true;
            } else if (!(w.kind == ValueKind::boolean && w.b)) {
                applicable = false;
            }
        }
        if (applicable && !decided) {
            if (rule.for_each.empty()) {
                applicable = require(rule, eff);
            } else {
                indices_ = &s_.indices;
                indices_->assign(rule.for_each.size(), 0);
                any_element_ = false;
                each(rule, eff, 0);
                applicable = any_element_;
            }
        }
        ev_.pop_frame(saved, rule.frame_size + 1);
        return applicable;
    }

    void each(const RuleCode& rule, const Effective& eff, std::size_t level) {
        if (level == rule.for_each.size()) {
            if (require(rule, eff)) any_element_ = true;
            return;
        }
        const ForEachCode& fe = rule.for_each[level];
        ev_.reset_error();
        Value list = ev_.eval(fe.collection);
        if (list.kind == ValueKind::error) {  // (a missing list has no elements)
            make_finding(rule, eff, Outcome::indeterminate);
            any_element_ = true;
            return;
        }
        if (list.kind != ValueKind::list) return;
        for (std::uint32_t i = 0; i < list.n && !ev_.exhausted(); ++i) {
            ev_.var(fe.slot) = list.v[i];
            (*indices_)[level] = i;
            bound_ = level + 1;
            at_require_ = false;
            if (fe.where >= 0) {
                ev_.reset_error();
                Value w = ev_.eval(fe.where);
                if (w.kind == ValueKind::error) {
                    make_finding(rule, eff, Outcome::indeterminate);
                    any_element_ = true;
                    continue;
                }
                if (!(w.kind == ValueKind::boolean && w.b)) continue;
            }
            each(rule, eff, level + 1);
        }
    }

    // Evaluates `require` in the current binding; false when the binding is skipped.
    bool require(const RuleCode& rule, const Effective& eff) {
        if (rule.require < 0) return true;
        ev_.reset_error();
        at_require_ = true;
        Value v = ev_.eval(rule.require);
        if (v.kind == ValueKind::boolean) {
            if (!v.b) make_finding(rule, eff, Outcome::violated);
            return true;
        }
        return outcome_of(rule, eff, v);
    }

    // An unknown `require`: `if missing` decides, else an indeterminate finding.
    bool outcome_of(const RuleCode& rule, const Effective& eff, const Value& v) {
        if (v.kind == ValueKind::error) {
            make_finding(rule, eff, Outcome::indeterminate);
            return true;
        }
        switch (rule.if_missing) {
            case ast::MissingPolicy::pass: return true;
            case ast::MissingPolicy::skip: return false;
            case ast::MissingPolicy::fail: make_finding(rule, eff, Outcome::violated); return true;
            case ast::MissingPolicy::report: make_finding(rule, eff, Outcome::indeterminate); return true;
        }
        return true;
    }

    void make_finding(const RuleCode& rule, const Effective& eff, Outcome outcome) {
        const auto& p = *c_.program;
        const auto& info = p.rules[static_cast<std::size_t>(rule.rule)];
        ++made_;
        made_violated_ |= outcome == Outcome::violated;
        if (!room_for_finding(r_, o_, eff.severity)) return;  // counted, not made
        // the rule's own error, taken before `due` is evaluated
        std::string error_reason = ev_.error_reason();
        const Node* error_node = ev_.error_node();
        Finding f;
        f.rule = info.id();
        f.ruleset = p.rulesets[static_cast<std::size_t>(rule.ruleset)].name;
        f.severity = eff.severity;
        f.outcome = outcome;
        f.sensitive = rule.sensitive;
        const bool hide = o_.audience != Audience::af;
        if (rule.due >= 0) {
            Value d = ev_.eval(rule.due);
            if (d.kind == ValueKind::date && !(hide && d.sensitive)) f.due = civil_from_days(d.i);
        }
        if (!o_.details) {  // outcomes only (ValidateOptions::details)
            r_.findings.push_back(std::move(f));
            return;
        }
        const auto& decl = *info.decl;
        f.title = decl.title.value;
        f.source = rule.source;
        f.location = rule.location;
        // pointers of the for-each variables
        std::vector<std::optional<std::string>> vars(static_cast<std::size_t>(rule.frame_size + 1));
        // (a finding made at `when` or at a `where` has only the variables bound so far)
        for (std::size_t k = 0; k < bound_; ++k) {
            Witness outer(c_, ev_, vars, hide);  // the pointers of the variables bound so far
            auto base = outer.pointer(rule.for_each[k].collection);
            vars[static_cast<std::size_t>(rule.for_each[k].slot)] =
                base ? std::optional<std::string>(*base + "/" + std::to_string((*indices_)[k])) : std::nullopt;
        }
        Witness witness(c_, ev_, vars, hide);
        if (rule.at >= 0) f.pointer = witness.pointer(rule.at).value_or("");
        else if (bound_ > 0) f.pointer = vars[static_cast<std::size_t>(rule.for_each[bound_ - 1].slot)].value_or("");
        // message
        std::string text;
        for (const auto& part : *eff.message) {
            if (part.node < 0) {
                text += part.text;
                continue;
            }
            Value v = ev_.eval(part.node);
            int type = c_.nodes[static_cast<std::size_t>(part.node)].type;
            if (v.is_unknown() && part.otherwise >= 0) {  // {a.slut or "saknas"}
                v = ev_.eval(part.otherwise);
                type = c_.nodes[static_cast<std::size_t>(part.otherwise)].type;
            }
            if (hide && v.sensitive) text += redacted_text;
            else if (v.is_unknown()) text += text::tr("(missing)");  // never a bare "?"
            else text += ev_.message_text(v, type);
        }
        if (eff.message->empty()) text = decl.title.value;
        // evidence and missing values
        // evidence: what was read up to where the rule stopped
        for (std::size_t k = 0; k < bound_; ++k) witness.walk(rule.for_each[k].where);
        witness.walk(rule.when);
        if (at_require_) witness.walk(rule.require);
        f.missing = witness.missing;
        // an indeterminate finding without a place of its own points at what is missing
        if (f.pointer.empty() && outcome == Outcome::indeterminate && !f.missing.empty()) f.pointer = f.missing.front();
        if (o_.evidence) f.evidence = std::move(witness.evidence);
        if (outcome == Outcome::indeterminate) {
            if (!error_reason.empty()) {
                auto pos = p.files[static_cast<std::size_t>(error_node->file)].source->position(error_node->src->span.begin);
                text = text::tr("The rule could not be assessed: {} ({}:{}:{}).", error_reason,
                                   p.files[static_cast<std::size_t>(error_node->file)].source->name(), pos.line, pos.column);
            } else if (!f.missing.empty()) {
                // the missing values by the schema's names for them, not by pointers
                std::string list;
                for (const auto& m : f.missing) list += (list.empty() ? "" : "; ") + place_of(p.schema, plan_.root(), m, !hide);
                text = text::tr("The rule could not be assessed because values are missing: {}.", list);
            } else {
                text = text::tr("The rule could not be assessed because values are missing.");
            }
        }
        f.message = std::move(text);
        if (!f.pointer.empty()) f.place = place_of(p.schema, plan_.root(), f.pointer, !hide);
        r_.findings.push_back(std::move(f));
    }

    const Compiled& c_;
    const Plan& plan_;
    const ValidateOptions& o_;
    Report& r_;
    Scratch& s_;
    Evaluator ev_;
    BoundaryObserver* observer_ = nullptr;
    std::vector<std::uint32_t>* indices_ = nullptr;  // the element index at each for-each level
    std::size_t bound_ = 0;    // for-each levels bound now
    bool at_require_ = false;  // the rule got as far as its `require`
    bool any_element_ = false;
    std::size_t made_ = 0;        // findings of the rule being evaluated, listed or not
    bool made_violated_ = false;  // one of them violated
};

}  // namespace

void validate(const Compiled& c, const Plan& plan, const ValidateOptions& options, Report& r,
              BoundaryObserver* observer) {
    r.plan = plan.id();
    r.as_of = options.as_of;
    r.audience = options.audience;
    r.digest = c.digest;
    r.findings.clear();
    r.evaluated.clear();
    r.passed.clear();
    r.not_applicable.clear();
    r.not_in_force.clear();
    r.deadlines.clear();
    r.results.clear();
    r.omitted = {};
    const bool af = options.audience == Audience::af;
    for (const auto& f : plan.input_findings()) {
        if ((f.sensitive && !af) || !room_for_finding(r, options, f.severity)) continue;
        r.findings.push_back(f);
        if (!options.evidence) r.findings.back().evidence.clear();
        r.findings.back().place = place_of(c.program->schema, plan.root(), f.pointer, af);
    }
    // (those the loader only counted are errors)
    r.omitted[static_cast<std::size_t>(Severity::error)] +=
        plan.omitted_input_findings()[0] + (af ? plan.omitted_input_findings()[1] : 0);
    Scratch& s = scratch();
    if (!s.prepared.matches(c, options)) s.prepared.prepare(c, options);
    Validation v(c, plan, options, r, s, observer);
    v.run();
}

}  // namespace eval
}  // namespace planrules
