#pragma once
// Plan values: a plan loaded against the compiled schema. Records are arrays of slots
// (a field's slot is its index in the schema), enums are codes, dates are day numbers,
// so that evaluation never looks anything up by name.

#include <planrules/date.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace planrules {

enum class ValueKind : std::uint8_t {
    missing,      // null, absent, or read through a missing record: *unknown* in logic
    error,        // an evaluation error (division by zero, overflow): unknown, with a reason
    boolean,
    integer,
    decimal,
    string,
    date,         // i = days since 1970-01-01
    duration,     // i = days, n = months (as int32)
    enumeration,  // n = code (index into the enum's values)
    record,       // v = slots, n = slots stored (see field())
    list,         // v = elements, n = count
};

struct Value {
    ValueKind kind = ValueKind::missing;
    // A value that may reach Arbetsförmedlingen only (a sensitive code, a field marked
    // `sensitive` or `sensitive value`), as loaded, and what is computed from it: for other
    // audiences a message shows a neutral word in its place and evidence leaves it out.
    bool sensitive = false;
    std::uint32_t n = 0;
    union {
        std::int64_t i = 0;
        double d;
        bool b;
        const char* s;
        const Value* v;
    };

    [[nodiscard]] bool is_missing() const noexcept { return kind == ValueKind::missing; }
    [[nodiscard]] bool is_unknown() const noexcept { return kind == ValueKind::missing || kind == ValueKind::error; }
    [[nodiscard]] std::string_view str() const noexcept { return {s, n}; }
    [[nodiscard]] std::int32_t months() const noexcept { return static_cast<std::int32_t>(n); }
    // A record's field at `slot`. A record stores its slots up to its last value that is not
    // missing (a list field is never missing: absent, it is the empty list), so a slot past
    // them reads as missing.
    [[nodiscard]] Value field(std::uint32_t slot) const noexcept { return slot < n ? v[slot] : Value{}; }

    static Value boolean(bool x) noexcept { Value r; r.kind = ValueKind::boolean; r.b = x; return r; }
    static Value integer(std::int64_t x) noexcept { Value r; r.kind = ValueKind::integer; r.i = x; return r; }
    static Value decimal(double x) noexcept { Value r; r.kind = ValueKind::decimal; r.d = x; return r; }
    static Value date(std::int64_t days) noexcept { Value r; r.kind = ValueKind::date; r.i = days; return r; }
    static Value duration(std::int32_t months, std::int64_t days) noexcept {
        Value r; r.kind = ValueKind::duration; r.i = days; r.n = static_cast<std::uint32_t>(months); return r;
    }
    static Value enumeration(std::uint32_t code) noexcept { Value r; r.kind = ValueKind::enumeration; r.n = code; return r; }
    static Value string(std::string_view x) noexcept {
        Value r; r.kind = ValueKind::string; r.s = x.data(); r.n = static_cast<std::uint32_t>(x.size()); return r;
    }
    static Value record(const Value* slots, std::uint32_t count) noexcept {
        Value r; r.kind = ValueKind::record; r.v = slots; r.n = count; return r;
    }
    static Value list(const Value* elements, std::uint32_t count) noexcept {
        Value r; r.kind = ValueKind::list; r.v = elements; r.n = count; return r;
    }
    static Value error_value() noexcept { Value r; r.kind = ValueKind::error; return r; }
};

// ---------------------------------------------------------------- calendar

// Days since 1970-01-01 of a civil date, and back (H. Hinnant's algorithms).
[[nodiscard]] constexpr std::int64_t days_from_civil(int y, int m, int d) noexcept {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * static_cast<unsigned>(m + (m > 2 ? -3 : 9)) + 2) / 5 + static_cast<unsigned>(d) - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}
[[nodiscard]] constexpr std::int64_t days_from_civil(const Date& d) noexcept { return days_from_civil(d.year, d.month, d.day); }

[[nodiscard]] constexpr Date civil_from_days(std::int64_t z) noexcept {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return Date{static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

// The date `months` calendar months after `days`, the day clamped to the month's end:
// 2024-08-31 + 6 months = 2025-02-28.
[[nodiscard]] constexpr std::int64_t add_months(std::int64_t days, std::int64_t months) noexcept {
    Date d = civil_from_days(days);
    std::int64_t total = static_cast<std::int64_t>(d.year) * 12 + (d.month - 1) + months;
    int y = static_cast<int>(total >= 0 ? total / 12 : (total - 11) / 12);
    int m = static_cast<int>(total - static_cast<std::int64_t>(y) * 12) + 1;
    int dim = days_in_month(y, m);
    return days_from_civil(y, m, d.day > dim ? dim : d.day);
}

// The largest n with a + n months <= b (negated when b is before a).
[[nodiscard]] constexpr std::int64_t months_between(std::int64_t a, std::int64_t b) noexcept {
    if (b < a) return -months_between(b, a);
    Date x = civil_from_days(a), y = civil_from_days(b);
    std::int64_t n = (static_cast<std::int64_t>(y.year) - x.year) * 12 + (y.month - x.month);
    while (n > 0 && add_months(a, n) > b) --n;
    return n;
}

// The smallest and largest day numbers a plan or rule may hold (years 1 to 9999).
inline constexpr std::int64_t min_day = days_from_civil(1, 1, 1);
inline constexpr std::int64_t max_day = days_from_civil(9999, 12, 31);

}  // namespace planrules
