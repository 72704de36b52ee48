// The C API (planrules/planrules.h), linked against the shared library libplanrules.so:
// every function, with good and bad input. Under the debug-asan preset LeakSanitizer checks
// that nothing leaks.

#include "sensitive_plan.hpp"

#include <planrules/planrules.h>

#include <catch2/catch.hpp>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

const std::string source_dir = PLANRULES_SOURCE_DIR;

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Owns a string returned by the library.
struct CString {
    char* p = nullptr;
    ~CString() { planrules_string_free(p); }
    [[nodiscard]] std::string str() const { return p ? std::string(p) : std::string(); }
};

struct Rules {
    planrules_rules* p = nullptr;
    ~Rules() { planrules_rules_free(p); }
};

planrules_rules* shipped(Rules& holder) {
    CString diags;
    REQUIRE(planrules_compile_directory((source_dir + "/rules").c_str(), &holder.p, &diags.p) == PLANRULES_OK);
    REQUIRE(holder.p != nullptr);
    return holder.p;
}

planrules_options as_of(int y, int m, int d) {
    planrules_options o;
    planrules_options_init(&o);
    o.year = y;
    o.month = m;
    o.day = d;
    return o;
}

}  // namespace

TEST_CASE("C API: version and status texts", "[capi]") {
    CHECK(std::string(planrules_version()).find('.') != std::string::npos);
    CHECK(std::string(planrules_status_text(PLANRULES_OK)) == "ok");
    CHECK(std::string(planrules_status_text(PLANRULES_INVALID_PLAN)) == "the plan is not JSON");
    CHECK(std::string(planrules_status_text(static_cast<planrules_status>(99))) == "unknown status");
}

TEST_CASE("C API: compile a directory, validate plans, get the CLI's JSON report", "[capi]") {
    Rules rules;
    shipped(rules);
    auto o = as_of(2024, 7, 15);
    std::string ok = read(source_dir + "/examples/plans/komplett.json");
    CString report;
    CHECK(planrules_validate(rules.p, ok.data(), ok.size(), &o, &report.p) == PLANRULES_OK);
    CHECK_THAT(report.str(), Catch::StartsWith("{\"plan\": \"HP-2024-000123\", \"as_of\": \"2024-07-15\", \"audience\": \"af\", \"findings\": []"));
    CHECK_THAT(report.str(), Catch::EndsWith("}\n"));

    std::string bad = read(source_dir + "/examples/plans/utan-stodbehov.json");
    CString report2;
    CHECK(planrules_validate(rules.p, bad.data(), bad.size(), &o, &report2.p) == PLANRULES_FINDINGS);
    CHECK_THAT(report2.str(), Catch::Contains("\"rule\": \"HP-6.1\", \"ruleset\": \"af.forordning\", \"severity\": \"error\""));
    CHECK_THAT(report2.str(), Catch::Contains("\"pointer\": \"/stodbehov\""));
}

TEST_CASE("C API: options: audience, evidence, rule sets, default date", "[capi]") {
    Rules rules;
    shipped(rules);
    std::string plan = read(source_dir + "/examples/plans/omotiverad-aktivitet.json");
    auto o = as_of(2024, 7, 15);
    o.evidence = 0;
    o.audience = "leverantor";
    const char* scope[] = {"leverantor"};
    o.rulesets = scope;
    o.ruleset_count = 1;
    CString r;
    CHECK(planrules_validate(rules.p, plan.data(), plan.size(), &o, &r.p) == PLANRULES_FINDINGS);
    CHECK_THAT(r.str(), Catch::Contains("\"audience\": \"leverantor\""));
    CHECK_THAT(r.str(), Catch::Contains("\"rule\": \"LEV-MOTIVERING\""));
    CHECK_THAT(r.str(), !Catch::Contains("\"rule\": \"HP-6.3\""));
    CHECK_THAT(r.str(), Catch::Contains("\"evidence\": []"));
    CHECK_THAT(r.str(), !Catch::Contains("\"evidence\": [{"));

    CString today;  // NULL options: today, af, with evidence
    CHECK(planrules_validate(rules.p, plan.data(), plan.size(), nullptr, &today.p) == PLANRULES_FINDINGS);
    CHECK_THAT(today.str(), Catch::Contains("\"audience\": \"af\""));
    CHECK_THAT(today.str(), Catch::Contains("\"evidence\": [{"));
}

