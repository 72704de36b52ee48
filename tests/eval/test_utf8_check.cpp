// detail::find_invalid_utf8, which both plan loaders use on every string, against the table of
// well-formed byte sequences of RFC 3629 (section 4), over every sequence of up to three bytes
// and the boundaries of four, at every position of an ASCII run (the check skips ASCII eight
// bytes at a time).

#include "support.hpp"

#include "text/strings.hpp"

#include <cstdint>
#include <string>
#include <vector>

using planrules::detail::find_invalid_utf8;

namespace {

// The offset of the first byte of the first ill-formed sequence, or npos (RFC 3629's table).
std::size_t reference(std::string_view s) {
    auto in = [&](std::size_t i, unsigned lo, unsigned hi) {
        if (i >= s.size()) return false;
        const auto c = static_cast<unsigned char>(s[i]);
        return c >= lo && c <= hi;
    };
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t n = 0;
        bool ok = false;
        if (c <= 0x7F) n = 1, ok = true;
        else if (c >= 0xC2 && c <= 0xDF) n = 2, ok = in(i + 1, 0x80, 0xBF);
        else if (c == 0xE0) n = 3, ok = in(i + 1, 0xA0, 0xBF) && in(i + 2, 0x80, 0xBF);
        else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) n = 3, ok = in(i + 1, 0x80, 0xBF) && in(i + 2, 0x80, 0xBF);
        else if (c == 0xED) n = 3, ok = in(i + 1, 0x80, 0x9F) && in(i + 2, 0x80, 0xBF);
        else if (c == 0xF0) n = 4, ok = in(i + 1, 0x90, 0xBF) && in(i + 2, 0x80, 0xBF) && in(i + 3, 0x80, 0xBF);
        else if (c >= 0xF1 && c <= 0xF3) n = 4, ok = in(i + 1, 0x80, 0xBF) && in(i + 2, 0x80, 0xBF) && in(i + 3, 0x80, 0xBF);
        else if (c == 0xF4) n = 4, ok = in(i + 1, 0x80, 0x8F) && in(i + 2, 0x80, 0xBF) && in(i + 3, 0x80, 0xBF);
        if (!ok) return i;
        i += n;
    }
    return std::string_view::npos;
}

}  // namespace

TEST_CASE("utf-8 check: every sequence of one to three bytes, after ASCII of every length up to 17", "[eval][utf8]") {
    // the bytes that matter: ASCII, every continuation byte, every lead byte and the invalid ones
    std::vector<unsigned char> bytes;
    for (unsigned b = 0; b < 256; ++b) bytes.push_back(static_cast<unsigned char>(b));
    std::size_t mismatches = 0, checked = 0, invalid = 0;
    auto check = [&](const std::string& s) {
        const std::size_t want = reference(s), got = find_invalid_utf8(s);
        ++checked;
        if (want != std::string_view::npos) ++invalid;
        if (want != got && mismatches++ < 5) FAIL_CHECK("bytes " << ::Catch::Detail::stringify(s) << ": " << got << ", expected " << want);
    };
    for (std::size_t prefix : {0u, 1u, 7u, 8u, 9u, 17u}) {
        const std::string ascii(prefix, 'a');
        for (unsigned a : bytes) {
            check(ascii + static_cast<char>(a));
            check(ascii + static_cast<char>(a) + "tail of text");
            for (unsigned b : bytes) {
                const std::string two = ascii + static_cast<char>(a) + static_cast<char>(b);
                check(two);
                if (a < 0xE0) continue;  // three bytes: the leads of three and four
                for (unsigned c : {0x00u, 0x41u, 0x7Fu, 0x80u, 0x8Fu, 0x90u, 0x9Fu, 0xA0u, 0xBFu, 0xC0u, 0xFFu}) {
                    check(two + static_cast<char>(c));
                    if (a < 0xF0) continue;
                    for (unsigned d : {0x41u, 0x80u, 0xBFu, 0xC0u}) check(two + static_cast<char>(c) + static_cast<char>(d) + "z");
                }
            }
        }
    }
    CHECK(mismatches == 0);
    CHECK(invalid > checked / 4);  // the inputs are not all valid (nor all invalid)
    CHECK(invalid < checked);
}

TEST_CASE("utf-8 check: long text of ASCII, two-, three- and four-byte characters and stray bytes", "[eval][utf8]") {
    // sixteen bytes at a time while they hold ASCII and whole two-byte sequences: random text
    // of such runs with other characters and invalid bytes at every place
    const std::vector<std::string> pieces = {"a", "plain text ", "ö", "Å", "ß", "\xDF\xBF", "\xC2\x80", "€", "😀",
                                             "\xED\x9F\xBF", "\xEF\xBF\xBD"};
    const std::vector<std::string> bad = {"\x80", "\xBF", "\xC3", "\xC0\xB6", "\xC1\xBF", "\xE2\x82", "\xED\xA0\x80",
                                          "\xF4\x90\x80\x80", "\xF8", "\xFF", "\xC3\xC3"};
    std::uint64_t state = 12345;
    auto next = [&](std::size_t n) {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        return static_cast<std::size_t>((state >> 33) % n);
    };
    std::size_t mismatches = 0, invalid = 0;
    for (int round = 0; round < 20000; ++round) {
        std::string s;
        const std::size_t parts = 1 + next(60);
        for (std::size_t k = 0; k < parts; ++k) s += pieces[next(next(4) == 0 ? pieces.size() : 7)];
        if (round % 2 == 0) s.insert(next(s.size() + 1), bad[next(bad.size())]);
        const std::size_t want = reference(s), got = find_invalid_utf8(s);
        if (want != std::string_view::npos) ++invalid;
        if (want != got && mismatches++ < 5) FAIL_CHECK("bytes " << ::Catch::Detail::stringify(s) << ": " << got << ", expected " << want);
    }
    CHECK(mismatches == 0);
    CHECK(invalid > 5000);  // about half the texts have a bad byte where it makes them invalid
    CHECK(invalid < 15000);
}

TEST_CASE("utf-8 check: text as plans have it", "[eval][utf8]") {
    CHECK(find_invalid_utf8("") == std::string_view::npos);
    CHECK(find_invalid_utf8("Behöver stöd att ta fram ett cv, Åsa Ärlig, €, 😀") == std::string_view::npos);
    CHECK(find_invalid_utf8("sökande\xC3") == 8);           // cut off after a lead byte
    CHECK(find_invalid_utf8("abcdefghij\xED\xA0\x80") == 10);  // a surrogate
    CHECK(find_invalid_utf8("abcdefghijklmnop\xC0\xAF") == 16);  // overlong
    CHECK(find_invalid_utf8("ö\x80") == 2);                 // a continuation byte alone
}
