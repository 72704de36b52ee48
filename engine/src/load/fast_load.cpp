// The fast path of plan loading: plan JSON read straight into a Plan in one pass, guided by
// the schema, with no document in between. It accepts only what it is sure of: text that is
// JSON (RFC 8259, UTF-8) and a plan that follows the schema exactly. At anything the full
// loader would report (a wrong type, an impossible date, a duplicate key, a missing required
// field, too deep, too long, not JSON) it gives up, and the full loader (load.cpp) reads the
// plan again and makes the findings. So the two agree on every plan the fast path accepts
// (tests/eval/test_fast_load.cpp and fuzz_plan_json compare them). One file: the parser is one
// class on the hot path, kept in one translation unit so that its readers inline into each other.

#include "load/load.hpp"

#include "text/strings.hpp"

#include <array>
#include <charconv>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace planrules::eval {

using check::Schema;
using check::Type;
using check::TypeKind;

// The schema laid out for the parser: each type's kind at hand, each key and enumeration value
// quoted as it appears in JSON (compared in place with the text, no copy or scan first), and per
// record which fields must be present.
struct QuotedText {
    static constexpr std::size_t capacity = 48;
    alignas(16) std::array<char, capacity> bytes{};  // '"', the text, '"', zeros
    std::uint8_t size = 0;         // with the quotes
    std::uint8_t chunks = 1;       // 16-byte chunks to compare
    std::uint16_t last_mask = 1;   // the bytes of the last chunk that count
    // (text too long to compare in place: a zero byte where the text has its quote, so no match)
    void set(std::string_view text) {
        if (text.size() + 2 > capacity) return;
        bytes[0] = '"';
        std::memcpy(bytes.data() + 1, text.data(), text.size());
        bytes[text.size() + 1] = '"';
        size = static_cast<std::uint8_t>(text.size() + 2);
        chunks = static_cast<std::uint8_t>((size + 15) / 16);
        const unsigned left = size - (chunks - 1u) * 16u;
        last_mask = static_cast<std::uint16_t>(left == 16 ? 0xFFFFu : (1u << left) - 1);
    }
};

struct FastSchema {
    struct Field {
        QuotedText key;
        int type = -1;
        bool optional = false;
        bool marks = false;  // its values are marked sensitive as they are read (marks_values)
    };
    struct Record {
        std::vector<Field> fields;
        std::uint64_t required = 0;  // fields that must be present
        std::uint64_t lists = 0;     // fields that are lists (missing: empty)
    };
    const Schema* schema = nullptr;
    std::vector<Type> types;                      // by type id
    std::vector<Record> records;                  // by record decl
    std::vector<std::vector<QuotedText>> enums;   // by enum decl: the values by code
};

std::shared_ptr<const FastSchema> make_fast_schema(const Schema& schema) {
    auto fs = std::make_shared<FastSchema>();
    fs->schema = &schema;
    fs->types.reserve(schema.type_count());
    fs->records.reserve(schema.records.size());
    fs->enums.reserve(schema.enums.size());
    for (std::size_t id = 0; id < schema.type_count(); ++id) fs->types.push_back(schema.type(static_cast<int>(id)));
    for (const auto& rec : schema.records) {
        FastSchema::Record r;
        r.fields.reserve(rec.fields.size());
        for (std::size_t i = 0; i < rec.fields.size(); ++i) {
            const auto& f = rec.fields[i];
            FastSchema::Field field;
            field.key.set(f.name);
            field.type = f.type;
            field.optional = f.optional;
            field.marks = marks_values(schema, f);
            r.fields.push_back(field);
            if (i >= 64) continue;
            const bool list = schema.type(f.type).kind == TypeKind::list;
            if (list) r.lists |= std::uint64_t{1} << i;
            else if (!f.optional) r.required |= std::uint64_t{1} << i;
        }
        fs->records.push_back(std::move(r));
    }
    for (const auto& en : schema.enums) {
        std::vector<QuotedText> values(en.values.size());
        for (std::size_t i = 0; i < en.values.size(); ++i) values[i].set(en.values[i]);
        fs->enums.push_back(std::move(values));
    }
    return fs;
}

namespace {

// Whether the text at p (at least QuotedText::capacity readable bytes, starting with a quote)
// starts with q.
inline bool starts_with(const char* p, const QuotedText& q) noexcept {
#if defined(__SSE2__)
    auto equal = [&](std::size_t chunk) {
        const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + chunk * 16));
        const __m128i b = _mm_load_si128(reinterpret_cast<const __m128i*>(q.bytes.data() + chunk * 16));
        return static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(a, b)));
    };
    const std::size_t last = q.chunks - 1u;
    for (std::size_t chunk = 0; chunk < last; ++chunk)
        if (equal(chunk) != 0xFFFFu) return false;
    return (equal(last) & q.last_mask) == q.last_mask;
