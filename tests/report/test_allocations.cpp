// The hot path: validating rules that pass allocates nothing per rule. Counts the global
// operator new calls of this thread around RuleSet::validate. Sanitizers replace operator
// new themselves, so under them this file is empty (the default build runs it).

#include "support.hpp"

#include <cstdlib>
#include <new>

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define PLANRULES_COUNT_ALLOCATIONS 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define PLANRULES_COUNT_ALLOCATIONS 0
#endif
#endif
#ifndef PLANRULES_COUNT_ALLOCATIONS
#define PLANRULES_COUNT_ALLOCATIONS 1
#endif

#if PLANRULES_COUNT_ALLOCATIONS

namespace {
thread_local std::size_t allocations = 0;
}

void* operator new(std::size_t n) {
    ++allocations;
    if (void* p = std::malloc(n ? n : 1)) return p;
    throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

using namespace planrules;

namespace {

// `n` passing rules of the kinds the shipped rules use: a define in `when`, `for each` with a
// `where`, `blank`, `exists … where`, date arithmetic, an enum compared with a string.
std::string passing_rules(int n) {
    std::string text = "ruleset t \"T\"\n"
                       "define upprattad = plan.status == \"upprattad\"\n"
                       "define aktuell(a: Aktivitet) = a.status in [\"planerad\", \"pagaende\"]\n";
    for (int i = 0; i < n; ++i) {
        std::string id = "R-" + std::to_string(i);
        switch (i % 4) {
            case 0: text += "rule " + id + " \"a\"\n  severity error\n  source \"s\"\n  when upprattad\n  require not blank(plan.stodbehov.bedomning)\n  message \"m\"\n"; break;
            case 1: text += "rule " + id + " \"b\"\n  severity error\n  source \"s\"\n  for each a in plan.aktiviteter where aktuell(a)\n  require not blank(a.motivering)\n  message \"m {a.id}\"\n"; break;
            case 2: text += "rule " + id + " \"c\"\n  severity error\n  source \"s\"\n  require exists a in plan.aktiviteter where aktuell(a)\n  message \"m\"\n"; break;
            default: text += "rule " + id + " \"d\"\n  severity error\n  source \"s\"\n  require plan.sokande.inskrivningsdatum + 6 months > 2024-01-01\n  message \"m\"\n"; break;
        }
    }
    return text;
}

std::size_t allocations_of_validate(int rules) {
    auto rs = to_expected(test::compile_with_schema(passing_rules(rules)));
    if (!rs) FAIL(render_text(rs.error()));
    auto plan = rs->load_json(test::read_file(test::source_dir() + "/examples/plans/komplett.json"));
    REQUIRE(plan);
    ValidateOptions o;
    o.as_of = Date{2024, 3, 1};
    Report warm = rs->validate(*plan, o);
    REQUIRE(warm.findings.empty());
    REQUIRE(warm.passed.size() == static_cast<std::size_t>(rules));
    std::size_t before = allocations;
    Report r = rs->validate(*plan, o);
    std::size_t used = allocations - before;
    CHECK(r.passed.size() == static_cast<std::size_t>(rules));
    return used;
}

}  // namespace

TEST_CASE("hot path: validating into a reused report allocates nothing when the rules pass", "[report][allocations]") {
    auto rs = to_expected(test::compile_with_schema(passing_rules(24)));
    REQUIRE(rs);
    auto plan = rs->load_json(test::read_file(test::source_dir() + "/examples/plans/komplett.json"));
    REQUIRE(plan);
    ValidateOptions o;
    o.as_of = Date{2024, 3, 1};
    Report r;
    rs->validate(*plan, o, r);  // the report's lists and the thread's working storage grow once
    REQUIRE(r.passed.size() == 24);
    std::size_t before = allocations;
    for (int i = 0; i < 10; ++i) rs->validate(*plan, o, r);
    CHECK(allocations - before == 0);
    CHECK(r.passed.size() == 24);
}

TEST_CASE("hot path: a rule set with applies when, validated into a reused report, allocates nothing either",
          "[report][allocations]") {
    // the overrides are then worked out per plan (they depend on which rule sets apply)
    std::string text = passing_rules(8);
    text.insert(text.find('\n') + 1, "  applies when plan.sokande.kommun == \"0180\"\n");
    auto rs = to_expected(test::compile_with_schema(text));
    if (!rs) FAIL(render_text(rs.error()) << "\n" << text);
    auto plan = rs->load_json(test::read_file(test::source_dir() + "/examples/plans/komplett.json"));
    REQUIRE(plan);
    ValidateOptions o;
    o.as_of = Date{2024, 3, 1};
    Report r;
    rs->validate(*plan, o, r);
    REQUIRE(r.passed.size() == 8);
    std::size_t before = allocations;
    for (int i = 0; i < 10; ++i) rs->validate(*plan, o, r);
    CHECK(allocations - before == 0);
    CHECK(r.passed.size() == 8);
}

TEST_CASE("hot path: the allocations of validate do not grow with the number of passing rules", "[report][allocations]") {
    std::size_t few = allocations_of_validate(8);
    std::size_t many = allocations_of_validate(64);
    INFO("8 rules: " << few << " allocations, 64 rules: " << many);
    CHECK(many == few);
    CHECK(few < 16);  // the report's lists and the evaluator's stack, not one per rule
}

#endif  // PLANRULES_COUNT_ALLOCATIONS
