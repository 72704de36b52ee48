#pragma once
// A plan loaded against the schema of a rule set (see RuleSet::load_json).

#include <planrules/eval/report.hpp>
#include <planrules/eval/value.hpp>

#include <algorithm>
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
        root_ = std::exchange(o.root_, Value{});
        id_ = std::move(o.id_);
        input_findings_ = std::move(o.input_findings_);
        blocks_ = std::move(o.blocks_);
        text_ = std::move(o.text_);
        current_ = std::exchange(o.current_, nullptr);
        block_capacity_ = std::exchange(o.block_capacity_, 0);
        block_used_ = std::exchange(o.block_used_, 0);
        text_capacity_ = std::exchange(o.text_capacity_, 0);
        text_used_ = std::exchange(o.text_used_, 0);
        next_block_ = o.next_block_;
        next_text_ = o.next_text_;
        return *this;
    }
    Plan(const Plan&) = delete;
    Plan& operator=(const Plan&) = delete;

    [[nodiscard]] const Value& root() const noexcept { return root_; }
    // The plan's "id", or "" when it has none.
    [[nodiscard]] const std::string& id() const noexcept { return id_; }
    // Values of the wrong type, impossible dates, missing required fields: each an
    // `invalid_input` finding with a pointer. The value reads as missing in the rules.
    [[nodiscard]] const std::vector<Finding>& input_findings() const noexcept { return input_findings_; }

    // For the loader: the size of the plan's JSON, so that its first blocks of values and text
    // fit a plan of that size and no more (a population of plans held in memory stays dense).
    void size_hint(std::size_t json_bytes) noexcept {
        next_block_ = std::min<std::size_t>(256, 32 + json_bytes / 12);
        next_text_ = std::min<std::size_t>(4096, std::max<std::size_t>(64, json_bytes));
    }

    // For the loader: n missing values (from blocks of 256; a larger request gets its own).
    // Blocks are raw storage: only the values handed out are written.
    Value* allocate(std::size_t n) {
        Value* out = nullptr;
        if (n > 256) {
            out = new_block(n);
        } else {
            if (n > block_capacity_ - block_used_) {
                const std::size_t block = n > next_block_ ? 256 : next_block_;
                next_block_ = 256;
                current_ = new_block(block);
                block_capacity_ = block;
                block_used_ = 0;
            }
            out = current_ + block_used_;
            block_used_ += n;
        }
        for (std::size_t i = 0; i < n; ++i) ::new (static_cast<void*>(out + i)) Value();
        return out;
    }
    std::string_view store(std::string_view text) {
        if (text.empty()) return {};
        if (text.size() > text_capacity_ - text_used_) {
            std::size_t size = std::max(text.size(), next_text_);
            next_text_ = 4096;
            text_.push_back(std::make_unique_for_overwrite<char[]>(size));
            text_capacity_ = size;
            text_used_ = 0;
        }
        char* out = text_.back().get() + text_used_;
        std::copy(text.begin(), text.end(), out);
        text_used_ += text.size();
        return {out, text.size()};
    }
    void set_root(Value v) noexcept { root_ = v; }
    void set_id(std::string id) { id_ = std::move(id); }
    void add_input_finding(Finding f) { input_findings_.push_back(std::move(f)); }

private:
    Value root_;
    std::string id_;
    std::vector<Finding> input_findings_;
    static_assert(std::is_trivially_destructible_v<Value> && alignof(Value) <= __STDCPP_DEFAULT_NEW_ALIGNMENT__);
    Value* new_block(std::size_t n) {
        blocks_.push_back(std::make_unique_for_overwrite<std::byte[]>(n * sizeof(Value)));
        return reinterpret_cast<Value*>(blocks_.back().get());
    }
    std::vector<std::unique_ptr<std::byte[]>> blocks_;
    Value* current_ = nullptr;  // the block allocate() hands out from
    std::size_t block_capacity_ = 0;
    std::size_t block_used_ = 0;
    std::vector<std::unique_ptr<char[]>> text_;
    std::size_t text_capacity_ = 0;
    std::size_t text_used_ = 0;
    std::size_t next_block_ = 256;  // values in the next block (size_hint)
    std::size_t next_text_ = 4096;  // bytes in the next text block (size_hint)
};

}  // namespace planrules
