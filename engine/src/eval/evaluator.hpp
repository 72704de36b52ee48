#pragma once
// The evaluator of the evaluation tree (internal).

#include "eval/boundaries.hpp"
#include "eval/tree.hpp"

#include <memory>
#include <string>
#include <vector>

namespace planrules::eval {

// The values of parameterless defines (`define name = …`) for one plan and one `today`:
// such a define reads only the plan, `today` and other defines, so one evaluation serves every
// rule that uses it. Kept per thread and reused: begin() forgets the previous plan's values.
struct DefineCache {
    std::vector<Value> values;
    std::vector<std::uint64_t> stamp;  // == now: values[i] holds define i's value
    std::uint64_t now = 0;
    void begin(std::size_t defines) {
        if (stamp.size() < defines) {
            stamp.resize(defines, 0);
            values.resize(defines);
        }
        ++now;
    }
};

// Text made during evaluation (`period(…)`, `lower(…)`, string concatenation), kept per thread
// in chunks that are reused: reset() before a plan forgets the previous plan's text.
class TextArena {
public:
    std::string_view store(std::string_view s) {
        if (s.empty()) return {};
        if (chunk_ >= chunks_.size() || s.size() > chunks_[chunk_].size - used_) {
            if (chunk_ < chunks_.size() && used_ > 0) ++chunk_;
            while (chunk_ < chunks_.size() && chunks_[chunk_].size < s.size()) ++chunk_;
            if (chunk_ >= chunks_.size()) {
                const std::size_t size = s.size() > 4096 ? s.size() : 4096;
                chunks_.push_back(Chunk{std::make_unique_for_overwrite<char[]>(size), size});
                chunk_ = chunks_.size() - 1;
            }
            used_ = 0;
        }
        char* out = chunks_[chunk_].data.get() + used_;
        std::copy(s.begin(), s.end(), out);
        used_ += s.size();
        return {out, s.size()};
    }
    void reset() {
        chunk_ = 0;
        used_ = 0;
        // not kept after a plan that made much text: more than 16 chunks, or chunks over 64 KiB
        if (chunks_.size() > 16) chunks_.resize(16);
        std::erase_if(chunks_, [](const Chunk& c) { return c.size > (1u << 16); });
    }

private:
    struct Chunk {
        std::unique_ptr<char[]> data;
        std::size_t size = 0;
    };
    std::vector<Chunk> chunks_;
    std::size_t chunk_ = 0, used_ = 0;
};

// A value as a message shows it: ISO dates, decimals with a decimal comma ("2,5"), durations as
// written ("6 months"); an enum value by its code (Evaluator::message_text names it); "" for a
// missing value, a record or a list.
[[nodiscard]] std::string text_of(const Value& v);

class Evaluator {
public:
    // `max_steps`: evaluation steps allowed over the evaluator's life (0: no limit). `stack`:
    // storage for the variables to use (and grow) instead of the evaluator's own, so that an
    // evaluator per plan need not allocate it; used by one evaluator at a time.
    Evaluator(const Compiled& c, const Value& root, std::int64_t today, std::uint64_t max_steps = 0,
              std::vector<Value>* stack = nullptr)
        : c_(c), root_(root), today_(today), max_steps_(max_steps), steps_left_(max_steps ? max_steps : UINT64_MAX),
          stack_(stack ? *stack : own_stack_) {
        if (stack_.size() < 64) stack_.resize(64);
    }
    Evaluator(const Evaluator&) = delete;
    Evaluator& operator=(const Evaluator&) = delete;

    // Remembers parameterless defines' values in `cache` (begun for this plan and today); the
    // cache must not outlive the values the evaluator made (strings kept in its scratch).
    void use_cache(DefineCache* cache) { cache_ = cache; }
    // Keeps text it makes in `arena` (reset for this plan) instead of allocating it; the arena
    // must not be reset while the evaluator's values are in use.
    void use_arena(TextArena* arena) { arena_ = arena; }
    // Tells `observer` of every comparison of two dates it makes (rule tests' boundary coverage).
    void observe(BoundaryObserver* observer) { observer_ = observer; }

    // True once an evaluation failed for want of steps; every evaluation is then an error.
    bool exhausted() const { return out_of_steps_; }

