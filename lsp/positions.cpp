// Positions in UTF-16 code units (positions.hpp).

#include "lsp/positions.hpp"

namespace planrules::lsp {

namespace {

// The length in bytes of the UTF-8 sequence that starts with `lead` (1 for a byte that starts
// none, so that bad input still moves on).
std::uint32_t sequence_length(unsigned char lead) {
    if (lead < 0xC0) return 1;
    if (lead < 0xE0) return 2;
    if (lead < 0xF0) return 3;
    return lead < 0xF8 ? 4 : 1;
}

}  // namespace

Position position_of(const SourceFile& file, std::uint32_t offset) {
    const std::string& text = file.text();
    if (offset > text.size()) offset = static_cast<std::uint32_t>(text.size());
    const std::uint32_t line = file.line_index(offset);
    std::uint32_t character = 0;
    for (std::uint32_t i = file.line_start(line); i < offset;) {
        const std::uint32_t n = sequence_length(static_cast<unsigned char>(text[i]));
        if (i + n > offset) break;
        character += n == 4 ? 2 : 1;
        i += n;
    }
    return {line, character};
}

Range range_of(const SourceFile& file, SourceSpan span) {
    return {position_of(file, span.begin), position_of(file, span.end < span.begin ? span.begin : span.end)};
}

std::uint32_t offset_of(const SourceFile& file, Position p) {
    const std::string& text = file.text();
    if (p.line >= file.line_count()) return static_cast<std::uint32_t>(text.size());
    const std::string_view line = file.line_text(p.line);
    std::uint32_t at = file.line_start(p.line);
    const std::uint32_t end = at + static_cast<std::uint32_t>(line.size());
    for (std::uint32_t units = 0; at < end;) {
        const std::uint32_t n = sequence_length(static_cast<unsigned char>(text[at]));
        const std::uint32_t width = n == 4 ? 2 : 1;
        if (units + width > p.character) break;
        units += width;
        at += n;
    }
    return at > end ? end : at;
}

}  // namespace planrules::lsp
