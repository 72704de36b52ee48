#pragma once
// What fuzz_differential generates: types, values, the plan model, its fields, expression trees and rules.

#include "calendar.hpp"

#include <cstddef>
#include <iterator>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace fuzz::differential {

inline constexpr i64 kMax = std::numeric_limits<i64>::max();
inline constexpr i64 kMin = std::numeric_limits<i64>::min();

// ---------------------------------------------------------------------------------------
// Types, values, the plan model

enum class Type { Bool, Int, Date, String, Duration, PlanStatus, ActivityStatus };

struct DurationTerm {  // one term of a duration: n months, or n days
    bool months;
    i64 n;
};

// A value of the reference interpreter (and a literal of the generator): known, missing or an
// evaluation error. The default is a missing value.
struct RefValue {
    enum class State { value, missing, error } state = State::missing;
    bool truth = false;
    i64 number = 0;                      // int, date (day number)
    std::string text;                    // string, enum code
    std::vector<DurationTerm> duration;  // in the order written
    static RefValue boolean(bool v) { RefValue r; r.state = State::value; r.truth = v; return r; }
    static RefValue integer(i64 v) { RefValue r; r.state = State::value; r.number = v; return r; }
    static RefValue string(std::string v) { RefValue r; r.state = State::value; r.text = std::move(v); return r; }
    static RefValue error() { RefValue r; r.state = State::error; return r; }
    bool known() const { return state == State::value; }
};

struct Activity {
    std::string id, typ, status;
    std::optional<i64> start;
    std::optional<std::string> motivering;
};

// A plan for rules/handlingsplan.schema, as far as the rules read it.
struct PlanModel {
    i64 version = 1;
    std::string status = "upprattad", typ = "ordinarie";
    std::optional<i64> upprattad_datum, senast_reviderad;
    i64 inskrivningsdatum = 0;
    std::optional<i64> omradestyp;
    bool has_jobbchans = false;
    std::optional<i64> utfall;
    std::optional<bool> tillfalligt_arbete, ekonomiskt_bistand;
    bool has_stodbehov = false;
    std::optional<std::string> bedomning;
    std::vector<Activity> aktiviteter;
};

// ---------------------------------------------------------------------------------------
// Fields the rules read: plan_* hang off `plan`, activity_* off an Aktivitet variable.

enum class Field {
    plan_version, plan_omradestyp, plan_utfall, plan_tillfalligt_arbete, plan_ekonomiskt_bistand,
    plan_upprattad_datum, plan_senast_reviderad, plan_inskrivningsdatum, plan_bedomning, plan_status, plan_id,
    activity_status, activity_start, activity_motivering, activity_typ, activity_id
};

struct FieldInfo {
    Field field;
    Type type;
    const char* path;  // as written in a rule (for an activity field, after the variable)
};

inline constexpr FieldInfo kFields[] = {  // in the order of Field
    {Field::plan_version, Type::Int, "plan.version"},
    {Field::plan_omradestyp, Type::Int, "plan.sokande.omradestyp"},
    {Field::plan_utfall, Type::Int, "plan.sokande.jobbchans.utfall"},
    {Field::plan_tillfalligt_arbete, Type::Bool, "plan.sokande.tillfalligt_arbete"},
    {Field::plan_ekonomiskt_bistand, Type::Bool, "plan.sokande.ekonomiskt_bistand"},
    {Field::plan_upprattad_datum, Type::Date, "plan.upprattad_datum"},
    {Field::plan_senast_reviderad, Type::Date, "plan.senast_reviderad"},
    {Field::plan_inskrivningsdatum, Type::Date, "plan.sokande.inskrivningsdatum"},
    {Field::plan_bedomning, Type::String, "plan.stodbehov.bedomning"},
    {Field::plan_status, Type::PlanStatus, "plan.status"},
    {Field::plan_id, Type::String, "plan.id"},
    {Field::activity_status, Type::ActivityStatus, ".status"},
    {Field::activity_start, Type::Date, ".start"},
    {Field::activity_motivering, Type::String, ".motivering"},
    {Field::activity_typ, Type::String, ".typ"},
    {Field::activity_id, Type::String, ".id"},
};

constexpr bool fields_in_order() {
    for (std::size_t i = 0; i < std::size(kFields); ++i)
        if (static_cast<std::size_t>(kFields[i].field) != i) return false;
    return true;
}
static_assert(fields_in_order(), "kFields is indexed by Field");

inline const FieldInfo& field_info(Field f) { return kFields[static_cast<std::size_t>(f)]; }
inline bool on_activity(Field f) { return f >= Field::activity_status; }

// ---------------------------------------------------------------------------------------
// Expressions

enum class Op {
    literal, today, field, and_, or_, not_, eq, ne, lt, le, gt, ge, add, sub, mul, div, mod, negate, if_then_else,
    present, missing, blank, days_between, count_activities, count, all, any, all_for, any_for, exists, in
};

struct Expr {
    Op op = Op::literal;
    Type type = Type::Bool;
    RefValue literal;                // for literal (and the codes of `in`)
    std::vector<std::string> codes;  // in: the codes of the list
    Field field = Field::plan_version;
    int variable = -1;               // field: the variable read (-1: plan); aggregates: the variable bound
    bool parenthesized = false;      // print redundant parentheses
    std::vector<Expr> operands;      // aggregates: [cond] or [value, cond?]
    bool has_where = false;
};

// ---------------------------------------------------------------------------------------
// Rules

enum class MissingPolicy { none, pass, fail, skip };  // `if missing …`, none when not written

// What the `{…}` of a rule's message shows: a generated string expression, `a.typ` or `label(a.typ)`.
enum class MessageShows { expression, activity_typ, activity_typ_label };

struct Rule {
    std::string id;
    std::optional<Expr> when;
    bool for_each = false;  // for each a in plan.aktiviteter
    std::optional<Expr> where;
    Expr require;
    MissingPolicy if_missing = MissingPolicy::none;
    MessageShows message_shows = MessageShows::expression;
    Expr message;      // for MessageShows::expression
    std::string text;  // the rule as written (writer.hpp)
};

}  // namespace fuzz::differential
