/* A C host: the C API from the shared library. */
#include <planrules/planrules.h>

#include <stdio.h>
#include <string.h>

int main(int argc, char** argv) {
    planrules_rules* rules = NULL;
    char* report = NULL;
    const char* plan = "{\"id\": \"P-1\", \"version\": 1, \"status\": \"upprattad\", \"typ\": \"ordinarie\", "
                       "\"sokande\": {\"id\": \"S\", \"kommun\": \"0180\", \"inskrivningsdatum\": \"2024-01-10\"}}";
    planrules_options options;
    planrules_status status;
    if (argc < 2 || planrules_compile_directory(argv[1], &rules, NULL) != PLANRULES_OK) return 2;
    planrules_options_init(&options);
    options.year = 2024;
    options.month = 3;
    options.day = 1;
    status = planrules_validate(rules, plan, strlen(plan), &options, &report);
    printf("c %s: %s", planrules_version(), report);
    planrules_string_free(report);
    planrules_rules_free(rules);
    return status == PLANRULES_FINDINGS ? 0 : 1;
}