#else
    return q.size != 0 && std::memcmp(p, q.bytes.data(), q.size) == 0;
#endif
}

// Nesting the fast path follows itself, whatever PlanLimits::max_depth allows (deeper plans
// go to the full loader, which has its own bound).
constexpr std::uint32_t own_depth_limit = 256;

class FastParser {
public:
    FastParser(const FastSchema& schema, Plan& plan, const PlanLimits& limits, std::vector<Value>& items,
               std::string& unescaped)
        : schema_(schema), plan_(plan), limits_(limits), items_(items), unescaped_(unescaped) {}

    bool parse(const char* begin, const char* end, int root_decl, Value& out) {
        p_ = begin;
        end_ = end;
        ws();
        if (p_ >= end_ || *p_ != '{') return false;
        if (!record(root_decl, 1, out)) return false;
        ws();
        return p_ == end_;
    }

private:
    void ws() {
        // (past end_ lies padding: zero bytes, not whitespace)
        while (static_cast<unsigned char>(*p_) <= ' ' && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t') &&
               p_ < end_)
            ++p_;
    }
    // (c is never a zero byte, so take stops at end_ too)
    bool take(char c) {
        if (*p_ == c) {
            ++p_;
            return true;
        }
        return false;
    }
    // After an element of an object or array: a comma (more follow, whitespace skipped), the
    // closing bracket (done), or anything else (not JSON).
    enum class Next { more, done, bad };
    Next after_element(char close) {
        // compact JSON first: the comma or bracket right after the element
        if (*p_ == ',') {
            ++p_;
            if (static_cast<unsigned char>(*p_) <= ' ') ws();
            return Next::more;
        }
        if (*p_ == close) {
            ++p_;
            return Next::done;
        }
        ws();
        if (take(',')) {
            ws();
            return Next::more;
        }
        return take(close) ? Next::done : Next::bad;
    }

    bool literal(const char* word, std::size_t n) {
        if (static_cast<std::size_t>(end_ - p_) < n || std::memcmp(p_, word, n) != 0) return false;
        p_ += n;
        return true;
    }

    // A value of schema type `type` at p_ (whitespace skipped).
    bool value(int type, bool optional, std::uint32_t depth, Value& out) {
        if (p_ >= end_) return false;
        const Type& t = schema_.types[static_cast<std::size_t>(type)];
        if (*p_ == 'n') {
            if (!literal("null", 4)) return false;
            if (t.kind == TypeKind::list) out = Value::list(nullptr, 0);
            else if (!optional) return false;
            else out = Value{};
            return true;
        }
        switch (t.kind) {
            case TypeKind::record:
                if (*p_ != '{' || depth >= limits_.max_depth || depth >= own_depth_limit) return false;
                return record(t.decl, depth + 1, out);
            case TypeKind::list: return list(t, depth, out);
            default: return scalar(t, out);
        }
    }

