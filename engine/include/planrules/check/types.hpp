#pragma once
// Types of the rule language and the plan schema they are checked against.

#include <planrules/source.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace planrules::check {

enum class TypeKind : std::uint8_t {
    error,        // an expression that already produced a diagnostic; accepted everywhere
    any,          // the element type of the empty list []
    boolean,
    integer,
    decimal,
    string,
    date,
    duration,
    enumeration,  // decl = index into Schema::enums
    record,       // decl = index into Schema::records
    list,         // element = type id
};

struct Type {
    TypeKind kind = TypeKind::error;
    int decl = -1;
    int element = -1;
    friend bool operator==(const Type&, const Type&) = default;
};

struct FieldInfo {
    std::string name;
    int type = -1;
    bool optional = false;
    bool sensitive = false;        // `sensitive`: the field and what rules read of it reach Arbetsförmedlingen only
    bool sensitive_value = false;  // `sensitive value`: rules read it for everyone, its value is shown to Arbetsförmedlingen only
    int codes = -1;                // `string of CODES` (or list<string of CODES>): index into Schema::code_lists
    std::string label;             // `label "…"`: what reports call the field ("" : its name)
    SourceFilePtr file;
    SourceSpan span;
};

struct RecordInfo {
    std::string name;
    std::string label;              // `type T label "…"`: what reports call one ("" : none)
    std::vector<FieldInfo> fields;  // the slot of a field is its index
    SourceFilePtr file;
    SourceSpan span;

    [[nodiscard]] int slot(std::string_view field) const noexcept {
        for (std::size_t i = 0; i < fields.size(); ++i)
            if (fields[i].name == field) return static_cast<int>(i);
        return -1;
    }
};

struct EnumInfo {
    std::string name;
    std::vector<std::string> values;  // the code of a value is its index
    SourceFilePtr file;
    SourceSpan span;

    [[nodiscard]] int code(std::string_view value) const noexcept {
        for (std::size_t i = 0; i < values.size(); ++i)
            if (values[i] == value) return static_cast<int>(i);
        return -1;
    }
};

// A code list: the known codes of a string field, each with a label and whether it is
// sensitive. Unlike an enum the list is open: a plan may hold a code it does not know.
struct CodeInfo {
    std::string code;
    std::string label;  // the code itself when the list gives none
    bool sensitive = false;
};

struct CodeListInfo {
    std::string name;
    std::vector<CodeInfo> codes;
    SourceFilePtr file;
    SourceSpan span;

    [[nodiscard]] const CodeInfo* find(std::string_view code) const noexcept {
        for (const auto& c : codes)
            if (c.code == code) return &c;
        return nullptr;
    }
    [[nodiscard]] bool any_sensitive() const noexcept {
        for (const auto& c : codes)
            if (c.sensitive) return true;
        return false;
    }
};

// Types are interned: equal types have equal ids, so type equality is id equality.
class Schema {
public:
    Schema() {
        for (auto k : {TypeKind::error, TypeKind::any, TypeKind::boolean, TypeKind::integer, TypeKind::decimal,
                       TypeKind::string, TypeKind::date, TypeKind::duration})
            intern(Type{k});
    }

    int intern(Type t) {
        for (std::size_t i = 0; i < types_.size(); ++i)
            if (types_[i] == t) return static_cast<int>(i);
        types_.push_back(t);
        return static_cast<int>(types_.size() - 1);
    }
    [[nodiscard]] const Type& type(int id) const { return types_.at(static_cast<std::size_t>(id)); }
    [[nodiscard]] std::size_t type_count() const noexcept { return types_.size(); }
    [[nodiscard]] int list_of(int element) { return intern(Type{TypeKind::list, -1, element}); }
    // The field at `slot` of record type `record_type`, or null when that is no record's field.
    [[nodiscard]] const FieldInfo* field(int record_type, int slot) const noexcept {
        if (record_type < 0 || static_cast<std::size_t>(record_type) >= types_.size() || slot < 0) return nullptr;
        const Type& t = types_[static_cast<std::size_t>(record_type)];
        if (t.kind != TypeKind::record) return nullptr;
        const auto& fields = records[static_cast<std::size_t>(t.decl)].fields;
        return static_cast<std::size_t>(slot) < fields.size() ? &fields[static_cast<std::size_t>(slot)] : nullptr;
    }

    // Fixed ids of the primitive types (interned first, in this order).
    static constexpr int error_type = 0, any_type = 1, bool_type = 2, int_type = 3, decimal_type = 4,
                         string_type = 5, date_type = 6, duration_type = 7;

    [[nodiscard]] std::string name(int id) const {
        const Type& t = type(id);
        switch (t.kind) {
            case TypeKind::error: return "<error>";
            case TypeKind::any: return "any";
            case TypeKind::boolean: return "bool";
            case TypeKind::integer: return "int";
            case TypeKind::decimal: return "decimal";
            case TypeKind::string: return "string";
            case TypeKind::date: return "date";
            case TypeKind::duration: return "duration";
            case TypeKind::enumeration: return enums[static_cast<std::size_t>(t.decl)].name;
            case TypeKind::record: return records[static_cast<std::size_t>(t.decl)].name;
            case TypeKind::list: return "list<" + name(t.element) + ">";
        }
        return "?";
    }

    std::vector<RecordInfo> records;
    std::vector<EnumInfo> enums;
    std::vector<CodeListInfo> code_lists;
    std::string root_name;  // the name rules use for the plan, e.g. "plan"
    int root_type = -1;

private:
    std::vector<Type> types_;
};

}  // namespace planrules::check
