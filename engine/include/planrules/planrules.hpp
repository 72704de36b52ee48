#pragma once
// planrules: the host API.
//
//   auto rules = planrules::compile_directory("rules/");   // tl::expected<RuleSet, Diagnostics>
//   if (!rules) { std::cerr << planrules::render_text(rules.error()); return 2; }
//
// Nothing here throws on bad input: user errors come back as Diagnostics.

#include <planrules/compile.hpp>
#include <planrules/diagnostics.hpp>
#include <planrules/eval/plan.hpp>
#include <planrules/eval/report.hpp>
#include <planrules/eval/why.hpp>
#include <planrules/report/why.hpp>
#include <planrules/options.hpp>
#include <planrules/report/render.hpp>
#include <planrules/report/report_render.hpp>

#include <tl/expected.hpp>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace planrules {

namespace eval {
struct Compiled;
}

struct TestRun;      // planrules/testing.hpp
struct TestOptions;
struct BatchSummary;  // planrules/batch.hpp
struct BatchOptions;

// A compiled, checked set of rule files. Immutable; copies share the same program and
// may be used from many threads at once.
class RuleSet {
public:
    explicit RuleSet(std::shared_ptr<const check::Program> program, Diagnostics warnings = {});

    // Loads plan JSON against the rule set's schema. Text that is not JSON (or too large)
    // gives Diagnostics with line and column; values of the wrong type, impossible dates
    // and missing required fields give a Plan with input_findings() (outcome invalid_input).
    // `language`: of the diagnostics' messages and help.
    [[nodiscard]] tl::expected<Plan, Diagnostics> load_json(std::string_view json, const std::string& name = "plan.json",
                                                            const PlanLimits& limits = {},
                                                            Language language = Language::en) const;
    // Reads a plan file ("-": standard input) and loads it: bounded, as planrules/read.hpp
    // says (a directory or a device is an error, a stream stops at the size limit).
    [[nodiscard]] tl::expected<Plan, Diagnostics> load_file(const std::filesystem::path& path,
                                                            const PlanLimits& limits = {},
                                                            Language language = Language::en) const;

    // Validates a loaded plan. Many threads may validate with one RuleSet at once (each keeps
    // its own working storage, so a thread validates one plan at a time).
    // Never throws: should memory run out, the report holds one finding PLANRULES-INTERNAL
    // (outcome indeterminate) instead of the rules' findings.
    [[nodiscard]] Report validate(const Plan& plan, const ValidateOptions& options) const;
    // The same into `out`, reusing its storage: a host that validates many plans keeps one
    // Report per thread and, once its lists have grown, validates without allocating (apart
    // from the text of findings). What the options alone decide (scope, rules in force, and
    // the overrides when no rule set in scope has `applies when`) is worked out once per thread
    // for consecutive calls with equal options.
    void validate(const Plan& plan, const ValidateOptions& options, Report& out) const;
    // Why the plan gets the report validate() gives it: each rule's conditions with the values
    // they read (planrules/eval/why.hpp). For one plan at a time, for people who write or
    // check rules; it evaluates every condition again, so it is much slower than validate().
    [[nodiscard]] Why why(const Plan& plan, const ValidateOptions& options) const;

    [[nodiscard]] const check::Program& program() const noexcept { return *program_; }
    // Whether reports for `audience` leave out rule `rule` (an index into program().rules)
    // entirely: a `sensitive` rule, or one that reads a sensitive field or compares with a
    // sensitive code, reaches Arbetsförmedlingen only.
    [[nodiscard]] bool withheld(std::size_t rule, Audience audience) const noexcept;
    // The digest of the rule set's sources (Report::digest).
    [[nodiscard]] const std::string& digest() const noexcept;
    // Warnings and notes from compilation (a RuleSet has no errors).
    [[nodiscard]] const Diagnostics& warnings() const noexcept { return warnings_; }

    // The names of the rule sets, in the order they were read (for ValidateOptions::rulesets).
    [[nodiscard]] std::vector<std::string> ruleset_names() const {
        std::vector<std::string> names;
        for (const auto& r : program_->rulesets) names.push_back(r.name);
        return names;
    }

    [[nodiscard]] std::vector<std::string> rule_ids() const {
        std::vector<std::string> ids;
        for (const auto& r : program_->rules) ids.push_back(r.id());
        return ids;
    }

private:
    friend TestRun run_tests(const RuleSet& rules, const TestOptions& options);  // observes the evaluation
    friend tl::expected<BatchSummary, std::string> run_batch(const RuleSet& rules, std::FILE* input,
                                                             const BatchOptions& options);  // counts key figures
    std::shared_ptr<const check::Program> program_;
    std::shared_ptr<const eval::Compiled> compiled_;
    Diagnostics warnings_;
};

inline tl::expected<RuleSet, Diagnostics> to_expected(Compilation&& c) {
    if (has_errors(c.diagnostics) || !c.program) return tl::unexpected(std::move(c.diagnostics));
    try {
        return RuleSet(std::move(c.program), std::move(c.diagnostics));
    } catch (const std::exception& e) {  // std::bad_alloc while compiling the evaluation tree
        Diagnostics ds;
        ds.push_back(make_diagnostic(DiagnosticSeverity::error, "internal-error", nullptr, {},
                                     std::string("the rules could not be compiled: ") + e.what()));
        return tl::unexpected(std::move(ds));
    }
}

[[nodiscard]] inline tl::expected<RuleSet, Diagnostics> compile_directory(const std::filesystem::path& dir,
                                                                          const CompileOptions& options = {}) {
    return to_expected(compile_paths({dir}, options));
}

[[nodiscard]] inline tl::expected<RuleSet, Diagnostics> compile_files(const std::vector<std::filesystem::path>& files,
                                                                      const CompileOptions& options = {}) {
    return to_expected(compile_paths(files, options));
}

// Compiles rule text held in memory; `name` is used in diagnostics. Text longer than
// Limits::max_file_size is refused before a byte is copied.
[[nodiscard]] tl::expected<RuleSet, Diagnostics> compile_string(std::string_view text, std::string name = "<string>",
                                                                const CompileOptions& options = {});

}  // namespace planrules
