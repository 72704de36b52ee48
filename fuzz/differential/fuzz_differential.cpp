// Fuzz target: differential testing of the evaluator.
//
// From the fuzz bytes (read by a deterministic byte reader that yields 0 once it runs dry)
// the target generates
//   1. a small plan for rules/handlingsplan.schema, as a model and as JSON text, and
//   2. a few well-typed rules over that schema, as expression trees and as rule text
//      (type-directed generation with a bounded depth).
// The rule text is compiled with the real engine together with the shipped schema, the JSON
// is loaded with RuleSet::load_json and validated as of a fixed date. Independently, a small
// reference interpreter below evaluates the generator's own trees over the generator's own
// plan model, following docs/language.md (three-valued logic, evaluation errors, calendar
// arithmetic, `when`, `for each … where`, `if missing`). Every rule's result is compared:
// passed / not applicable / findings (violated or indeterminate), and for `for each` rules
// the multiset of finding pointers with their outcomes. On any disagreement the rule text,
// the plan and both results go to stderr and the target aborts.
//
// The reference shares no code with the engine: it has its own calendar, its own integer
// overflow checks (__int128) and its own logic. A rule the engine refuses to compile, or a
// plan it cannot load cleanly, is a generator bug and aborts too.
//
// The JSON boundary too: the report must be JSON, and the plan with one byte changed, and the
// fuzz bytes read as a plan, must be refused as not JSON exactly when simdjson's validating
// parser (json_oracle.hpp) says they are not JSON.

#include <planrules/planrules.hpp>

#include "../json_oracle.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace {

using i64 = std::int64_t;
constexpr i64 kMax = std::numeric_limits<i64>::max();
constexpr i64 kMin = std::numeric_limits<i64>::min();

// PLANRULES_DIFF_VERBOSE=1: print every generated rule and plan with the reference's result.
bool verbose() {
    static const bool on = [] {
        const char* e = std::getenv("PLANRULES_DIFF_VERBOSE");
        return e && *e == '1';
    }();
    return on;
}

// ---------------------------------------------------------------------------------------
// Bytes

struct Bytes {
    const std::uint8_t* p;
    std::size_t n;
    std::size_t i = 0;
    unsigned byte() { return i < n ? p[i++] : 0; }
    // 0 … k-1; 0 once the input is used up (so the first choice must always terminate)
    unsigned pick(unsigned k) { return k <= 1 ? 0 : byte() % k; }
    bool chance(unsigned k) { return pick(k) == 1; }  // about 1 in k, never when dry
    template <typename T, std::size_t N>
    const T& from(const T (&a)[N]) { return a[pick(N)]; }
};

// ---------------------------------------------------------------------------------------
// Calendar (own implementation: day numbers counted from 0001-01-01 = 0)

