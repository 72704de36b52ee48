// The parser's driver: checks the bytes, parses declaration after declaration with the
// grammar's entry rule, and after an error resumes at the next line that starts a
// declaration; parses expressions on their own (message interpolations, parse_expression).

#include "grammar.hpp"
#include "keywords.hpp"

#include <planrules/syntax/parser.hpp>

namespace planrules::syntax {
namespace x3 = boost::spirit::x3;
namespace detail {

// What may follow an expression parsed on its own, for "expected …".
inline constexpr ExpectedInfo end_of_expression{N_("the end of the expression"), help::expression};

// The start of the next line after `from` that begins a declaration.
Iterator next_declaration(Iterator from, Iterator end) {
    Iterator p = from;
    while (p != end) {
        while (p != end && *p != '\n') ++p;
        if (p == end) break;
        ++p;
        Iterator q = p;
        while (q != end && (*q == ' ' || *q == '\t')) ++q;
        Iterator e = scan_word(q, end);
        std::string_view w(q, static_cast<std::size_t>(e - q));
        if (keywords::declaration(w)) return q;
    }
    return end;
}

// After a declaration failed to parse: the name it declares, if it got that far, or that the
// file's rule set header is broken.
void remember_broken(Iterator p, Iterator end, ast::File& file) {
    std::vector<std::string>& names = file.broken_names;
    Iterator e = scan_word(p, end);
    std::string_view keyword(p, static_cast<std::size_t>(e - p));
    if (keyword == "ruleset") file.broken_ruleset = true;
    if (keyword != "rule" && keyword != "define") return;
    Iterator b = e;
    while (b != end && (*b == ' ' || *b == '\t')) ++b;
    Iterator n = b;
    while (n != end && (is_ident_continue(static_cast<unsigned char>(*n)) || *n == '-' || *n == '.')) ++n;
    while (n != b && (n[-1] == '-' || n[-1] == '.')) --n;
    if (n != b) names.emplace_back(b, n);
}

std::optional<ast::Expr> parse_embedded(ParseState& st, Iterator b, Iterator e, const ExpectedInfo& trailing,
                                        std::string_view end_name) {
    ast::Expr out;
    Iterator p = b;
    // The embedded expression ends at `e`, not at the end of the file.
    ParseState inner = st;
    inner.error_reported = false;
    inner.end = e;
    inner.end_name = end_name;
    try {
        bool ok = x3::phrase_parse(p, e, x3::with<state_tag>(std::ref(inner))[embedded_expression_rule()], skipper, out);
        st.depth = inner.depth;
        if (!ok) {
            if (!inner.error_reported)
                report_expected(inner, ExpectedInfo{embedded_expression_class::what, embedded_expression_class::help}, p);
            return std::nullopt;
        }
        if (p != e) {
            report_expected(inner, trailing, p);
            return std::nullopt;
        }
    } catch (SyntaxError const& s) {
        inner.report(s.code, inner.span(s.where, s.where_end), s.message, s.help);
        return std::nullopt;
    }
    return out;
}

}  // namespace detail

bool is_reserved_word(std::string_view word) noexcept { return keywords::reserved(word); }

namespace {

using detail::Iterator;
using text::N_;
using text::tr;

// Checks the bytes before any grammar runs: size, UTF-8, NUL. Returns false when the
// file cannot be parsed at all.
bool precheck(detail::ParseState& st, const SourceFile& f, const Limits& limits) {
    const std::string& text = f.text();
    if (text.size() > limits.max_file_size) {
        st.report("file-too-large", {0, 0},
                  tr("file is {} bytes; the limit is {} bytes", text.size(), limits.max_file_size),
                  tr("rule files are small; split large rule sets into several files"));
        return false;
    }
    if (auto bad = planrules::detail::find_invalid_utf8(text); bad != std::string_view::npos) {
        st.report("invalid-utf8", {static_cast<std::uint32_t>(bad), static_cast<std::uint32_t>(bad + 1)},
                  tr("the file is not valid UTF-8"));
        return false;
    }
    if (auto nul = text.find('\0'); nul != std::string::npos) {
        st.report("nul-byte", {static_cast<std::uint32_t>(nul), static_cast<std::uint32_t>(nul + 1)},
                  tr("the file contains a NUL byte"), tr("rule files are plain text"));
        return false;
    }
    return true;
}

}  // namespace

ParseResult parse_file(const SourceFilePtr& file, const Limits& limits) {
    ParseResult result;
    detail::ParseState st;
    st.file = file;
    st.limits = &limits;
    st.diagnostics = &result.diagnostics;
    st.decls = &result.file.decls;
    const std::string& text = file->text();
    st.begin = text.data();
    st.end = text.data() + text.size();
    if (!precheck(st, *file, limits)) return result;
    st.stack_base = static_cast<const char*>(__builtin_frame_address(0));

    Iterator p = st.begin;
    if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) p += 3;  // byte order mark
    auto parser = x3::with<detail::state_tag>(std::ref(st))[detail::declaration_rule()];
    while (true) {
        p = detail::skip_blanks(p, st.end);
        if (p == st.end) break;
        Iterator decl_start = p;
        bool failed = false;
        try {
            st.depth = 0;
            st.error_reported = false;
            if (!x3::phrase_parse(p, st.end, parser, detail::skipper)) {
                // Not reported by the rule's on_error: no declaration starts here.
                if (!st.error_reported)
                    detail::report_expected(st, {detail::declaration_class::what, detail::declaration_class::help}, p);
                failed = true;
            }
        } catch (detail::SyntaxError const& s) {
            st.report(s.code, st.span(s.where, s.where_end), s.message, s.help);
            failed = true;
        }
        if (failed) {
            detail::remember_broken(decl_start, st.end, result.file);
            p = detail::next_declaration(decl_start, st.end);
        }
        if (count_severity(result.diagnostics, DiagnosticSeverity::error) >= limits.max_diagnostics) {
            st.report("too-many-errors", st.span(p, p), tr("too many errors; stopping here"),
                      tr("fix the errors above and run again"));
            break;
        }
    }
    return result;
}

std::optional<ast::Expr> parse_expression(const SourceFilePtr& file, const Limits& limits, Diagnostics& diagnostics) {
    detail::ParseState st;
    std::vector<ast::Decl> unused;
    st.file = file;
    st.limits = &limits;
    st.diagnostics = &diagnostics;
    st.decls = &unused;
    st.begin = file->text().data();
    st.end = st.begin + file->text().size();
    if (!precheck(st, *file, limits)) return std::nullopt;
    st.stack_base = static_cast<const char*>(__builtin_frame_address(0));
    return detail::parse_embedded(st, st.begin, st.end, detail::end_of_expression, N_("end of input"));
}

}  // namespace planrules::syntax
