// One compiled RuleSet and one loaded Plan shared by 8 threads: every report must equal
// the one computed on a single thread. Built into the ordinary test executable and into
// planrules_thread_tests, which the `tsan` preset builds with ThreadSanitizer.

#include "support.hpp"

#include <planrules/report/report_render.hpp>

#include <atomic>
#include <deque>
#include <filesystem>
#include <thread>

namespace {

using namespace planrules;
using planrules::test::source_dir;

// Rules that exercise the evaluator's frames, defines, aggregates, nested `for each`,
// date arithmetic, messages and evidence, in addition to the shipped rules.
constexpr std::string_view extra_rules = R"(ruleset test.threads "Trådtest"
define aktuell(a: Aktivitet) = a.status in ["planerad", "pagaende"]
define antal_aktuella = count(a in plan.aktiviteter where aktuell(a))

rule T-AKT "Aktiviteter"
  severity warning
  source "test"
  for each a in plan.aktiviteter where aktuell(a)
  require not present(a.slut) or not present(a.start) or days_between(a.start, a.slut) < 60
  at a.slut
  message "Aktiviteten {a.id} pågår {days_between(a.start, a.slut)} dagar ({antal_aktuella} aktuella)."

rule T-DAG "Inskrivning"
  severity info
  source "test"
  require plan.sokande.inskrivningsdatum + 6 months > today
  due plan.sokande.inskrivningsdatum + 6 months
  message "Inskriven sedan {plan.sokande.inskrivningsdatum}, {months_between(plan.sokande.inskrivningsdatum, today)} månader."

rule T-RAPP "Rapporter"
  severity info
  source "test"
  for each r in plan.aktivitetsrapporter
  require r.sokta_arbeten > 10
  at r.sokta_arbeten
  message "Perioden {r.period}: {r.sokta_arbeten} sökta arbeten."
)";

struct Case {
    std::string name;
    const Plan* plan;
    ValidateOptions options;
    std::string expected;  // the report rendered on one thread
};

// The shipped rules and the rules above, in a file beside them that names the shipped schema.
RuleSet compile_all() {
    auto dir = test::scratch_dir("threads");
    std::string text(extra_rules);
    auto nl = text.find('\n');
    text.insert(nl + 1, "  schema \"" + source_dir() + "/rules/handlingsplan.schema\"\n");
    test::write_file((dir / "threads.rules").string(), text);
    auto rs = compile_files({source_dir() + "/rules", dir / "threads.rules"});
    if (!rs) FAIL(render_text(rs.error()));
    return std::move(*rs);
}

}  // namespace

TEST_CASE("threads: 8 threads validate with one RuleSet and get the single-threaded reports", "[threads]") {
    RuleSet rules = compile_all();
    std::deque<Plan> plans;
    std::vector<Case> cases;
    for (const auto& e : std::filesystem::directory_iterator(source_dir() + "/examples/plans")) {
        if (e.path().extension() != ".json") continue;
        auto plan = rules.load_json(test::read_file(e.path().string()), e.path().filename().string());
        if (!plan) continue;  // the malformed example
        plans.push_back(std::move(*plan));
        for (Audience audience : {Audience::af, Audience::leverantor}) {
            for (Date as_of : {Date{2022, 6, 1}, Date{2024, 3, 1}}) {
                ValidateOptions o;
                o.as_of = as_of;
                o.audience = audience;
                o.evidence = audience == Audience::af;
                Report r = rules.validate(plans.back(), o);
                cases.push_back(Case{e.path().filename().string(), &plans.back(), o, render_report_json(r)});
            }
        }
    }
    REQUIRE(cases.size() >= 12);
    // the reports must differ between cases, or the comparison below proves little
    std::size_t with_findings = 0;
    for (const auto& c : cases) with_findings += c.expected.find("\"findings\": []") == std::string::npos;
    REQUIRE(with_findings >= 4);

    constexpr int threads = 8;
    constexpr int rounds = 40;
    std::atomic<int> mismatches{0};
    std::atomic<int> done{0};
    std::atomic<bool> go{false};
    std::vector<std::string> first_mismatch(threads);
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t) {
        pool.emplace_back([&, t] {
            while (!go.load()) std::this_thread::yield();
            for (int round = 0; round < rounds; ++round) {
                // each thread walks the cases in its own order
                for (std::size_t k = 0; k < cases.size(); ++k) {
                    const Case& c = cases[(k * 7 + static_cast<std::size_t>(t) * 3 + static_cast<std::size_t>(round)) % cases.size()];
                    std::string got = render_report_json(rules.validate(*c.plan, c.options));
                    if (got != c.expected) {
                        if (mismatches.fetch_add(1) == 0) first_mismatch[static_cast<std::size_t>(t)] = c.name + ": " + got;
                    }
                    ++done;
                }
            }
        });
    }
    go = true;
    for (auto& th : pool) th.join();
    for (const auto& m : first_mismatch)
        if (!m.empty()) INFO(m);
    CHECK(mismatches.load() == 0);
    CHECK(done.load() == threads * rounds * static_cast<int>(cases.size()));
}

TEST_CASE("threads: plans are loaded on many threads at once", "[threads]") {
    RuleSet rules = compile_all();
    std::string text = test::read_file(source_dir() + "/examples/plans/komplett.json");
    auto reference = rules.load_json(text);
    REQUIRE(reference);
    ValidateOptions o;
    o.as_of = Date{2024, 3, 1};
    std::string expected = render_report_json(rules.validate(*reference, o));
    std::atomic<int> mismatches{0};
    std::vector<std::thread> pool;
    for (int t = 0; t < 8; ++t) {
        pool.emplace_back([&] {
            for (int i = 0; i < 50; ++i) {
                auto plan = rules.load_json(text);
                if (!plan || render_report_json(rules.validate(*plan, o)) != expected) ++mismatches;
            }
        });
    }
    for (auto& th : pool) th.join();
    CHECK(mismatches.load() == 0);
}

TEST_CASE("threads: copies of a RuleSet share the compiled program and stay valid after the original is gone", "[threads]") {
    std::optional<RuleSet> original(compile_all());
    RuleSet copy = *original;
    CHECK(&copy.program() == &original->program());
    original.reset();
    auto plan = copy.load_json(test::read_file(source_dir() + "/examples/plans/utan-stodbehov.json"));
    REQUIRE(plan);
    ValidateOptions o;
    o.as_of = Date{2024, 3, 1};
    Report r;
    std::thread th([&] { r = copy.validate(*plan, o); });
    th.join();
    bool hp61 = false;
    for (const auto& f : r.findings) hp61 = hp61 || f.rule == "HP-6.1";
    CHECK(hp61);
}
