// How a rule becomes findings: for each (nested, with where) gives one finding per offending
// element with its own pointer; at, due, in force, defines with parameters, messages and
// evidence.

#include "eval/probe.hpp"

using namespace planrules;
using planrules::test::plan_json;
using planrules::test::Probe;

namespace {

const std::string nested_plan = plan_json("", R"(,
  "aktiviteter": [
    {"id": "A1", "typ": "kurs", "status": "pagaende", "start": "2024-02-01"},
    {"id": "A2", "typ": "kurs", "status": "avslutad", "start": "2024-01-01"},
    {"id": "A3", "typ": "kurs", "status": "pagaende", "start": "2024-04-01"}],
  "uppfoljningar": [
    {"datum": "2024-03-01", "form": "video"},
    {"datum": "2024-05-01"},
    {"datum": "2024-06-01", "form": null}]
)");

std::vector<std::string> pointers(const Report& r) {
    std::vector<std::string> out;
    for (const auto& f : r.findings) out.push_back(f.pointer);
    return out;
}

std::vector<std::string> messages(const Report& r) {
    std::vector<std::string> out;
    for (const auto& f : r.findings) out.push_back(f.message);
    return out;
}

}  // namespace

TEST_CASE("eval rules: nested for each gives one finding per offending combination, each with its pointer",
          "[eval][for-each]") {
    Probe probe;
    auto r = probe.run(R"(rule T-1 "t"
  severity info
  source "s"
  for each a in plan.aktiviteter where a.status == "pagaende"
  for each u in plan.uppfoljningar where u.datum >= a.start
  require present(u.form)
  at u.form
  message "{a.id} {u.datum}"
)",
                       nested_plan);
    // A1 (start 02-01) meets all three follow-ups, A3 (04-01) the last two; two lack a form
    CHECK(pointers(r) == std::vector<std::string>{"/uppfoljningar/1/form", "/uppfoljningar/2/form",
                                                  "/uppfoljningar/1/form", "/uppfoljningar/2/form"});
    CHECK(messages(r) == std::vector<std::string>{"A1 2024-05-01", "A1 2024-06-01", "A3 2024-05-01", "A3 2024-06-01"});
    // without `at`: the innermost element
    r = probe.run(R"(rule T-1 "t"
  severity info
  source "s"
  for each a in plan.aktiviteter where a.status == "pagaende"
  for each u in plan.uppfoljningar where u.datum >= a.start
  require present(u.form)
  message "m"
)",
                  nested_plan);
    CHECK(pointers(r) == std::vector<std::string>{"/uppfoljningar/1", "/uppfoljningar/2", "/uppfoljningar/1",
                                                  "/uppfoljningar/2"});
    // `at` an outer variable
    r = probe.run(R"(rule T-1 "t"
  severity info
  source "s"
  for each a in plan.aktiviteter
  for each u in plan.uppfoljningar
  require u.datum > a.start + 2 months
  at a.start
  message "m"
)",
                  nested_plan);
    CHECK(pointers(r) == std::vector<std::string>{"/aktiviteter/0/start", "/aktiviteter/1/start",
                                                  "/aktiviteter/2/start", "/aktiviteter/2/start",
                                                  "/aktiviteter/2/start"});
}

TEST_CASE("eval rules: for each over a list in a record, and a second level inside the element", "[eval][for-each]") {
    Probe probe;
    auto r = probe.run(R"(rule T-1 "t"
  severity error
  source "s"
  for each a in plan.aktiviteter
  require has_format(a.anordnare.org_nr, "999999-9999")
  if missing pass
  at a.anordnare.org_nr
  message "{a.id}"
)",
                       plan_json("", R"(, "aktiviteter": [
    {"id": "A1", "typ": "kurs", "status": "planerad", "anordnare": {"typ": "leverantor", "org_nr": "1"}},
    {"id": "A2", "typ": "kurs", "status": "planerad"},
    {"id": "A3", "typ": "kurs", "status": "planerad", "anordnare": {"typ": "leverantor", "org_nr": "556677-8899"}},
    {"id": "A4", "typ": "kurs", "status": "planerad", "anordnare": {"typ": "leverantor", "org_nr": "x"}}])"));
    CHECK(pointers(r) == std::vector<std::string>{"/aktiviteter/0/anordnare/org_nr", "/aktiviteter/3/anordnare/org_nr"});
    CHECK(Probe::outcome(r, "T-1") == "false");
}

