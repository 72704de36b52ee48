#pragma once
// The input of a population run (internal to batch/): JSON Lines read in blocks of whole lines,
// straight into buffers that are reused once a worker is done with them.

#include <planrules/batch.hpp>

#include <cstdint>
#include <cstdio>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace planrules::batch {

inline constexpr std::size_t block_size = 1u << 20;

// The line feeds in `data`.
std::uint64_t count_lines(std::string_view data);

// Bytes read from the input: raw storage (not zeroed first).
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

// The buffers of the blocks: the reader takes them, the workers give them back. Thread-safe.
class BufferPool {
public:
    // Keep at most `limit` spare buffers (as many as can be in flight).
    void set_limit(std::size_t limit);
    // A buffer of at least `capacity` bytes (at least a block): a spare one, or new.
    Buffer take(std::size_t capacity);
    // A buffer of at least `capacity` bytes that starts with `bytes`.
    Buffer carry(std::string_view bytes, std::size_t capacity);
    // A buffer back for reuse (those of one long line are let go).
    void give_back(Buffer&& buffer);

private:
    std::mutex mutex_;
    std::vector<Buffer> spare_;
    std::size_t limit_ = 4;
};

struct ReadOptions {
    std::size_t max_plan_size = 0;  // a line longer than this (and some slack) is not kept
    // Called with each block, in input order.
    std::function<void(Block&&)> dispatch;
    // Called after each read with the bytes read so far.
    std::function<void(std::uint64_t)> after_read;
};

// Reads `input` to its end in blocks of whole lines; a line longer than a plan may be is counted
// in the next block's `too_long` and skipped. Returns an error text, or empty; `bytes` is what
// was read.
std::string read_blocks(std::FILE* input, BufferPool& pool, const ReadOptions& options, std::uint64_t& bytes);

}  // namespace planrules::batch
