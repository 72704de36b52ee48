#pragma once
// Token-level X3 primitives of the rule language: keywords, punctuation, identifiers,
// rule ids, strings, numbers, dates, inline JSON blocks, and the parsers that explain
// common operator mistakes. Each primitive's name in "expected …" messages and its help
// come from one TokenInfo (errors.hpp).

#include "errors.hpp"
#include "keywords.hpp"
#include "parse_state.hpp"

#include <fmt/format.h>

#include <charconv>
#include <string>
#include <string_view>
#include <vector>

namespace planrules::syntax::detail {

// What each kind of token is called in "expected …" messages, and its help.
namespace token {
inline constexpr ExpectedInfo name{"a name", help::name};
inline constexpr ExpectedInfo field{"a field name", help::none};
inline constexpr ExpectedInfo code{"a code (a word or digits, e.g. 0180)", help::none};
inline constexpr ExpectedInfo dotted{"a rule set name (e.g. national.law)", help::none};
inline constexpr ExpectedInfo rule_id{"a rule id (e.g. R-1.2)", help::rule_id};
inline constexpr ExpectedInfo string{"a string in quotes", help::none};
inline constexpr ExpectedInfo date{"a date (YYYY-MM-DD)", help::date};
inline constexpr ExpectedInfo json{"a JSON object", help::none};
// Punctuation is called by its text in quotes ("')'"); these have help.
inline constexpr ExpectedInfo close_paren{"')'", help::bracket};
inline constexpr ExpectedInfo close_bracket{"']'", help::bracket};
inline constexpr ExpectedInfo equals{"'='", help::define_equals};
inline constexpr ExpectedInfo table[] = {name, field, code, dotted, rule_id, string, date, json,
                                         close_paren, close_bracket, equals};
}  // namespace token

// ---------------------------------------------------------------- keyword

struct keyword_parser : x3::parser<keyword_parser> {
    using attribute_type = x3::unused_type;
    static bool const has_attribute = false;
    std::string_view word;
    constexpr explicit keyword_parser(std::string_view w) : word(w) {}

    template <typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, Iterator const& last, Context const& ctx, RContext&, Attribute&) const {
        x3::skip_over(first, last, ctx);
        Iterator e = scan_word(first, last);
        if (std::string_view(first, static_cast<std::size_t>(e - first)) != word) return false;
        first = e;
        return true;
    }
};

inline keyword_parser kw(std::string_view w) { return keyword_parser{w}; }

// ---------------------------------------------------------------- punctuation

// Matches `text` unless it is immediately followed by one of `not_followed_by`
// (so that '=' does not match the first half of '==').
struct punct_parser : x3::parser<punct_parser> {
    using attribute_type = x3::unused_type;
    static bool const has_attribute = false;
    std::string_view text;
    std::string_view not_followed_by;
    constexpr punct_parser(std::string_view t, std::string_view n = {}) : text(t), not_followed_by(n) {}

    template <typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, Iterator const& last, Context const& ctx, RContext&, Attribute&) const {
        x3::skip_over(first, last, ctx);
        if (static_cast<std::size_t>(last - first) < text.size()) return false;
        if (std::string_view(first, text.size()) != text) return false;
        Iterator e = first + text.size();
        if (e != last && not_followed_by.find(*e) != std::string_view::npos) return false;
        first = e;
        return true;
    }
};

inline punct_parser sym(std::string_view t, std::string_view n = {}) { return punct_parser{t, n}; }

// ---------------------------------------------------------------- identifiers

enum class NameKind { identifier, field, dotted, rule_id, code };

// Besides the operators and declaration words, the words that start a clause after an
// expression are reserved, so that a missing expression is reported at the clause word
// (`require` followed by `message …`) instead of the clause word being read as a name.
// Field names after '.' may still be any word.
inline bool reserved(std::string_view word) noexcept { return keywords::reserved(word); }

template <NameKind Kind>
struct name_parser : x3::parser<name_parser<Kind>> {
    using attribute_type = ast::Name;
    static bool const has_attribute = true;

