#pragma once
// The check stage: resolves names against the schema and defines, type-checks every
// expression, resolves rule-set layering (extends, override) and validates metadata.
// The result, a Program, is what the compile stage turns into an evaluation tree.

#include <planrules/check/types.hpp>
#include <planrules/diagnostics.hpp>
#include <planrules/options.hpp>
#include <planrules/syntax/ast.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace planrules::check {

struct ParsedFile {
    SourceFilePtr source;
    ast::File ast;
};

struct DefineInfo {
    const ast::DefineDecl* decl = nullptr;
    int file = -1;
    int ruleset = -1;  // -1: a define of a schema file, visible everywhere
    int type = Schema::error_type;
    std::vector<int> param_types;
};

struct RuleInfo {
    const ast::RuleDecl* decl = nullptr;
    int file = -1;
    int ruleset = -1;
    [[nodiscard]] const std::string& id() const { return decl->id.text; }
};

struct OverrideInfo {
    const ast::OverrideDecl* decl = nullptr;
    int file = -1;
    int ruleset = -1;
    int target = -1;  // index into Program::rules
};

struct RulesetInfo {
    std::string name;
    const ast::RulesetDecl* decl = nullptr;
    int file = -1;
    std::vector<int> extends;    // direct
    std::vector<int> ancestors;  // transitive, nearest first
    std::vector<int> rules;
    std::vector<int> overrides;
    std::vector<int> defines;
};

struct TestInfo {
    const ast::TestDecl* decl = nullptr;
    int file = -1;
};

// A key figure of population runs (ast::FigureDecl). In its conditions `passed` and
// `evaluated` are variables 0 and 1: the outcome of the `from` rule.
struct FigureInfo {
    const ast::FigureDecl* decl = nullptr;
    int file = -1;
    int ruleset = -1;
    int rule = -1;  // the `from` rule: index into Program::rules, or -1
    [[nodiscard]] const std::string& name() const { return decl->name.text; }
};

// The declared grouping of population runs (ast::GroupDecl).
struct GroupInfo {
    const ast::GroupDecl* decl = nullptr;
    int file = -1;
    std::string path;  // the field as a dotted path from the plan: x.y
};

struct Program {
    Schema schema;
    std::vector<ParsedFile> files;
    std::vector<RulesetInfo> rulesets;
    std::vector<RuleInfo> rules;
    std::vector<DefineInfo> defines;
    std::vector<OverrideInfo> overrides;
    std::vector<TestInfo> tests;
    std::vector<FigureInfo> figures;  // in the order they are declared
    std::optional<GroupInfo> group;

    [[nodiscard]] int find_rule(std::string_view id) const noexcept {
        for (std::size_t i = 0; i < rules.size(); ++i)
            if (rules[i].id() == id) return static_cast<int>(i);
        return -1;
    }
    [[nodiscard]] int find_ruleset(std::string_view name) const noexcept {
        for (std::size_t i = 0; i < rulesets.size(); ++i)
            if (rulesets[i].name == name) return static_cast<int>(i);
        return -1;
    }
};

// Built-in functions, by id (ast::Expr::resolved when binding == builtin).
enum class Builtin : int {
    blank, present, missing, length, trim, lower, upper, starts_with, ends_with, contains, has_format,
    days_between, months_between, age, year, month, day, period, abs, round, label, text,
};
[[nodiscard]] const char* to_string(Builtin b) noexcept;

// Checks `program.files` (already parsed) and fills in the rest of the program.
// Expressions are annotated in place (Expr::type_id, resolved, binding).
Diagnostics check(Program& program, const Limits& limits = {});

}  // namespace planrules::check
