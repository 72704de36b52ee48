#pragma once
// Small string helpers shared by the stages (internal: not installed): edit distance and
// did-you-mean, UTF-8 checks, byte scanning.

#include <algorithm>
#include <cstdint>
#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace planrules::detail {

// Levenshtein distance over bytes (names are short; UTF-8 is rare in names).
[[nodiscard]] inline std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
        }
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

// The candidate nearest to `word`, if it is near enough to be a plausible typo.
[[nodiscard]] inline std::string nearest(std::string_view word, const std::vector<std::string>& candidates) {
    std::string best;
    std::size_t best_distance = std::string::npos;
    for (const auto& c : candidates) {
        std::size_t d = edit_distance(word, c);
        if (d < best_distance) {
            best_distance = d;
            best = c;
        }
    }
    std::size_t allowed = std::max<std::size_t>(1, std::max(word.size(), best.size()) / 3);
    return best_distance <= allowed ? best : std::string{};
}

[[nodiscard]] inline bool is_ident_start(unsigned char c) noexcept {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}
[[nodiscard]] inline bool is_ident_continue(unsigned char c) noexcept {
    return is_ident_start(c) || (c >= '0' && c <= '9');
}
[[nodiscard]] inline bool is_digit(unsigned char c) noexcept { return c >= '0' && c <= '9'; }

// Offset of the first byte that is not valid UTF-8, or npos.
[[nodiscard]] inline std::size_t find_invalid_utf8(std::string_view s) noexcept {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    auto tail = [p](std::size_t i) { return (p[i] & 0xC0u) == 0x80u; };  // a continuation byte
    std::size_t i = 0;
    std::size_t scalar_to = 0;  // bytes before it are checked one sequence at a time
    while (i < n) {
#if defined(__SSE2__)
        // sixteen bytes at a time while they hold ASCII and whole two-byte sequences (U+0080 to
        // U+07FF: the letters of Swedish and of most European languages) only
        while (i >= scalar_to && i + 16 <= n) {
            const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
            const auto high = static_cast<unsigned>(_mm_movemask_epi8(x));
            if (high == 0) {
                i += 16;
                continue;
            }
            // (signed bytes: C2..DF is -62..-33, 80..BF is -128..-65)
            const auto lead = static_cast<unsigned>(_mm_movemask_epi8(
                _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8(-63)), _mm_cmpgt_epi8(_mm_set1_epi8(-32), x))));
            const auto tail_bytes = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpgt_epi8(_mm_set1_epi8(-64), x)));
            if ((lead | tail_bytes) != high || tail_bytes != ((lead << 1) & 0xFFFFu) || (lead & 0x8000u) != 0) {
                scalar_to = i + 16;  // something else in these sixteen: one sequence at a time
                break;
            }
            i += 16;
        }
#endif
        // ASCII eight bytes at a time
        while (i + 8 <= n) {
            std::uint64_t w;
            std::memcpy(&w, p + i, 8);
            if (w & 0x8080808080808080ull) break;
            i += 8;
        }
        if (i >= n) break;
        const unsigned c = p[i];
        if (c < 0x80) {
            ++i;
        } else if (c >= 0xC2 && c <= 0xDF) {  // U+0080..U+07FF (C0 and C1 would be overlong)
            if (i + 1 >= n || !tail(i + 1)) return i;
            i += 2;
        } else if (c >= 0xE0 && c <= 0xEF) {  // U+0800..U+FFFF but the surrogates
            if (i + 2 >= n || !tail(i + 1) || !tail(i + 2)) return i;
            const unsigned cp = ((c & 0x0Fu) << 12) | ((p[i + 1] & 0x3Fu) << 6) | (p[i + 2] & 0x3Fu);
            if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
            i += 3;
        } else if (c >= 0xF0 && c <= 0xF4) {  // U+10000..U+10FFFF
            if (i + 3 >= n || !tail(i + 1) || !tail(i + 2) || !tail(i + 3)) return i;
            const unsigned cp = ((c & 0x07u) << 18) | ((p[i + 1] & 0x3Fu) << 12) | ((p[i + 2] & 0x3Fu) << 6) |
                                (p[i + 3] & 0x3Fu);
            if (cp < 0x10000 || cp > 0x10FFFF) return i;
            i += 4;
        } else {
            return i;  // a continuation byte first, or a lead byte UTF-8 does not have
        }
    }
    return std::string_view::npos;
}

