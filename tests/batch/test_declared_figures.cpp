// Key figures and grouping come from the rules (`figure`, `group by`): with a schema and rules of
// another organisation, batch counts what they declare, by the rule outcomes and conditions they
// name, and withholds what reads sensitive data from other audiences.

#include "support.hpp"

#include <planrules/batch.hpp>

#include <cstdio>
#include <map>

using namespace planrules;

namespace {

constexpr std::string_view schema = R"(root plan: P
type P {
  id: string,
  region: string?,
  since: date?,
  kind: string?,
  secret: string? sensitive,
  hidden_region: string? sensitive value
}
)";

constexpr std::string_view rules_text = R"(ruleset other.rules "Other"

rule X-1 "Has a kind"
  severity error
  source "s"
  when present(plan.since)
  require present(plan.kind)
  message "m"

rule X-SECRET "Reads a secret"
  severity error
  source "s"
  require present(plan.secret)
  message "m"

define old = plan.since + 30 days <= today

group by plan.region

figure with_kind "Plans with a kind"
  from X-1
  denominator evaluated
  numerator passed

figure old_of_kind_a "Old plans among those of kind a"
  label "old/a"
  denominator plan.kind == "a"
  numerator old

figure secret_passed "Plans whose secret is there"
  from X-SECRET
  denominator true
  numerator passed

figure secret_read "Plans with the secret a"
  denominator true
  numerator plan.secret == "a"
)";

RuleSet compile_rules() {
    auto rs = to_expected(compile_sources({test::source(schema, "other.schema"), test::source(rules_text, "other.rules")}));
    if (!rs) FAIL(render_text(rs.error()));
    return std::move(*rs);
}

BatchSummary run(const RuleSet& rules, std::string_view text, const BatchOptions& o) {
    std::FILE* f = std::tmpfile();
    REQUIRE(f);
    std::fwrite(text.data(), 1, text.size(), f);
    std::rewind(f);
    auto s = run_batch(rules, f, o);
    std::fclose(f);
    if (!s) FAIL(s.error());
    return std::move(*s);
}

using Pair = std::pair<std::uint64_t, std::uint64_t>;

std::map<std::string, Pair> by_id(const std::vector<KeyFigure>& figures) {
    std::map<std::string, Pair> out;
    for (const auto& k : figures) out[k.id] = {k.numerator, k.denominator};
    return out;
}

const char* const population =
    R"({"id": "1", "region": "north", "since": "2024-01-01", "kind": "a"})" "\n"   // evaluated, passed; old a
    R"({"id": "2", "region": "north", "since": "2024-06-20", "kind": "a"})" "\n"   // passed; a, not old
    R"({"id": "3", "region": "south", "since": "2024-01-01"})" "\n"                // evaluated, violated
    R"({"id": "4", "region": "south", "kind": "a"})" "\n"                          // X-1 not applicable; a, old unknown
    R"({"id": "5", "kind": "b", "secret": "a"})" "\n";                             // no region; X-1 n/a

}  // namespace

TEST_CASE("declared figures: batch counts what the rules declare", "[batch][figures]") {
    auto rules = compile_rules();
    BatchOptions o;
    o.validate.as_of = Date{2024, 7, 1};
    o.threads = 2;
    auto s = run(rules, population, o);
    REQUIRE(s.figures.size() == 4);
    // in declaration order, with their titles, labels and rules
    CHECK(s.figures[0].id == "with_kind");
    CHECK(s.figures[0].title == "Plans with a kind");
    CHECK(s.figures[0].label == "X-1");  // the rule id when no label is given
    CHECK(s.figures[0].rule == "X-1");
    CHECK(s.figures[1].label == "old/a");
    CHECK(s.figures[1].rule.empty());
    auto f = by_id(s.figures);
    CHECK(f["with_kind"] == Pair{2, 3});        // plans 1, 2, 3 evaluated; 1 and 2 passed
    CHECK(f["old_of_kind_a"] == Pair{1, 3});    // kind a: 1, 2, 4; old: 1 (4 has no date: not counted)
    CHECK(f["secret_passed"] == Pair{1, 5});
    CHECK(f["secret_read"] == Pair{1, 5});

    // grouped by the declared field, plans without it in the group ""
    CHECK(s.group_by == "region");
    REQUIRE(s.groups.size() == 3);
    CHECK(s.groups[0].value.empty());
    CHECK(s.groups[1].value == "north");
    CHECK(by_id(s.groups[1].figures)["with_kind"] == Pair{2, 2});
    CHECK(by_id(s.groups[2].figures)["with_kind"] == Pair{0, 1});
}

TEST_CASE("declared figures: the run may group by another field or not at all", "[batch][figures]") {
    auto rules = compile_rules();
    BatchOptions o;
    o.validate.as_of = Date{2024, 7, 1};
    o.group_by = "kind";
    auto s = run(rules, population, o);
    CHECK(s.group_by == "kind");
    CHECK(s.groups.size() == 3);  // a, b and none
    o.group_by = "";
    s = run(rules, population, o);
    CHECK(s.group_by.empty());
    CHECK(s.groups.empty());
    CHECK(by_id(s.figures)["with_kind"] == Pair{2, 3});
}

TEST_CASE("declared figures: figures and groups that read sensitive data are for Arbetsförmedlingen only",
          "[batch][figures][audience]") {
    auto rules = compile_rules();
    BatchOptions o;
    o.validate.as_of = Date{2024, 7, 1};
    o.validate.audience = Audience::kommun;
    auto s = run(rules, population, o);
    auto f = by_id(s.figures);
    CHECK(f.size() == 2);
    CHECK(f.count("secret_passed") == 0);  // its rule reads a sensitive field
    CHECK(f.count("secret_read") == 0);    // it reads one itself
    CHECK(f["with_kind"] == Pair{2, 3});
    for (const auto& g : s.groups) CHECK(g.figures.size() == 2);

    // a field whose values are for Arbetsförmedlingen only groups no summary for others
    for (const char* field : {"secret", "hidden_region"}) {
        o.group_by = field;
        std::FILE* in = std::tmpfile();
        REQUIRE(in);
        auto r = run_batch(rules, in, o);
        std::fclose(in);
        REQUIRE_FALSE(r);
        CHECK_THAT(r.error(), Catch::Contains("sensitive"));
        o.validate.audience = Audience::af;
        std::FILE* again = std::tmpfile();
        REQUIRE(again);
        CHECK(run_batch(rules, again, o).has_value());
        std::fclose(again);
        o.validate.audience = Audience::kommun;
    }
}

TEST_CASE("declared figures: without declarations there are no figures and no groups", "[batch][figures]") {
    auto rs = to_expected(compile_sources(
        {test::source(schema, "other.schema"),
         test::source("ruleset r \"R\"\nrule X-1 \"t\"\n  severity error\n  source \"s\"\n  require true\n  message \"m\"\n")}));
    REQUIRE(rs);
    auto s = run(*rs, population, BatchOptions{});
    CHECK(s.figures.empty());
    CHECK(s.groups.empty());
    CHECK(s.group_by.empty());
    CHECK(s.plans == 5);
}
