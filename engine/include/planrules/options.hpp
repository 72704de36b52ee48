#pragma once
// Resource limits. Every limit has a safe default; hosts may raise or lower them.

#include <planrules/language.hpp>

#include <cstddef>
#include <cstdint>

namespace planrules {

struct Limits {
    std::size_t max_file_size = 4u << 20;     // bytes per rule or schema file
    std::size_t max_files = 10'000;            // files per compilation
    std::uint32_t max_nesting_depth = 48;      // nested expressions: ( [ not - if exists aggregates, list<…>
    // Stack the parser may use, measured, whatever the build: a nesting level costs about
    // 6 KB in an optimised build and more in a debug one. Hosts that parse on threads with
    // small stacks (musl's default is 128 KB) lower this. Under AddressSanitizer, whose
    // frames are about four times larger, the measured use is divided by four.
    std::size_t max_parse_stack_bytes = 512u << 10;
    std::uint32_t max_expression_height = 1000; // operators chained in one expression (a or b or …)
    std::uint32_t max_identifier_length = 128; // bytes
    std::uint32_t max_string_length = 4096;    // bytes of one string literal
    std::size_t max_diagnostics = 200;         // per file; parsing stops after that many errors
};

// Limits on plan JSON (RuleSet::load_json).
struct PlanLimits {
    std::size_t max_plan_size = 16u << 20;     // bytes of JSON
    std::uint32_t max_depth = 64;               // nesting of objects and arrays
    std::uint32_t max_list_length = 100'000;    // elements of one list
    std::uint32_t max_string_length = 1u << 20; // bytes of one string value
    // PLAN-FORMAT findings kept (Plan::input_findings); the rest are counted, not made, so
    // that a plan of 100 000 bad values costs no more than one of 1 000. 0: no limit.
    std::uint32_t max_findings = 1000;
};

struct CompileOptions {
    Limits limits{};
    Language language = Language::en;  // of the diagnostics' messages and help
};

}  // namespace planrules
