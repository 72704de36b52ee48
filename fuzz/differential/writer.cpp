// The writers of fuzz_differential: expressions and rules as rule text, the plan model as JSON.

#include "writer.hpp"

#include <optional>

namespace fuzz::differential {

namespace {

// The generated strings need the same escapes in JSON as in the rule language.
std::string quoted(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\', out += c;
        else if (c == '\t') out += "\\t";
        else if (c == '\n') out += "\\n";
        else out += c;
    }
    return out + "\"";
}

const char* variable_name(int v) {  // the variables in scope are named a, b, c, … by position
    static const char* names[] = {"a", "b", "c", "d", "e", "f", "g", "h"};
    return names[v];
}

int precedence(const Expr& e) {
    switch (e.op) {
        case Op::or_: return 1;
        case Op::and_: return 2;
        case Op::not_: return 3;
        case Op::eq: case Op::ne: case Op::lt: case Op::le: case Op::gt: case Op::ge: case Op::in: return 4;
        case Op::add: case Op::sub: return 5;
        case Op::mul: case Op::div: case Op::mod: return 6;
        case Op::negate: return 7;
        case Op::if_then_else: case Op::exists: return 0;  // they extend as far right as possible
        default: return 9;
    }
}

void write_binary(const Expr& e, const char* op, int left, int right, std::string& out) {
    write_expr(e.operands[0], left, out);
    out += ' ';
    out += op;
    out += ' ';
    write_expr(e.operands[1], right, out);
}

void write_unparenthesized(const Expr& e, std::string& out) {
    switch (e.op) {
        case Op::literal:
            switch (e.type) {
                case Type::Bool: out += e.literal.truth ? "true" : "false"; break;
                case Type::Int: out += std::to_string(e.literal.number); break;
                case Type::Date: out += date_text(e.literal.number); break;
                case Type::String: case Type::PlanStatus: case Type::ActivityStatus: out += quoted(e.literal.text); break;
                case Type::Duration: {
                    const DurationTerm& t = e.literal.duration[0];
                    // the written unit is kept in literal.text ("days", "weeks", "months", "years")
                    i64 n = t.n;
                    if (e.literal.text == "weeks") n /= 7;
                    if (e.literal.text == "years") n /= 12;
                    out += std::to_string(n) + " " + e.literal.text;
                    break;
                }
            }
            return;
        case Op::today: out += "today"; return;
        case Op::field:
            if (e.variable >= 0) out += variable_name(e.variable);
            out += field_info(e.field).path;
            return;
        case Op::and_: return write_binary(e, "and", 2, 3, out);
        case Op::or_: return write_binary(e, "or", 1, 2, out);
        case Op::not_: out += "not "; return write_expr(e.operands[0], 3, out);
        case Op::eq: return write_binary(e, "==", 5, 5, out);
        case Op::ne: return write_binary(e, "!=", 5, 5, out);
        case Op::lt: return write_binary(e, "<", 5, 5, out);
        case Op::le: return write_binary(e, "<=", 5, 5, out);
        case Op::gt: return write_binary(e, ">", 5, 5, out);
        case Op::ge: return write_binary(e, ">=", 5, 5, out);
        case Op::add: return write_binary(e, "+", 5, 6, out);
        case Op::sub: return write_binary(e, "-", 5, 6, out);
        case Op::mul: return write_binary(e, "*", 6, 7, out);
        case Op::div: return write_binary(e, "/", 6, 7, out);
        case Op::mod: return write_binary(e, "%", 6, 7, out);
        case Op::negate: out += "-"; return write_expr(e.operands[0], 8, out);
        case Op::if_then_else:
            out += "if ";
            write_expr(e.operands[0], 1, out);
            out += " then ";
            write_expr(e.operands[1], 1, out);
            out += " else ";
            return write_expr(e.operands[2], 0, out);
        case Op::present: out += "present("; write_expr(e.operands[0], 0, out); out += ")"; return;
        case Op::missing: out += "missing("; write_expr(e.operands[0], 0, out); out += ")"; return;
        case Op::blank: out += "blank("; write_expr(e.operands[0], 0, out); out += ")"; return;
        case Op::days_between:
            out += "days_between(";
            write_expr(e.operands[0], 0, out);
            out += ", ";
            write_expr(e.operands[1], 0, out);
            out += ")";
            return;
        case Op::count_activities: out += "count(plan.aktiviteter)"; return;
        case Op::count:
        case Op::all:
        case Op::any:
            out += e.op == Op::count ? "count(" : e.op == Op::all ? "all(" : "any(";
            out += variable_name(e.variable);
            out += " in plan.aktiviteter";
            if (e.has_where) out += " where ", write_expr(e.operands[0], 0, out);
            out += ")";
            return;
        case Op::all_for:
        case Op::any_for:
            out += e.op == Op::all_for ? "all(" : "any(";
            write_expr(e.operands[0], 1, out);
            out += " for ";
            out += variable_name(e.variable);
            out += " in plan.aktiviteter";
            if (e.has_where) out += " where ", write_expr(e.operands[1], 0, out);
            out += ")";
            return;
        case Op::exists:
            out += "exists ";
            out += variable_name(e.variable);
            out += " in plan.aktiviteter";
            if (e.has_where) out += " where ", write_expr(e.operands[0], 0, out);
            return;
        case Op::in:
            write_expr(e.operands[0], 5, out);
            out += " in [";
            for (std::size_t i = 0; i < e.codes.size(); ++i) out += (i ? ", " : "") + quoted(e.codes[i]);
            out += "]";
            return;
    }
}

// A missing optional member: absent, or null.
void optional_member(std::string& json, ByteReader& bytes, const char* key, const std::optional<std::string>& value_json) {
    if (!value_json) {
        if (bytes.pick(2)) json += std::string(",\"") + key + "\":null";
        return;
    }
    json += std::string(",\"") + key + "\":" + *value_json;
}

template <typename V, typename F>
std::optional<std::string> map_optional(const std::optional<V>& o, F f) {
    if (!o) return std::nullopt;
    return f(*o);
}

std::string json_date(i64 d) { return "\"" + date_text(d) + "\""; }

}  // namespace

