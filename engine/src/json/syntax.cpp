// The strict JSON check (RFC 8259): one pass over the text with a bit per nesting level, no
// recursion and no allocation but that stack. The messages name no text of the input (a plan
// holds personal data): only what was expected and, for control characters, the code point.

#include "json/syntax.hpp"

#include "text/catalogue.hpp"
#include "text/strings.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

namespace planrules::json {

namespace {

using text::tr;

constexpr const char* cut_off_help = text::N_("the file may be cut off (an interrupted transfer?), or a bracket is missing");
constexpr const char* escapes_help = text::N_("JSON escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\u followed by four hex digits");

bool is_ws(unsigned char c) noexcept { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }
bool is_digit(unsigned char c) noexcept { return c >= '0' && c <= '9'; }
int hex_value(unsigned char c) noexcept {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

class Checker {
public:
    explicit Checker(std::string_view text)
        : begin_(reinterpret_cast<const unsigned char*>(text.data())), end_(begin_ + text.size()), p_(begin_) {}

    std::optional<SyntaxError> run() {
        ws();
        if (p_ == end_) return fail(p_, tr("the text is empty"), tr("a plan is a JSON object: {{\"id\": …}}"));
        bool need_value = true;  // p_ is where a value starts (whitespace skipped)
        for (;;) {
            if (need_value) {
                const Read read = value();
                if (read == Read::failed) return error_;
                if (read == Read::opened) continue;  // p_ is at its first member's value
                need_value = false;
            }
            // after a value: inside an array or object a ',' or its closing bracket; at the top
            // level the end of the text
            ws();
            if (open_.empty()) {
                if (p_ == end_) return std::nullopt;
                return fail(p_, tr("unexpected text after the JSON value"), tr("a plan file holds one JSON object, and nothing after it"));
            }
            const bool object = open_.back();
            if (p_ == end_)
                return fail(p_, object ? tr("the text ends inside an object: a '}}' is missing") : tr("the text ends inside an array: a ']' is missing"),
                            std::string(text::translate(cut_off_help)));
            if (*p_ == (object ? '}' : ']')) {
                ++p_;
                open_.pop_back();
                continue;
            }
            if (*p_ != ',')
                return fail(p_, object ? tr("expected ',' or '}}' after a value in an object") : tr("expected ',' or ']' after a value in an array"),
                            tr("elements are separated by commas; check for a missing comma or bracket"));
            ++p_;
            ws();
            if (object && !key()) return error_;
            if (!object && p_ < end_ && *p_ == ']')
                return fail(p_, tr("a ',' must be followed by a value"), tr("remove the comma before ']'"));
            need_value = true;
        }
    }

private:
    void ws() {
        while (p_ < end_ && is_ws(*p_)) ++p_;
    }

    std::optional<SyntaxError> fail(const unsigned char* at, std::string message, std::string help) {
        error_ = SyntaxError{static_cast<std::size_t>(at - begin_), std::move(message), std::move(help)};
        return error_;
    }
    bool bad(const unsigned char* at, std::string message, std::string help) {
        fail(at, message, help);
        return false;
    }

    // A key and its ':' at p_ (whitespace skipped), whitespace after the ':' skipped.
    bool key() {
        if (p_ == end_) return bad(p_, tr("the text ends inside an object: a '}}' is missing"), std::string(text::translate(cut_off_help)));
        if (*p_ != '"') {
            if (*p_ == '}') return bad(p_, tr("a ',' must be followed by a key"), tr("remove the comma before '}}'"));
            if (*p_ == '\'') return bad(p_, tr("a key is written in double quotes, not single quotes"), tr("write \"key\": value"));
            return bad(p_, tr("expected a key in double quotes"), tr("an object's members are written \"key\": value"));
        }
        if (!string()) return false;
        ws();
        if (p_ == end_ || *p_ != ':') return bad(p_, tr("expected ':' after the key"), tr("an object's members are written \"key\": value"));
        ++p_;
        ws();
        return true;
    }

    // One value at p_ (whitespace skipped): a scalar read whole, an empty object or array, or
    // an object or array opened (p_ then at its first member's value, the key read).
    enum class Read { failed, complete, opened };
    Read value() {
        if (p_ == end_) return failed(p_, tr("the text ends where a value was expected"), std::string(text::translate(cut_off_help)));
        switch (*p_) {
            case '{':
            case '[': {
                const bool object = *p_++ == '{';
                ws();
                if (p_ < end_ && *p_ == (object ? '}' : ']')) {
                    ++p_;
                    return Read::complete;
                }
                open_.push_back(object);
                return !object || key() ? Read::opened : Read::failed;
            }
            default: return scalar() ? Read::complete : Read::failed;
        }
    }
    Read failed(const unsigned char* at, std::string message, std::string help) {
        fail(at, message, help);
        return Read::failed;
    }

    bool scalar() {
        switch (*p_) {
            case '"': return string();
            case 't': return literal("true");
            case 'f': return literal("false");
            case 'n': return literal("null");
            case '-': return number();
            case '\'': return bad(p_, tr("a string is written in double quotes, not single quotes"), tr("write \"text\""));
            case '/': return bad(p_, tr("JSON has no comments"), tr("remove the comment"));
            case '+': return bad(p_, tr("a number does not start with '+'"), tr("write 1, not +1"));
            case '.': return bad(p_, tr("a number starts with a digit"), tr("write 0.5, not .5"));
            case 'N':
            case 'I': return bad(p_, tr("not a JSON value"), tr("JSON has no NaN or infinite numbers; a missing value is written null"));
            case ',':
            case ']':
            case '}': return bad(p_, tr("expected a value"), tr("check for a comma too many, or a value left out"));
            default:
                if (is_digit(*p_)) return number();
                if (*p_ < 0x20 || *p_ == 0x7F)
                    return bad(p_, tr("a control character where a value was expected"),
                               tr("JSON whitespace is space, tab, line feed and carriage return"));
                return bad(p_, tr("expected a value (an object, array, string, number, true, false or null)"),
                           tr("JSON whitespace is space, tab, line feed and carriage return; text is written in double quotes"));
        }
    }

    bool literal(std::string_view word) {
        const auto left = static_cast<std::size_t>(end_ - p_);
        if (left < word.size() || std::string_view(reinterpret_cast<const char*>(p_), word.size()) != word)
            return bad(p_, tr("not a JSON value"), tr("true, false and null are written in lower case and in full"));
        p_ += word.size();
        return true;
    }

    // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? followed by a delimiter.
    bool number() {
        const unsigned char* start = p_;
        if (*p_ == '-') ++p_;
        if (p_ == end_ || !is_digit(*p_)) {
            if (p_ < end_ && (*p_ == 'I' || *p_ == 'N'))
                return bad(start, tr("not a JSON number"), tr("JSON has no NaN or infinite numbers; a missing value is written null"));
            return bad(p_, tr("a digit must follow '-'"), tr("a number is written like -12 or -0.5"));
        }
        if (*p_ == '0') {
            ++p_;
            if (p_ < end_ && is_digit(*p_)) return bad(start, tr("a number has no leading zeros"), tr("write 1, not 01"));
        } else {
            while (p_ < end_ && is_digit(*p_)) ++p_;
        }
        if (p_ < end_ && *p_ == '.') {
            ++p_;
            if (p_ == end_ || !is_digit(*p_)) return bad(p_, tr("a digit must follow the decimal point"), tr("write 1.0 or 1, not 1."));
            while (p_ < end_ && is_digit(*p_)) ++p_;
        }
        if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) {
            ++p_;
            if (p_ < end_ && (*p_ == '+' || *p_ == '-')) ++p_;
            if (p_ == end_ || !is_digit(*p_)) return bad(p_, tr("the exponent of a number needs digits"), tr("write 1e5 or 1.5E-3"));
            while (p_ < end_ && is_digit(*p_)) ++p_;
        }
        if (p_ < end_ && !is_ws(*p_) && *p_ != ',' && *p_ != ']' && *p_ != '}')
            return bad(p_, tr("unexpected character in a number"),
                       tr("a number is written like 12, -0.5 or 1.5e3: no '+', hex, separators or second decimal point"));
        return true;
    }

    // A string at p_ (its opening quote). Bytes from 0x80 up were checked as UTF-8 already.
    bool string() {
        const unsigned char* open = p_++;
        for (;;) {
            while (p_ < end_ && *p_ >= 0x20 && *p_ != '"' && *p_ != '\\') ++p_;
            if (p_ == end_) return bad(open, tr("this string is never closed"), tr("the file may be cut off, or a closing '\"' is missing"));
            if (*p_ == '"') {
                ++p_;
                return true;
            }
            if (*p_ == '\n' || *p_ == '\r')  // most often a closing quote missing, or a cut-off file
                return bad(open, tr("this string is not closed before the end of its line"),
                           tr("a closing '\"' is missing, or the file is cut off; a line break inside a string is written \\n"));
            if (*p_ < 0x20)
                return bad(p_, tr("a control character (U+{:04X}) inside a string", *p_),
                           tr("control characters in JSON strings are written as escapes (\\n, \\t, \\u0000)"));
            if (!escape()) return false;
        }
    }

    // An escape at p_ (its backslash).
    bool escape() {
        const unsigned char* at = p_;
        if (end_ - p_ < 2) return bad(at, tr("this string is never closed"), tr("the file may be cut off, or a closing '\"' is missing"));
        switch (p_[1]) {
            case '"':
            case '\\':
            case '/':
            case 'b':
            case 'f':
            case 'n':
            case 'r':
            case 't': p_ += 2; return true;
            case 'u': break;
            default: return bad(at, tr("an unknown escape in a string"), std::string(text::translate(escapes_help)));
        }
        int unit = 0;
        if (!hex4(at, unit)) return false;
        if (unit >= 0xDC00 && unit <= 0xDFFF)
            return bad(at, tr("a lone low surrogate (\\uDC00–\\uDFFF) in a string"),
                       tr("a character above U+FFFF is written as a pair: \\uD83D\\uDE00"));
        if (unit < 0xD800 || unit > 0xDBFF) return true;
        int low = 0;
        if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u' || !hex4(p_, low) || low < 0xDC00 || low > 0xDFFF) {
            if (error_) return false;  // a malformed \u after the high surrogate
            return bad(at, tr("a high surrogate (\\uD800–\\uDBFF) without its low surrogate"),
                       tr("a character above U+FFFF is written as a pair: \\uD83D\\uDE00"));
        }
        return true;
    }

