// planrules-bench: Catch2 benchmarks of compiling rules and validating one plan.
//
//   build/default/bench/planrules-bench                      # all benchmarks
//   build/default/bench/planrules-bench "[validate]"         # one group
//   build/default/bench/planrules-bench --benchmark-samples 20
//
// Each test case checks first that what it measures works (the rules compile, the plan gets
// the findings it should), then measures it; allocations per operation are counted by the
// global operator new (alloc_count.hpp) and printed. See bench/README.md for the results.

#define CATCH_CONFIG_MAIN
#define CATCH_CONFIG_ENABLE_BENCHMARKING
#include <catch2/catch.hpp>

#include "alloc_count.hpp"

#include <planrules/planrules.hpp>

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include <unistd.h>

namespace fs = std::filesystem;
using namespace planrules;

namespace {

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

const fs::path source_dir = PLANRULES_SOURCE_DIR;

// 1 000 rules in the shapes policy staff write: conditions on the plan, for each over the
// activities, date arithmetic, aggregates, defines, messages with interpolations.
std::string generated_rules(int count) {
    std::string text =
        "ruleset bench.generated \"Genererade regler\"\n"
        "  authority \"planrules\"\n"
        "  schema \"handlingsplan.schema\"\n\n"
        "define upprattad = plan.status == \"upprattad\"\n"
        "define aktuell(a: Aktivitet) = a.status in [\"planerad\", \"pagaende\"]\n";
    for (int i = 1; i <= count; ++i) {
        text += fmt::format("\nrule GEN-{} \"Genererad regel {}\"\n  severity {}\n  source \"Genererad\"\n", i, i,
                            i % 3 == 0 ? "error" : i % 3 == 1 ? "warning" : "info");
        switch (i % 5) {
            case 0:
                text += "  when upprattad\n  require not blank(plan.stodbehov.bedomning)\n  at plan.stodbehov\n";
                break;
            case 1:
                text += fmt::format("  for each a in plan.aktiviteter where aktuell(a)\n"
                                    "  require a.slut >= a.start + {} days\n  if missing pass\n  at a.slut\n",
                                    i % 30);
                break;
            case 2:
                text += fmt::format("  when upprattad\n  require today <= plan.sokande.inskrivningsdatum + {} months\n"
                                    "  due plan.sokande.inskrivningsdatum + {} months\n  at plan.upprattad_datum\n",
                                    i % 12 + 1, i % 12 + 1);
                break;
            case 3:
                text += fmt::format("  require count(a in plan.aktiviteter where a.typ == \"typ{}\") <= {}\n"
                                    "  at plan.aktiviteter\n",
                                    i % 7, i % 4);
                break;
            default:
                text += fmt::format("  when plan.sokande.kommun == \"{:04}\" or plan.typ == \"forenklad\"\n"
                                    "  require plan.sokande.tillfalligt_arbete == true or count(plan.skyldigheter) > {}\n",
                                    i % 290, i % 3);
                break;
        }
        text += fmt::format("  message \"Regel {} gäller planen {{plan.id}} ({{count(plan.aktiviteter)}} aktiviteter).\"\n", i);
    }
    return text;
}

// A directory with the schema and the generated rules (removed at exit).
struct GeneratedRules {
    fs::path dir;
    explicit GeneratedRules(int count) {
        dir = fs::temp_directory_path() / fmt::format("planrules-bench-{}", ::getpid());
        fs::create_directories(dir);
        fs::copy_file(source_dir / "rules" / "handlingsplan.schema", dir / "handlingsplan.schema",
                      fs::copy_options::overwrite_existing);
        std::ofstream(dir / "generated.rules") << generated_rules(count);
    }
    ~GeneratedRules() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
};

template <typename F>
double allocations_per_call(F&& f, int calls = 1000) {
    std::uint64_t before = bench::allocations.load();
    for (int i = 0; i < calls; ++i) f();
    return static_cast<double>(bench::allocations.load() - before) / calls;
}

}  // namespace

