// A C++ host: compiles rules given on the command line and validates an inline plan.
#include <planrules/planrules.hpp>

#include <cstdio>

int main(int argc, char** argv) {
    if (argc < 2) return 2;
    auto rules = planrules::compile_directory(argv[1]);
    if (!rules) {
        std::fputs(planrules::render_text(rules.error()).c_str(), stderr);
        return 2;
    }
    auto plan = rules->load_json(R"({"id": "P-1", "version": 1, "status": "upprattad", "typ": "ordinarie",
        "sokande": {"id": "S", "kommun": "0180", "inskrivningsdatum": "2024-01-10"}})");
    if (!plan) return 2;
    auto report = rules->validate(*plan, {.as_of = planrules::Date{2024, 3, 1}});
    std::printf("cpp: %zu findings:", report.findings.size());
    for (const auto& f : report.findings) std::printf(" %s", f.rule.c_str());
    std::printf("\n");
    return report.findings.empty() ? 1 : 0;
}
