// The reference's own calendar: from day numbers back to dates and their text.

#include "calendar.hpp"

#include <cstdio>

namespace fuzz::differential {

YearMonthDay year_month_day(i64 n) {
    i64 y = n / 366 + 1;
    while (year_start(y + 1) <= n) ++y;
    while (year_start(y) > n) --y;
    n -= year_start(y);
    i64 m = 1;
    while (n >= days_in_month(y, m)) n -= days_in_month(y, m++);
    return {y, m, n + 1};
}

std::string date_text(i64 n) {
    YearMonthDay x = year_month_day(n);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lld", (long long)x.year, (long long)x.month, (long long)x.day);
    return buf;
}

}  // namespace fuzz::differential
