#pragma once
// The reference for what is JSON, for the fuzz targets: simdjson's validating DOM parser, which
// shares no code with planrules' own check (engine/src/json/syntax.cpp). The DOM parser also
// refuses numbers it cannot represent (1e400, 2^64), which RFC 8259 allows; for those the
// number tokens that match the RFC's number grammar (std::regex, a third implementation) are
// replaced by 0 and the DOM parser asked again.

#include <simdjson.h>

#include <regex>
#include <string>
#include <string_view>

namespace fuzz {

inline simdjson::dom::parser& dom_parser() {
    thread_local simdjson::dom::parser parser = [] {
        simdjson::dom::parser p;
        if (p.allocate(1u << 20, 1u << 20)) std::abort();  // nesting no input of the targets reaches
        return p;
    }();
    return parser;
}

inline simdjson::error_code dom_error(std::string_view text) {
    simdjson::dom::element root;
    if (text.size() > (1u << 20)) return simdjson::CAPACITY;
    return dom_parser().parse(text.data(), text.size()).get(root);
}

// Whether `text` (a plan file: a leading byte-order mark is skipped) is one JSON text.
inline bool is_json_reference(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    const simdjson::error_code e = dom_error(text);
    if (e != simdjson::NUMBER_ERROR) return !e;
    static const std::regex number(R"(-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?)");
    std::string sane(text);
    bool in_string = false;
    for (std::size_t i = 0; i < sane.size();) {
        const char c = sane[i];
        if (in_string) {
            i += c == '\\' ? 2 : 1;
            if (c == '"') in_string = false;
            continue;
        }
        if (c == '"') {
            in_string = true;
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < sane.size() && std::string_view("-+.0123456789eE").find(sane[end]) != std::string_view::npos) ++end;
        if (end == i) {
            ++i;
            continue;
        }
        if (std::regex_match(sane.begin() + static_cast<std::ptrdiff_t>(i), sane.begin() + static_cast<std::ptrdiff_t>(end), number))
            sane.replace(i, end - i, std::string(1, '0') + std::string(end - i - 1, ' '));
        i = end;
    }
    return !dom_error(sane);
}

// Whether every line of `out` that is not empty is one JSON text (what the project writes; the
// evidence of a number too large for its field is that number).
inline bool json_lines(std::string_view out) {
    while (!out.empty()) {
        const std::size_t nl = out.find('\n');
        const std::string_view line = out.substr(0, nl);
        if (!line.empty() && !is_json_reference(line)) return false;
        if (nl == std::string_view::npos) break;
        out.remove_prefix(nl + 1);
    }
    return true;
}

}  // namespace fuzz
