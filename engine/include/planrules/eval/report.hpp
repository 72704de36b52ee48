#pragma once
// Findings and reports: what validating a plan returns to the host.

#include <planrules/date.hpp>
#include <planrules/language.hpp>
#include <planrules/severity.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace planrules {

// Who a report is made for. Findings of `sensitive` rules (and of rules that read a
// `sensitive` field or compare with a sensitive code) never reach a `kommun` or `leverantor`
// report; nor does any sensitive value (a sensitive code, the value of a field marked
// `sensitive` or `sensitive value`): evidence leaves it out, a message shows redacted_text.
enum class Audience : std::uint8_t { af, kommun, leverantor };
[[nodiscard]] const char* to_string(Audience a) noexcept;
[[nodiscard]] std::optional<Audience> parse_audience(std::string_view text) noexcept;

// What a message shows in place of a sensitive value in a report for an audience other than af.
inline constexpr std::string_view redacted_text = "[uppgift för Arbetsförmedlingen]";

struct Evidence {
    std::string pointer;  // RFC 6901, e.g. /items/2/reason
    std::string value;    // the value as JSON text ("2024-01-25", 4, null, …)
};

struct Finding {
    std::string rule;      // its id
    std::string ruleset;   // its rule set: national.law
    Severity severity = Severity::error;
    Outcome outcome = Outcome::violated;
    std::string title;
    std::string message;
    std::string pointer;   // where in the plan
    std::string place;     // the same for people, by the schema's labels: "ELEMENT A2 (nr 2 i listan), FIELD LABEL"
    std::string source;    // the legal or policy source
    std::string location;  // the rule in its file: rules/national/law.rules:18:1
    std::optional<Date> due;
    std::vector<Evidence> evidence;
    std::vector<std::string> missing;  // pointers of the values the rule read that were missing
                                       // (for an indeterminate finding: why it could not be decided)
    // Concerns sensitive data: a rule marked or reading `sensitive`, or a malformed value in a
    // sensitive field. Such findings appear only in reports for Audience::af.
    bool sensitive = false;
};

struct ValidateOptions {
    Date as_of{};                       // the evaluation date (`today` in rules)
    // The language of the texts planrules writes into the report (not the rules' own titles and
    // messages, which are as the rule files say): e.g. why a rule could not be assessed, a
    // missing value in a message, the findings of the plan format.
    Language language = Language::en;
    Audience audience = Audience::af;
    bool evidence = true;               // false: no evidence values at all (personal data)
    // Scope: when not empty, only the rules of these rule sets and of the rule sets they
    // extend are evaluated (e.g. {"leverantor"}, or {"local.0001"} for the national rules and
    // Stockholm's); the others are left out of the report. Unknown names select nothing.
    std::vector<std::string> rulesets;
    // Evaluation steps (expression nodes evaluated, plus long text scanned) one plan may take
    // over all its rules, so that a rule with nested loops over long lists cannot hold the
    // host: the rule that runs out, and every rule after it, get an indeterminate finding
    // ("gränsen på N utvärderingssteg nåddes"). All the shipped rules take some 400 steps on an
    // ordinary plan and 7 million on one with 100 000 activities. 0: no limit.
    std::uint64_t max_steps = 100'000'000;
    // Also list the deadlines the plan has not yet missed (Report::deadlines): for each
    // deadline rule (`due`, no `for each`) that passes, its due date when the plan as it
    // stands would violate the rule the day after. A work queue (`planrules batch
    // --due-within`) is built from them. Off by default: it evaluates those rules twice.
    bool deadlines = false;
    // false: findings carry the rule, rule set, severity, outcome, due date and sensitivity
    // only (no title, message, pointer, source, evidence or missing values), and the lists of
    // rule ids (evaluated, passed, not_applicable, not_in_force) stay empty: Report::results
    // holds every rule's result. For hosts that count outcomes over many plans (`planrules
    // batch` without --findings). Much faster when plans have findings. (Making a message takes evaluation steps too: a plan that comes near
    // `max_steps` can run out of them with details and not without.)
    bool details = true;
    // Findings listed in a report; the rest are counted by severity (Report::omitted), so that
    // a plan of 100 000 activities that all break a rule gives a report of bounded size. The
    // counts and every rule's result still cover them all. 0: no limit.
    std::size_t max_findings = 1000;
};

// A deadline a plan has not yet missed (ValidateOptions::deadlines).
struct Deadline {
    std::string rule;  // its id
    Date due;          // the last day on which the plan still satisfies the rule
};

// What validating a plan came to for one rule of the rule set (Report::results).
enum class RuleResult : std::uint8_t {
    skipped,         // outside ValidateOptions::rulesets, or a sensitive rule withheld from the audience
    not_in_force,    // outside its `in force` dates on as_of
    not_applicable,  // `when` false, its rule set not applying, disabled, or no element selected
    passed,
    violated,        // at least one violated finding
    indeterminate,   // indeterminate findings only
};
[[nodiscard]] const char* to_string(RuleResult r) noexcept;

struct Report {
    std::string plan;       // the plan's id
    Date as_of{};
    Audience audience = Audience::af;
    std::vector<Finding> findings;
    std::vector<std::string> evaluated;       // rules in force whose rule set applies
    std::vector<std::string> passed;          // evaluated without a finding
    std::vector<std::string> not_applicable;  // `when` false, rule set not applying, or no element
    std::vector<std::string> not_in_force;    // outside `in force` on as_of
    std::vector<Deadline> deadlines;          // only with ValidateOptions::deadlines
    std::string digest;                       // of the rule set's sources
    // Every rule's result by its index in RuleSet::rule_ids(): the lists above as one array,
    // for hosts that count outcomes over many plans without looking up rule ids.
    std::vector<RuleResult> results;
    // Findings not listed (ValidateOptions::max_findings, PlanLimits::max_findings), by
    // severity (Severity's value as index).
    std::array<std::size_t, 3> omitted{};

    // Findings of severity s, listed or omitted.
    [[nodiscard]] std::size_t count(Severity s) const noexcept {
        std::size_t n = omitted[static_cast<std::size_t>(s)];
        for (const auto& f : findings) n += f.severity == s;
        return n;
    }
    [[nodiscard]] std::size_t omitted_count() const noexcept { return omitted[0] + omitted[1] + omitted[2]; }
    [[nodiscard]] bool has_errors() const noexcept { return count(Severity::error) > 0; }
};

}  // namespace planrules
