#pragma once
// Helpers shared by the tests.

#include <planrules/planrules.hpp>
#include <planrules/syntax/parser.hpp>

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace planrules::test {

inline std::string source_dir() { return PLANRULES_SOURCE_DIR; }

inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline void write_file(const std::string& path, std::string_view text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

inline SourceFilePtr source(std::string_view text, std::string name = "test.rules") {
    return std::make_shared<SourceFile>(std::move(name), std::string(text));
}

// Parses text as a whole file.
inline syntax::ParseResult parse(std::string_view text, const Limits& limits = {}) {
    return syntax::parse_file(source(text), limits);
}

// Parses one expression.
inline std::optional<ast::Expr> parse_expr(std::string_view text, Diagnostics* diags = nullptr,
                                           const Limits& limits = {}) {
    Diagnostics local;
    auto e = syntax::parse_expression(source(text, "expr"), limits, diags ? *diags : local);
    return e;
}

// Compiles `text` (one rule file, without a `schema` line) together with the plan
// schema in rules/handlingsplan.schema.
inline Compilation compile_with_schema(std::string_view text, const CompileOptions& options = {}) {
    auto schema = std::make_shared<SourceFile>("handlingsplan.schema",
                                               read_file(source_dir() + "/rules/handlingsplan.schema"));
    return compile_sources({schema, source(text)}, options);
}

// The header every checker test starts with.
inline constexpr std::string_view header = "ruleset test.rules \"Test\"\n";

inline std::vector<std::string> codes(const Diagnostics& ds) {
    std::vector<std::string> out;
    for (const auto& d : ds) out.push_back(d.code);
    return out;
}

inline std::vector<std::string> error_codes(const Diagnostics& ds) {
    std::vector<std::string> out;
    for (const auto& d : ds)
        if (d.severity == DiagnosticSeverity::error) out.push_back(d.code);
    return out;
}

inline bool has_code(const Diagnostics& ds, std::string_view code) {
    for (const auto& d : ds)
        if (d.code == code) return true;
    return false;
}

inline const Diagnostic* find_code(const Diagnostics& ds, std::string_view code) {
    for (const auto& d : ds)
        if (d.code == code) return &d;
    return nullptr;
}

// The text a span covers.
inline std::string_view spelled(const Diagnostic& d) { return d.file ? d.file->slice(d.span) : std::string_view{}; }

// The first declaration of type T in a parsed file.
template <typename T>
const T* first_decl(const ast::File& f) {
    for (const auto& d : f.decls)
        if (auto* p = std::get_if<T>(&d)) return p;
    return nullptr;
}

}  // namespace planrules::test
