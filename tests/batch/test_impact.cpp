// planrules impact: a population through two versions of the rules, where the change is known:
// AF-6M tightened from six months to five, a new rule, the provider's rules removed.

#include "../support.hpp"
#include "cli/cli_run.hpp"
#include "json/syntax.hpp"

#include <planrules/impact.hpp>

#include <filesystem>

namespace fs = std::filesystem;
using namespace planrules;
using planrules::test::read_file;
using planrules::test::run_cli;
using planrules::test::scratch_dir;
using planrules::test::source_dir;
using planrules::test::write_file;

namespace {

// The shipped rules with the change: a copy of rules/ (with the examples its tests read).
fs::path changed_rules() {
    const fs::path dir = planrules::test::copy_of_rules("impact");
    // tightened: five months in place of six (its tests are of six months: left out)
    const fs::path af = dir / "af/arbetsformedlingen.rules";
    std::string text = read_file(af.string());
    const std::string six = "require today <= senaste_genomgang + 6 months";
    REQUIRE(text.find(six) != std::string::npos);
    text.replace(text.find(six), six.size(), "require today <= senaste_genomgang + 5 months");
    write_file(af.string(), text);
    fs::remove(dir / "af/arbetsformedlingen.test");
    // removed: the provider's rules
    fs::remove_all(dir / "leverantor");
    // added: a rule of a municipality of its own
    write_file((dir / "kommun/1280-malmo.rules").string(),
               "ruleset kommun.1280 \"Malmö stad\"\n  schema \"../handlingsplan.schema\"\n  extends af.handlaggning\n"
               "  applies when plan.sokande.kommun == \"1280\"\n\n"
               "rule K1280-STOD \"Stödbehovet är bedömt\"\n  severity error\n  source \"Överenskommelse med Malmö stad\"\n"
               "  when upprattad\n  require present(plan.stodbehov)\n  message \"Bedöm stödbehovet.\"\n");
    return dir;
}

// A plan last reviewed on `reviewed`, in `kommun`.
std::string plan(int n, std::string_view reviewed, std::string_view kommun) {
    return fmt::format(R"({{"id": "P-{}", "version": 1, "status": "upprattad", "typ": "ordinarie", "upprattad_datum": "2023-06-01", )"
                       R"("senast_reviderad": "{}", "sokande": {{"id": "S-{}", "kommun": "{}", "inskrivningsdatum": "2023-05-20"}}, )"
                       R"("stodbehov": {{"bedomning": "Behöver stöd.", "niva": "grundlaggande"}}, "skyldigheter": ["aktivitetsrapportera"]}})",
                       n, reviewed, n, kommun);
}

// 40 plans judged on 2024-09-15: reviewed 4½, 5½ and 6½ months before, and 2 weeks before;
// those of 5½ months (10, half of them in Malmö) pass AF-6M before the change and fail it after.
fs::path population() {
    std::string text;
    const char* reviewed[] = {"2024-05-01", "2024-04-01", "2024-03-01", "2024-09-01"};
    for (int i = 0; i < 40; ++i) text += plan(i, reviewed[i % 4], i % 8 < 4 ? "1280" : "0180") + "\n";
    const fs::path path = scratch_dir("impact") / "plans.jsonl";
    write_file(path.string(), text);
    return path;
}

ImpactOptions options() {
    ImpactOptions o;
    o.batch.validate.as_of = Date{2024, 9, 15};
    o.batch.threads = 2;
    return o;
}

const RuleChange* change_of(const ImpactSummary& s, std::string_view rule, RuleResult from, RuleResult to) {
    for (const auto& c : s.changes)
        if (c.rule == rule && c.from == from && c.to == to) return &c;
    return nullptr;
}

}  // namespace

