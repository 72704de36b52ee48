// The built-in functions: their table (builtins.hpp) and what each computes.

#include "builtins/builtins.hpp"

#include "eval/evaluator.hpp"
#include "text/catalogue.hpp"
#include "text/strings.hpp"

#include <planrules/date.hpp>

#include <fmt/format.h>

#include <cmath>
#include <cstdlib>

namespace planrules::builtins {

namespace {

using B = check::Builtin;

using planrules::detail::code_points;

bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view trim_view(std::string_view s) {
    while (!s.empty() && is_space(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && is_space(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

// Lower or upper case of ASCII and of the Latin-1 letters (å ä ö é ü …) in UTF-8.
std::string change_case(std::string_view s, bool upper) {
    std::string out(s);
    for (std::size_t i = 0; i < out.size(); ++i) {
        auto c = static_cast<unsigned char>(out[i]);
        if (c < 0x80) {
            if (upper && c >= 'a' && c <= 'z') out[i] = static_cast<char>(c - 32);
            if (!upper && c >= 'A' && c <= 'Z') out[i] = static_cast<char>(c + 32);
        } else if (c == 0xC3 && i + 1 < out.size()) {
            auto d = static_cast<unsigned char>(out[i + 1]);
            if (upper && d >= 0xA0 && d <= 0xBE && d != 0xB7) out[i + 1] = static_cast<char>(d - 0x20);
            if (!upper && d >= 0x80 && d <= 0x9E && d != 0x97) out[i + 1] = static_cast<char>(d + 0x20);
            ++i;
        }
    }
    return out;
}

// `9` a digit, `A` a letter, anything else itself; code point by code point.
bool matches_format(std::string_view s, std::string_view pattern) {
    auto next = [](std::string_view& t) {
        std::size_t n = 1;
        while (n < t.size() && (static_cast<unsigned char>(t[n]) & 0xC0) == 0x80) ++n;
        std::string_view cp = t.substr(0, n);
        t.remove_prefix(n);
        return cp;
    };
    while (!s.empty() && !pattern.empty()) {
        std::string_view c = next(s), p = next(pattern);
        if (p == "9") {
            if (!(c.size() == 1 && c[0] >= '0' && c[0] <= '9')) return false;
        } else if (p == "A") {
            bool letter = c.size() > 1 || (c[0] >= 'a' && c[0] <= 'z') || (c[0] >= 'A' && c[0] <= 'Z');
            if (!letter) return false;
        } else if (c != p) {
            return false;
        }
    }
    return s.empty() && pattern.empty();
}


inline double as_double(const Value& v) { return v.kind == ValueKind::integer ? static_cast<double>(v.i) : v.d; }

Value fn_blank(Call& c) { return Value::boolean(c.args[0].is_missing() || trim_view(c.args[0].str()).empty()); }
Value fn_present(Call& c) { return Value::boolean(!c.args[0].is_missing()); }
Value fn_missing(Call& c) { return Value::boolean(c.args[0].is_missing()); }
Value fn_length(Call& c) {
    const Value& a = c.args[0];
    if (a.kind == ValueKind::list) return Value::integer(a.n);
    return Value::integer(static_cast<std::int64_t>(code_points(a.str())));
}
Value fn_trim(Call& c) { return Value::string(trim_view(c.args[0].str())); }
Value fn_lower(Call& c) { return Value::string(c.kept(change_case(c.args[0].str(), false))); }
Value fn_upper(Call& c) { return Value::string(c.kept(change_case(c.args[0].str(), true))); }
Value fn_starts_with(Call& c) { return Value::boolean(c.args[0].str().substr(0, c.args[1].n) == c.args[1].str()); }
Value fn_ends_with(Call& c) {
    const Value &a = c.args[0], &b = c.args[1];
    return Value::boolean(a.n >= b.n && a.str().substr(a.n - b.n) == b.str());
}
Value fn_contains(Call& c) {
    const Value &a = c.args[0], &b = c.args[1];
    if (a.kind == ValueKind::list) {
        Value result = Value::boolean(false);
        for (std::uint32_t i = 0; i < a.n; ++i) {
            if (a.v[i].is_unknown()) result = eval::worse(result, a.v[i]);
            else if (eval::equal_values(a.v[i], b)) return Value::boolean(true);
        }
        return result;
    }
    return Value::boolean(a.str().find(b.str()) != std::string_view::npos);
}
Value fn_has_format(Call& c) { return Value::boolean(matches_format(c.args[0].str(), c.args[1].str())); }
Value fn_days_between(Call& c) { return Value::integer(c.args[1].i - c.args[0].i); }
Value fn_months_between(Call& c) { return Value::integer(planrules::months_between(c.args[0].i, c.args[1].i)); }
Value fn_age(Call& c) {
    std::int64_t months = planrules::months_between(c.args[0].i, c.today);
    return Value::integer(months >= 0 ? months / 12 : -((-months) / 12));
}
Value fn_year(Call& c) { return Value::integer(civil_from_days(c.args[0].i).year); }
Value fn_month(Call& c) { return Value::integer(civil_from_days(c.args[0].i).month); }
Value fn_day(Call& c) { return Value::integer(civil_from_days(c.args[0].i).day); }
Value fn_period(Call& c) {
    Date d = civil_from_days(c.args[0].i);
    if (d.year < 0 || d.year > 9999) return Value::string(c.kept(fmt::format("{:04}-{:02}", d.year, d.month)));
    std::string text = to_string(d);  // YYYY-MM-DD, of which YYYY-MM
    text.resize(7);
    return Value::string(c.kept(std::move(text)));
}
Value fn_abs(Call& c) {
    const Value& a = c.args[0];
    if (a.kind == ValueKind::integer) {
        if (a.i == std::numeric_limits<std::int64_t>::min()) {
            c.failure = text::N_("integer overflow");
            return Value::error_value();
        }
        return Value::integer(a.i < 0 ? -a.i : a.i);
    }
    return Value::decimal(std::fabs(a.d));
}
Value fn_round(Call& c) {
    double r = std::round(as_double(c.args[0]));
    if (!(r >= -9.2e18 && r <= 9.2e18)) {
        c.failure = text::N_("the number is too large for an integer");
        return Value::error_value();
    }
    return Value::integer(static_cast<std::int64_t>(r));
}
Value fn_label(Call& c) {  // the code list: Call::code_list (the compiler)
    if (c.code_list < 0) return c.args[0];
    const auto& list = c.schema->code_lists[static_cast<std::size_t>(c.code_list)];
    const check::CodeInfo* code = list.find(c.args[0].str());
    return code ? Value::string(code->label) : c.args[0];
}

Value fn_text(Call& c) {  // the argument's type: Call::code_list (the compiler)
    const Value& v = c.args[0];
    if (v.kind == ValueKind::string) return v;
    if (v.kind == ValueKind::enumeration && c.code_list >= 0) {
        const auto& t = c.schema->type(static_cast<int>(c.code_list));
        if (t.kind == check::TypeKind::enumeration) {
            const auto& en = c.schema->enums[static_cast<std::size_t>(t.decl)];
            if (v.n < en.values.size()) return Value::string(en.values[v.n]);
        }
    }
    return Value::string(c.kept(eval::text_of(v)));
}

using P = Param;
using R = Returns;

// In the order of check::Builtin.
constexpr Builtin rows[] = {
    {B::blank, "blank", "blank(string) -> bool: true when missing, empty or only spaces", 1, {P::string}, R::boolean,
     false, true, false, fn_blank},
    {B::present, "present", "present(value) -> bool: true when the value is not missing", 1, {P::any}, R::boolean,
     false, true, false, fn_present},
    {B::missing, "missing", "missing(value) -> bool: true when the value is missing", 1, {P::any}, R::boolean, false,
     true, false, fn_missing},
    {B::length, "length", "length(string or list) -> int", 1, {P::string_or_list}, R::integer, false, false, false,
     fn_length},
    {B::trim, "trim", "trim(string) -> string", 1, {P::string}, R::string, false, false, false, fn_trim},
    {B::lower, "lower", "lower(string) -> string", 1, {P::string}, R::string, false, false, false, fn_lower},
    {B::upper, "upper", "upper(string) -> string", 1, {P::string}, R::string, false, false, false, fn_upper},
    {B::starts_with, "starts_with", "starts_with(string, prefix) -> bool", 2, {P::string, P::string}, R::boolean, false,
     false, false, fn_starts_with},
    {B::ends_with, "ends_with", "ends_with(string, suffix) -> bool", 2, {P::string, P::string}, R::boolean, false,
     false, false, fn_ends_with},
    {B::contains, "contains", "contains(string, part) -> bool, or contains(list, value) -> bool", 2,
     {P::string_or_list, P::part}, R::boolean, false, false, true, fn_contains},
    {B::has_format, "has_format",
     "has_format(string, \"999999-9999\") -> bool: 9 a digit, A a letter, other characters as written", 2,
     {P::string, P::format}, R::boolean, false, false, false, fn_has_format},
    {B::days_between, "days_between", "days_between(date, date) -> int", 2, {P::date, P::date}, R::integer, false,
     false, false, fn_days_between},
    {B::months_between, "months_between", "months_between(date, date) -> int: whole calendar months", 2,
     {P::date, P::date}, R::integer, false, false, false, fn_months_between},
    {B::age, "age", "age(birth date) -> int: whole years on the evaluation date", 1, {P::date}, R::integer, true, false,
     false, fn_age},
    {B::year, "year", "year(date) -> int", 1, {P::date}, R::integer, false, false, false, fn_year},
    {B::month, "month", "month(date) -> int", 1, {P::date}, R::integer, false, false, false, fn_month},
    {B::day, "day", "day(date) -> int", 1, {P::date}, R::integer, false, false, false, fn_day},
    {B::period, "period", "period(date) -> string: the month as \"YYYY-MM\"", 1, {P::date}, R::string, false, false,
     false, fn_period},
    {B::abs, "abs", "abs(number) -> number", 1, {P::number}, R::first_argument, false, false, false, fn_abs},
    {B::round, "round", "round(decimal) -> int", 1, {P::decimal}, R::integer, false, false, false, fn_round},
    {B::label, "label",
     "label(code) -> string: the label of a code from its code list (a field declared string of CODES)", 1,
     {P::coded}, R::string, false, false, false, fn_label},
    {B::text, "text", "text(value) -> string: the value as a message shows it (dates YYYY-MM-DD, decimals with a decimal comma)",
     1, {P::any}, R::string, false, false, false, fn_text},
};

constexpr bool in_order() {
    for (std::size_t i = 0; i < std::size(rows); ++i)
        if (static_cast<std::size_t>(rows[i].id) != i) return false;
    return true;
}
static_assert(in_order(), "the rows follow check::Builtin");
static_assert(std::size(rows) == static_cast<std::size_t>(B::text) + 1, "a row for every check::Builtin");

}  // namespace

std::span<const Builtin> table() noexcept { return rows; }

const Builtin& get(check::Builtin id) noexcept { return rows[static_cast<std::size_t>(id)]; }

const Builtin* find(std::string_view name) noexcept {
    for (const auto& b : rows)
        if (b.name == name) return &b;
    return nullptr;
}

}  // namespace planrules::builtins

namespace planrules::check {

const char* to_string(Builtin b) noexcept { return builtins::get(b).name.data(); }

}  // namespace planrules::check
