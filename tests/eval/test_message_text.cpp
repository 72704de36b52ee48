// text(x) and what a message shows of a value that may be missing: {X or "text"}, and the
// readable placeholder in place of a bare sign (language.md, "Messages").

#include "eval/probe.hpp"

#include "check/check_helpers.hpp"

using namespace planrules;
using planrules::test::plan_json;
using planrules::test::Probe;

namespace {

// The message of T-2 over `plan`, in `language`.
std::string message_of(std::string_view message, const std::string& plan, Language language = Language::en) {
    Probe probe;
    ValidateOptions options;
    options.language = language;
    auto report = probe.run(Probe::rule("T-2", "false", message), plan, options);
    for (const auto& f : report.findings)
        if (f.rule == "T-2") return f.message;
    FAIL("no finding of T-2");
    return {};
}

const std::string with_dates = plan_json(R"(, "fodelsedatum": "1990-05-17")", R"(, "upprattad_datum": "2024-02-01")");

}  // namespace

TEST_CASE("text(x): every kind of value as a message shows it", "[eval][builtins][text]") {
    Probe probe;
    CHECK(probe.value("text(plan.upprattad_datum)", with_dates) == "2024-02-01");
    CHECK(probe.value("text(plan.version)") == "3");
    CHECK(probe.value("text(2.5)") == "2,5");  // a decimal comma: messages are Swedish text
    CHECK(probe.value("text(plan.status)") == "upprattad");  // an enum value by its code
    CHECK(probe.value("text(plan.id)") == "P-1");
    CHECK(probe.value("text(true)") == "true");
    CHECK(probe.value("text(6 months)") == "6 months");
    CHECK(probe.value("text(plan.senast_reviderad)") == "unknown");  // missing stays missing
    // a string where the branches of `if` must have one type
    CHECK(probe.value("if present(plan.upprattad_datum) then text(plan.upprattad_datum) else \"saknas\"", with_dates) ==
          "2024-02-01");
    CHECK(probe.value("if present(plan.senast_reviderad) then text(plan.senast_reviderad) else \"saknas\"") == "saknas");
    CHECK(probe.truth("text(plan.upprattad_datum) == \"2024-02-01\"", with_dates) == "true");
}

TEST_CASE("text(x): the checker takes one value, not a record or a list", "[check][builtins][text]") {
    using planrules::test::check_tests::only;
    using planrules::test::check_tests::check_body;
    using planrules::test::check_tests::require_rule;
    CHECK(planrules::test::check_tests::type_of("text(plan.upprattad_datum)") == "string");
    const auto list = only(check_body(require_rule("text(plan.aktiviteter) == \"x\"")), "unprintable");
    CHECK(list.message == "text(…) shows one value, not a list (list<Aktivitet>)");
    only(check_body(require_rule("text(plan.sokande) == \"x\"")), "unprintable");
    only(check_body(require_rule("text() == \"x\"")), "wrong-argument-count");
}

TEST_CASE("messages: {X or \"text\"} shows the text when X is missing", "[eval][messages]") {
    CHECK(message_of("slutar {plan.upprattad_datum or \"saknas\"}", with_dates) == "slutar 2024-02-01");
    CHECK(message_of("slutar {plan.senast_reviderad or \"saknas\"}", plan_json()) == "slutar saknas");
    // a default of the value's own type
    CHECK(message_of("version {plan.sokande.omradestyp or 0}", plan_json()) == "version 0");
    // between two conditions `or` is the operator
    CHECK(message_of("{plan.version > 1 or plan.version < 0}", plan_json()) == "true");
    // a missing condition in an `or` of conditions is not a default: (missing)
    CHECK(message_of("{plan.sokande.ekonomiskt_bistand or false}", plan_json()) == "(missing)");
}

TEST_CASE("messages: a missing value without a default is shown readably, in the report's language", "[eval][messages]") {
    CHECK(message_of("slutar {plan.senast_reviderad}", plan_json()) == "slutar (missing)");
    CHECK(message_of("slutar {plan.senast_reviderad}", plan_json(), Language::sv) == "slutar (uppgift saknas)");
    CHECK(message_of("kvot {plan.version / 0}", plan_json()) == "kvot (missing)");  // an error, not a sign
    CHECK(message_of("decimal {2.5 + 1}", plan_json()) == "decimal 3,5");
}

TEST_CASE("messages: the checker checks what follows 'or'", "[check][messages]") {
    using planrules::test::check_tests::check_body;
    using planrules::test::check_tests::only;
    using planrules::test::check_tests::rule;
    const auto d = only(check_body(rule("T-1", "  message \"{plan.upprattad_datum or 30}\"")), "type-mismatch");
    CHECK(d.message == "what 'or' shows when plan.upprattad_datum is missing must be a text or a date, but this is a whole number (int)");
    CHECK(d.help == "write the text in quotes, e.g. {plan.upprattad_datum or \"saknas\"}");
    planrules::test::check_tests::require_clean(check_body(rule("T-1", "  message \"{plan.upprattad_datum or \"saknas\"}\"")));
    planrules::test::check_tests::require_clean(check_body(rule("T-1", "  message \"{plan.upprattad_datum or plan.senast_reviderad}\"")));
    // a condition or something else: the operator's error
    only(check_body(rule("T-1", "  message \"{plan.version > 1 or \"x\"}\"")), "type-mismatch");
    // what is shown may still not be a record
    only(check_body(rule("T-1", "  message \"{plan.stodbehov or \"saknas\"}\"")), "unprintable");
}
