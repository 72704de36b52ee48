// `planrules test FILE` and `check FILE`: a file of a rule tree is checked and tested alone,
// with the files of its tree that declare what it needs (planrules/tree.hpp), and `--only`.

#include "cli_run.hpp"

#include <planrules/tree.hpp>

#include <filesystem>

namespace fs = std::filesystem;
using planrules::test::read_file;
using planrules::test::run_cli;
using planrules::test::scratch_dir;
using planrules::test::source_dir;
using planrules::test::write_file;

namespace {

// A copy of the shipped rules with a municipality of its own, Malmö, as a policy officer
// writes it: the rule set extends the national one, its tests are in a .test file beside it.
fs::path malmo_tree() {
    const fs::path dir = planrules::test::copy_of_rules("rule-tree");
    write_file((dir / "kommun/1280-malmo.rules").string(),
               "ruleset kommun.1280 \"Malmö stad\"\n"
               "  schema \"../handlingsplan.schema\"\n"
               "  extends af.handlaggning\n"
               "  applies when plan.sokande.kommun == \"1280\"\n\n"
               "rule K1280-STOD \"Stödbehovet är bedömt\"\n"
               "  severity error\n"
               "  source \"Överenskommelse med Malmö stad\"\n"
               "  when upprattad\n"
               "  require present(plan.stodbehov)\n"
               "  message \"Bedöm stödbehovet.\"\n");
    const std::string plan = R"({"id": "M", "version": 1, "status": "upprattad", "typ": "ordinarie", "upprattad_datum": "2024-02-01", )"
                             R"("sokande": {"id": "S", "kommun": "1280", "inskrivningsdatum": "2024-01-10"}, )";
    write_file((dir / "kommun/1280-malmo.test").string(),
               "test \"Malmö: utan bedömning\"\n  as of 2024-03-01\n  plan " + plan +
                   R"("skyldigheter": ["aktivitetsrapportera"]})" + "\n  expect K1280-STOD\n\n"
               "test \"Malmö: med bedömning\"\n  as of 2024-03-01\n  plan " + plan +
                   R"("stodbehov": {"bedomning": "Inget särskilt stöd.", "stodniva": "grundlaggande"}, "skyldigheter": ["aktivitetsrapportera"]})" +
                   "\n  expect no K1280-STOD\n  expect no AF-SKYLD\n");
    return dir;
}

}  // namespace

TEST_CASE("rule tree: a test file is run with the rule sets its rules extend, and says what it loaded", "[cli][tree]") {
    const fs::path dir = malmo_tree();
    const auto r = run_cli("test --no-color kommun/1280-malmo.test kommun/1280-malmo.rules", dir.string());
    INFO(r.out);
    CHECK(r.status == 0);
    CHECK_THAT(r.out, Catch::Contains("planrules: loaded from the rule tree . as well:"));
    CHECK_THAT(r.out, Catch::Contains("  af/arbetsformedlingen.rules (declares af.handlaggning"));
    CHECK_THAT(r.out, Catch::Contains("  handlingsplan.schema (the schema)"));
    // only the tests of the files given, and the coverage of their rules
    CHECK_THAT(r.out, Catch::Contains("2 tests, 2 passed, 0 failed"));
    CHECK_THAT(r.out, !Catch::Contains("arbetsformedlingen.test"));
    // K1280-STOD, and AF-SKYLD that a test names (expect no: so it is never violated)
    CHECK_THAT(r.out, Catch::Contains("rule coverage: 1 of 2 rules"));
    CHECK_THAT(r.out, Catch::Contains("AF-SKYLD (af/arbetsformedlingen.rules:"));
    // the other municipalities' files are not needed, so not loaded
    CHECK_THAT(r.out, !Catch::Contains("0180-stockholm.rules"));
}

TEST_CASE("rule tree: the test file alone finds the rules its tests name", "[cli][tree]") {
    const fs::path dir = malmo_tree();
    const auto r = run_cli("test --no-color kommun/1280-malmo.test", dir.string());
    INFO(r.out);
    CHECK(r.status == 0);
    CHECK_THAT(r.out, Catch::Contains("  kommun/1280-malmo.rules (declares K1280-STOD)"));
    CHECK_THAT(r.out, Catch::Contains("2 tests, 2 passed, 0 failed"));
}

TEST_CASE("rule tree: check FILE loads what the file extends and finds no error", "[cli][tree]") {
    const fs::path dir = malmo_tree();
    const auto r = run_cli("check --no-color kommun/1280-malmo.rules", dir.string());
    INFO(r.out);
    CHECK(r.status == 0);
    CHECK_THAT(r.out, Catch::Contains("no problems found"));
    CHECK_THAT(r.out, !Catch::Contains("unknown rule set"));
    // in Swedish
    const auto sv = run_cli("check --lang sv --no-color kommun/1280-malmo.rules", dir.string());
    CHECK_THAT(sv.out, Catch::Contains("planrules: läste också in ur regelträdet .:"));
}

TEST_CASE("rule tree: --only runs one file's tests with all the rules loaded", "[cli][tree]") {
    const fs::path dir = malmo_tree();
    const auto r = run_cli("test --no-color . --only kommun/1280-malmo.test", dir.string());
    INFO(r.out);
    CHECK(r.status == 0);
    CHECK_THAT(r.out, Catch::Contains("2 tests, 2 passed, 0 failed"));
    CHECK_THAT(r.out, !Catch::Contains("loaded from the rule tree"));  // a directory was given: nothing to add
    const auto bad = run_cli("test . --only kommun/finns-inte.test", dir.string());
    CHECK(bad.status == 2);
    CHECK_THAT(bad.out, Catch::Contains("--only kommun/finns-inte.test: no such file among the rules"));
}

TEST_CASE("rule tree: a file in no tree, and a file that needs nothing, are compiled as before", "[cli][tree]") {
    const fs::path alone = scratch_dir("rule-tree-alone");
    fs::remove_all(alone);
    fs::create_directories(alone);
    write_file((alone / "a.rules").string(), "ruleset a \"A\"\n  extends finns.inte\n");
    const auto r = run_cli("check --no-color a.rules", alone.string());
    CHECK(r.status == 1);
    CHECK_THAT(r.out, Catch::Contains("unknown rule set 'finns.inte'"));
    CHECK_THAT(r.out, !Catch::Contains("loaded from"));
    CHECK(planrules::find_rule_tree({alone / "a.rules"}).added.empty());
    // the shipped national rules need only the schema
    planrules::test::InSourceDir in_source;
    const auto tree = planrules::find_rule_tree({"rules/af/forordning.rules"});
    CHECK(tree.root == "rules");
    REQUIRE(tree.added.size() == 1);
    CHECK(tree.added[0] == "rules/handlingsplan.schema");
}
