#pragma once
// The reference's own calendar: dates as day numbers counted from 0001-01-01 (= 0).

#include <cstdint>
#include <string>

namespace fuzz::differential {

using i64 = std::int64_t;  // the integers of the rule language, and day numbers

struct YearMonthDay {
    i64 year, month, day;
};

constexpr bool is_leap_year(i64 y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

constexpr i64 days_in_month(i64 y, i64 m) {
    constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap_year(y) ? 29 : days[m - 1];
}

constexpr i64 year_start(i64 y) {  // day number of y-01-01
    i64 p = y - 1;
    return 365 * p + p / 4 - p / 100 + p / 400;
}

constexpr i64 day_number(YearMonthDay x) {
    i64 n = year_start(x.year);
    for (i64 m = 1; m < x.month; ++m) n += days_in_month(x.year, m);
    return n + x.day - 1;
}

inline constexpr i64 kFirstDay = 0;                          // 0001-01-01
inline constexpr i64 kLastDay = day_number({9999, 12, 31});  // 9999-12-31

YearMonthDay year_month_day(i64 day);
std::string date_text(i64 day);  // YYYY-MM-DD

}  // namespace fuzz::differential
