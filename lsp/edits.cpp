// Formatting and code actions (features.hpp): the `fmt` layout as one edit, and the fixes a
// diagnostic names: its did-you-mean, a missing `message`, quotes around a number compared
// with a text.

#include "lsp/features.hpp"

#include "text/catalogue.hpp"

#include <planrules/syntax/format.hpp>

namespace planrules::lsp {

namespace {

struct Edit {
    std::string title;
    SourceSpan span;
    std::string text;
    bool preferred = false;
};

// The suggestion of a help "did you mean 'X'?" in the current language, or "".
std::string suggestion(const std::string& help) {
    const std::string marker = "\x01";
    const std::string pattern = text::tr("did you mean '{}'?", marker);
    const std::size_t at = pattern.find(marker);
    const std::string before = pattern.substr(0, at), after = pattern.substr(at + marker.size());
    const std::size_t b = help.find(before);
    if (b == std::string::npos) return {};
    const std::size_t start = b + before.size();
    const std::size_t e = help.find(after, start);
    if (e == std::string::npos) return {};
    std::string s = help.substr(start, e - start);
    return s.find_first_of(" \n'\"") == std::string::npos ? s : std::string();
}

bool overlaps(SourceSpan a, SourceSpan b) { return a.begin <= b.end && b.begin <= a.end; }

// Comparisons of a text with a number literal: `kommun == 1280`.
void quote_numbers(const ast::Expr& e, const SourceFile& file, SourceSpan range, std::vector<Edit>& out) {
    if (e.kind == ast::ExprKind::binary && e.children.size() == 2 && overlaps(e.span, range) &&
        (e.op == ast::Op::eq || e.op == ast::Op::ne)) {
        for (int side = 0; side < 2; ++side) {
            const ast::Expr& number = e.children[static_cast<std::size_t>(side)];
            const ast::Expr& other = e.children[static_cast<std::size_t>(1 - side)];
            if (number.kind == ast::ExprKind::integer && other.type_id == check::Schema::string_type) {
                const std::string written(file.slice(number.span));
                out.push_back({text::tr("Write {} in quotes", written), number.span, "\"" + written + "\"", true});
            }
        }
    }
    for (const auto& c : e.children) quote_numbers(c, file, range, out);
}

void write_edit(json::Writer& w, const SourceFile& file, SourceSpan span, std::string_view text) {
    w.begin_object().key("range");
    write_range(w, file, span);
    w.field("newText", text).end_object();
}

}  // namespace

std::string formatting(const SourceFilePtr& file) {
    if (!file) return "null";
    const auto r = syntax::format_file(file);
    if (!r.text || *r.text == file->text()) return "[]";
    std::string out;
    json::Writer w(out);
    w.begin_array();
    write_edit(w, *file, {0, static_cast<std::uint32_t>(file->text().size())}, *r.text);
    w.end_array();
    return out;
}

std::string code_actions(const Cursor& c, const Document& doc, simdjson::dom::element params) {
    if (!c.analysis || !c.file) return "[]";
    const SourceFile& file = *c.file;
    SourceSpan range{c.offset, c.offset};
    if (auto r = member(params, "range")) {
        auto pos = [&](const char* key) {
            auto p = member(*r, key);
            Position at;
            if (p) {
                at.line = static_cast<std::uint32_t>(int_member(*p, "line").value_or(0));
                at.character = static_cast<std::uint32_t>(int_member(*p, "character").value_or(0));
            }
            return offset_of(file, at);
        };
        range = {pos("start"), pos("end")};
    }
    const text::LanguageScope language(c.language);
    std::vector<Edit> edits;
    for (const auto& d : c.analysis->compilation.diagnostics) {
        if (d.file.get() != &file || !d.has_span || !overlaps(d.span, range)) continue;
        const std::string s = suggestion(d.help);
        if (!s.empty() && d.span.size() > 0)
            edits.push_back({text::tr("Change to '{}'", s), d.span, s, true});
        if (d.code == "missing-message" && c.analysis->compilation.program) {
            for (const auto& pf : c.analysis->compilation.program->files) {
                if (pf.source.get() != &file) continue;
                for (const auto& decl : pf.ast.decls)
                    if (const auto* r = std::get_if<ast::RuleDecl>(&decl); r && r->id.span == d.span) {
                        std::uint32_t end = r->span.end;
                        while (end > r->span.begin && (file.text()[end - 1] == '\n' || file.text()[end - 1] == ' ')) --end;
                        edits.push_back({text::tr("Add a message"), {end, end}, "\n  message \"" + r->title.value + "\"", false});
                    }
            }
        }
    }
    if (c.analysis->compilation.program)
        for (const auto& pf : c.analysis->compilation.program->files) {
            if (pf.source.get() != &file) continue;
            for (const auto& decl : pf.ast.decls) {
                if (const auto* r = std::get_if<ast::RuleDecl>(&decl)) {
                    for (const auto* e : {&r->when, &r->require})
                        if (*e) quote_numbers(**e, file, range, edits);
                    for (const auto& fe : r->for_each)
                        if (fe.where) quote_numbers(*fe.where, file, range, edits);
                } else if (const auto* rs = std::get_if<ast::RulesetDecl>(&decl); rs && rs->applies_when) {
                    quote_numbers(*rs->applies_when, file, range, edits);
                } else if (const auto* def = std::get_if<ast::DefineDecl>(&decl)) {
                    quote_numbers(def->body, file, range, edits);
                }
            }
        }
    std::string out;
    json::Writer w(out);
    w.begin_array();
    for (const auto& e : edits) {
        w.begin_object().field("title", e.title).field("kind", "quickfix");
        if (e.preferred) w.field("isPreferred", true);
        w.key("edit").begin_object().key("changes").begin_object().key(doc.uri).begin_array();
        write_edit(w, file, e.span, e.text);
        w.end_array().end_object().end_object().end_object();
    }
    w.end_array();
    return out;
}

}  // namespace planrules::lsp
