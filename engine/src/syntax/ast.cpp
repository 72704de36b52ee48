#include <planrules/syntax/ast.hpp>

namespace planrules::ast {

const char* to_string(Op op) noexcept {
    switch (op) {
        case Op::op_or: return "or";
        case Op::op_and: return "and";
        case Op::op_not: return "not";
        case Op::eq: return "==";
        case Op::ne: return "!=";
        case Op::lt: return "<";
        case Op::le: return "<=";
        case Op::gt: return ">";
        case Op::ge: return ">=";
        case Op::in: return "in";
        case Op::not_in: return "not in";
        case Op::add: return "+";
        case Op::sub: return "-";
        case Op::mul: return "*";
        case Op::div: return "/";
        case Op::mod: return "%";
        case Op::neg: return "-";
    }
    return "?";
}

const char* to_string(DurationUnit u) noexcept {
    switch (u) {
        case DurationUnit::days: return "days";
        case DurationUnit::weeks: return "weeks";
        case DurationUnit::months: return "months";
        case DurationUnit::years: return "years";
    }
    return "?";
}

const char* to_string(AggregateKind k) noexcept {
    switch (k) {
        case AggregateKind::count: return "count";
        case AggregateKind::all: return "all";
        case AggregateKind::any: return "any";
        case AggregateKind::sum: return "sum";
        case AggregateKind::min: return "min";
        case AggregateKind::max: return "max";
    }
    return "?";
}

const char* to_string(MissingPolicy p) noexcept {
    switch (p) {
        case MissingPolicy::report: return "report";
        case MissingPolicy::pass: return "pass";
        case MissingPolicy::fail: return "fail";
        case MissingPolicy::skip: return "skip";
    }
    return "?";
}

}  // namespace planrules::ast

namespace planrules {

const char* to_string(Severity s) noexcept {
    switch (s) {
        case Severity::error: return "error";
        case Severity::warning: return "warning";
        case Severity::info: return "info";
    }
    return "?";
}

const char* to_string(Outcome o) noexcept {
    switch (o) {
        case Outcome::violated: return "violated";
        case Outcome::indeterminate: return "indeterminate";
        case Outcome::invalid_input: return "invalid_input";
    }
    return "?";
}

}  // namespace planrules
