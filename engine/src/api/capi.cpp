// The C API (planrules/planrules.h) over the C++ API. Nothing here lets an exception out.

#include "diagnostics/codes.hpp"
#include "text/catalogue.hpp"
#include <planrules/planrules.h>
#include "json/writer.hpp"
#include <planrules/planrules.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <new>
#include <string>
#include <vector>

#ifndef PLANRULES_VERSION
#define PLANRULES_VERSION "0.0.0"
#endif

struct planrules_rules {
    planrules::RuleSet rules;
};

namespace {

// The language of planrules_set_language, for the calls of this thread.
thread_local planrules::Language thread_language = planrules::Language::en;

std::string text_in(planrules::Language language, const char* english) {
    return std::string(planrules::text::translate(language, english));
}

planrules::CompileOptions compile_options() {
    planrules::CompileOptions o;
    o.language = thread_language;
    return o;
}

// A copy the caller frees with planrules_string_free (std::free).
char* to_c(const std::string& s) noexcept {
    char* out = static_cast<char*>(std::malloc(s.size() + 1));
    if (!out) return nullptr;
    std::memcpy(out, s.data(), s.size());
    out[s.size()] = '\0';
    return out;
}

void set(char** out, const std::string& s) noexcept {
    if (out) *out = to_c(s);
}

planrules::Diagnostics internal(const char* what) {
    const planrules::text::LanguageScope language(thread_language);
    planrules::Diagnostics ds;
    ds.push_back(planrules::diagnostics::make("internal-error", nullptr, {}, planrules::text::tr("internal error: {}", what)));
    return ds;
}

planrules_status compiled(tl::expected<planrules::RuleSet, planrules::Diagnostics>&& result, planrules_rules** out_rules,
                          char** out_diagnostics) {
    if (!result) {
        set(out_diagnostics, planrules::render_json(result.error()));
        return PLANRULES_INVALID_RULES;
    }
    set(out_diagnostics, planrules::render_json(result->warnings()));
    *out_rules = new planrules_rules{std::move(*result)};
    return PLANRULES_OK;
}

// Runs `f` for a compile function: argument checks and exceptions handled once.
template <class F>
planrules_status compile_with(planrules_rules** out_rules, char** out_diagnostics, F&& f) noexcept {
    if (out_diagnostics) *out_diagnostics = nullptr;
    if (!out_rules) return PLANRULES_INVALID_ARGUMENT;
    *out_rules = nullptr;
    try {
        return f();
    } catch (const std::exception& e) {
        try {
            set(out_diagnostics, planrules::render_json(internal(e.what())));
        } catch (...) {
        }
        return PLANRULES_INTERNAL_ERROR;
    } catch (...) {
        return PLANRULES_INTERNAL_ERROR;
    }
}

std::string argument_error(const std::string& message) { return planrules::render_load_error_json(message, {}); }

}  // namespace