TEST_CASE("impact: a tightened limit, a new rule and removed rules, counted and sampled", "[impact]") {
    const fs::path after_dir = changed_rules();
    auto after = compile_directory(after_dir);
    REQUIRE(after);
    auto s = run_impact(planrules::test::shipped(), *after, population(), options());
    REQUIRE(s);
    CHECK(s->after.plans == 40);
    CHECK(s->added == std::vector<std::string>{"K1280-STOD"});
    CHECK(s->removed == std::vector<std::string>{"LEV-ORGNR", "LEV-MOTIVERING"});
    // AF-6M: the 10 plans of 5½ months, and only those
    const RuleChange* tightened = change_of(*s, "AF-6M", RuleResult::passed, RuleResult::violated);
    REQUIRE(tightened);
    CHECK(tightened->plans == 10);
    REQUIRE(tightened->samples.size() == 5);  // ImpactOptions::samples
    CHECK(tightened->samples[0].line == 2);   // the first plans, by line
    CHECK(tightened->samples[0].plan == "P-1");
    CHECK(tightened->samples[1].line == 6);
    for (const auto& c : s->changes) CHECK(c.rule == "AF-6M");  // nothing else changed for a rule of both
    CHECK(s->plans_changed == 10);
    // the counts before and after
    auto counts = [](const BatchSummary& b, std::string_view id) {
        for (std::size_t i = 0; i < b.rule_ids.size(); ++i)
            if (b.rule_ids[i] == id) return b.rules[i];
        FAIL("no " << id);
        return RuleCounts{};
    };
    CHECK(counts(s->before, "AF-6M").violated == 10);
    CHECK(counts(s->after, "AF-6M").violated == 20);
    CHECK(counts(s->after, "K1280-STOD").passed == 20);  // the Malmö plans, each with a support assessment
    // per municipality: Malmö's share of the change
    const std::string text = render_impact_text(*s, Language::sv);
    INFO(text);
    CHECK_THAT(text, Catch::Contains("Nya regler: K1280-STOD"));
    CHECK_THAT(text, Catch::Contains("Borttagna regler: LEV-ORGNR, LEV-MOTIVERING"));
    CHECK_THAT(text, Catch::Contains("10 planer får ett annat resultat för minst en regel."));
    const auto malmo = text.find("  1280 Malmö ");
    REQUIRE(malmo != std::string::npos);
    CHECK_THAT(text.substr(malmo, text.find('\n', malmo) - malmo), Catch::EndsWith(" AF-6M 5 → 10 (+5)"));
    CHECK_THAT(text, Catch::Contains("AF-6M: uppfylld → bryter mot regeln: 10 planer; t.ex. P-1 (rad 2)"));
    // JSON and CSV
    const std::string json = render_impact_json(*s);
    CHECK_FALSE(planrules::json::check_syntax(json).has_value());
    CHECK_THAT(json, Catch::Contains(R"("added": ["K1280-STOD"])"));
    CHECK_THAT(json, Catch::Contains(R"({"rule": "AF-6M", "from": "passed", "to": "violated", "plans": 10)"));
    const std::string csv = render_impact_csv(*s, CsvStyle{true});
    CHECK_THAT(csv, Catch::StartsWith("\xEF\xBB\xBFomfång;regel;brister före;brister efter;"));
    CHECK_THAT(csv, Catch::Contains("\nalla;AF-6M;10;20;"));
}

TEST_CASE("impact: the same rules change nothing", "[impact]") {
    auto s = run_impact(planrules::test::shipped(), planrules::test::shipped(), population(), options());
    REQUIRE(s);
    CHECK(s->changes.empty());
    CHECK(s->plans_changed == 0);
    CHECK(s->added.empty());
    CHECK_THAT(render_impact_text(*s), Catch::Contains("No rule's counts changed."));
}

TEST_CASE("impact: the command, its formats and its errors", "[impact][cli]") {
    const fs::path after_dir = changed_rules();
    const fs::path plans = population();
    const std::string args = "impact --before rules --after '" + after_dir.string() + "' --as-of 2024-09-15 '" + plans.string() + "'";
    auto text = run_cli(args);
    INFO(text.out);
    CHECK(text.status == 0);
    CHECK_THAT(text.out, Catch::Contains("AF-6M: passed → violated: 10 plans; e.g. P-1 (line 2)"));
    auto json = run_cli(args + " --format json", source_dir(), false);
    CHECK(json.status == 0);
    CHECK_FALSE(planrules::json::check_syntax(json.out).has_value());
    auto csv = run_cli(args + " --format csv", source_dir(), false);
    CHECK_THAT(csv.out, Catch::StartsWith("scope,rule,violated_before,violated_after,"));
    CHECK(run_cli("impact --before rules --as-of 2024-09-15 '" + plans.string() + "'").status == 2);
    CHECK(run_cli("impact --before rules --after rules -").status == 2);
    CHECK(run_cli("impact --before rules --after rules /finns/inte.jsonl").status == 2);
}