bool leap(i64 y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
i64 days_in_month(i64 y, i64 m) {
    static const int dim[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : dim[m - 1];
}
i64 year_start(i64 y) {  // day number of y-01-01
    i64 p = y - 1;
    return 365 * p + p / 4 - p / 100 + p / 400;
}
struct Ymd {
    i64 y, m, d;
};
i64 day_number(Ymd x) {
    i64 n = year_start(x.y);
    for (i64 m = 1; m < x.m; ++m) n += days_in_month(x.y, m);
    return n + x.d - 1;
}
Ymd ymd(i64 n) {
    i64 y = n / 366 + 1;
    while (year_start(y + 1) <= n) ++y;
    while (year_start(y) > n) --y;
    n -= year_start(y);
    i64 m = 1;
    while (n >= days_in_month(y, m)) n -= days_in_month(y, m++);
    return {y, m, n + 1};
}
const i64 kFirstDay = 0;                            // 0001-01-01
const i64 kLastDay = day_number({9999, 12, 31});    // 9999-12-31
std::string date_text(i64 n) {
    Ymd x = ymd(n);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lld", (long long)x.y, (long long)x.m, (long long)x.d);
    return buf;
}

// ---------------------------------------------------------------------------------------
// Types, values, the plan model

enum class T { Bool, Int, Date, Str, Dur, PStatus, AStatus };

struct Term {  // one term of a duration: n months, or n days
    bool months;
    i64 n;
};

struct RV {
    enum K { val, missing, error } k = missing;
    bool b = false;
    i64 i = 0;              // int, date (day number)
    std::string s;          // string, enum code
    std::vector<Term> dur;  // in the order written
    static RV boolean(bool v) { RV r; r.k = val; r.b = v; return r; }
    static RV integer(i64 v) { RV r; r.k = val; r.i = v; return r; }
    static RV text(std::string v) { RV r; r.k = val; r.s = std::move(v); return r; }
    static RV err() { RV r; r.k = error; return r; }
    bool known() const { return k == val; }
};
// the unknown of two values, at least one of them unknown: an error wins over a missing value
RV unknown(const RV& x, const RV& y) { return x.k == RV::error || y.k == RV::error ? RV::err() : RV{}; }
RV date_value(i64 d) { return d < kFirstDay || d > kLastDay ? RV::err() : RV::integer(d); }

struct Akt {
    std::string id, typ, status;
    std::optional<i64> start;
    std::optional<std::string> motivering;
};
struct PlanM {
    i64 version = 1;
    std::string status = "upprattad", typ = "ordinarie";
    std::optional<i64> upprattad, reviderad;
    i64 inskriv = 0;
    std::optional<i64> omradestyp;
    bool has_jobbchans = false;
    std::optional<i64> utfall;
    std::optional<bool> tillf, ekb;
    bool has_stod = false;
    std::optional<std::string> bedomning;
    std::vector<Akt> akt;
};

// Fields the rules read. P_* hang off `plan`, A_* off an Aktivitet variable.
enum Field {
    P_version, P_omradestyp, P_utfall, P_tillf, P_ekb, P_upprattad, P_reviderad, P_inskriv, P_bedomning,
    P_status, P_id, A_status, A_start, A_motivering, A_typ, A_id
};
struct FieldInfo {
    Field f;
    T t;
    const char* path;
};
const FieldInfo kFields[] = {
    {P_version, T::Int, "plan.version"},
    {P_omradestyp, T::Int, "plan.sokande.omradestyp"},
    {P_utfall, T::Int, "plan.sokande.jobbchans.utfall"},
    {P_tillf, T::Bool, "plan.sokande.tillfalligt_arbete"},
    {P_ekb, T::Bool, "plan.sokande.ekonomiskt_bistand"},
    {P_upprattad, T::Date, "plan.upprattad_datum"},
    {P_reviderad, T::Date, "plan.senast_reviderad"},
    {P_inskriv, T::Date, "plan.sokande.inskrivningsdatum"},
    {P_bedomning, T::Str, "plan.stodbehov.bedomning"},
    {P_status, T::PStatus, "plan.status"},
    {P_id, T::Str, "plan.id"},
    {A_status, T::AStatus, ".status"},
    {A_start, T::Date, ".start"},
    {A_motivering, T::Str, ".motivering"},
    {A_typ, T::Str, ".typ"},
    {A_id, T::Str, ".id"},
};
bool on_element(Field f) { return f >= A_status; }

template <typename V>
RV opt_int(const std::optional<V>& o) { return o ? RV::integer(static_cast<i64>(*o)) : RV{}; }
RV opt_bool(const std::optional<bool>& o) { return o ? RV::boolean(*o) : RV{}; }
RV opt_str(const std::optional<std::string>& o) { return o ? RV::text(*o) : RV{}; }

RV read_field(const PlanM& p, const Akt* a, Field f) {
    switch (f) {
        case P_version: return RV::integer(p.version);
        case P_omradestyp: return opt_int(p.omradestyp);
        case P_utfall: return p.has_jobbchans ? opt_int(p.utfall) : RV{};
        case P_tillf: return opt_bool(p.tillf);
        case P_ekb: return opt_bool(p.ekb);
        case P_upprattad: return opt_int(p.upprattad);
        case P_reviderad: return opt_int(p.reviderad);
        case P_inskriv: return RV::integer(p.inskriv);
        case P_bedomning: return p.has_stod ? opt_str(p.bedomning) : RV{};
        case P_status: return RV::text(p.status);
        case P_id: return RV::text("P-1");
        case A_status: return RV::text(a->status);
        case A_start: return opt_int(a->start);
        case A_motivering: return opt_str(a->motivering);
        case A_typ: return RV::text(a->typ);
        case A_id: return RV::text(a->id);
    }
    return {};
}

// ---------------------------------------------------------------------------------------
// Expressions

enum class Op {
    lit, today, field, and_, or_, not_, eq, ne, lt, le, gt, ge, add, sub, mul, div, mod, neg, cond,
    present, missing, blank, days_between, count_list, count, all, any, all_for, any_for, exists, in
};

struct E {
    Op op = Op::lit;
    T t = T::Bool;
    RV lit;                 // for lit (and the codes of `in`)
    std::vector<std::string> codes;
    Field field = P_version;
    int var = -1;           // field: the variable read (-1: plan); aggregates: the variable bound
    bool paren = false;     // print redundant parentheses
    std::vector<E> k;       // operands; aggregates: [cond] or [value, cond?]
    bool has_where = false;
};

const char* var_name(int v) {
    static const char* names[] = {"a", "b", "c", "d", "e", "f", "g", "h"};
    return names[v];
}

int prec(const E& e) {
    switch (e.op) {
        case Op::or_: return 1;
        case Op::and_: return 2;
        case Op::not_: return 3;
        case Op::eq: case Op::ne: case Op::lt: case Op::le: case Op::gt: case Op::ge: case Op::in: return 4;
        case Op::add: case Op::sub: return 5;
        case Op::mul: case Op::div: case Op::mod: return 6;
        case Op::neg: return 7;
        case Op::cond: case Op::exists: return 0;  // they extend as far right as possible
        default: return 9;
    }
}

std::string quote(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\', out += c;
        else if (c == '\t') out += "\\t";
        else if (c == '\n') out += "\\n";
        else out += c;
    }
    return out + "\"";
}

void print(const E& e, int minprec, std::string& out);

void print_binary(const E& e, const char* op, int left, int right, std::string& out) {
    print(e.k[0], left, out);
    out += ' ';
    out += op;
    out += ' ';
    print(e.k[1], right, out);
}

void print_inner(const E& e, std::string& out) {
    switch (e.op) {
        case Op::lit:
            switch (e.t) {
                case T::Bool: out += e.lit.b ? "true" : "false"; break;
                case T::Int: out += std::to_string(e.lit.i); break;
                case T::Date: out += date_text(e.lit.i); break;
                case T::Str: case T::PStatus: case T::AStatus: out += quote(e.lit.s); break;
                case T::Dur: {
                    const Term& t = e.lit.dur[0];
                    // the written unit is kept in lit.s ("days", "weeks", "months", "years")
                    i64 n = t.n;
                    if (e.lit.s == "weeks") n /= 7;
                    if (e.lit.s == "years") n /= 12;
                    out += std::to_string(n) + " " + e.lit.s;
                    break;
                }
            }
            return;
        case Op::today: out += "today"; return;
        case Op::field:
            if (e.var >= 0) out += var_name(e.var);
            out += kFields[e.field].path;
            return;
        case Op::and_: return print_binary(e, "and", 2, 3, out);
        case Op::or_: return print_binary(e, "or", 1, 2, out);
        case Op::not_: out += "not "; return print(e.k[0], 3, out);
        case Op::eq: return print_binary(e, "==", 5, 5, out);
        case Op::ne: return print_binary(e, "!=", 5, 5, out);
        case Op::lt: return print_binary(e, "<", 5, 5, out);
        case Op::le: return print_binary(e, "<=", 5, 5, out);
        case Op::gt: return print_binary(e, ">", 5, 5, out);
        case Op::ge: return print_binary(e, ">=", 5, 5, out);
        case Op::add: return print_binary(e, "+", 5, 6, out);
        case Op::sub: return print_binary(e, "-", 5, 6, out);
        case Op::mul: return print_binary(e, "*", 6, 7, out);
        case Op::div: return print_binary(e, "/", 6, 7, out);
        case Op::mod: return print_binary(e, "%", 6, 7, out);
        case Op::neg: out += "-"; return print(e.k[0], 8, out);
        case Op::cond:
            out += "if ";
            print(e.k[0], 1, out);
            out += " then ";
            print(e.k[1], 1, out);
            out += " else ";
            return print(e.k[2], 0, out);
        case Op::present: out += "present("; print(e.k[0], 0, out); out += ")"; return;
        case Op::missing: out += "missing("; print(e.k[0], 0, out); out += ")"; return;
        case Op::blank: out += "blank("; print(e.k[0], 0, out); out += ")"; return;
        case Op::days_between:
            out += "days_between(";
            print(e.k[0], 0, out);
            out += ", ";
            print(e.k[1], 0, out);
            out += ")";
            return;
        case Op::count_list: out += "count(plan.aktiviteter)"; return;
        case Op::count:
        case Op::all:
        case Op::any:
            out += e.op == Op::count ? "count(" : e.op == Op::all ? "all(" : "any(";
            out += var_name(e.var);
            out += " in plan.aktiviteter";
            if (e.has_where) out += " where ", print(e.k[0], 0, out);
            out += ")";
            return;
        case Op::all_for:
        case Op::any_for:
            out += e.op == Op::all_for ? "all(" : "any(";
            print(e.k[0], 1, out);
            out += " for ";
            out += var_name(e.var);
            out += " in plan.aktiviteter";
            if (e.has_where) out += " where ", print(e.k[1], 0, out);
            out += ")";
            return;
        case Op::exists:
            out += "exists ";
            out += var_name(e.var);
            out += " in plan.aktiviteter";
            if (e.has_where) out += " where ", print(e.k[0], 0, out);
            return;
        case Op::in:
            print(e.k[0], 5, out);
            out += " in [";
            for (std::size_t i = 0; i < e.codes.size(); ++i) out += (i ? ", " : "") + quote(e.codes[i]);
            out += "]";
            return;
    }
}

void print(const E& e, int minprec, std::string& out) {
    bool p = e.paren || prec(e) < minprec;
    if (p) out += '(';
    print_inner(e, out);
    if (p) out += ')';
}

// ---------------------------------------------------------------------------------------
// The generator

const char* const kPlanStatus[] = {"utkast", "upprattad", "avslutad"};
const char* const kAktStatus[] = {"planerad", "pagaende", "avslutad", "avbruten"};
const char* const kStrings[] = {"", "abc", " ", "ABC", "ab", "abc ", "\xc3\xb6", " \t", "P-1", "x", "Abc"};
// The assessment of support need is `sensitive value`, and an activity of type sius is sensitive:
// their values carry '§', which no other string of the generator holds, or are "sius", which
// only activity types are. No report for kommun or leverantor may show either.
const char* const kBedomning[] = {"", " ", "abc", "h\xc3\xa4lsa\xc2\xa7", " \xc2\xa7" "ab ", "\xc2\xa7"};
const char* const kAktTyp[] = {"", "abc", "sius", "rusta_och_matcha", "studier", "x"};
const i64 kInts[] = {0, 1, 2, 3, 7, 10, 12, 100, 365};
const i64 kBigInts[] = {kMax, kMax - 1, 4611686018427387904LL, 3037000500LL, 2147483648LL, 1000000007LL};
const Ymd kDates[] = {{2024, 7, 15}, {2024, 1, 31}, {2024, 2, 29}, {2023, 2, 28}, {2024, 8, 31}, {2023, 12, 31},
                      {2024, 1, 15}, {2000, 3, 1},  {1, 1, 1},     {9999, 12, 31}, {9999, 12, 1}, {1, 1, 31},
                      {2023, 3, 31}, {2024, 7, 16}};

class Gen {
public:
    explicit Gen(Bytes& b) : b_(b) {}

    // `vars`: the number of variables in scope (they are named a, b, c, … by position)
    E gen(T t, int depth, int vars) {
        E e = depth <= 0 ? leaf(t, vars) : node(t, depth, vars);
        if (b_.chance(12)) e.paren = true;
        return e;
    }

private:
    E leaf(T t, int vars) {
        E e;
        e.t = t;
        // a field of this type: from the plan or from a variable in scope
        std::vector<int> fields;
        for (int i = 0; i < static_cast<int>(std::size(kFields)); ++i)
            if (kFields[i].t == t && (!on_element(kFields[i].f) || vars > 0)) fields.push_back(i);
        if (t == T::AStatus || (!fields.empty() && b_.chance(2))) {
            e.op = Op::field;
            e.field = static_cast<Field>(fields[b_.pick(static_cast<unsigned>(fields.size()))]);
            if (on_element(e.field)) e.var = static_cast<int>(b_.pick(static_cast<unsigned>(vars)));
            return e;
        }
        e.op = Op::lit;
        switch (t) {
            case T::Bool: e.lit = RV::boolean(b_.pick(2)); break;
            case T::Int: e.lit = RV::integer(b_.chance(4) ? b_.from(kBigInts) : b_.from(kInts)); break;
            case T::Date:
                if (b_.chance(5)) e.op = Op::today;
                else e.lit = RV::integer(day_number(b_.from(kDates)));
                break;
            case T::Str: e.lit = RV::text(b_.from(kStrings)); break;
            case T::PStatus: e.op = Op::field; e.field = P_status; break;
            case T::AStatus: break;  // unreachable: handled above
            case T::Dur: {
                static const char* units[] = {"days", "weeks", "months", "years"};
                static const i64 small[] = {1, 0, 2, 6, 10, 12, 29, 30, 31, 59, 365};
                static const i64 large[] = {3652424, 521774, 119999, 9999};  // just under 10 000 years
                unsigned u = b_.pick(4);
                i64 n = b_.chance(6) ? large[u] : b_.from(small);
                e.lit.k = RV::val;
                e.lit.s = units[u];
                e.lit.dur = {Term{u >= 2, u == 1 ? n * 7 : u == 3 ? n * 12 : n}};
                break;
            }
        }
        return e;
    }

    E make(Op op, T t, std::vector<E> k) {
        E e;
        e.op = op;
        e.t = t;
        e.k = std::move(k);
        return e;
    }

    T comparable(bool ordered) {
        static const T all[] = {T::Int, T::Date, T::Str, T::Bool};
        return all[b_.pick(ordered ? 3 : 4)];
    }

    E aggregate(Op op, int depth, int vars) {
        E e;
        e.op = op;
        e.t = op == Op::count ? T::Int : T::Bool;
        e.var = vars;
        if (op == Op::all_for || op == Op::any_for) {
            e.k.push_back(gen(T::Bool, depth - 1, vars + 1));
            e.has_where = b_.pick(2);
            if (e.has_where) e.k.push_back(gen(T::Bool, depth - 1, vars + 1));
        } else {
            // all(x in L) and any(x in L) need a where
            e.has_where = op != Op::count && op != Op::exists ? true : b_.pick(3) != 0;
            if (e.has_where) e.k.push_back(gen(T::Bool, depth - 1, vars + 1));
        }
        return e;
    }

    E node(T t, int depth, int vars) {
        const int d = depth - 1;
        const bool can_bind = vars < 4;
        switch (t) {
            case T::Bool:
                switch (b_.pick(16)) {
                    case 0: return leaf(t, vars);
                    case 1: case 2: return make(Op::and_, t, {gen(t, d, vars), gen(t, d, vars)});
                    case 3: case 4: return make(Op::or_, t, {gen(t, d, vars), gen(t, d, vars)});
                    case 5: return make(Op::not_, t, {gen(t, d, vars)});
                    case 6: case 7: {
                        static const Op ops[] = {Op::lt, Op::le, Op::gt, Op::ge, Op::eq, Op::ne};
                        Op op = b_.from(ops);
                        T ct = comparable(op != Op::eq && op != Op::ne);
                        return make(op, t, {gen(ct, d, vars), gen(ct, d, vars)});
                    }
                    case 8: {  // an enum compared with one of its codes
                        T et = vars > 0 && b_.pick(2) ? T::AStatus : T::PStatus;
                        E code;
                        code.t = et;
                        code.lit = RV::text(et == T::PStatus ? b_.from(kPlanStatus) : b_.from(kAktStatus));
                        E f = leaf(et, vars);
                        bool swap = b_.pick(2);
                        Op op = b_.pick(2) ? Op::eq : Op::ne;
                        return make(op, t, swap ? std::vector<E>{code, f} : std::vector<E>{f, code});
                    }
                    case 9: {
                        T et = vars > 0 && b_.pick(2) ? T::AStatus : T::PStatus;
                        E e = make(Op::in, t, {leaf(et, vars)});
                        unsigned n = 1 + b_.pick(3);
                        for (unsigned i = 0; i < n; ++i)
                            e.codes.push_back(et == T::PStatus ? b_.from(kPlanStatus) : b_.from(kAktStatus));
                        return e;
                    }
                    case 10: return make(Op::cond, t, {gen(T::Bool, d, vars), gen(t, d, vars), gen(t, d, vars)});
                    case 11: {
                        static const T any[] = {T::Int, T::Date, T::Str, T::Bool};
                        Op op = b_.pick(2) ? Op::missing : Op::present;
                        T at = b_.from(any);
                        return make(op, t, {gen(at, d, vars)});
                    }
                    case 12: return make(Op::blank, t, {gen(T::Str, d, vars)});
                    default: {
                        if (!can_bind) return leaf(t, vars);
                        static const Op ops[] = {Op::all, Op::any, Op::exists, Op::all_for, Op::any_for};
                        return aggregate(b_.from(ops), depth, vars);
                    }
                }
            case T::Int:
                switch (b_.pick(12)) {
                    case 0: return leaf(t, vars);
                    case 1: case 2: return make(Op::add, t, {gen(t, d, vars), gen(t, d, vars)});
                    case 3: return make(Op::sub, t, {gen(t, d, vars), gen(t, d, vars)});
                    case 4: return make(Op::mul, t, {gen(t, d, vars), gen(t, d, vars)});
                    case 5: return make(Op::div, t, {gen(t, d, vars), gen(t, d, vars)});
                    case 6: return make(Op::mod, t, {gen(t, d, vars), gen(t, d, vars)});
                    case 7: return make(Op::neg, t, {gen(t, d, vars)});
                    case 8: return make(Op::cond, t, {gen(T::Bool, d, vars), gen(t, d, vars), gen(t, d, vars)});
                    case 9: return make(Op::days_between, t, {gen(T::Date, d, vars), gen(T::Date, d, vars)});
                    case 10: return make(Op::count_list, t, {});
                    default: return can_bind ? aggregate(Op::count, depth, vars) : leaf(t, vars);
                }
            case T::Date:
                switch (b_.pick(6)) {
                    case 0: return leaf(t, vars);
                    case 1: case 2: return make(Op::add, t, {gen(t, d, vars), gen(T::Dur, d, vars)});
                    case 3: return make(Op::add, t, {gen(T::Dur, d, vars), gen(t, d, vars)});
                    case 4: return make(Op::sub, t, {gen(t, d, vars), gen(T::Dur, d, vars)});
                    default: return make(Op::cond, t, {gen(T::Bool, d, vars), gen(t, d, vars), gen(t, d, vars)});
                }
            case T::Dur:
                switch (b_.pick(5)) {
                    case 0: return leaf(t, vars);
                    case 1: return make(Op::neg, t, {gen(t, d, vars)});
                    case 2: case 3: return make(Op::add, t, {gen(t, d, vars), gen(t, d, vars)});
                    default: return make(Op::sub, t, {gen(t, d, vars), gen(t, d, vars)});
                }
            case T::Str:
                switch (b_.pick(4)) {
                    case 0: case 1: return leaf(t, vars);
                    case 2: return make(Op::add, t, {gen(t, d, vars), gen(t, d, vars)});
                    default: return make(Op::cond, t, {gen(T::Bool, d, vars), gen(t, d, vars), gen(t, d, vars)});
                }
            case T::PStatus:
            case T::AStatus: return leaf(t, vars);
        }
        return leaf(t, vars);
    }

    Bytes& b_;
};

// ---------------------------------------------------------------------------------------
// The reference interpreter

struct Env {
    const PlanM& plan;
    i64 today;
    std::vector<const Akt*> vars;
};

RV eval(const E& e, Env& env);

RV int_result(__int128 r) { return r < kMin || r > kMax ? RV::err() : RV::integer(static_cast<i64>(r)); }

// docs/language.md "Dates and durations": a duration is months and days; the months are added
// first (the day clamped to the month's end), then the days; both steps stay in years 1-9999.
RV add_duration(i64 date, const std::vector<Term>& dur) {
    i64 months = 0, days = 0;
    for (const Term& t : dur) (t.months ? months : days) += t.n;
    if (months != 0) {
        Ymd x = ymd(date);
        i64 total = x.y * 12 + (x.m - 1) + months;
        i64 y = total >= 0 ? total / 12 : -((-total + 11) / 12);
        i64 m = total - y * 12 + 1;
        if (y < 1 || y > 9999) return RV::err();
        date = day_number({y, m, std::min(x.d, days_in_month(y, m))});
    }
    date += days;
    if (date < kFirstDay || date > kLastDay) return RV::err();
    return date_value(date);
}

std::vector<Term> negated(std::vector<Term> d) {
    for (auto& t : d) t.n = -t.n;
    return d;
}

RV arith(Op op, T t, const RV& x, const RV& y) {
    if (t == T::Int) {
        __int128 a = x.i, b = y.i;
        switch (op) {
            case Op::add: return int_result(a + b);
            case Op::sub: return int_result(a - b);
            case Op::mul: return int_result(a * b);
            case Op::div: return b == 0 ? RV::err() : int_result(a / b);  // truncates toward zero
            case Op::mod: return b == 0 ? RV::err() : int_result(a % b);
            default: break;
        }
    }
    if (t == T::Str) return RV::text(x.s + y.s);
    if (t == T::Dur) {
        RV r;
        r.k = RV::val;
        r.dur = x.dur;
        for (const Term& u : op == Op::add ? y.dur : negated(y.dur)) r.dur.push_back(u);
        return r;
    }
    if (t == T::Date) {
        if (op == Op::sub) return add_duration(x.i, negated(x.dur.empty() ? y.dur : x.dur));
        return x.dur.empty() ? add_duration(x.i, y.dur) : add_duration(y.i, x.dur);  // date + dur, dur + date
    }
    std::abort();
}

int order(T t, const RV& x, const RV& y) {
    switch (t) {
        case T::Int: case T::Date: return (x.i > y.i) - (x.i < y.i);
        case T::Bool: return (x.b > y.b) - (x.b < y.b);
        default: {
            int c = x.s.compare(y.s);  // byte by byte (char_traits<char> compares unsigned)
            return (c > 0) - (c < 0);
        }
    }
}

// The fold of all(…) / any(…) / exists over the elements' truth values (Kleene): for all, a
// false decides; else an unknown element makes it unknown (an error if any was an error).
struct Fold {
    bool all;
    bool decided = false;
    bool any_unknown = false;  // an element was unknown
    bool any_error = false;    // an element was an evaluation error (which wins over a missing value)
    void add(const RV& v) {
        if (v.known()) {
            if (v.b != all) decided = true;
        } else {
            any_unknown = true;
            if (v.k == RV::error) any_error = true;
        }
    }
    RV result() const {
        if (decided) return RV::boolean(!all);
        if (any_error) return RV::err();
        if (any_unknown) return RV{};
        return RV::boolean(all);
    }
};

RV eval(const E& e, Env& env) {
    switch (e.op) {
        case Op::lit: return e.lit;
        case Op::today: return RV::integer(env.today);
        case Op::field: return read_field(env.plan, e.var >= 0 ? env.vars[static_cast<std::size_t>(e.var)] : nullptr, e.field);
        case Op::and_:
        case Op::or_: {
            RV x = eval(e.k[0], env), y = eval(e.k[1], env);
            bool dominant = e.op == Op::or_;  // false decides `and`, true decides `or`
            if ((x.known() && x.b == dominant) || (y.known() && y.b == dominant)) return RV::boolean(dominant);
            if (!x.known() || !y.known()) return unknown(x, y);
            return RV::boolean(!dominant);
        }
        case Op::not_: {
            RV x = eval(e.k[0], env);
            return x.known() ? RV::boolean(!x.b) : x;
        }
        case Op::eq: case Op::ne: case Op::lt: case Op::le: case Op::gt: case Op::ge: {
            RV x = eval(e.k[0], env), y = eval(e.k[1], env);
            if (!x.known() || !y.known()) return unknown(x, y);
            T t = e.k[0].t;
            int c = order(t == T::AStatus || t == T::PStatus ? T::Str : t, x, y);
            switch (e.op) {
                case Op::eq: return RV::boolean(c == 0);
                case Op::ne: return RV::boolean(c != 0);
                case Op::lt: return RV::boolean(c < 0);
                case Op::le: return RV::boolean(c <= 0);
                case Op::gt: return RV::boolean(c > 0);
                default: return RV::boolean(c >= 0);
            }
        }
        case Op::in: {
            RV x = eval(e.k[0], env);
            if (!x.known()) return x;
            return RV::boolean(std::find(e.codes.begin(), e.codes.end(), x.s) != e.codes.end());
        }
        case Op::add: case Op::sub: case Op::mul: case Op::div: case Op::mod: {
            RV x = eval(e.k[0], env), y = eval(e.k[1], env);
            if (!x.known() || !y.known()) return unknown(x, y);
            return arith(e.op, e.t, x, y);
        }
        case Op::neg: {
            RV x = eval(e.k[0], env);
            if (!x.known()) return x;
            if (e.t == T::Dur) {
                x.dur = negated(x.dur);
                return x;
            }
            return int_result(-static_cast<__int128>(x.i));
        }
        case Op::cond: {
            RV c = eval(e.k[0], env);
            if (!c.known()) return c;
            return eval(e.k[c.b ? 1 : 2], env);
        }
        case Op::present:
        case Op::missing: {
            RV x = eval(e.k[0], env);
            if (x.k == RV::error) return x;
            return RV::boolean((x.k == RV::missing) == (e.op == Op::missing));
        }
        case Op::blank: {
            RV x = eval(e.k[0], env);
            if (x.k == RV::error) return x;
            if (x.k == RV::missing) return RV::boolean(true);
            return RV::boolean(x.s.find_first_not_of(" \t\n\r\f\v") == std::string::npos);
        }
        case Op::days_between: {
            RV x = eval(e.k[0], env), y = eval(e.k[1], env);
            if (!x.known() || !y.known()) return unknown(x, y);
            return RV::integer(y.i - x.i);
        }
        case Op::count_list: return RV::integer(static_cast<i64>(env.plan.akt.size()));
        case Op::count: {
            i64 n = 0;
            Fold unknowns{true};
            for (const Akt& a : env.plan.akt) {
                env.vars.push_back(&a);
                RV w = e.has_where ? eval(e.k[0], env) : RV::boolean(true);
                env.vars.pop_back();
                if (!w.known()) unknowns.add(w);
                else n += w.b;
            }
            RV u = unknowns.result();
            return u.known() ? RV::integer(n) : u;
        }
        case Op::all:
        case Op::any:
        case Op::exists: {
            Fold f{e.op == Op::all};
            for (const Akt& a : env.plan.akt) {
                env.vars.push_back(&a);
                f.add(e.has_where ? eval(e.k[0], env) : RV::boolean(true));
                env.vars.pop_back();
            }
            return f.result();
        }
        case Op::all_for:
        case Op::any_for: {
            Fold f{e.op == Op::all_for};
            for (const Akt& a : env.plan.akt) {
                env.vars.push_back(&a);
                RV w = e.has_where ? eval(e.k[1], env) : RV::boolean(true);
                if (!w.known()) f.add(w);                     // an unknown where: the element is unknown
                else if (w.b) f.add(eval(e.k[0], env));     // a false where: not selected
                env.vars.pop_back();
            }
            return f.result();
        }
    }
    std::abort();
}

// ---------------------------------------------------------------------------------------
// Rules and their results

enum class Missing { none, pass, fail, skip };

struct Rule {
    std::string id;
    std::optional<E> when;
    bool for_each = false;
    std::optional<E> where;
    E require;
    Missing if_missing = Missing::none;
    std::string text;
};

// What a rule gave: not applicable, passed, or findings. For `for each` rules the findings
// carry the element's pointer; a finding made at `when` (an evaluation error) has none.
struct Result {
    enum Kind { not_applicable, passed, findings } kind = passed;
    std::vector<std::pair<std::string, std::string>> found;  // (pointer, "violated"/"indeterminate")
    bool at_when = false;
    std::string describe() const {
        if (kind == not_applicable) return "not applicable";
        if (kind == passed) return "passed";
        std::string s = at_when ? "findings (at when):" : "findings:";
        for (const auto& [p, o] : found) s += " " + o + "@" + (p.empty() ? "\"\"" : p);
        return s;
    }
};

Result reference(const Rule& r, const PlanM& plan, i64 today) {
    Env env{plan, today, {}};
    Result res;
    if (r.when) {
        RV w = eval(*r.when, env);
        if (w.k == RV::error) {
            res.kind = Result::findings;
            res.at_when = true;
            res.found.emplace_back("", "indeterminate");
            return res;
        }
        if (!(w.known() && w.b)) {
            res.kind = Result::not_applicable;
            return res;
        }
    }
    // require in the current binding: returns false when the binding is skipped
    auto require = [&](const std::string& pointer) {
        RV v = eval(r.require, env);
        if (v.known()) {
            if (!v.b) res.found.emplace_back(pointer, "violated");
            return true;
        }
        if (v.k == RV::error) {
            res.found.emplace_back(pointer, "indeterminate");
            return true;
        }
        switch (r.if_missing) {
            case Missing::none: res.found.emplace_back(pointer, "indeterminate"); return true;
            case Missing::pass: return true;
            case Missing::fail: res.found.emplace_back(pointer, "violated"); return true;
            case Missing::skip: return false;
        }
        return true;
    };
    bool applicable = false;
    if (!r.for_each) {
        applicable = require("");
    } else {
        for (std::size_t i = 0; i < plan.akt.size(); ++i) {
            std::string pointer = "/aktiviteter/" + std::to_string(i);
            env.vars = {&plan.akt[i]};
            if (r.where) {
                RV w = eval(*r.where, env);
                if (w.k == RV::error) {
                    res.found.emplace_back(pointer, "indeterminate");
                    applicable = true;
                    continue;
                }
                if (!(w.known() && w.b)) continue;
            }
            if (require(pointer)) applicable = true;
        }
    }
    res.kind = !applicable ? Result::not_applicable : res.found.empty() ? Result::passed : Result::findings;
    return res;
}

Result from_report(const Rule& r, const planrules::Report& report) {
    Result res;
    bool passed = std::find(report.passed.begin(), report.passed.end(), r.id) != report.passed.end();
    bool na = std::find(report.not_applicable.begin(), report.not_applicable.end(), r.id) != report.not_applicable.end();
    for (const auto& f : report.findings) {
        if (f.rule != r.id) continue;
        const char* o = f.outcome == planrules::Outcome::violated        ? "violated"
                        : f.outcome == planrules::Outcome::indeterminate ? "indeterminate"
                                                                         : "other";
        res.found.emplace_back(r.for_each ? f.pointer : "", o);
    }
    if (passed + na + !res.found.empty() != 1) {
        res.kind = Result::findings;
        res.found.emplace_back("<" + std::string(passed ? "passed " : "") + (na ? "not-applicable " : "") + ">",
                               "inconsistent report");
        return res;
    }
    res.kind = passed ? Result::passed : na ? Result::not_applicable : Result::findings;
    return res;
}

bool same(const Result& ref, Result eng) {
    if (ref.kind != eng.kind) return false;
    if (ref.kind != Result::findings) return true;
    if (ref.at_when) {  // one indeterminate finding, pointing wherever the engine likes
        return eng.found.size() == 1 && eng.found[0].second == "indeterminate";
    }
    auto a = ref.found;
    std::sort(a.begin(), a.end());
    std::sort(eng.found.begin(), eng.found.end());
    return a == eng.found;
}

// ---------------------------------------------------------------------------------------
// The plan: model and JSON

std::optional<i64> opt_date(Bytes& b) {
    if (b.pick(3) == 0) return std::nullopt;
    return day_number(b.from(kDates));
}

// A missing optional member: absent, or null.
void member(std::string& json, Bytes& b, const char* key, const std::optional<std::string>& value_json) {
    if (!value_json) {
        if (b.pick(2)) json += std::string(",\"") + key + "\":null";
        return;
    }
    json += std::string(",\"") + key + "\":" + *value_json;
}

// The generated strings need the same escapes in JSON as in the rule language.
std::string json_string(const std::string& s) { return quote(s); }

template <typename V, typename F>
std::optional<std::string> map(const std::optional<V>& o, F f) {
    if (!o) return std::nullopt;
    return f(*o);
}

std::string dq(i64 d) { return "\"" + date_text(d) + "\""; }

std::string make_plan(Bytes& b, PlanM& p) {
    static const i64 versions[] = {1, 0, 3, -1, -7, kMax, kMin, kMax - 1, 1000000000, 4611686018427387904LL};
    static const i64 small[] = {0, 1, 2, 3, -1, 12, kMax, kMin, 7};
    p.version = b.from(versions);
    p.status = b.from(kPlanStatus);
    p.typ = b.pick(2) ? "forenklad" : "ordinarie";
    p.upprattad = opt_date(b);
    p.reviderad = opt_date(b);
    p.inskriv = day_number(b.from(kDates));
    if (b.pick(3)) p.omradestyp = b.from(small);
    p.has_jobbchans = b.pick(2);
    if (p.has_jobbchans && b.pick(3)) p.utfall = b.from(small);
    if (b.pick(3)) p.tillf = b.pick(2);
    if (b.pick(3)) p.ekb = b.pick(2);
    p.has_stod = b.pick(2);
    if (p.has_stod && b.pick(3)) p.bedomning = b.from(kBedomning);
    unsigned n = b.pick(5);
    for (unsigned i = 0; i < n; ++i) {
        Akt a;
        a.id = "A" + std::to_string(i);
        a.typ = b.from(kAktTyp);
        a.status = b.from(kAktStatus);
        a.start = opt_date(b);
        if (b.pick(3)) a.motivering = b.from(kStrings);
        p.akt.push_back(a);
    }

    auto ints = [](i64 v) { return std::to_string(v); };
    auto bools = [](bool v) { return std::string(v ? "true" : "false"); };
    std::string j = "{\"id\":\"P-1\",\"version\":" + std::to_string(p.version) + ",\"status\":\"" + p.status +
                    "\",\"typ\":\"" + p.typ + "\"";
    member(j, b, "upprattad_datum", map(p.upprattad, dq));
    member(j, b, "senast_reviderad", map(p.reviderad, dq));
    j += ",\"sokande\":{\"id\":\"S-1\",\"kommun\":\"0180\",\"inskrivningsdatum\":" + dq(p.inskriv);
    member(j, b, "omradestyp", map(p.omradestyp, ints));
    member(j, b, "tillfalligt_arbete", map(p.tillf, bools));
    member(j, b, "ekonomiskt_bistand", map(p.ekb, bools));
    std::optional<std::string> jc;
    if (p.has_jobbchans) {
        std::string o = "{\"modellversion\":\"1\"";
        member(o, b, "utfall", map(p.utfall, ints));
        jc = o + "}";
    }
    member(j, b, "jobbchans", jc);
    j += "}";
    std::optional<std::string> st;
    if (p.has_stod) {
        std::string o = "{\"niva\":\"fordjupat\"";
        member(o, b, "bedomning", map(p.bedomning, json_string));
        st = o + "}";
    }
    member(j, b, "stodbehov", st);
    if (!p.akt.empty() || b.pick(2)) {
        j += ",\"aktiviteter\":[";
        for (std::size_t i = 0; i < p.akt.size(); ++i) {
            const Akt& a = p.akt[i];
            j += (i ? ",{" : "{") + std::string("\"id\":") + json_string(a.id) + ",\"typ\":" + json_string(a.typ) +
                 ",\"status\":\"" + a.status + "\"";
            member(j, b, "start", map(a.start, dq));
            member(j, b, "motivering", map(a.motivering, json_string));
            j += "}";
        }
        j += "]";
    }
    return j + "}";
}

// ---------------------------------------------------------------------------------------

planrules::SourceFilePtr schema() {
    static const planrules::SourceFilePtr file = [] {
        std::ifstream in(PLANRULES_SOURCE_DIR "/rules/handlingsplan.schema", std::ios::binary);
        std::ostringstream ss;
        ss << in.rdbuf();
        if (ss.str().empty()) std::abort();
        return std::make_shared<planrules::SourceFile>("handlingsplan.schema", ss.str());
    }();
    return file;
}

[[noreturn]] void disagree(const std::string& what, const std::string& rules, const std::string& plan) {
    std::fprintf(stderr, "fuzz_differential: %s\n--- rules\n%s--- plan\n%s\n", what.c_str(), rules.c_str(), plan.c_str());
    std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Bytes b{data, size};
    PlanM plan;
    std::string json = make_plan(b, plan);

    Gen g(b);
    std::vector<Rule> rules;
    const unsigned n = 1 + b.pick(4);
    std::string text = "ruleset diff \"Differential\"\n";
    for (unsigned i = 0; i < n; ++i) {
        Rule r;
        r.id = "R" + std::to_string(i + 1);
        const int depth = 1 + static_cast<int>(b.pick(4));
        if (b.pick(2)) r.when = g.gen(T::Bool, depth, 0);
        r.for_each = b.pick(2);
        if (r.for_each && b.pick(3)) r.where = g.gen(T::Bool, depth, 1);
        r.require = g.gen(T::Bool, depth, r.for_each ? 1 : 0);
        r.if_missing = static_cast<Missing>(b.pick(4));
        std::string t = "\nrule " + r.id + " \"Rule " + r.id + "\"\n  severity error\n  source \"fuzz\"\n";
        if (r.when) t += "  when ", print(*r.when, 0, t), t += "\n";
        if (r.for_each) {
            t += "  for each a in plan.aktiviteter";
            if (r.where) t += " where ", print(*r.where, 0, t);
            t += "\n";
        }
        t += "  require ", print(r.require, 0, t), t += "\n";
        static const char* policies[] = {"", "pass", "fail", "skip"};
        if (r.if_missing != Missing::none) t += std::string("  if missing ") + policies[static_cast<int>(r.if_missing)] + "\n";
        // a message that shows a string: a generated one, the activity's type or its label
        t += "  message \"m {";
        if (r.for_each && b.pick(3) == 0) t += b.pick(2) ? "label(a.typ)" : "a.typ";
        else print(g.gen(T::Str, 1 + static_cast<int>(b.pick(2)), r.for_each ? 1 : 0), 0, t);
        t += "}\"\n";
        r.text = t;
        text += t;
        rules.push_back(std::move(r));
    }

    auto file = std::make_shared<planrules::SourceFile>("diff.rules", text);
    auto compiled = planrules::to_expected(planrules::compile_sources({schema(), file}));
    if (!compiled) disagree("the generated rules do not compile (a generator bug)\n" + planrules::render_text(compiled.error()), text, json);
    auto loaded = compiled->load_json(json, "diff.json");
    if (!loaded) disagree("the generated plan does not load (a generator bug)\n" + planrules::render_text(loaded.error()), text, json);
    if (!loaded->input_findings().empty())
        disagree("the generated plan is invalid input (a generator bug): " + loaded->input_findings()[0].pointer + " " +
                     loaded->input_findings()[0].message,
                 text, json);

    const planrules::Date as_of{2024, 7, 15};
    planrules::ValidateOptions options;
    options.as_of = as_of;
    auto report = compiled->validate(*loaded, options);
    if (verbose()) std::fprintf(stderr, "--- plan %s\n", json.c_str());
    const i64 today = day_number({as_of.year, as_of.month, as_of.day});
    for (const Rule& r : rules) {
        Result ref = reference(r, plan, today);
        Result eng = from_report(r, report);
        if (verbose()) std::fprintf(stderr, "%s  => %s\n", r.text.c_str(), ref.describe().c_str());
        if (!same(ref, eng)) {
            std::string msg = "rule " + r.id + ": engine and reference disagree\n  reference: " + ref.describe() +
                              "\n  engine:    " + eng.describe() + "\n";
            for (const auto& f : report.findings)
                if (f.rule == r.id) msg += "  engine finding at \"" + f.pointer + "\": " + f.message + "\n";
            disagree(msg, r.text, json);
        }
    }
    if (!fuzz::json_lines(planrules::render_report_json(report, "diff.json"))) disagree("the report is not JSON", text, json);

    // Redaction: what a report for kommun or leverantor shows, in JSON and as text, holds no
    // sensitive value of the plan ('§' of the assessment, the activity type sius or its label).
    for (auto audience : {planrules::Audience::kommun, planrules::Audience::leverantor}) {
        planrules::ValidateOptions o = options;
        o.audience = audience;
        const auto other = compiled->validate(*loaded, o);
        std::string out = planrules::render_report_json(other, "diff.json") + planrules::render_report_text(other);
        for (auto& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        for (std::string_view leak : {"\xc2\xa7", "sius"})
            if (out.find(leak) != std::string::npos)
                disagree("a report for " + std::string(planrules::to_string(audience)) + " shows a sensitive value (" +
                             std::string(leak) + "):\n" + out, text, json);
    }

    // Acceptance against simdjson's validating parser: the plan with one byte changed, and the
    // fuzz bytes themselves, are refused as not JSON exactly when the reference says they are
    // not JSON; whatever is written about them is JSON.
    std::string mutated = json;
    static constexpr char bytes[] = "{}[],:\"\\-+.0eE tfn\x01\x80\xff";
    const std::size_t at = (b.pick(256) * 256u + b.pick(256)) % mutated.size();
    mutated[at] = bytes[b.pick(sizeof bytes - 1)];
    for (std::string_view input : {std::string_view(mutated), std::string_view(reinterpret_cast<const char*>(data), size)}) {
        auto loaded_input = compiled->load_json(input, "input.json");
        const bool not_json = !loaded_input && !loaded_input.error().empty() && loaded_input.error().front().code == "invalid-json";
        if (not_json == fuzz::is_json_reference(input))
            disagree(std::string(not_json ? "refused as not JSON, but it is JSON: " : "accepted, but it is not JSON: ") +
                         std::string(input), text, json);
        const std::string out = loaded_input ? planrules::render_report_json(compiled->validate(*loaded_input, options), "input.json")
                                             : planrules::render_load_error_json("", loaded_input.error(), "input.json");
        if (!fuzz::json_lines(out)) disagree("the output about the input is not JSON: " + out, text, json);
    }
    return 0;
}