extern "C" {

const char* planrules_version(void) { return PLANRULES_VERSION; }

const char* planrules_status_text(planrules_status status) {
    switch (status) {
        case PLANRULES_OK: return "ok";
        case PLANRULES_FINDINGS: return "the plan has findings of severity error";
        case PLANRULES_INVALID_RULES: return "the rules have errors";
        case PLANRULES_INVALID_PLAN: return "the plan is not JSON";
        case PLANRULES_INVALID_ARGUMENT: return "invalid argument";
        case PLANRULES_INTERNAL_ERROR: return "internal error";
    }
    return "unknown status";
}

planrules_status planrules_set_language(const char* language) {
    if (!language) {
        thread_language = planrules::language_from_environment();
        return PLANRULES_OK;
    }
    auto l = planrules::parse_language(language);
    if (!l) return PLANRULES_INVALID_ARGUMENT;
    thread_language = *l;
    return PLANRULES_OK;
}

planrules_status planrules_compile_directory(const char* directory, planrules_rules** out_rules, char** out_diagnostics) {
    return compile_with(out_rules, out_diagnostics, [&] {
        if (!directory) return PLANRULES_INVALID_ARGUMENT;
        return compiled(planrules::compile_directory(directory, compile_options()), out_rules, out_diagnostics);
    });
}

planrules_status planrules_compile_files(const char* const* paths, size_t count, planrules_rules** out_rules,
                                         char** out_diagnostics) {
    return compile_with(out_rules, out_diagnostics, [&] {
        if (!paths && count > 0) return PLANRULES_INVALID_ARGUMENT;
        std::vector<std::filesystem::path> files;
        for (size_t i = 0; i < count; ++i) {
            if (!paths[i]) return PLANRULES_INVALID_ARGUMENT;
            files.emplace_back(paths[i]);
        }
        return compiled(planrules::compile_files(files, compile_options()), out_rules, out_diagnostics);
    });
}

planrules_status planrules_compile_string(const char* text, size_t length, const char* name, planrules_rules** out_rules,
                                          char** out_diagnostics) {
    return compile_with(out_rules, out_diagnostics, [&] {
        if (!text && length > 0) return PLANRULES_INVALID_ARGUMENT;
        return compiled(planrules::compile_string(std::string_view(text ? text : "", length), name ? name : "<string>",
                                                  compile_options()),
                        out_rules, out_diagnostics);
    });
}

void planrules_rules_free(planrules_rules* rules) { delete rules; }

planrules_status planrules_ruleset_names(const planrules_rules* rules, char** out_json) {
    if (out_json) *out_json = nullptr;
    if (!rules || !out_json) return PLANRULES_INVALID_ARGUMENT;
    try {
        std::string out;
        planrules::json::Writer w(out);
        w.begin_array();
        for (const auto& name : rules->rules.ruleset_names()) w.string(name);
        w.end_array();
        set(out_json, out);
        return *out_json ? PLANRULES_OK : PLANRULES_INTERNAL_ERROR;
    } catch (...) {
        return PLANRULES_INTERNAL_ERROR;
    }
}

void planrules_options_init(planrules_options* options) {
    if (!options) return;
    options->year = options->month = options->day = 0;
    options->audience = "af";
    options->evidence = 1;
    options->rulesets = nullptr;
    options->ruleset_count = 0;
    options->max_steps = planrules::ValidateOptions{}.max_steps;
}

planrules_status planrules_validate(const planrules_rules* rules, const char* json, size_t length,
                                    const planrules_options* options, char** out_report) {
    if (out_report) *out_report = nullptr;
    if (!out_report) return PLANRULES_INVALID_ARGUMENT;
    try {
        if (!rules || (!json && length > 0)) {
            set(out_report, argument_error(!rules ? "no rules (NULL)" : "no plan text (NULL)"));
            return PLANRULES_INVALID_ARGUMENT;
        }
        planrules_options defaults;
        planrules_options_init(&defaults);
        const planrules_options& o = options ? *options : defaults;
        planrules::ValidateOptions vo;
        if (o.year == 0 && o.month == 0 && o.day == 0) {
            vo.as_of = planrules::today();
        } else {
            vo.as_of = planrules::Date{o.year, o.month, o.day};
            if (!planrules::is_valid(vo.as_of)) {
                set(out_report, argument_error(fmt::format("{:04}-{:02}-{:02} is not a date", o.year, o.month, o.day)));
                return PLANRULES_INVALID_ARGUMENT;
            }
        }
        auto audience = planrules::parse_audience(o.audience ? o.audience : "af");
        if (!audience) {
            set(out_report, argument_error(fmt::format("unknown audience '{}': use af, kommun or leverantor", o.audience)));
            return PLANRULES_INVALID_ARGUMENT;
        }
        vo.audience = *audience;
        vo.evidence = o.evidence != 0;
        vo.max_steps = o.max_steps;
        vo.language = thread_language;
        if (o.ruleset_count > 0 && !o.rulesets) {
            set(out_report, argument_error("rulesets is NULL but ruleset_count is not 0"));
            return PLANRULES_INVALID_ARGUMENT;
        }
        auto names = rules->rules.ruleset_names();
        for (size_t i = 0; i < o.ruleset_count; ++i) {
            const char* name = o.rulesets[i];
            if (!name || std::find(names.begin(), names.end(), name) == names.end()) {
                set(out_report, argument_error(fmt::format("no rule set '{}' in the rules", name ? name : "(NULL)")));
                return PLANRULES_INVALID_ARGUMENT;
            }
            vo.rulesets.emplace_back(name);
        }
        auto plan = rules->rules.load_json(std::string_view(json ? json : "", length), "plan.json", {}, thread_language);
        if (!plan) {
            std::string why = plan.error().empty() ? text_in(thread_language, planrules::text::N_("the plan could not be loaded")) : plan.error().front().message;
            set(out_report, planrules::render_load_error_json(why, plan.error()));
            return *out_report ? PLANRULES_INVALID_PLAN : PLANRULES_INTERNAL_ERROR;
        }
        planrules::Report report = rules->rules.validate(*plan, vo);
        set(out_report, planrules::render_report_json(report));
        if (!*out_report) return PLANRULES_INTERNAL_ERROR;
        return report.has_errors() ? PLANRULES_FINDINGS : PLANRULES_OK;
    } catch (...) {
        return PLANRULES_INTERNAL_ERROR;
    }
}

void planrules_string_free(char* text) { std::free(text); }

}  // extern "C"
