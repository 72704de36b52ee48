#pragma once
// Evaluator tests: compile one expression into a rule over the shipped plan schema, validate a
// small plan, and read back what the evaluator decided. Everything goes through the public API
// (compile, load_json, validate), so the tests hold for the compiled evaluation tree the hosts
// run, constant folding included.

#include "support.hpp"

#include <string>
#include <string_view>

namespace planrules::test {

// A plan with every required field; `sokande` and `plan` add members (each starting with a comma).
inline std::string plan_json(std::string_view sokande = "", std::string_view plan = "") {
    return std::string(R"({"id": "P-1", "version": 3, "status": "upprattad", "typ": "ordinarie",)") +
           R"( "sokande": {"id": "S-1", "kommun": "0180", "inskrivningsdatum": "2024-01-15")" +
           std::string(sokande) + "}" + std::string(plan) + "}";
}

// A JSON literal for a three-valued input: "true", "false" or "null" (missing).
inline std::string_view json_of(int tri) { return tri > 0 ? "true" : tri == 0 ? "false" : "null"; }

struct Probe {
    Date as_of{2024, 7, 15};
    std::string defines;  // extra top-level declarations (defines) for the expressions

    // The outcome of `require EXPR`: "true" (passed), "false" (violated), "unknown"
    // (indeterminate for missing values), "error: REASON" (an evaluation error such as a
    // division by zero), or "not applicable".
    std::string truth(std::string_view expr, const std::string& plan = plan_json()) const {
        auto report = run(rule("T-1", expr, "m"), plan);
        return outcome(report, "T-1");
    }

    // The value of EXPR as a message formats it (dates ISO, enums by code), "unknown" when it
    // is missing, "error: REASON" for an evaluation error.
    std::string value(std::string_view expr, const std::string& plan = plan_json()) const {
        std::string e(expr);
        auto report = run(rule("T-1", "present(" + e + ")", "m") + rule("T-2", "false", "{" + e + "}"), plan);
        std::string p = outcome(report, "T-1");
        if (p.rfind("error: ", 0) == 0) return p;
        if (p == "false") return "unknown";
        if (p != "true") FAIL("present(" << e << ") was " << p);
        for (const auto& f : report.findings)
            if (f.rule == "T-2") return f.message;
        FAIL("no finding for the message of " << e);
        return {};
    }

    // Compiles `rules` (rule declarations) with the defines; fails the test on diagnostics.
    Report run(const std::string& rules, const std::string& plan, ValidateOptions options = {}) const {
        std::string text = "ruleset t \"T\"\n" + defines + "\n" + rules;
        auto rs = to_expected(compile_with_schema(text));
        if (!rs) FAIL(render_text(rs.error()) << "\n" << text);
        auto loaded = rs->load_json(plan);
        if (!loaded) FAIL(render_text(loaded.error()) << "\n" << plan);
        if (options.as_of == Date{}) options.as_of = as_of;
        Report r = rs->validate(*loaded, options);
        // every evaluator test also checks Report::results, and validating into a report
        // that held another plan's (with other options) gives the same report
        CHECK(results_disagree(*rs, r).empty());
        static Report reused;
        ValidateOptions other = options;
        other.as_of = Date{2001, 1, 1};
        rs->validate(*rs->load_json(plan_json()), other, reused);
        rs->validate(*loaded, options, reused);
        CHECK(dump(reused) == dump(r));
        for (const auto& f : r.findings)
            if (f.outcome == Outcome::invalid_input) FAIL("the probe plan is invalid: " << f.pointer << ": " << f.message);
        return r;
    }

    static std::string rule(std::string_view id, std::string_view require, std::string_view message) {
        return fmt::format("rule {} \"t\"\n  severity error\n  source \"s\"\n  require {}\n  message \"{}\"\n", id,
                           require, message);
    }

    static std::string outcome(const Report& r, std::string_view id) {
        for (const auto& p : r.passed)
            if (p == id) return "true";
        for (const auto& p : r.not_applicable)
            if (p == id) return "not applicable";
        for (const auto& f : r.findings) {
            if (f.rule != id) continue;
            if (f.outcome == Outcome::violated) return "false";
            constexpr std::string_view error_prefix = "The rule could not be assessed: ";
            if (f.message.rfind(error_prefix, 0) == 0) {
                std::string reason = f.message.substr(error_prefix.size());
                return "error: " + reason.substr(0, reason.find(" ("));
            }
            return "unknown";
        }
        FAIL("rule " << id << " is neither passed, not applicable nor in the findings");
        return {};
    }
};

}  // namespace planrules::test
