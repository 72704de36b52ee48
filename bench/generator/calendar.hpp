// Dates: days since 1970-01-01 (proleptic Gregorian), as in the engine.

#pragma once

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <string_view>

namespace generator {

using Date = int32_t;
constexpr Date kNoDate = INT32_MIN;

struct Ymd {
    int y;
    int m;
    int d;
};

constexpr Date days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

constexpr Ymd civil_from_days(Date z) {
    z += 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const int doe = z - era * 146097;
    const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int y = yoe + era * 400;
    const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int mp = (5 * doy + 2) / 153;
    const int d = doy - (153 * mp + 2) / 5 + 1;
    const int m = mp + (mp < 10 ? 3 : -9);
    return {y + (m <= 2), m, d};
}

constexpr bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

constexpr int days_in_month(int y, int m) {
    constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

// date + N months, the day clamped to the end of the month (2024-08-31 + 6 months = 2025-02-28).
inline Date add_months(Date date, int months) {
    if (date == kNoDate) return kNoDate;
    const Ymd c = civil_from_days(date);
    const int total = c.y * 12 + (c.m - 1) + months;
    const int y = total >= 0 ? total / 12 : (total - 11) / 12;
    const int m = total - y * 12 + 1;
    return days_from_civil(y, m, std::min(c.d, days_in_month(y, m)));
}

inline Date add_days(Date date, int days) { return date == kNoDate ? kNoDate : date + days; }

// The month of a date as y*12 + (m-1): the order of "YYYY-MM" periods.
inline int month_index(Date date) {
    const Ymd c = civil_from_days(date);
    return c.y * 12 + c.m - 1;
}

// age(b): the largest n with b + n years <= today.
inline int age_on(Date birth, Date today) {
    const Ymd b = civil_from_days(birth);
    const Ymd t = civil_from_days(today);
    int n = t.y - b.y;
    while (n > 0 && add_months(birth, 12 * n) > today) --n;
    return n;
}

inline bool parse_date(std::string_view s, Date& out) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    int v[3] = {0, 0, 0};
    const std::string_view parts[3] = {s.substr(0, 4), s.substr(5, 2), s.substr(8, 2)};
    for (int i = 0; i < 3; ++i) {
        for (char ch : parts[i])
            if (ch < '0' || ch > '9') return false;
        std::from_chars(parts[i].data(), parts[i].data() + parts[i].size(), v[i]);
    }
    if (v[0] < 1 || v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > days_in_month(v[0], v[1])) return false;
    out = days_from_civil(v[0], v[1], v[2]);
    return true;
}

}  // namespace generator