    template <typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, Iterator const& last, Context const& ctx, RContext&, Attribute& attr) const {
        x3::skip_over(first, last, ctx);
        auto& st = state_of(ctx);
        Iterator p = first;
        if constexpr (Kind == NameKind::identifier || Kind == NameKind::field) {
            p = scan_word(first, last);
            if (p == first) return false;
            if constexpr (Kind == NameKind::identifier)
                if (reserved(std::string_view(first, static_cast<std::size_t>(p - first)))) return false;
        } else if constexpr (Kind == NameKind::code) {
            // a code of a code list: a word, or digits such as a municipality's code (0180)
            while (p != last && is_ident_continue(static_cast<unsigned char>(*p))) ++p;
            if (p == first) return false;
        } else if constexpr (Kind == NameKind::dotted) {
            // national.law, local.0001: segments of letters, digits and '_' joined by '.'
            auto segment = [&](Iterator q) {
                while (q != last && is_ident_continue(static_cast<unsigned char>(*q))) ++q;
                return q;
            };
            if (!is_ident_start(static_cast<unsigned char>(*p))) return false;
            p = segment(p);
            while (p != last && *p == '.' && p + 1 != last && is_ident_continue(static_cast<unsigned char>(p[1])))
                p = segment(p + 1);
            // `extends` followed by a declaration: the keyword is not a rule set name
            if (reserved(std::string_view(first, static_cast<std::size_t>(p - first)))) return false;
        } else {
            // ABC-30D, K0001-X-1: alphanumeric parts joined by '-' or '.'
            auto alnum = [](char c) { return is_digit(static_cast<unsigned char>(c)) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; };
            // K1280-LÄNGD: a letter outside ASCII in what is meant as one rule id
            Iterator whole = p;
            bool ascii = true;
            while (whole != last && (alnum(*whole) || *whole == '-' || *whole == '.' || static_cast<unsigned char>(*whole) >= 0x80)) {
                ascii = ascii && static_cast<unsigned char>(*whole) < 0x80;
                ++whole;
            }
            if (!ascii && whole != p) {
                const std::string_view id(p, static_cast<std::size_t>(whole - p));
                throw SyntaxError{p, whole, "rule-id-not-ascii",
                                  tr("the rule id '{}' has a letter that is not A–Z", id),
                                  tr("rule ids are written with A–Z, 0–9, '-' and '.': write {}",
                                     planrules::detail::transliterate_ascii(id))};
            }
            if (p == last || !((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z'))) return false;
            while (p != last && alnum(*p)) ++p;
            while (p != last && (*p == '-' || *p == '.') && p + 1 != last && alnum(p[1])) {
                ++p;
                while (p != last && alnum(*p)) ++p;
            }
            if (p != last && is_ident_continue(static_cast<unsigned char>(*p))) return false;
        }
        ast::Name name{std::string(first, p), st.span(first, p)};
        if (name.text.size() > st.limits->max_identifier_length)
            st.report("name-too-long", name.span,
                      tr("name is {} bytes long; the limit is {}", name.text.size(),
                                  st.limits->max_identifier_length),
                      tr("use a shorter name"));
        x3::traits::move_to(std::move(name), attr);
        first = p;
        return true;
    }
};

// ---------------------------------------------------------------- word tables (severity, units, …)

template <typename T>
struct word_table_parser : x3::parser<word_table_parser<T>> {
    using attribute_type = T;
    static bool const has_attribute = true;
    std::vector<std::pair<std::string_view, T>> table;

    template <typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, Iterator const& last, Context const& ctx, RContext&, Attribute& attr) const {
        x3::skip_over(first, last, ctx);
        Iterator e = scan_word(first, last);
        std::string_view w(first, static_cast<std::size_t>(e - first));
        for (auto const& [word, value] : table) {
            if (w == word) {
                x3::traits::move_to(value, attr);
                first = e;
                return true;
            }
        }
        return false;
    }
};

// ---------------------------------------------------------------- strings

// A string literal "…". Escapes: \" \\ \n \t \{ \}. Inside a string, `{ … }` is an
// interpolation whose expression may itself contain strings; the raw span is kept so
// that messages can parse their interpolations against the original text.
struct string_parser : x3::parser<string_parser> {
    using attribute_type = ast::StringLiteral;
    static bool const has_attribute = true;

    template <typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, Iterator const& last, Context const& ctx, RContext&, Attribute& attr) const {
        x3::skip_over(first, last, ctx);
        if (first == last || *first != '"') return false;
        auto& st = state_of(ctx);
        Iterator open = first;
        Iterator p = first + 1;
        std::string value;
        int brace_depth = 0;
        Iterator brace_open = nullptr;  // the '{' of the interpolation p is in
        // Each level of interpolation may hold nested string literals.
        bool in_nested_string = false;
        while (true) {
            if (p == last || *p == '\n' || *p == '\r') {
                // "… {a.slut och ska": the string ends on the line, but inside a '{' that is
                // never closed (its closing quote is read as the start of a string in it)
                if (brace_depth > 0)
                    throw SyntaxError{brace_open, brace_open + 1, "unmatched-brace",
                                      tr("'{{' without a matching '}}' in message"),
                                      tr("close the value with '}}', e.g. {{a.slut}}, or write \\{{ for a brace of its own")};
                throw SyntaxError{open, p, "unterminated-string", tr("unterminated string"), {}};  // the code's help
            }
            char c = *p;
            if (c == '\\') {
                if (p + 1 == last || p[1] == '\n' || p[1] == '\r')
                    throw SyntaxError{open, p, "unterminated-string", tr("unterminated string"), {}};  // the code's help
                char e = p[1];
                char out = 0;
                switch (e) {
                    case '"': out = '"'; break;
                    case '\\': out = '\\'; break;
                    case 'n': out = '\n'; break;
                    case 't': out = '\t'; break;
                    case '{': out = '{'; break;
                    case '}': out = '}'; break;
                    default:
                        st.report("unknown-escape", st.span(p, p + 2), tr("unknown escape '\\{}'", e),
                                  tr("known escapes are \\\" \\\\ \\n \\t \\{{ \\}}"));
                        out = e;
                }
                if (brace_depth == 0) value += out;
                p += 2;
                continue;
            }
            if (in_nested_string) {
                if (c == '"') in_nested_string = false;
                ++p;
                continue;
            }
            if (brace_depth > 0) {
                if (c == '"') in_nested_string = true;
                else if (c == '{') ++brace_depth;
                else if (c == '}') --brace_depth;
                ++p;
                if (brace_depth == 0) value += '\x01';  // marks an interpolation in `value`
                continue;
            }
            if (c == '"') break;
            if (c == '{') {
                brace_depth = 1;
                brace_open = p;
                ++p;
                continue;
            }
            value += c;
            ++p;
        }
        ++p;  // closing quote
        ast::StringLiteral lit{std::move(value), st.span(open, p)};
        if (lit.span.size() > st.limits->max_string_length + 2)
            st.report("string-too-long", {lit.span.begin, lit.span.begin + 1},
                      tr("string literal is {} bytes long; the limit is {}", lit.span.size() - 2,
                                  st.limits->max_string_length));
        x3::traits::move_to(std::move(lit), attr);
        first = p;
        return true;
    }
};