TEST_CASE("C API: options: the evaluation step limit", "[capi][limits]") {
    Rules rules;
    shipped(rules);
    std::string plan = read(source_dir + "/examples/plans/omotiverad-aktivitet.json");
    planrules_options defaults;
    planrules_options_init(&defaults);
    CHECK(defaults.max_steps == 100'000'000ULL);
    auto o = as_of(2024, 7, 15);
    o.max_steps = 5;  // not enough for any rule
    CString r;
    CHECK(planrules_validate(rules.p, plan.data(), plan.size(), &o, &r.p) == PLANRULES_FINDINGS);
    CHECK_THAT(r.str(), Catch::Contains("the limit of 5 evaluation steps was reached"));
    // in Swedish for a host that asks for it
    REQUIRE(planrules_set_language("sv") == PLANRULES_OK);
    CString sv;
    CHECK(planrules_validate(rules.p, plan.data(), plan.size(), &o, &sv.p) == PLANRULES_FINDINGS);
    CHECK_THAT(sv.str(), Catch::Contains("gränsen på 5 utvärderingssteg nåddes"));
    REQUIRE(planrules_set_language("en") == PLANRULES_OK);
    o.max_steps = 0;  // no limit
    CString unlimited;
    CHECK(planrules_validate(rules.p, plan.data(), plan.size(), &o, &unlimited.p) == PLANRULES_FINDINGS);
    CHECK_THAT(unlimited.str(), !Catch::Contains("evaluation steps"));
    CHECK_THAT(unlimited.str(), Catch::Contains("\"rule\": \"HP-6.3\""));
}

TEST_CASE("C API: the rule set names", "[capi]") {
    Rules rules;
    shipped(rules);
    CString names;
    CHECK(planrules_ruleset_names(rules.p, &names.p) == PLANRULES_OK);
    CHECK_THAT(names.str(), Catch::Contains("\"af.forordning\""));
    CHECK_THAT(names.str(), Catch::Contains("\"kommun.0180\""));
    CHECK(planrules_ruleset_names(nullptr, &names.p) == PLANRULES_INVALID_ARGUMENT);
    CHECK(names.p == nullptr);
    CHECK(planrules_ruleset_names(rules.p, nullptr) == PLANRULES_INVALID_ARGUMENT);
}

TEST_CASE("C API: a plan that is not JSON gives INVALID_PLAN and the diagnostics as JSON", "[capi]") {
    Rules rules;
    shipped(rules);
    const char* text = "{\"id\": \"X\",\n  \"status\" \"upprattad\"}";
    CString r;
    CHECK(planrules_validate(rules.p, text, std::strlen(text), nullptr, &r.p) == PLANRULES_INVALID_PLAN);
    CHECK_THAT(r.str(), Catch::StartsWith("{\"plan\": null, \"error\": \"the plan is not valid JSON"));
    CHECK_THAT(r.str(), Catch::Contains("\"code\": \"invalid-json\""));
    CHECK_THAT(r.str(), Catch::Contains("\"line\": 2"));
    CString empty;
    CHECK(planrules_validate(rules.p, "", 0, nullptr, &empty.p) == PLANRULES_INVALID_PLAN);
    CHECK_THAT(empty.str(), Catch::Contains("the plan is empty"));
}

TEST_CASE("C API: a length over the limit is refused before a byte is read", "[capi][limits]") {
    // the buffers are small; the lengths claim more: nothing past the buffer may be read
    Rules rules;
    shipped(rules);
    const char plan[] = "{\"id\": \"X\"}";
    CString r;
    CHECK(planrules_validate(rules.p, plan, 17u << 20, nullptr, &r.p) == PLANRULES_INVALID_PLAN);
    CHECK_THAT(r.str(), Catch::Contains("\"code\": \"plan-too-large\""));
    CHECK_THAT(r.str(), Catch::Contains("the plan is 17825792 bytes; the limit is 16777216 bytes"));
    const char text[] = "ruleset x \"x\"\n";
    Rules none;
    CString diagnostics;
    CHECK(planrules_compile_string(text, 5u << 20, "x.rules", &none.p, &diagnostics.p) == PLANRULES_INVALID_RULES);
    CHECK(none.p == nullptr);
    CHECK_THAT(diagnostics.str(), Catch::Contains("\"code\": \"file-too-large\""));
}