// UTF-8 code points of `s` (the characters a terminal shows, for ASCII and Latin text).
[[nodiscard]] inline std::size_t code_points(std::string_view s) noexcept {
    std::size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

// Rule text on one line: each line break, with the indentation after it, one space (an
// expression written over several lines, shown in a report or a test's output).
[[nodiscard]] inline std::string one_line(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\n' && text[i] != '\r') {
            out += text[i];
            continue;
        }
        while (i + 1 < text.size() && (text[i + 1] == ' ' || text[i + 1] == '\t' || text[i + 1] == '\n' || text[i + 1] == '\r')) ++i;
        out += ' ';
    }
    return out;
}

// `s` with the Latin letters of UTF-8 written in ASCII (LÄNGD -> LANGD, Ø -> O, Æ -> AE,
// ß -> ss); other characters outside ASCII are left out.
[[nodiscard]] inline std::string transliterate_ascii(std::string_view s) {
    // U+00C0 … U+00FF, each as the ASCII it is written as ("" for the signs × and ÷)
    static constexpr const char* latin1[64] = {
        "A", "A", "A", "A", "A", "A", "AE", "C", "E", "E", "E", "E", "I", "I", "I", "I",
        "D", "N", "O", "O", "O", "O", "O", "",  "O", "U", "U", "U", "U", "Y", "TH", "ss",
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
        "d", "n", "o", "o", "o", "o", "o", "",  "o", "u", "u", "u", "u", "y", "th", "y"};
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            out += static_cast<char>(c);
        } else if ((c == 0xC3) && i + 1 < s.size()) {  // U+00C0 … U+00FF
            const auto d = static_cast<unsigned char>(s[i + 1]);
            if (d >= 0x80 && d <= 0xBF) out += latin1[d - 0x80];
            ++i;
        }
        // other sequences: their continuation bytes are skipped with them
        else if ((c & 0xC0) == 0xC0) {
            while (i + 1 < s.size() && (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80) ++i;
        }
    }
    return out;
}

// Appends `s` as a JSON string literal (quotes included): every control character escaped, and
// each byte that is not part of valid UTF-8 written as U+FFFD, so that the output is always
// JSON (RFC 8259) whatever `s` holds. Every JSON text the project writes puts its strings
// through here.
inline void append_json_string(std::string& out, std::string_view s) {
    out += '"';
    for (;;) {
        const std::size_t bad = find_invalid_utf8(s);
        const std::string_view valid = s.substr(0, bad);
        std::size_t plain = 0;  // start of the run of characters copied as they are
        for (std::size_t i = 0; i < valid.size(); ++i) {
            auto c = static_cast<unsigned char>(valid[i]);
            if (c >= 0x20 && c != '"' && c != '\\') continue;
            out.append(valid.data() + plain, i - plain);
            plain = i + 1;
            switch (c) {
                case '"': out += "\\\""; break;
                case '\\': out += "\\\\"; break;
                case '\n': out += "\\n"; break;
                case '\r': out += "\\r"; break;
                case '\t': out += "\\t"; break;
                default: {
                    static constexpr char hex[] = "0123456789abcdef";
                    out += "\\u00";
                    out += hex[c >> 4];
                    out += hex[c & 15];
                }
            }
        }
        out.append(valid.data() + plain, valid.size() - plain);
        if (bad == std::string_view::npos) break;
        out += "\\ufffd";
        s.remove_prefix(bad + 1);
    }
    out += '"';
}

}  // namespace planrules::detail
