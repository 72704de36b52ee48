#pragma once
// Source files and spans. A span is a pair of byte offsets into one SourceFile;
// line and column are computed only when a diagnostic is rendered.

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace planrules {

struct SourceSpan {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;  // one past the last byte

    [[nodiscard]] constexpr std::uint32_t size() const noexcept { return end > begin ? end - begin : 0; }
    friend constexpr bool operator==(SourceSpan, SourceSpan) = default;
};

// 1-based line and column; the column counts UTF-8 code points, not bytes.
struct SourcePosition {
    std::uint32_t line = 1;
    std::uint32_t column = 1;
};

class SourceFile {
public:
    SourceFile(std::string name, std::string text) : name_(std::move(name)), text_(std::move(text)) {
        line_starts_.push_back(0);
        for (std::uint32_t i = 0; i < text_.size(); ++i)
            if (text_[i] == '\n') line_starts_.push_back(i + 1);
    }

    // Only the part of `text` around `offset` (at most `radius` bytes each side, within its
    // line), for a diagnostic about an input too large to copy, such as a plan: spans are
    // offsets into that part (`offset` is at window_offset()), and position() gives the line
    // and column in the whole text.
    static SourceFile window(std::string name, std::string_view text, std::size_t offset, std::size_t radius = 160) {
        offset = std::min(offset, text.size());
        std::size_t line_begin = 0;
        if (offset > 0) {
            const std::size_t newline = text.rfind('\n', offset - 1);
            if (newline != std::string_view::npos) line_begin = newline + 1;
        }
        std::size_t line_end = text.find('\n', offset);
        if (line_end == std::string_view::npos) line_end = text.size();
        std::size_t begin = offset - line_begin > radius ? offset - radius : line_begin;
        std::size_t end = line_end - offset > radius ? offset + radius : line_end;
        auto continuation = [&](std::size_t i) { return i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80; };
        while (begin > line_begin && continuation(begin)) --begin;
        while (end < line_end && continuation(end)) ++end;
        SourceFile file(std::move(name), std::string(text.substr(begin, end - begin)));
        file.first_line_ = static_cast<std::uint32_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(line_begin), '\n'));
        for (std::size_t i = line_begin; i < begin; ++i) file.first_column_ += !continuation(i);
        file.window_offset_ = static_cast<std::uint32_t>(offset - begin);
        return file;
    }
    [[nodiscard]] std::uint32_t window_offset() const noexcept { return window_offset_; }

    [[nodiscard]] const std::string& name() const noexcept { return name_; }
    [[nodiscard]] const std::string& text() const noexcept { return text_; }
    [[nodiscard]] std::string_view slice(SourceSpan s) const noexcept {
        auto b = std::min<std::size_t>(s.begin, text_.size());
        auto e = std::min<std::size_t>(std::max(s.begin, s.end), text_.size());
        return std::string_view(text_).substr(b, e - b);
    }

    [[nodiscard]] std::uint32_t line_index(std::uint32_t offset) const noexcept {
        auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
        return static_cast<std::uint32_t>(it - line_starts_.begin()) - 1;
    }

    [[nodiscard]] SourcePosition position(std::uint32_t offset) const noexcept {
        offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text_.size()));
        std::uint32_t li = line_index(offset);
        std::uint32_t column = 1 + (li == 0 ? first_column_ : 0);
        for (std::uint32_t i = line_starts_[li]; i < offset; ++i)
            if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
        return {first_line_ + li + 1, column};
    }

    // The text of line `line_index` (0-based) without its line terminator.
    [[nodiscard]] std::string_view line_text(std::uint32_t li) const noexcept {
        if (li >= line_starts_.size()) return {};
        std::uint32_t b = line_starts_[li];
        std::uint32_t e = li + 1 < line_starts_.size() ? line_starts_[li + 1] : static_cast<std::uint32_t>(text_.size());
        while (e > b && (text_[e - 1] == '\n' || text_[e - 1] == '\r')) --e;
        return std::string_view(text_).substr(b, e - b);
    }
    [[nodiscard]] std::uint32_t line_start(std::uint32_t li) const noexcept { return line_starts_[li]; }
    [[nodiscard]] std::uint32_t line_count() const noexcept { return static_cast<std::uint32_t>(line_starts_.size()); }

private:
    std::string name_;
    std::string text_;
    std::vector<std::uint32_t> line_starts_;
    // of a window(): the lines and the columns of the first line that come before the text
    std::uint32_t first_line_ = 0, first_column_ = 0, window_offset_ = 0;
};

using SourceFilePtr = std::shared_ptr<const SourceFile>;

}  // namespace planrules
