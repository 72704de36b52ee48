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
#include "text/strings.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

namespace planrules {
namespace {

// The line feeds in `data` (memchr is vectorised; a byte loop is not, at -O2).
std::uint64_t count_lines(std::string_view data) {
    std::uint64_t n = 0;
    const char* p = data.data();
    const char* end = p + data.size();
    while (p < end) {
        const void* nl = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
        if (!nl) break;
        ++n;
        p = static_cast<const char*>(nl) + 1;
    }
    return n;
}

using check::TypeKind;

constexpr std::size_t block_size = 1u << 20;

// A field of the plan read by slots, resolved once from a dotted path.
struct FieldPath {
    std::vector<int> slots;
    int type = -1;
    bool valid() const { return !slots.empty(); }
};

// The group values are shown in the summary: a field whose values are for Arbetsförmedlingen
// only (`sensitive`, `sensitive value`) groups no report for another audience.
tl::expected<FieldPath, std::string> resolve(const check::Schema& schema, std::string_view dotted, Audience audience) {
    FieldPath path;
    int type = schema.root_type;
    std::string_view rest = dotted;
    if (rest.substr(0, schema.root_name.size() + 1) == schema.root_name + ".") rest.remove_prefix(schema.root_name.size() + 1);
    while (!rest.empty()) {
        std::size_t dot = rest.find('.');
        std::string_view name = rest.substr(0, dot);
        rest = dot == std::string_view::npos ? std::string_view{} : rest.substr(dot + 1);
        if (type < 0 || schema.type(type).kind != TypeKind::record)
            return tl::unexpected(fmt::format("'{}' is not a field of the plan: '{}' has no fields", dotted, name));
        const auto& rec = schema.records[static_cast<std::size_t>(schema.type(type).decl)];
        int slot = rec.slot(name);
        if (slot < 0) {
            std::vector<std::string> names;
            for (const auto& f : rec.fields) names.push_back(f.name);
            std::string hint = detail::nearest(name, names);
            return tl::unexpected(fmt::format("'{}' is not a field of the plan: {} has no field '{}'{}", dotted, rec.name,
                                              name, hint.empty() ? "" : fmt::format("; did you mean '{}'?", hint)));
        }
        const auto& field = rec.fields[static_cast<std::size_t>(slot)];
        if (audience != Audience::af && (field.sensitive || field.sensitive_value))
            return tl::unexpected(fmt::format("'{}' is sensitive: a summary for {} cannot be grouped by it", dotted,
                                              to_string(audience)));
        path.slots.push_back(slot);
        type = field.type;
    }
    if (path.slots.empty()) return tl::unexpected(fmt::format("'{}' names no field", dotted));
    auto k = schema.type(type).kind;
    if (k == TypeKind::record || k == TypeKind::list)
        return tl::unexpected(fmt::format("'{}' is a {}; group by a field of one value (text, code, number, date)",
                                          dotted, schema.name(type)));
    path.type = type;
    return path;
}

Value read_field(const Plan& plan, const FieldPath& path) {
    Value v = plan.root();
    for (int slot : path.slots) {
        if (v.kind != ValueKind::record) return Value{};
        v = v.field(static_cast<std::uint32_t>(slot));
    }
    return v;
}

std::string text_of(const check::Schema& schema, const FieldPath& path, const Value& v) {
    switch (v.kind) {
        case ValueKind::string: return std::string(v.str());
        case ValueKind::integer: return std::to_string(v.i);
        case ValueKind::boolean: return v.b ? "true" : "false";
        case ValueKind::date: return to_string(civil_from_days(v.i));
        case ValueKind::enumeration: {
            const auto& t = schema.type(path.type);
            if (t.kind == TypeKind::enumeration) {
                const auto& en = schema.enums[static_cast<std::size_t>(t.decl)];
                if (v.n < en.values.size()) return en.values[v.n];
            }
            return std::to_string(v.n);
        }
        case ValueKind::decimal: return fmt::format("{}", v.d);
        default: return {};
    }
}

enum State : std::uint8_t { skipped, violated, indeterminate, passed, not_applicable, not_in_force };

struct Counts {
    std::vector<RuleCounts> rules;
    std::vector<std::pair<std::uint64_t, std::uint64_t>> figures;
    std::uint64_t plans = 0, due = 0;
};

struct Tally {
    std::uint64_t lines = 0, plans = 0, not_json = 0, invalid_input = 0, with_errors = 0, queue_total = 0;
    std::vector<MalformedRecord> not_json_records;
    std::vector<std::uint64_t> invalid_lines;
    std::vector<QueueEntry> queue;
    Counts all;
    std::map<std::string, Counts, std::less<>> groups;
};

void add(Counts& into, const Counts& from) {
    into.plans += from.plans;
    into.due += from.due;
    if (into.rules.size() < from.rules.size()) into.rules.resize(from.rules.size());
    for (std::size_t i = 0; i < from.rules.size(); ++i) {
        auto& a = into.rules[i];
        const auto& b = from.rules[i];
        a.violated += b.violated;
        a.indeterminate += b.indeterminate;
        a.passed += b.passed;
        a.not_applicable += b.not_applicable;
        a.not_in_force += b.not_in_force;
    }
    if (into.figures.size() < from.figures.size()) into.figures.resize(from.figures.size());
    for (std::size_t i = 0; i < from.figures.size(); ++i) {
        into.figures[i].first += from.figures[i].first;
        into.figures[i].second += from.figures[i].second;
    }
}

// Bytes read from the input: raw storage (not zeroed first), reused once a worker is done.
struct Buffer {
    std::unique_ptr<char[]> bytes;
    std::size_t capacity = 0;
    std::size_t size = 0;
    [[nodiscard]] std::string_view view() const noexcept { return {bytes.get(), size}; }
};

struct Block {
    std::uint64_t seq = 0;
    std::uint64_t first_line = 0;  // 1-based number of the block's first line
    Buffer data;                   // whole lines
    std::string out;               // findings text, when asked for
    std::vector<MalformedRecord> too_long;  // lines skipped by the reader
};

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
            auto g = resolve(schema_, group_by_, o_.validate.audience);
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
        const std::size_t max_line = o_.limits.max_plan_size + 4096;
        {
            std::lock_guard lock(mutex_);
            spare_limit_ = max_in_flight + 1;
        }
        std::uint64_t line = 1, seq = 0;
        bool skipping = false;  // inside a line longer than max_line
        std::uint64_t skip_line = 0;
        std::vector<MalformedRecord> too_long;
        auto last_progress = std::chrono::steady_clock::now();
        auto dispatch = [&](Buffer data) {
            Block b;
            b.seq = seq++;
            b.first_line = line;
            line += count_lines(data.view());
            b.data = std::move(data);
            b.too_long = std::move(too_long);
            too_long.clear();
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
        // The input is read straight into a block's buffer; the whole lines in it go to a worker
        // and the start of the last, unfinished line is copied to the next buffer.
        Buffer cur = take_buffer(block_size);
        for (;;) {
            std::size_t n = std::fread(cur.bytes.get() + cur.size, 1, cur.capacity - cur.size, input);
            if (n == 0) {
                if (std::ferror(input)) return "cannot read the input";
                break;
            }
            bytes_ += n;
            const std::size_t fresh = cur.size;  // where the bytes just read start
            cur.size += n;
            if (skipping) {  // drop the rest of a too long line
                const void* nl = std::memchr(cur.bytes.get() + fresh, '\n', n);
                if (!nl) {
                    cur.size = fresh;
                    continue;
                }
                skipping = false;
                const std::size_t from = static_cast<std::size_t>(static_cast<const char*>(nl) - cur.bytes.get()) + 1;
                std::memmove(cur.bytes.get() + fresh, cur.bytes.get() + from, cur.size - from);
                cur.size = fresh + (cur.size - from);
                line = skip_line + 1;
            }
            const std::size_t last_nl = cur.view().rfind('\n');  // the last line is short: found soon
            if (last_nl != std::string_view::npos) {
                const std::size_t end = last_nl + 1;
                if (cur.size == cur.capacity || end == cur.size) {
                    Buffer next = carry(cur.view().substr(end), 2 * (cur.size - end));
                    cur.size = end;
                    dispatch(std::move(cur));
                    cur = std::move(next);
                }
            } else if (cur.size > max_line) {
                // a line longer than any plan may be: counted, not kept
                too_long.push_back({line, fmt::format("the line is longer than {} bytes (PlanLimits::max_plan_size)",
                                                      o_.limits.max_plan_size)});
                skipping = true;
                skip_line = line;
                cur.size = 0;
                // the reader's line count moves on when the line ends
            } else if (cur.size == cur.capacity) {
                // one line longer than the buffer so far: a larger one
                cur = carry(cur.view(), 2 * cur.capacity);
            }
            flush(false);
            if (o_.progress) {
                auto now = std::chrono::steady_clock::now();
                if (now - last_progress > std::chrono::milliseconds(100)) {
                    last_progress = now;
                    o_.progress(bytes_, done_records_.load(std::memory_order_relaxed));
                }
            }
        }
        if (skipping) line = skip_line + 1;
        if (cur.size != 0 || !too_long.empty()) dispatch(std::move(cur));
        summary_.bytes = bytes_;
        return {};
    }

