// planrules: the command-line tool for policy staff and CI. The command line is parsed with
// CLI11; each command is in a file of its own (command.hpp). Options take their value as
// `--name value` or `--name=value`; `--` ends the options; '-' is standard input; a command
// line that cannot be parsed exits 2 with the command's usage.

#include "command.hpp"

#include "text/catalogue.hpp"

#include <cstdio>
#include <exception>
#include <string>
#include <vector>

namespace {

using planrules::cli::Command;
using planrules::text::tr;

// The value of --lang before `--`, read before the command line is parsed so that the help is
// in that language too; a value that is not a language is reported by the parse.
void prescan_language(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--") return;
        std::string value;
        if (a == "--lang" && i + 1 < argc) value = argv[i + 1];
        else if (a.rfind("--lang=", 0) == 0) value = a.substr(7);
        if (auto l = planrules::parse_language(value)) planrules::cli::set_language(*l);
    }
}

int run(int argc, char** argv) {
    prescan_language(argc, argv);
    const planrules::text::LanguageScope help_language(planrules::cli::language());
    CLI::App tool{tr("planrules: validates individual action plans against rules that policy staff write"), "planrules"};
    planrules::cli::localize(tool);
    tool.set_version_flag("--version", std::string("planrules ") + PLANRULES_VERSION,
                          tr("Display program version information and exit"));
    tool.require_subcommand(0, 1);
    tool.footer(tr("Run 'planrules COMMAND --help' for the options of a command."));
    // --lang may stand before or after the command
    tool.fallthrough();
    std::string lang;
    tool.add_option("--lang", lang,
                    tr("the language of what planrules writes: sv or en (default: from LC_ALL, LC_MESSAGES or LANG)"))
        ->type_name("LANG");
    std::vector<Command> commands = {planrules::cli::add_check(tool),   planrules::cli::add_validate(tool),
                                     planrules::cli::add_test(tool),    planrules::cli::add_explain(tool),
                                     planrules::cli::add_fmt(tool),     planrules::cli::add_batch(tool),
                                     planrules::cli::add_impact(tool),
                                     planrules::cli::add_lsp(tool)};
    planrules::cli::localize_commands(tool);
    // what follows `--` is operands of the command, whatever it looks like
    std::vector<std::string> after;
    int parsed = argc;
    for (int i = 1; i < argc; ++i) {
        if (std::string(argv[i]) == "--") {
            parsed = i;
            for (int j = i + 1; j < argc; ++j) after.emplace_back(argv[j]);
            break;
        }
    }
    auto chosen = [&]() -> const Command* {
        for (const auto& c : commands)
            if (c.app->parsed()) return &c;
        return nullptr;
    };
    try {
        tool.parse(parsed, argv);
    } catch (const CLI::CallForHelp&) {
        const Command* c = chosen();
        std::fputs(c ? planrules::cli::help_of(*c->app).c_str() : tool.help().c_str(), stdout);
        return 0;
    } catch (const CLI::CallForVersion& e) {
        std::printf("%s\n", e.what());
        return 0;
    } catch (const CLI::ParseError& e) {
        const Command* c = chosen();
        return planrules::cli::usage_error(c ? *c->app : tool, planrules::cli::parse_error_text(e));
    }
    if (!lang.empty()) {
        auto l = planrules::parse_language(lang);
        if (!l) return planrules::cli::usage_error(tool, tr("--lang needs sv or en"));
        planrules::cli::set_language(*l);
    }
    const planrules::text::LanguageScope parsed_language(planrules::cli::language());
    if (argc > 1 && std::string(argv[1]) == "help") {
        std::fputs(tool.help().c_str(), stdout);
        return 0;
    }
    const Command* c = chosen();
    if (!c) return planrules::cli::usage_error(tool, after.empty() ? tr("no command given") : tr("'--' comes after a command"));
    c->operands->insert(c->operands->end(), after.begin(), after.end());
    return c->run();
}

}  // namespace

int main(int argc, char** argv) {
    try {
        planrules::cli::set_language(planrules::language_from_environment());
        return run(argc, argv);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "planrules: %s\n", planrules::text::tr("internal error: {}", e.what()).c_str());
        return 2;
    }
}
