#pragma once
// A plan loaded against the schema of a rule set (see RuleSet::load_json).

#include <planrules/eval/report.hpp>
#include <planrules/eval/value.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <memory>
#include <new>
#include <type_traits>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace planrules {

class Plan {
public:
    Plan() = default;
    Plan(Plan&& o) noexcept { *this = std::move(o); }
    Plan& operator=(Plan&& o) noexcept {
        if (this == &o) return *this;
        release();
        root_ = std::exchange(o.root_, Value{});
        id_ = std::move(o.id_);
        input_findings_ = std::move(o.input_findings_);
        omitted_input_findings_ = std::exchange(o.omitted_input_findings_, {});
        chunks_ = std::exchange(o.chunks_, nullptr);
        low_ = std::exchange(o.low_, nullptr);
        high_ = std::exchange(o.high_, nullptr);
        next_chunk_ = o.next_chunk_;
        return *this;
    }
    Plan(const Plan&) = delete;
    Plan& operator=(const Plan&) = delete;
    ~Plan() { release(); }

    [[nodiscard]] const Value& root() const noexcept { return root_; }
    // The plan's "id", or "" when it has none.
    [[nodiscard]] const std::string& id() const noexcept { return id_; }
    // Values of the wrong type, impossible dates, missing required fields: each an
    // `invalid_input` finding with a pointer. The value reads as missing in the rules.
    [[nodiscard]] const std::vector<Finding>& input_findings() const noexcept { return input_findings_; }

    // For the loader: the size of the plan's JSON, so that its first chunk of storage fits the
    // values and text of a plan of that size and no more (one allocation for a typical plan; a
    // population of plans held in memory stays dense).
    void size_hint(std::size_t json_bytes) noexcept {
        const std::size_t values = std::min<std::size_t>(256, 32 + json_bytes / 12);
        const std::size_t text = std::min<std::size_t>(4096, std::max<std::size_t>(64, json_bytes));
        next_chunk_ = values * sizeof(Value) + text;
    }

    // For the loader: n missing values. Storage comes in chunks: values from the front of the
    // current chunk, text from its back; a request larger than half a chunk gets its own. Chunks
    // are raw storage: only what is handed out is written.
    Value* allocate(std::size_t n) {
        Value* out = allocate_uninitialized(n);
        for (std::size_t i = 0; i < n; ++i) ::new (static_cast<void*>(out + i)) Value();
        return out;
    }
    // The same, not initialised: the loader writes each of the n values before the plan is used.
    Value* allocate_uninitialized(std::size_t n) {
        const std::size_t bytes = n * sizeof(Value);
        if (std::byte* own = room(bytes)) return reinterpret_cast<Value*>(own);
        auto* out = reinterpret_cast<Value*>(low_);
        low_ += bytes;
        return out;
    }
    // For the loader: the record whose `n` slots were handed out last at `slots` keeps only its
    // first `kept` (the rest are missing, see Value::field): the room of the others is handed
    // out again, unless something was handed out after them.
    [[nodiscard]] Value record(Value* slots, std::size_t n) noexcept {
        std::size_t kept = n;
        while (kept > 0 && slots[kept - 1].is_missing()) --kept;
        if (reinterpret_cast<std::byte*>(slots + n) == low_) low_ = reinterpret_cast<std::byte*>(slots + kept);
        return Value::record(kept ? slots : nullptr, static_cast<std::uint32_t>(kept));
    }
    std::string_view store(std::string_view text) {
        if (text.empty()) return {};
        auto* out = reinterpret_cast<char*>(room(text.size()));
        if (!out) {
            high_ -= text.size();
            out = reinterpret_cast<char*>(high_);
        }
        std::copy(text.begin(), text.end(), out);
        return {out, text.size()};
    }
    void set_root(Value v) noexcept { root_ = v; }
    void set_id(std::string id) { id_ = std::move(id); }
    void add_input_finding(Finding f) { input_findings_.push_back(std::move(f)); }
    // For the loader: one more finding past PlanLimits::max_findings, counted only.
    void omit_input_finding(bool sensitive) noexcept { ++omitted_input_findings_[sensitive]; }
    // The PLAN-FORMAT findings not kept (all errors): [0] not sensitive, [1] sensitive.
    [[nodiscard]] const std::array<std::size_t, 2>& omitted_input_findings() const noexcept {
        return omitted_input_findings_;
    }

private:
    static_assert(std::is_trivially_destructible_v<Value> && alignof(Value) <= alignof(std::max_align_t) &&
                  alignof(std::max_align_t) <= __STDCPP_DEFAULT_NEW_ALIGNMENT__);  // what ::operator new gives
    // A chunk: this header, then its storage (aligned for Value).
    struct alignas(std::max_align_t) Chunk {
        Chunk* next;
    };
    static constexpr std::size_t chunk_size = 8192;  // bytes of a chunk after the first

    std::byte* add_chunk(std::size_t bytes) {
        auto* c = static_cast<Chunk*>(::operator new(sizeof(Chunk) + bytes));
        c->next = chunks_;
        chunks_ = c;
        return reinterpret_cast<std::byte*>(c + 1);
    }
    // Room for a request of `bytes`: a chunk of its own when it is larger than half a chunk
    // (returned; the current chunk stays current), else nullptr once the current chunk has the
    // room, a new one of at least `bytes` if need be (what is left of the last is not used).
    std::byte* room(std::size_t bytes) {
        if (bytes <= static_cast<std::size_t>(high_ - low_)) return nullptr;
        if (bytes > chunk_size / 2) return add_chunk(bytes);
        const std::size_t size = std::max(next_chunk_, bytes);
        next_chunk_ = chunk_size;
        low_ = add_chunk(size);
        high_ = low_ + size;
        return nullptr;
    }
    void release() noexcept {
        for (Chunk* c = chunks_; c;) {
            Chunk* next = c->next;
            ::operator delete(static_cast<void*>(c));
            c = next;
        }
        chunks_ = nullptr;
        low_ = high_ = nullptr;
    }

    Value root_;
    std::string id_;
    std::vector<Finding> input_findings_;
    std::array<std::size_t, 2> omitted_input_findings_{};
    Chunk* chunks_ = nullptr;  // all chunks, the last one made first
    std::byte* low_ = nullptr;   // the current chunk's free space: values are handed out from
    std::byte* high_ = nullptr;  // low_ upwards, text from high_ downwards
    std::size_t next_chunk_ = chunk_size;  // bytes of the next chunk (size_hint)
};

}  // namespace planrules
