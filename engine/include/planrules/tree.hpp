#pragma once
// The rule tree a file belongs to, for commands given single files (`planrules test FILE`,
// `planrules check FILE`) and editors: a municipality's rule file extends the national rule
// sets, and its tests name rules of those; the files that declare them are found in the tree
// the file sits in, so that the file can be checked and tested alone.

#include <planrules/options.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace planrules {

struct RuleTree {
    std::filesystem::path root;                    // the nearest folder upwards with a *.schema file; empty: none
    std::vector<std::filesystem::path> added;      // files to load with the given ones, schema files first
    std::vector<std::string> reasons;              // for each added file, why: the rule sets and rules it
                                                   // declares that are needed ("" for a schema file)
};

// For `files` (rule, schema or test files): the tree they sit in, and the files of that tree
// that declare what they need and do not declare themselves: the rule sets their rule sets
// extend (transitively), the rules their tests and overrides name, and the tree's schema
// files. A file the tree cannot parse is passed over (compiling it alone reports its errors).
// Nothing is added when the files are in no tree or need nothing. Never throws.
// The tree `file` sits in: the nearest folder upwards with a *.schema file (absolute), or empty.
// The file need not exist (an editor's unsaved file). Never throws.
[[nodiscard]] std::filesystem::path rule_tree_root(const std::filesystem::path& file);

[[nodiscard]] RuleTree find_rule_tree(const std::vector<std::filesystem::path>& files, const Limits& limits = {});

}  // namespace planrules
