#pragma once
// Helpers for the checker tests in tests/check: compiling rule text together with the
// real plan schema (rules/handlingsplan.schema), picking out diagnostics, and reading
// back the type the checker gave a define.

#include "support.hpp"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace planrules::test::check_tests {

// One line per diagnostic: code, span, spelled text, message and help (for INFO).
inline std::string describe(const Diagnostics& ds) {
    std::string out;
    for (const auto& d : ds)
        out += d.file_name + " " + d.code + " [" + std::to_string(d.span.begin) + "," + std::to_string(d.span.end) +
               ") '" + std::string(spelled(d)) + "': " + d.message + " | " + d.help + "\n";
    return out;
}

// Compiles `body` as a rule file that starts with the test header (ruleset test.rules),
// together with the schema.
inline Compilation check_body(std::string_view body) {
    return compile_with_schema(std::string(header) + std::string(body));
}

struct File {
    std::string name;
    std::string text;
};

// Compiles several in-memory files together with the schema (which comes first).
inline Compilation check_files(const std::vector<File>& files) {
    std::vector<SourceFilePtr> sources;
    sources.push_back(std::make_shared<SourceFile>("handlingsplan.schema",
                                                   read_file(source_dir() + "/rules/handlingsplan.schema")));
    for (const auto& f : files) sources.push_back(source(f.text, f.name));
    return compile_sources(std::move(sources));
}

// A complete, valid rule around `clauses` (which may add when/for each/require/at/…).
// Without a `require` in `clauses`, `require true` is added.
inline std::string rule(std::string_view id, std::string_view clauses) {
    std::string r = "rule " + std::string(id) + " \"Titel\"\n  severity error\n  source \"Källa\"\n";
    r += std::string(clauses) + "\n";
    if (clauses.find("require") == std::string_view::npos) r += "  require true\n";
    if (clauses.find("message") == std::string_view::npos) r += "  message \"Meddelande\"\n";
    return r;
}

// A rule whose require clause is `condition`.
inline std::string require_rule(std::string_view condition) {
    return rule("T-1", "  require " + std::string(condition));
}

// The diagnostics that are not notes.
inline Diagnostics main_diagnostics(const Diagnostics& ds) {
    Diagnostics out;
    for (const auto& d : ds)
        if (d.severity != DiagnosticSeverity::note) out.push_back(d);
    return out;
}

// Requires that the compilation gives no diagnostics at all (no errors, warnings or notes).
inline void require_clean(const Compilation& c) {
    INFO(describe(c.diagnostics));
    REQUIRE(c.diagnostics.empty());
    REQUIRE(c.program);
}

// Requires exactly one diagnostic (notes aside) and returns it.
inline Diagnostic only_diagnostic(const Compilation& c) {
    auto ds = main_diagnostics(c.diagnostics);
    INFO(describe(c.diagnostics));
    REQUIRE(ds.size() == 1);
    return ds.front();
}

// Requires exactly one diagnostic (notes aside), with this code, and returns it.
inline Diagnostic only(const Compilation& c, std::string_view code) {
    auto d = only_diagnostic(c);
    INFO(describe(c.diagnostics));
    REQUIRE(d.code == code);
    return d;
}

// All diagnostics with this code.
inline Diagnostics all_with(const Compilation& c, std::string_view code) {
    Diagnostics out;
    for (const auto& d : c.diagnostics)
        if (d.code == code) out.push_back(d);
    return out;
}

// The first diagnostic with `code` (which must exist).
inline Diagnostic first_with(const Compilation& c, std::string_view code) {
    INFO(describe(c.diagnostics));
    const Diagnostic* d = find_code(c.diagnostics, code);
    REQUIRE(d != nullptr);
    return *d;
}

// The type the checker gave the define `name` (by Schema::name: "int", "list<string>", …).
inline std::string define_type(const Compilation& c, std::string_view name) {
    REQUIRE(c.program);
    for (const auto& d : c.program->defines)
        if (d.decl->name.text == name) return c.program->schema.name(d.type);
    FAIL("no define named " << name);
    return {};
}

// Type of `expr`, checked as the body of a define in the test rule set; the expression
// must check without any diagnostic.
inline std::string type_of(std::string_view expr) {
    auto c = check_body("define probe = " + std::string(expr) + "\n");
    INFO("expression: " << expr);
    require_clean(c);
    return define_type(c, "probe");
}

// The only diagnostic of `define probe = EXPR` (the expression must give exactly one).
inline Diagnostic expr_diagnostic(std::string_view expr, std::string_view code) {
    INFO("expression: " << expr);
    return only(check_body("define probe = " + std::string(expr) + "\n"), code);
}

}  // namespace planrules::test::check_tests
