// Checker: aggregates (count, all, any, sum, min, max in all their forms) and exists.

#include "check/check_helpers.hpp"

using namespace planrules;
using namespace planrules::test;
using namespace planrules::test::check_tests;

TEST_CASE("aggregates: the reference examples check clean with their types", "[check][aggregates]") {
    auto c = check_body(
        "define antal_aktuella = count(a in plan.aktiviteter where a.status in [\"planerad\", \"pagaende\"])\n"
        "define alla_motiverade = all(a in plan.aktiviteter where not blank(a.motivering))\n"
        "define nagon_pagaende = any(a in plan.aktiviteter where a.status == \"pagaende\")\n"
        "define alla_daterade = all(present(a.start) for a in plan.aktiviteter where a.status == \"planerad\")\n"
        "define sokta = sum(r.sokta_arbeten for r in plan.aktivitetsrapporter where present(r.inlamnad))\n"
        "define senaste_rapport = max(r.inlamnad for r in plan.aktivitetsrapporter)\n"
        "define forsta_start = min(a.start for a in plan.aktiviteter)\n"
        "define senast = max(plan.senast_reviderad, plan.upprattad_datum, plan.sokande.inskrivningsdatum)\n"
        "define antal = count(plan.skyldigheter) + sum([1, 2, 3])\n");
    require_clean(c);
    CHECK(define_type(c, "antal_aktuella") == "int");
    CHECK(define_type(c, "alla_motiverade") == "bool");
    CHECK(define_type(c, "nagon_pagaende") == "bool");
    CHECK(define_type(c, "alla_daterade") == "bool");
    CHECK(define_type(c, "sokta") == "int");
    CHECK(define_type(c, "senaste_rapport") == "date");
    CHECK(define_type(c, "forsta_start") == "date");
    CHECK(define_type(c, "senast") == "date");
    CHECK(define_type(c, "antal") == "int");
}

TEST_CASE("aggregates: count forms", "[check][aggregates]") {
    CHECK(type_of("count(plan.aktiviteter)") == "int");
    CHECK(type_of("count(a in plan.aktiviteter)") == "int");
    CHECK(type_of("count(u in plan.uppfoljningar where u.datum > today)") == "int");
    CHECK(type_of("count([])") == "int");
}

TEST_CASE("aggregates: count with 'for' is aggregate-arguments", "[check][aggregates]") {
    auto d = expr_diagnostic("count(a.id for a in plan.aktiviteter)", "aggregate-arguments");
    CHECK(spelled(d) == "count(a.id for a in plan.aktiviteter)");
    CHECK(d.help.find("count(x in list where") != std::string::npos);
}

TEST_CASE("aggregates: several arguments only for min and max", "[check][aggregates]") {
    auto d1 = expr_diagnostic("sum(plan.version, 1)", "aggregate-arguments");
    CHECK(spelled(d1) == "sum(plan.version, 1)");
    auto d2 = expr_diagnostic("count(plan.aktiviteter, plan.uppfoljningar)", "aggregate-arguments");
    CHECK(spelled(d2) == "count(plan.aktiviteter, plan.uppfoljningar)");
    auto d3 = expr_diagnostic("all(true, false)", "aggregate-arguments");
    CHECK(spelled(d3) == "all(true, false)");
}

TEST_CASE("aggregates: the where of an aggregate must be a condition", "[check][aggregates]") {
    auto d = expr_diagnostic("count(a in plan.aktiviteter where a.motivering)", "not-a-condition");
    CHECK(spelled(d) == "a.motivering");
    CHECK(d.help.find("not blank(") != std::string::npos);
}

TEST_CASE("aggregates: an aggregate over something that is not a list is not-a-list", "[check][aggregates]") {
    auto d1 = expr_diagnostic("count(plan.id)", "not-a-list");
    CHECK(spelled(d1) == "plan.id");
    auto d2 = expr_diagnostic("any(a in plan.stodbehov where true)", "not-a-list");
    CHECK(spelled(d2) == "plan.stodbehov");
    auto d3 = expr_diagnostic("sum(x for x in plan.version)", "not-a-list");
    CHECK(spelled(d3) == "plan.version");
}

