#pragma once
// What every part of the parser shares: the input iterator, the parse state reached
// through the X3 context (file, limits, diagnostics, the declarations read so far),
// the precise syntax error primitives throw, and blank and word scanning.

#include "diagnostics/codes.hpp"
#include "text/catalogue.hpp"
#include "text/strings.hpp"
#include <planrules/diagnostics.hpp>
#include <planrules/options.hpp>
#include <planrules/syntax/ast.hpp>

#include <boost/spirit/home/x3.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace planrules::syntax::detail {

namespace x3 = boost::spirit::x3;
using planrules::detail::is_digit;
using planrules::detail::is_ident_continue;
using planrules::detail::is_ident_start;
using Iterator = const char*;
using text::N_;
using text::tr;

// A syntax error with a precise message, thrown by primitives that know better than
// a generic "expected …" (unterminated string, malformed date, nesting too deep).
struct SyntaxError {
    Iterator where;
    Iterator where_end;
    diagnostics::Code code;
    std::string message;
    std::string help;
};

struct ParseState {
    SourceFilePtr file;
    Iterator begin = nullptr;
    Iterator end = nullptr;
    const Limits* limits = nullptr;
    std::uint32_t depth = 0;
    const char* stack_base = nullptr;  // frame address where parsing began
    Diagnostics* diagnostics = nullptr;
    std::vector<ast::Decl>* decls = nullptr;
    SourceSpan last_span{};                     // what the innermost finished `spanned[…]` matched
    std::string_view end_name = N_("end of file");  // what "found …" calls the end of the input
    bool error_reported = false;                // an entry rule's on_error reported the failure

    [[nodiscard]] std::uint32_t offset(Iterator p) const { return static_cast<std::uint32_t>(p - begin); }
    [[nodiscard]] SourceSpan span(Iterator b, Iterator e) const { return {offset(b), offset(e)}; }

    void report(diagnostics::Code code, SourceSpan span, std::string message, std::string help = {}) const {
        diagnostics->push_back(diagnostics::make(code, file, span, std::move(message), std::move(help)));
    }
};

struct state_tag;

template <typename Context>
ParseState& state_of(Context const& ctx) {
    return x3::get<state_tag>(ctx).get();
}

// Skips spaces and `#` comments (the same as the phrase skipper; used to trim spans).
inline Iterator skip_blanks(Iterator p, Iterator end) {
    while (p != end) {
        if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f' || *p == '\v') {
            ++p;
        } else if (*p == '#') {
            while (p != end && *p != '\n') ++p;
        } else {
            break;
        }
    }
    return p;
}

// The span of what the `spanned[…]` directive an action is attached to matched
// (X3's own `_where` is the input after the match, not the match).
template <typename Context>
SourceSpan where_span(Context const& ctx) {
    return state_of(ctx).last_span;
}

inline Iterator scan_word(Iterator p, Iterator end) {
    if (p == end || !is_ident_start(static_cast<unsigned char>(*p))) return p;
    while (p != end && is_ident_continue(static_cast<unsigned char>(*p))) ++p;
    return p;
}

}  // namespace planrules::syntax::detail
