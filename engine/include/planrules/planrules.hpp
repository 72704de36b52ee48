#pragma once
// planrules: the host API.
//
//   auto rules = planrules::compile_directory("rules/");   // tl::expected<RuleSet, Diagnostics>
//   if (!rules) { std::cerr << planrules::render_text(rules.error()); return 2; }
//
// Nothing here throws on bad input: user errors come back as Diagnostics.

#include <planrules/compile.hpp>
#include <planrules/diagnostics.hpp>
#include <planrules/options.hpp>
#include <planrules/report/render.hpp>

#include <tl/expected.hpp>

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace planrules {

// A compiled, checked set of rule files. Immutable; copies share the same program and
// may be used from many threads at once.
class RuleSet {
public:
    explicit RuleSet(std::shared_ptr<const check::Program> program, Diagnostics warnings = {})
        : program_(std::move(program)), warnings_(std::move(warnings)) {}

    [[nodiscard]] const check::Program& program() const noexcept { return *program_; }
    // Warnings and notes from compilation (a RuleSet has no errors).
    [[nodiscard]] const Diagnostics& warnings() const noexcept { return warnings_; }

    [[nodiscard]] std::vector<std::string> rule_ids() const {
        std::vector<std::string> ids;
        for (const auto& r : program_->rules) ids.push_back(r.id());
        return ids;
    }

private:
    std::shared_ptr<const check::Program> program_;
    Diagnostics warnings_;
};

inline tl::expected<RuleSet, Diagnostics> to_expected(Compilation&& c) {
    if (has_errors(c.diagnostics) || !c.program) return tl::unexpected(std::move(c.diagnostics));
    return RuleSet(std::move(c.program), std::move(c.diagnostics));
}

[[nodiscard]] inline tl::expected<RuleSet, Diagnostics> compile_directory(const std::filesystem::path& dir,
                                                                          const CompileOptions& options = {}) {
    return to_expected(compile_paths({dir}, options));
}

[[nodiscard]] inline tl::expected<RuleSet, Diagnostics> compile_files(const std::vector<std::filesystem::path>& files,
                                                                      const CompileOptions& options = {}) {
    return to_expected(compile_paths(files, options));
}

// Compiles rule text held in memory; `name` is used in diagnostics.
[[nodiscard]] inline tl::expected<RuleSet, Diagnostics> compile_string(std::string_view text,
                                                                       std::string name = "<string>",
                                                                       const CompileOptions& options = {}) {
    return to_expected(compile_sources({std::make_shared<SourceFile>(std::move(name), std::string(text))}, options));
}

}  // namespace planrules