TEST_CASE("C API: bad arguments are errors, never crashes", "[capi]") {
    Rules rules;
    shipped(rules);
    const char* plan = "{}";
    CString r;
    CHECK(planrules_validate(nullptr, plan, 2, nullptr, &r.p) == PLANRULES_INVALID_ARGUMENT);
    CHECK_THAT(r.str(), Catch::Contains("no rules (NULL)"));
    CString r2;
    CHECK(planrules_validate(rules.p, nullptr, 5, nullptr, &r2.p) == PLANRULES_INVALID_ARGUMENT);
    CHECK(planrules_validate(rules.p, plan, 2, nullptr, nullptr) == PLANRULES_INVALID_ARGUMENT);
    auto o = as_of(2023, 2, 30);
    CString r3;
    CHECK(planrules_validate(rules.p, plan, 2, &o, &r3.p) == PLANRULES_INVALID_ARGUMENT);
    CHECK_THAT(r3.str(), Catch::Contains("2023-02-30 is not a date"));
    o = as_of(2024, 1, 1);
    o.audience = "alla";
    CString r4;
    CHECK(planrules_validate(rules.p, plan, 2, &o, &r4.p) == PLANRULES_INVALID_ARGUMENT);
    CHECK_THAT(r4.str(), Catch::Contains("unknown audience 'alla'"));
    o.audience = nullptr;  // NULL means af
    const char* scope[] = {"kommun.9999"};
    o.rulesets = scope;
    o.ruleset_count = 1;
    CString r5;
    CHECK(planrules_validate(rules.p, plan, 2, &o, &r5.p) == PLANRULES_INVALID_ARGUMENT);
    CHECK_THAT(r5.str(), Catch::Contains("no rule set 'kommun.9999'"));
    o.rulesets = nullptr;
    CString r6;
    CHECK(planrules_validate(rules.p, plan, 2, &o, &r6.p) == PLANRULES_INVALID_ARGUMENT);

    planrules_rules* out = reinterpret_cast<planrules_rules*>(0x1);
    CHECK(planrules_compile_directory(nullptr, &out, nullptr) == PLANRULES_INVALID_ARGUMENT);
    CHECK(out == nullptr);
    CHECK(planrules_compile_directory("rules", nullptr, nullptr) == PLANRULES_INVALID_ARGUMENT);
    CHECK(planrules_compile_files(nullptr, 2, &out, nullptr) == PLANRULES_INVALID_ARGUMENT);
    const char* with_null[] = {"rules", nullptr};
    CHECK(planrules_compile_files(with_null, 2, &out, nullptr) == PLANRULES_INVALID_ARGUMENT);
    CHECK(planrules_compile_string(nullptr, 3, "x", &out, nullptr) == PLANRULES_INVALID_ARGUMENT);
    planrules_rules_free(nullptr);
    planrules_string_free(nullptr);
    planrules_options_init(nullptr);
}

TEST_CASE("C API: rules with errors and unreadable directories give INVALID_RULES with diagnostics", "[capi]") {
    planrules_rules* out = nullptr;
    CString diags;
    CHECK(planrules_compile_directory("/nonexistent/planrules", &out, &diags.p) == PLANRULES_INVALID_RULES);
    CHECK(out == nullptr);
    CHECK_THAT(diags.str(), Catch::Contains("\"severity\": \"error\""));

    std::string text = "ruleset t \"T\"\n  schema \"" + source_dir + "/rules/handlingsplan.schema\"\nrule T-1 \"t\"\n  require plan.finns_inte\n";
    CString diags2;
    CHECK(planrules_compile_string(text.data(), text.size(), "t.rules", &out, &diags2.p) == PLANRULES_INVALID_RULES);
    CHECK(out == nullptr);
    CHECK_THAT(diags2.str(), Catch::Contains("\"file\": \"t.rules\""));
    CHECK_THAT(diags2.str(), Catch::Contains("\"code\": \"unknown-field\""));
}

TEST_CASE("C API: diagnostics in the language of planrules_set_language, on this thread", "[capi]") {
    const std::string text = "ruleset t \"T\"\n  schema \"" + source_dir +
                             "/rules/handlingsplan.schema\"\nrule T-1 \"t\"\n  require plan.finns_inte\n";
    auto compile = [&] {
        planrules_rules* out = nullptr;
        CString diags;
        CHECK(planrules_compile_string(text.data(), text.size(), "t.rules", &out, &diags.p) == PLANRULES_INVALID_RULES);
        return diags.str();
    };
    CHECK_THAT(compile(), Catch::Contains("\"message\": \"unknown field 'finns_inte' in Plan\""));
    REQUIRE(planrules_set_language("sv_SE.UTF-8") == PLANRULES_OK);
    const std::string sv = compile();
    CHECK_THAT(sv, Catch::Contains("\"message\": \"okänt fält 'finns_inte' i Plan\""));
    CHECK_THAT(sv, Catch::Contains("\"code\": \"unknown-field\""));  // codes and keys stay the same
    CHECK_THAT(sv, Catch::Contains("\"severity\": \"error\""));
    // another thread has its own language: English until it says otherwise
    std::string other;
    std::thread([&] { other = compile(); }).join();
    CHECK_THAT(other, Catch::Contains("unknown field 'finns_inte' in Plan"));
    // a language the catalogue does not have is refused and changes nothing
    CHECK(planrules_set_language("de") == PLANRULES_INVALID_ARGUMENT);
    CHECK_THAT(compile(), Catch::Contains("okänt fält"));
    REQUIRE(planrules_set_language("en") == PLANRULES_OK);
    CHECK_THAT(compile(), Catch::Contains("unknown field"));
    // NULL: the environment's (the test runner sets LANG=C: English)
    REQUIRE(planrules_set_language(nullptr) == PLANRULES_OK);
    CHECK_THAT(compile(), Catch::Contains("unknown field"));
}

