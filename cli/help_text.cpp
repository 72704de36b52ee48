// What CLI11 itself writes, in the tool's language: the headings and placeholders of the help,
// and the messages of the command lines it cannot parse. Our own texts (the descriptions of
// the commands and options) go through tr() where they are added.

#include "command.hpp"

#include "text/strings.hpp"

#include <fmt/args.h>

#include <memory>
#include <regex>

namespace planrules::cli {

namespace {

// The words of the help that CLI11 writes (its labels), and the placeholders of our options.
struct Label {
    const char* key;
    const char* english;
};
constexpr Label labels[] = {
    {"Usage", N_("Usage")},           {"OPTIONS", N_("OPTIONS")},     {"SUBCOMMAND", N_("COMMAND")},
    {"SUBCOMMANDS", N_("COMMANDS")},  {"Positionals", N_("Operands")}, {"REQUIRED", N_("REQUIRED")},
    {"DAYS", N_("DAYS")},             {"DIR", N_("DIR")},             {"FIELD", N_("FIELD")},
    {"FILE", N_("FILE")},             {"KIND", N_("KIND")},           {"LANG", N_("LANG")},
    {"NAME", N_("NAME")},             {"PATH", N_("PATH")},           {"PERCENT", N_("PERCENT")},
    {"PLANS.jsonl", N_("PLANS.jsonl")}, {"RULE-ID", N_("RULE-ID")},   {"WHO", N_("WHO")},
    {"YYYY-MM-DD", N_("YYYY-MM-DD")},
};

// CLI11's messages for the mistakes people make on a command line, as the patterns of its
// English text; the captures are the text's placeholders in order. A message matching none
// is shown as CLI11 wrote it.
struct Message {
    const char* pattern;
    const char* english;
};
constexpr Message messages[] = {
    {"The following argument was not expected: (.*)", N_("The following argument was not expected: {}")},
    {"The following arguments were not expected: (.*)", N_("The following arguments were not expected: {}")},
    {"(.*): 1 required (.*) missing", N_("{} needs a value ({})")},
    {"(.*): ([0-9]+) required (.*) missing", N_("{} needs {} values ({})")},
    {"(.*) is required", N_("{} is required")},
    {"Could not convert: (.*) = (.*)", N_("{} cannot be '{}'")},
    {"The value (.*) is not an allowed value for (.*)", N_("'{}' is not an allowed value of {}")},
    {"(.*): too many inputs for a flag", N_("{} takes no value")},
    {"Expected exactly ([0-9]+) arguments to (.*), got ([0-9]+)", N_("Expected exactly {} values of {}, got {}")},
};

// CLI11's formatter, with the columns aligned by characters, not bytes ("--lang SPRÅK").
class Formatter : public CLI::Formatter {
public:
    std::string make_option(const CLI::Option* opt, bool is_positional) const override {
        const std::string name = "  " + make_option_name(opt, is_positional) + make_option_opts(opt);
        const std::string description = make_option_desc(opt);
        const std::size_t width = detail::code_points(name);
        std::string out = name;
        if (!description.empty()) {
            if (width >= column_width_) out += "\n" + std::string(column_width_, ' ');
            else out += std::string(column_width_ - width, ' ');
            for (char c : description) {
                out += c;
                if (c == '\n') out += std::string(column_width_, ' ');
            }
        }
        return out + "\n";
    }
};

// A label's translation when `key` is one (a placeholder named in a parse error), else `key`.
std::string label_of(const std::string& key) {
    for (const auto& l : labels)
        if (key == l.key) return std::string(text::translate(l.english));
    return key;
}

}  // namespace

void localize(CLI::App& tool) {
    auto formatter = std::make_shared<Formatter>();
    for (const auto& l : labels) formatter->label(l.key, std::string(text::translate(l.english)));
    tool.formatter(formatter);
    tool.option_defaults()->group(std::string(text::translate(N_("Options"))));
    tool.group(std::string(text::translate(N_("Commands"))));
    tool.set_help_flag("-h,--help", tr("Print this help message and exit"));
}

void localize_commands(CLI::App& tool) {
    for (CLI::App* command : tool.get_subcommands({}))
        if (CLI::Option* help = command->get_help_ptr()) help->group(tool.get_help_ptr()->get_group());
}

std::string parse_error_text(const CLI::ParseError& e) {
    const std::string what = e.what();
    if (text::current_language() == Language::en) return what;
    for (const auto& m : messages) {
        std::smatch found;
        if (!std::regex_match(what, found, std::regex(m.pattern))) continue;
        fmt::dynamic_format_arg_store<fmt::format_context> args;
        for (std::size_t i = 1; i < found.size(); ++i) args.push_back(label_of(found[i].str()));
        return fmt::vformat(text::translate(m.english), args);
    }
    return what;
}

}  // namespace planrules::cli