    // A value of a scalar type at p_ (not null); inlined where fields are read, so that the
    // common values cost no call.
    [[gnu::always_inline]] bool scalar(const Type& t, Value& out) {
        switch (t.kind) {
            case TypeKind::boolean:
                if (literal("true", 4)) out = Value::boolean(true);
                else if (literal("false", 5)) out = Value::boolean(false);
                else return false;
                return true;
            case TypeKind::integer: {
                // -?(0|[1-9][0-9]*) of at most 18 digits: fits an int64 (larger: the full loader)
                bool negative = take('-');
                const char* digits = p_;
                while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
                const auto n = p_ - digits;
                if (n == 0 || n > 18 || (n > 1 && *digits == '0')) return false;
                if (p_ < end_ && (*p_ == '.' || *p_ == 'e' || *p_ == 'E')) return false;  // not an integer
                std::int64_t v = 0;
                for (const char* d = digits; d < p_; ++d) v = v * 10 + (*d - '0');
                out = Value::integer(negative ? -v : v);
                return true;
            }
            case TypeKind::decimal: {
                // -?(0|[1-9][0-9]*)(.[0-9]+)? of at most 20 characters, read correctly rounded
                // as simdjson does (an exponent goes to the full loader)
                const char* s = p_;
                take('-');
                const char* digits = p_;
                while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
                const auto n = p_ - digits;
                if (n == 0 || (n > 1 && *digits == '0')) return false;
                if (take('.')) {
                    const char* frac = p_;
                    while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
                    if (p_ == frac) return false;
                }
                if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) return false;
                if (p_ - s > 20) return false;
                double d = 0;
                auto r = std::from_chars(s, p_, d);
                if (r.ec != std::errc{} || r.ptr != p_) return false;
                out = Value::decimal(d);
                return true;
            }
            case TypeKind::date: {
                // "YYYY-MM-DD" read in place (anything else, escapes too: the string below)
                if (*p_ != '"') return false;
                if (end_ - p_ >= 12 && p_[11] == '"' && limits_.max_string_length >= 10) {
                    if (auto d = parse_iso_date(std::string_view(p_ + 1, 10))) {
                        out = Value::date(*d);
                        p_ += 12;
                        return true;
                    }
                }
                std::string_view text;
                if (!string(text) || text.size() > limits_.max_string_length) return false;
                auto d = parse_iso_date(text);
                if (!d) return false;
                out = Value::date(*d);
                return true;
            }
            case TypeKind::enumeration: {
                // the values compared in place, quotes included (escapes: the string below)
                if (*p_ != '"') return false;
                const auto& values = schema_.enums[static_cast<std::size_t>(t.decl)];
                for (std::size_t code = 0; code < values.size(); ++code) {
                    if (!starts_with(p_, values[code])) continue;
                    if (static_cast<std::size_t>(values[code].size - 2) > limits_.max_string_length) return false;
                    p_ += values[code].size;
                    out = Value::enumeration(static_cast<std::uint32_t>(code));
                    return true;
                }
                std::string_view text;
                if (!string(text) || text.size() > limits_.max_string_length) return false;
                const int code = schema_.schema->enums[static_cast<std::size_t>(t.decl)].code(text);
                if (code < 0) return false;
                out = Value::enumeration(static_cast<std::uint32_t>(code));
                return true;
            }
            case TypeKind::string: {
                std::string_view text;
                if (*p_ != '"' || !string(text) || text.size() > limits_.max_string_length) return false;
                out = Value::string(plan_.store(text));
                return true;
            }
            default: return false;
        }
    }

    // A list of type t at p_.
    bool list(const Type& t, std::uint32_t depth, Value& out) {
        if (*p_ != '[' || depth >= limits_.max_depth || depth >= own_depth_limit) return false;
        ++p_;
        // the elements collect on a stack shared by all lists (a list inside an element
        // pushes above them and pops before the element is stored)
        const std::size_t first = items_.size();
        ws();
        if (!take(']')) {
            for (;;) {
                if (items_.size() - first >= limits_.max_list_length) return false;
                Value element;
                if (!value(t.element, false, depth + 1, element)) return false;
                items_.push_back(element);
                const Next next = after_element(']');
                if (next == Next::done) break;
                if (next == Next::bad) return false;
            }
        }
        const std::size_t count = items_.size() - first;
        Value* elements = plan_.allocate_uninitialized(count);
        std::uninitialized_copy(items_.begin() + static_cast<std::ptrdiff_t>(first), items_.end(), elements);
        items_.resize(first);
        out = Value::list(elements, static_cast<std::uint32_t>(count));
        return true;
    }

    // An object at p_ read as record `decl`: fields by name, in any order; unknown keys are
    // read (they must be JSON) and ignored.
    bool record(int decl, std::uint32_t depth, Value& out) {
        const auto& rec = schema_.records[static_cast<std::size_t>(decl)];
        const std::size_t n = rec.fields.size();
        if (n > 64) return false;  // a bit each in `seen`
        ++p_;  // '{'
        Value* slots = plan_.allocate_uninitialized(n);  // each written below: read or missing
        std::uint64_t seen = 0;
        std::size_t next = 0;  // the field after the last one read
        ws();
        if (!take('}')) {
            for (;;) {
                if (p_ >= end_ || *p_ != '"') return false;
                // plans usually list the fields in the schema's order: the keys are compared in
                // place from the expected one on, round to it (a key spelled the same, quote to
                // quote, has no escapes); a key with escapes or not in the record is read
                int slot = -1;
                for (std::size_t k = 0, i = next < n ? next : 0; k < n; ++k, i = i + 1 < n ? i + 1 : 0) {
                    if (starts_with(p_, rec.fields[i].key)) {
                        slot = static_cast<int>(i);
                        break;
                    }
                }
                if (slot >= 0) {
                    p_ += rec.fields[static_cast<std::size_t>(slot)].key.size;
                } else {
                    std::string_view key;
                    if (!string(key)) return false;
                    slot = schema_.schema->records[static_cast<std::size_t>(decl)].slot(key);
                }
                if (*p_ == ':') {
                    ++p_;
                } else {
                    ws();
                    if (!take(':')) return false;
                }
                if (static_cast<unsigned char>(*p_) <= ' ') ws();
                if (slot < 0) {
                    if (!skip(depth)) return false;
                } else {
                    const auto bit = std::uint64_t{1} << slot;
                    if (seen & bit) return false;  // a repeated key: the full loader reports it
                    seen |= bit;
                    next = static_cast<std::size_t>(slot) + 1;
                    const auto& f = rec.fields[static_cast<std::size_t>(slot)];
                    const Type& t = schema_.types[static_cast<std::size_t>(f.type)];
                    if (*p_ != 'n' && t.kind != TypeKind::record && t.kind != TypeKind::list) {
                        if (!scalar(t, slots[slot])) return false;  // most values: no call
                    } else if (!value(f.type, f.optional, depth, slots[slot])) {
                        return false;
                    }
                    if (f.marks) {
                        const auto& info = schema_.schema->records[static_cast<std::size_t>(decl)].fields[static_cast<std::size_t>(slot)];
                        mark_sensitive(*schema_.schema, info, slots[slot]);
                    }
                }
                const Next after = after_element('}');
                if (after == Next::done) break;
                if (after == Next::bad) return false;
            }
        }
        std::uint64_t missing = (n == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << n) - 1) & ~seen;
        if (rec.required & missing) return false;  // a required field missing: the full loader reports it
        for (; missing; missing &= missing - 1) {
            const auto i = static_cast<unsigned>(__builtin_ctzll(missing));
            slots[i] = (rec.lists >> i) & 1 ? Value::list(nullptr, 0) : Value{};
        }
        out = plan_.record(slots, n);
        return true;
    }

    // Any JSON value the plan does not use (an unknown key's), checked and passed over; an
    // object or array in it counts towards the depth limit as the full loader counts it.
    bool skip(std::uint32_t depth) {
        if (p_ >= end_) return false;
        switch (*p_) {
            case '{':
            case '[': {
                if (depth >= limits_.max_depth || depth >= own_depth_limit) return false;
                const char close = *p_ == '{' ? '}' : ']';
                const bool object = close == '}';
                ++p_;
                ws();
                if (take(close)) return true;
                for (;;) {
                    if (object) {
                        std::string_view key;
                        if (p_ >= end_ || *p_ != '"' || !string(key)) return false;
                        ws();
                        if (!take(':')) return false;
                        ws();
                    }
                    if (!skip(depth + 1)) return false;
                    const Next next = after_element(close);
                    if (next != Next::more) return next == Next::done;
                }
            }
            case '"': {
                std::string_view text;
                return string(text);
            }
            case 't': return literal("true", 4);
            case 'f': return literal("false", 5);
            case 'n': return literal("null", 4);
            default: return number();
        }
    }

    // RFC 8259 number syntax.
    bool number() {
        take('-');
        const char* digits = p_;
        while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
        if (p_ == digits || (p_ - digits > 1 && *digits == '0')) return false;
        if (take('.')) {
            const char* frac = p_;
            while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
            if (p_ == frac) return false;
        }
        if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) {
            ++p_;
            if (p_ < end_ && (*p_ == '+' || *p_ == '-')) ++p_;
            const char* exp = p_;
            while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
            if (p_ == exp) return false;
        }
        return true;
    }

    // A string at p_ (the opening quote): its text, unescaped; false for anything that is not
    // a JSON string of valid UTF-8.
    bool string(std::string_view& out) {
        const char* s = ++p_;
        const char* high_at = nullptr;  // the first byte of a multi-byte character
        // to the first quote, backslash or control character; the text ends in readable
        // padding (load_plan's buffer), so whole 16-byte blocks may be read past end_
#if defined(__SSE2__)
        const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\'), ctl = _mm_set1_epi8(0x1F);
        for (;;) {
            if (p_ >= end_) return false;
            const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p_));
            const __m128i special = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, backslash)),
                                                 _mm_cmpeq_epi8(_mm_max_epu8(x, ctl), ctl));
            const unsigned stop = static_cast<unsigned>(_mm_movemask_epi8(special));
            unsigned high = static_cast<unsigned>(_mm_movemask_epi8(x));
            if (stop) {
                const unsigned k = static_cast<unsigned>(__builtin_ctz(stop));
                high &= (1u << k) - 1;
                if (high && !high_at) high_at = p_ + __builtin_ctz(high);
                p_ += k;
                break;
            }
            if (high && !high_at) high_at = p_ + __builtin_ctz(high);
            p_ += 16;
        }
