// Places of findings for people (place.hpp).

#include "eval/place.hpp"

#include "text/catalogue.hpp"

#include <fmt/format.h>

namespace planrules::eval {

namespace {

using check::TypeKind;

// One token of a JSON pointer, unescaped (~1 is '/', ~0 is '~').
std::string token_of(std::string_view raw) {
    std::string out;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] == '~' && i + 1 < raw.size() && (raw[i + 1] == '0' || raw[i + 1] == '1')) {
            out += raw[i + 1] == '1' ? '/' : '~';
            ++i;
        } else {
            out += raw[i];
        }
    }
    return out;
}

bool is_index(std::string_view t) {
    if (t.empty() || t.size() > 9) return false;
    for (char c : t)
        if (c < '0' || c > '9') return false;
    return true;
}

}  // namespace

std::string place_of(const check::Schema& schema, const Value& root, std::string_view pointer, bool sensitive_ok) {
    std::string out;
    auto add = [&](const std::string& part) { out += (out.empty() ? "" : ", ") + part; };
    int type = schema.root_type;
    Value value = root;
    bool sensitive = false;
    std::string list_label;  // the label of the list field an index is into
    std::size_t at = pointer.empty() || pointer.front() != '/' ? pointer.size() : 1;
    while (at > 0 && at <= pointer.size()) {
        const std::size_t slash = pointer.find('/', at);
        const std::string token = token_of(pointer.substr(at, slash == std::string_view::npos ? std::string_view::npos : slash - at));
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
            const std::string label = field.label.empty() ? field.name : field.label;
            if (schema.type(type).kind == TypeKind::list) {
                list_label = label;  // named by its element when the pointer goes on into it
                if (at > pointer.size()) add(label);
            } else {
                add(label);
            }
            continue;
        }
        if (t && t->kind == TypeKind::list && is_index(token)) {
            const std::size_t k = std::stoul(token);
            type = t->element;
            value = value.kind == ValueKind::list && k < value.n ? value.v[k] : Value{};
            const check::Type& et = schema.type(type);
            std::string part;
            if (et.kind == TypeKind::record) {
                const auto& rec = schema.records[static_cast<std::size_t>(et.decl)];
                part = rec.label.empty() ? list_label : rec.label;
                const int id = rec.slot("id");
                if (id >= 0 && value.kind == ValueKind::record && (sensitive_ok || !sensitive)) {
                    const auto& idf = rec.fields[static_cast<std::size_t>(id)];
                    const Value v = value.field(static_cast<std::uint32_t>(id));
                    if (v.kind == ValueKind::string && !v.sensitive && (sensitive_ok || !(idf.sensitive || idf.sensitive_value)))
                        part += " " + std::string(v.str());
                }
            } else {
                part = list_label;
            }
            add(text::tr("{} (no. {} in the list)", part, k + 1));
            continue;
        }
        add(token);  // beyond what the schema knows
        type = -1;
    }
    return out.empty() ? text::tr("the plan") : out;
}

}  // namespace planrules::eval
