#pragma once
// Population runs: validate every plan of a JSON Lines stream in parallel and count, per rule
// and per group (the field the rules' `group by` names, or another), how many plans violate,
// pass, … each rule; the key figures the rules declare (`figure`); a work queue of deadlines coming due; malformed records by line.
// Memory does not grow with the input: lines are read in blocks, a bounded number of blocks is
// in flight, and only counts (and the listed items) are kept. Never throws.

#include <planrules/planrules.hpp>

#include <cstdint>
#include <cstdio>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace planrules {

// How the CSV is written: plain (commas, a decimal point, English headings: for programs) or
// Swedish (semicolons, a decimal comma, Swedish headings and a UTF-8 byte order mark: Excel in
// a Swedish locale opens it as columns).
struct CsvStyle {
    bool swedish = false;
};

struct BatchOptions {
    ValidateOptions validate;       // as_of, audience, rule sets, step limit; evidence for `findings`
    PlanLimits limits{};
    unsigned threads = 0;           // 0: every core
    std::optional<int> due_within;  // days: list the deadlines due in [as_of, as_of + days]
    // The field plans are grouped by (a dotted path from the plan, of a string, enum, int,
    // bool or date type); empty: no groups; unset: the field the rules' `group by` names, if any.
    std::optional<std::string> group_by;
    std::FILE* findings = nullptr;  // when set: every plan's report as JSON Lines, in input order
    // With `findings`: a CSV of the findings instead (a row per finding: line, plan, rule, …,
    // render_findings_csv), its heading first.
    std::optional<CsvStyle> findings_csv;
    std::size_t max_listed = 10'000;  // malformed lines and queue entries listed (all are counted)
    // Called for every plan validated, on the worker thread that validated it (so from several
    // threads at once), with its line, its text and its report (Report::results at least).
    std::function<void(std::uint64_t line, std::string_view text, const Plan& plan, const Report& report)> each_report;
    // Called now and then from the calling thread with the bytes and records done so far.
    std::function<void(std::uint64_t bytes, std::uint64_t records)> progress;
};

// How often each outcome occurred, over plans.
struct RuleCounts {
    std::uint64_t violated = 0, indeterminate = 0, passed = 0, not_applicable = 0, not_in_force = 0;
    // Plans where the rule was evaluated and decided or not (violated + indeterminate + passed).
    [[nodiscard]] std::uint64_t evaluated() const noexcept { return violated + indeterminate + passed; }
};

// A key figure the rules declare (`figure`): numerator / denominator plans.
struct KeyFigure {
    std::string id;      // its name
    std::string title;   // for the report, in the rules' language
    std::string label;   // short, for tables: its `label`, else its rule id, else its name
    std::string rule;    // the rule it is read from (`from`), or ""
    std::uint64_t numerator = 0, denominator = 0;
    [[nodiscard]] double share() const noexcept {
        return denominator ? static_cast<double>(numerator) / static_cast<double>(denominator) : 0.0;
    }
};

struct QueueEntry {
    std::string plan;    // the plan's id
    std::uint64_t line;  // 1-based line in the input
    std::string rule;
    Date due;
    std::string group;   // the value of the group field ("" when missing)
};

struct MalformedRecord {
    std::uint64_t line;
    std::string reason;  // for text that is not JSON: the parser's message with the column
};

struct GroupSummary {
    std::string value;  // the group field's value; "" for plans without it
    std::string label;  // the value's label when the field has a code list that knows it ("Stockholm")
    std::uint64_t plans = 0;
    std::vector<RuleCounts> rules;  // in the order of BatchSummary::rule_ids
    std::vector<KeyFigure> figures;
    std::uint64_t due = 0;          // queue entries
};

struct BatchSummary {
    Date as_of{};
    std::string digest;
    std::uint64_t lines = 0;            // records read (blank lines are not records)
    std::uint64_t plans = 0;            // records that were plans (JSON objects), validated
    std::uint64_t not_json = 0;         // records that are not JSON objects: not validated
    std::uint64_t invalid_input = 0;    // plans with invalid values (validated, with invalid_input findings)
    std::uint64_t with_errors = 0;      // plans with at least one error-severity finding
    std::vector<MalformedRecord> not_json_records;      // the first max_listed
    std::vector<std::uint64_t> invalid_input_lines;     // the first max_listed
    std::vector<std::string> rule_ids, rulesets;        // every rule of the rule set
    std::vector<Severity> severities;
    std::vector<bool> withheld;         // per rule: left out of the summary for this audience (RuleSet::withheld)
    std::vector<RuleCounts> rules;
    std::vector<KeyFigure> figures;
    std::string group_by;
    std::vector<GroupSummary> groups;   // sorted by value
    std::optional<int> due_within;      // BatchOptions::due_within
    std::vector<QueueEntry> queue;      // sorted by due date, then line; the first max_listed
    std::uint64_t queue_total = 0;
    double seconds = 0;
    unsigned threads = 1;
    std::uint64_t bytes = 0;
};

// Runs `rules` over the JSON Lines of `input`. An unreadable stream or a bad option (group
// field not in the schema) is an error message; malformed records never stop the run.
[[nodiscard]] tl::expected<BatchSummary, std::string> run_batch(const RuleSet& rules, std::FILE* input,
                                                                const BatchOptions& options = {});

// The summary as JSON (one object), CSV (one table: scope, kind, id, counts) or text in
// `language`. Rules withheld from the audience, or outside the --ruleset scope, are not listed.
[[nodiscard]] std::string render_batch_json(const BatchSummary& s);
[[nodiscard]] std::string render_batch_csv(const BatchSummary& s, const CsvStyle& style = {});
[[nodiscard]] std::string render_batch_text(const BatchSummary& s, Language language = Language::en);

// The findings of one plan (line `line` of the input) as rows of a CSV: line, plan, rule,
// ruleset, severity, outcome, pointer, message, due; and the heading of such a CSV.
[[nodiscard]] std::string render_findings_csv(const Report& r, std::uint64_t line, const CsvStyle& style = {});
[[nodiscard]] std::string findings_csv_heading(const CsvStyle& style = {});

}  // namespace planrules