#else
        for (;;) {
            if (p_ >= end_) return false;
            const auto c = static_cast<unsigned char>(*p_);
            if (c == '"' || c == '\\' || c < 0x20) break;
            if (c >= 0x80 && !high_at) high_at = p_;
            ++p_;
        }
#endif
        if (p_ >= end_) return false;
        if (*p_ == '"') {
            out = std::string_view(s, static_cast<std::size_t>(p_ - s));
            ++p_;
            // ASCII before the first multi-byte character needs no check
            return !high_at || planrules::detail::find_invalid_utf8(std::string_view(
                                   high_at, static_cast<std::size_t>(out.data() + out.size() - high_at))) ==
                                   std::string_view::npos;
        }
        if (*p_ != '\\') return false;  // a control character: not JSON
        // escapes: the text is rebuilt in unescaped_
        unescaped_.assign(s, static_cast<std::size_t>(p_ - s));
        for (;;) {
            if (p_ >= end_) return false;
            const auto c = static_cast<unsigned char>(*p_);
            if (c == '"') {
                ++p_;
                break;
            }
            if (c < 0x20) return false;
            if (c != '\\') {
                unescaped_ += static_cast<char>(c);
                ++p_;
                continue;
            }
            if (end_ - p_ < 2) return false;
            const char e = p_[1];
            p_ += 2;
            switch (e) {
                case '"': unescaped_ += '"'; break;
                case '\\': unescaped_ += '\\'; break;
                case '/': unescaped_ += '/'; break;
                case 'b': unescaped_ += '\b'; break;
                case 'f': unescaped_ += '\f'; break;
                case 'n': unescaped_ += '\n'; break;
                case 'r': unescaped_ += '\r'; break;
                case 't': unescaped_ += '\t'; break;
                case 'u': {
                    std::uint32_t cp = 0;
                    if (!hex4(cp)) return false;
                    if (cp >= 0xDC00 && cp <= 0xDFFF) return false;  // a low surrogate alone
                    if (cp >= 0xD800 && cp <= 0xDBFF) {              // a pair
                        std::uint32_t low = 0;
                        if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') return false;
                        p_ += 2;
                        if (!hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    }
                    utf8(cp);
                    break;
                }
                default: return false;
            }
        }
        out = unescaped_;
        return planrules::detail::find_invalid_utf8(out) == std::string_view::npos;
    }

    bool hex4(std::uint32_t& cp) {
        if (end_ - p_ < 4) return false;
        for (int i = 0; i < 4; ++i) {
            const char c = *p_++;
            cp <<= 4;
            if (c >= '0' && c <= '9') cp |= static_cast<std::uint32_t>(c - '0');
            else if (c >= 'a' && c <= 'f') cp |= static_cast<std::uint32_t>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F') cp |= static_cast<std::uint32_t>(c - 'A' + 10);
            else return false;
        }
        return true;
    }

    void utf8(std::uint32_t cp) {
        if (cp < 0x80) {
            unescaped_ += static_cast<char>(cp);
        } else if (cp < 0x800) {
            unescaped_ += static_cast<char>(0xC0 | (cp >> 6));
            unescaped_ += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            unescaped_ += static_cast<char>(0xE0 | (cp >> 12));
            unescaped_ += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            unescaped_ += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            unescaped_ += static_cast<char>(0xF0 | (cp >> 18));
            unescaped_ += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            unescaped_ += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            unescaped_ += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }

    const FastSchema& schema_;
    Plan& plan_;
    const PlanLimits& limits_;
    std::vector<Value>& items_;
    std::string& unescaped_;
    const char* p_ = nullptr;
    const char* end_ = nullptr;
};

}  // namespace

bool fast_load(const FastSchema& schema, const char* text, std::size_t size, const PlanLimits& limits, Plan& out) {
    if (schema.schema->root_type < 0) return false;
    const auto& rt = schema.types[static_cast<std::size_t>(schema.schema->root_type)];
    if (rt.kind != TypeKind::record || limits.max_depth == 0) return false;
    thread_local std::vector<Value> items;
    thread_local std::string unescaped;
    items.clear();
    out.size_hint(size);
    Value root;
    FastParser parser(schema, out, limits, items, unescaped);
    const bool ok = parser.parse(text, text + size, rt.decl, root);
    if (items.capacity() > 4096) items = std::vector<Value>{};  // not kept after a very long list
    if (unescaped.capacity() > (1u << 16)) unescaped = std::string{};
    if (!ok) return false;
    out.set_root(root);
    return true;
}

bool fast_load(const Schema& schema, const char* text, std::size_t size, const PlanLimits& limits, Plan& out) {
    return fast_load(*make_fast_schema(schema), text, size, limits, out);
}

}  // namespace planrules::eval
