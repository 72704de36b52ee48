#include "diagnostics/codes.hpp"
#include "text/catalogue.hpp"
#include <planrules/compile.hpp>
#include <planrules/planrules.hpp>
#include <planrules/read.hpp>
#include <planrules/syntax/parser.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <system_error>

namespace planrules {

namespace fs = std::filesystem;

namespace {

Diagnostic io_error(const std::string& file_name, std::string message, std::string help = {}) {
    Diagnostic d;
    d.severity = DiagnosticSeverity::error;
    d.code = "io-error";
    d.file_name = file_name;
    d.message = std::move(message);
    d.help = std::move(help);
    return d;
}

// Reads a whole rule file (bounded: planrules/read.hpp); too large is an error, not unreadable.
SourceFilePtr read_source(const fs::path& path, const std::string& display, const Limits& limits,
                          Diagnostics& diags, bool& unreadable) {
    auto text = read_input(path, limits.max_file_size, rule_input, display);
    if (!text) {
        unreadable = text.error().code == "io-error";
        diags.push_back(std::move(text.error()));
        return nullptr;
    }
    return std::make_shared<SourceFile>(display, std::move(*text));
}

std::string display_name(const fs::path& p) { return p == "-" ? "<stdin>" : p.lexically_normal().generic_string(); }

struct Driver {
    const CompileOptions& options;
    Compilation result;
    std::vector<SourceFilePtr> sources;
    std::vector<syntax::ParseResult> parsed;

    void add(SourceFilePtr src) {
        if (sources.size() >= options.limits.max_files) {
            result.diagnostics.push_back(io_error(src->name(), text::tr("more than {} files", options.limits.max_files)));
            return;
        }
        auto pr = syntax::parse_file(src, options.limits);
        sources.push_back(std::move(src));
        parsed.push_back(std::move(pr));
    }

    static bool same_file(const std::string& a, const std::string& b) {
        std::error_code ec;
        return a == b || (fs::exists(a, ec) && fs::exists(b, ec) && fs::equivalent(a, b, ec));
    }
    bool loaded(const std::string& name) const {
        return std::any_of(sources.begin(), sources.end(), [&](const SourceFilePtr& s) { return same_file(s->name(), name); });
    }

    // Loads the schema files that rule set headers name (relative to their file).
    void load_schemas() {
        for (std::size_t i = 0; i < parsed.size(); ++i) {
            for (auto& d : parsed[i].file.decls) {
                auto* h = std::get_if<ast::RulesetDecl>(&d);
                if (!h || !h->schema) continue;
                fs::path base = fs::path(sources[i]->name()).parent_path();
                std::string name = display_name(base / h->schema->value);
                if (same_file(name, sources[i]->name())) {
                    result.diagnostics.push_back(diagnostics::make(
                        "schema-is-this-file", sources[i], h->schema->span,
                        text::tr("the schema line names this rule file itself ('{}')", h->schema->value),
                        text::tr("name the schema file, e.g. schema \"handlingsplan.schema\" (the path is relative to this file's folder)")));
                    continue;
                }
                if (loaded(name)) continue;
                Diagnostics tmp;
                bool unreadable = false;
                auto src = read_source(name, name, options.limits, tmp, unreadable);
                if (!src) {
                    std::string why = tmp.empty() ? text::tr("cannot read it") : tmp.front().message;
                    result.diagnostics.push_back(diagnostics::make(
                        "schema-not-found", sources[i], h->schema->span,
                        text::tr("cannot load schema '{}': {}", h->schema->value, why),
                        text::tr("the path is relative to the folder of this file")));
                    continue;
                }
                add(std::move(src));  // appended: the loop reaches it too
            }
        }
    }

