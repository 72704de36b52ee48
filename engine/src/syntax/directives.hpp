#pragma once
// X3 directives of the rule language: `spanned[…]` records what its subject matched for
// the actions (spans), `omit_spanned[…]` does so without the attribute, and
// `depth_guard[…]` bounds recursion by nesting depth and stack use.

#include "parse_state.hpp"

namespace planrules::syntax::detail {

// The end of the last token in [start, end): X3 primitives skip blanks before they try
// to match, so a parser whose last optional part failed has consumed the blanks and
// comments after its last token. Strings do not span lines, so a `#` outside a string
// on the last line starts a comment.
inline Iterator trim_end(Iterator file_begin, Iterator start, Iterator end) {
    auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
    while (true) {
        Iterator e = end;
        while (e > start && blank(e[-1])) --e;
        if (e == start) return start;
        Iterator line = e - 1;
        while (line > file_begin && line[-1] != '\n') --line;
        Iterator hash = nullptr;
        bool in_string = false;
        for (Iterator p = line; p < e; ++p) {
            if (in_string) {
                if (*p == '\\') ++p;
                else if (*p == '"') in_string = false;
            } else if (*p == '"') {
                in_string = true;
            } else if (*p == '#') {
                hash = p;
                break;
            }
        }
        if (!hash || hash < start) return e;
        end = hash;
    }
}

// spanned[p]: parses p (passing its attribute through) and records the span it
// matched, without leading blanks, in ParseState::last_span for the action attached
// to it: `spanned[p][action]`.
template <typename Subject>
struct spanned_parser : x3::unary_parser<Subject, spanned_parser<Subject>> {
    using base = x3::unary_parser<Subject, spanned_parser<Subject>>;
    static bool const is_pass_through_unary = true;
    constexpr explicit spanned_parser(Subject const& s) : base(s) {}

    template <typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, Iterator const& last, Context const& ctx, RContext& rctx, Attribute& attr) const {
        x3::skip_over(first, last, ctx);
        Iterator start = first;
        if (!this->subject.parse(first, last, ctx, rctx, attr)) return false;
        auto& st = state_of(ctx);
        st.last_span = st.span(start, trim_end(st.begin, start, first));
        return true;
    }
};

struct spanned_gen {
    template <typename Subject>
    constexpr spanned_parser<typename x3::extension::as_parser<Subject>::value_type> operator[](
        Subject const& subject) const {
        return spanned_parser<typename x3::extension::as_parser<Subject>::value_type>{x3::as_parser(subject)};
    }
};
inline constexpr spanned_gen spanned{};

// omit_spanned[p]: x3::omit that records its span like spanned[…].
struct omit_spanned_gen {
    template <typename Subject>
    constexpr auto operator[](Subject const& subject) const {
        return spanned[x3::omit[subject]];
    }
};
inline constexpr omit_spanned_gen omit_spanned{};

struct depth_guard_tag;

// AddressSanitizer makes stack frames several times larger; the budget is measured in
// uninstrumented bytes, so a sanitized build reaches the same depth as a normal one.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr std::size_t stack_scale = 4;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr std::size_t stack_scale = 4;
#else
inline constexpr std::size_t stack_scale = 1;
#endif
#else
inline constexpr std::size_t stack_scale = 1;
#endif

template <typename Subject>
struct depth_guard_parser : x3::unary_parser<Subject, depth_guard_parser<Subject>> {
    using base = x3::unary_parser<Subject, depth_guard_parser<Subject>>;
    static bool const is_pass_through_unary = true;
    constexpr explicit depth_guard_parser(Subject const& s) : base(s) {}

    template <typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, Iterator const& last, Context const& ctx, RContext& rctx, Attribute& attr) const {
        auto& st = state_of(ctx);
        auto* frame = static_cast<const char*>(__builtin_frame_address(0));
        std::size_t stack_used = st.stack_base > frame ? static_cast<std::size_t>(st.stack_base - frame)
                                                       : static_cast<std::size_t>(frame - st.stack_base);
        stack_used /= stack_scale;
        // (the outermost expression or type is a guard's too, at depth 0: it is not a nesting
        // level, so max_nesting_depth levels inside it pass)
        if (st.depth > st.limits->max_nesting_depth || stack_used > st.limits->max_parse_stack_bytes) {
            Iterator at = skip_blanks(first, last);
            throw SyntaxError{at, at == last ? at : at + 1, "nesting-too-deep",
                              st.depth > st.limits->max_nesting_depth
                                  ? tr("expression nested more than {} levels deep", st.limits->max_nesting_depth)
                                  : tr("expression nested too deeply: the parser's stack budget of {} KiB is used up",
                                                st.limits->max_parse_stack_bytes >> 10),
                              tr("split the expression with 'define' names")};
        }
        struct Restore {
            std::uint32_t& d;
            ~Restore() { --d; }
        } restore{++st.depth};
        return this->subject.parse(first, last, ctx, rctx, attr);
    }
};

struct depth_guard_gen {
    template <typename Subject>
    constexpr depth_guard_parser<typename x3::extension::as_parser<Subject>::value_type> operator[](
        Subject const& subject) const {
        return depth_guard_parser<typename x3::extension::as_parser<Subject>::value_type>{x3::as_parser(subject)};
    }
};
inline constexpr depth_guard_gen depth_guard{};

}  // namespace planrules::syntax::detail

namespace boost::spirit::x3 {
// "expected …" names what the guard guards.
template <typename Subject>
struct get_info<planrules::syntax::detail::depth_guard_parser<Subject>> {
    using result_type = std::string;
    std::string operator()(planrules::syntax::detail::depth_guard_parser<Subject> const& p) const {
        return what(p.subject);
    }
};
}  // namespace boost::spirit::x3
