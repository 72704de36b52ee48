// The fingerprint of a syntax tree (format.hpp): everything that gives the file its meaning, and
// nothing of its layout or comments, so that `planrules fmt` can check that formatting kept the
// meaning of the file.

#include <planrules/syntax/format.hpp>

#include <fmt/format.h>

#include <string>
#include <string_view>

namespace planrules::syntax {

namespace {

struct Fingerprint {
    const SourceFile& src;
    std::string out;

    void str(std::string_view s) {
        out += fmt::format("{}:", s.size());
        out += s;
    }
    void type(const ast::TypeRef& t) {
        out += "T(";
        str(t.name);
        for (const auto& a : t.args) type(a);
        if (!t.codes.text.empty()) {
            out += "of";
            str(t.codes.text);
        }
        out += t.optional ? "?)" : ")";
    }
    void expr(const ast::Expr& e) {
        out += fmt::format("E({},{},{},{},{},{},{},{},{},{}-{}-{},", static_cast<int>(e.kind), static_cast<int>(e.op),
                           static_cast<int>(e.unit), static_cast<int>(e.aggregate), e.boolean, e.has_where,
                           e.has_projection, e.integer, 0, e.date.year,
                           e.date.month, e.date.day);
        str(e.text);
        str(e.name.text);
        for (const auto& c : e.children) expr(c);
        out += ')';
    }
    void opt(const std::optional<ast::Expr>& e) {
        if (e) expr(*e);
        else out += '-';
    }
    void lit(const std::optional<ast::StringLiteral>& s) {
        if (s) str(s->value);
        else out += '-';
    }
    void date(const std::optional<ast::DateClause>& d) {
        if (d) out += fmt::format("D{}-{}-{}", d->date.year, d->date.month, d->date.day);
        else out += '-';
    }
    void message(const std::optional<ast::StringTemplate>& m) {
        if (!m) {
            out += '-';
            return;
        }
        out += "M(";
        for (const auto& s : m->segments) {
            if (s.is_expr) expr(s.expr);
            else str(s.text);
        }
        out += ')';
    }
    // inline JSON without the whitespace outside its strings
    void json(SourceSpan span) {
        std::string compact;
        std::string_view text = src.slice(span);
        bool in_string = false;
        for (std::size_t i = 0; i < text.size(); ++i) {
            char c = text[i];
            if (!in_string && (c == ' ' || c == '\t' || c == '\n' || c == '\r')) continue;
            compact += c;
            if (in_string && c == '\\' && i + 1 < text.size()) compact += text[++i];
            else if (c == '"') in_string = !in_string;
        }
        str(compact);
    }

    void decl(const ast::Decl& d) {
        std::visit([&](const auto& x) { one(x); }, d);
    }
    void one(const ast::RulesetDecl& r) {
        out += "ruleset(";
        str(r.name.text);
        str(r.title.value);
        lit(r.authority);
        lit(r.schema);
        for (const auto& e : r.extends) str(e.text);
        opt(r.applies_when);
        out += ')';
    }
    void one(const ast::RecordDecl& r) {
        out += "type(";
        str(r.name.text);
        lit(r.label);
        for (const auto& f : r.fields) {
            str(f.name.text);
            type(f.type);
            out += f.sensitive ? 's' : f.sensitive_value ? 'v' : '-';
            lit(f.label);
        }
        out += ')';
    }
    void one(const ast::CodesDecl& c) {
        out += "codes(";
        str(c.name.text);
        for (const auto& code : c.codes) {
            str(code.name.text);
            lit(code.label);
            out += code.sensitive ? 's' : '-';
        }
        out += ')';
    }
    void one(const ast::EnumDecl& e) {
        out += "enum(";
        str(e.name.text);
        for (const auto& v : e.values) str(v.text);
        out += ')';
    }
    void one(const ast::RootDecl& r) {
        out += "root(";
        str(r.name.text);
        type(r.type);
        out += ')';
    }
    void one(const ast::DefineDecl& d) {
        out += "define(";
        str(d.name.text);
        out += d.has_params ? 'p' : '-';
        for (const auto& p : d.params) {
            str(p.name.text);
            type(p.type);
        }
        expr(d.body);
        out += ')';
    }
    void one(const ast::RuleDecl& r) {
        out += "rule(";
        str(r.id.text);
        str(r.title.value);
        out += r.severity ? fmt::format("S{}", static_cast<int>(*r.severity)) : "-";
        out += r.mandatory ? 'm' : '-';
        out += r.sensitive ? 's' : '-';
        date(r.in_force_from);
        date(r.in_force_until);
        lit(r.source);
        for (const auto& t : r.tags) str(t.text);
        out += '|';
        opt(r.when);
        for (const auto& f : r.for_each) {
            str(f.variable.text);
            expr(f.collection);
            opt(f.where);
        }
        opt(r.require);
        out += r.if_missing ? fmt::format("I{}", static_cast<int>(*r.if_missing)) : "-";
        opt(r.at);
        opt(r.due);
        message(r.message);
        out += ')';
    }
    void one(const ast::OverrideDecl& o) {
        out += "override(";
        str(o.target.text);
        out += o.severity ? fmt::format("S{}", static_cast<int>(*o.severity)) : "-";
        out += o.disabled ? 'd' : '-';
        message(o.message);
        out += ')';
    }
    void one(const ast::FigureDecl& f) {
        out += "figure(";
        str(f.name.text);
        str(f.title.value);
        lit(f.label);
        if (f.from) str(f.from->text);
        else out += '-';
        opt(f.denominator);
        opt(f.numerator);
        out += ')';
    }
    void one(const ast::GroupDecl& g) {
        out += "group(";
        expr(g.field);
        out += ')';
    }
    void one(const ast::TestDecl& t) {
        out += "test(";
        str(t.name.value);
        date(t.as_of);
        lit(t.plan_path);
        if (t.plan_inline) json(*t.plan_inline);
        else out += '-';
        if (t.audience) str(t.audience->text);
        else out += '-';
        for (const auto& x : t.expectations) {
            out += fmt::format("X{}(", static_cast<int>(x.kind));
            for (const auto& r : x.rules) str(r.text);
            lit(x.pointer);
            out += x.outcome ? fmt::format("O{}", static_cast<int>(*x.outcome)) : "-";
            out += x.severity ? fmt::format("S{}", static_cast<int>(*x.severity)) : "-";
            out += ')';
        }
        out += ')';
    }
};

}  // namespace

std::string fingerprint(const ast::File& file, const SourceFile& source) {
    Fingerprint f{source, {}};
    for (const auto& d : file.decls) {
        f.decl(d);
        f.out += '\n';
    }
    return std::move(f.out);
}

}  // namespace planrules::syntax