// ---------------------------------------------------------------- numbers, dates, durations

inline std::string describe_invalid_date(const Date& d) {
    if (d.month < 1 || d.month > 12) return tr("there is no month {:02}", d.month);
    if (d.year < 1) return "year 0000 is not a valid year";
    return tr("{} {} has {} days", text::translate(month_name(d.month)), d.year, days_in_month(d.year, d.month));
}

// YYYY-MM-DD. Something that starts like a date but is not one (2022-1-5) is an error,
// not arithmetic.
struct date_parser : x3::parser<date_parser> {
    using attribute_type = ast::Expr;
    static bool const has_attribute = true;

    template <typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, Iterator const& last, Context const& ctx, RContext&, Attribute& attr) const {
        x3::skip_over(first, last, ctx);
        auto& st = state_of(ctx);
        auto digits = [&](Iterator q) {
            while (q != last && is_digit(static_cast<unsigned char>(*q))) ++q;
            return q;
        };
        Iterator y_end = digits(first);
        if (y_end - first != 4 || y_end == last || *y_end != '-') return false;
        Iterator m_end = digits(y_end + 1);
        if (m_end == y_end + 1 || m_end == last || *m_end != '-') return false;
        Iterator d_end = digits(m_end + 1);
        if (d_end == m_end + 1) return false;
        Iterator e = d_end;
        if (m_end - y_end != 3 || d_end - m_end != 3 || (e != last && is_ident_continue(static_cast<unsigned char>(*e))))
            throw SyntaxError{first, e, "malformed-date",
                              tr("malformed date '{}'", std::string_view(first, static_cast<std::size_t>(e - first))),
                              tr("write dates as YYYY-MM-DD with two-digit month and day, e.g. 2022-12-01")};
        auto num = [](Iterator b, Iterator en) {
            int v = 0;
            for (; b != en; ++b) v = v * 10 + (*b - '0');
            return v;
        };
        ast::Expr ex;
        ex.kind = ast::ExprKind::date;
        ex.date = Date{num(first, y_end), num(y_end + 1, m_end), num(m_end + 1, d_end)};
        ex.span = st.span(first, e);
        ex.text.assign(first, e);
        if (!is_valid(ex.date))
            st.report("invalid-date", ex.span, tr("invalid date '{}': {}", ex.text, describe_invalid_date(ex.date)),
                      tr("check the month and the day of month"));
        x3::traits::move_to(std::move(ex), attr);
        first = e;
        return true;
    }
};

// An integer or a decimal literal: 42, 48.5.
struct number_parser : x3::parser<number_parser> {
    using attribute_type = ast::Expr;
    static bool const has_attribute = true;

