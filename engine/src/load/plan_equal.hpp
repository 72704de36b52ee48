#pragma once
// Deep equality of loaded plans (internal; for the tests and fuzz_plan_json, which check that the
// fast and the full plan loader agree).

#include <planrules/eval/plan.hpp>

#include <cmath>

namespace planrules::eval {

[[nodiscard]] inline bool same_value(const Value& x, const Value& y) {
    if (x.kind != y.kind || x.n != y.n || x.sensitive != y.sensitive) return false;
    switch (x.kind) {
        case ValueKind::missing: case ValueKind::error: case ValueKind::enumeration: return true;
        case ValueKind::boolean: return x.b == y.b;
        case ValueKind::integer: case ValueKind::date: case ValueKind::duration: return x.i == y.i;
        case ValueKind::decimal:  // bit for bit: -0.0 and 0.0 print differently
            return (x.d == y.d && std::signbit(x.d) == std::signbit(y.d)) || (x.d != x.d && y.d != y.d);
        case ValueKind::string: return x.str() == y.str();
        case ValueKind::record:
        case ValueKind::list:
            for (std::uint32_t i = 0; i < x.n; ++i)
                if (!same_value(x.v[i], y.v[i])) return false;
            return true;
    }
    return false;
}

[[nodiscard]] inline bool same_plan(const Plan& x, const Plan& y) {
    if (x.id() != y.id() || !same_value(x.root(), y.root())) return false;
    if (x.input_findings().size() != y.input_findings().size()) return false;
    for (std::size_t i = 0; i < x.input_findings().size(); ++i) {
        const auto& a = x.input_findings()[i];
        const auto& b = y.input_findings()[i];
        if (a.pointer != b.pointer || a.message != b.message || a.sensitive != b.sensitive) return false;
    }
    return true;
}

}  // namespace planrules::eval
