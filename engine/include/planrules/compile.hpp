#pragma once
// The driver: finds rule files, reads them, parses them, loads the schema files they
// name and checks everything together. Never throws.

#include <planrules/check/checker.hpp>
#include <planrules/diagnostics.hpp>
#include <planrules/options.hpp>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace planrules {

struct Compilation {
    std::shared_ptr<check::Program> program;  // null only when nothing could be read
    Diagnostics diagnostics;                  // errors, warnings and notes, in file order
    bool unreadable = false;                  // some file could not be read (CLI exit code 2)
    std::size_t file_count = 0;
};

// File extensions the driver picks up in directories.
inline constexpr const char* rule_file_extensions[] = {".rules", ".schema", ".test"};

// Whether `p` has one of them.
[[nodiscard]] inline bool is_rule_file(const std::filesystem::path& p) {
    const auto ext = p.extension();
    for (const char* e : rule_file_extensions)
        if (ext == e) return true;
    return false;
}

// Directories are searched recursively for *.rules, *.schema and *.test files, in
// sorted order; files are taken as given; "-" is standard input, read as one rule file named
// <stdin>.
[[nodiscard]] Compilation compile_paths(const std::vector<std::filesystem::path>& paths,
                                        const CompileOptions& options = {});

// In-memory sources (tests, hosts that keep rules in a database). Schema files named
// with `schema "…"` are looked up among the sources by name, then on disk.
[[nodiscard]] Compilation compile_sources(std::vector<SourceFilePtr> sources, const CompileOptions& options = {});

}  // namespace planrules