void write_expr(const Expr& e, int min_precedence, std::string& out) {
    bool p = e.parenthesized || precedence(e) < min_precedence;
    if (p) out += '(';
    write_unparenthesized(e, out);
    if (p) out += ')';
}

std::string rule_text(const Rule& r) {
    std::string t = "\nrule " + r.id + " \"Rule " + r.id + "\"\n  severity error\n  source \"fuzz\"\n";
    if (r.when) t += "  when ", write_expr(*r.when, 0, t), t += "\n";
    if (r.for_each) {
        t += "  for each a in plan.aktiviteter";
        if (r.where) t += " where ", write_expr(*r.where, 0, t);
        t += "\n";
    }
    t += "  require ", write_expr(r.require, 0, t), t += "\n";
    static const char* policies[] = {"", "pass", "fail", "skip"};
    if (r.if_missing != MissingPolicy::none) t += std::string("  if missing ") + policies[static_cast<int>(r.if_missing)] + "\n";
    // a message that shows a string: a generated one, the activity's type or its label
    t += "  message \"m {";
    switch (r.message_shows) {
        case MessageShows::activity_typ_label: t += "label(a.typ)"; break;
        case MessageShows::activity_typ: t += "a.typ"; break;
        case MessageShows::expression: write_expr(r.message, 0, t); break;
    }
    t += "}\"\n";
    return t;
}

std::string ruleset_text(const std::vector<Rule>& rules) {
    std::string text = "ruleset diff \"Differential\"\n";
    for (const Rule& r : rules) text += r.text;
    return text;
}

std::string plan_json(const PlanModel& p, ByteReader& bytes) {
    auto ints = [](i64 v) { return std::to_string(v); };
    auto bools = [](bool v) { return std::string(v ? "true" : "false"); };
    std::string j = "{\"id\":\"P-1\",\"version\":" + std::to_string(p.version) + ",\"status\":\"" + p.status +
                    "\",\"typ\":\"" + p.typ + "\"";
    optional_member(j, bytes, "upprattad_datum", map_optional(p.upprattad_datum, json_date));
    optional_member(j, bytes, "senast_reviderad", map_optional(p.senast_reviderad, json_date));
    j += ",\"sokande\":{\"id\":\"S-1\",\"kommun\":\"0180\",\"inskrivningsdatum\":" + json_date(p.inskrivningsdatum);
    optional_member(j, bytes, "omradestyp", map_optional(p.omradestyp, ints));
    optional_member(j, bytes, "tillfalligt_arbete", map_optional(p.tillfalligt_arbete, bools));
    optional_member(j, bytes, "ekonomiskt_bistand", map_optional(p.ekonomiskt_bistand, bools));
    std::optional<std::string> jobbchans;
    if (p.has_jobbchans) {
        std::string o = "{\"modellversion\":\"1\"";
        optional_member(o, bytes, "utfall", map_optional(p.utfall, ints));
        jobbchans = o + "}";
    }
    optional_member(j, bytes, "jobbchans", jobbchans);
    j += "}";
    std::optional<std::string> stodbehov;
    if (p.has_stodbehov) {
        std::string o = "{\"niva\":\"fordjupat\"";
        optional_member(o, bytes, "bedomning", map_optional(p.bedomning, quoted));
        stodbehov = o + "}";
    }
    optional_member(j, bytes, "stodbehov", stodbehov);
    if (!p.aktiviteter.empty() || bytes.pick(2)) {
        j += ",\"aktiviteter\":[";
        for (std::size_t i = 0; i < p.aktiviteter.size(); ++i) {
            const Activity& a = p.aktiviteter[i];
            j += (i ? ",{" : "{") + std::string("\"id\":") + quoted(a.id) + ",\"typ\":" + quoted(a.typ) +
                 ",\"status\":\"" + a.status + "\"";
            optional_member(j, bytes, "start", map_optional(a.start, json_date));
            optional_member(j, bytes, "motivering", map_optional(a.motivering, quoted));
            j += "}";
        }
        j += "]";
    }
    return j + "}";
}

}  // namespace fuzz::differential