TEST_CASE("eval rules: for each with no selected element is not applicable; an unknown where skips the element",
          "[eval][for-each]") {
    Probe probe;
    const std::string rule = R"(rule T-1 "t"
  severity error
  source "s"
  for each u in plan.uppfoljningar where u.form == "video"
  require false
  message "{u.datum}"
)";
    CHECK(Probe::outcome(probe.run(rule, plan_json()), "T-1") == "not applicable");
    auto r = probe.run(rule, nested_plan);  // only the first has form video; the others' form is missing
    CHECK(messages(r) == std::vector<std::string>{"2024-03-01"});
    CHECK(pointers(r) == std::vector<std::string>{"/uppfoljningar/0"});
}

TEST_CASE("eval rules: for each over a collection that is an evaluation error is one indeterminate finding",
          "[eval][for-each][errors]") {
    Probe probe;
    auto r = probe.run(R"(define lista = if plan.version / 0 == 1 then plan.aktiviteter else plan.aktiviteter
rule T-1 "t"
  severity error
  source "s"
  for each a in lista
  require present(a.start)
  message "m"
)",
                       nested_plan);
    REQUIRE(r.findings.size() == 1);
    CHECK(r.findings[0].outcome == Outcome::indeterminate);
    CHECK_THAT(r.findings[0].message, Catch::StartsWith("The rule could not be assessed: division by zero"));
    CHECK(r.not_applicable.empty());
}

TEST_CASE("eval rules: an indeterminate element points at the element and names its missing field",
          "[eval][for-each]") {
    Probe probe;
    auto r = probe.run(R"(rule T-1 "t"
  severity error
  source "s"
  for each u in plan.uppfoljningar
  require u.form != "telefon"
  message "m"
)",
                       nested_plan);
    REQUIRE(r.findings.size() == 2);
    for (const auto& f : r.findings) CHECK(f.outcome == Outcome::indeterminate);
    CHECK(r.findings[0].missing == std::vector<std::string>{"/uppfoljningar/1/form"});
    CHECK(r.findings[1].missing == std::vector<std::string>{"/uppfoljningar/2/form"});
    // without `at`, a finding points at the innermost element (language.md, "at")
    CHECK(pointers(r) == std::vector<std::string>{"/uppfoljningar/1", "/uppfoljningar/2"});
}

TEST_CASE("eval rules: due puts the deadline on the finding", "[eval][due]") {
    Probe probe;
    const std::string rule = R"(rule T-30D "t"
  severity warning
  source "s"
  when plan.status == "utkast"
  require today <= plan.sokande.inskrivningsdatum + 30 days
  due plan.sokande.inskrivningsdatum + 30 days
  at plan.status
  message "senast {plan.sokande.inskrivningsdatum + 30 days}"
)";
    std::string draft = plan_json();
    draft.replace(draft.find("upprattad"), 9, "utkast");
    auto r = probe.run(rule, draft);  // registered 2024-01-15, today 2024-07-15
    REQUIRE(r.findings.size() == 1);
    REQUIRE(r.findings[0].due.has_value());
    CHECK(to_string(*r.findings[0].due) == "2024-02-14");
    CHECK(r.findings[0].message == "senast 2024-02-14");
    CHECK(r.findings[0].pointer == "/status");
    CHECK(r.findings[0].severity == Severity::warning);
    // within the deadline: passed
    Probe early;
    early.as_of = {2024, 2, 14};
    CHECK(Probe::outcome(early.run(rule, draft), "T-30D") == "true");
    early.as_of = {2024, 2, 15};
    CHECK(Probe::outcome(early.run(rule, draft), "T-30D") == "false");
}

TEST_CASE("eval rules: in force from and until are inclusive", "[eval][in-force]") {
    const std::string rules = R"(rule T-OLD "t"
  severity error
  in force until 2022-11-30
  source "s"
  require false
  message "m"
rule T-NEW "t"
  severity error
  in force from 2022-12-01 until 2023-12-31
  source "s"
  require false
  message "m"
)";
    auto in_force = [&](Date d) {
        Probe p;
        p.as_of = d;
        auto r = p.run(rules, plan_json());
        std::string s;
        for (const auto& f : r.findings) s += f.rule + " ";
        s += "/ ";
        for (const auto& id : r.not_in_force) s += id + " ";
        return s;
    };
    CHECK(in_force({2022, 11, 30}) == "T-OLD / T-NEW ");
    CHECK(in_force({2022, 12, 1}) == "T-NEW / T-OLD ");
    CHECK(in_force({2023, 12, 31}) == "T-NEW / T-OLD ");
    CHECK(in_force({2024, 1, 1}) == "/ T-OLD T-NEW ");
    CHECK(in_force({1900, 1, 1}) == "T-OLD / T-NEW ");
}