    // A buffer of at least `capacity` bytes (at least a block): one a worker gave back, or new.
    Buffer take_buffer(std::size_t capacity) {
        capacity = std::max(capacity, block_size);
        {
            std::lock_guard lock(mutex_);
            for (auto it = spare_.begin(); it != spare_.end(); ++it) {
                if (it->capacity < capacity) continue;
                Buffer b = std::move(*it);
                spare_.erase(it);
                b.size = 0;
                return b;
            }
        }
        Buffer b;
        b.bytes = std::make_unique_for_overwrite<char[]>(capacity);
        b.capacity = capacity;
        return b;
    }

    // A buffer of at least `capacity` bytes that starts with `bytes`.
    Buffer carry(std::string_view bytes, std::size_t capacity) {
        Buffer b = take_buffer(capacity);
        std::memcpy(b.bytes.get(), bytes.data(), bytes.size());
        b.size = bytes.size();
        return b;
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
        tally.all.rules.resize(summary_.rule_ids.size());
        tally.all.figures.resize(figures_.counted().size());
        std::vector<std::uint8_t> states(summary_.rule_ids.size());
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
                    one(tally, states, report, w, text, line, b.out);
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
                // the buffer back to the reader (those of one long line are let go)
                if (b.data.capacity == block_size && spare_.size() < spare_limit_) spare_.push_back(std::move(b.data));
            }
            space_.notify_all();
        }
    }

    // A worker's own key-figure evaluation.
    struct Worker {
        batch::Figures figures;
        std::vector<batch::FigureCount> counts;
    };

    void one(Tally& tally, std::vector<std::uint8_t>& states, Report& r, Worker& w, std::string_view text,
             std::uint64_t line, std::string& out) {
        if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
        if (text.find_first_not_of(" \t") == std::string_view::npos) return;  // a blank line is no record
        ++tally.lines;
        static const std::string unnamed = "plan";
        auto plan = rules_.load_json(text, unnamed, o_.limits);
        if (!plan) plan = rules_.load_json(text, fmt::format("line {}", line), o_.limits);  // its diagnostics name the line
        if (!plan) {
            ++tally.not_json;
            std::string why = plan.error().empty() ? "the record could not be read" : plan.error().front().message;
            if (!plan.error().empty() && plan.error().front().file && plan.error().front().has_span)
                why = fmt::format("{} (column {})", why,
                                  plan.error().front().file->position(plan.error().front().span.begin).column);
            if (o_.findings) out += render_load_error_json(why, plan.error(), fmt::format("line {}", line));
            if (tally.not_json_records.size() < o_.max_listed) tally.not_json_records.push_back({line, std::move(why)});
            return;
        }
        ++tally.plans;
        if (!plan->input_findings().empty()) {
            ++tally.invalid_input;
            if (tally.invalid_lines.size() < o_.max_listed) tally.invalid_lines.push_back(line);
        }
        rules_.validate(*plan, validate_, r);
        if (o_.findings) out += render_report_json(r, fmt::format("line {}", line));
        if (r.has_errors()) ++tally.with_errors;

        for (std::size_t i = 0; i < states.size(); ++i) {
            switch (i < r.results.size() ? r.results[i] : RuleResult::skipped) {
                case RuleResult::skipped: states[i] = skipped; break;
                case RuleResult::not_in_force: states[i] = not_in_force; break;
                case RuleResult::not_applicable: states[i] = not_applicable; break;
                case RuleResult::passed: states[i] = passed; break;
                case RuleResult::violated: states[i] = violated; break;
                case RuleResult::indeterminate: states[i] = indeterminate; break;
            }
        }

        std::string group;
        Counts* g = nullptr;
        if (group_.valid()) {
            group = text_of(schema_, group_, read_field(*plan, group_));
            auto it = tally.groups.find(group);
            if (it == tally.groups.end()) {
                it = tally.groups.emplace(group, Counts{}).first;
                it->second.rules.resize(states.size());
                it->second.figures.resize(figures_.counted().size());
            }
            g = &it->second;
        }
        auto count = [&](Counts& c) {
            ++c.plans;
            for (std::size_t i = 0; i < states.size(); ++i) {
                auto& rc = c.rules[i];
                switch (states[i]) {
                    case violated: ++rc.violated; break;
                    case indeterminate: ++rc.indeterminate; break;
                    case passed: ++rc.passed; break;
                    case not_applicable: ++rc.not_applicable; break;
                    case not_in_force: ++rc.not_in_force; break;
                    default: break;
                }
            }
        };
        count(tally.all);
        if (g) count(*g);

        if (!figures_.counted().empty()) {
            w.figures.count(*plan, as_of_day_, validate_.max_steps, r.results, w.counts);
            for (std::size_t k = 0; k < w.counts.size(); ++k) {
                tally.all.figures[k].first += w.counts[k].numerator;
                tally.all.figures[k].second += w.counts[k].denominator;
                if (g) {
                    g->figures[k].first += w.counts[k].numerator;
                    g->figures[k].second += w.counts[k].denominator;
                }
            }
        }

        if (o_.due_within) {
            for (const auto& d : r.deadlines) {
                std::int64_t day = days_from_civil(d.due);
                if (day < as_of_day_ || day > as_of_day_ + *o_.due_within) continue;
                ++tally.queue_total;
                ++tally.all.due;
                if (g) ++g->due;
                // keep the most urgent max_listed (whatever block a worker got): trim now and then
                tally.queue.push_back(QueueEntry{plan->id(), line, d.rule, d.due, group});
                if (tally.queue.size() >= 2 * o_.max_listed + 16) trim_queue(tally.queue);
            }
        }
    }

    static bool urgent_first(const QueueEntry& a, const QueueEntry& b) {
        auto da = days_from_civil(a.due), db = days_from_civil(b.due);
        return da != db ? da < db : a.line != b.line ? a.line < b.line : a.rule < b.rule;
    }

    void trim_queue(std::vector<QueueEntry>& q) const {
        std::sort(q.begin(), q.end(), urgent_first);
        if (q.size() > o_.max_listed) q.resize(o_.max_listed);
    }

    void merge(std::vector<Tally>& tallies) {
        Counts all;
        all.rules.resize(summary_.rule_ids.size());
        all.figures.resize(figures_.counted().size());
        std::map<std::string, Counts, std::less<>> groups;
        for (auto& t : tallies) {
            summary_.lines += t.lines;
            summary_.plans += t.plans;
            summary_.not_json += t.not_json;
            summary_.invalid_input += t.invalid_input;
            summary_.with_errors += t.with_errors;
            summary_.queue_total += t.queue_total;
            for (auto& r : t.not_json_records) summary_.not_json_records.push_back(std::move(r));
            summary_.invalid_input_lines.insert(summary_.invalid_input_lines.end(), t.invalid_lines.begin(),
                                                t.invalid_lines.end());
            for (auto& q : t.queue) summary_.queue.push_back(std::move(q));
            add(all, t.all);
            for (auto& [value, c] : t.groups) add(groups[value], c);
        }
        auto by_line = [](const auto& a, const auto& b) { return a.line < b.line; };
        std::sort(summary_.not_json_records.begin(), summary_.not_json_records.end(), by_line);
        if (summary_.not_json_records.size() > o_.max_listed) summary_.not_json_records.resize(o_.max_listed);
        std::sort(summary_.invalid_input_lines.begin(), summary_.invalid_input_lines.end());
        if (summary_.invalid_input_lines.size() > o_.max_listed) summary_.invalid_input_lines.resize(o_.max_listed);
        trim_queue(summary_.queue);
        summary_.as_of = validate_.as_of;
        summary_.digest = rules_.digest();
        summary_.group_by = group_.valid() ? group_by_ : "";
        summary_.due_within = o_.due_within;
        summary_.rules = all.rules;
        summary_.figures = figures(all);
        for (auto& [value, c] : groups) {
            GroupSummary gs;
            gs.value = value;
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
    std::vector<Buffer> spare_;       // buffers the workers are done with
    std::size_t spare_limit_ = 4;     // as many as can be in flight
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
