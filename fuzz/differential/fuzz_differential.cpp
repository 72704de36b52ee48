// Fuzz target: differential testing of the evaluator (the LLVMFuzzerTestOneInput entry).
//
// From the fuzz bytes (read by a deterministic byte reader that yields 0 once it runs dry,
// bytes.hpp) the target generates (generator.hpp)
//   1. a small plan for rules/handlingsplan.schema, as a model and as JSON text, and
//   2. a few well-typed rules over that schema, as expression trees and as rule text
//      (type-directed generation with a bounded depth; the text from writer.hpp).
// The rule text is compiled with the real engine together with the shipped schema, the JSON
// is loaded with RuleSet::load_json and validated as of a fixed date. Independently, a small
// reference interpreter (reference.hpp) evaluates the generator's own trees over the
// generator's own plan model, following docs/language.md (three-valued logic, evaluation
// errors, calendar arithmetic, `when`, `for each … where`, `if missing`). Every rule's result
// is compared: passed / not applicable / findings (violated or indeterminate), and for
// `for each` rules the multiset of finding pointers with their outcomes. On any disagreement
// the rule text, the plan and both results go to stderr and the target aborts.
//
// The reference shares no code with the engine: it has its own calendar (calendar.hpp), its own
// integer overflow checks (__int128) and its own logic. A rule the engine refuses to compile,
// or a plan it cannot load cleanly, is a generator bug and aborts too.
//
// The JSON boundary too: the report must be JSON, and the plan with one byte changed, and the
// fuzz bytes read as a plan, must be refused as not JSON exactly when simdjson's validating
// parser (json_oracle.hpp) says they are not JSON.

#include <planrules/planrules.hpp>

#include "../json_oracle.hpp"
#include "bytes.hpp"
#include "generator.hpp"
#include "model.hpp"
#include "reference.hpp"
#include "writer.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

using namespace fuzz::differential;

