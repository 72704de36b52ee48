// Diagnostics as the editor shows them: check's diagnostics with their code, the help and the
// notes as related information, and on save the file's failing tests.

#include "lsp/features.hpp"

#include "text/catalogue.hpp"

#include <planrules/planrules.hpp>
#include <planrules/testing.hpp>

#include <map>

namespace planrules::lsp {

namespace {

int severity_of(DiagnosticSeverity s) {
    switch (s) {
        case DiagnosticSeverity::error: return 1;
        case DiagnosticSeverity::warning: return 2;
        case DiagnosticSeverity::note: return 3;
    }
    return 1;
}

// One diagnostic, with the notes that follow it.
void write_diagnostic(json::Writer& w, const Diagnostic& d, const std::vector<const Diagnostic*>& notes) {
    w.begin_object();
    w.key("range");
    if (d.file && d.has_span) write_range(w, *d.file, d.span);
    else write_range(w, SourceFile("", ""), {});
    w.field("severity", severity_of(d.severity)).field("code", d.code).field("source", "planrules");
    w.field("message", d.message);
    if (!d.help.empty() || !notes.empty()) {
        w.key("relatedInformation").begin_array();
        if (!d.help.empty() && d.file) {
            w.begin_object().key("location");
            write_location(w, *d.file, d.has_span ? d.span : SourceSpan{});
            w.field("message", text::tr("help: {}", d.help)).end_object();
        }
        for (const Diagnostic* n : notes) {
            if (!n->file) continue;
            w.begin_object().key("location");
            write_location(w, *n->file, n->has_span ? n->span : SourceSpan{});
            w.field("message", n->message).end_object();
        }
        w.end_array();
    }
    w.end_object();
}

std::string params_of(const std::string& uri, const std::vector<const Diagnostic*>& ds, std::optional<std::int64_t> version,
                      const std::vector<std::pair<SourceSpan, std::string>>& tests, const SourceFile* file) {
    std::string out;
    json::Writer w(out);
    w.begin_object().field("uri", uri);
    if (version) w.field("version", *version);
    w.key("diagnostics").begin_array();
    for (std::size_t i = 0; i < ds.size(); ++i) {
        if (ds[i]->severity == DiagnosticSeverity::note && i > 0) continue;  // shown with the one before
        std::vector<const Diagnostic*> notes;
        for (std::size_t j = i + 1; j < ds.size() && ds[j]->severity == DiagnosticSeverity::note; ++j) notes.push_back(ds[j]);
        write_diagnostic(w, *ds[i], notes);
    }
    for (const auto& [span, message] : tests) {
        w.begin_object().key("range");
        write_range(w, *file, span);
        w.field("severity", 1).field("code", "test-failed").field("source", "planrules").field("message", message).end_object();
    }
    w.end_array().end_object();
    return out;
}

std::map<std::string, std::vector<const Diagnostic*>> by_file(const Analysis& a) {
    std::map<std::string, std::vector<const Diagnostic*>> out;
    for (const auto& d : a.compilation.diagnostics) out[d.file ? d.file->name() : d.file_name].push_back(&d);
    return out;
}

std::optional<std::int64_t> version_of(const Workspace& w, const std::string& uri) {
    if (const Document* d = w.document(uri)) return d->version;
    return std::nullopt;
}

// The URI of a file as the client named it when it is open (clients differ in how they
// percent-encode), else ours.
std::string uri_of_file(const Workspace& w, const std::string& name) {
    for (const auto& [uri, doc] : w.documents())
        if (doc.path.generic_string() == name) return uri;
    return uri_of_path(name);
}

// From `line`:`column` (1-based, the column in code points) to the end of that line.
SourceSpan line_span(const SourceFile& file, int line, int column) {
    if (line < 1 || static_cast<std::uint32_t>(line) > file.line_count()) return {};
    const auto li = static_cast<std::uint32_t>(line - 1);
    const std::string_view text = file.line_text(li);
    std::uint32_t at = 0;
    for (int c = 1; c < column && at < text.size(); ++c) {
        ++at;
        while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) ++at;
    }
    const std::uint32_t start = file.line_start(li);
    return {start + at, start + static_cast<std::uint32_t>(text.size())};
}

}  // namespace

std::vector<Published> diagnostics_of(const Analysis& a, const std::vector<std::string>& extra_uris, const Workspace& w) {
    const text::LanguageScope language(w.language());
    auto files = by_file(a);
    std::vector<Published> out;
    std::vector<std::string> done;
    for (const auto& s : a.sources) {
        const std::string uri = uri_of_file(w, s->name());
        auto it = files.find(s->name());
        static const std::vector<const Diagnostic*> none;
        const auto& ds = it == files.end() ? none : it->second;
        out.push_back({uri, params_of(uri, ds, version_of(w, uri), {}, nullptr), ds.empty()});
        done.push_back(uri);
    }
    for (const auto& uri : extra_uris)
        if (std::find(done.begin(), done.end(), uri) == done.end()) out.push_back({uri, params_of(uri, {}, std::nullopt, {}, nullptr), true});
    return out;
}

Published diagnostics_with_tests(const Analysis& a, const SourceFilePtr& file, const Workspace& w, Date today) {
    const text::LanguageScope language(w.language());
    auto files = by_file(a);
    const std::string uri = uri_of_file(w, file->name());
    std::vector<std::pair<SourceSpan, std::string>> failures;
    // the tests of this file, run when the rules compile
    if (a.compilation.program && !has_errors(a.compilation.diagnostics)) {
        const RuleSet rs(a.compilation.program);
        TestOptions options;
        options.language = w.language();
        options.today = today;
        options.only.push_back(file->name());
        const TestRun run = run_tests(rs, options);
        for (const auto& t : run.tests) {
            if (t.passed || t.file != file->name()) continue;
            if (!t.error.empty()) failures.emplace_back(line_span(*file, t.line, t.column), text::tr("test '{}': {}", t.name, t.error));
            for (const auto& e : t.expectations)
                if (!e.passed)
                    failures.emplace_back(line_span(*file, e.line, e.column),
                                          text::tr("test '{}' fails: {}: {}", t.name, e.text, e.why));
        }
    }
    auto it = files.find(file->name());
    static const std::vector<const Diagnostic*> none;
    const auto& ds = it == files.end() ? none : it->second;
    return {uri, params_of(uri, ds, version_of(w, uri), failures, file.get()), ds.empty() && failures.empty()};
}

void write_range(json::Writer& w, const SourceFile& file, SourceSpan span) {
    const Range r = range_of(file, span);
    w.begin_object();
    w.key("start").begin_object().field("line", r.start.line).field("character", r.start.character).end_object();
    w.key("end").begin_object().field("line", r.end.line).field("character", r.end.character).end_object();
    w.end_object();
}

void write_location(json::Writer& w, const SourceFile& file, SourceSpan span) {
    w.begin_object().field("uri", uri_of_path(file.name())).key("range");
    write_range(w, file, span);
    w.end_object();
}

}  // namespace planrules::lsp
