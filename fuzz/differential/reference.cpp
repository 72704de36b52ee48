// The reference interpreter of fuzz_differential: a rule's result over the plan model, from docs/language.md.

#include "reference.hpp"

#include <algorithm>
#include <cstdlib>
#include <optional>

namespace fuzz::differential {

namespace {

using State = RefValue::State;

// the unknown of two values, at least one of them unknown: an error wins over a missing value
RefValue unknown(const RefValue& x, const RefValue& y) {
    return x.state == State::error || y.state == State::error ? RefValue::error() : RefValue{};
}
RefValue date_value(i64 d) { return d < kFirstDay || d > kLastDay ? RefValue::error() : RefValue::integer(d); }

template <typename V>
RefValue optional_int(const std::optional<V>& o) { return o ? RefValue::integer(static_cast<i64>(*o)) : RefValue{}; }
RefValue optional_bool(const std::optional<bool>& o) { return o ? RefValue::boolean(*o) : RefValue{}; }
RefValue optional_string(const std::optional<std::string>& o) { return o ? RefValue::string(*o) : RefValue{}; }

RefValue read_field(const PlanModel& p, const Activity* a, Field f) {
    switch (f) {
        case Field::plan_version: return RefValue::integer(p.version);
        case Field::plan_omradestyp: return optional_int(p.omradestyp);
        case Field::plan_utfall: return p.has_jobbchans ? optional_int(p.utfall) : RefValue{};
        case Field::plan_tillfalligt_arbete: return optional_bool(p.tillfalligt_arbete);
        case Field::plan_ekonomiskt_bistand: return optional_bool(p.ekonomiskt_bistand);
        case Field::plan_upprattad_datum: return optional_int(p.upprattad_datum);
        case Field::plan_senast_reviderad: return optional_int(p.senast_reviderad);
        case Field::plan_inskrivningsdatum: return RefValue::integer(p.inskrivningsdatum);
        case Field::plan_bedomning: return p.has_stodbehov ? optional_string(p.bedomning) : RefValue{};
        case Field::plan_status: return RefValue::string(p.status);
        case Field::plan_id: return RefValue::string("P-1");
        case Field::activity_status: return RefValue::string(a->status);
        case Field::activity_start: return optional_int(a->start);
        case Field::activity_motivering: return optional_string(a->motivering);
        case Field::activity_typ: return RefValue::string(a->typ);
        case Field::activity_id: return RefValue::string(a->id);
    }
    return {};
}

// What an expression is evaluated in: the plan, the date of today and the variables bound.
struct Environment {
    const PlanModel& plan;
    i64 today;
    std::vector<const Activity*> vars;
};

RefValue checked_int(__int128 r) { return r < kMin || r > kMax ? RefValue::error() : RefValue::integer(static_cast<i64>(r)); }

// docs/language.md "Dates and durations": a duration is months and days; the months are added
// first (the day clamped to the month's end), then the days; both steps stay in years 1-9999.
RefValue add_duration(i64 date, const std::vector<DurationTerm>& duration) {
    i64 months = 0, days = 0;
    for (const DurationTerm& t : duration) (t.months ? months : days) += t.n;
    if (months != 0) {
        YearMonthDay x = year_month_day(date);
        i64 total = x.year * 12 + (x.month - 1) + months;
        i64 y = total >= 0 ? total / 12 : -((-total + 11) / 12);
        i64 m = total - y * 12 + 1;
        if (y < 1 || y > 9999) return RefValue::error();
        date = day_number({y, m, std::min(x.day, days_in_month(y, m))});
    }
    date += days;
    if (date < kFirstDay || date > kLastDay) return RefValue::error();
    return date_value(date);
}

std::vector<DurationTerm> negated(std::vector<DurationTerm> d) {
    for (auto& t : d) t.n = -t.n;
    return d;
}

RefValue arithmetic(Op op, Type t, const RefValue& x, const RefValue& y) {
    if (t == Type::Int) {
        __int128 a = x.number, b = y.number;
        switch (op) {
            case Op::add: return checked_int(a + b);
            case Op::sub: return checked_int(a - b);
            case Op::mul: return checked_int(a * b);
            case Op::div: return b == 0 ? RefValue::error() : checked_int(a / b);  // truncates toward zero
            case Op::mod: return b == 0 ? RefValue::error() : checked_int(a % b);
            default: break;
        }
    }
    if (t == Type::String) return RefValue::string(x.text + y.text);
    if (t == Type::Duration) {
        RefValue r;
        r.state = State::value;
        r.duration = x.duration;
        for (const DurationTerm& u : op == Op::add ? y.duration : negated(y.duration)) r.duration.push_back(u);
        return r;
    }
    if (t == Type::Date) {
        if (op == Op::sub) return add_duration(x.number, negated(x.duration.empty() ? y.duration : x.duration));
        // date + duration, duration + date
        return x.duration.empty() ? add_duration(x.number, y.duration) : add_duration(y.number, x.duration);
    }
    std::abort();
}

int compare(Type t, const RefValue& x, const RefValue& y) {
    switch (t) {
        case Type::Int: case Type::Date: return (x.number > y.number) - (x.number < y.number);
        case Type::Bool: return (x.truth > y.truth) - (x.truth < y.truth);
        default: {
            int c = x.text.compare(y.text);  // byte by byte (char_traits<char> compares unsigned)
            return (c > 0) - (c < 0);
        }
    }
}

// The fold of all(…) / any(…) / exists over the elements' truth values (Kleene): for all, a
// false decides; else an unknown element makes it unknown (an error if any was an error).
struct QuantifierFold {
    bool all;
    bool decided = false;
    bool any_unknown = false;  // an element was unknown
    bool any_error = false;    // an element was an evaluation error (which wins over a missing value)
    void add(const RefValue& v) {
        if (v.known()) {
            if (v.truth != all) decided = true;
        } else {
            any_unknown = true;
            if (v.state == State::error) any_error = true;
        }
    }
    RefValue result() const {
        if (decided) return RefValue::boolean(!all);
        if (any_error) return RefValue::error();
        if (any_unknown) return RefValue{};
        return RefValue::boolean(all);
    }
};

RefValue evaluate(const Expr& e, Environment& env) {
    switch (e.op) {
        case Op::literal: return e.literal;
        case Op::today: return RefValue::integer(env.today);
        case Op::field:
            return read_field(env.plan, e.variable >= 0 ? env.vars[static_cast<std::size_t>(e.variable)] : nullptr, e.field);
        case Op::and_:
        case Op::or_: {
            RefValue x = evaluate(e.operands[0], env), y = evaluate(e.operands[1], env);
            bool dominant = e.op == Op::or_;  // false decides `and`, true decides `or`
            if ((x.known() && x.truth == dominant) || (y.known() && y.truth == dominant)) return RefValue::boolean(dominant);
            if (!x.known() || !y.known()) return unknown(x, y);
            return RefValue::boolean(!dominant);
        }
        case Op::not_: {
            RefValue x = evaluate(e.operands[0], env);
            return x.known() ? RefValue::boolean(!x.truth) : x;
        }
        case Op::eq: case Op::ne: case Op::lt: case Op::le: case Op::gt: case Op::ge: {
            RefValue x = evaluate(e.operands[0], env), y = evaluate(e.operands[1], env);
            if (!x.known() || !y.known()) return unknown(x, y);
            Type t = e.operands[0].type;
            int c = compare(t == Type::ActivityStatus || t == Type::PlanStatus ? Type::String : t, x, y);
            switch (e.op) {
                case Op::eq: return RefValue::boolean(c == 0);
                case Op::ne: return RefValue::boolean(c != 0);
                case Op::lt: return RefValue::boolean(c < 0);
                case Op::le: return RefValue::boolean(c <= 0);
                case Op::gt: return RefValue::boolean(c > 0);
                default: return RefValue::boolean(c >= 0);
            }
        }
        case Op::in: {
            RefValue x = evaluate(e.operands[0], env);
            if (!x.known()) return x;
            return RefValue::boolean(std::find(e.codes.begin(), e.codes.end(), x.text) != e.codes.end());
        }
        case Op::add: case Op::sub: case Op::mul: case Op::div: case Op::mod: {
            RefValue x = evaluate(e.operands[0], env), y = evaluate(e.operands[1], env);
            if (!x.known() || !y.known()) return unknown(x, y);
            return arithmetic(e.op, e.type, x, y);
        }
        case Op::negate: {
            RefValue x = evaluate(e.operands[0], env);
            if (!x.known()) return x;
            if (e.type == Type::Duration) {
                x.duration = negated(x.duration);
                return x;
            }
            return checked_int(-static_cast<__int128>(x.number));
        }
        case Op::if_then_else: {
            RefValue c = evaluate(e.operands[0], env);
            if (!c.known()) return c;
            return evaluate(e.operands[c.truth ? 1 : 2], env);
        }
        case Op::present:
        case Op::missing: {
            RefValue x = evaluate(e.operands[0], env);
            if (x.state == State::error) return x;
            return RefValue::boolean((x.state == State::missing) == (e.op == Op::missing));
        }
        case Op::blank: {
            RefValue x = evaluate(e.operands[0], env);
            if (x.state == State::error) return x;
            if (x.state == State::missing) return RefValue::boolean(true);
            return RefValue::boolean(x.text.find_first_not_of(" \t\n\r\f\v") == std::string::npos);
        }
        case Op::days_between: {
            RefValue x = evaluate(e.operands[0], env), y = evaluate(e.operands[1], env);
            if (!x.known() || !y.known()) return unknown(x, y);
            return RefValue::integer(y.number - x.number);
        }
        case Op::count_activities: return RefValue::integer(static_cast<i64>(env.plan.aktiviteter.size()));
        case Op::count: {
            i64 n = 0;
            QuantifierFold unknowns{true};
            for (const Activity& a : env.plan.aktiviteter) {
                env.vars.push_back(&a);
                RefValue w = e.has_where ? evaluate(e.operands[0], env) : RefValue::boolean(true);
                env.vars.pop_back();
                if (!w.known()) unknowns.add(w);
                else n += w.truth;
            }
            RefValue u = unknowns.result();
            return u.known() ? RefValue::integer(n) : u;
        }
        case Op::all:
        case Op::any:
        case Op::exists: {
            QuantifierFold f{e.op == Op::all};
            for (const Activity& a : env.plan.aktiviteter) {
                env.vars.push_back(&a);
                f.add(e.has_where ? evaluate(e.operands[0], env) : RefValue::boolean(true));
                env.vars.pop_back();
            }
            return f.result();
        }
        case Op::all_for:
        case Op::any_for: {
            QuantifierFold f{e.op == Op::all_for};
            for (const Activity& a : env.plan.aktiviteter) {
                env.vars.push_back(&a);
                RefValue w = e.has_where ? evaluate(e.operands[1], env) : RefValue::boolean(true);
                if (!w.known()) f.add(w);                          // an unknown where: the element is unknown
                else if (w.truth) f.add(evaluate(e.operands[0], env));  // a false where: not selected
                env.vars.pop_back();
            }
            return f.result();
        }
    }
    std::abort();
}

}  // namespace

std::string Result::describe() const {
    if (kind == not_applicable) return "not applicable";
    if (kind == passed) return "passed";
    std::string s = at_when ? "findings (at when):" : "findings:";
    for (const auto& [p, o] : found) s += " " + o + "@" + (p.empty() ? "\"\"" : p);
    return s;
}

Result reference_result(const Rule& r, const PlanModel& plan, i64 today) {
    Environment env{plan, today, {}};
    Result res;
    if (r.when) {
        RefValue w = evaluate(*r.when, env);
        if (w.state == State::error) {
            res.kind = Result::findings;
            res.at_when = true;
            res.found.emplace_back("", "indeterminate");
            return res;
        }
        if (!(w.known() && w.truth)) {
            res.kind = Result::not_applicable;
            return res;
        }
    }
    // require in the current binding: returns false when the binding is skipped
    auto require = [&](const std::string& pointer) {
        RefValue v = evaluate(r.require, env);
        if (v.known()) {
            if (!v.truth) res.found.emplace_back(pointer, "violated");
            return true;
        }
        if (v.state == State::error) {
            res.found.emplace_back(pointer, "indeterminate");
            return true;
        }
        switch (r.if_missing) {
            case MissingPolicy::none: res.found.emplace_back(pointer, "indeterminate"); return true;
            case MissingPolicy::pass: return true;
            case MissingPolicy::fail: res.found.emplace_back(pointer, "violated"); return true;
            case MissingPolicy::skip: return false;
        }
        return true;
    };
    bool applicable = false;
    if (!r.for_each) {
        applicable = require("");
    } else {
        for (std::size_t i = 0; i < plan.aktiviteter.size(); ++i) {
            std::string pointer = "/aktiviteter/" + std::to_string(i);
            env.vars = {&plan.aktiviteter[i]};
            if (r.where) {
                RefValue w = evaluate(*r.where, env);
                if (w.state == State::error) {
                    res.found.emplace_back(pointer, "indeterminate");
                    applicable = true;
                    continue;
                }
                if (!(w.known() && w.truth)) continue;
            }
            if (require(pointer)) applicable = true;
        }
    }
    res.kind = !applicable ? Result::not_applicable : res.found.empty() ? Result::passed : Result::findings;
    return res;
}

}  // namespace fuzz::differential
