// Expressions: names, members, operators, conditionals, lists and aggregates, and their types.

#include "check/context.hpp"

namespace planrules::check::detail_checker {

std::string Checker::describe(int type) const {
    const Type& t = s_.type(type);
    if (t.kind == TypeKind::record || t.kind == TypeKind::enumeration || t.kind == TypeKind::list)
        return fmt::format("{} ({})", article_type(t.kind), s_.name(type));
    return std::string(article_type(t.kind));
}

bool Checker::numeric(int t) const {
    auto k = s_.type(t).kind;
    return k == TypeKind::integer || k == TypeKind::decimal;
}

void Checker::expect_bool(const Expr& e, const char* where) {
    int t = check_expr(e);
    if (is_error(t) || t == Schema::bool_type) return;
    std::string help = tr("compare it with something, e.g. plan.FIELD <= today");
    if (s_.type(t).kind == TypeKind::string) help = tr("to test that a text is filled in, write not blank(…)");
    if (s_.type(t).kind == TypeKind::list) help = tr("to test that a list has elements, write count(…) > 0");
    error(e.span, "not-a-condition", tr("{} needs a condition (true or false), but this is {}", where, describe(t)),
          help);
}

int Checker::set(const Expr& e, int type) {
    e.type_id = type;
    return type;
}

bool Checker::assignable(int from, int to) const {
    if (from == to || is_error(from) || is_error(to) || from == Schema::any_type || to == Schema::any_type)
        return true;
    const Type& f = s_.type(from);
    const Type& t = s_.type(to);
    if (f.kind == TypeKind::integer && t.kind == TypeKind::decimal) return true;
    if (f.kind == TypeKind::list && t.kind == TypeKind::list) return assignable(f.element, t.element);
    // enum codes are strings
    if (f.kind == TypeKind::enumeration && t.kind == TypeKind::string) return true;
    return false;
}

bool Checker::comparable(const Expr& a, int ta, const Expr& b, int tb) {
    if (is_error(ta) || is_error(tb)) return true;
    check_code_literal(a, b);
    check_code_literal(b, a);
    const Type& x = s_.type(ta);
    const Type& y = s_.type(tb);
    if (ta == tb) return true;
    if (numeric(ta) && numeric(tb)) return true;
    if (x.kind == TypeKind::any || y.kind == TypeKind::any) return true;
    if (x.kind == TypeKind::enumeration && y.kind == TypeKind::string) return check_enum_literal(x.decl, b), true;
    if (y.kind == TypeKind::enumeration && x.kind == TypeKind::string) return check_enum_literal(y.decl, a), true;
    return types_comparable(ta, tb);
}

bool Checker::types_comparable(int ta, int tb) const {
    if (ta == tb || is_error(ta) || is_error(tb)) return true;
    if (numeric(ta) && numeric(tb)) return true;
    const Type& x = s_.type(ta);
    const Type& y = s_.type(tb);
    if (x.kind == TypeKind::any || y.kind == TypeKind::any) return true;
    if ((x.kind == TypeKind::enumeration && y.kind == TypeKind::string) ||
        (y.kind == TypeKind::enumeration && x.kind == TypeKind::string))
        return true;
    if (x.kind == TypeKind::list && y.kind == TypeKind::list) return types_comparable(x.element, y.element);
    return false;
}

const FieldInfo* Checker::field_of(const Expr& e) const {
    if (e.kind != ExprKind::member || e.children.empty()) return nullptr;
    return s_.field(e.children[0].type_id, e.resolved);
}

void Checker::check_code_literal(const Expr& field, const Expr& lit) {
    if (lit.kind != ExprKind::string) return;
    const FieldInfo* f = field_of(field);
    if (!f || f->codes < 0) return;
    const auto& list = s_.code_lists[static_cast<std::size_t>(f->codes)];
    if (const CodeInfo* code = list.find(lit.text)) {
        lit.sensitive_code = code->sensitive;
        return;
    }
    std::vector<std::string> codes;
    for (const auto& c : list.codes) codes.push_back(c.code);
    std::string help = did_you_mean(lit.text, codes);
    if (help.empty()) {
        std::string all;
        for (const auto& c : codes) all += (all.empty() ? "" : ", ") + c;
        help = tr("the codes of {} are: {}", list.name, all);
    }
    warning(lit.span, "unknown-code",
            tr("\"{}\" is not a code of {} (the field {}): the comparison holds only for plans with that "
                        "very code",
                        lit.text, list.name, f->name),
            help);
}

void Checker::check_enum_literal(int enum_index, const Expr& lit) {
    if (lit.kind != ExprKind::string) return;
    auto& en = s_.enums[static_cast<std::size_t>(enum_index)];
    if (en.code(lit.text) >= 0) return;
    std::string help = did_you_mean(lit.text, en.values);
    if (help.empty()) {
        std::string all;
        for (auto& v : en.values) all += (all.empty() ? "" : ", ") + v;
        help = tr("the values of {} are: {}", en.name, all);
    }
    error(lit.span, "unknown-enum-value", tr("\"{}\" is not a value of {}", lit.text, en.name), help);
}

std::string_view Checker::source_of(const Expr& e) const {
    return p_.files[static_cast<std::size_t>(file_)].source->slice(e.span);
}

std::string Checker::comparison_hint(const Expr& a, int ta, const Expr& b, int tb, Op op) const {
    if (is_error(ta) || is_error(tb)) return {};
    // the operator with the operands the other way round: 25 < x is x > 25
    const auto mirrored = [](Op o) {
        switch (o) {
            case Op::lt: return Op::gt;
            case Op::le: return Op::ge;
            case Op::gt: return Op::lt;
            case Op::ge: return Op::le;
            default: return o;
        }
    };
    for (auto [x, tx, y, ty, turned] : {std::tuple{&a, ta, &b, tb, false}, std::tuple{&b, tb, &a, ta, true}}) {
        const TypeKind kx = s_.type(tx).kind, ky = s_.type(ty).kind;
        const std::string_view how = ast::to_string(turned ? mirrored(op) : op);
        // plan.PERSON.BIRTH_DATE > 25: an age, or a number of days
        if (kx == TypeKind::date && ky == TypeKind::integer && y->kind == ExprKind::integer)
            return tr("a date is not a number: an age in years is age({0}) {1} {2}, a number of days days_between({0}, today) {1} {2}",
                      source_of(*x), how, source_of(*y));
        // plan.PERSON.CODE == 1280: codes are texts
        if (kx == TypeKind::string && ky == TypeKind::integer && y->kind == ExprKind::integer)
            return tr("a code or other text is written in quotes: {} {} \"{}\"", source_of(*x), how, source_of(*y));
        // a.RECORD == "CODE": one of the record's fields
        if (kx == TypeKind::record && y->kind == ExprKind::string) {
            const auto& rec = s_.records[static_cast<std::size_t>(s_.type(tx).decl)];
            std::vector<std::string> texts;
            for (const auto& f : rec.fields) {
                const Type& ft = s_.type(f.type);
                const bool holds = (ft.kind == TypeKind::enumeration &&
                                    s_.enums[static_cast<std::size_t>(ft.decl)].code(y->text) >= 0) ||
                                   (f.codes >= 0 && s_.code_lists[static_cast<std::size_t>(f.codes)].find(y->text));
                if (holds)
                    return tr("{} is a record ({}); compare its field {}: {}.{} {} {}", source_of(*x), rec.name, f.name,
                              source_of(*x), f.name, how, source_of(*y));
                if (ft.kind == TypeKind::enumeration || ft.kind == TypeKind::string) texts.push_back(f.name);
            }
            if (!texts.empty())
                return tr("{} is a record ({}); compare one of its fields: {}", source_of(*x), rec.name,
                          fmt::format("{}", fmt::join(texts, ", ")));
        }
    }
    return comparison_help(ta, tb);
}

std::string Checker::nested_field(int record_type, std::string_view base, std::string_view field) const {
    // breadth first, so that the nearest record that has the field is named
    struct Step {
        int type;
        std::string path;
        bool list;
    };
    std::vector<Step> level{{record_type, std::string(base), false}};
    for (int depth = 0; depth < 3 && !level.empty(); ++depth) {
        std::vector<Step> next;
        for (const auto& step : level) {
            const auto& rec = s_.records[static_cast<std::size_t>(s_.type(step.type).decl)];
            for (const auto& f : rec.fields) {
                int t = f.type;
                bool list = false;
                if (s_.type(t).kind == TypeKind::list) {
                    t = s_.type(t).element;
                    list = true;
                }
                if (s_.type(t).kind != TypeKind::record) continue;
                const std::string path = fmt::format("{}.{}", step.path, f.name);
                const auto& inner = s_.records[static_cast<std::size_t>(s_.type(t).decl)];
                if (inner.slot(field) >= 0) {
                    if (list)
                        return tr("'{}' is a field of each element of {} ({}): for each x in {}, then x.{}", field, path,
                                  inner.name, path, field);
                    return tr("'{}' is a field of {}: did you mean {}.{}?", field, inner.name, path, field);
                }
                if (!list) next.push_back({t, path, list});
            }
        }
        level = std::move(next);
    }
    return {};
}

std::string Checker::comparison_help(int ta, int tb) const {
    auto ka = s_.type(ta).kind, kb = s_.type(tb).kind;
    if ((ka == TypeKind::date && kb == TypeKind::string) || (kb == TypeKind::date && ka == TypeKind::string))
        return tr("write dates without quotes: 2022-12-01");
    if ((ka == TypeKind::date && kb == TypeKind::integer) || (kb == TypeKind::date && ka == TypeKind::integer))
        return tr("write dates as YYYY-MM-DD; to compare a number of days, use days_between(a, b)");
    if ((ka == TypeKind::date && kb == TypeKind::duration) || (kb == TypeKind::date && ka == TypeKind::duration))
        return tr("add the duration to a date first, e.g. plan.FIELD + 6 months");
    if (ka == TypeKind::boolean || kb == TypeKind::boolean) return tr("a condition is already true or false; use it directly");
    return {};
}

int Checker::check_expr(const Expr& e) {
    switch (e.kind) {
        case ExprKind::string: return set(e, Schema::string_type);
        case ExprKind::integer: return set(e, Schema::int_type);
        case ExprKind::decimal: return set(e, Schema::decimal_type);
        case ExprKind::boolean: return set(e, Schema::bool_type);
        case ExprKind::date: return set(e, Schema::date_type);
        case ExprKind::duration: return set(e, Schema::duration_type);
        case ExprKind::today: return set(e, Schema::date_type);
        case ExprKind::name: return set(e, check_name(e));
        case ExprKind::list: return set(e, check_list(e));
        case ExprKind::member: return set(e, check_member(e));
        case ExprKind::call: return set(e, check_call(e));
        case ExprKind::unary: return set(e, check_unary(e));
        case ExprKind::binary: return set(e, check_binary(e));
        case ExprKind::conditional: return set(e, check_conditional(e));
        case ExprKind::aggregate: return set(e, check_aggregate(e));
        case ExprKind::exists: return set(e, check_exists(e));
    }
    return set(e, Schema::error_type);
}

std::vector<std::string> Checker::names_in_scope() const {
    std::vector<std::string> v;
    for (auto& var : scope_) v.push_back(var.name);
    if (!s_.root_name.empty()) v.push_back(s_.root_name);
    for (auto& d : p_.defines)
        if (visible_in(d.ruleset, ruleset_)) v.push_back(d.decl->name.text);
    return v;
}

int Checker::check_name(const Expr& e) {
    for (std::size_t i = scope_.size(); i-- > 0;) {
        if (scope_[i].name == e.text) {
            e.binding = ast::Binding::variable;
            e.resolved = static_cast<int>(i);
            return scope_[i].type;
        }
    }
    if (!s_.root_name.empty() && e.text == s_.root_name) {
        e.binding = ast::Binding::root;
        return s_.root_type;
    }
    if (int d = find_define(e.text); d >= 0) {
        auto& def = p_.defines[static_cast<std::size_t>(d)];
        e.binding = ast::Binding::define;
        e.resolved = d;
        if (def.decl->has_params) {
            error(e.span, "define-needs-arguments",
                  tr("'{}' takes {} argument(s)", e.text, def.decl->params.size()),
                  tr("call it: {}(…)", e.text));
            return Schema::error_type;
        }
        return def.type;
    }
    if (find_builtin(e.text) >= 0) {
        error(e.span, "function-without-call", tr("'{}' is a function", e.text),
              builtin_signature(static_cast<Builtin>(find_builtin(e.text))));
        return Schema::error_type;
    }
    if (broken(e.text)) return Schema::error_type;
    std::string help = did_you_mean(e.text, names_in_scope());
    if (const auto english = syntax::keywords::english_for(e.text); help.empty() && !english.empty())
        help = tr("the words of the rule language are English: write '{}' for '{}'", english, e.text);
    if (help.empty() && s_.root_type >= 0 && s_.type(s_.root_type).kind == TypeKind::record &&
        s_.records[static_cast<std::size_t>(s_.type(s_.root_type).decl)].slot(e.text) >= 0)
        help = tr("fields of the plan are read through '{}': {}.{}", s_.root_name, s_.root_name, e.text);
    if (help.empty() && loops_ahead_)
        for (const auto& loop : *loops_ahead_)
            if (loop.variable.text == e.text)
                help = tr("'{0}' is the variable of 'for each {0} in …', which comes after 'when': a condition on each element "
                          "goes in 'for each {0} in {1} where CONDITION'",
                          e.text, source_of(loop.collection));
    if (help.empty() && in_figure_ && (e.text == "passed" || e.text == "evaluated"))
        help = tr("'{}' is the outcome of the figure's rule: add 'from RULE' to the figure", e.text);
    if (help.empty() && s_.root_name.empty())
        help = tr("no schema is loaded: add 'schema \"….schema\"' to the rule set header");
    error(e.span, "unknown-name", tr("unknown name '{}'", e.text), help);
    return Schema::error_type;
}

int Checker::check_list(const Expr& e) {
    int element = Schema::any_type;
    bool mixed = false;
    for (auto& c : e.children) {
        int t = check_expr(c);
        if (is_error(t) || mixed) continue;
        if (element == Schema::any_type) {
            element = t;
        } else if (assignable(t, element)) {
            // keep
        } else if (assignable(element, t)) {
            element = t;  // int widened to decimal
        } else {
            error(c.span, "mixed-list", tr("a list of {} cannot also hold {}", describe(element), describe(t)),
                  tr("all elements of a list have the same type"));
            mixed = true;
        }
    }
    return mixed ? Schema::error_type : s_.list_of(element);
}

int Checker::check_member(const Expr& e) {
    int t = check_expr(e.children[0]);
    if (is_error(t)) return t;
    const Type& ty = s_.type(t);
    if (ty.kind == TypeKind::list) {
        error(e.name.span, "member-of-list",
              tr("'{}' is read from a list ({}); a list has no fields", e.name.text, s_.name(t)),
              tr("use 'for each x in …' in the rule, or any(x in … where …) in the expression"));
        return Schema::error_type;
    }
    if (ty.kind != TypeKind::record) {
        error(e.name.span, "member-of-non-record",
              tr("{} has no field '{}'", describe(t), e.name.text), {});
        return Schema::error_type;
    }
    auto& rec = s_.records[static_cast<std::size_t>(ty.decl)];
    int slot = rec.slot(e.name.text);
    if (slot < 0) {
        std::vector<std::string> fields;
        for (auto& f : rec.fields) fields.push_back(f.name);
        std::string help = did_you_mean(e.name.text, fields);
        if (help.empty()) help = nested_field(t, source_of(e.children[0]), e.name.text);
        error(e.name.span, "unknown-field", tr("unknown field '{}' in {}", e.name.text, rec.name), help);
        return Schema::error_type;
    }
    e.resolved = slot;
    return rec.fields[static_cast<std::size_t>(slot)].type;
}

int Checker::check_unary(const Expr& e) {
    int t = check_expr(e.children[0]);
    if (is_error(t)) return t;
    if (e.op == Op::op_not) {
        if (t != Schema::bool_type) {
            error(e.children[0].span, "type-mismatch", tr("'not' needs a condition, but this is {}", describe(t)),
                  s_.type(t).kind == TypeKind::string ? tr("to test for an empty text, write blank(…)") : "");
            return Schema::error_type;
        }
        return Schema::bool_type;
    }
    if (numeric(t) || t == Schema::duration_type) return t;
    error(e.children[0].span, "type-mismatch", tr("'-' needs a number, but this is {}", describe(t)), {});
    return Schema::error_type;
}

int Checker::check_binary(const Expr& e) {
    const Expr& a = e.children[0];
    const Expr& b = e.children[1];
    int ta = check_expr(a);
    int tb = check_expr(b);
    auto mismatch = [&](std::string msg, std::string help = {}) {
        error(e.span, "type-mismatch", std::move(msg), std::move(help));
        return Schema::error_type;
    };
    switch (e.op) {
        case Op::op_and:
        case Op::op_or: {
            bool ok = true;
            for (auto [x, t] : {std::pair{&a, ta}, std::pair{&b, tb}}) {
                if (!is_error(t) && t != Schema::bool_type) {
                    error(x->span, "type-mismatch",
                          tr("'{}' needs conditions on both sides, but this is {}", ast::to_string(e.op), describe(t)),
                          s_.type(t).kind == TypeKind::string ? tr("to test that a text is filled in, write not blank(…)") : "");
                    ok = false;
                }
            }
            return ok ? Schema::bool_type : Schema::error_type;
        }
        case Op::eq:
        case Op::ne:
            if (!comparable(a, ta, b, tb))
                return mismatch(tr("cannot compare {} with {}", describe(ta), describe(tb)),
                                comparison_hint(a, ta, b, tb, e.op));
            return Schema::bool_type;
        case Op::lt:
        case Op::le:
        case Op::gt:
        case Op::ge: {
            if (is_error(ta) || is_error(tb)) return Schema::bool_type;
            bool ok = (numeric(ta) && numeric(tb)) || (ta == tb && (ta == Schema::date_type || ta == Schema::string_type));
            if (!ok) {
                if (ta == tb && ta == Schema::duration_type)
                    return mismatch(tr("durations cannot be ordered (a month has 28 to 31 days)"),
                                    tr("compare dates instead: a + 6 months <= b"));
                return mismatch(tr("cannot order {} and {} with '{}'", describe(ta), describe(tb), ast::to_string(e.op)),
                                comparison_hint(a, ta, b, tb, e.op));
            }
            return Schema::bool_type;
        }
        case Op::in:
        case Op::not_in: {
            if (is_error(ta) || is_error(tb)) return Schema::bool_type;
            if (s_.type(tb).kind != TypeKind::list)
                return mismatch(tr("'{}' needs a list on its right, but this is {}", ast::to_string(e.op), describe(tb)),
                                tr("write a list in brackets: x in [\"a\", \"b\"]"));
            int el = s_.type(tb).element;
            if (b.kind == ExprKind::list) {
                bool ok = true;
                for (auto& item : b.children) ok = comparable(a, ta, item, item.type_id) && ok;
                if (!ok)
                    return mismatch(tr("cannot look for {} in {}", describe(ta), describe(tb)), comparison_help(ta, el));
            } else if (!comparable(a, ta, b, el)) {
                return mismatch(tr("cannot look for {} in {}", describe(ta), describe(tb)), comparison_help(ta, el));
            }
            return Schema::bool_type;
        }
        case Op::add: {
            if (is_error(ta) || is_error(tb)) return Schema::error_type;
            if (numeric(ta) && numeric(tb)) return ta == tb ? ta : Schema::decimal_type;
            if (ta == Schema::date_type && tb == Schema::duration_type) return Schema::date_type;
            if (ta == Schema::duration_type && tb == Schema::date_type) return Schema::date_type;
            if (ta == Schema::duration_type && tb == Schema::duration_type) return Schema::duration_type;
            if (ta == Schema::string_type && tb == Schema::string_type) return Schema::string_type;
            if (ta == Schema::date_type && tb == Schema::int_type)
                return mismatch(tr("cannot add a number to a date"), tr("say what the number counts: plan.FIELD + 30 days"));
            if (ta == Schema::date_type && tb == Schema::date_type)
                return mismatch(tr("cannot add two dates"), tr("to count the days between them, use days_between(a, b)"));
            return mismatch(tr("cannot add {} and {}", describe(ta), describe(tb)), {});
        }
        case Op::sub: {
            if (is_error(ta) || is_error(tb)) return Schema::error_type;
            if (numeric(ta) && numeric(tb)) return ta == tb ? ta : Schema::decimal_type;
            if (ta == Schema::date_type && tb == Schema::duration_type) return Schema::date_type;
            if (ta == Schema::duration_type && tb == Schema::duration_type) return Schema::duration_type;
            if (ta == Schema::date_type && tb == Schema::date_type)
                return mismatch(tr("cannot subtract a date from a date"),
                                tr("to count the days between them, use days_between(a, b); months: months_between(a, b)"));
            if (ta == Schema::date_type && tb == Schema::int_type)
                return mismatch(tr("cannot subtract a number from a date"), tr("say what the number counts: today - 30 days"));
            return mismatch(tr("cannot subtract {} from {}", describe(tb), describe(ta)), {});
        }
        case Op::mul:
        case Op::div:
        case Op::mod: {
            if (is_error(ta) || is_error(tb)) return Schema::error_type;
            if (numeric(ta) && numeric(tb)) {
                if (e.op == Op::mod && (ta != Schema::int_type || tb != Schema::int_type))
                    return mismatch(tr("'%' needs whole numbers"), {});
                return ta == tb ? ta : Schema::decimal_type;
            }
            return mismatch(tr("'{}' needs numbers, but these are {} and {}", ast::to_string(e.op), describe(ta), describe(tb)),
                            ta == Schema::duration_type || tb == Schema::duration_type
                                ? tr("write the duration directly, e.g. 6 months instead of 2 * 3 months")
                                : "");
        }
        default: break;
    }
    return Schema::error_type;
}

int Checker::check_conditional(const Expr& e) {
    expect_bool(e.children[0], "'if'");
    int a = check_expr(e.children[1]);
    int b = check_expr(e.children[2]);
    if (is_error(a)) return b;
    if (is_error(b)) return a;
    if (assignable(b, a)) return a;
    if (assignable(a, b)) return b;
    error(e.span, "type-mismatch",
          tr("'then' gives {} but 'else' gives {}", describe(a), describe(b)),
          tr("both branches must give the same type"));
    return Schema::error_type;
}

int Checker::element_type(const Expr& source, const char* what) {
    int t = check_expr(source);
    if (is_error(t)) return t;
    if (s_.type(t).kind != TypeKind::list) {
        error(source.span, "not-a-list", tr("{} needs a list, but this is {}", what, describe(t)),
              tr("e.g. plan.LIST"));
        return Schema::error_type;
    }
    return s_.type(t).element;
}

int Checker::check_exists(const Expr& e) {
    int el = element_type(e.source(), "'exists'");
    std::size_t mark = scope_.size();
    declare(e.name, el);
    if (auto* w = e.where()) expect_bool(*w, "'where'");
    scope_.resize(mark);
    return Schema::bool_type;
}

int Checker::check_aggregate(const Expr& e) {
    const char* name = ast::to_string(e.aggregate);
    bool binder = !e.name.text.empty();
    using Aggregate = ast::AggregateKind;
    // min(a, b, …) / max(a, b, …) over single values
    if (!binder && e.children.size() > 1) {
        if (e.aggregate != Aggregate::min && e.aggregate != Aggregate::max) {
            error(e.span, "aggregate-arguments", tr("{}(…) takes one list", name),
                  tr("write {}(x in list where …)", name));
            return Schema::error_type;
        }
        int result = Schema::error_type;
        for (auto& c : e.children) {
            int t = check_expr(c);
            if (is_error(t)) continue;
            if (!(numeric(t) || t == Schema::date_type || t == Schema::string_type)) {
                error(c.span, "type-mismatch", tr("{}(…) compares numbers, dates or strings, not {}", name, describe(t)));
                continue;
            }
            if (is_error(result)) result = t;
            else if (assignable(t, result)) {
            } else if (assignable(result, t)) result = t;
            else error(c.span, "type-mismatch", tr("{}(…) cannot compare {} with {}", name, describe(result), describe(t)));
        }
        return result;
    }
    int el = element_type(e.source(), tr("{}(…)", name).c_str());
    std::size_t mark = scope_.size();
    if (binder) declare(e.name, el);
    if (auto* w = e.where()) expect_bool(*w, "'where'");
    int value = el;  // the values aggregated
    if (auto* proj = e.projection()) value = check_expr(*proj);
    scope_.resize(mark);
    if (is_error(value) && e.aggregate != Aggregate::count) return Schema::error_type;
    switch (e.aggregate) {
        case Aggregate::count:
            if (e.has_projection)
                error(e.span, "aggregate-arguments", tr("count(…) counts elements; it takes no 'for'"),
                      tr("write count(x in list where condition)"));
            return Schema::int_type;
        case Aggregate::all:
        case Aggregate::any:
            if (e.has_projection) {
                if (value != Schema::bool_type)
                    error(e.projection()->span, "not-a-condition", tr("{}(…) needs conditions", name));
            } else if (binder && !e.has_where) {
                error(e.span, "aggregate-needs-where", tr("{}(x in list) needs a condition", name),
                      tr("write {}(x in list where condition)", name));
            } else if (!binder && value != Schema::bool_type) {
                error(e.source().span, "not-a-condition",
                      tr("{}(…) of a list of {} needs a condition", name, s_.name(value)),
                      tr("write {}(x in list where condition)", name));
            }
            return Schema::bool_type;
        case Aggregate::sum:
            if (binder && !e.has_projection) {
                error(e.span, "aggregate-needs-value", tr("sum(…) needs the values to add"),
                      tr("write sum(x.n for x in list where condition)"));
                return Schema::error_type;
            }
            if (!numeric(value) && value != Schema::duration_type) {
                error(e.span, "type-mismatch", tr("sum(…) adds numbers, not {}", describe(value)),
                      tr("write sum(x.n for x in list)"));
                return Schema::error_type;
            }
            return value;
        case Aggregate::min:
        case Aggregate::max:
            if (!(numeric(value) || value == Schema::date_type || value == Schema::string_type)) {
                error(e.span, "type-mismatch",
                      tr("{}(…) compares numbers, dates or strings, not {}", name, describe(value)),
                      tr("write {}(x.field for x in list)", name));
                return Schema::error_type;
            }
            return value;
    }
    return Schema::error_type;
}

}  // namespace planrules::check::detail_checker