TEST_CASE("C API: compile files and strings; warnings come back on success", "[capi]") {
    std::string text = "ruleset t \"T\"\n  schema \"" + source_dir +
                       "/rules/handlingsplan.schema\"\nrule T-1 \"t\"\n  severity error\n  require plan.version > 0\n  message \"m\"\n";
    Rules rules;
    CString diags;
    CHECK(planrules_compile_string(text.data(), text.size(), nullptr, &rules.p, &diags.p) == PLANRULES_OK);
    REQUIRE(rules.p != nullptr);
    CHECK_THAT(diags.str(), Catch::Contains("\"code\": \"missing-source\""));  // a warning
    const char* plan = R"({"id": "P", "version": 0, "status": "utkast", "typ": "ordinarie", "sokande": {"id": "S", "kommun": "0180", "inskrivningsdatum": "2024-01-10"}})";
    CString report;
    auto o = as_of(2024, 3, 1);
    CHECK(planrules_validate(rules.p, plan, std::strlen(plan), &o, &report.p) == PLANRULES_FINDINGS);
    CHECK_THAT(report.str(), Catch::Contains("\"rule\": \"T-1\""));

    std::string af = source_dir + "/rules/af", lev = source_dir + "/rules/leverantor";
    const char* paths[] = {af.c_str(), lev.c_str()};
    Rules two;
    CString diags2;
    CHECK(planrules_compile_files(paths, 2, &two.p, &diags2.p) == PLANRULES_OK);
    CString names;
    REQUIRE(planrules_ruleset_names(two.p, &names.p) == PLANRULES_OK);
    CHECK_THAT(names.str(), Catch::Contains("\"leverantor\""));
    CHECK_THAT(names.str(), !Catch::Contains("kommun"));
    Rules none;  // without out_diagnostics
    CHECK(planrules_compile_files(paths, 1, &none.p, nullptr) == PLANRULES_OK);
}

TEST_CASE("C API: one compiled rule set, eight threads", "[capi]") {
    Rules rules;
    shipped(rules);
    std::string plan = read(source_dir + "/examples/plans/tva-omotiverade-aktiviteter.json");
    auto o = as_of(2023, 6, 15);
    CString expected;
    REQUIRE(planrules_validate(rules.p, plan.data(), plan.size(), &o, &expected.p) == PLANRULES_FINDINGS);
    std::vector<std::thread> pool;
    std::vector<int> mismatches(8, 0);
    for (int t = 0; t < 8; ++t) {
        pool.emplace_back([&, t] {
            for (int i = 0; i < 25; ++i) {
                char* r = nullptr;
                if (planrules_validate(rules.p, plan.data(), plan.size(), &o, &r) != PLANRULES_FINDINGS ||
                    std::string(r) != expected.str())
                    ++mismatches[static_cast<std::size_t>(t)];
                planrules_string_free(r);
            }
        });
    }
    for (auto& th : pool) th.join();
    for (int m : mismatches) CHECK(m == 0);
}

TEST_CASE("C API: a report for kommun or leverantor holds nothing sensitive", "[capi][audience]") {
    Rules rules;
    shipped(rules);
    const std::string plan = planrules::test::sensitive_plan_json();
    auto o = as_of(2024, 3, 10);
    CString af;
    REQUIRE(planrules_validate(rules.p, plan.data(), plan.size(), &o, &af.p) == PLANRULES_FINDINGS);
    CHECK_THAT(af.str(), Catch::Contains("\"rule\": \"AF-SIUS\""));
    CHECK(planrules::test::sensitive_leak(af.str()) != "");
    for (const char* audience : {"kommun", "leverantor"}) {
        CAPTURE(audience);
        o.audience = audience;
        CString r;
        REQUIRE(planrules_validate(rules.p, plan.data(), plan.size(), &o, &r.p) == PLANRULES_FINDINGS);
        CHECK_THAT(r.str(), Catch::Contains("\"rule\": \"HP-6.3\""));
        CHECK_THAT(r.str(), Catch::Contains("[uppgift för Arbetsförmedlingen]"));
        CHECK(planrules::test::sensitive_leak(r.str()) == "");
    }
}
