// Calls: of defines with parameters and of the built-in functions (their rows in builtins/).

#include "check/context.hpp"

namespace planrules::check::detail_checker {

int Checker::check_call(const Expr& e) {
    const std::string& fn = e.name.text;
    std::vector<int> args;
    for (auto& c : e.children) args.push_back(check_expr(c));
    // user defines with parameters
    if (int d = find_define(fn); d >= 0) {
        auto& def = p_.defines[static_cast<std::size_t>(d)];
        e.binding = ast::Binding::define;
        e.resolved = d;
        if (!def.decl->has_params) {
            error(e.span, "not-a-function", tr("'{}' takes no arguments", fn), tr("write {} without parentheses", fn));
            return Schema::error_type;
        }
        if (args.size() != def.decl->params.size()) {
            error(e.span, "wrong-argument-count",
                  tr("'{}' takes {} argument(s), not {}", fn, def.decl->params.size(), args.size()));
            return Schema::error_type;
        }
        // parameter types are known once the define is checked (defines are checked first)
        for (std::size_t i = 0; i < args.size() && i < def.param_types.size(); ++i)
            if (!assignable(args[i], def.param_types[i]))
                error(e.children[i].span, "type-mismatch",
                      tr("argument {} of '{}' must be {}, but this is {}", i + 1, fn, describe(def.param_types[i]),
                                  describe(args[i])));
        return def.type;
    }
    int b = find_builtin(fn);
    if (b < 0 && broken(fn)) return Schema::error_type;
    if (b < 0) {
        std::vector<std::string> candidates = builtin_names();
        for (auto& d : p_.defines)
            if (d.decl->has_params && visible_in(d.ruleset, ruleset_)) candidates.push_back(d.decl->name.text);
        candidates.insert(candidates.end(), {"count", "all", "any", "sum", "min", "max"});
        error(e.name.span, "unknown-function", tr("unknown function '{}'", fn), did_you_mean(fn, candidates));
        return Schema::error_type;
    }
    e.binding = ast::Binding::builtin;
    e.resolved = b;
    auto builtin = static_cast<Builtin>(b);
    const builtins::Builtin& def = builtins::get(builtin);
    if (args.size() != def.arity) {
        error(e.span, "wrong-argument-count",
              tr("'{}' takes {} argument(s), not {}", fn, def.arity, args.size()), builtin_signature(builtin));
        return Schema::error_type;
    }
    auto want = [&](std::size_t i, int type, std::string_view what) {
        if (is_error(args[i]) || assignable(args[i], type)) return true;
        error(e.children[i].span, "type-mismatch",
              tr("'{}' needs {} here, but this is {}", fn, what, describe(args[i])), builtin_signature(builtin));
        return false;
    };
    bool failed = false;  // an argument that leaves the result's type unknown
    for (std::size_t i = 0; i < args.size(); ++i) {
        switch (def.params[i]) {
            case builtins::Param::any:
                // text(x) shows one value
                if (builtin == Builtin::text && !is_error(args[i]) &&
                    (s_.type(args[i]).kind == TypeKind::record || s_.type(args[i]).kind == TypeKind::list)) {
                    error(e.children[i].span, "unprintable", tr("text(…) shows one value, not {}", describe(args[i])),
                          tr("show one of its fields, e.g. text(x.FIELD)"));
                    failed = true;
                }
                break;
            case builtins::Param::string: want(i, Schema::string_type, tr("a string")); break;
            case builtins::Param::date: want(i, Schema::date_type, tr("a date")); break;
            case builtins::Param::decimal: want(i, Schema::decimal_type, tr("a number")); break;
            case builtins::Param::number:
                if (!is_error(args[i]) && !numeric(args[i])) {
                    want(i, Schema::decimal_type, tr("a number"));
                    failed = true;
                }
                break;
            case builtins::Param::string_or_list:
                if (!is_error(args[i]) && s_.type(args[i]).kind != TypeKind::list)
                    want(i, Schema::string_type, tr("a string or a list"));
                break;
            case builtins::Param::part:  // what to look for in the argument before
                if (is_error(args[i - 1])) break;  // list or string unknown: nothing to check the part against
                if (s_.type(args[i - 1]).kind == TypeKind::list) {
                    if (!comparable(e.children[i - 1], s_.type(args[i - 1]).element, e.children[i], args[i]))
                        error(e.children[i].span, "type-mismatch",
                              tr("cannot look for {} in {}", describe(args[i]), describe(args[i - 1])));
                } else {
                    want(i, Schema::string_type, tr("a string"));
                }
                break;
            case builtins::Param::format:
                if (e.children[i].kind != ExprKind::string)
                    error(e.children[i].span, "format-not-literal", tr("the format must be written as a string in quotes"),
                          builtin_signature(builtin));
                break;
            case builtins::Param::coded: {
                if (is_error(args[i])) break;
                const FieldInfo* f = field_of(e.children[i]);
                if (!f || f->codes < 0 || s_.type(args[i]).kind != TypeKind::string)
                    error(e.children[i].span, "label-needs-codes",
                          tr("'{}' shows the label of a code, but {} is not a field with a code list", fn,
                                      describe(args[i])),
                          tr("write label(a.typ) for a field declared 'typ: string of CODES'"));
                break;
            }
        }
    }
    switch (def.returns) {
        case builtins::Returns::boolean: return Schema::bool_type;
        case builtins::Returns::integer: return Schema::int_type;
        case builtins::Returns::string: return Schema::string_type;
        case builtins::Returns::first_argument: return failed ? Schema::error_type : args[0];
    }
    return Schema::error_type;
}

}  // namespace planrules::check::detail_checker
