/* A host in C: compiles the rules once, validates one plan file with the C API and prints the
 * report (one line of JSON). Exit status as `planrules validate`: 0 no error findings, 1 error
 * findings, 2 the rules or the plan cannot be read.
 *
 *   example_c_validate_plan RULES-DIR PLAN.json [YYYY-MM-DD]
 */
#include <planrules/planrules.h>

#include <stdio.h>
#include <stdlib.h>

static char* read_file(const char* path, size_t* size) {
    FILE* f = fopen(path, "rb");
    char* text = NULL;
    long n;
    if (!f) return NULL;
    if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0) {
        text = malloc((size_t)n + 1);
        if (text && fread(text, 1, (size_t)n, f) == (size_t)n) {
            text[n] = '\0';
            *size = (size_t)n;
        } else {
            free(text);
            text = NULL;
        }
    }
    fclose(f);
    return text;
}

int main(int argc, char** argv) {
    planrules_rules* rules = NULL;
    char* diagnostics = NULL;
    char* report = NULL;
    char* plan;
    size_t size = 0;
    planrules_options options;
    planrules_status status;
    int exit_status;

    if (argc < 3) {
        fprintf(stderr, "usage: %s RULES-DIR PLAN.json [YYYY-MM-DD]\n", argv[0]);
        return 2;
    }
    printf("planrules %s\n", planrules_version());

    status = planrules_compile_directory(argv[1], &rules, &diagnostics);
    if (status != PLANRULES_OK) {
        fprintf(stderr, "%s: %s\n", planrules_status_text(status), diagnostics ? diagnostics : "");
        planrules_string_free(diagnostics);
        return 2;
    }
    planrules_string_free(diagnostics); /* the warnings, as JSON */

    plan = read_file(argv[2], &size);
    if (!plan) {
        fprintf(stderr, "cannot read %s\n", argv[2]);
        planrules_rules_free(rules);
        return 2;
    }

    planrules_options_init(&options);
    if (argc > 3 && sscanf(argv[3], "%d-%d-%d", &options.year, &options.month, &options.day) != 3) {
        fprintf(stderr, "not a date: %s\n", argv[3]);
        free(plan);
        planrules_rules_free(rules);
        return 2;
    }

    status = planrules_validate(rules, plan, size, &options, &report);
    printf("%s: %s", planrules_status_text(status), report ? report : "\n");
    exit_status = status == PLANRULES_OK ? 0 : status == PLANRULES_FINDINGS ? 1 : 2;

    planrules_string_free(report);
    free(plan);
    planrules_rules_free(rules);
    return exit_status;
}
