// The evaluator: three-valued logic over missing values (Kleene), calendar arithmetic,
// overflow and division by zero as evaluation errors (an unknown value with a reason).

#include "eval/evaluator.hpp"
#include "text/catalogue.hpp"

#include "builtins/builtins.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <new>

namespace planrules::eval {

using ast::Op;
using text::N_;
using check::Builtin;

namespace {

inline bool is_bool(const Value& v) { return v.kind == ValueKind::boolean; }

// The unknown of two operands: an error wins over a missing value.
inline Value unknown_of(const Value& x, const Value& y) {
    if (x.kind == ValueKind::error) return x;
    if (y.kind == ValueKind::error) return y;
    return x.is_unknown() ? x : y;
}

inline double as_double(const Value& v) { return v.kind == ValueKind::integer ? static_cast<double>(v.i) : v.d; }

}  // namespace

bool equal_values(const Value& x, const Value& y) {
    if ((x.kind == ValueKind::integer || x.kind == ValueKind::decimal) &&
        (y.kind == ValueKind::integer || y.kind == ValueKind::decimal)) {
        if (x.kind == ValueKind::integer && y.kind == ValueKind::integer) return x.i == y.i;
        return as_double(x) == as_double(y);
    }
    if (x.kind != y.kind) return false;
    switch (x.kind) {
        case ValueKind::missing:
        case ValueKind::error: return true;
        case ValueKind::boolean: return x.b == y.b;
        case ValueKind::integer:
        case ValueKind::date: return x.i == y.i;
        case ValueKind::decimal: return x.d == y.d;
        case ValueKind::duration: return x.i == y.i && x.n == y.n;
        case ValueKind::enumeration: return x.n == y.n;
        case ValueKind::string: return x.str() == y.str();
        case ValueKind::record:  // slots past those stored are missing
            for (std::uint32_t i = 0; i < std::max(x.n, y.n); ++i)
                if (!equal_values(x.field(i), y.field(i))) return false;
            return true;
        case ValueKind::list:
            if (x.n != y.n) return false;
            for (std::uint32_t i = 0; i < x.n; ++i)
                if (!equal_values(x.v[i], y.v[i])) return false;
            return true;
    }
    return false;
}

int order_values(const Value& x, const Value& y) {
    if (x.kind == ValueKind::integer && y.kind == ValueKind::integer) return (x.i > y.i) - (x.i < y.i);
    if ((x.kind == ValueKind::integer || x.kind == ValueKind::decimal) &&
        (y.kind == ValueKind::integer || y.kind == ValueKind::decimal)) {
        double a = as_double(x), b = as_double(y);
        return (a > b) - (a < b);
    }
    if (x.kind == ValueKind::date && y.kind == ValueKind::date) return (x.i > y.i) - (x.i < y.i);
    if (x.kind == ValueKind::string && y.kind == ValueKind::string) {
        int r = x.str().compare(y.str());
        return (r > 0) - (r < 0);
    }
    return 0;
}

std::string_view Evaluator::keep(std::string s) {
    if (arena_) return arena_->store(s);
    scratch_.push_back(std::make_unique<std::string>(std::move(s)));
    return *scratch_.back();
}

Value Evaluator::fail(const Node& n, std::string reason) {
    if (!error_node_) {
        error_node_ = &n;
        error_reason_ = std::move(reason);
    }
    return Value::error_value();
}

Value Evaluator::fail(const Node& n, const char* english) {
    if (!error_node_) return fail(n, std::string(text::translate(english)));
    return Value::error_value();
}

std::string Evaluator::format(const Value& v, int type) const {
    switch (v.kind) {
        case ValueKind::missing:
        case ValueKind::error: return "?";
        case ValueKind::decimal: return fmt::format("{}", v.d);  // a JSON number in evidence
        case ValueKind::boolean:
        case ValueKind::integer:
        case ValueKind::string:
        case ValueKind::date:
        case ValueKind::duration: return text_of(v);
        case ValueKind::enumeration: {
            const auto& schema = c_.program->schema;
            if (type >= 0 && schema.type(type).kind == check::TypeKind::enumeration) {
                const auto& en = schema.enums[static_cast<std::size_t>(schema.type(type).decl)];
                if (v.n < en.values.size()) return en.values[v.n];
            }
            return std::to_string(v.n);
        }
        case ValueKind::record:
        case ValueKind::list: return "…";
    }
    return "?";
}

std::string text_of(const Value& v) {
    switch (v.kind) {
        case ValueKind::boolean: return v.b ? "true" : "false";
        case ValueKind::integer: return std::to_string(v.i);
        case ValueKind::decimal: {
            std::string s = fmt::format("{}", v.d);
            std::replace(s.begin(), s.end(), '.', ',');
            return s;
        }
        case ValueKind::string: return std::string(v.str());
        case ValueKind::date: return to_string(civil_from_days(v.i));
        case ValueKind::duration: {
            std::string out;
            auto part = [&](std::int64_t n, const char* one, const char* many) {
                if (n == 0) return;
                if (!out.empty()) out += ' ';
                out += fmt::format("{} {}", n, (n == 1 || n == -1) ? one : many);
            };
            part(v.months(), "month", "months");
            part(v.i, "day", "days");
            return out.empty() ? "0 days" : out;
        }
        case ValueKind::enumeration: return std::to_string(v.n);  // (its name needs the type: message_text)
        case ValueKind::missing:
        case ValueKind::error:
        case ValueKind::record:
        case ValueKind::list: break;
    }
    return {};
}

std::string Evaluator::message_text(const Value& v, int type) const {
    if (v.kind == ValueKind::decimal) return text_of(v);
    return format(v, type);
}

bool Evaluator::charge(const Node& at, std::uint64_t n) {
    if (steps_left_ >= n) {
        steps_left_ -= n;
        return true;
    }
    steps_left_ = 0;
    out_of_steps_ = true;
    fail(at, text::tr("the limit of {} evaluation steps was reached", max_steps_));
    return false;
}

Value Evaluator::eval(int index) {
    const Node& n = c_.nodes[static_cast<std::size_t>(index)];
    if (steps_left_ == 0) [[unlikely]] {
        charge(n, 1);
        return Value::error_value();
    }
    --steps_left_;
    switch (n.kind) {
        case NodeKind::constant: return n.k;
        case NodeKind::today: return Value::date(today_);
        case NodeKind::root: return root_;
        case NodeKind::var: return var(n.slot);
        case NodeKind::member: {
            // a path: its nodes' steps at once, then slot after slot (a step short: the
            // node by node way below, which names the node that ran out)
            if (n.path_len > 0 && steps_left_ >= n.path_len - 1) {
                steps_left_ -= n.path_len - 1;
                return read_path(n);
            }
            Value o = operand(n.a);
            if (o.kind != ValueKind::record) return o.kind == ValueKind::error ? o : Value{};
            return o.field(n.slot);
        }
        case NodeKind::enum_name: {
            Value x = operand(n.a);
            if (x.kind != ValueKind::enumeration) return x;
            const auto& en = c_.program->schema.enums[static_cast<std::size_t>(n.slot)];
            return x.n < en.values.size() ? Value::string(en.values[x.n]) : Value{};
        }
        case NodeKind::not_: {
            Value x = operand(n.a);
            return is_bool(x) ? Value::boolean(!x.b) : x;
        }
        case NodeKind::and_: {
            Value x = eval(n.a);
            if (is_bool(x) && !x.b) return x;
            Value y = eval(n.b);
            if (is_bool(y) && !y.b) return y;
            return x.is_unknown() || y.is_unknown() ? unknown_of(x, y) : y;  // an error wins over missing
        }
        case NodeKind::or_: {
            Value x = eval(n.a);
            if (is_bool(x) && x.b) return x;
            Value y = eval(n.b);
            if (is_bool(y) && y.b) return y;
            return x.is_unknown() || y.is_unknown() ? unknown_of(x, y) : y;  // an error wins over missing
        }
        case NodeKind::compare: {
            Value x = operand(n.a);
            Value y = operand(n.b);
            if (x.is_unknown() || y.is_unknown()) return unknown_of(x, y);
            if (observer_ && x.kind == ValueKind::date && y.kind == ValueKind::date) [[unlikely]]
                observer_->compare(index, n.op, x.i, y.i);
            return compare(n, x, y);
        }
        case NodeKind::in: {
            Value x = operand(n.a);
            Value list = operand(n.b);  // also when x is unknown: an error in the list must not hide
            if (x.is_unknown() || list.is_unknown()) {
                Value u = x.is_unknown() ? (list.is_unknown() ? worse(x, list) : x) : list;
                if (u.kind != ValueKind::error && list.kind == ValueKind::list)
                    for (std::uint32_t i = 0; i < list.n; ++i)
                        if (list.v[i].kind == ValueKind::error) return list.v[i];
                return u;
            }
            if (!charge(n, list.n)) return Value::error_value();  // a step per element compared
            Value result = Value::boolean(false);
            for (std::uint32_t i = 0; i < list.n; ++i) {
                const Value& e = list.v[i];
                if (e.is_unknown()) {
                    result = worse(result, e);
                    continue;
                }
                if (equal_values(x, e)) {
                    result = Value::boolean(true);
                    break;
                }
            }
            if (n.op == Op::not_in && is_bool(result)) result.b = !result.b;
            return result;
        }
        case NodeKind::arith: {
            Value x = operand(n.a);
            Value y = operand(n.b);
            if (x.is_unknown() || y.is_unknown()) return unknown_of(x, y);
            Value r = arith(n, n.op, x, y);
            r.sensitive = x.sensitive || y.sensitive;  // computed from a sensitive value
            return r;
        }
        case NodeKind::neg: {
            Value x = eval(n.a);
            switch (x.kind) {
                case ValueKind::integer:
                    if (x.i == std::numeric_limits<std::int64_t>::min()) return fail(n, N_("integer overflow"));
                    return Value::integer(-x.i);
                case ValueKind::decimal: return Value::decimal(-x.d);
                case ValueKind::duration: return Value::duration(-x.months(), -x.i);
                default: return x;
            }
        }
        case NodeKind::cond: {
            Value x = eval(n.a);
            if (!is_bool(x)) return x;
            return eval(x.b ? n.b : n.c);
        }
        case NodeKind::list: {
            scratch_lists_.push_back(std::make_unique<std::vector<Value>>());
            auto& items = *scratch_lists_.back();
            items.reserve(n.count);
            for (std::uint32_t i = 0; i < n.count; ++i) items.push_back(eval(c_.kids[n.first + i]));
            return Value::list(items.data(), static_cast<std::uint32_t>(items.size()));
        }
        case NodeKind::builtin: return builtin(n);
        case NodeKind::call: return call(n);
        case NodeKind::ref: {
            const auto slot = static_cast<std::size_t>(n.slot);
            if (cache_ && cache_->stamp[slot] == cache_->now) return cache_->values[slot];
            const auto& d = c_.defines[slot];
            std::size_t saved = push_frame(d.frame_size);
            Value r = eval(d.body);
            pop_frame(saved, d.frame_size);
            // kept only when nothing went wrong on the way (an error, even one `and`/`or`
            // decided without, is reported with its place by the rule that meets it)
            if (cache_ && !error_node_) {
                cache_->values[slot] = r;
                cache_->stamp[slot] = cache_->now;
            }
            return r;
        }
        case NodeKind::aggregate: return aggregate(n);
        case NodeKind::exists: return exists(n);
    }
    return {};
}

Value Evaluator::call(const Node& n) {
    const auto& d = c_.defines[static_cast<std::size_t>(n.slot)];
    // Arguments are evaluated in the caller's frame, then bound in the new one (storage for
    // up to 16 without constructing it).
    alignas(Value) unsigned char storage[16 * sizeof(Value)];
    std::vector<Value> many;
    Value* a = reinterpret_cast<Value*>(storage);
    if (n.count > 16) {
        many.resize(n.count);
        a = many.data();
    }
    for (std::uint32_t i = 0; i < n.count; ++i) ::new (static_cast<void*>(a + i)) Value(operand(c_.kids[n.first + i]));
    std::size_t saved = push_frame(d.frame_size);
    for (std::uint32_t i = 0; i < n.count; ++i) var(static_cast<int>(i)) = a[i];
    Value r = eval(d.body);
    pop_frame(saved, d.frame_size);
    return r;
}

Value Evaluator::compare(const Node& n, const Value& x, const Value& y) {
    if (x.kind == ValueKind::string && x.n >= 64 && !charge(n, x.n / 64)) return Value::error_value();
    switch (n.op) {
        case Op::eq: return Value::boolean(equal_values(x, y));
        case Op::ne: return Value::boolean(!equal_values(x, y));
        case Op::lt: return Value::boolean(order_values(x, y) < 0);
        case Op::le: return Value::boolean(order_values(x, y) <= 0);
        case Op::gt: return Value::boolean(order_values(x, y) > 0);
        case Op::ge: return Value::boolean(order_values(x, y) >= 0);
        default: return {};
    }
}

// A duration from a sum or difference of durations. Literals are under 10 000 years, so
// only a long sum (sum(…) over a list) could leave the range; beyond what any two dates
// could be apart it is an error rather than a wrap-around.
Value Evaluator::duration(const Node& n, std::int64_t months, std::int64_t days) {
    constexpr std::int64_t max_months = 1'000'000'000, max_days = std::int64_t{1} << 40;
    if (months < -max_months || months > max_months || days < -max_days || days > max_days)
        return fail(n, N_("the duration is too long"));
    return Value::duration(static_cast<std::int32_t>(months), days);
}

// date + duration (language.md, "Dates and durations"): the months first, the day clamped to
// the end of the month, then the days; the date after each step lies in the years 1-9999.
Value Evaluator::add_duration(const Node& n, std::int64_t date, std::int64_t months, std::int64_t days) {
    if (months != 0) {
        date = add_months(date, months);  // |months| <= 10^9: no overflow inside
        if (date < min_day || date > max_day) return fail(n, N_("the date falls outside the years 1–9999"));
    }
    date += days;  // |days| < 2^40
    if (date < min_day || date > max_day) return fail(n, N_("the date falls outside the years 1–9999"));
    return Value::date(date);
}

// `op` is n.op, or Op::add for sum(…), whose node `n` an error then points at.
Value Evaluator::arith(const Node& n, Op op, const Value& x, const Value& y) {
    const bool ints = x.kind == ValueKind::integer && y.kind == ValueKind::integer;
    const bool nums = (x.kind == ValueKind::integer || x.kind == ValueKind::decimal) &&
                      (y.kind == ValueKind::integer || y.kind == ValueKind::decimal);
    std::int64_t r = 0;
    switch (op) {
        case Op::add:
            if (ints) return __builtin_add_overflow(x.i, y.i, &r) ? fail(n, N_("integer overflow")) : Value::integer(r);
            if (nums) return Value::decimal(as_double(x) + as_double(y));
            if (x.kind == ValueKind::string) return Value::string(keep(std::string(x.str()) + std::string(y.str())));
            if (x.kind == ValueKind::duration && y.kind == ValueKind::duration)
                return duration(n, std::int64_t{x.months()} + y.months(), x.i + y.i);
            if (x.kind == ValueKind::date || y.kind == ValueKind::date) {
                const Value& d = x.kind == ValueKind::date ? x : y;
                const Value& u = x.kind == ValueKind::date ? y : x;
                return add_duration(n, d.i, u.months(), u.i);
            }
            break;
        case Op::sub:
            if (ints) return __builtin_sub_overflow(x.i, y.i, &r) ? fail(n, N_("integer overflow")) : Value::integer(r);
            if (nums) return Value::decimal(as_double(x) - as_double(y));
            if (x.kind == ValueKind::duration && y.kind == ValueKind::duration)
                return duration(n, std::int64_t{x.months()} - y.months(), x.i - y.i);
            if (x.kind == ValueKind::date && y.kind == ValueKind::duration)
                return add_duration(n, x.i, -static_cast<std::int64_t>(y.months()), -y.i);
            break;
        case Op::mul:
            if (ints) return __builtin_mul_overflow(x.i, y.i, &r) ? fail(n, N_("integer overflow")) : Value::integer(r);
            if (nums) return Value::decimal(as_double(x) * as_double(y));
            break;
        case Op::div:
            if (ints) {
                if (y.i == 0) return fail(n, N_("division by zero"));
                if (x.i == std::numeric_limits<std::int64_t>::min() && y.i == -1) return fail(n, N_("integer overflow"));
                return Value::integer(x.i / y.i);
            }
            if (nums) {
                if (as_double(y) == 0) return fail(n, N_("division by zero"));
                return Value::decimal(as_double(x) / as_double(y));
            }
            break;
        case Op::mod:
            if (ints) {
                if (y.i == 0) return fail(n, N_("division by zero"));
                if (y.i == -1) return Value::integer(0);
                return Value::integer(x.i % y.i);
            }
            break;
        default: break;
    }
    return {};
}

Value Evaluator::builtin(const Node& n) {
    Value a[3];
    for (std::uint32_t i = 0; i < n.count && i < 3; ++i) a[i] = operand(c_.kids[n.first + i]);
    Value r = apply_builtin(n, a);
    if (a[0].sensitive || a[1].sensitive || a[2].sensitive) r.sensitive = true;  // computed from a sensitive value
    return r;
}

Value Evaluator::apply_builtin(const Node& n, const Value (&a)[3]) {
    const builtins::Builtin& def = builtins::get(static_cast<Builtin>(n.slot));
    if (def.decides_unknown) {
        if (a[0].kind == ValueKind::error) return a[0];
    } else {
        Value unknown = Value::boolean(true);  // none yet
        for (std::uint32_t i = 0; i < n.count && i < 3; ++i)
            if (a[i].is_unknown()) unknown = worse(unknown, a[i]);
        if (unknown.is_unknown()) return unknown;
        // text functions take a step per 64 bytes they scan, a function over a list a step per
        // element, and a search a step per 64 places it may compare
        if (n.count > 0 && (a[0].kind == ValueKind::string || a[0].kind == ValueKind::list)) {
            std::uint64_t cost = a[0].kind == ValueKind::list ? a[0].n : a[0].n / 64;
            if (def.searches && a[0].kind == ValueKind::string && a[1].kind == ValueKind::string)
                cost = std::uint64_t{a[0].n} * (std::uint64_t{a[1].n} + 1) / 64;
            if (cost > 0 && !charge(n, cost)) return Value::error_value();
        }
    }
    builtins::Call call;
    call.args = a;
    call.count = n.count;
    call.today = today_;
    call.schema = &c_.program->schema;
    call.code_list = n.k.kind == ValueKind::integer ? n.k.i : -1;
    call.keep = [](void* self, std::string text) { return static_cast<Evaluator*>(self)->keep(std::move(text)); };
    call.evaluator = this;
    Value r = def.function(call);
    if (call.failure) return fail(n, call.failure);  // (English: translated by fail)
    return r;
}

Value Evaluator::exists(const Node& n) {
    Value list = eval(n.a);
    if (list.is_unknown()) return list;
    Value result = Value::boolean(false);
    for (std::uint32_t i = 0; i < list.n; ++i) {
        var(n.slot) = list.v[i];
        Value w = n.b >= 0 ? eval(n.b) : Value::boolean(true);
        if (is_bool(w) && w.b) return w;
        if (w.is_unknown()) result = unknown_of(result, w);
    }
    return result;
}

Value Evaluator::aggregate(const Node& n) {
    using Aggregate = ast::AggregateKind;
    if (n.over_values) {  // min(a, b, …) / max(a, b, …)
        Value best;
        Value unknown = Value::boolean(true);  // none yet
        bool any = false;
        for (std::uint32_t i = 0; i < n.count; ++i) {
            Value x = eval(c_.kids[n.first + i]);
            if (x.is_unknown()) {
                unknown = worse(unknown, x);
                continue;
            }
            if (!any || (n.agg == Aggregate::min ? order_values(x, best) < 0 : order_values(x, best) > 0)) best = x;
            any = true;
        }
        return unknown.is_unknown() ? unknown : best;
    }
    Value list = eval(n.a);
    if (list.is_unknown()) return list;
    const bool binder = n.slot >= 0;
    std::int64_t count = 0;
    Value acc;  // sum, min, max
    bool any_value = false;
    Value logic = Value::boolean(n.agg == Aggregate::all);
    Value unknown = Value::boolean(true);  // kind boolean: nothing unknown seen yet
    for (std::uint32_t i = 0; i < list.n; ++i) {
        const Value& el = list.v[i];
        if (binder) var(n.slot) = el;
        if (n.b >= 0) {
            Value w = eval(n.b);
            if (w.is_unknown()) {
                unknown = worse(unknown, w);
                continue;
            }
            if (!w.b) continue;
        }
        Value x = n.c >= 0 ? eval(n.c) : el;
        switch (n.agg) {
            case Aggregate::count: ++count; break;
            case Aggregate::all:
            case Aggregate::any: {
                if (n.c < 0 && n.b >= 0 && binder) x = Value::boolean(true);  // all(x in L where c): the where is the condition
                if (x.is_unknown()) {
                    unknown = worse(unknown, x);
                } else if (x.b == (n.agg == Aggregate::any)) {
                    logic = Value::boolean(n.agg == Aggregate::any);
                }
                break;
            }
            case Aggregate::sum:
            case Aggregate::min:
            case Aggregate::max: {
                if (x.is_unknown()) {
                    unknown = worse(unknown, x);
                    break;
                }
                if (!any_value) {
                    acc = x;
                    any_value = true;
                } else if (n.agg == Aggregate::sum) {
                    acc = arith(n, Op::add, acc, x);
                    if (acc.kind == ValueKind::error) return acc;
                } else if (n.agg == Aggregate::min ? order_values(x, acc) < 0 : order_values(x, acc) > 0) {
                    acc = x;
                }
                break;
            }
        }
    }
    const bool saw_unknown = unknown.kind != ValueKind::boolean;
    switch (n.agg) {
        case Aggregate::count: return saw_unknown ? unknown : Value::integer(count);
        case Aggregate::all:
            // all(x in L where c): every element satisfies c
            if (binder && n.c < 0 && n.b >= 0) {
                // recount: the where clause is the condition itself
                Value result = Value::boolean(true);
                for (std::uint32_t i = 0; i < list.n; ++i) {
                    var(n.slot) = list.v[i];
                    Value w = eval(n.b);
                    if (is_bool(w) && !w.b) return w;
                    if (w.is_unknown()) result = worse(result, w);
                }
                return result;
            }
            if (is_bool(logic) && !logic.b) return logic;
            return saw_unknown ? unknown : logic;
        case Aggregate::any:
            if (is_bool(logic) && logic.b) return logic;
            return saw_unknown ? unknown : logic;
        case Aggregate::sum:
            if (saw_unknown) return unknown;
            if (!any_value) {
                if (n.type == check::Schema::decimal_type) return Value::decimal(0);
                if (n.type == check::Schema::duration_type) return Value::duration(0, 0);
                return Value::integer(0);
            }
            return acc;
        case Aggregate::min:
        case Aggregate::max:
            if (saw_unknown) return unknown;
            return any_value ? acc : Value{};
    }
    return {};
}

}  // namespace planrules::eval