TEST_CASE("aggregates: all and any forms", "[check][aggregates]") {
    CHECK(type_of("all([true, plan.version > 1])") == "bool");
    CHECK(type_of("any(a in plan.aktiviteter where a.status == \"avbruten\")") == "bool");
    CHECK(type_of("any(present(u.form) for u in plan.uppfoljningar)") == "bool");
    CHECK(type_of("all(a.start <= a.slut for a in plan.aktiviteter where present(a.slut))") == "bool");
}

TEST_CASE("aggregates: all/any with a variable but no where is aggregate-needs-where", "[check][aggregates]") {
    auto d1 = expr_diagnostic("all(a in plan.aktiviteter)", "aggregate-needs-where");
    CHECK(spelled(d1) == "all(a in plan.aktiviteter)");
    CHECK(d1.help == "write all(x in list where condition)");
    auto d2 = expr_diagnostic("any(u in plan.uppfoljningar)", "aggregate-needs-where");
    CHECK(spelled(d2) == "any(u in plan.uppfoljningar)");
}

TEST_CASE("aggregates: all/any of values that are not conditions is not-a-condition", "[check][aggregates]") {
    auto d1 = expr_diagnostic("all(a.id for a in plan.aktiviteter)", "not-a-condition");
    CHECK(spelled(d1) == "a.id");
    auto d2 = expr_diagnostic("any(plan.aktiviteter)", "not-a-condition");
    CHECK(spelled(d2) == "plan.aktiviteter");
    CHECK(d2.help == "write any(x in list where condition)");
}

TEST_CASE("aggregates: sum forms and types", "[check][aggregates]") {
    CHECK(type_of("sum(r.sokta_arbeten for r in plan.aktivitetsrapporter)") == "int");
    CHECK(type_of("sum([1, 2.5])") == "decimal");
    CHECK(type_of("sum(r.sokta_arbeten * 2 for r in plan.aktivitetsrapporter where present(r.inlamnad))") == "int");
    CHECK(type_of("sum(plan.sokande.jobbchans.procent for a in plan.aktiviteter)") == "decimal");
}

TEST_CASE("aggregates: sum of durations is a duration", "[check][aggregates]") {
    CHECK(type_of("sum([1 day, 2 weeks])") == "duration");
    CHECK(type_of("today + sum([1 day, 2 weeks])") == "date");
}

TEST_CASE("aggregates: sum without a value is aggregate-needs-value", "[check][aggregates]") {
    auto d = expr_diagnostic("sum(r in plan.aktivitetsrapporter where present(r.inlamnad))", "aggregate-needs-value");
    CHECK(spelled(d) == "sum(r in plan.aktivitetsrapporter where present(r.inlamnad))");
    CHECK(d.help.find("for x in list") != std::string::npos);
}

TEST_CASE("aggregates: sum of strings or records is type-mismatch", "[check][aggregates]") {
    auto d1 = expr_diagnostic("sum(plan.skyldigheter)", "type-mismatch");
    CHECK(spelled(d1) == "sum(plan.skyldigheter)");
    auto d2 = expr_diagnostic("sum(a.id for a in plan.aktiviteter)", "type-mismatch");
    CHECK(spelled(d2) == "sum(a.id for a in plan.aktiviteter)");
}

TEST_CASE("aggregates: min and max forms", "[check][aggregates]") {
    CHECK(type_of("min(a.id for a in plan.aktiviteter)") == "string");
    CHECK(type_of("max(plan.skyldigheter)") == "string");
    CHECK(type_of("max([1, 2.5])") == "decimal");
    CHECK(type_of("max(1, 2.5)") == "decimal");
    CHECK(type_of("min(plan.version, 3)") == "int");
    CHECK(type_of("max(u.datum for u in plan.uppfoljningar where present(u.form))") == "date");
    CHECK(type_of("min(r.sokta_arbeten for r in plan.aktivitetsrapporter) + 1") == "int");
}

