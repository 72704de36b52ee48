/* planrules: the C API (C99), for hosts in C, Java (JNA/FFM), C# (P/Invoke), Python (ctypes), …
 *
 *   planrules_rules* rules = NULL;
 *   char* diagnostics = NULL;
 *   if (planrules_compile_directory("rules", &rules, &diagnostics) != PLANRULES_OK) {
 *       fputs(diagnostics, stderr);              // a JSON array of diagnostics
 *       planrules_string_free(diagnostics);
 *       return 2;
 *   }
 *   planrules_string_free(diagnostics);           // warnings, "[]" when none
 *
 *   planrules_options options;
 *   planrules_options_init(&options);             // today, audience "af", with evidence
 *   char* report = NULL;
 *   planrules_status s = planrules_validate(rules, json, strlen(json), &options, &report);
 *   // s: PLANRULES_OK (no error findings), PLANRULES_FINDINGS (error findings),
 *   //    PLANRULES_INVALID_PLAN (not JSON) …; report: the JSON report of `planrules validate`
 *   planrules_string_free(report);
 *   planrules_rules_free(rules);
 *
 * Every function returns its errors; none throws, aborts or prints. Strings the library
 * returns are owned by the caller and freed with planrules_string_free. Strings passed in are
 * UTF-8 and are not kept after the call returns.
 *
 * Threads: a compiled planrules_rules is immutable. Any number of threads may call
 * planrules_validate with the same rules at once; planrules_rules_free must not race with them.
 */
#ifndef PLANRULES_H
#define PLANRULES_H

#include <stddef.h>

#if defined(_WIN32)
#define PLANRULES_C_API __declspec(dllexport)
#elif defined(__GNUC__)
#define PLANRULES_C_API __attribute__((visibility("default")))
#else
#define PLANRULES_C_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

typedef enum planrules_status {
    PLANRULES_OK = 0,               /* done; for validate: no finding of severity error */
    PLANRULES_FINDINGS = 1,         /* validate: the plan has findings of severity error */
    PLANRULES_INVALID_RULES = 2,    /* compile: the rules have errors (see the diagnostics) */
    PLANRULES_INVALID_PLAN = 3,     /* validate: the plan is not JSON (see the report's diagnostics) */
    PLANRULES_INVALID_ARGUMENT = 4, /* a null pointer, a bad date, an unknown audience or rule set */
    PLANRULES_INTERNAL_ERROR = 5    /* out of memory or another failure inside the library */
} planrules_status;

/* A compiled rule set. */
typedef struct planrules_rules planrules_rules;

/* The library's version, "MAJOR.MINOR.PATCH"; a static string. */
PLANRULES_C_API const char* planrules_version(void);

/* A short English text for a status; a static string. */
PLANRULES_C_API const char* planrules_status_text(planrules_status status);

/* The language of the texts the library writes for calls made on the calling thread from now
 * on: the messages and help of diagnostics, and the texts of reports. "en" (the default), "sv",
 * or a locale name such as "sv_SE.UTF-8"; NULL: the language of the environment (LC_ALL,
 * LC_MESSAGES, LANG; Swedish for sv_*). Another language gives PLANRULES_INVALID_ARGUMENT and
 * leaves the language as it was. Codes, JSON keys and statuses are the same in every language. */
PLANRULES_C_API planrules_status planrules_set_language(const char* language);

/* Compiles rules. On success *out_rules is set (free with planrules_rules_free) and the result
 * is PLANRULES_OK; otherwise *out_rules is NULL. In both cases, when out_diagnostics is not NULL,
 * *out_diagnostics is set to a JSON array of the diagnostics (errors, warnings, notes):
 * [{"file", "line", "column", "end_line", "end_column", "severity", "code", "message", "help"}]. */
PLANRULES_C_API planrules_status planrules_compile_directory(const char* directory, planrules_rules** out_rules,
                                                             char** out_diagnostics);
/* `paths`: `count` files or directories. */
PLANRULES_C_API planrules_status planrules_compile_files(const char* const* paths, size_t count,
                                                         planrules_rules** out_rules, char** out_diagnostics);
/* Rule text held in memory (`length` bytes); `name` (may be NULL) names it in diagnostics. A
 * `schema "…"` line is resolved relative to the current directory. */
PLANRULES_C_API planrules_status planrules_compile_string(const char* text, size_t length, const char* name,
                                                          planrules_rules** out_rules, char** out_diagnostics);

PLANRULES_C_API void planrules_rules_free(planrules_rules* rules);

/* The rule set names, as a JSON array of strings (free with planrules_string_free). */
PLANRULES_C_API planrules_status planrules_ruleset_names(const planrules_rules* rules, char** out_json);

typedef struct planrules_options {
    int year, month, day;          /* the evaluation date; all 0: today (local time) */
    const char* audience;          /* "af" (also when NULL), "kommun" or "leverantor" */
    int evidence;                  /* nonzero: evidence values in the report; 0: none */
    const char* const* rulesets;   /* scope: these rule sets and those they extend; NULL: all */
    size_t ruleset_count;
    unsigned long long max_steps;  /* evaluation steps one plan may take (ValidateOptions::max_steps); 0: no limit */
} planrules_options;

/* Today, audience "af", evidence on, all rule sets, max_steps 100 000 000. */
PLANRULES_C_API void planrules_options_init(planrules_options* options);

/* Loads and validates plan JSON (`length` bytes). *out_report is set to the report as one line
 * of JSON, the format of `planrules validate --format json` (without "file"); for a plan that is
 * not JSON, {"plan": null, "error": "…", "diagnostics": […]} and PLANRULES_INVALID_PLAN.
 * `options` may be NULL (the defaults of planrules_options_init). */
PLANRULES_C_API planrules_status planrules_validate(const planrules_rules* rules, const char* json, size_t length,
                                                   const planrules_options* options, char** out_report);

/* Frees a string returned by the library; NULL is allowed. */
PLANRULES_C_API void planrules_string_free(char* text);

#ifdef __cplusplus
}
#endif

#endif /* PLANRULES_H */
