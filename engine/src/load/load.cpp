// Plan loading: plan JSON (simdjson On-Demand) -> a Plan shaped by the schema. Wrong types,
// impossible dates and missing required fields become `invalid_input` findings with a JSON
// pointer; text that is not JSON is a diagnostic with line and column.

#include "diagnostics/codes.hpp"
#include "load/load.hpp"

#include "eval/place.hpp"

#include "json/syntax.hpp"

#include "text/strings.hpp"

#include <simdjson.h>

#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <cstring>

#include <charconv>

namespace planrules::eval {

namespace od = simdjson::ondemand;
using check::Schema;
using check::TypeKind;
using text::N_;

void append_pointer_token(std::string& out, std::string_view key) {
    if (std::none_of(key.begin(), key.end(), [](char c) { return c == '~' || c == '/'; })) {
        out += key;
        return;
    }
    for (char c : key) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
}

std::string pointer_token(std::string_view key) {
    std::string out;
    append_pointer_token(out, key);
    return out;
}

namespace {

void mark_all(Value& v) {
    v.sensitive = true;
    if (v.kind == ValueKind::record || v.kind == ValueKind::list)
        for (std::uint32_t i = 0; i < v.n; ++i) mark_all(const_cast<Value&>(v.v[i]));  // the plan's own storage, being loaded
}

}  // namespace

bool marks_values(const check::Schema& schema, const check::FieldInfo& f) {
    return f.sensitive || f.sensitive_value ||
           (f.codes >= 0 && schema.code_lists[static_cast<std::size_t>(f.codes)].any_sensitive());
}

void mark_sensitive(const check::Schema& schema, const check::FieldInfo& f, Value& v) {
    if (f.sensitive || f.sensitive_value) return mark_all(v);
    if (f.codes < 0) return;
    const auto& list = schema.code_lists[static_cast<std::size_t>(f.codes)];
    auto mark = [&](Value& x) {
        if (x.kind != ValueKind::string) return;
        const check::CodeInfo* code = list.find(x.str());
        x.sensitive = code && code->sensitive;
    };
    if (v.kind != ValueKind::list) return mark(v);
    for (std::uint32_t i = 0; i < v.n; ++i) mark(const_cast<Value&>(v.v[i]));
}

std::optional<std::int64_t> parse_iso_date(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    // "YYYY-MM-" and "DD" as little-endian words (byte i at bits 8i, whatever the machine's
    // order): each byte of a digit minus '0' is 0..9; a byte over 9 (or one below '0', which
    // wraps) sets its 0x80 bit once 0x76 is added
    std::uint64_t head = 0;
    std::uint16_t tail = 0;
    std::memcpy(&head, s.data(), 8);
    std::memcpy(&tail, s.data() + 8, 2);
    if constexpr (std::endian::native == std::endian::big) {
        head = __builtin_bswap64(head);
        tail = __builtin_bswap16(tail);
    }
    const std::uint64_t digits = (head ^ 0x3030303030303030ull) & 0x00FFFF00FFFFFFFFull;  // the '-' left out
    const std::uint64_t days = static_cast<std::uint64_t>(tail ^ 0x3030u);
    const std::uint64_t high = 0x8080808080808080ull;
    if ((((digits + 0x7676767676767676ull) | digits) & high & 0x00FFFF00FFFFFFFFull) != 0) return std::nullopt;
    if ((((days + 0x7676u) | days) & 0x8080u) != 0) return std::nullopt;
    auto byte = [](std::uint64_t w, int i) { return static_cast<int>((w >> (8 * i)) & 0xFF); };
    const Date d{byte(digits, 0) * 1000 + byte(digits, 1) * 100 + byte(digits, 2) * 10 + byte(digits, 3),
                 byte(digits, 5) * 10 + byte(digits, 6), byte(days, 0) * 10 + byte(days, 1)};
    if (d.year >= 1901 && d.year <= 2099) {
        // the dates plans have: every fourth year a leap year, no division by 100 or 400
        static constexpr int month_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        static constexpr int days_before[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
        if (d.month < 1 || d.month > 12 || d.day < 1) return std::nullopt;
        const bool leap = (d.year & 3) == 0;
        if (d.day > month_days[d.month - 1] + (d.month == 2 && leap)) return std::nullopt;
        return std::int64_t{d.year - 1970} * 365 + (d.year - 1901) / 4 - 17 + days_before[d.month - 1] +
               (d.month > 2 && leap) + d.day - 1;
    }
    if (!is_valid(d)) return std::nullopt;
    return days_from_civil(d);
}

namespace {

std::string json_quote(std::string_view s) {
    std::string out;
    planrules::detail::append_json_string(out, s);
    return out;
}

std::size_t skip_ws(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t')) ++i;
    return i;
}

struct JsonError {
    simdjson::error_code code;
};

class Loader {
public:
    Loader(const Schema& schema, Plan& plan, const PlanLimits& limits)
        : schema_(schema), plan_(plan), limits_(limits) {}

    // Loads `v` as a value of type `type`; problems become findings at `pointer`.
    Value load(od::value v, int type, bool optional, std::string& pointer, std::uint32_t depth) {
        depth_ = depth;
        od::json_type jt;
        check(v.type().get(jt));
        if (jt == od::json_type::null) {
            bool is_null = false;
            check(v.is_null().get(is_null));
            const auto& t = schema_.type(type);
            if (t.kind == TypeKind::list) return Value::list(nullptr, 0);
            if (!optional) invalid(pointer, text::tr("The value of {} is missing (null) but is required.", shown(pointer)), "null");
            return {};
        }
        const auto& t = schema_.type(type);
        switch (t.kind) {
            case TypeKind::boolean: {
                if (jt != od::json_type::boolean) return wrong(pointer, N_("a truth value (true or false)"), v, jt);
                bool b = false;
                check(v.get_bool().get(b));
                return Value::boolean(b);
            }
            case TypeKind::integer: {
                if (jt != od::json_type::number) return wrong(pointer, N_("a whole number"), v, jt);
                // (the text is JSON: a number without '.', 'e' or 'E' is an integer, of any size)
                const std::string_view raw = raw_of(v);
                if (raw.find_first_of(".eE") != std::string_view::npos) {
                    invalid(pointer, text::tr("The value of {} must be a whole number, not {}.", shown(pointer), truncate(raw)),
                            evidence_of(raw));
                    return {};
                }
                std::int64_t i = 0;
                if (v.get_int64().get(i)) {
                    invalid(pointer,
                            raw.front() == '-' ? text::tr("The number {} in {} is too small; a whole number lies between -9223372036854775808 and "
                                                         "9223372036854775807.",
                                                         truncate(raw), shown(pointer))
                                : text::tr("The number {} in {} is too large; a whole number lies between -9223372036854775808 and "
                                           "9223372036854775807.",
                                           truncate(raw), shown(pointer)),
                            evidence_of(raw));
                    return {};
                }
                return Value::integer(i);
            }
            case TypeKind::decimal: {
                if (jt != od::json_type::number) return wrong(pointer, N_("a number"), v, jt);
                double d = 0;
                if (v.get_double().get(d)) {  // (the text is JSON: only its size can be wrong)
                    const std::string_view raw = raw_of(v);
                    invalid(pointer, text::tr("The number {} in {} is too large; a number lies between -1.7976931348623157e308 and "
                                              "1.7976931348623157e308.",
                                              truncate(raw), shown(pointer)),
                            evidence_of(raw));
                    return {};
                }
                return Value::decimal(d);
            }
            case TypeKind::string:
            case TypeKind::date:
            case TypeKind::enumeration: {
                if (jt != od::json_type::string)
                    return wrong(pointer,
                                 t.kind == TypeKind::date ? N_("a date (YYYY-MM-DD)")
                                 : t.kind == TypeKind::string ? N_("a text")
                                                              : N_("a code"),
                                 v, jt);
                std::string_view s;
                check(v.get_string().get(s));
                if (s.size() > limits_.max_string_length) {
                    invalid(pointer, text::tr("The text in {} is {} bytes long; the limit is {} bytes.", shown(pointer), s.size(),
                                                 limits_.max_string_length),
                            "\"…\"");
                    return {};
                }
                if (t.kind == TypeKind::string) return Value::string(plan_.store(s));
                if (t.kind == TypeKind::date) {
                    if (auto d = parse_iso_date(s)) return Value::date(*d);
                    bool shaped = s.size() == 10 && s[4] == '-' && s[7] == '-' &&
                                  std::all_of(s.begin(), s.end(), [](char c) { return c == '-' || (c >= '0' && c <= '9'); });
                    invalid(pointer,
                            shaped ? text::tr("The value of {} is not a valid date: {} does not exist in the calendar.",
                                                 shown(pointer), s)
                                   : text::tr("The value of {} is not a valid date: \"{}\" (dates are written YYYY-MM-DD).",
                                                 shown(pointer), truncate(s)),
                            json_quote(s));
                    return {};
                }
                const auto& en = schema_.enums[static_cast<std::size_t>(t.decl)];
                int code = en.code(s);
                if (code < 0) {
                    std::string all;
                    for (const auto& x : en.values) all += (all.empty() ? "" : ", ") + x;
                    invalid(pointer, text::tr("The value of {} is \"{}\", but must be one of: {}.", shown(pointer), truncate(s), all),
                            json_quote(s));
                    return {};
                }
                return Value::enumeration(static_cast<std::uint32_t>(code));
            }
            case TypeKind::duration: {
                invalid(pointer, text::tr("{} cannot be read from JSON.", shown(pointer)), "");
                skip(v, pointer);
                return {};
            }
            case TypeKind::record: {
                if (jt != od::json_type::object) return wrong(pointer, N_("an object"), v, jt);
                if (depth >= limits_.max_depth) return skip(v, pointer, depth);
                od::object obj;
                check(v.get_object().get(obj));
                return load_record(obj, t.decl, pointer, depth + 1);
            }
            case TypeKind::list: {
                if (jt != od::json_type::array) return wrong(pointer, N_("a list"), v, jt);
                if (depth >= limits_.max_depth) return skip(v, pointer, depth);
                od::array arr;
                check(v.get_array().get(arr));
                // the elements collect on a stack shared by all lists (a list inside an element
                // pushes above them and pops before the element is stored)
                const std::size_t first = items_.size();
                std::size_t mark = pointer.size();
                bool over = false;
                for (auto item : arr) {
                    od::value iv;
                    check(item.get(iv));
                    const std::size_t count = items_.size() - first;
                    if (count >= limits_.max_list_length) {
                        // the first max_list_length elements are used; the rest only checked as JSON
                        if (!over)
                            invalid(pointer, text::tr("The list {} has more than {} elements; the first {} are used.",
                                                         shown(pointer), limits_.max_list_length, limits_.max_list_length),
                                    "");
                        over = true;
                        skip(iv, pointer, depth + 1);
                        continue;
                    }
                    char digits[24];
                    auto end = std::to_chars(digits, digits + sizeof digits, count).ptr;
                    pointer += '/';
                    pointer.append(digits, end);
                    Value element = load(iv, t.element, false, pointer, depth + 1);
                    items_.push_back(element);
                    pointer.resize(mark);
                }
                const std::size_t count = items_.size() - first;
                Value* out = plan_.allocate(count);
                std::copy(items_.begin() + static_cast<std::ptrdiff_t>(first), items_.end(), out);
                items_.resize(first);
                return Value::list(out, static_cast<std::uint32_t>(count));
            }
            case TypeKind::error:
            case TypeKind::any: break;
        }
        return {};
    }

    Value load_record(od::object obj, int record, std::string& pointer, std::uint32_t depth) {
        const auto& rec = schema_.records[static_cast<std::size_t>(record)];
        const std::size_t n = rec.fields.size();
        Value* slots = plan_.allocate(n);
        // which fields were seen: bits in a word for records of up to 64 fields
        std::uint64_t seen_bits = 0;
        std::vector<bool> seen_many(n > 64 ? n : 0, false);
        auto seen = [&](std::size_t i) { return n > 64 ? static_cast<bool>(seen_many[i]) : ((seen_bits >> i) & 1u) != 0; };
        auto see = [&](std::size_t i) {
            if (n > 64) seen_many[i] = true;
            else seen_bits |= std::uint64_t{1} << i;
        };
        std::size_t mark = pointer.size();
        std::size_t next = 0;  // plans usually list the fields in the schema's order: try that first
        for (auto field : obj) {
            std::string_view key;
            check(field.unescaped_key().get(key));
            int slot = next < n && rec.fields[next].name == key ? static_cast<int>(next) : rec.slot(key);
            if (slot >= 0) next = static_cast<std::size_t>(slot) + 1;
            pointer += '/';
            append_pointer_token(pointer, key);
            od::value fv;
            check(field.value().get(fv));
            if (slot < 0) {  // unknown keys are ignored (the text is JSON, checked before)
                skip(fv, pointer, depth);
                pointer.resize(mark);
                continue;
            }
            const auto& f = rec.fields[static_cast<std::size_t>(slot)];
            sensitive_depth_ += f.sensitive || f.sensitive_value;
            if (seen(static_cast<std::size_t>(slot))) {
                invalid(pointer, text::tr("The field {} occurs twice; the first value is used.", shown(pointer)), "");
                skip(fv, pointer, depth);
            } else {
                see(static_cast<std::size_t>(slot));
                slots[slot] = load(fv, f.type, f.optional, pointer, depth);
                if (marks_values(schema_, f)) mark_sensitive(schema_, f, slots[slot]);
            }
            sensitive_depth_ -= f.sensitive || f.sensitive_value;
            pointer.resize(mark);
        }
        for (std::size_t i = 0; i < n; ++i) {
            if (seen(i)) continue;
            const auto& f = rec.fields[i];
            if (schema_.type(f.type).kind == TypeKind::list) {
                slots[i] = Value::list(nullptr, 0);
            } else if (!f.optional) {
                std::string p = pointer + "/" + pointer_token(f.name);
                sensitive_depth_ += f.sensitive || f.sensitive_value;
                invalid(p, text::tr("The field {} is missing but is required.", shown(p)), "");
                sensitive_depth_ -= f.sensitive || f.sensitive_value;
            }
        }
        return plan_.record(slots, n);
    }

    // The plan's root when the text is JSON but not an object: no field present, no finding
    // for each required one (not_a_plan says what is wrong).
    Value empty_record(int record) {
        const auto& rec = schema_.records[static_cast<std::size_t>(record)];
        Value* slots = plan_.allocate(rec.fields.size());
        for (std::size_t i = 0; i < rec.fields.size(); ++i)
            if (schema_.type(rec.fields[i].type).kind == TypeKind::list) slots[i] = Value::list(nullptr, 0);
        return plan_.record(slots, rec.fields.size());
    }
    void not_a_plan(std::string message) { invalid("", std::move(message), ""); }

private:
    static void check(simdjson::error_code e) {
        if (e) throw JsonError{e};
    }

    // Passes over a value the plan does not use (an unknown key's, a repeated key's, one of the
    // wrong type, one past the depth limit). The text was checked as JSON before loading began;
    // an object or array nested deeper than the limit allows is a finding. Returns missing.
    Value skip(od::value& v, const std::string& pointer, std::uint32_t depth = 0) {
        od::json_type jt;
        check(v.type().get(jt));
        if (jt != od::json_type::object && jt != od::json_type::array) return {};
        std::string_view raw;
        if (jt == od::json_type::object) {
            od::object obj;
            check(v.get_object().get(obj));
            check(obj.raw_json().get(raw));
        } else {
            od::array arr;
            check(v.get_array().get(arr));
            check(arr.raw_json().get(raw));
        }
        if (depth + json::nesting(raw) > limits_.max_depth) too_deep(pointer);
        return {};
    }

    // The field a message names, by the schema's labels ("aktivitet (nr 1 i listan), slutdatum"):
    // the values are not read yet, so an element is named by its number only (its finding's
    // place, made when the plan is validated, has its id too).
    std::string shown(const std::string& pointer) const { return place_of(schema_, Value{}, pointer, false); }
    // A value as a message shows it: at most 60 bytes (cut between characters, "…" after) and
    // no control characters (a terminal would act on them).
    static std::string truncate(std::string_view s) {
        std::size_t n = s.size();
        if (n > 60) {
            n = 60;
            while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
        }
        std::string out(s.substr(0, n));
        for (char& c : out)
            if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
        if (n < s.size()) out += "…";
        return out;
    }
    std::string_view raw_of(od::value& v) {
        std::string_view raw = v.raw_json_token();
        while (!raw.empty() && (raw.back() == ' ' || raw.back() == '\n' || raw.back() == '\r' || raw.back() == '\t'))
            raw.remove_suffix(1);
        return raw;
    }
    Value wrong(const std::string& pointer, const char* expected, od::value& v, od::json_type jt) {
        const bool container = jt == od::json_type::object || jt == od::json_type::array;
        const std::string_view raw = container ? std::string_view(jt == od::json_type::object ? "{…}" : "[…]") : raw_of(v);
        invalid(pointer, text::tr("The value of {} must be {}, not {}.", shown(pointer), text::translate(expected), truncate(raw)),
                container ? json_quote(raw) : evidence_of(raw));
        return skip(v, pointer, depth_);
    }
    // The evidence of a value that does not fit its field: its JSON text (the whole text was
    // checked as JSON), or, when that is long, a JSON string of its beginning.
    static std::string evidence_of(std::string_view raw) {
        return raw.size() <= 60 ? std::string(raw) : json_quote(truncate(raw));
    }
    Value too_deep(const std::string& pointer) {
        invalid(pointer, text::tr("The plan is nested deeper than {} levels at {}.", limits_.max_depth, shown(pointer)), "");
        return {};
    }
    void invalid(const std::string& pointer, std::string message, std::string value) {
        if (limits_.max_findings && plan_.input_findings().size() >= limits_.max_findings) {
            plan_.omit_input_finding(sensitive_depth_ > 0);
            return;
        }
        Finding f;
        f.rule = std::string(input_rule_id);
        f.ruleset = "planrules";
        f.severity = Severity::error;
        f.outcome = Outcome::invalid_input;
        f.title = text::tr("The plan does not follow the plan format");
        f.message = std::move(message);
        f.pointer = pointer;
        f.source = text::tr("The plan format");
        if (!value.empty()) f.evidence.push_back(Evidence{pointer, std::move(value)});
        f.sensitive = sensitive_depth_ > 0;
        plan_.add_input_finding(std::move(f));
    }

    const Schema& schema_;
    Plan& plan_;
    const PlanLimits& limits_;
    std::uint32_t depth_ = 0;  // of the value load() is looking at
    int sensitive_depth_ = 0;  // > 0 inside a field marked sensitive or sensitive value
    std::vector<Value> items_;  // the elements of the lists being loaded
};

// The parser and a padded copy of the text, kept per thread so that loading a plan allocates
// only the plan itself; released after a plan larger than 1 MiB.
struct ParseBuffers {
    od::parser parser;
    std::vector<char> text;
    void trim() {
        if (text.size() > (1u << 20)) {
            parser = od::parser{};
            text = std::vector<char>{};
        }
    }
};

}  // namespace

tl::expected<Plan, Diagnostics> load_plan(const Schema& schema, std::string_view json, const std::string& name,
                                          const PlanLimits& limits, bool fast, const FastSchema* fast_schema,
                                          bool padded) {
    const std::string_view original = json;
    std::size_t bom = 0;
    // The diagnostic keeps only the line around the offset, not the plan (which may be large).
    auto fail = [&](diagnostics::Code code, std::optional<std::size_t> offset, std::string message, std::string help) {
        Diagnostics ds;
        if (offset) {
            auto file = std::make_shared<SourceFile>(SourceFile::window(name, original, *offset + bom));
            const std::uint32_t b = file->window_offset();
            const std::uint32_t e = b < file->text().size() ? b + 1 : b;
            ds.push_back(diagnostics::make(code, file, {b, e}, std::move(message), std::move(help)));
        } else {
            Diagnostic d = diagnostics::make(code, nullptr, {}, std::move(message), std::move(help));
            d.file_name = name;
            ds.push_back(std::move(d));
        }
        return tl::unexpected(std::move(ds));
    };
    if (original.size() > limits.max_plan_size)
        return fail("plan-too-large", std::nullopt,
                    text::tr("the plan is {} bytes; the limit is {} bytes", original.size(), limits.max_plan_size),
                    text::tr("raise PlanLimits::max_plan_size if plans this large are expected"));
    // (the size is checked before a byte is read: a host's length may be wrong)
    // A byte-order mark is skipped (offsets in diagnostics count it, to match the file).
    bom = json.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    json.remove_prefix(bom);
    if (schema.root_type < 0) {  // about the rules, not the plan
        return tl::unexpected(Diagnostics{diagnostics::make("no-root", nullptr, {},
                                                            text::tr("the rules declare no plan type, so no plan can be read"),
                                                            text::tr("compile the schema with the rules (a file with 'root plan: Plan')"))});
    }

    Plan plan;
    thread_local ParseBuffers buffers;
    struct Trim {
        ParseBuffers& b;
        ~Trim() { b.trim(); }
    } trim{buffers};
    static_assert(simdjson::SIMDJSON_PADDING <= plan_padding);
    const char* text = json.data();
    if (!padded) {
        buffers.text.resize(json.size() + plan_padding);
        std::copy(json.begin(), json.end(), buffers.text.begin());
        std::fill_n(buffers.text.begin() + static_cast<std::ptrdiff_t>(json.size()), plan_padding, '\0');
        text = buffers.text.data();
    }
    simdjson::padded_string_view padded_text(text, json.size(), json.size() + plan_padding);
    // The plan's id, for reports.
    auto set_id = [&](Plan& p) {
        const auto& rt = schema.type(schema.root_type);
        if (rt.kind == TypeKind::record && p.root().kind == ValueKind::record) {
            int slot = schema.records[static_cast<std::size_t>(rt.decl)].slot("id");
            if (slot >= 0 && p.root().field(static_cast<std::uint32_t>(slot)).kind == ValueKind::string)
                p.set_id(std::string(p.root().field(static_cast<std::uint32_t>(slot)).str()));
        }
    };
    if (fast) {
        std::shared_ptr<const FastSchema> own;
        if (!fast_schema) {
            own = make_fast_schema(schema);
            fast_schema = own.get();
        }
        static_assert(plan_padding >= 64, "fast_load reads up to 64 bytes past the text");
        Plan quick;
        if (fast_load(*fast_schema, text, json.size(), limits, quick)) {
            set_id(quick);
            return quick;
        }
    }
    // Every byte is checked as JSON before the plan is read: On-Demand parsing does not check
    // what the loader passes over.
    const std::size_t start = skip_ws(json);
    if (start == json.size()) return fail("invalid-json", 0, text::tr("the plan is empty"), text::tr("a plan is a JSON object: {{\"id\": …}}"));
    if (auto error = json::check_syntax(json)) {
        if (error->encoding) return fail("invalid-json", error->offset, text::tr("the plan is not valid UTF-8"), text::tr("save the plan as UTF-8"));
        return fail("invalid-json", error->offset, text::tr("the plan is not valid JSON: {}", error->message), std::move(error->help));
    }
    std::string pointer;
    Loader loader(schema, plan, limits);
    const auto& root_type = schema.type(schema.root_type);
    if (root_type.kind == TypeKind::record && json[start] != '{') {
        // JSON, but not a plan: a finding like any value of the wrong type, over a plan with
        // no fields
        const char* what = json[start] == '[' ? N_("a list") : json[start] == '"' ? N_("a text") : json[start] == 'n' ? "null"
                           : json[start] == 't' || json[start] == 'f' ? N_("a truth value") : N_("a number");
        const auto where = SourceFile::window(name, original, start + bom, 0).position(0);
        loader.not_a_plan(text::tr("The plan must be a JSON object ({{\"id\": …}}), but is {} (line {}, column {}).", text::translate(what),
                                      where.line, where.column));
        plan.set_root(loader.empty_record(root_type.decl));
        return plan;
    }
    od::parser& parser = buffers.parser;
    od::document doc;
    try {
        if (auto e = parser.iterate(padded_text).get(doc); e) throw JsonError{e};
        od::value root;
        if (auto e = doc.get_value().get(root); e) throw JsonError{e};
        plan.set_root(loader.load(root, schema.root_type, false, pointer, 0));
    } catch (const JsonError& e) {
        // The text is JSON: what simdjson still refuses is a limit of its own.
        return fail("plan-unreadable", std::nullopt,
                    text::tr("the plan is JSON but could not be read: {}", simdjson::error_message(e.code)),
                    text::tr("please report this plan to the planrules developers"));
    }
    set_id(plan);
    return plan;
}

}  // namespace planrules::eval
