#pragma once
// Calendar dates (proleptic Gregorian) and the calendar arithmetic of the rule language.

#include <cstdint>
#include <ctime>
#include <optional>
#include <string>
#include <string_view>

#include <fmt/format.h>

namespace planrules {

struct Date {
    int year = 1970;
    int month = 1;
    int day = 1;
    friend constexpr bool operator==(const Date&, const Date&) = default;
    friend constexpr auto operator<=>(const Date&, const Date&) = default;
};

[[nodiscard]] constexpr bool is_leap_year(int y) noexcept { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

[[nodiscard]] constexpr int days_in_month(int y, int m) noexcept {
    constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12) return 0;
    return m == 2 && is_leap_year(y) ? 29 : days[m - 1];
}

[[nodiscard]] constexpr bool is_valid(const Date& d) noexcept {
    return d.year >= 1 && d.year <= 9999 && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
           d.day <= days_in_month(d.year, d.month);
}

// "2024-07-15" (exactly YYYY-MM-DD, a real calendar date), or nothing.
[[nodiscard]] constexpr std::optional<Date> parse_date(std::string_view s) noexcept {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    Date d{};
    auto num = [&](std::size_t b, std::size_t n, int& out) {
        out = 0;
        for (std::size_t i = b; i < b + n; ++i) {
            if (s[i] < '0' || s[i] > '9') return false;
            out = out * 10 + (s[i] - '0');
        }
        return true;
    };
    if (!num(0, 4, d.year) || !num(5, 2, d.month) || !num(8, 2, d.day) || !is_valid(d)) return std::nullopt;
    return d;
}

[[nodiscard]] inline std::string to_string(const Date& d) {
    if (d.year < 0 || d.year > 9999 || d.month < 0 || d.month > 99 || d.day < 0 || d.day > 99)
        return fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day);
    // YYYY-MM-DD without going through a format string (messages and evidence make many)
    char out[10] = {static_cast<char>('0' + d.year / 1000),      static_cast<char>('0' + d.year / 100 % 10),
                    static_cast<char>('0' + d.year / 10 % 10),   static_cast<char>('0' + d.year % 10),
                    '-',                                          static_cast<char>('0' + d.month / 10),
                    static_cast<char>('0' + d.month % 10),        '-',
                    static_cast<char>('0' + d.day / 10),          static_cast<char>('0' + d.day % 10)};
    return std::string(out, 10);
}

[[nodiscard]] inline const char* month_name(int m) noexcept {
    constexpr const char* names[] = {"January", "February", "March",     "April",   "May",      "June",
                                     "July",    "August",   "September", "October", "November", "December"};
    return m >= 1 && m <= 12 ? names[m - 1] : "?";
}

// The date of today on this machine, in its local time (the default evaluation date of the
// tool, the C API and the editor's test runs).
[[nodiscard]] inline Date today() {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    return Date{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

}  // namespace planrules