    // \uXXXX at p_ (its backslash): p_ moves past it.
    bool hex4(const unsigned char* at, int& unit) {
        if (end_ - p_ < 6) return bad(at, tr("\\u must be followed by four hex digits"), std::string(text::translate(escapes_help)));
        unit = 0;
        for (int i = 2; i < 6; ++i) {
            const int h = hex_value(p_[i]);
            if (h < 0) return bad(at, tr("\\u must be followed by four hex digits"), std::string(text::translate(escapes_help)));
            unit = unit * 16 + h;
        }
        p_ += 6;
        return true;
    }

    const unsigned char* begin_;
    const unsigned char* end_;
    const unsigned char* p_;
    std::vector<bool> open_;  // the objects (true) and arrays (false) open, innermost last
    std::optional<SyntaxError> error_;
};

}  // namespace

std::optional<SyntaxError> check_syntax(std::string_view text) {
    std::optional<SyntaxError> syntax = Checker(text).run();
    // Invalid UTF-8 before the first syntax error (or in a text without one) is the error.
    const std::size_t utf8 = detail::find_invalid_utf8(syntax ? text.substr(0, syntax->offset + 1) : text);
    if (utf8 != std::string_view::npos) return SyntaxError{utf8, "the text is not valid UTF-8", "save it as UTF-8", true};
    return syntax;
}

std::uint32_t nesting(std::string_view json) noexcept {
    std::uint32_t depth = 0, deepest = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (in_string) {
            if (c == '\\') ++i;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '{' || c == '[') {
            deepest = std::max(deepest, ++depth);
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return deepest;
}

}  // namespace planrules::json
