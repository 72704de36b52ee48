// The grouping of a population run (see grouping.hpp).

#include "batch/grouping.hpp"

#include "text/strings.hpp"

#include <planrules/date.hpp>

#include <fmt/format.h>

namespace planrules::batch {

using check::TypeKind;

namespace {

Value read_field(const Plan& plan, const FieldPath& path) {
    Value v = plan.root();
    for (int slot : path.slots) {
        if (v.kind != ValueKind::record) return Value{};
        v = v.field(static_cast<std::uint32_t>(slot));
    }
    return v;
}

std::string text_of(const check::Schema& schema, const FieldPath& path, const Value& v) {
    switch (v.kind) {
        case ValueKind::string: return std::string(v.str());
        case ValueKind::integer: return std::to_string(v.i);
        case ValueKind::boolean: return v.b ? "true" : "false";
        case ValueKind::date: return to_string(civil_from_days(v.i));
        case ValueKind::enumeration: {
            const auto& t = schema.type(path.type);
            if (t.kind == TypeKind::enumeration) {
                const auto& en = schema.enums[static_cast<std::size_t>(t.decl)];
                if (v.n < en.values.size()) return en.values[v.n];
            }
            return std::to_string(v.n);
        }
        case ValueKind::decimal: return fmt::format("{}", v.d);
        default: return {};
    }
}

}  // namespace

tl::expected<FieldPath, std::string> resolve_group(const check::Schema& schema, std::string_view dotted,
                                                   Audience audience) {
    FieldPath path;
    int type = schema.root_type;
    std::string_view rest = dotted;
    if (rest.substr(0, schema.root_name.size() + 1) == schema.root_name + ".") rest.remove_prefix(schema.root_name.size() + 1);
    while (!rest.empty()) {
        std::size_t dot = rest.find('.');
        std::string_view name = rest.substr(0, dot);
        rest = dot == std::string_view::npos ? std::string_view{} : rest.substr(dot + 1);
        if (type < 0 || schema.type(type).kind != TypeKind::record)
            return tl::unexpected(fmt::format("'{}' is not a field of the plan: '{}' has no fields", dotted, name));
        const auto& rec = schema.records[static_cast<std::size_t>(schema.type(type).decl)];
        int slot = rec.slot(name);
        if (slot < 0) {
            std::vector<std::string> names;
            for (const auto& f : rec.fields) names.push_back(f.name);
            std::string hint = detail::nearest(name, names);
            return tl::unexpected(fmt::format("'{}' is not a field of the plan: {} has no field '{}'{}", dotted, rec.name,
                                              name, hint.empty() ? "" : fmt::format("; did you mean '{}'?", hint)));
        }
        const auto& field = rec.fields[static_cast<std::size_t>(slot)];
        if (audience != Audience::af && (field.sensitive || field.sensitive_value))
            return tl::unexpected(fmt::format("'{}' is sensitive: a summary for {} cannot be grouped by it", dotted,
                                              to_string(audience)));
        path.slots.push_back(slot);
        type = field.type;
        path.codes = field.codes;
    }
    if (path.slots.empty()) return tl::unexpected(fmt::format("'{}' names no field", dotted));
    auto k = schema.type(type).kind;
    if (k == TypeKind::record || k == TypeKind::list)
        return tl::unexpected(fmt::format("'{}' is a {}; group by a field of one value (text, code, number, date)",
                                          dotted, schema.name(type)));
    path.type = type;
    return path;
}

std::string group_of(const check::Schema& schema, const FieldPath& path, const Plan& plan) {
    return text_of(schema, path, read_field(plan, path));
}

}  // namespace planrules::batch
