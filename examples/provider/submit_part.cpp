// How a provider's (leverantör's) system checks its part of the shared action plan before it
// submits it to Arbetsförmedlingen: it validates the plan with only the provider rule set
// (rules/leverantor/, rule set `leverantor`) and for the audience `leverantor`, so that the
// report never holds sensitive data. It refuses to submit while there are errors.
//
//   example_provider_submit_part RULES-DIR PLAN.json [YYYY-MM-DD]
//
// RULES-DIR is either the whole rules/ directory or rules/leverantor/ alone; only the rules of
// the rule set `leverantor` are evaluated either way (ValidateOptions::rulesets).
//
// Exit status: 0 the part would be submitted (no findings of severity error), 1 submission
// refused (findings of severity error), 2 the rules or the plan could not be read.

#include <planrules/planrules.hpp>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>

namespace {

constexpr const char* provider_ruleset = "leverantor";

planrules::Date today() {
    std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return {local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

std::optional<std::string> read_file(const char* path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    return std::move(text).str();
}

// Swedish labels for the provider's user.
const char* severity_label(planrules::Severity s) {
    switch (s) {
        case planrules::Severity::error: return "Fel";
        case planrules::Severity::warning: return "Varning";
        case planrules::Severity::info: return "Information";
    }
    return "?";
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3 || argc > 4) {
        std::fprintf(stderr, "usage: %s RULES-DIR PLAN.json [YYYY-MM-DD]\n", argv[0]);
        return 2;
    }

    // The provider's scope: only its own rule set, and a report fit for a provider (no
    // sensitive rules, no findings about sensitive fields, no sensitive values).
    planrules::ValidateOptions options;
    options.audience = planrules::Audience::leverantor;
    options.rulesets = {provider_ruleset};
    options.as_of = today();
    if (argc == 4) {
        auto date = planrules::parse_date(argv[3]);  // "2023-06-01": nothing unless a real date
        if (!date) {
            std::fprintf(stderr, "'%s' is not a date; write YYYY-MM-DD\n", argv[3]);
            return 2;
        }
        options.as_of = *date;
    }

    // 1. Compile the rules once, at start-up.
    auto rules = planrules::compile_directory(argv[1]);
    if (!rules) {
        std::fputs(planrules::render_text(rules.error()).c_str(), stderr);
        return 2;
    }
    // An unknown name in ValidateOptions::rulesets selects nothing: without this check a
    // wrong rules directory would let every plan through.
    auto names = rules->ruleset_names();
    if (std::find(names.begin(), names.end(), provider_ruleset) == names.end()) {
        std::fprintf(stderr, "%s has no rule set '%s'\n", argv[1], provider_ruleset);
        return 2;
    }

    // 2. Load the plan against the rules' schema. Values that do not fit the schema become
    //    findings (PLAN-FORMAT, outcome invalid_input) and block submission like any error.
    auto text = read_file(argv[2]);
    if (!text) {
        std::fprintf(stderr, "cannot read %s\n", argv[2]);
        return 2;
    }
    auto plan = rules->load_json(*text, argv[2]);
    if (!plan) {
        std::fputs(planrules::render_text(plan.error()).c_str(), stderr);
        return 2;
    }

    // 3. Validate with the provider's rules only.
    planrules::Report report = rules->validate(*plan, options);

    std::printf("Leverantörens kontroll av plan %s per %s (regeluppsättning %s, målgrupp %s)\n", report.plan.c_str(),
                planrules::to_string(report.as_of).c_str(), provider_ruleset, planrules::to_string(report.audience));
    for (const planrules::Finding& f : report.findings) {
        // An empty pointer (RFC 6901) is the whole plan.
        std::printf("  %s %s (%s) vid %s\n    %s\n", severity_label(f.severity), f.rule.c_str(),
                    planrules::to_string(f.outcome), f.pointer.empty() ? "hela planen" : f.pointer.c_str(),
                    f.message.c_str());
    }
    std::printf("%zu fel, %zu varningar, %zu information; %zu regler bedömda\n", report.count(planrules::Severity::error),
                report.count(planrules::Severity::warning), report.count(planrules::Severity::info),
                report.evaluated.size());

    // 4. Submit, or refuse while there are errors. (A real system would send its part here.)
    if (report.has_errors()) {
        std::printf("Inlämning vägrad: rätta felen ovan innan leverantörens del lämnas in.\n");
        return 1;
    }
    std::printf("Inga fel: leverantörens del av plan %s skulle lämnas in nu.\n", report.plan.c_str());
    return 0;
}