    void finish() {
        load_schemas();
        auto program = std::make_shared<check::Program>();
        for (std::size_t i = 0; i < parsed.size(); ++i) {
            for (auto& d : parsed[i].diagnostics) result.diagnostics.push_back(std::move(d));
            program->files.push_back(check::ParsedFile{sources[i], std::move(parsed[i].file)});
        }
        result.file_count = program->files.size();
        auto diags = check::check(*program, options.limits);
        for (auto& d : diags) result.diagnostics.push_back(std::move(d));
        // Stable order: by file (in load order), then position.
        std::vector<const SourceFile*> order;
        for (auto& s : sources) order.push_back(s.get());
        auto rank = [&](const Diagnostic& d) {
            auto it = std::find(order.begin(), order.end(), d.file.get());
            return static_cast<std::size_t>(it - order.begin());
        };
        // A note belongs to the diagnostic before it: sort groups, not single lines.
        std::vector<std::vector<Diagnostic>> groups;
        for (auto& d : result.diagnostics) {
            if (d.severity == DiagnosticSeverity::note && !groups.empty()) groups.back().push_back(std::move(d));
            else groups.push_back({std::move(d)});
        }
        std::stable_sort(groups.begin(), groups.end(), [&](const auto& a, const auto& b) {
            auto ra = rank(a.front()), rb = rank(b.front());
            if (ra != rb) return ra < rb;
            return a.front().span.begin < b.front().span.begin;
        });
        result.diagnostics.clear();
        for (auto& g : groups)
            for (auto& d : g) result.diagnostics.push_back(std::move(d));
        result.program = std::move(program);
    }
};

}  // namespace

Compilation compile_paths(const std::vector<fs::path>& paths, const CompileOptions& options) {
    const text::LanguageScope language(options.language);
    Driver drv{options, {}, {}, {}};
    try {
        std::vector<fs::path> files;
        for (const auto& p : paths) {
            std::error_code ec;
            if (p == "-") {  // standard input, read as one file
                files.push_back(p);
            } else if (fs::is_directory(p, ec)) {
                std::vector<fs::path> found;
                fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec), end;
                for (; !ec && it != end; it.increment(ec)) {
                    std::error_code ec2;
                    if (it->is_regular_file(ec2) && is_rule_file(it->path())) found.push_back(it->path());
                }
                if (ec) {
                    drv.result.diagnostics.push_back(io_error(display_name(p), text::tr("cannot read directory: {}", ec.message())));
                    drv.result.unreadable = true;
                }
                std::sort(found.begin(), found.end());
                files.insert(files.end(), found.begin(), found.end());
            } else if (fs::exists(p, ec)) {
                files.push_back(p);
            } else {
                drv.result.diagnostics.push_back(io_error(display_name(p), text::tr("no such file or directory")));
                drv.result.unreadable = true;
            }
        }
        for (const auto& f : files) {
            std::string name = display_name(f);
            if (drv.loaded(name)) continue;
            auto src = read_source(f, name, options.limits, drv.result.diagnostics, drv.result.unreadable);
            if (src) drv.add(std::move(src));
        }
        drv.finish();
    } catch (const std::exception& e) {
        // Nothing above throws on bad input; this guards the host against the unexpected
        // (allocation failure, filesystem errors).
        drv.result.diagnostics.push_back(io_error("planrules", text::tr("internal error: {}", e.what())));
        drv.result.unreadable = true;
    }
    return std::move(drv.result);
}

tl::expected<RuleSet, Diagnostics> compile_string(std::string_view text, std::string name, const CompileOptions& options) {
    if (text.size() > options.limits.max_file_size) {  // checked before a byte is copied
        const text::LanguageScope language(options.language);
        Diagnostic d = diagnostics::make("file-too-large", nullptr, {},
                                         text::tr("the rule text is {} bytes; the limit is {} bytes", text.size(),
                                                  options.limits.max_file_size),
                                         text::tr("rule files are small; split large rule sets into several files"));
        d.file_name = std::move(name);
        return tl::unexpected(Diagnostics{std::move(d)});
    }
    return to_expected(compile_sources({std::make_shared<SourceFile>(std::move(name), std::string(text))}, options));
}

Compilation compile_sources(std::vector<SourceFilePtr> sources, const CompileOptions& options) {
    const text::LanguageScope language(options.language);
    Driver drv{options, {}, {}, {}};
    try {
        for (auto& s : sources) drv.add(std::move(s));
        drv.finish();
    } catch (const std::exception& e) {
        drv.result.diagnostics.push_back(io_error("planrules", text::tr("internal error: {}", e.what())));
        drv.result.unreadable = true;
    }
    return std::move(drv.result);
}

}  // namespace planrules