    // Evaluates node `n` in the current frame.
    Value eval(int n);
    // The same, reading a constant, a variable, the plan or a member path in place (no call):
    // the operands of most nodes are such.
    Value operand(int index) {
        const Node& n = c_.nodes[static_cast<std::size_t>(index)];
        if (steps_left_ != 0) [[likely]] {
            switch (n.kind) {
                case NodeKind::constant: --steps_left_; return n.k;
                case NodeKind::var: --steps_left_; return var(n.slot);
                case NodeKind::root: --steps_left_; return root_;
                case NodeKind::member:
                    // a path from the plan or a variable, as eval() reads it (its nodes' steps
                    // at once; a step short: eval(), which names the node that ran out)
                    if (n.path_len > 0 && steps_left_ >= n.path_len) {
                        steps_left_ -= n.path_len;
                        return read_path(n);
                    }
                    break;
                default: break;
            }
        }
        return eval(index);
    }

    // Frames: a rule or define body addresses its variables from `base_`.
    std::size_t push_frame(int size) {
        std::size_t saved = base_;
        base_ = top_;
        top_ += static_cast<std::size_t>(size);
        if (stack_.size() < top_) stack_.resize(top_ * 2);
        for (std::size_t i = base_; i < top_; ++i) stack_[i] = Value{};
        return saved;
    }
    void pop_frame(std::size_t saved, int size) {
        top_ -= static_cast<std::size_t>(size);
        base_ = saved;
    }
    Value& var(int slot) { return stack_[base_ + static_cast<std::size_t>(slot)]; }

    // The first evaluation error since the last reset (division by zero, overflow …).
    const Node* error_node() const { return error_node_; }
    const std::string& error_reason() const { return error_reason_; }
    void reset_error() {
        error_node_ = nullptr;
        error_reason_.clear();
    }

    // Text of a value for evidence (JSON numbers): ISO dates, enum codes, '?' for missing.
    std::string format(const Value& v, int type) const;
    // Text of a value in a message and of text(x): as format, but decimals with a decimal comma
    // (the rules' messages are Swedish text).
    std::string message_text(const Value& v, int type) const;

private:
    // The value at member node n's path (Node::path_first), its steps taken.
    Value read_path(const Node& n) {
        const std::int32_t* p = c_.paths.data() + n.path_first;
        Value v = p[0] < 0 ? root_ : var(p[0]);
        for (std::uint32_t i = 1; i < n.path_len; ++i) {
            if (v.kind != ValueKind::record) return v.kind == ValueKind::error ? v : Value{};
            v = v.field(static_cast<std::uint32_t>(p[i]));
        }
        return v;
    }
    Value fail(const Node& n, std::string reason);
    // `english` (a text of the catalogue, N_) in the thread's language.
    Value fail(const Node& n, const char* english);
    // Takes `n` steps; false (and an error recorded at `at`) when they are not left.
    bool charge(const Node& at, std::uint64_t n);
    Value compare(const Node& n, const Value& x, const Value& y);
    Value arith(const Node& n, ast::Op op, const Value& x, const Value& y);
    Value duration(const Node& n, std::int64_t months, std::int64_t days);
    Value add_duration(const Node& n, std::int64_t date, std::int64_t months, std::int64_t days);
    Value builtin(const Node& n);
    Value apply_builtin(const Node& n, const Value (&a)[3]);
    Value aggregate(const Node& n);
    Value exists(const Node& n);
    Value call(const Node& n);
    std::string_view keep(std::string s);

    const Compiled& c_;
    const Value& root_;
    std::int64_t today_;
    std::uint64_t max_steps_;
    std::uint64_t steps_left_;
    bool out_of_steps_ = false;
    std::vector<Value> own_stack_;
    std::vector<Value>& stack_;
    std::size_t base_ = 0, top_ = 0;
    // strings and lists made during evaluation (values point into them); a vector of pointers
    // (not a deque) so that an evaluator that makes none allocates nothing for them
    std::vector<std::unique_ptr<std::string>> scratch_;
    std::vector<std::unique_ptr<std::vector<Value>>> scratch_lists_;
    const Node* error_node_ = nullptr;
    std::string error_reason_;
    DefineCache* cache_ = nullptr;
    TextArena* arena_ = nullptr;
    BoundaryObserver* observer_ = nullptr;
};

// Of several unknowns, the one to report: an evaluation error wins over a missing value, so that
// the result does not depend on the order of a list or of arguments. `acc` that is not unknown
// stands for "none seen yet".
inline Value worse(const Value& acc, const Value& v) {
    if (!acc.is_unknown()) return v;
    if (v.kind == ValueKind::error && acc.kind != ValueKind::error) return v;
    return acc;
}

// Equality of two known values (deep for lists and records).
bool equal_values(const Value& x, const Value& y);
// Ordering of two known, comparable values: <0, 0, >0.
int order_values(const Value& x, const Value& y);

}  // namespace planrules::eval
