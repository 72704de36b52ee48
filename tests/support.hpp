#pragma once
// Helpers shared by the tests.

#include "sensitive_plan.hpp"

#include <planrules/planrules.hpp>
#include <planrules/syntax/parser.hpp>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <unistd.h>

namespace planrules::test {

inline std::string source_dir() { return PLANRULES_SOURCE_DIR; }

// The shipped rules (rules/), compiled once for all the tests.
inline const RuleSet& shipped() {
    static const RuleSet rules = [] {
        auto rs = compile_directory(source_dir() + "/rules");
        if (!rs) FAIL(render_text(rs.error()));
        return std::move(*rs);
    }();
    return rules;
}

// While it lives, the working directory is the source dir, so that file names in diagnostics
// are relative to it (tests/golden/…, rules/…); the directory before is restored after.
struct InSourceDir {
    std::filesystem::path saved = std::filesystem::current_path();
    InSourceDir() { std::filesystem::current_path(source_dir()); }
    ~InSourceDir() { std::filesystem::current_path(saved); }
};

// A folder of this test process's own under the system's temporary folder. ctest runs the test
// cases as parallel processes: two of them never share a file, and the folder goes at exit.
inline std::filesystem::path scratch_dir(const std::string& name) {
    struct Root {
        std::filesystem::path path =
            std::filesystem::temp_directory_path() / ("planrules-tests-" + std::to_string(::getpid()));
        ~Root() {
            std::error_code ec;
            std::filesystem::remove_all(path, ec);
        }
    };
    static const Root root;
    auto dir = root.path / name;
    std::filesystem::create_directories(dir);
    return dir;
}

// A copy of the shipped rules in scratch_dir(name)/rules, to change, with examples/ beside it
// (the shipped tests read their plans from ../../examples/plans).
inline std::filesystem::path copy_of_rules(const std::string& name) {
    const std::filesystem::path root = scratch_dir(name);
    for (const char* folder : {"rules", "examples"}) {
        std::filesystem::remove_all(root / folder);
        std::filesystem::copy(std::filesystem::path(PLANRULES_SOURCE_DIR) / folder, root / folder,
                              std::filesystem::copy_options::recursive);
    }
    return root / "rules";
}

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

// Everything a report holds, as text: two reports are the same when their dumps are.
inline std::string dump(const Report& r) {
    std::ostringstream o;
    o << "plan " << r.plan << " as of " << to_string(r.as_of) << " audience " << to_string(r.audience) << " digest "
      << r.digest << "\n";
    for (const auto& f : r.findings) {
        o << "finding " << f.rule << " " << f.ruleset << " " << static_cast<int>(f.severity) << " "
          << static_cast<int>(f.outcome) << " [" << f.title << "] [" << f.message << "] " << f.pointer << " ["
          << f.source << "] " << f.location << " due " << (f.due ? to_string(*f.due) : "-") << " sensitive "
          << f.sensitive << "\n";
        for (const auto& e : f.evidence) o << "  evidence " << e.pointer << " = " << e.value << "\n";
        for (const auto& m : f.missing) o << "  missing " << m << "\n";
    }
    auto list = [&](const char* name, const std::vector<std::string>& ids) {
        o << name;
        for (const auto& id : ids) o << " " << id;
        o << "\n";
    };
    list("evaluated", r.evaluated);
    list("passed", r.passed);
    list("not_applicable", r.not_applicable);
    list("not_in_force", r.not_in_force);
    for (const auto& d : r.deadlines) o << "deadline " << d.rule << " " << to_string(d.due) << "\n";
    o << "results";
    for (auto x : r.results) o << " " << to_string(x);
    o << "\n";
    return o.str();
}

// Report::results says of each rule what the lists and findings say: returns the rules where
// it does not ("" when all agree).
inline std::string results_disagree(const RuleSet& rules, const Report& r) {
    const auto ids = rules.rule_ids();
    if (r.results.size() != ids.size()) return "results has " + std::to_string(r.results.size()) + " entries";
    auto in = [](const std::vector<std::string>& list, const std::string& id) {
        for (const auto& x : list)
            if (x == id) return true;
        return false;
    };
    std::string out;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        RuleResult expected = RuleResult::skipped;
        if (in(r.not_in_force, ids[i])) expected = RuleResult::not_in_force;
        else if (in(r.not_applicable, ids[i])) expected = RuleResult::not_applicable;
        else if (in(r.passed, ids[i])) expected = RuleResult::passed;
        else if (in(r.evaluated, ids[i])) {
            expected = RuleResult::indeterminate;
            for (const auto& f : r.findings)
                if (f.rule == ids[i] && f.outcome == Outcome::violated) expected = RuleResult::violated;
        }
        if (r.results[i] != expected)
            out += ids[i] + ": " + to_string(r.results[i]) + ", the lists say " + to_string(expected) + "\n";
    }
    return out;
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
