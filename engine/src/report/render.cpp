#include "report/json.hpp"
#include "text/catalogue.hpp"
#include "text/strings.hpp"
#include "text/colors.hpp"

#include <planrules/report/render.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <vector>

namespace planrules {

const char* to_string(DiagnosticSeverity s) noexcept {
    switch (s) {
        case DiagnosticSeverity::error: return "error";
        case DiagnosticSeverity::warning: return "warning";
        case DiagnosticSeverity::note: return "note";
    }
    return "?";
}

std::string_view severity_label(DiagnosticSeverity s, Language language) noexcept {
    switch (s) {
        case DiagnosticSeverity::error: return text::translate(language, text::N_("error"));
        case DiagnosticSeverity::warning: return text::translate(language, text::N_("warning"));
        case DiagnosticSeverity::note: return text::translate(language, text::N_("note"));
    }
    return "?";
}

namespace {

// The part of a source line shown under a diagnostic: at most about 120 characters around the
// column (a minified 50 MB plan is one line), control characters and invalid UTF-8 shown as
// U+FFFD, and the caret prefix (tabs kept, so that the caret lines up) and width in columns.
struct SourceExcerpt {
    std::string text, prefix;
    std::size_t width = 0;
};

SourceExcerpt excerpt(std::string_view line, std::size_t col, std::size_t span) {
    constexpr std::size_t before = 60, after = 80;
    std::size_t begin = col > before ? col - before : 0;
    std::size_t end = std::min(line.size(), col + std::max<std::size_t>(span, 1) + after);
    while (begin > 0 && begin < line.size() && (static_cast<unsigned char>(line[begin]) & 0xC0) == 0x80) --begin;
    while (end < line.size() && (static_cast<unsigned char>(line[end]) & 0xC0) == 0x80) ++end;
    SourceExcerpt ex;
    if (begin > 0) {
        ex.text += "…";
        ex.prefix += ' ';
    }
    std::size_t i = begin;
    while (i < end) {
        auto c = static_cast<unsigned char>(line[i]);
        std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        const bool valid = n > 0 && i + n <= line.size() && detail::find_invalid_utf8(line.substr(i, n)) == std::string_view::npos;
        if (!valid) n = 1;
        std::string_view shown = line.substr(i, n);
        if (!valid || (c < 0x20 && c != '\t') || c == 0x7F) shown = "\xEF\xBF\xBD";  // U+FFFD
        ex.text += shown;
        if (i < col) ex.prefix += c == '\t' ? '\t' : ' ';
        else if (i < col + span) ++ex.width;
        i += n;
    }
    if (end < line.size()) ex.text += "…";
    return ex;
}

const fmt::text_style& severity_style(DiagnosticSeverity s) {
    switch (s) {
        case DiagnosticSeverity::error: return detail::colors::error;
        case DiagnosticSeverity::warning: return detail::colors::warning;
        case DiagnosticSeverity::note: break;
    }
    return detail::colors::note;
}

}  // namespace

std::string render_text(const Diagnostic& d, const RenderOptions& options) {
    using detail::colors::paint;
    const bool on = options.color;
    const fmt::text_style& severity = severity_style(d.severity);
    std::string out;
    std::string location = d.file_name.empty() ? std::string("planrules") : d.file_name;
    SourcePosition pos{};
    if (d.file && d.has_span) {
        pos = d.file->position(d.span.begin);
        location += fmt::format(":{}:{}", pos.line, pos.column);
    }
    std::string headline = d.message;
    if (!d.code.empty() && d.code != "note") headline += fmt::format(" [{}]", d.code);
    out += fmt::format("{} {} {}\n", paint(on, detail::colors::strong, location + ":"),
                       paint(on, severity, fmt::format("{}:", severity_label(d.severity, options.language))), paint(on, detail::colors::strong, headline));
    std::string gutter_pad;
    if (d.file && d.has_span && options.show_source && d.file->line_count() > 0) {
        std::uint32_t li = d.file->line_index(d.span.begin);
        std::string_view line = d.file->line_text(li);
        std::string number = std::to_string(pos.line);
        gutter_pad.assign(number.size(), ' ');
        std::uint32_t line_begin = d.file->line_start(li);
        std::size_t col_bytes = std::min<std::size_t>(d.span.begin - line_begin, line.size());
        std::size_t span_end = std::min<std::size_t>(d.span.end, line_begin + line.size());
        std::size_t span_bytes = span_end > d.span.begin ? span_end - d.span.begin : 0;
        SourceExcerpt ex = excerpt(line, col_bytes, span_bytes);
        out += fmt::format("{} {}\n", paint(on, detail::colors::gutter, number + " |"), ex.text);
        out += fmt::format("{} {}{}\n", paint(on, detail::colors::gutter, gutter_pad + " |"), ex.prefix,
                           paint(on, severity, std::string(std::max<std::size_t>(ex.width, 1), '^')));
    }
    if (!d.help.empty()) {
        out += fmt::format("{}{} {} {}\n", gutter_pad, paint(on, detail::colors::gutter, "="),
                           paint(on, detail::colors::strong, fmt::format("{}:", text::translate(options.language, text::N_("help")))), d.help);
    }
    return out;
}

std::string render_text(const Diagnostics& ds, const RenderOptions& options) {
    std::string out;
    for (const auto& d : ds) out += render_text(d, options);
    return out;
}

void write_diagnostics(json::Writer& w, const Diagnostics& ds, json::Layout layout) {
    w.begin_array(layout);
    for (const auto& d : ds) {
        w.begin_object().field("file", d.file_name);
        if (d.file && d.has_span) {
            auto b = d.file->position(d.span.begin);
            auto e = d.file->position(d.span.end);
            w.field("line", b.line).field("column", b.column).field("end_line", e.line).field("end_column", e.column);
        } else {
            for (const char* k : {"line", "column", "end_line", "end_column"}) w.key(k).null();
        }
        w.field("severity", to_string(d.severity)).field("code", d.code).field("message", d.message).field("help", d.help);
        w.end_object();
    }
    w.end_array();
}

std::string render_json(const Diagnostics& ds) {
    std::string out;
    json::Writer w(out);
    write_diagnostics(w, ds, json::Layout::lines(2));
    return out + "\n";
}

std::string render_sarif(const Diagnostics& ds, std::string_view tool_version, Language language) {
    // a result's code once each (a note that follows a result is part of it, not a result)
    std::vector<std::string> codes;
    for (std::size_t i = 0; i < ds.size(); ++i) {
        const bool related = ds[i].severity == DiagnosticSeverity::note && i > 0;
        if (!related && std::find(codes.begin(), codes.end(), ds[i].code) == codes.end()) codes.push_back(ds[i].code);
    }
    std::string out;
    json::Writer w(out);
    w.begin_object(json::Layout::lines(2))
        .field("$schema", "https://json.schemastore.org/sarif-2.1.0.json")
        .field("version", "2.1.0");
    w.key("runs").begin_array().begin_object(json::Layout::lines(4));
    w.key("tool").begin_object().key("driver").begin_object().field("name", "planrules");
    if (!tool_version.empty()) w.field("version", tool_version);
    w.key("rules").begin_array();
    for (const auto& code : codes) w.begin_object().field("id", code).end_object();
    w.end_array().end_object().end_object();
    // {"physicalLocation": {"artifactLocation": {"uri": …}, "region": {…}}} of a diagnostic's place
    auto physical = [&](const Diagnostic& d) {
        w.key("physicalLocation").begin_object();
        w.key("artifactLocation").begin_object().field("uri", d.file_name).end_object();
        if (d.file && d.has_span) {
            auto b = d.file->position(d.span.begin);
            auto e = d.file->position(d.span.end);
            w.key("region").begin_object();
            w.field("startLine", b.line).field("startColumn", b.column).field("endLine", e.line).field("endColumn", e.column);
            w.end_object();
        }
        w.end_object();
    };
    w.key("results").begin_array(json::Layout::lines(6));
    for (std::size_t i = 0; i < ds.size(); ++i) {
        const Diagnostic& d = ds[i];
        w.begin_object().field("ruleId", d.code);
        w.field("level", d.severity == DiagnosticSeverity::error     ? "error"
                         : d.severity == DiagnosticSeverity::warning ? "warning"
                                                                     : "note");
        w.key("message").begin_object().field("text", d.help.empty() ? d.message : fmt::format("{}\n{}: {}", d.message, text::translate(language, text::N_("help")), d.help)).end_object();
        w.key("locations").begin_array().begin_object();
        physical(d);
        w.end_object().end_array();
        // the notes after a result belong to it: SARIF's related locations (a note with no
        // result before it is a result of level "note" of its own)
        if (d.severity != DiagnosticSeverity::note && i + 1 < ds.size() && ds[i + 1].severity == DiagnosticSeverity::note) {
            w.key("relatedLocations").begin_array();
            for (std::size_t n = 0; i + 1 < ds.size() && ds[i + 1].severity == DiagnosticSeverity::note; ++i, ++n) {
                w.begin_object().field("id", n);
                physical(ds[i + 1]);
                w.key("message").begin_object().field("text", ds[i + 1].message).end_object();
                w.end_object();
            }
            w.end_array();
        }
        w.end_object();
    }
    w.end_array().end_object().end_array().end_object();
    return out + "\n";
}

}  // namespace planrules
