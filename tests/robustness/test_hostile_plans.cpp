// Plans that once crashed the loader or the validator (found by fuzz_validate), and other
// hostile plan input: each gives diagnostics or findings, never a crash.

#include "support.hpp"

using namespace planrules;

namespace {

const RuleSet& shipped() {
    static const RuleSet rs = [] {
        auto r = compile_directory(test::source_dir() + "/rules");
        if (!r) FAIL(render_text(r.error()));
        return std::move(*r);
    }();
    return rs;
}

Report validate(const Plan& plan) {
    ValidateOptions o;
    o.as_of = Date{2023, 6, 1};
    return shipped().validate(plan, o);
}

}  // namespace

TEST_CASE("hostile plans: empty and blank input is 'the plan is empty'", "[robustness][plans]") {
    for (std::string text : {"", "   ", "\n\t \r\n"}) {
        auto plan = shipped().load_json(text, "tom.json");
        REQUIRE_FALSE(plan);
        REQUIRE(plan.error().size() == 1);
        CHECK(plan.error()[0].code == "invalid-json");
        CHECK(plan.error()[0].message == "the plan is empty");
    }
}

TEST_CASE("hostile plans: an empty string as the first string of a plan", "[robustness][plans]") {
    // the file ends with text after the plan; before that is found, "id": "" is stored
    auto broken = shipped().load_json(test::read_file(test::source_dir() + "/fuzz/corpus/plans/regression-empty-string-first.json"));
    REQUIRE_FALSE(broken);
    CHECK(broken.error()[0].code == "invalid-json");
    auto plan = shipped().load_json(R"({"id": "", "version": 1, "status": "utkast", "typ": "ordinarie",
        "sokande": {"id": "", "kommun": "", "inskrivningsdatum": "2024-01-10"}})");
    REQUIRE(plan);
    CHECK(plan->id().empty());
    CHECK(plan->input_findings().empty());
    auto r = validate(*plan);
    CHECK(r.plan.empty());
    CHECK(r.findings.empty());
}

TEST_CASE("hostile plans: a plan without status makes `when` unknown: indeterminate findings without for-each pointers", "[robustness][plans]") {
    // the file misspells "status"; the for-each rule HP-6.3 stops at its `when`
    auto plan = shipped().load_json(test::read_file(test::source_dir() + "/fuzz/corpus/plans/regression-missing-status-when.json"));
    REQUIRE(plan);
    bool format = false;
    for (const auto& f : plan->input_findings()) format = format || f.pointer == "/status";
    CHECK(format);
    auto r = validate(*plan);
    bool hp63 = false;
    for (const auto& f : r.findings) {
        if (f.rule != "HP-6.3") continue;
        hp63 = true;
        CHECK(f.outcome == Outcome::indeterminate);
        CHECK(f.pointer == "/status");  // `at a.motivering` is unbound: the missing value
        CHECK(f.missing == std::vector<std::string>{"/status"});
    }
    CHECK(hp63);
}
