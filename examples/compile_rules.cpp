// How a host compiles rules with the C++ API: compile once at start-up, keep the
// immutable RuleSet, report diagnostics to whoever maintains the rules.

#include <planrules/planrules.hpp>

#include <cstdio>

int main(int argc, char** argv) {
    const char* dir = argc > 1 ? argv[1] : "rules";
    auto rules = planrules::compile_directory(dir);
    if (!rules) {
        std::fputs(planrules::render_text(rules.error()).c_str(), stderr);
        return 1;
    }
    std::fputs(planrules::render_text(rules->warnings()).c_str(), stderr);
    std::printf("compiled %zu rules from %s:", rules->rule_ids().size(), dir);
    for (const auto& id : rules->rule_ids()) std::printf(" %s", id.c_str());
    std::printf("\n");
    return 0;
}