TEST_CASE("eval rules: defines with parameters, shared defines and today", "[eval][defines]") {
    Probe probe;
    probe.defines = R"(define aktuell(a: Aktivitet) = a.status in ["planerad", "pagaende"]
define efter(a: Aktivitet, d: date) = a.start > d
define antal_aktuella = count(a in plan.aktiviteter where aktuell(a))
define gransen = today - 5 months
)";
    CHECK(probe.value("antal_aktuella", nested_plan) == "2");
    CHECK(probe.value("antal_aktuella + antal_aktuella", nested_plan) == "4");
    CHECK(probe.value("count(a in plan.aktiviteter where aktuell(a) and efter(a, gransen))", nested_plan) == "1");
    CHECK(probe.value("gransen") == "2024-02-15");
    // a define's parameter shadows nothing of the caller: nested calls bind their own frames
    probe.defines += "define senare(x: date, y: date) = if x > y then x else y\n";
    CHECK(probe.value("senare(senare(2024-01-01, 2024-03-01), senare(2024-02-01, 2023-01-01))") == "2024-03-01");
}

TEST_CASE("eval rules: a define without parameters, its value reused across rules, has its errors reported by every rule",
          "[eval][defines]") {
    Probe probe;
    // version is 3 in the probe plan: `noll` divides by zero; `tyst` meets the error but is
    // false whatever it is (and), so the rules' own missing value is what they stop at
    probe.defines = R"(define noll = 10 / (plan.version - 3)
define tyst = (10 / (plan.version - 3) > 0) and false
define gransen = plan.sokande.inskrivningsdatum + 30 days
)";
    std::string rules = Probe::rule("T-1", "noll > 0", "m") + Probe::rule("T-2", "noll > 0 or true", "m") +
                        Probe::rule("T-3", "noll > 0", "m") + Probe::rule("T-4", "tyst or plan.planerad_uppfoljning.datum > today", "m") +
                        Probe::rule("T-5", "tyst or plan.planerad_uppfoljning.datum > today", "m") +
                        Probe::rule("T-6", "gransen == 2024-02-14", "m") + Probe::rule("T-7", "gransen < 2024-02-14", "m");
    auto r = probe.run(rules, plan_json());
    CHECK(Probe::outcome(r, "T-1") == "error: division by zero");
    CHECK(Probe::outcome(r, "T-2") == "true");
    CHECK(Probe::outcome(r, "T-3") == "error: division by zero");  // not forgotten after the first rule
    CHECK(Probe::outcome(r, "T-4") == Probe::outcome(r, "T-5"));
    CHECK(Probe::outcome(r, "T-6") == "true");
    CHECK(Probe::outcome(r, "T-7") == "false");  // the same value, read a second time
    std::string m4, m5;
    for (const auto& f : r.findings) {
        if (f.rule == "T-4") m4 = f.message;
        if (f.rule == "T-5") m5 = f.message;
    }
    CHECK(!m4.empty());
    CHECK(m4 == m5);
}

TEST_CASE("eval rules: evidence lists the values the rule read, by pointer; missing values are named", "[eval][evidence]") {
    Probe probe;
    auto r = probe.run(R"(rule T-1 "t"
  severity error
  source "s"
  for each a in plan.aktiviteter where a.status == "pagaende"
  require a.start > plan.sokande.inskrivningsdatum + 1 month
  message "m"
)",
                       nested_plan);
    REQUIRE(r.findings.size() == 1);  // A1 starts 2024-02-01, before 2024-02-15
    const auto& f = r.findings[0];
    CHECK(f.pointer == "/aktiviteter/0");
    std::vector<std::string> read;
    for (const auto& e : f.evidence) read.push_back(e.pointer + "=" + e.value);
    CHECK(read == std::vector<std::string>{"/aktiviteter/0/status=\"pagaende\"", "/aktiviteter/0/start=\"2024-02-01\"",
                                           "/sokande/inskrivningsdatum=\"2024-01-15\""});
    // no evidence values when the host says so
    ValidateOptions o;
    o.evidence = false;
    r = probe.run(R"(rule T-1 "t"
  severity error
  source "s"
  require plan.version > 5
  message "m"
)",
                  plan_json(), o);
    REQUIRE(r.findings.size() == 1);
    CHECK(r.findings[0].evidence.empty());
}
