// RuleSet: the host API over the compile, load and validate stages.

#include "diagnostics/codes.hpp"
#include "compile/compile.hpp"
#include "load/load.hpp"
#include "validate/validate.hpp"

#include <planrules/planrules.hpp>
#include <planrules/read.hpp>

#include <fmt/format.h>

#include <exception>

namespace planrules {

RuleSet::RuleSet(std::shared_ptr<const check::Program> program, Diagnostics warnings)
    : program_(std::move(program)), compiled_(eval::compile(program_)), warnings_(std::move(warnings)) {}

tl::expected<Plan, Diagnostics> RuleSet::load_json(std::string_view json, const std::string& name,
                                                   const PlanLimits& limits, Language language) const {
    const text::LanguageScope in_language(language);
    try {
        return eval::load_plan(program_->schema, json, name, limits, true, compiled_->fast_schema.get());
    } catch (const std::exception& e) {  // std::bad_alloc: never across the API
        Diagnostics ds;
        ds.push_back(diagnostics::make("internal-error", nullptr, {},
                                     text::tr("the plan could not be loaded: {}", e.what())));
        return tl::unexpected(std::move(ds));
    }
}

tl::expected<Plan, Diagnostics> RuleSet::load_file(const std::filesystem::path& path, const PlanLimits& limits,
                                                   Language language) const {
    const text::LanguageScope in_language(language);
    try {
        const std::string name = path == "-" ? std::string("<stdin>") : path.string();
        auto text = read_input(path, limits.max_plan_size, plan_input, name, eval::plan_padding);
        if (!text) return tl::unexpected(Diagnostics{std::move(text.error())});
        const std::size_t size = text->size();
        text->append(eval::plan_padding, '\0');  // in the room read_input kept: read in place
        return eval::load_plan(program_->schema, std::string_view(text->data(), size), name, limits, true,
                               compiled_->fast_schema.get(), true);
    } catch (const std::exception& e) {
        Diagnostics ds;
        ds.push_back(diagnostics::make("internal-error", nullptr, {},
                                     text::tr("the plan could not be loaded: {}", e.what())));
        return tl::unexpected(std::move(ds));
    }
}

const std::string& RuleSet::digest() const noexcept { return compiled_->digest; }

bool RuleSet::withheld(std::size_t rule, Audience audience) const noexcept {
    if (audience == Audience::af) return false;
    for (const auto& code : compiled_->rules)
        if (static_cast<std::size_t>(code.rule) == rule) return code.sensitive;
    return false;
}

Report RuleSet::validate(const Plan& plan, const ValidateOptions& options) const {
    Report r;
    validate(plan, options, r);
    return r;
}

Why RuleSet::why(const Plan& plan, const ValidateOptions& options) const {
    const text::LanguageScope language(options.language);
    try {
        return eval::why(*compiled_, plan, options);
    } catch (const std::exception&) {  // std::bad_alloc: never across the API
        Why w;
        w.plan = plan.id();
        w.as_of = options.as_of;
        w.audience = options.audience;
        return w;
    }
}

void RuleSet::validate(const Plan& plan, const ValidateOptions& options, Report& out) const {
    const text::LanguageScope language(options.language);
    try {
        eval::validate(*compiled_, plan, options, out);
    } catch (const std::exception& e) {  // std::bad_alloc: never across the API
        // one finding PLANRULES-INTERNAL in place of the rules' (its storage released first)
        out = Report{};
        try {
            out.plan = plan.id();
            out.as_of = options.as_of;
            out.audience = options.audience;
            out.digest = compiled_->digest;
            out.results.assign(program_->rules.size(), RuleResult::skipped);
            Finding f;
            f.rule = "PLANRULES-INTERNAL";
            f.ruleset = "planrules";
            f.severity = Severity::error;
            f.outcome = Outcome::indeterminate;
            f.title = text::tr("The plan could not be assessed");
            f.message = text::tr("The plan could not be assessed: {}.", e.what());
            out.findings.push_back(std::move(f));
        } catch (const std::exception&) {  // not even that: an empty report
        }
    }
}

}  // namespace planrules