TEST_CASE("compile: the shipped rules", "[compile]") {
    auto rules = compile_directory(source_dir / "rules");
    REQUIRE(rules);
    REQUIRE(rules->rule_ids().size() >= 21);
    std::cout << fmt::format("shipped rules: {} rules; {:.0f} allocations per compilation\n", rules->rule_ids().size(),
                             allocations_per_call([] { (void)compile_directory(source_dir / "rules"); }, 5));
    BENCHMARK("compile rules/ (the shipped rule sets, tests and schema)") { return compile_directory(source_dir / "rules"); };
}

TEST_CASE("compile: 1 000 generated rules", "[compile]") {
    GeneratedRules generated(1000);
    auto rules = compile_directory(generated.dir);
    if (!rules) FAIL(render_text(rules.error()));
    REQUIRE(rules->rule_ids().size() == 1000);
    std::cout << fmt::format("generated rules: {} bytes of rule text\n", read_file(generated.dir / "generated.rules").size());
    BENCHMARK("compile 1 000 generated rules") { return compile_directory(generated.dir); };
}

TEST_CASE("validate: one pre-loaded plan with the national rules", "[validate]") {
    // the eight national rules of the peer comparison (bench/peers/rules/peers.rules), and all of
    // rules/af; a new Report per call, one Report reused (RuleSet::validate into a Report), and
    // outcomes only into a reused Report (what planrules batch does without --findings)
    auto eight = compile_files({source_dir / "rules", source_dir / "bench" / "peers" / "rules"});
    REQUIRE(eight);
    auto af = compile_directory(source_dir / "rules" / "af");
    REQUIRE(af);
    struct Config {
        const char* label;
        const RuleSet* rules;
        std::vector<std::string> scope;
    };
    for (const Config& config : {Config{"8 national rules", &*eight, {"bench.peers"}}, Config{"rules/af", &*af, {}}}) {
        const RuleSet& rules = *config.rules;
        ValidateOptions options;
        options.as_of = Date{2024, 7, 1};
        options.rulesets = config.scope;
        ValidateOptions outcomes = options;
        outcomes.details = false;
        outcomes.evidence = false;
        for (const char* name : {"komplett.json", "komplett-flera-aktiviteter.json", "tva-omotiverade-aktiviteter.json"}) {
            std::string json = read_file(source_dir / "examples" / "plans" / name);
            auto plan = rules.load_json(json, name);
            REQUIRE(plan);
            Report report = rules.validate(*plan, options);
            REQUIRE(report.evaluated.size() + report.not_applicable.size() >= 8);
            if (std::string_view(name).starts_with("tva-")) REQUIRE(report.findings.size() >= 2);
            Report reused;
            std::cout << fmt::format("{}, {}: {} bytes, {} rules evaluated, {} findings; validate {:.1f} allocations "
                                     "(reused report {:.1f}, outcomes only {:.1f}), load {:.1f} allocations\n",
                                     config.label, name, json.size(), report.evaluated.size(), report.findings.size(),
                                     allocations_per_call([&] { (void)rules.validate(*plan, options); }),
                                     allocations_per_call([&] { rules.validate(*plan, options, reused); }),
                                     allocations_per_call([&] { rules.validate(*plan, outcomes, reused); }),
                                     allocations_per_call([&] { (void)rules.load_json(json, name); }));
            BENCHMARK(fmt::format("{}: validate {}", config.label, name)) { return rules.validate(*plan, options); };
            BENCHMARK(fmt::format("{}: validate {}, reused report", config.label, name)) {
                rules.validate(*plan, options, reused);
                return reused.findings.size();
            };
            BENCHMARK(fmt::format("{}: validate {}, outcomes only", config.label, name)) {
                rules.validate(*plan, outcomes, reused);
                return reused.findings.size();
            };
            if (config.rules == &*af)
                BENCHMARK(fmt::format("load {} (JSON to Plan)", name)) { return rules.load_json(json, name); };
        }
    }
}
