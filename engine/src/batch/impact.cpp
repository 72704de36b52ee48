// Two versions of the rules over one population (planrules/impact.hpp): a population run with
// each version for the counts, and in the second run each plan validated with the first
// version too, to find the plans whose result changed (which a count cannot show: as many
// plans may start passing a rule as stop).

#include "text/catalogue.hpp"

#include <planrules/impact.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <mutex>
#include <set>

namespace planrules {

namespace {

using File = std::unique_ptr<std::FILE, int (*)(std::FILE*)>;

// The plans whose results changed, collected from the workers of the second run.
class Changes {
public:
    Changes(const RuleSet& before, const RuleSet& after, const ImpactOptions& o) : before_(before), o_(o) {
        for (const auto& id : before.rule_ids()) before_index_.emplace(id, before_index_.size());
        after_ids_ = after.rule_ids();
        validate_ = o.batch.validate;
        validate_.details = false;  // outcomes only: Report::results
        validate_.evidence = false;
        validate_.deadlines = false;
    }

    void plan(std::uint64_t line, std::string_view text, const Plan& after_plan, const Report& after) {
        thread_local Report report;
        auto plan = before_.load_json(text, "plan", o_.batch.limits, validate_.language);
        if (!plan) return;  // not a plan for the rules before: the counts of that run say so
        before_.validate(*plan, validate_, report);
        std::vector<std::pair<std::size_t, std::pair<RuleResult, RuleResult>>> changed;
        for (std::size_t i = 0; i < after_ids_.size() && i < after.results.size(); ++i) {
            const auto it = before_index_.find(after_ids_[i]);
            if (it == before_index_.end()) continue;  // a new rule: its counts are the change
            const RuleResult was = report.results[it->second], is = after.results[i];
            if (was != is) changed.push_back({i, {was, is}});
        }
        if (changed.empty()) return;
        std::lock_guard lock(mutex_);
        ++plans_changed_;
        for (const auto& [i, fromto] : changed) {
            RuleChange& c = changes_[{after_ids_[i], static_cast<int>(fromto.first), static_cast<int>(fromto.second)}];
            c.rule = after_ids_[i];
            c.from = fromto.first;
            c.to = fromto.second;
            ++c.plans;
            c.samples.push_back({line, after_plan.id()});
            // keep the first lines (the workers finish blocks in any order)
            std::sort(c.samples.begin(), c.samples.end(), [](const auto& a, const auto& b) { return a.line < b.line; });
            if (c.samples.size() > o_.samples) c.samples.pop_back();
        }
    }

    void into(ImpactSummary& s) {
        for (auto& [key, c] : changes_) s.changes.push_back(std::move(c));
        std::stable_sort(s.changes.begin(), s.changes.end(), [](const RuleChange& a, const RuleChange& b) {
            return a.rule != b.rule ? a.rule < b.rule : a.plans > b.plans;
        });
        s.plans_changed = plans_changed_;
    }

private:
    const RuleSet& before_;
    const ImpactOptions& o_;
    ValidateOptions validate_;
    std::map<std::string, std::size_t> before_index_;
    std::vector<std::string> after_ids_;
    std::mutex mutex_;
    std::map<std::tuple<std::string, int, int>, RuleChange> changes_;
    std::uint64_t plans_changed_ = 0;
};

}  // namespace

tl::expected<ImpactSummary, std::string> run_impact(const RuleSet& before, const RuleSet& after,
                                                     const std::filesystem::path& input, const ImpactOptions& options) {
    const text::LanguageScope language(options.batch.validate.language);
    try {
        ImpactSummary s;
        auto open = [&]() -> tl::expected<File, std::string> {
            std::FILE* f = std::fopen(input.c_str(), "rb");
            if (!f) return tl::unexpected(text::tr("cannot read '{}'", input.string()));
            return File(f, &std::fclose);
        };
        BatchOptions first = options.batch;
        first.findings = nullptr;
        first.progress = nullptr;
        first.each_report = nullptr;
        {
            auto in = open();
            if (!in) return tl::unexpected(in.error());
            auto b = run_batch(before, in->get(), first);
            if (!b) return tl::unexpected(b.error());
            s.before = std::move(*b);
        }
        Changes changes(before, after, options);
        BatchOptions second = first;
        second.progress = options.batch.progress;
        // both runs grouped alike, even when the versions' `group by` differ
        if (!second.group_by) second.group_by = s.before.group_by;
        second.each_report = [&](std::uint64_t line, std::string_view text, const Plan& plan, const Report& report) {
            changes.plan(line, text, plan, report);
        };
        {
            auto in = open();
            if (!in) return tl::unexpected(in.error());
            auto a = run_batch(after, in->get(), second);
            if (!a) return tl::unexpected(a.error());
            s.after = std::move(*a);
        }
        changes.into(s);
        const std::set<std::string> was(s.before.rule_ids.begin(), s.before.rule_ids.end());
        const std::set<std::string> is(s.after.rule_ids.begin(), s.after.rule_ids.end());
        for (const auto& id : s.after.rule_ids)
            if (!was.count(id)) s.added.push_back(id);
        for (const auto& id : s.before.rule_ids)
            if (!is.count(id)) s.removed.push_back(id);
        return s;
    } catch (const std::exception& e) {
        return tl::unexpected(text::tr("internal error: {}", e.what()));
    }
}

}  // namespace planrules
