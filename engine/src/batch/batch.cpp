// planrules batch: a population of plans (JSON Lines) through the rules, in parallel.
//
// The calling thread reads the input in blocks of whole lines and hands them to the workers
// through a bounded queue; each worker validates the lines of its block and counts into its
// own tally; the tallies are merged at the end. A block's findings text (BatchOptions::findings)
// is written by the calling thread in input order. Memory holds a bounded number of blocks,
// the tallies, and the listed items (BatchOptions::max_listed).

#include <planrules/batch.hpp>
#include <planrules/report/report_render.hpp>

#include "batch/figures.hpp"
#include "batch/grouping.hpp"
#include "batch/input.hpp"
#include "batch/tally.hpp"
#include "text/catalogue.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <thread>

namespace planrules {
namespace {

using namespace batch;

class Batch {
public:
    Batch(const RuleSet& rules, const eval::Compiled& compiled, const BatchOptions& o)
        : rules_(rules), compiled_(compiled), o_(o), schema_(rules.program().schema),
          figures_(compiled, o.validate.audience) {}

    tl::expected<BatchSummary, std::string> run(std::FILE* input) {
        const auto& p = rules_.program();
        for (std::size_t i = 0; i < p.rules.size(); ++i) {
            summary_.rule_ids.push_back(p.rules[i].id());
            int rs = p.rules[i].ruleset;
            summary_.rulesets.push_back(rs >= 0 ? p.rulesets[static_cast<std::size_t>(rs)].name : "");
            summary_.severities.push_back(p.rules[i].decl->severity.value_or(Severity::error));
            summary_.withheld.push_back(rules_.withheld(i, o_.validate.audience));
        }
        group_by_ = o_.group_by ? *o_.group_by : p.group ? p.group->path : std::string();
        if (!group_by_.empty()) {
            auto g = resolve_group(schema_, group_by_, o_.validate.audience);
            if (!g) return tl::unexpected(g.error());
            group_ = *g;
        }
        validate_ = o_.validate;
        validate_.deadlines = o_.due_within.has_value();
        if (!o_.findings) {  // counts only: no messages, pointers or evidence to make
            validate_.evidence = false;
            validate_.details = false;
        }
        as_of_day_ = days_from_civil(validate_.as_of);

        if (o_.findings && o_.findings_csv) {
            const std::string heading = findings_csv_heading(*o_.findings_csv);
            std::fwrite(heading.data(), 1, heading.size(), o_.findings);
        }
        unsigned threads = o_.threads ? o_.threads : std::max(1u, std::thread::hardware_concurrency());
        summary_.threads = threads;
        auto start = std::chrono::steady_clock::now();
        std::vector<Tally> tallies(threads);
        std::vector<std::thread> workers;
        std::string failure;
        try {
            for (unsigned t = 0; t < threads; ++t) workers.emplace_back([this, &tallies, t] { work(tallies[t]); });
            failure = read(input, threads);
        } catch (const std::exception& e) {
            failure = std::string("internal error: ") + e.what();
        }
        {
            std::lock_guard lock(mutex_);
            closed_ = true;
        }
        work_ready_.notify_all();
        for (auto& w : workers) w.join();
        flush(true);
        if (o_.progress) o_.progress(bytes_, done_records_.load(std::memory_order_relaxed));
        if (!failure.empty()) return tl::unexpected(failure);
        if (!worker_failure_.empty()) return tl::unexpected(worker_failure_);
        merge(tallies);
        summary_.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        return std::move(summary_);
    }

private:
    // The calling thread: blocks of whole lines to the workers; findings text out in order.
    std::string read(std::FILE* input, unsigned threads) {
        const std::size_t max_in_flight = 2 * static_cast<std::size_t>(threads) + 2;
        buffers_.set_limit(max_in_flight + 1);
        auto last_progress = std::chrono::steady_clock::now();
        ReadOptions ro;
        ro.max_plan_size = o_.limits.max_plan_size;
        ro.dispatch = [&](Block&& b) {
            std::unique_lock lock(mutex_);
            for (;;) {
                write_ready(lock);
                if (in_flight_ < max_in_flight) break;
                space_.wait(lock, [&] { return next_ready(); });
            }
            queue_.push_back(std::move(b));
            ++in_flight_;
            lock.unlock();
            work_ready_.notify_one();
        };
        ro.after_read = [&](std::uint64_t bytes) {
            flush(false);
            if (o_.progress) {
                auto now = std::chrono::steady_clock::now();
                if (now - last_progress > std::chrono::milliseconds(100)) {
                    last_progress = now;
                    o_.progress(bytes, done_records_.load(std::memory_order_relaxed));
                }
            }
        };
        std::string failure = read_blocks(input, buffers_, ro, bytes_);
        if (failure.empty()) summary_.bytes = bytes_;
        return failure;
    }

