#pragma once
// Helpers for the parser tests in tests/syntax: slicing spans, a compact textual
// "shape" of expressions (an S-expression), and shortcuts for clean / failing parses.

#include "support.hpp"

#include <string>
#include <string_view>
#include <variant>

namespace planrules::test::syntax_tests {

// The text `span` covers in `text` (through SourceFile::slice, as the diagnostics do).
inline std::string sliced(std::string_view text, SourceSpan span) {
    SourceFile f("t", std::string(text));
    return std::string(f.slice(span));
}

// Offset of the n-th (0-based) occurrence of `needle` in `text`.
inline std::uint32_t offset_of(std::string_view text, std::string_view needle, int nth = 0) {
    std::size_t p = text.find(needle);
    while (nth-- > 0 && p != std::string_view::npos) p = text.find(needle, p + 1);
    REQUIRE(p != std::string_view::npos);
    return static_cast<std::uint32_t>(p);
}

inline std::string describe(const Diagnostics& ds) {
    std::string out;
    for (const auto& d : ds)
        out += d.code + " [" + std::to_string(d.span.begin) + "," + std::to_string(d.span.end) + ") '" +
               std::string(spelled(d)) + "': " + d.message + " | " + d.help + "\n";
    return out;
}

// An S-expression for an expression tree: (or a (and b c)), (. plan id), (call f 1 2) …
inline std::string shape(const ast::Expr& e) {
    using K = ast::ExprKind;
    auto join = [](const std::vector<ast::Expr>& cs, std::size_t from = 0) {
        std::string s;
        for (std::size_t i = from; i < cs.size(); ++i) s += " " + shape(cs[i]);
        return s;
    };
    switch (e.kind) {
        case K::name: return e.text;
        case K::string: return "\"" + e.text + "\"";
        case K::integer: return std::to_string(e.integer);
        case K::decimal: return e.text;
        case K::boolean: return e.boolean ? "true" : "false";
        case K::date: return to_string(e.date);
        case K::duration: return std::to_string(e.integer) + " " + ast::to_string(e.unit);
        case K::today: return "today";
        case K::list: {
            std::string s = "[";
            for (std::size_t i = 0; i < e.children.size(); ++i) s += (i ? " " : "") + shape(e.children[i]);
            return s + "]";
        }
        case K::member: return "(. " + shape(e.children.at(0)) + " " + e.name.text + ")";
        case K::call: return "(call " + e.name.text + join(e.children) + ")";
        case K::unary: return std::string("(") + (e.op == ast::Op::neg ? "neg" : "not") + join(e.children) + ")";
        case K::binary: return std::string("(") + ast::to_string(e.op) + join(e.children) + ")";
        case K::conditional: return "(if" + join(e.children) + ")";
        case K::aggregate: {
            std::string s = std::string("(") + ast::to_string(e.aggregate);
            if (e.name.text.empty()) return s + join(e.children) + ")";
            if (e.has_projection) s += " " + shape(*e.projection()) + " for";
            s += " " + e.name.text + " in " + shape(e.source());
            if (e.has_where) s += " where " + shape(*e.where());
            return s + ")";
        }
        case K::exists: {
            std::string s = "(exists " + e.name.text + " in " + shape(e.source());
            if (e.has_where) s += " where " + shape(*e.where());
            return s + ")";
        }
    }
    return "?";
}

// Parses a whole file that must parse without any diagnostic.
inline syntax::ParseResult parse_clean(std::string_view text) {
    auto r = parse(text);
    INFO(describe(r.diagnostics));
    REQUIRE(r.diagnostics.empty());
    return r;
}

// Parses one expression that must parse without any diagnostic.
inline ast::Expr expr_clean(std::string_view text) {
    Diagnostics ds;
    auto e = parse_expr(text, &ds);
    INFO(describe(ds));
    REQUIRE(ds.empty());
    REQUIRE(e.has_value());
    return std::move(*e);
}

// The first diagnostic of parsing `text` as an expression (which must produce one).
inline Diagnostic expr_error(std::string_view text) {
    Diagnostics ds;
    (void)parse_expr(text, &ds);
    REQUIRE_FALSE(ds.empty());
    return ds.front();
}

// The only diagnostic of parsing `text` as a file.
inline Diagnostic file_error(std::string_view text) {
    auto r = parse(text);
    INFO(describe(r.diagnostics));
    REQUIRE(r.diagnostics.size() == 1);
    return r.diagnostics.front();
}

template <typename T>
const T& decl_at(const syntax::ParseResult& r, std::size_t i) {
    REQUIRE(i < r.file.decls.size());
    REQUIRE(std::holds_alternative<T>(r.file.decls[i]));
    return std::get<T>(r.file.decls[i]);
}

// The expression of a rule's `require` clause, from a file holding one rule.
inline ast::Expr require_of(std::string_view text) {
    auto r = parse_clean(text);
    const auto& rule = decl_at<ast::RuleDecl>(r, 0);
    REQUIRE(rule.require.has_value());
    return *rule.require;
}

}  // namespace planrules::test::syntax_tests
