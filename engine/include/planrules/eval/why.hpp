#pragma once
// Why a plan got the findings it got (`planrules validate --why`, RuleSet::why): for each rule,
// whether it is in force and applies, each condition and sub-condition with the values it read
// and what it gave, the `for each` elements it visited, and the reason for its outcome. For one
// plan at a time; RuleSet::validate does none of this work. Rendered by planrules/report/why.hpp.

#include <planrules/eval/report.hpp>

#include <optional>
#include <string>
#include <vector>

namespace planrules {

// One expression of a rule and what it gave on the plan.
struct WhyNode {
    std::string expression;  // as written in the rule file, on one line
    std::string value;       // as shown to people: "true", "false", "unknown", a date, a count …
    bool condition = false;  // a true / false / unknown value
    bool holds = false;      // a condition that is true
    bool known = true;       // false: missing (or an evaluation error), so unknown
    bool needed = true;      // false: not evaluated, the `and`/`or`/`if` around it was decided without it
    std::vector<WhyNode> parts;  // the sub-expressions that are not constants
};

// One element a `for each` visited (for nested loops, one of each list).
struct WhyElement {
    std::vector<std::string> pointers;  // JSON pointers of the elements, outermost first
    std::optional<WhyNode> where;       // the innermost loop's `where`, when it has one
    bool selected = true;               // its `where` (and the outer ones) held
    std::optional<WhyNode> require;     // for a selected element
};

struct RuleWhy {
    std::string rule, ruleset, title;
    RuleResult result = RuleResult::skipped;    // as Report::results has it
    std::optional<Outcome> outcome;             // of its finding, when it made one
    std::string in_force;                       // "" when always in force, else its dates
    bool in_force_today = true;
    struct Applies {
        std::string ruleset;                    // a rule set of the rule's chain with `applies when`
        WhyNode condition;
    };
    std::vector<Applies> applies;
    std::string disabled_by;                    // the rule set whose override turns the rule off
    std::optional<WhyNode> when;
    std::vector<WhyElement> elements;           // the first ones visited (at most 50)
    std::size_t elements_visited = 0;           // all the elements visited
    std::optional<WhyNode> require;             // of a rule without `for each`
    std::string reason;                         // why the outcome is what it is, one sentence
};

struct Why {
    std::string plan;
    Date as_of{};
    Audience audience = Audience::af;
    std::vector<RuleWhy> rules;  // the rules the report covers, in rule order (withheld ones left out)
};

}  // namespace planrules
