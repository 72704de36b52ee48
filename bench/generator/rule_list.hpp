// The rules (rules/af, rules/kommun, rules/leverantor), in the engine's listing order, with the
// dates they are in force and the default rate at which their violations are injected.

#pragma once

#include "calendar.hpp"

#include <array>
#include <string_view>

namespace generator {

enum RuleId : int {
    kAf30D,
    kAf6M,
    kAfForenklad,
    kAfSkyld,
    kAfAktuell,
    kAfDatum,
    kAfAuto,
    kAfSius,
    kAfSamtycke,
    kAfLtu,
    kAfRapport,
    kHp61,
    kHp62,
    kHp63,
    kOld1,
    kOld2,
    kOld3,
    kOld4,
    kK01803M,
    kK1480Spar,
    kLevOrgnr,
    kLevMotivering,
    kRuleCount
};

struct RuleInfo {
    std::string_view id;
    Date from;   // in force from (kNoDate: always)
    Date until;  // in force until, inclusive (kNoDate: open)
    double default_rate;
};

constexpr Date kNewRulesFrom = days_from_civil(2022, 12, 1);  // förordningen 6 § from 2022-12-01
constexpr Date kOldUntil = days_from_civil(2022, 11, 30);

inline constexpr std::array<RuleInfo, kRuleCount> kRules = {{
    {"AF-30D", kNoDate, kNoDate, 0.08},
    {"AF-6M", kNoDate, kNoDate, 0.10},
    {"AF-FORENKLAD", kNoDate, kNoDate, 0.03},
    {"AF-SKYLD", kNoDate, kNoDate, 0.04},
    {"AF-AKTUELL", kNoDate, kNoDate, 0.0},  // not injected: the activities' statuses follow their dates
    {"AF-DATUM", kNoDate, kNoDate, 0.02},
    {"AF-AUTO", kNoDate, kNoDate, 0.05},
    {"AF-SIUS", kNoDate, kNoDate, 0.02},
    {"AF-SAMTYCKE", kNoDate, kNoDate, 0.08},
    {"AF-LTU", kNoDate, kNoDate, 0.10},
    {"AF-RAPPORT", kNoDate, kNoDate, 0.08},
    {"HP-6.1", kNewRulesFrom, kNoDate, 0.05},
    {"HP-6.2", kNewRulesFrom, kNoDate, 0.03},
    {"HP-6.3", kNewRulesFrom, kNoDate, 0.06},
    {"HP-OLD.1", kNoDate, kOldUntil, 0.05},
    {"HP-OLD.2", kNoDate, kOldUntil, 0.04},
    {"HP-OLD.3", kNoDate, kOldUntil, 0.05},
    {"HP-OLD.4", kNoDate, kOldUntil, 0.06},
    {"K0180-3M", kNoDate, kNoDate, 0.08},
    {"K1480-SPAR", kNoDate, kNoDate, 0.10},
    {"LEV-ORGNR", kNoDate, kNoDate, 0.04},
    {"LEV-MOTIVERING", kNewRulesFrom, kNoDate, 0.03},
}};

inline bool in_force(RuleId rule, Date today) {
    const RuleInfo& r = kRules[rule];
    return (r.from == kNoDate || today >= r.from) && (r.until == kNoDate || today <= r.until);
}

}  // namespace generator