namespace {

// PLANRULES_DIFF_VERBOSE=1: print every generated rule and plan with the reference's result.
bool verbose() {
    static const bool on = [] {
        const char* e = std::getenv("PLANRULES_DIFF_VERBOSE");
        return e && *e == '1';
    }();
    return on;
}

planrules::SourceFilePtr shipped_schema() {
    static const planrules::SourceFilePtr file = [] {
        std::ifstream in(PLANRULES_SOURCE_DIR "/rules/handlingsplan.schema", std::ios::binary);
        std::ostringstream ss;
        ss << in.rdbuf();
        if (ss.str().empty()) std::abort();
        return std::make_shared<planrules::SourceFile>("handlingsplan.schema", ss.str());
    }();
    return file;
}

// What the engine's report says of the rule, in the reference's terms.
Result engine_result(const Rule& r, const planrules::Report& report) {
    Result res;
    bool passed = std::find(report.passed.begin(), report.passed.end(), r.id) != report.passed.end();
    bool na = std::find(report.not_applicable.begin(), report.not_applicable.end(), r.id) != report.not_applicable.end();
    for (const auto& f : report.findings) {
        if (f.rule != r.id) continue;
        const char* o = f.outcome == planrules::Outcome::violated        ? "violated"
                        : f.outcome == planrules::Outcome::indeterminate ? "indeterminate"
                                                                         : "other";
        res.found.emplace_back(r.for_each ? f.pointer : "", o);
    }
    if (passed + na + !res.found.empty() != 1) {
        res.kind = Result::findings;
        res.found.emplace_back("<" + std::string(passed ? "passed " : "") + (na ? "not-applicable " : "") + ">",
                               "inconsistent report");
        return res;
    }
    res.kind = passed ? Result::passed : na ? Result::not_applicable : Result::findings;
    return res;
}

bool same_result(const Result& ref, Result eng) {
    if (ref.kind != eng.kind) return false;
    if (ref.kind != Result::findings) return true;
    if (ref.at_when) {  // one indeterminate finding, pointing wherever the engine likes
        return eng.found.size() == 1 && eng.found[0].second == "indeterminate";
    }
    auto a = ref.found;
    std::sort(a.begin(), a.end());
    std::sort(eng.found.begin(), eng.found.end());
    return a == eng.found;
}

[[noreturn]] void disagree(const std::string& what, const std::string& rules, const std::string& plan) {
    std::fprintf(stderr, "fuzz_differential: %s\n--- rules\n%s--- plan\n%s\n", what.c_str(), rules.c_str(), plan.c_str());
    std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    ByteReader bytes{data, size};
    Generator generator(bytes);
    const PlanModel plan = generator.plan();
    const std::string json = plan_json(plan, bytes);

    std::vector<Rule> rules;
    const unsigned n = 1 + bytes.pick(4);
    for (unsigned i = 0; i < n; ++i) {
        Rule r = generator.rule("R" + std::to_string(i + 1));
        r.text = rule_text(r);
        rules.push_back(std::move(r));
    }
    const std::string text = ruleset_text(rules);

    auto file = std::make_shared<planrules::SourceFile>("diff.rules", text);
    auto compiled = planrules::to_expected(planrules::compile_sources({shipped_schema(), file}));
    if (!compiled) disagree("the generated rules do not compile (a generator bug)\n" + planrules::render_text(compiled.error()), text, json);
    auto loaded = compiled->load_json(json, "diff.json");
    if (!loaded) disagree("the generated plan does not load (a generator bug)\n" + planrules::render_text(loaded.error()), text, json);
    if (!loaded->input_findings().empty())
        disagree("the generated plan is invalid input (a generator bug): " + loaded->input_findings()[0].pointer + " " +
                     loaded->input_findings()[0].message,
                 text, json);

    const planrules::Date as_of{2024, 7, 15};
    planrules::ValidateOptions options;
    options.as_of = as_of;
    auto report = compiled->validate(*loaded, options);
    if (verbose()) std::fprintf(stderr, "--- plan %s\n", json.c_str());
    const i64 today = day_number({as_of.year, as_of.month, as_of.day});
    for (const Rule& r : rules) {
        Result ref = reference_result(r, plan, today);
        Result eng = engine_result(r, report);
        if (verbose()) std::fprintf(stderr, "%s  => %s\n", r.text.c_str(), ref.describe().c_str());
        if (!same_result(ref, eng)) {
            std::string msg = "rule " + r.id + ": engine and reference disagree\n  reference: " + ref.describe() +
                              "\n  engine:    " + eng.describe() + "\n";
            for (const auto& f : report.findings)
                if (f.rule == r.id) msg += "  engine finding at \"" + f.pointer + "\": " + f.message + "\n";
            disagree(msg, r.text, json);
        }
    }
    if (!fuzz::json_lines(planrules::render_report_json(report, "diff.json"))) disagree("the report is not JSON", text, json);

    // Redaction: what a report for kommun or leverantor shows, in JSON and as text, holds no
    // sensitive value of the plan ('§' of the assessment, the activity type sius or its label).
    for (auto audience : {planrules::Audience::kommun, planrules::Audience::leverantor}) {
        planrules::ValidateOptions o = options;
        o.audience = audience;
        const auto other = compiled->validate(*loaded, o);
        std::string out = planrules::render_report_json(other, "diff.json") + planrules::render_report_text(other);
        for (auto& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        for (std::string_view leak : {"\xc2\xa7", "sius"})
            if (out.find(leak) != std::string::npos)
                disagree("a report for " + std::string(planrules::to_string(audience)) + " shows a sensitive value (" +
                             std::string(leak) + "):\n" + out, text, json);
    }

    // Acceptance against simdjson's validating parser: the plan with one byte changed, and the
    // fuzz bytes themselves, are refused as not JSON exactly when the reference says they are
    // not JSON; whatever is written about them is JSON.
    std::string mutated = json;
    static constexpr char replacements[] = "{}[],:\"\\-+.0eE tfn\x01\x80\xff";
    const std::size_t at = (bytes.pick(256) * 256u + bytes.pick(256)) % mutated.size();
    mutated[at] = replacements[bytes.pick(sizeof replacements - 1)];
    for (std::string_view input : {std::string_view(mutated), std::string_view(reinterpret_cast<const char*>(data), size)}) {
        auto loaded_input = compiled->load_json(input, "input.json");
        const bool not_json = !loaded_input && !loaded_input.error().empty() && loaded_input.error().front().code == "invalid-json";
        if (not_json == fuzz::is_json_reference(input))
            disagree(std::string(not_json ? "refused as not JSON, but it is JSON: " : "accepted, but it is not JSON: ") +
                         std::string(input), text, json);
        const std::string out = loaded_input ? planrules::render_report_json(compiled->validate(*loaded_input, options), "input.json")
                                             : planrules::render_load_error_json("", loaded_input.error(), "input.json");
        if (!fuzz::json_lines(out)) disagree("the output about the input is not JSON: " + out, text, json);
    }
    return 0;
}
