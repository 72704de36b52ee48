#pragma once
// Resource limits. Every limit has a safe default; hosts may raise or lower them.

#include <cstddef>
#include <cstdint>

namespace planrules {

struct Limits {
    std::size_t max_file_size = 4u << 20;     // bytes per rule or schema file
    std::size_t max_files = 10'000;            // files per compilation
    std::uint32_t max_nesting_depth = 64;      // nested expressions: ( [ not - if exists aggregates
    std::uint32_t max_expression_height = 1000; // operators chained in one expression (a or b or …)
    std::uint32_t max_identifier_length = 128; // bytes
    std::uint32_t max_string_length = 4096;    // bytes of one string literal
    std::size_t max_diagnostics = 200;         // per file; parsing stops after that many errors
};

struct CompileOptions {
    Limits limits{};
};

}  // namespace planrules
