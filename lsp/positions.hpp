#pragma once
// Positions as LSP counts them: a line and a character offset in UTF-16 code units (the
// encoding every client supports), to and from the byte offsets of a SourceFile.

#include <planrules/source.hpp>

#include <cstdint>

namespace planrules::lsp {

struct Position {
    std::uint32_t line = 0;
    std::uint32_t character = 0;
};

struct Range {
    Position start, end;
};

// The position of byte `offset` of `file` (an offset inside a character counts as its start).
[[nodiscard]] Position position_of(const SourceFile& file, std::uint32_t offset);
[[nodiscard]] Range range_of(const SourceFile& file, SourceSpan span);

// The byte offset of `p` in `file`: a line past the end is the end of the file, a character
// past the end of its line is the end of the line, one inside a surrogate pair its start.
[[nodiscard]] std::uint32_t offset_of(const SourceFile& file, Position p);

}  // namespace planrules::lsp