    template <typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, Iterator const& last, Context const& ctx, RContext&, Attribute& attr) const {
        x3::skip_over(first, last, ctx);
        auto& st = state_of(ctx);
        Iterator p = first;
        while (p != last && is_digit(static_cast<unsigned char>(*p))) ++p;
        if (p == first) return false;
        ast::Expr ex;
        if (p != last && *p == '.' && p + 1 != last && is_digit(static_cast<unsigned char>(p[1]))) {
            ++p;
            while (p != last && is_digit(static_cast<unsigned char>(*p))) ++p;
            ex.kind = ast::ExprKind::decimal;
            ex.text.assign(first, p);
            ex.decimal = std::strtod(ex.text.c_str(), nullptr);
        } else {
            ex.kind = ast::ExprKind::integer;
            ex.text.assign(first, p);
            auto [ptr, ec] = std::from_chars(first, p, ex.integer);
            if (ec != std::errc{})
                st.report("number-too-large", st.span(first, p), tr("the number {} is too large", ex.text),
                          tr("integer literals go up to 9223372036854775807 (a minus sign negates them)"));
        }
        // `30 days`, `6 months`, `2 years`: a duration literal
        Iterator w = skip_blanks(p, last);
        Iterator we = scan_word(w, last);
        std::string_view unit(w, static_cast<std::size_t>(we - w));
        static constexpr std::pair<std::string_view, ast::DurationUnit> units[] = {
            {"day", ast::DurationUnit::days},     {"days", ast::DurationUnit::days},
            {"week", ast::DurationUnit::weeks},   {"weeks", ast::DurationUnit::weeks},
            {"month", ast::DurationUnit::months}, {"months", ast::DurationUnit::months},
            {"year", ast::DurationUnit::years},   {"years", ast::DurationUnit::years}};
        for (auto const& [word, u] : units) {
            if (unit != word) continue;
            if (ex.kind == ast::ExprKind::decimal)
                st.report("fractional-duration", st.span(first, we), tr("a duration must be a whole number"),
                          tr("write e.g. 14 days instead of 0.5 months"));
            ex.kind = ast::ExprKind::duration;
            ex.unit = u;
            p = we;
            // No date lies more than 10 000 years from another (years 1 to 9999): a longer
            // duration is a typo, and refusing it keeps duration arithmetic far from overflow.
            static constexpr std::int64_t limit[] = {3652425, 521775, 120000, 10000};  // days, weeks, months, years
            if (ex.integer >= limit[static_cast<int>(u)])
                st.report("duration-too-large", st.span(first, we),
                          tr("the duration {} {} is longer than 10 000 years", ex.text, unit),
                          tr("dates run from year 1 to 9999; did you mean a smaller number?"));
            break;
        }
        ex.span = st.span(first, p);
        x3::traits::move_to(std::move(ex), attr);
        first = p;
        return true;
    }
};

// ---------------------------------------------------------------- inline JSON in tests

// `{ … }` with balanced braces and brackets, JSON strings skipped; its content is
// validated when the test runs (the JSON loader knows JSON, this only finds the end).
struct json_block_parser : x3::parser<json_block_parser> {
    using attribute_type = SourceSpan;
    static bool const has_attribute = true;

    template <typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, Iterator const& last, Context const& ctx, RContext&, Attribute& attr) const {
        x3::skip_over(first, last, ctx);
        if (first == last || *first != '{') return false;
        auto& st = state_of(ctx);
        std::uint32_t depth = 0;
        Iterator p = first;
        for (; p != last; ++p) {
            char c = *p;
            if (c == '"') {
                ++p;
                while (p != last && *p != '"') {
                    if (*p == '\\' && p + 1 != last) ++p;
                    ++p;
                }
                if (p == last) break;
            } else if (c == '{' || c == '[') {
                ++depth;
            } else if (c == '}' || c == ']') {
                if (--depth == 0) {
                    ++p;
                    x3::traits::move_to(st.span(first, p), attr);
                    first = p;
                    return true;
                }
            }
        }
        throw SyntaxError{first, first + 1, "unterminated-json", tr("inline plan JSON is not closed"),
                          tr("every '{{' and '[' in the plan needs its closing '}}' or ']'")};
    }
};

// Catches the mistakes policy writers make most often at an operator position and
// explains them, instead of letting them surface as "expected a rule clause".
struct operator_mistake_parser : x3::parser<operator_mistake_parser> {
    using attribute_type = x3::unused_type;
    static bool const has_attribute = false;

