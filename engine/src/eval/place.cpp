// Places of findings for people (place.hpp).

#include "eval/place.hpp"

#include "text/catalogue.hpp"

#include <fmt/format.h>

namespace planrules::eval {

namespace {

using check::TypeKind;

// One token of a JSON pointer, unescaped (~1 is '/', ~0 is '~'): the token itself when it has
// no escapes, else `buffer` holding it unescaped.
std::string_view token_of(std::string_view raw, std::string& buffer) {
    if (raw.find('~') == std::string_view::npos) return raw;
    buffer.clear();
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] == '~' && i + 1 < raw.size() && (raw[i + 1] == '0' || raw[i + 1] == '1')) {
            buffer += raw[i + 1] == '1' ? '/' : '~';
            ++i;
        } else {
            buffer += raw[i];
        }
    }
    return buffer;
}

bool is_index(std::string_view t) {
    if (t.empty() || t.size() > 9) return false;
    for (char c : t)
        if (c < '0' || c > '9') return false;
    return true;
}

}  // namespace

// Built in one string, without temporaries: a report names the place of each finding.
std::string place_of(const check::Schema& schema, const Value& root, std::string_view pointer, bool sensitive_ok) {
    std::string out;
    out.reserve(64);
    auto add = [&](std::string_view part) {
        if (!out.empty()) out += ", ";
        out += part;
    };
    int type = schema.root_type;
    Value value = root;
    bool sensitive = false;
    std::string_view list_label;  // the label of the list field an index is into
    std::string unescaped;
    std::size_t at = pointer.empty() || pointer.front() != '/' ? pointer.size() : 1;
    while (at > 0 && at <= pointer.size()) {
        const std::size_t slash = pointer.find('/', at);
        const std::string_view token =
            token_of(pointer.substr(at, slash == std::string_view::npos ? std::string_view::npos : slash - at), unescaped);
        at = slash == std::string_view::npos ? pointer.size() + 1 : slash + 1;
        const check::Type* t = type >= 0 ? &schema.type(type) : nullptr;
        if (t && t->kind == TypeKind::record) {
            const auto& rec = schema.records[static_cast<std::size_t>(t->decl)];
            const int slot = rec.slot(token);
            if (slot < 0) {
                add(token);
                type = -1;
                continue;
            }
            const auto& field = rec.fields[static_cast<std::size_t>(slot)];
            sensitive = sensitive || field.sensitive || field.sensitive_value;
            type = field.type;
            value = value.kind == ValueKind::record ? value.field(static_cast<std::uint32_t>(slot)) : Value{};
            const std::string_view label = field.label.empty() ? field.name : field.label;
            if (schema.type(type).kind == TypeKind::list) {
                list_label = label;  // named by its element when the pointer goes on into it
                if (at > pointer.size()) add(label);
            } else {
                add(label);
            }
            continue;
        }
        if (t && t->kind == TypeKind::list && is_index(token)) {
            std::size_t k = 0;
            for (char c : token) k = k * 10 + static_cast<std::size_t>(c - '0');
            type = t->element;
            value = value.kind == ValueKind::list && k < value.n ? value.v[k] : Value{};
            const check::Type& et = schema.type(type);
            std::string_view name = list_label;
            std::string_view id;
            if (et.kind == TypeKind::record) {
                const auto& rec = schema.records[static_cast<std::size_t>(et.decl)];
                if (!rec.label.empty()) name = rec.label;
                const int slot = rec.slot("id");
                if (slot >= 0 && value.kind == ValueKind::record && (sensitive_ok || !sensitive)) {
                    const auto& idf = rec.fields[static_cast<std::size_t>(slot)];
                    const Value v = value.field(static_cast<std::uint32_t>(slot));
                    if (v.kind == ValueKind::string && !v.sensitive && (sensitive_ok || !(idf.sensitive || idf.sensitive_value)))
                        id = v.str();
                }
            }
            if (!out.empty()) out += ", ";
            // "{} (no. {} in the list)" with the element's name and id in the first {}
            const std::string_view format = text::translate(text::N_("{} (no. {} in the list)"));
            fmt::format_to(std::back_inserter(out), fmt::runtime(format),
                           fmt::format("{}{}{}", name, id.empty() ? "" : " ", id), k + 1);
            continue;
        }
        add(token);  // beyond what the schema knows
        type = -1;
    }
    return out.empty() ? text::tr("the plan") : out;
}

}  // namespace planrules::eval
