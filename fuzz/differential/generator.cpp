// The generator of fuzz_differential: a plan model and well-typed rules, chosen by the fuzz bytes.

#include "generator.hpp"

#include <iterator>
#include <utility>

namespace fuzz::differential {

namespace {

const char* const kPlanStatuses[] = {"utkast", "upprattad", "avslutad"};
const char* const kActivityStatuses[] = {"planerad", "pagaende", "avslutad", "avbruten"};
const char* const kStrings[] = {"", "abc", " ", "ABC", "ab", "abc ", "\xc3\xb6", " \t", "P-1", "x", "Abc"};
// The assessment of support need is `sensitive value`, and an activity of type sius is sensitive:
// their values carry '§', which no other string of the generator holds, or are "sius", which
// only activity types are. No report for kommun or leverantor may show either. (" §ab " is
// written in two pieces so that the \x escape ends before the a.)
const char* const kAssessments[] = {"", " ", "abc", "h\xc3\xa4lsa\xc2\xa7", (" \xc2\xa7" "ab "), "\xc2\xa7"};
const char* const kActivityTypes[] = {"", "abc", "sius", "rusta_och_matcha", "studier", "x"};
const i64 kSmallInts[] = {0, 1, 2, 3, 7, 10, 12, 100, 365};
const i64 kBigInts[] = {kMax, kMax - 1, 4611686018427387904LL, 3037000500LL, 2147483648LL, 1000000007LL};
const YearMonthDay kDates[] = {{2024, 7, 15}, {2024, 1, 31}, {2024, 2, 29}, {2023, 2, 28}, {2024, 8, 31},
                               {2023, 12, 31}, {2024, 1, 15}, {2000, 3, 1},  {1, 1, 1},     {9999, 12, 31},
                               {9999, 12, 1}, {1, 1, 31},    {2023, 3, 31}, {2024, 7, 16}};

Expr compound(Op op, Type t, std::vector<Expr> operands) {
    Expr e;
    e.op = op;
    e.type = t;
    e.operands = std::move(operands);
    return e;
}

}  // namespace

// ---------------------------------------------------------------------------------------
// The plan

std::optional<i64> Generator::optional_date() {
    if (bytes_.pick(3) == 0) return std::nullopt;
    return day_number(bytes_.one_of(kDates));
}

PlanModel Generator::plan() {
    static const i64 versions[] = {1, 0, 3, -1, -7, kMax, kMin, kMax - 1, 1000000000, 4611686018427387904LL};
    static const i64 small[] = {0, 1, 2, 3, -1, 12, kMax, kMin, 7};
    PlanModel p;
    p.version = bytes_.one_of(versions);
    p.status = bytes_.one_of(kPlanStatuses);
    p.typ = bytes_.pick(2) ? "forenklad" : "ordinarie";
    p.upprattad_datum = optional_date();
    p.senast_reviderad = optional_date();
    p.inskrivningsdatum = day_number(bytes_.one_of(kDates));
    if (bytes_.pick(3)) p.omradestyp = bytes_.one_of(small);
    p.has_jobbchans = bytes_.pick(2);
    if (p.has_jobbchans && bytes_.pick(3)) p.utfall = bytes_.one_of(small);
    if (bytes_.pick(3)) p.tillfalligt_arbete = bytes_.pick(2);
    if (bytes_.pick(3)) p.ekonomiskt_bistand = bytes_.pick(2);
    p.has_stodbehov = bytes_.pick(2);
    if (p.has_stodbehov && bytes_.pick(3)) p.bedomning = bytes_.one_of(kAssessments);
    unsigned n = bytes_.pick(5);
    for (unsigned i = 0; i < n; ++i) {
        Activity a;
        a.id = "A" + std::to_string(i);
        a.typ = bytes_.one_of(kActivityTypes);
        a.status = bytes_.one_of(kActivityStatuses);
        a.start = optional_date();
        if (bytes_.pick(3)) a.motivering = bytes_.one_of(kStrings);
        p.aktiviteter.push_back(a);
    }
    return p;
}

// ---------------------------------------------------------------------------------------
// Rules

Rule Generator::rule(std::string id) {
    Rule r;
    r.id = std::move(id);
    const int depth = 1 + static_cast<int>(bytes_.pick(4));
    if (bytes_.pick(2)) r.when = expression(Type::Bool, depth, 0);
    r.for_each = bytes_.pick(2);
    if (r.for_each && bytes_.pick(3)) r.where = expression(Type::Bool, depth, 1);
    r.require = expression(Type::Bool, depth, r.for_each ? 1 : 0);
    r.if_missing = static_cast<MissingPolicy>(bytes_.pick(4));
    if (r.for_each && bytes_.pick(3) == 0)
        r.message_shows = bytes_.pick(2) ? MessageShows::activity_typ_label : MessageShows::activity_typ;
    else
        r.message = expression(Type::String, 1 + static_cast<int>(bytes_.pick(2)), r.for_each ? 1 : 0);
    return r;
}

// ---------------------------------------------------------------------------------------
// Expressions

Expr Generator::expression(Type t, int depth, int vars) {
    Expr e = depth <= 0 ? leaf(t, vars) : node(t, depth, vars);
    if (bytes_.chance(12)) e.parenthesized = true;
    return e;
}

Expr Generator::leaf(Type t, int vars) {
    Expr e;
    e.type = t;
    // a field of this type: from the plan or from a variable in scope
    std::vector<int> fields;
    for (int i = 0; i < static_cast<int>(std::size(kFields)); ++i)
        if (kFields[i].type == t && (!on_activity(kFields[i].field) || vars > 0)) fields.push_back(i);
    if (t == Type::ActivityStatus || (!fields.empty() && bytes_.chance(2))) {
        e.op = Op::field;
        e.field = static_cast<Field>(fields[bytes_.pick(static_cast<unsigned>(fields.size()))]);
        if (on_activity(e.field)) e.variable = static_cast<int>(bytes_.pick(static_cast<unsigned>(vars)));
        return e;
    }
    e.op = Op::literal;
    switch (t) {
        case Type::Bool: e.literal = RefValue::boolean(bytes_.pick(2)); break;
        case Type::Int: e.literal = RefValue::integer(bytes_.chance(4) ? bytes_.one_of(kBigInts) : bytes_.one_of(kSmallInts)); break;
        case Type::Date:
            if (bytes_.chance(5)) e.op = Op::today;
            else e.literal = RefValue::integer(day_number(bytes_.one_of(kDates)));
            break;
        case Type::String: e.literal = RefValue::string(bytes_.one_of(kStrings)); break;
        case Type::PlanStatus: e.op = Op::field; e.field = Field::plan_status; break;
        case Type::ActivityStatus: break;  // unreachable: handled above
        case Type::Duration: {
            static const char* units[] = {"days", "weeks", "months", "years"};
            static const i64 small[] = {1, 0, 2, 6, 10, 12, 29, 30, 31, 59, 365};
            static const i64 large[] = {3652424, 521774, 119999, 9999};  // just under 10 000 years
            unsigned u = bytes_.pick(4);
            i64 n = bytes_.chance(6) ? large[u] : bytes_.one_of(small);
            e.literal.state = RefValue::State::value;
            e.literal.text = units[u];
            e.literal.duration = {DurationTerm{u >= 2, u == 1 ? n * 7 : u == 3 ? n * 12 : n}};
            break;
        }
    }
    return e;
}

Type Generator::comparable_type(bool ordered) {
    static const Type all[] = {Type::Int, Type::Date, Type::String, Type::Bool};
    return all[bytes_.pick(ordered ? 3 : 4)];
}

Expr Generator::aggregate(Op op, int depth, int vars) {
    Expr e;
    e.op = op;
    e.type = op == Op::count ? Type::Int : Type::Bool;
    e.variable = vars;
    if (op == Op::all_for || op == Op::any_for) {
        e.operands.push_back(expression(Type::Bool, depth - 1, vars + 1));
        e.has_where = bytes_.pick(2);
        if (e.has_where) e.operands.push_back(expression(Type::Bool, depth - 1, vars + 1));
    } else {
        // all(x in L) and any(x in L) need a where
        e.has_where = op != Op::count && op != Op::exists ? true : bytes_.pick(3) != 0;
        if (e.has_where) e.operands.push_back(expression(Type::Bool, depth - 1, vars + 1));
    }
    return e;
}

Expr Generator::node(Type t, int depth, int vars) {
    const int d = depth - 1;
    const bool can_bind = vars < 4;
    switch (t) {
        case Type::Bool:
            switch (bytes_.pick(16)) {
                case 0: return leaf(t, vars);
                case 1: case 2: return compound(Op::and_, t, {expression(t, d, vars), expression(t, d, vars)});
                case 3: case 4: return compound(Op::or_, t, {expression(t, d, vars), expression(t, d, vars)});
                case 5: return compound(Op::not_, t, {expression(t, d, vars)});
                case 6: case 7: {
                    static const Op ops[] = {Op::lt, Op::le, Op::gt, Op::ge, Op::eq, Op::ne};
                    Op op = bytes_.one_of(ops);
                    Type ct = comparable_type(op != Op::eq && op != Op::ne);
                    return compound(op, t, {expression(ct, d, vars), expression(ct, d, vars)});
                }
                case 8: {  // an enum compared with one of its codes
                    Type et = vars > 0 && bytes_.pick(2) ? Type::ActivityStatus : Type::PlanStatus;
                    Expr code;
                    code.type = et;
                    code.literal = RefValue::string(et == Type::PlanStatus ? bytes_.one_of(kPlanStatuses) : bytes_.one_of(kActivityStatuses));
                    Expr f = leaf(et, vars);
                    bool swap = bytes_.pick(2);
                    Op op = bytes_.pick(2) ? Op::eq : Op::ne;
                    return compound(op, t, swap ? std::vector<Expr>{code, f} : std::vector<Expr>{f, code});
                }
                case 9: {
                    Type et = vars > 0 && bytes_.pick(2) ? Type::ActivityStatus : Type::PlanStatus;
                    Expr e = compound(Op::in, t, {leaf(et, vars)});
                    unsigned n = 1 + bytes_.pick(3);
                    for (unsigned i = 0; i < n; ++i)
                        e.codes.push_back(et == Type::PlanStatus ? bytes_.one_of(kPlanStatuses) : bytes_.one_of(kActivityStatuses));
                    return e;
                }
                case 10: return compound(Op::if_then_else, t, {expression(Type::Bool, d, vars), expression(t, d, vars), expression(t, d, vars)});
                case 11: {
                    static const Type any[] = {Type::Int, Type::Date, Type::String, Type::Bool};
                    Op op = bytes_.pick(2) ? Op::missing : Op::present;
                    Type at = bytes_.one_of(any);
                    return compound(op, t, {expression(at, d, vars)});
                }
                case 12: return compound(Op::blank, t, {expression(Type::String, d, vars)});
                default: {
                    if (!can_bind) return leaf(t, vars);
                    static const Op ops[] = {Op::all, Op::any, Op::exists, Op::all_for, Op::any_for};
                    return aggregate(bytes_.one_of(ops), depth, vars);
                }
            }
        case Type::Int:
            switch (bytes_.pick(12)) {
                case 0: return leaf(t, vars);
                case 1: case 2: return compound(Op::add, t, {expression(t, d, vars), expression(t, d, vars)});
                case 3: return compound(Op::sub, t, {expression(t, d, vars), expression(t, d, vars)});
                case 4: return compound(Op::mul, t, {expression(t, d, vars), expression(t, d, vars)});
                case 5: return compound(Op::div, t, {expression(t, d, vars), expression(t, d, vars)});
                case 6: return compound(Op::mod, t, {expression(t, d, vars), expression(t, d, vars)});
                case 7: return compound(Op::negate, t, {expression(t, d, vars)});
                case 8: return compound(Op::if_then_else, t, {expression(Type::Bool, d, vars), expression(t, d, vars), expression(t, d, vars)});
                case 9: return compound(Op::days_between, t, {expression(Type::Date, d, vars), expression(Type::Date, d, vars)});
                case 10: return compound(Op::count_activities, t, {});
                default: return can_bind ? aggregate(Op::count, depth, vars) : leaf(t, vars);
            }
        case Type::Date:
            switch (bytes_.pick(6)) {
                case 0: return leaf(t, vars);
                case 1: case 2: return compound(Op::add, t, {expression(t, d, vars), expression(Type::Duration, d, vars)});
                case 3: return compound(Op::add, t, {expression(Type::Duration, d, vars), expression(t, d, vars)});
                case 4: return compound(Op::sub, t, {expression(t, d, vars), expression(Type::Duration, d, vars)});
                default: return compound(Op::if_then_else, t, {expression(Type::Bool, d, vars), expression(t, d, vars), expression(t, d, vars)});
            }
        case Type::Duration:
            switch (bytes_.pick(5)) {
                case 0: return leaf(t, vars);
                case 1: return compound(Op::negate, t, {expression(t, d, vars)});
                case 2: case 3: return compound(Op::add, t, {expression(t, d, vars), expression(t, d, vars)});
                default: return compound(Op::sub, t, {expression(t, d, vars), expression(t, d, vars)});
            }
        case Type::String:
            switch (bytes_.pick(4)) {
                case 0: case 1: return leaf(t, vars);
                case 2: return compound(Op::add, t, {expression(t, d, vars), expression(t, d, vars)});
                default: return compound(Op::if_then_else, t, {expression(Type::Bool, d, vars), expression(t, d, vars), expression(t, d, vars)});
            }
        case Type::PlanStatus:
        case Type::ActivityStatus: return leaf(t, vars);
    }
    return leaf(t, vars);
}

}  // namespace fuzz::differential