    template <typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, Iterator const& last, Context const& ctx, RContext&, Attribute&) const {
        Iterator p = skip_blanks(first, last);
        auto starts = [&](std::string_view s) {
            return static_cast<std::size_t>(last - p) >= s.size() && std::string_view(p, s.size()) == s;
        };
        auto fail = [&](std::size_t n, diagnostics::Code code, std::string msg, std::string help) {
            throw SyntaxError{p, p + n, code, std::move(msg), std::move(help)};
        };
        (void)ctx;
        if (starts("==") || starts("!="))
            fail(2, "chained-comparison", tr("comparisons cannot be chained"),
                 tr("combine two comparisons with 'and', e.g. a == b and b == c, or use parentheses"));
        if (starts("=>")) fail(2, "unknown-operator", tr("'=>' is not an operator"), tr("to compare, write '>='"));
        if (starts("=<")) fail(2, "unknown-operator", tr("'=<' is not an operator"), tr("to compare, write '<='"));
        if (starts("=")) fail(1, "single-equals", tr("'=' cannot compare values"), tr("use '==' to test equality, e.g. plan.FIELD == \"value\""));
        if (starts("&&")) fail(2, "unknown-operator", tr("'&&' is not an operator"), tr("write 'and'"));
        if (starts("||")) fail(2, "unknown-operator", tr("'||' is not an operator"), tr("write 'or'"));
        if (starts("<>")) fail(2, "unknown-operator", tr("'<>' is not an operator"), tr("write '!=' for 'not equal'"));
        if (starts("!")) fail(1, "unknown-operator", tr("'!' is not an operator"), tr("write 'not'"));
        if (starts("<") || starts(">"))
            fail(1, "chained-comparison", tr("comparisons cannot be chained"),
                 tr("combine two comparisons with 'and', e.g. a <= x and x <= b"));
        return true;
    }
};

// At the start of an operand: `!x` written for `not x`. Never matches; throws.
struct prefix_mistake_parser : x3::parser<prefix_mistake_parser> {
    using attribute_type = x3::unused_type;
    static bool const has_attribute = false;

    template <typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, Iterator const& last, Context const&, RContext&, Attribute&) const {
        Iterator p = skip_blanks(first, last);
        if (p != last && *p == '!' && (p + 1 == last || p[1] != '='))
            throw SyntaxError{p, p + 1, "unknown-operator", tr("'!' is not an operator"), tr("write 'not'")};
        return false;
    }
};

}  // namespace planrules::syntax::detail

namespace boost::spirit::x3 {
// Friendly names for "expected …" messages.
template <>
struct get_info<planrules::syntax::detail::keyword_parser> {
    using result_type = std::string;
    std::string operator()(planrules::syntax::detail::keyword_parser const& p) const {
        return "'" + std::string(p.word) + "'";
    }
};
template <>
struct get_info<planrules::syntax::detail::punct_parser> {
    using result_type = std::string;
    std::string operator()(planrules::syntax::detail::punct_parser const& p) const {
        return "'" + std::string(p.text) + "'";
    }
};
template <>
struct get_info<planrules::syntax::detail::string_parser> {
    using result_type = std::string;
    std::string operator()(planrules::syntax::detail::string_parser const&) const { return std::string(planrules::syntax::detail::token::string.what); }
};
template <>
struct get_info<planrules::syntax::detail::date_parser> {
    using result_type = std::string;
    std::string operator()(planrules::syntax::detail::date_parser const&) const { return std::string(planrules::syntax::detail::token::date.what); }
};
template <>
struct get_info<planrules::syntax::detail::json_block_parser> {
    using result_type = std::string;
    std::string operator()(planrules::syntax::detail::json_block_parser const&) const { return std::string(planrules::syntax::detail::token::json.what); }
};
template <typename Subject, typename Action>
struct get_info<action<Subject, Action>> {
    using result_type = std::string;
    std::string operator()(action<Subject, Action> const& p) const { return what(p.subject); }
};
template <planrules::syntax::detail::NameKind K>
struct get_info<planrules::syntax::detail::name_parser<K>> {
    using result_type = std::string;
    std::string operator()(planrules::syntax::detail::name_parser<K> const&) const {
        namespace d = planrules::syntax::detail;
        switch (K) {
            case d::NameKind::identifier: return std::string(d::token::name.what);
            case d::NameKind::field: return std::string(d::token::field.what);
            case d::NameKind::dotted: return std::string(d::token::dotted.what);
            case d::NameKind::rule_id: return std::string(d::token::rule_id.what);
            case d::NameKind::code: return std::string(d::token::code.what);
        }
        return std::string(d::token::name.what);
    }
};
}  // namespace boost::spirit::x3
