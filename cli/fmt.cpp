// planrules fmt: rule, schema and test files in the canonical layout.

#include "command.hpp"

#include <planrules/read.hpp>
#include <planrules/syntax/format.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <unistd.h>

namespace planrules::cli {
namespace {

// The files `fmt` works on: files as given, directories searched for rule, schema and test files.
std::vector<std::filesystem::path> rule_files(const std::vector<std::filesystem::path>& paths, std::string& error) {
    namespace fs = std::filesystem;
    std::vector<fs::path> out;
    for (const auto& p : paths) {
        std::error_code ec;
        if (fs::is_directory(p, ec)) {
            std::vector<fs::path> found;
            for (fs::recursive_directory_iterator it(p, ec), end; !ec && it != end; it.increment(ec)) {
                if (it->is_regular_file(ec) && is_rule_file(it->path())) found.push_back(it->path());
            }
            if (ec) {
                error = tr("cannot read the directory {}: {}", p.string(), ec.message());
                return {};
            }
            std::sort(found.begin(), found.end());
            out.insert(out.end(), found.begin(), found.end());
        } else {
            out.push_back(p);
        }
    }
    return out;
}

}  // namespace

Command add_fmt(CLI::App& tool) {
    struct Options {
        bool check = false;
        bool color = color_default(STDERR_FILENO);
        std::vector<std::string> operands;
    };
    auto o = std::make_shared<Options>();
    CLI::App* app = tool.add_subcommand(
        "fmt",
        tr("rewrite rule, schema and test files in the canonical layout (directories are searched for *.rules, "
        "*.schema and *.test; '-' formats standard input to standard output); comments are kept and the meaning "
        "never changes"));
    app->add_flag("--check", o->check, tr("write nothing; list the files that are not formatted"));
    add_color_flag(*app, o->color);
    app->add_option("paths", o->operands, tr("rule files and directories; '-' is standard input"))->type_name("PATH");
    app->footer(
        tr("exit status: 0 done (--check: all formatted), 1 --check: some file is not formatted, 2 a file cannot be "
        "read or has syntax errors"));
    auto run = [app, o]() -> int {
        const bool check = o->check;
        const bool color = o->color;
        std::vector<std::filesystem::path> paths;
        bool stdin_too = false;
        for (const auto& a : o->operands) {
            if (a == "-") stdin_too = true;
            else paths.emplace_back(a);
        }
        if (paths.empty() && !stdin_too) return usage_error(*app, tr("fmt needs at least one file or directory (or '-')"));
        const RenderOptions ro = render_options(color);
        const Limits limits;
        int status = 0;
        auto format_one = [&](const std::string& name, std::string text) -> std::optional<std::string> {
            auto source = std::make_shared<SourceFile>(name, std::move(text));
            auto r = syntax::format_file(source, limits);
            if (!r.text) {
                std::fputs(render_text(r.diagnostics, ro).c_str(), stderr);
                std::fprintf(stderr, "planrules: %s\n", tr("{} was not formatted", name).c_str());
                status = 2;
            }
            return r.text;
        };
        if (stdin_too) {
            auto text = read_input("-", limits.max_file_size, rule_input, "<stdin>");
            if (!text) {
                std::fprintf(stderr, "planrules: %s\n", text.error().message.c_str());
                return 2;
            }
            auto out = format_one("<stdin>", *text);
            if (out) {
                if (check && *out != *text) {
                    std::printf("<stdin>\n");
                    status = std::max(status, 1);
                } else if (!check) {
                    std::fputs(out->c_str(), stdout);
                }
            }
        }
        std::string error;
        auto files = rule_files(paths, error);
        if (!error.empty()) {
            std::fprintf(stderr, "planrules: %s\n", error.c_str());
            return 2;
        }
        std::size_t changed = 0;
        for (const auto& f : files) {
            auto read = read_input(f, limits.max_file_size, rule_input, f.string());
            if (!read) {
                std::fprintf(stderr, "planrules: %s\n", read.error().message.c_str());
                status = 2;
                continue;
            }
            const std::string& text = *read;
            auto out = format_one(f.string(), text);
            if (!out || *out == text) continue;
            ++changed;
            if (check) {
                std::printf("%s\n", f.string().c_str());
                status = std::max(status, 1);
                continue;
            }
            // write beside, then rename: a failure never leaves half a file
            std::filesystem::path tmp = f;
            tmp += ".fmt-tmp";
            {
                std::ofstream o(tmp, std::ios::binary | std::ios::trunc);
                o << *out;
                if (!o.flush()) {
                    std::fprintf(stderr, "planrules: %s\n", tr("cannot write {}", tmp.string()).c_str());
                    status = 2;
                    continue;
                }
            }
            std::error_code ec;
            std::filesystem::permissions(tmp, std::filesystem::status(f, ec).permissions(), ec);
            std::filesystem::rename(tmp, f, ec);
            if (ec) {
                std::fprintf(stderr, "planrules: %s\n", tr("cannot replace {}: {}", f.string(), ec.message()).c_str());
                std::filesystem::remove(tmp, ec);
                status = 2;
                continue;
            }
            std::printf("%s\n", tr("formatted {}", f.string()).c_str());
        }
        if (check && changed > 0)
            std::fprintf(stderr, "planrules: %s\n",
                         tr("{} of {} are not formatted; run 'planrules fmt' on them", changed,
                            text::tr_n(files.size(), N_("{} file"), N_("{} files")))
                             .c_str());
        return status;
    };
    return Command{app, &o->operands, run};
}

}  // namespace planrules::cli
