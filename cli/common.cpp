// What the commands share: usage errors, colours, today, the options that choose the rules.

#include "command.hpp"

#include "text/strings.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <unistd.h>

namespace planrules::cli {

namespace {
Language chosen_language = Language::en;
}

Language language() { return chosen_language; }
void set_language(Language language) { chosen_language = language; }

CompileOptions compile_options() {
    CompileOptions o;
    o.language = chosen_language;
    return o;
}

RenderOptions render_options(bool color) {
    RenderOptions o;
    o.color = color;
    o.language = chosen_language;
    return o;
}

std::string help_of(const CLI::App& command) {
    return command.get_parent() ? command.help("planrules") : command.help();
}

int usage_error(const CLI::App& command, const std::string& message) {
    std::fprintf(stderr, "planrules: %s\n\n%s", message.c_str(), help_of(command).c_str());
    return 2;
}

bool color_default(int fd) { return isatty(fd) != 0 && std::getenv("NO_COLOR") == nullptr; }

void add_switch(CLI::App& command, const std::string& name, bool& value, const std::string& what) {
    command.add_flag_callback("--" + name, [&value] { value = true; }, what);
    command.add_flag_callback("--no-" + name, [&value] { value = false; }, tr("the opposite of --{}", name));
}

void add_color_flag(CLI::App& command, bool& color) {
    add_switch(command, "color", color, tr("colour the output (default: when it goes to a terminal and NO_COLOR is not set)"));
}

void add_rule_options(CLI::App& command, RuleOptions& o) {
    command.add_option("--rules", o.rules, tr("a directory or file of rules (*.rules, *.schema, *.test); may be repeated"))
        ->type_name("DIR")
        ->allow_extra_args(false);
    command.add_option("--as-of", o.as_of, tr("the date the plans are judged on (default today)"))->type_name("YYYY-MM-DD");
    command.add_option("--audience", o.audience,
                       tr("who the report is for: af (default), kommun or leverantor; for kommun and leverantor "
                       "sensitive rules and values are left out"))
        ->type_name("WHO");
    command.add_option("--ruleset", o.rulesets, tr("only the rules of this rule set and those it extends; may be repeated"))
        ->type_name("NAME")
        ->allow_extra_args(false);
}

std::optional<int> apply(const CLI::App& command, const RuleOptions& o, ValidateOptions& options) {
    options.language = chosen_language;
    if (!o.as_of.empty()) {
        auto d = parse_date(o.as_of);
        if (!d) return usage_error(command, tr("'{}' is not a date; write YYYY-MM-DD", o.as_of));
        options.as_of = *d;
    }
    if (!o.audience.empty()) {
        auto aud = parse_audience(o.audience);
        if (!aud) return usage_error(command, tr("--audience needs af, kommun or leverantor"));
        options.audience = *aud;
    }
    for (const auto& r : o.rulesets) {
        if (r.empty()) return usage_error(command, tr("--ruleset needs a rule set name, e.g. national.law"));
        options.rulesets.push_back(r);
    }
    return std::nullopt;
}

std::optional<RuleSet> compile_or_report(const std::vector<std::filesystem::path>& paths, bool plans) {
    auto rs = compile_files(paths, compile_options());
    if (!rs) {
        std::fputs(render_text(rs.error(), render_options()).c_str(), stderr);
        std::fprintf(stderr, "planrules: %s\n", tr("the rules have errors; run 'planrules check' for details").c_str());
        return std::nullopt;
    }
    if (plans && rs->program().schema.root_type < 0) {
        std::string where;
        for (const auto& p : paths) where += (where.empty() ? "" : ", ") + p.string();
        if (rs->program().files.empty())
            std::fprintf(stderr, "planrules: %s\n", tr("no rule files (*.rules, *.schema) in {}", where).c_str());
        else
            std::fprintf(stderr, "planrules: %s\n  = %s: %s\n",
                         tr("the rules in {} declare no plan type, so no plan can be read", where).c_str(),
                         std::string(text::translate(N_("help"))).c_str(),
                         tr("give the schema too (a file with 'root plan: Plan'), e.g. --rules rules/").c_str());
        return std::nullopt;
    }
    return std::move(*rs);
}

int check_ruleset_names(const CLI::App& command, const RuleSet& rs, const std::vector<std::string>& wanted) {
    auto names = rs.ruleset_names();
    for (const auto& want : wanted) {
        if (std::find(names.begin(), names.end(), want) != names.end()) continue;
        std::string hint = detail::nearest(want, names);
        return usage_error(command, tr("no rule set '{}' in the rules{}", want,
                                                hint.empty() ? std::string() : tr("; did you mean '{}'?", hint)));
    }
    return 0;
}

std::optional<long> whole_number(const std::string& text, long max) {
    char* end = nullptr;
    errno = 0;
    long n = std::strtol(text.c_str(), &end, 10);
    if (text.empty() || *end != '\0' || errno || n < 0 || n > max) return std::nullopt;
    return n;
}

std::vector<std::filesystem::path> to_paths(const std::vector<std::string>& v) {
    return {v.begin(), v.end()};
}

std::string display_name(const std::filesystem::path& p) {
    return p == "-" ? "<stdin>" : p.lexically_normal().generic_string();
}

std::vector<std::filesystem::path> with_rule_tree(const std::vector<std::string>& operands) {
    std::vector<std::filesystem::path> paths = to_paths(operands);
    std::vector<std::filesystem::path> files;
    std::error_code ec;
    for (const auto& p : paths)
        if (p != "-" && std::filesystem::is_regular_file(p, ec)) files.push_back(p);
    if (files.empty()) return paths;
    const RuleTree tree = find_rule_tree(files);
    if (tree.added.empty()) return paths;
    std::string list;
    for (std::size_t i = 0; i < tree.added.size(); ++i)
        list += fmt::format("\n  {} ({})", display_name(tree.added[i]),
                            tree.reasons[i].empty() ? tr("the schema") : tr("declares {}", tree.reasons[i]));
    std::fprintf(stderr, "planrules: %s%s\n", tr("loaded from the rule tree {} as well:", display_name(tree.root)).c_str(),
                 list.c_str());
    paths.insert(paths.begin(), tree.added.begin(), tree.added.end());
    return paths;
}

}  // namespace planrules::cli
