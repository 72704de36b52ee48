#pragma once
// The commands of the planrules tool, one file each (check.cpp, validate.cpp, test.cpp,
// explain.cpp, fmt.cpp, batch.cpp), and what they share: the options that choose and read the
// rules, colours, the date, and usage errors. main.cpp parses the command line with CLI11 and
// runs the command it names.

#include "text/catalogue.hpp"

#include <planrules/planrules.hpp>
#include <planrules/tree.hpp>

#include <CLI/CLI.hpp>

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace planrules::cli {

using text::N_;
using text::tr;

// A command: its part of the command line, its operands (files, the rule id: what is not an
// option, including what follows `--`) and what it does once parsed (the exit status).
struct Command {
    CLI::App* app = nullptr;
    std::vector<std::string>* operands = nullptr;
    std::function<int()> run;
};

Command add_check(CLI::App& tool);
Command add_validate(CLI::App& tool);
Command add_test(CLI::App& tool);
Command add_explain(CLI::App& tool);
Command add_fmt(CLI::App& tool);
Command add_batch(CLI::App& tool);
Command add_impact(CLI::App& tool);
Command add_lsp(CLI::App& tool);

// The language of what the tool writes for people: --lang sv|en, else the environment's
// (LC_ALL, LC_MESSAGES, LANG). main.cpp sets it once the command line is parsed.
Language language();
void set_language(Language language);
// Options of the library in that language.
CompileOptions compile_options();
RenderOptions render_options(bool color = false);

// The help and the parse errors in the tool's language (help_text.cpp): CLI11's headings and
// placeholders for `tool` and the commands added to it afterwards; once they are added, their
// help flags among the options; a parse error's message.
void localize(CLI::App& tool);
void localize_commands(CLI::App& tool);
std::string parse_error_text(const CLI::ParseError& e);

// Prints "planrules: MESSAGE" and the command's help to standard error; returns 2.
int usage_error(const CLI::App& command, const std::string& message);

// The help of a command as `planrules COMMAND --help` prints it.
std::string help_of(const CLI::App& command);

// Whether to colour what goes to `fd` unless an option says otherwise: a terminal, NO_COLOR unset.
bool color_default(int fd);

// --NAME / --no-NAME: `value` true or false, the last one given winning.
void add_switch(CLI::App& command, const std::string& name, bool& value, const std::string& what);

// --color / --no-color.
void add_color_flag(CLI::App& command, bool& color);

// --rules, --as-of, --audience and --ruleset, as validate and batch take them.
struct RuleOptions {
    std::vector<std::string> rules;
    std::string as_of;
    std::string audience;
    std::vector<std::string> rulesets;
};
void add_rule_options(CLI::App& command, RuleOptions& o);
// Their values into `options`; a usage error's exit status (2) when one is not valid.
std::optional<int> apply(const CLI::App& command, const RuleOptions& o, ValidateOptions& options);

// Compiles the rules; on errors prints them with a pointer to `planrules check` and returns
// nullopt. `plans`: the rules are to read plans, so they must declare the plan's type.
std::optional<RuleSet> compile_or_report(const std::vector<std::filesystem::path>& paths, bool plans = false);

// A usage error (2) for the first rule set in `wanted` that the rules lack; 0 when all exist.
int check_ruleset_names(const CLI::App& command, const RuleSet& rs, const std::vector<std::string>& wanted);

// A whole number from 0 to `max` (an option's value), or nothing.
std::optional<long> whole_number(const std::string& text, long max);

// Paths from strings.
std::vector<std::filesystem::path> to_paths(const std::vector<std::string>& v);

// The paths given, and when some are single files, the files of their rule tree that declare
// what those need (planrules/tree.hpp); says on standard error which were added and why.
std::vector<std::filesystem::path> with_rule_tree(const std::vector<std::string>& operands);

// A path as the compiler names the file in diagnostics and tests ("rules/kommun/x.test").
std::string display_name(const std::filesystem::path& p);

}  // namespace planrules::cli
