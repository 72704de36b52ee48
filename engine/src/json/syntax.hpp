#pragma once
// The strict JSON check: whether a text is exactly one JSON text of RFC 8259 (UTF-8), and if
// not, where and why not. Plan loading runs it on every plan the fast path does not take, so
// that nothing that is not JSON is ever read as a plan, whatever the schema does with a value
// (an unknown key, a value of the wrong type, nesting past the depth limit: simdjson On-Demand
// does not validate what it skips). It builds nothing: nesting is followed with one bit per
// level, so any depth is checked; the number grammar is checked, not the number's size (a
// number too large for its field is a finding, not "not JSON").

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace planrules::json {

struct SyntaxError {
    std::size_t offset = 0;  // of the first byte that makes the text not JSON
    std::string message;     // English, for the diagnostic: "this string is never closed"
    std::string help;
    bool encoding = false;   // the text is not UTF-8 (rather than not JSON)
};

// Nothing when `text` is one JSON value with optional whitespace (space, tab, CR, LF) around
// it; a leading byte-order mark is the caller's to skip. Lone surrogates (\uD800 without its
// pair) are refused: no UTF-8 text holds them.
[[nodiscard]] std::optional<SyntaxError> check_syntax(std::string_view text);

// The deepest nesting of objects and arrays in `json`, a text check_syntax accepted: 0 for a
// scalar, 1 for [] or {"a": 1}.
[[nodiscard]] std::uint32_t nesting(std::string_view json) noexcept;

// Whether `text` is one JSON value (check_syntax finds nothing).
[[nodiscard]] inline bool is_json(std::string_view text) { return !check_syntax(text); }

}  // namespace planrules::json
