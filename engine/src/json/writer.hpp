#pragma once
// The one JSON writer: every JSON text the project writes (diagnostics, SARIF, validation
// reports, batch summaries, the C API's small answers) is built through it, so that commas,
// brackets, escaping and numbers are right in one place. Strings go through
// append_json_string (always valid UTF-8 and escaped); a number that is not finite is written
// as null. What it writes is RFC 8259 JSON by construction; the layout is the caller's choice
// per container: on one line, or one element per line.

#include "text/strings.hpp"

#include <fmt/format.h>

#include <cmath>
#include <concepts>
#include <string>
#include <string_view>
#include <vector>

namespace planrules::json {

// How a container lays out its elements: on one line (`{"a": 1, "b": 2}`), or each on a line
// of its own `indent` spaces in, with the closing bracket on its own line `indent - 2` in.
struct Layout {
    int indent = -1;  // -1: one line
    [[nodiscard]] static constexpr Layout one_line() noexcept { return {}; }
    [[nodiscard]] static constexpr Layout lines(int indent) noexcept { return {indent}; }
};

class Writer {
public:
    explicit Writer(std::string& out) : out_(out) {}

    Writer& begin_object(Layout layout = {}) { return open('{', layout); }
    Writer& end_object() { return close('}'); }
    Writer& begin_array(Layout layout = {}) { return open('[', layout); }
    Writer& end_array() { return close(']'); }

    // The key of the next value, inside an object.
    Writer& key(std::string_view name) {
        separate();
        detail::append_json_string(out_, name);
        out_ += ": ";
        after_key_ = true;
        return *this;
    }

    Writer& string(std::string_view s) {
        separate();
        detail::append_json_string(out_, s);
        return *this;
    }
    template <std::integral Int>
        requires(!std::same_as<Int, bool>)
    Writer& number(Int n) {
        separate();
        fmt::format_to(std::back_inserter(out_), "{}", n);
        return *this;
    }
    // `x` with `decimals` digits after the point; null when it is not finite (JSON has no
    // infinity or NaN).
    Writer& fixed(double x, int decimals) {
        separate();
        if (std::isfinite(x)) fmt::format_to(std::back_inserter(out_), "{:.{}f}", x, decimals);
        else out_ += "null";
        return *this;
    }
    Writer& boolean(bool b) {
        separate();
        out_ += b ? "true" : "false";
        return *this;
    }
    Writer& null() {
        separate();
        out_ += "null";
        return *this;
    }
    // A JSON text the caller has checked (json::check_syntax) or built with a Writer.
    Writer& raw(std::string_view json_text) {
        separate();
        out_ += json_text;
        return *this;
    }

    // key(k) followed by the value.
    Writer& field(std::string_view k, std::string_view s) { return key(k).string(s); }
    Writer& field(std::string_view k, const char* s) { return key(k).string(s); }
    Writer& field(std::string_view k, const std::string& s) { return key(k).string(s); }
    template <std::integral Int>
        requires(!std::same_as<Int, bool>)
    Writer& field(std::string_view k, Int n) {
        return key(k).number(n);
    }
    Writer& field(std::string_view k, bool b) { return key(k).boolean(b); }

    // The next element of the current one-line container starts a line of its own, `indent`
    // spaces in (a long one-line object broken where it reads best).
    Writer& break_line(int indent) {
        break_ = indent;
        return *this;
    }

    // An array of strings, on one line.
    Writer& strings(const std::vector<std::string>& xs) {
        begin_array();
        for (const auto& x : xs) string(x);
        return end_array();
    }

private:
    struct Open {
        Layout layout;
        std::size_t count = 0;
    };

    // What goes before a value or a key: nothing after a key, else the comma and the break.
    void separate() {
        if (after_key_) {
            after_key_ = false;
            return;
        }
        if (open_.empty()) return;
        Open& o = open_.back();
        const int indent = o.layout.indent >= 0 ? o.layout.indent : o.count ? break_ : -1;
        break_ = -1;
        if (o.count++) out_ += indent < 0 ? ", " : ",";
        if (indent >= 0) {
            out_ += '\n';
            out_.append(static_cast<std::size_t>(indent), ' ');
        }
    }
    Writer& open(char bracket, Layout layout) {
        separate();
        out_ += bracket;
        open_.push_back({layout});
        return *this;
    }
    Writer& close(char bracket) {
        const Open o = open_.back();
        open_.pop_back();
        if (o.layout.indent >= 0 && o.count) {
            out_ += '\n';
            out_.append(static_cast<std::size_t>(o.layout.indent >= 2 ? o.layout.indent - 2 : 0), ' ');
        }
        out_ += bracket;
        return *this;
    }

    std::string& out_;
    std::vector<Open> open_;
    bool after_key_ = false;
    int break_ = -1;  // break_line's indent, for the next separator
};

}  // namespace planrules::json
