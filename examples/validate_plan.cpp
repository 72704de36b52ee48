// How a host validates a plan with the C++ API: compile the rules once, load the plan's
// JSON against the rules' schema, validate it as of a date, and act on the findings.
//
//   example_validate_plan RULES-DIR PLAN.json [YYYY-MM-DD]
//
// Exit status: 0 no findings of severity error, 1 findings of severity error, 2 the rules
// or the plan could not be read (the same contract as `planrules validate`).

#include <planrules/planrules.hpp>

#include <cstdio>
#include <ctime>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>

namespace {

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

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3 || argc > 4) {
        std::fprintf(stderr, "usage: %s RULES-DIR PLAN.json [YYYY-MM-DD]\n", argv[0]);
        return 2;
    }
    planrules::ValidateOptions options;  // audience af, with evidence
    options.as_of = today();
    if (argc == 4) {
        auto date = planrules::parse_date(argv[3]);  // "2023-06-01": nothing unless a real date
        if (!date) {
            std::fprintf(stderr, "'%s' is not a date; write YYYY-MM-DD\n", argv[3]);
            return 2;
        }
        options.as_of = *date;
    }

    // 1. Compile once, at start-up. A RuleSet is immutable: keep it and share it between
    //    threads. Errors in the rules come back as Diagnostics, never as exceptions.
    auto rules = planrules::compile_directory(argv[1]);
    if (!rules) {
        std::fputs(planrules::render_text(rules.error()).c_str(), stderr);
        return 2;
    }

    // 2. Load the plan against the rules' schema. Text that is not JSON gives Diagnostics
    //    (with line and column); values that do not fit the schema give a Plan whose
    //    input_findings() are reported with the other findings (outcome invalid_input).
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

    // 3. Validate as of the date. validate() is reentrant and does not throw.
    planrules::Report report = rules->validate(*plan, options);

    std::printf("plan %s as of %s: %zu findings\n", report.plan.c_str(), planrules::to_string(report.as_of).c_str(),
                report.findings.size());
    for (const planrules::Finding& f : report.findings) {
        // An empty pointer (RFC 6901) is the whole plan.
        std::printf("%s %s (%s) at %s\n  %s\n  source: %s\n", planrules::to_string(f.severity), f.rule.c_str(),
                    planrules::to_string(f.outcome), f.pointer.empty() ? "the plan" : f.pointer.c_str(),
                    f.message.c_str(), f.source.c_str());
    }
    return report.has_errors() ? 1 : 0;
}
