// Effective dating with the shipped rules: the förordning's wording before 2022-12-01
// (HP-OLD.*) and from 2022-12-01 (HP-6.*) decide a plan depending on the evaluation date.

#include "support.hpp"

#include <algorithm>

using namespace planrules;

namespace {

using planrules::test::shipped;

Report validate_as_of(const std::string& plan_file, Date as_of) {
    auto plan = shipped().load_json(test::read_file(test::source_dir() + "/examples/plans/" + plan_file), plan_file);
    REQUIRE(plan);
    ValidateOptions o;
    o.as_of = as_of;
    return shipped().validate(*plan, o);
}

bool has(const std::vector<std::string>& ids, std::string_view id) { return std::find(ids.begin(), ids.end(), id) != ids.end(); }

std::vector<std::string> finding_rules(const Report& r) {
    std::vector<std::string> out;
    for (const auto& f : r.findings) out.push_back(f.rule);
    return out;
}

}  // namespace

TEST_CASE("effective dating: as of 2022-06-01 a plan of 2022 is judged by the rules in force then", "[report][dating]") {
    auto r = validate_as_of("aldre-regler-komplett.json", Date{2022, 6, 1});
    for (const char* id : {"HP-OLD.1", "HP-OLD.2", "HP-OLD.3", "HP-OLD.4"}) {
        INFO(id);
        CHECK(has(r.passed, id));
    }
    for (const char* id : {"HP-6.1", "HP-6.2", "HP-6.3"}) {
        INFO(id);
        CHECK(has(r.not_in_force, id));
    }
    CHECK(r.findings.empty());
}

TEST_CASE("effective dating: as of 2023-06-01 the same plan is judged by the new rules", "[report][dating]") {
    auto r = validate_as_of("aldre-regler-komplett.json", Date{2023, 6, 1});
    for (const char* id : {"HP-OLD.1", "HP-OLD.2", "HP-OLD.3", "HP-OLD.4"}) {
        INFO(id);
        CHECK(has(r.not_in_force, id));
    }
    auto rules = finding_rules(r);
    CHECK(has(rules, "HP-6.1"));  // no assessment of support need: the old plan had none
    CHECK(has(rules, "HP-6.3"));  // the activities have no motivation
    CHECK(has(r.passed, "HP-6.2"));
    CHECK_FALSE(has(rules, "HP-OLD.1"));
}

TEST_CASE("effective dating: a plan written to the new rules fails the old ones in 2022", "[report][dating]") {
    auto before = validate_as_of("komplett.json", Date{2022, 6, 1});
    auto after = validate_as_of("komplett.json", Date{2024, 7, 15});
    CHECK(has(finding_rules(before), "HP-OLD.1"));  // no labour-market-policy assessment
    CHECK(before.has_errors());
    CHECK(after.findings.empty());
    CHECK(has(after.passed, "HP-6.1"));
}

TEST_CASE("effective dating: the switch is between 2022-11-30 and 2022-12-01", "[report][dating]") {
    auto last_old = validate_as_of("utan-stodbehov.json", Date{2022, 11, 30});
    auto first_new = validate_as_of("utan-stodbehov.json", Date{2022, 12, 1});
    CHECK(has(last_old.not_in_force, "HP-6.1"));
    CHECK_FALSE(has(last_old.not_in_force, "HP-OLD.1"));
    CHECK(has(first_new.not_in_force, "HP-OLD.1"));
    CHECK(has(finding_rules(first_new), "HP-6.1"));
    CHECK_FALSE(has(finding_rules(last_old), "HP-6.1"));
}
