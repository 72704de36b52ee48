// The input of a population run: blocks of whole lines (see input.hpp).

#include "batch/input.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>

namespace planrules::batch {

// memchr is vectorised; a byte loop is not, at -O2.
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

void BufferPool::set_limit(std::size_t limit) {
    std::lock_guard lock(mutex_);
    limit_ = limit;
}

Buffer BufferPool::take(std::size_t capacity) {
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

Buffer BufferPool::carry(std::string_view bytes, std::size_t capacity) {
    Buffer b = take(capacity);
    std::memcpy(b.bytes.get(), bytes.data(), bytes.size());
    b.size = bytes.size();
    return b;
}

void BufferPool::give_back(Buffer&& buffer) {
    if (buffer.capacity != block_size) return;
    std::lock_guard lock(mutex_);
    if (spare_.size() < limit_) spare_.push_back(std::move(buffer));
}

std::string read_blocks(std::FILE* input, BufferPool& pool, const ReadOptions& options, std::uint64_t& bytes) {
    const std::size_t max_line = options.max_plan_size + 4096;
    std::uint64_t line = 1, seq = 0;
    bool skipping = false;  // inside a line longer than max_line
    std::uint64_t skip_line = 0;
    std::vector<MalformedRecord> too_long;
    auto dispatch = [&](Buffer data) {
        Block b;
        b.seq = seq++;
        b.first_line = line;
        line += count_lines(data.view());
        b.data = std::move(data);
        b.too_long = std::move(too_long);
        too_long.clear();
        options.dispatch(std::move(b));
    };
    // The input is read straight into a block's buffer; the whole lines in it go to a worker
    // and the start of the last, unfinished line is copied to the next buffer.
    Buffer cur = pool.take(block_size);
    for (;;) {
        std::size_t n = std::fread(cur.bytes.get() + cur.size, 1, cur.capacity - cur.size, input);
        if (n == 0) {
            if (std::ferror(input)) return "cannot read the input";
            break;
        }
        bytes += n;
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
                Buffer next = pool.carry(cur.view().substr(end), 2 * (cur.size - end));
                cur.size = end;
                dispatch(std::move(cur));
                cur = std::move(next);
            }
        } else if (cur.size > max_line) {
            // a line longer than any plan may be: counted, not kept
            too_long.push_back({line, fmt::format("the line is longer than {} bytes (PlanLimits::max_plan_size)",
                                                  options.max_plan_size)});
            skipping = true;
            skip_line = line;
            cur.size = 0;
            // the reader's line count moves on when the line ends
        } else if (cur.size == cur.capacity) {
            // one line longer than the buffer so far: a larger one
            cur = pool.carry(cur.view(), 2 * cur.capacity);
        }
        if (options.after_read) options.after_read(bytes);
    }
    if (skipping) line = skip_line + 1;
    if (cur.size != 0 || !too_long.empty()) dispatch(std::move(cur));
    return {};
}

}  // namespace planrules::batch
