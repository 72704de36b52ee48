// planrules lsp: the language server for editors, over standard input and output (lsp/).

#include "command.hpp"

#include "lsp/serve.hpp"

#include <unistd.h>

namespace planrules::cli {

Command add_lsp(CLI::App& tool) {
    struct Options {
        bool stdio = false;
        std::string debounce;
        std::vector<std::string> operands;
    };
    auto o = std::make_shared<Options>();
    CLI::App* app = tool.add_subcommand(
        "lsp", tr("a Language Server Protocol server for editors, over standard input and output (LSP 3.17)"));
    app->add_flag("--stdio", o->stdio, tr("talk over standard input and output (the default and only way)"));
    app->add_option("--debounce", o->debounce, tr("milliseconds after the last change before diagnostics are shown (default 150)"))
        ->type_name("MS");
    app->footer(tr("exit status: 0 after the client's shutdown and exit, 1 when the client leaves without them"));
    auto run = [app, o]() -> int {
        if (!o->operands.empty()) return usage_error(*app, tr("lsp takes no operands"));
        lsp::ServerOptions options;
        if (!o->debounce.empty()) {
            auto n = whole_number(o->debounce, 10'000);
            if (!n) return usage_error(*app, tr("--debounce needs a whole number from 0 to 10000, not '{}'", o->debounce));
            options.debounce = std::chrono::milliseconds(*n);
        }
        return lsp::serve(STDIN_FILENO, STDOUT_FILENO, options);
    };
    return Command{app, &o->operands, run};
}

}  // namespace planrules::cli