TEST_CASE("aggregates: min/max of values that have no order is type-mismatch", "[check][aggregates]") {
    auto d1 = expr_diagnostic("max(1, \"a\")", "type-mismatch");
    CHECK(spelled(d1) == "\"a\"");
    // one per argument that has no order
    auto c = check_body("define probe = min(true, false)\n");
    auto ds = all_with(c, "type-mismatch");
    INFO(describe(c.diagnostics));
    REQUIRE(ds.size() == 2);
    REQUIRE(main_diagnostics(c.diagnostics).size() == 2);
    CHECK(spelled(ds[0]) == "true");
    CHECK(spelled(ds[1]) == "false");
}

TEST_CASE("aggregates: min of records is type-mismatch over the aggregate", "[check][aggregates]") {
    auto d = expr_diagnostic("min(a in plan.aktiviteter)", "type-mismatch");
    CHECK(spelled(d) == "min(a in plan.aktiviteter)");
    auto d2 = expr_diagnostic("max(u.form for u in plan.uppfoljningar)", "type-mismatch");
    CHECK(spelled(d2) == "max(u.form for u in plan.uppfoljningar)");
}

TEST_CASE("aggregates: the variable is in scope in the value and where, not after", "[check][aggregates]") {
    CHECK(type_of("count(a in plan.aktiviteter where a.status == \"planerad\") > 0") == "bool");
    const std::string text = "define f = count(a in plan.aktiviteter) + length(a.id)\n";
    auto d = only(check_body(text), "unknown-name");
    CHECK(spelled(d) == "a");
    CHECK(d.span.begin == (std::string(header) + text).find("a.id"));
}

TEST_CASE("aggregates: an aggregate variable named like the root is shadows-root", "[check][aggregates]") {
    auto d = expr_diagnostic("count(plan in plan.aktiviteter)", "shadows-root");
    CHECK(spelled(d) == "plan");
}

TEST_CASE("aggregates: exists forms are conditions", "[check][aggregates]") {
    CHECK(type_of("exists a in plan.aktiviteter") == "bool");
    CHECK(type_of("exists a in plan.aktiviteter where a.status == \"pagaende\"") == "bool");
    CHECK(type_of("(exists u in plan.uppfoljningar) and plan.status == \"upprattad\"") == "bool");
    require_clean(check_body(require_rule("exists a in plan.aktiviteter where present(a.start)")));
}

TEST_CASE("aggregates: exists over a non-list and with a non-bool where", "[check][aggregates]") {
    auto d1 = expr_diagnostic("exists a in plan.stodbehov", "not-a-list");
    CHECK(spelled(d1) == "plan.stodbehov");
    CHECK(d1.message.find("'exists'") != std::string::npos);
    auto d2 = expr_diagnostic("exists a in plan.aktiviteter where a.id", "not-a-condition");
    CHECK(spelled(d2) == "a.id");
}

TEST_CASE("aggregates: exists without parentheses swallows the 'and'", "[check][aggregates]") {
    // the list becomes `plan.uppfoljningar and plan.status == "upprattad"`
    auto d = first_with(check_body("define f = exists u in plan.uppfoljningar and plan.status == \"upprattad\"\n"),
                        "type-mismatch");
    CHECK(spelled(d) == "plan.uppfoljningar");
}

TEST_CASE("aggregates: nested aggregates see the outer variable", "[check][aggregates]") {
    CHECK(type_of("all(a in plan.aktiviteter where any(u in plan.uppfoljningar where u.datum >= a.start))") ==
          "bool");
    auto d = expr_diagnostic("all(a in plan.aktiviteter where any(a in plan.uppfoljningar where true))",
                             "shadows-variable");
    CHECK(spelled(d) == "a");
}
