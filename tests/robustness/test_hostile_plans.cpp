// Plans that once crashed the loader or the validator (found by fuzz_validate), and other
// hostile plan input: each gives diagnostics or findings, never a crash.

#include "support.hpp"

#include <algorithm>

using namespace planrules;

namespace {

using planrules::test::shipped;

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

TEST_CASE("hostile plans: a plan without status: an input finding, and the rules about established plans do not apply", "[robustness][plans]") {
    // the file misspells "status"; HP-6.3 (a for-each rule) once read out of bounds here
    auto plan = shipped().load_json(test::read_file(test::source_dir() + "/fuzz/corpus/plans/regression-missing-status-when.json"));
    REQUIRE(plan);
    bool format = false;
    for (const auto& f : plan->input_findings()) format = format || f.pointer == "/status";
    CHECK(format);
    auto r = validate(*plan);
    for (const auto& f : r.findings) CHECK(f.rule.rfind("HP-6", 0) != 0);
    CHECK(std::find(r.not_applicable.begin(), r.not_applicable.end(), "HP-6.3") != r.not_applicable.end());
}
