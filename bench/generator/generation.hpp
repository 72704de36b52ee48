// Generation: the plan of each line, built from its own random stream, with violations of the
// rules injected at known rates.

#pragma once

#include "calendar.hpp"
#include "plan_model.hpp"
#include "random.hpp"
#include "rule_list.hpp"

#include <array>
#include <cstdint>

namespace generator {

struct Config {
    uint64_t count = 0;
    uint64_t seed = 1;
    Date as_of = days_from_civil(2024, 6, 1);
    std::array<double, kRuleCount> rates{};
    std::array<uint64_t, kRuleCount> thresholds{};
    double malformed = 0.001;
    uint64_t malformed_threshold = 0;
};

enum class Malformed : uint8_t { none, not_json, invalid };

// Builds the plan of one line: a plausible plan first (generation.cpp), then the violations
// injected at the configured rates and, for a malformed record, its corruption (injection.cpp).
class Generator {
public:
    Generator(const Config& cfg, uint64_t line);

    void run();

    Plan& plan() { return plan_; }
    const std::array<bool, kRuleCount>& injected() const { return injected_; }
    Malformed malformed() const { return malformed_; }
    Rng& rng() { return rng_; }

private:
    // Whether to inject a violation of the rule into this plan (only rules in force on as-of).
    bool flag(RuleId rule) { return in_force(rule, today_) && rng_.chance(cfg_.thresholds[rule]); }
    void mark(RuleId rule) { injected_[rule] = true; }
    Date days_ago(int n) const { return today_ - n; }

    // the plan (generation.cpp)
    void person();
    void registration_and_status();
    void revision();
    void support_need();
    void old_fields();
    Anordnare anordnare_for(ActType t);
    ActType main_type();
    int duration(ActType t);
    Activity make(ActType t, Anordnare who);
    void add(const Activity& a);
    void set_status_by_date(Activity& a, Date ref);
    void track(int count, Date start, bool spar_gap, std::array<Activity, 6>& out, int& n);
    void activities();
    bool has_current_measure() const;
    void obligations_and_reports();
    void follow_ups();

    // the violations and the corruption (injection.cpp)
    template <class Pred, class Prefer>
    int choose(Pred pred, Prefer prefer);
    Text blank_text();
    bool is_current(const Activity& a) const;
    bool outside_job_track(const Activity& a) const;
    void mutations();
    void corrupt();

    const Config& cfg_;
    Date today_;
    Rng rng_;
    Plan plan_;
    std::array<bool, kRuleCount> injected_{};
    Malformed malformed_ = Malformed::none;
    bool f30d_ = false;
    bool ltu_ = false;
    bool ltu_flag_ = false;
    Date closed_ = kNoDate;
};

}  // namespace generator
