// Checker: code lists (`codes NAME { … }`, `string of NAME`), `sensitive value`, label(), and
// the warnings that keep a rule honest about codes: a literal that is no code of the field, and
// a message that shows a field able to hold a sensitive code.

#include "check/check_helpers.hpp"

using namespace planrules;
using namespace planrules::test;
using namespace planrules::test::check_tests;

namespace {

// A schema of its own (not the shipped one), compiled alone.
Compilation schema_only(std::string_view text) { return compile_sources({source(text, "s.schema")}); }

}  // namespace

TEST_CASE("code lists: a comparison with a code the list does not know is a warning with a suggestion",
          "[check][codes]") {
    auto d = only(check_body(rule("T-1", "  for each a in plan.aktiviteter where a.typ == \"rusta_och_macha\"")),
                  "unknown-code");
    CHECK(d.severity == DiagnosticSeverity::warning);
    CHECK(spelled(d) == "\"rusta_och_macha\"");
    CHECK(d.message.find("Aktivitetstyp") != std::string::npos);
    CHECK(d.help == "did you mean 'rusta_och_matcha'?");
    // no near code: the help lists the codes
    auto far = only(check_body(rule("T-1", "  for each a in plan.aktiviteter where a.typ != \"helt_okand_insats_xyz\"")),
                    "unknown-code");
    CHECK(far.help.find("sokaktivitet") != std::string::npos);
    CHECK(far.help.find("sius") != std::string::npos);
}

TEST_CASE("code lists: literals are checked in ==, in, not in, contains, either side", "[check][codes]") {
    CHECK(all_with(check_body(rule("T-1", "  for each a in plan.aktiviteter where \"studer\" == a.typ")), "unknown-code").size() == 1);
    CHECK(all_with(check_body(rule("T-1", "  for each a in plan.aktiviteter where a.typ in [\"studier\", \"praktik\"]")),
                   "unknown-code").size() == 1);
    CHECK(all_with(check_body(rule("T-1", "  for each a in plan.aktiviteter where a.typ not in [\"studer\"]")),
                   "unknown-code").size() == 1);
    CHECK(all_with(check_body(require_rule("contains(plan.skyldigheter, \"aktivitetsraportera\")")), "unknown-code").size() == 1);
    CHECK(all_with(check_body(require_rule("\"aktivitetsrapporter\" in plan.skyldigheter")), "unknown-code").size() == 1);
    // known codes, a field without a code list, and a string that is not a literal: no warning
    require_clean(check_body(rule("T-1", "  for each a in plan.aktiviteter where a.typ in [\"studier\", \"sius\"] and a.id == \"x\"")));
    require_clean(check_body(require_rule("contains(plan.skyldigheter, \"aktivitetsrapportera\") and plan.id == \"9999\"")));
}

TEST_CASE("code lists: label() of a coded field is a string; of anything else an error", "[check][codes]") {
    require_clean(check_body(rule("T-1", "  for each a in plan.aktiviteter\n  require label(a.typ) != \"\"\n"
                                         "  message \"Aktiviteten {a.id} ({label(a.typ)})\"")));
    auto d = only(check_body(require_rule("label(plan.id) != \"\"")), "label-needs-codes");
    CHECK(spelled(d) == "plan.id");
    CHECK(only(check_body(require_rule("label(\"sius\") != \"\"")), "label-needs-codes").help.find("string of") !=
          std::string::npos);
    CHECK(only(check_body(require_rule("label(plan.id, plan.id) != \"\"")), "wrong-argument-count").message.find("label") !=
          std::string::npos);
}

TEST_CASE("code lists: a message of a rule for every audience that shows a coded field with sensitive codes warns",
          "[check][codes]") {
    auto d = only(check_body(rule("T-1", "  for each a in plan.aktiviteter\n  message \"Aktiviteten {a.id} ({a.typ})\"")),
                  "sensitive-code-in-message");
    CHECK(d.severity == DiagnosticSeverity::warning);
    CHECK(spelled(d) == "a.typ");
    CHECK(d.message.find("sius") != std::string::npos);
    CHECK(d.message.find("[uppgift för Arbetsförmedlingen]") != std::string::npos);
    CHECK(d.help == "show the code's label instead: {label(a.typ)}");
    // a sensitive rule, label(), and a code list without sensitive codes: no warning
    require_clean(check_body(rule("T-1", "  sensitive\n  for each a in plan.aktiviteter\n  message \"{a.typ}\"")));
    require_clean(check_body(rule("T-1", "  for each a in plan.aktiviteter\n  message \"{label(a.typ)}\"")));
    require_clean(check_body(rule("T-1", "  message \"{count(plan.skyldigheter)}\"")));
}

TEST_CASE("code lists: declarations and their mistakes", "[check][codes]") {
    const std::string ok = "root plan: P\ntype P { id: string, typ: string of Typ?, alla: list<string of Typ>, "
                           "text: string? sensitive value, kod: string? sensitive }\n"
                           "codes Typ { a \"Första\", b, c \"Känslig\" sensitive }\n";
    auto c = schema_only(ok);
    REQUIRE(c.diagnostics.empty());
    const auto& s = c.program->schema;
    REQUIRE(s.code_lists.size() == 1);
    const auto& list = s.code_lists[0];
    CHECK(list.name == "Typ");
    REQUIRE(list.codes.size() == 3);
    CHECK(list.codes[0].label == "Första");
    CHECK(list.codes[1].label == "b");  // no label: the code
    CHECK_FALSE(list.codes[1].sensitive);
    CHECK(list.codes[2].sensitive);
    const auto& p = s.records[0];
    CHECK(p.fields[1].codes == 0);
    CHECK(p.fields[1].optional);
    CHECK(p.fields[2].codes == 0);
    CHECK(p.fields[3].sensitive_value);
    CHECK_FALSE(p.fields[3].sensitive);
    CHECK(p.fields[4].sensitive);
    CHECK_FALSE(p.fields[4].sensitive_value);
    // a field called `value` after `sensitive` is a field, not the modifier
    auto v = schema_only("root plan: P\ntype P {\n  kod: string? sensitive\n  value: int?\n}\n");
    REQUIRE(v.diagnostics.empty());
    CHECK(v.program->schema.records[0].fields.size() == 2);
    CHECK(v.program->schema.records[0].fields[0].sensitive);

    CHECK(only(schema_only("root plan: P\ntype P { typ: string of Tyo }\ncodes Typ { a }\n"), "unknown-code-list").help ==
          "did you mean 'Typ'?");
    CHECK(only(schema_only("root plan: P\ntype P { n: int of Typ }\ncodes Typ { a }\n"), "codes-need-string").help ==
          "write 'string of Typ'");
    CHECK(only(schema_only("root plan: P\ntype P { typ: Typ }\ncodes Typ { a }\n"), "code-list-as-type").help.find(
              "string of Typ") != std::string::npos);
    CHECK(spelled(only(schema_only("root plan: P\ntype P { typ: string of Typ }\ncodes Typ { a, b, a }\n"),
                       "duplicate-code")) == "a");
    only(schema_only("root plan: P\ntype P { typ: string of Typ }\ncodes Typ { }\n"), "empty-code-list");
    only(schema_only("root plan: P\ntype P { id: string }\ntype Typ { a: int }\ncodes Typ { a }\n"), "duplicate-type");
}
