// Tallies and the truth file (see truth.hpp).

#include "truth.hpp"

#include <fmt/format.h>

namespace generator {

void add(Tally& t, const std::array<Outcome, kRuleCount>& out) {
    ++t.plans;
    for (int r = 0; r < kRuleCount; ++r) ++t.counts[r][out[r]];
}

void count_key_figures(Truth& t, const Plan& p, const std::array<Outcome, kRuleCount>& out, Date as_of) {
    // "established": the plan is or was in force (upprattad or avslutad), as planrules batch counts it
    const bool established = p.status == PlanStatus::upprattad || p.status == PlanStatus::avslutad;
    if (p.inskrivning != kNoDate && p.inskrivning <= as_of - 30) {
        ++t.registered_30;
        t.registered_30_established += established;
    }
    if (established) {
        ++t.established;
        t.established_automatic += p.revidering == Revidering::automatisk;
        const Tri ltu = langtidsarbetslos(p, as_of);
        if (ltu == Tri::T) {
            ++t.long_term;
            t.long_term_24 += add_months(p.arbetslos_sedan, 24) <= as_of;
        }
    }
    if (established && (out[kAf30D] == kPassed || out[kAf30D] == kViolated || out[kAf30D] == kIndeterminate)) {
        ++t.established_30d_evaluated;
        t.established_30d_passed += out[kAf30D] == kPassed;
    }
}

namespace {

std::string date_string(Date d) {
    const Ymd c = civil_from_days(d);
    return fmt::format("{:04}-{:02}-{:02}", c.y, c.m, c.d);
}

void write_counts(std::string& s, const Counts& c, const char* indent) {
    s += "{";
    for (int r = 0; r < kRuleCount; ++r) {
        s += fmt::format("{}\n{}  \"{}\": {{", r ? "," : "", indent, kRules[r].id);
        for (int o = 0; o < kOutcomeCount; ++o)
            s += fmt::format("{}\"{}\": {}", o ? ", " : "", kOutcomeNames[o], c[r][o]);
        s += "}";
    }
    s += fmt::format("\n{}}}", indent);
}

void write_list(std::string& s, const std::vector<uint64_t>& v) {
    s += "[";
    for (size_t i = 0; i < v.size(); ++i) s += fmt::format("{}{}", i ? ", " : "", v[i]);
    s += "]";
}

}  // namespace

std::string truth_json(const Config& cfg, const Truth& t) {
    std::string s;
    s += "{\n";
    s += "  \"generator\": \"planrules-generate\",\n";
    s += fmt::format("  \"seed\": {},\n", cfg.seed);
    s += fmt::format("  \"as_of\": \"{}\",\n", date_string(cfg.as_of));
    s += fmt::format("  \"count\": {},\n", cfg.count);
    s += fmt::format("  \"plans\": {},\n", t.all.plans);
    s += fmt::format("  \"malformed\": {{\n    \"rate\": {},\n    \"not_json\": ", cfg.malformed);
    write_list(s, t.not_json);
    s += ",\n    \"invalid\": ";
    write_list(s, t.invalid);
    s += "\n  },\n  \"rates\": {";
    for (int r = 0; r < kRuleCount; ++r) s += fmt::format("{}\n    \"{}\": {}", r ? "," : "", kRules[r].id, cfg.rates[r]);
    s += "\n  },\n  \"injected\": {";
    for (int r = 0; r < kRuleCount; ++r) s += fmt::format("{}\n    \"{}\": {}", r ? "," : "", kRules[r].id, t.injected[r]);
    s += "\n  },\n  \"rules\": ";
    write_counts(s, t.all.counts, "  ");
    s += ",\n  \"by_kommun\": {";
    bool first = true;
    for (const auto& [code, tally] : t.by_kommun) {
        s += fmt::format("{}\n    \"{}\": {{\n      \"plans\": {},\n      \"rules\": ", first ? "" : ",", code, tally.plans);
        write_counts(s, tally.counts, "      ");
        s += "\n    }";
        first = false;
    }
    s += "\n  },\n  \"key_figures\": {";
    auto figure = [&](std::string_view name, uint64_t num, uint64_t den, std::string_view definition, bool last = false) {
        s += fmt::format("\n    \"{}\": {{\"numerator\": {}, \"denominator\": {}, \"share\": {}, \"definition\": \"{}\"}}{}",
                         name, num, den, den ? fmt::format("{:.6f}", double(num) / double(den)) : std::string("null"),
                         definition, last ? "" : ",");
    };
    // the ids and definitions of planrules batch's key figures (docs/batch.md)
    auto rule_figure = [&](std::string_view name, RuleId r, std::string_view definition) {
        const auto& c = t.all.counts[r];
        figure(name, c[kPassed], c[kPassed] + c[kViolated] + c[kIndeterminate], definition);
    };
    rule_figure("stodbehov_bedomt", kHp61, "established plans with an assessment of support need: HP-6.1 passed / evaluated");
    rule_figure("aktiviteter_motiverade", kHp63, "established plans with current activities, all of them motivated: HP-6.3 passed / evaluated");
    rule_figure("reviderad_inom_6_manader", kAf6M, "established plans revised within six months: AF-6M passed / evaluated");
    figure("upprattad_inom_30_dagar", t.established_30d_passed, t.established_30d_evaluated,
           "plans established (status upprattad or avslutad) within 30 days of registration: AF-30D passed / evaluated, among established plans");
    figure("inskriven_30_dagar_med_plan", t.registered_30_established, t.registered_30,
           "job seekers registered at least 30 days before as-of (inskrivningsdatum + 30 days <= as-of) whose plan is established (upprattad or avslutad)");
    figure("reviderad_automatiskt", t.established_automatic, t.established,
           "established plans (upprattad or avslutad) whose revidering is automatisk");
    figure("langtidsarbetslos_24_manader", t.long_term_24, t.long_term,
           "established plans of long-term unemployed job seekers (AF-LTU's definition, where it can be decided) registered unemployed 24 months or more",
           true);
    s += "\n  }\n}\n";
    return s;
}

}  // namespace generator
