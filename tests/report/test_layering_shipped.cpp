// Layering with the shipped rules: municipal rule sets apply to their own municipality only,
// tighten national rules, and may not relax a mandatory one.

#include "support.hpp"

#include <algorithm>
#include <filesystem>

using namespace planrules;

namespace {

using planrules::test::shipped;

// An established plan without obligations, for a job seeker with economic assistance whose
// plan was last reviewed four months before 2024-06-01.
std::string plan_in(const std::string& kommun) {
    return R"({"id": "P-)" + kommun + R"(", "version": 2, "status": "upprattad", "typ": "ordinarie",
      "upprattad_datum": "2023-11-01", "senast_reviderad": "2024-02-01",
      "stodbehov": {"bedomning": "Behöver stöd i sökandet.", "niva": "grundlaggande"},
      "aktiviteter": [{"id": "A1", "typ": "studier", "status": "pagaende", "motivering": "Komvux."}],
      "sokande": {"id": "AS-1", "kommun": ")" + kommun + R"(", "inskrivningsdatum": "2023-10-20", "ekonomiskt_bistand": true}})";
}

Report validate(const std::string& kommun) {
    auto plan = shipped().load_json(plan_in(kommun));
    REQUIRE(plan);
    REQUIRE(plan->input_findings().empty());
    ValidateOptions o;
    o.as_of = Date{2024, 6, 1};
    return shipped().validate(*plan, o);
}

const Finding* find(const Report& r, std::string_view rule) {
    for (const auto& f : r.findings)
        if (f.rule == rule) return &f;
    return nullptr;
}

bool has(const std::vector<std::string>& ids, std::string_view id) { return std::find(ids.begin(), ids.end(), id) != ids.end(); }

}  // namespace

TEST_CASE("layering: a Stockholm plan gets the national rules and Stockholm's", "[report][layering]") {
    auto r = validate("0180");
    REQUIRE(find(r, "K0180-3M") != nullptr);
    CHECK(find(r, "K0180-3M")->ruleset == "kommun.0180");
    CHECK(find(r, "K0180-3M")->due == Date{2024, 5, 1});
    REQUIRE(find(r, "AF-SKYLD") != nullptr);
    CHECK(find(r, "AF-SKYLD")->severity == Severity::error);  // tightened by kommun.0180
    CHECK(find(r, "AF-SKYLD")->ruleset == "af.handlaggning");
    CHECK(has(r.not_applicable, "K1480-SPAR"));
    CHECK(has(r.passed, "AF-6M"));
}

TEST_CASE("layering: a Göteborg plan and one from elsewhere do not get Stockholm's rules", "[report][layering]") {
    for (std::string kommun : {"1480", "2580"}) {
        INFO(kommun);
        auto r = validate(kommun);
        CHECK(find(r, "K0180-3M") == nullptr);
        CHECK(has(r.not_applicable, "K0180-3M"));
        REQUIRE(find(r, "AF-SKYLD") != nullptr);
        CHECK(find(r, "AF-SKYLD")->severity == Severity::warning);
    }
}

TEST_CASE("layering: a municipal rule set may not disable or relax a mandatory national rule", "[report][layering]") {
    auto dir = test::scratch_dir("layering");
    const std::string header = "ruleset kommun.9999 \"Provkommun\"\n  schema \"" + test::source_dir() +
                               "/rules/handlingsplan.schema\"\n  extends af.forordning\n  applies when plan.sokande.kommun == \"9999\"\n";
    struct Attempt { const char* body; const char* message; };
    for (Attempt a : {Attempt{"override HP-6.1\n  disabled\n", "rule HP-6.1 is mandatory and cannot be disabled"},
                      Attempt{"override HP-6.3\n  severity warning\n", "rule HP-6.3 is mandatory; its severity cannot be lowered from error to warning"}}) {
        test::write_file((dir / "k.rules").string(), header + a.body);
        auto c = compile_paths({test::source_dir() + "/rules", dir / "k.rules"});
        const Diagnostic* d = test::find_code(c.diagnostics, "relaxes-mandatory");
        REQUIRE(d != nullptr);
        CHECK(d->severity == DiagnosticSeverity::error);
        CHECK(d->message == a.message);
        CHECK_FALSE(to_expected(std::move(c)).has_value());
    }
    // tightening is allowed: a warning made an error
    test::write_file((dir / "k.rules").string(), header + "override AF-SKYLD\n  severity error\n");
    CHECK_FALSE(to_expected(compile_paths({test::source_dir() + "/rules", dir / "k.rules"})).has_value());  // AF-SKYLD is not in af.forordning
    test::write_file((dir / "k.rules").string(), "ruleset kommun.9999 \"Provkommun\"\n  schema \"" + test::source_dir() +
                                                     "/rules/handlingsplan.schema\"\n  extends af.handlaggning\n"
                                                     "override AF-SKYLD\n  severity error\n");
    CHECK(to_expected(compile_paths({test::source_dir() + "/rules", dir / "k.rules"})).has_value());
}

TEST_CASE("layering: the scope option evaluates only the named rule sets and those they extend", "[report][layering][scope]") {
    auto plan = shipped().load_json(plan_in("0180"));
    REQUIRE(plan);
    ValidateOptions o;
    o.as_of = Date{2024, 6, 1};
    o.rulesets = {"leverantor"};
    auto lev = shipped().validate(*plan, o);
    for (const auto& id : lev.evaluated) CHECK(id.rfind("LEV-", 0) == 0);
    CHECK(has(lev.not_applicable, "LEV-MOTIVERING"));  // no activity of a provider
    CHECK_FALSE(has(lev.not_applicable, "K0180-3M"));  // out of scope: not in the report at all

    o.rulesets = {"af.handlaggning"};  // itself and af.forordning, without Stockholm's override
    auto national = shipped().validate(*plan, o);
    REQUIRE(find(national, "AF-SKYLD") != nullptr);
    CHECK(find(national, "AF-SKYLD")->severity == Severity::warning);
    CHECK(find(national, "K0180-3M") == nullptr);
    CHECK(has(national.evaluated, "HP-6.1"));
    CHECK_FALSE(has(national.evaluated, "LEV-MOTIVERING"));

    o.rulesets = {"kommun.0180"};
    auto stockholm = shipped().validate(*plan, o);
    REQUIRE(find(stockholm, "AF-SKYLD") != nullptr);
    CHECK(find(stockholm, "AF-SKYLD")->severity == Severity::error);
    CHECK(find(stockholm, "K0180-3M") != nullptr);
    CHECK_FALSE(has(stockholm.evaluated, "LEV-MOTIVERING"));

    o.rulesets = {"finns.inte"};
    auto none = shipped().validate(*plan, o);
    CHECK(none.evaluated.empty());
    CHECK(none.findings.empty());
}