    bool next_ready() const { return !finished_.empty() && finished_.begin()->first == next_out_; }

    // Writes the findings of the finished blocks that are next in input order (lock held).
    void write_ready(std::unique_lock<std::mutex>& lock) {
        while (next_ready()) {
            std::string text = std::move(finished_.begin()->second);
            finished_.erase(finished_.begin());
            ++next_out_;
            --in_flight_;
            lock.unlock();
            if (o_.findings && !text.empty()) std::fwrite(text.data(), 1, text.size(), o_.findings);
            lock.lock();
        }
    }

    // Writes what is ready; with `all`, waits for every block in flight.
    void flush(bool all) {
        std::unique_lock lock(mutex_);
        for (;;) {
            write_ready(lock);
            if (!all || in_flight_ == 0 || !worker_failure_.empty()) return;
            space_.wait(lock, [&] { return next_ready(); });
        }
    }

    void work(Tally& tally) {
        // the texts of this worker's findings and reasons in the run's language
        const text::LanguageScope language(o_.validate.language);
        try {
            work_blocks(tally);
        } catch (const std::exception& e) {  // std::bad_alloc outside a block
            {
                std::lock_guard lock(mutex_);
                if (worker_failure_.empty()) worker_failure_ = std::string("internal error: ") + e.what();
            }
            space_.notify_all();
        }
    }

    void work_blocks(Tally& tally) {
        tally.all = empty_counts(summary_.rule_ids.size(), figures_.counted().size());
        Report report;  // reused for every plan of this worker
        Worker w{figures_, {}};
        for (;;) {
            Block b;
            {
                std::unique_lock lock(mutex_);
                work_ready_.wait(lock, [&] { return !queue_.empty() || closed_; });
                if (queue_.empty()) return;
                b = std::move(queue_.front());
                queue_.pop_front();
            }
            try {
                for (auto& r : b.too_long) {
                    ++tally.lines;
                    ++tally.not_json;
                    if (tally.not_json_records.size() < o_.max_listed) tally.not_json_records.push_back(std::move(r));
                }
                std::string_view data = b.data.view();
                std::uint64_t line = b.first_line;
                std::uint64_t records = 0;
                while (!data.empty()) {
                    std::size_t nl = data.find('\n');
                    std::string_view text = data.substr(0, nl);
                    data = nl == std::string_view::npos ? std::string_view{} : data.substr(nl + 1);
                    one(tally, report, w, text, line, b.out);
                    ++line;
                    ++records;
                }
                done_records_.fetch_add(records, std::memory_order_relaxed);
            } catch (const std::exception& e) {  // std::bad_alloc
                std::lock_guard lock(mutex_);
                if (worker_failure_.empty()) worker_failure_ = std::string("internal error: ") + e.what();
            }
            {
                std::lock_guard lock(mutex_);
                finished_.emplace(b.seq, std::move(b.out));
            }
            buffers_.give_back(std::move(b.data));  // to the reader
            space_.notify_all();
        }
    }

    // A worker's own key-figure evaluation.
    struct Worker {
        batch::Figures figures;
        std::vector<batch::FigureCount> counts;
    };

