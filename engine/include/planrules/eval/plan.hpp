#pragma once
// A plan loaded against the schema of a rule set (see RuleSet::load_json).

#include <planrules/eval/report.hpp>
#include <planrules/eval/value.hpp>

#include <memory>
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

    // For the loader: n missing values (from blocks of 256; a larger request gets its own).
    Value* allocate(std::size_t n) {
        constexpr std::size_t block = 256;
        if (n > block) {
            blocks_.push_back(std::make_unique<Value[]>(n));
            return blocks_.back().get();
        }
        if (n > block_capacity_ - block_used_) {
            blocks_.push_back(std::make_unique<Value[]>(block));
            block_capacity_ = block;
            block_used_ = 0;
            current_ = blocks_.back().get();
        }
        Value* out = current_ + block_used_;
        block_used_ += n;
        return out;
    }
    std::string_view store(std::string_view text) {
        if (text.empty()) return {};
        if (text.size() > text_capacity_ - text_used_) {
            std::size_t size = text.size() > 4096 ? text.size() : 4096;
            text_.push_back(std::make_unique<char[]>(size));
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
    std::vector<std::unique_ptr<Value[]>> blocks_;
    Value* current_ = nullptr;  // the block allocate() hands out from
    std::size_t block_capacity_ = 0;
    std::size_t block_used_ = 0;
    std::vector<std::unique_ptr<char[]>> text_;
    std::size_t text_capacity_ = 0;
    std::size_t text_used_ = 0;
};

}  // namespace planrules