    void one(Tally& tally, Report& r, Worker& w, std::string_view text, std::uint64_t line, std::string& out) {
        if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
        if (text.find_first_not_of(" \t") == std::string_view::npos) return;  // a blank line is no record
        ++tally.lines;
        static const std::string unnamed = "plan";
        auto plan = rules_.load_json(text, unnamed, o_.limits, o_.validate.language);
        if (!plan)  // its diagnostics name the line
            plan = rules_.load_json(text, fmt::format("line {}", line), o_.limits, o_.validate.language);
        if (!plan) {
            ++tally.not_json;
            std::string why = plan.error().empty() ? text::tr("the record could not be read") : plan.error().front().message;
            if (!plan.error().empty() && plan.error().front().file && plan.error().front().has_span)
                why = text::tr("{} (column {})", why, plan.error().front().file->position(plan.error().front().span.begin).column);
            if (o_.findings && !o_.findings_csv) out += render_load_error_json(why, plan.error(), fmt::format("line {}", line));
            if (tally.not_json_records.size() < o_.max_listed) tally.not_json_records.push_back({line, std::move(why)});
            return;
        }
        ++tally.plans;
        if (!plan->input_findings().empty()) {
            ++tally.invalid_input;
            if (tally.invalid_lines.size() < o_.max_listed) tally.invalid_lines.push_back(line);
        }
        rules_.validate(*plan, validate_, r);
        if (o_.each_report) o_.each_report(line, text, *plan, r);
        if (o_.findings) out += o_.findings_csv ? render_findings_csv(r, line, *o_.findings_csv)
                                                : render_report_json(r, fmt::format("line {}", line));
        if (r.has_errors()) ++tally.with_errors;

        std::string group;
        Counts* g = nullptr;
        if (group_.valid()) {
            group = group_of(schema_, group_, *plan);
            auto it = tally.groups.find(group);
            if (it == tally.groups.end())
                it = tally.groups.emplace(group, empty_counts(summary_.rule_ids.size(), figures_.counted().size())).first;
            g = &it->second;
        }
        if (!figures_.counted().empty()) w.figures.count(*plan, as_of_day_, validate_.max_steps, r.results, w.counts);
        count_plan(tally.all, r.results, w.counts);
        if (g) count_plan(*g, r.results, w.counts);

        if (o_.due_within) {
            for (const auto& d : r.deadlines) {
                std::int64_t day = days_from_civil(d.due);
                if (day < as_of_day_ || day > as_of_day_ + *o_.due_within) continue;
                ++tally.queue_total;
                ++tally.all.due;
                if (g) ++g->due;
                // keep the most urgent max_listed (whatever block a worker got): trim now and then
                tally.queue.push_back(QueueEntry{plan->id(), line, d.rule, d.due, group});
                if (tally.queue.size() >= 2 * o_.max_listed + 16) trim_queue(tally.queue, o_.max_listed);
            }
        }
    }

    void merge(std::vector<Tally>& tallies) {
        Counts all = empty_counts(summary_.rule_ids.size(), figures_.counted().size());
        GroupCounts groups;
        batch::merge(tallies, o_.max_listed, summary_, all, groups);
        summary_.as_of = validate_.as_of;
        summary_.digest = rules_.digest();
        summary_.group_by = group_.valid() ? group_by_ : "";
        summary_.due_within = o_.due_within;
        summary_.rules = all.rules;
        summary_.figures = figures(all);
        const auto& schema = rules_.program().schema;
        for (auto& [value, c] : groups) {
            GroupSummary gs;
            gs.value = value;
            if (group_.codes >= 0)
                if (const auto* code = schema.code_lists[static_cast<std::size_t>(group_.codes)].find(value))
                    gs.label = code->label;
            gs.plans = c.plans;
            gs.rules = c.rules;
            gs.figures = figures(c);
            gs.due = c.due;
            summary_.groups.push_back(std::move(gs));
        }
    }

    std::vector<KeyFigure> figures(const Counts& c) const {
        std::vector<KeyFigure> out;
        const auto& p = rules_.program();
        for (std::size_t k = 0; k < figures_.counted().size(); ++k) {
            const auto& code = compiled_.figures[static_cast<std::size_t>(figures_.counted()[k])];
            const ast::FigureDecl& d = *p.figures[static_cast<std::size_t>(code.figure)].decl;
            std::string rule = d.from ? d.from->text : std::string();
            std::string label = d.label ? d.label->value : !rule.empty() ? rule : d.name.text;
            out.push_back(KeyFigure{d.name.text, d.title.value, std::move(label), std::move(rule), c.figures[k].first,
                                    c.figures[k].second});
        }
        return out;
    }

    const RuleSet& rules_;
    const eval::Compiled& compiled_;
    const BatchOptions& o_;
    const check::Schema& schema_;
    ValidateOptions validate_;
    std::int64_t as_of_day_ = 0;
    std::string group_by_;
    FieldPath group_;
    batch::Figures figures_;  // copied by each worker
    BatchSummary summary_;

    std::mutex mutex_;
    std::condition_variable work_ready_, space_;
    std::deque<Block> queue_;
    BufferPool buffers_;
    std::map<std::uint64_t, std::string> finished_;
    std::uint64_t next_out_ = 0;
    std::size_t in_flight_ = 0;
    bool closed_ = false;
    std::string worker_failure_;
    std::uint64_t bytes_ = 0;
    std::atomic<std::uint64_t> done_records_{0};
};

}  // namespace

tl::expected<BatchSummary, std::string> run_batch(const RuleSet& rules, std::FILE* input, const BatchOptions& options) {
    if (!input) return tl::unexpected(std::string("no input"));
    try {
        Batch b(rules, *rules.compiled_, options);
        return b.run(input);
    } catch (const std::exception& e) {
        return tl::unexpected(std::string("internal error: ") + e.what());
    }
}

}  // namespace planrules
