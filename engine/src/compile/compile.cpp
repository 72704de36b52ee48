// The compile stage: checked AST -> evaluation tree (see eval/tree.hpp).

#include "compile/compile.hpp"

#include "builtins/builtins.hpp"
#include "eval/evaluator.hpp"
#include "load/load.hpp"

#include <fmt/format.h>

#include <atomic>
#include <functional>

namespace planrules::eval {

using ast::Expr;
using ast::ExprKind;
using check::Schema;
using check::TypeKind;

namespace {

class Compiler {
public:
    explicit Compiler(Compiled& c) : c_(c), p_(*c.program), s_(p_.schema) {}

    int expr(const Expr& e, int depth) {
        max_depth_ = std::max(max_depth_, depth + 1);
        Node n;
        n.src = &e;
        n.file = file_;
        n.type = e.type_id;
        switch (e.kind) {
            case ExprKind::name:
                switch (e.binding) {
                    case ast::Binding::root: n.kind = NodeKind::root; break;
                    case ast::Binding::variable: n.kind = NodeKind::var; n.slot = e.resolved; break;
                    case ast::Binding::define: n.kind = NodeKind::ref; n.slot = e.resolved; break;
                    default: n.kind = NodeKind::constant; break;
                }
                return add(n);
            case ExprKind::string:
                n.k = Value::string(keep(e.text));
                n.k.sensitive = e.sensitive_code;  // compared with a coded field: a sensitive code
                return add(n);
            case ExprKind::integer: n.k = Value::integer(e.integer); return add(n);
            case ExprKind::decimal: n.k = Value::decimal(e.decimal); return add(n);
            case ExprKind::boolean: n.k = Value::boolean(e.boolean); return add(n);
            case ExprKind::date: n.k = Value::date(days_from_civil(e.date)); return add(n);
            case ExprKind::duration:
                switch (e.unit) {
                    case ast::DurationUnit::days: n.k = Value::duration(0, e.integer); break;
                    case ast::DurationUnit::weeks: n.k = Value::duration(0, e.integer * 7); break;
                    case ast::DurationUnit::months: n.k = Value::duration(static_cast<std::int32_t>(e.integer), 0); break;
                    case ast::DurationUnit::years: n.k = Value::duration(static_cast<std::int32_t>(e.integer * 12), 0); break;
                }
                return add(n);
            case ExprKind::today: n.kind = NodeKind::today; return add(n);
            case ExprKind::list: {
                n.kind = NodeKind::list;
                std::vector<int> items;
                for (auto& ch : e.children) items.push_back(expr(ch, depth));
                return fold(add_kids(n, items));
            }
            case ExprKind::member: {
                n.kind = NodeKind::member;
                n.a = expr(e.children[0], depth);
                const auto& ot = s_.type(e.children[0].type_id);
                n.slot = ot.kind == TypeKind::record ? s_.records[static_cast<std::size_t>(ot.decl)].slot(e.name.text) : -1;
                path(n);
                return add(n);
            }
            case ExprKind::call: {
                std::vector<int> args;
                for (auto& ch : e.children) args.push_back(expr(ch, depth));
                n.kind = e.binding == ast::Binding::builtin ? NodeKind::builtin : NodeKind::call;
                n.slot = e.resolved;
                if (n.kind == NodeKind::builtin && static_cast<check::Builtin>(n.slot) == check::Builtin::text)
                    n.k = Value::integer(e.children.at(0).type_id);  // text(x) of an enum value names its type
                if (n.kind == NodeKind::builtin &&
                    builtins::get(static_cast<check::Builtin>(n.slot)).params[0] == builtins::Param::coded) {
                    const auto& arg = e.children.at(0);  // a coded field (the checker made sure)
                    const check::FieldInfo* f = s_.field(arg.children.at(0).type_id, arg.resolved);
                    n.k = Value::integer(f ? f->codes : -1);
                }
                return fold(add_kids(n, args));
            }
            case ExprKind::unary:
                n.kind = e.op == ast::Op::neg ? NodeKind::neg : NodeKind::not_;
                n.a = expr(e.children[0], depth);
                return fold(add(n));
            case ExprKind::binary: return binary(e, n, depth);
            case ExprKind::conditional:
                n.kind = NodeKind::cond;
                n.a = expr(e.children[0], depth);
                n.b = expr(e.children[1], depth);
                n.c = expr(e.children[2], depth);
                return fold(add(n));
            case ExprKind::exists:
                n.kind = NodeKind::exists;
                n.slot = depth;
                n.a = expr(e.source(), depth);
                if (auto* w = e.where()) n.b = expr(*w, depth + 1);
                max_depth_ = std::max(max_depth_, depth + 1);
                return add(n);
            case ExprKind::aggregate: {
                n.kind = NodeKind::aggregate;
                n.agg = e.aggregate;
                bool binder = !e.name.text.empty();
                if (!binder && e.children.size() > 1) {
                    n.over_values = true;
                    std::vector<int> items;
                    for (auto& ch : e.children) items.push_back(expr(ch, depth));
                    return add_kids(n, items);
                }
                n.a = expr(e.source(), depth);
                if (binder) {
                    n.slot = depth;
                    max_depth_ = std::max(max_depth_, depth + 1);
                }
                int inner = binder ? depth + 1 : depth;
                if (auto* w = e.where()) n.b = expr(*w, inner);
                if (auto* pr = e.projection()) n.c = expr(*pr, inner);
                return add(n);
            }
        }
        return add(n);
    }

    int binary(const Expr& e, Node& n, int depth) {
        using ast::Op;
        const Expr& l = e.children[0];
        const Expr& r = e.children[1];
        switch (e.op) {
            case Op::op_and:
            case Op::op_or:
                n.kind = e.op == Op::op_and ? NodeKind::and_ : NodeKind::or_;
                n.a = expr(l, depth);
                n.b = expr(r, depth);
                return fold(add(n));
            case Op::eq:
            case Op::ne:
            case Op::lt:
            case Op::le:
            case Op::gt:
            case Op::ge: {
                n.kind = NodeKind::compare;
                n.op = e.op;
                n.a = comparable(l, r, depth);
                n.b = comparable(r, l, depth);
                return fold(add(n));
            }
            case Op::in:
            case Op::not_in: {
                n.kind = NodeKind::in;
                n.op = e.op;
                int el_type = r.type_id >= 0 && s_.type(r.type_id).kind == TypeKind::list ? s_.type(r.type_id).element : -1;
                bool left_enum = is_enum(l.type_id);
                if (left_enum && r.kind == ExprKind::list) {
                    // plan.x in ["a", "b"] of an enum: the strings become codes
                    n.a = expr(l, depth);
                    Node list;
                    list.kind = NodeKind::list;
                    list.src = &r;
                    list.file = file_;
                    list.type = r.type_id;
                    std::vector<int> items;
                    for (auto& ch : r.children) items.push_back(comparable(ch, l, depth));
                    n.b = fold(add_kids(list, items));
                } else if (left_enum && el_type >= 0 && !is_enum(el_type)) {
                    n.a = to_name(expr(l, depth), l.type_id);
                    n.b = expr(r, depth);
                } else {
                    n.a = expr(l, depth);
                    n.b = expr(r, depth);
                }
                return fold(add(n));
            }
            default:
                n.kind = NodeKind::arith;
                n.op = e.op;
                n.a = expr(l, depth);
                n.b = expr(r, depth);
                return fold(add(n));
        }
    }

    // `self` compared with `other`: a string compared with an enum becomes its code when
    // it is a literal, an enum compared with a string expression becomes its name.
    int comparable(const Expr& self, const Expr& other, int depth) {
        if (is_enum(other.type_id) && self.kind == ExprKind::string) {
            const auto& en = s_.enums[static_cast<std::size_t>(s_.type(other.type_id).decl)];
            Node n;
            n.src = &self;
            n.file = file_;
            n.type = other.type_id;
            int code = en.code(self.text);
            n.k = code >= 0 ? Value::enumeration(static_cast<std::uint32_t>(code)) : Value::string(keep(self.text));
            return add(n);
        }
        int x = expr(self, depth);
        if (is_enum(self.type_id) && other.type_id == Schema::string_type && other.kind != ExprKind::string)
            return to_name(x, self.type_id);
        return x;
    }

    int to_name(int node, int enum_type) {
        Node n;
        n.kind = NodeKind::enum_name;
        n.a = node;
        n.slot = s_.type(enum_type).decl;
        n.type = Schema::string_type;
        n.src = c_.nodes[static_cast<std::size_t>(node)].src;
        n.file = file_;
        return fold(add(n));
    }

    // A member node whose object is the plan, a variable or such a path gets the whole path.
    void path(Node& n) {
        if (n.slot < 0) return;
        const Node& obj = c_.nodes[static_cast<std::size_t>(n.a)];
        std::vector<std::int32_t> p;
        if (obj.kind == NodeKind::root) p.push_back(-1);
        else if (obj.kind == NodeKind::var) p.push_back(obj.slot);
        else if (obj.kind == NodeKind::member && obj.path_len > 0)
            p.assign(c_.paths.begin() + obj.path_first, c_.paths.begin() + obj.path_first + obj.path_len);
        else return;
        p.push_back(n.slot);
        n.path_first = static_cast<std::uint32_t>(c_.paths.size());
        n.path_len = static_cast<std::uint32_t>(p.size());
        c_.paths.insert(c_.paths.end(), p.begin(), p.end());
    }

    bool is_enum(int type) const { return type >= 0 && s_.type(type).kind == TypeKind::enumeration; }

    std::vector<MessagePart> message(const ast::StringTemplate& t, int depth) {
        std::vector<MessagePart> out;
        for (auto& seg : t.segments) {
            if (seg.is_expr && seg.otherwise)
                out.push_back(MessagePart{{}, expr(seg.expr.children[0], depth), expr(seg.expr.children[1], depth)});
            else if (seg.is_expr) out.push_back(MessagePart{{}, expr(seg.expr, depth), -1});
            else out.push_back(MessagePart{seg.text, -1});
        }
        return out;
    }

    void run() {
        // defines
        for (std::size_t i = 0; i < p_.defines.size(); ++i) {
            const auto& d = p_.defines[i];
            file_ = d.file;
            max_depth_ = 0;
            DefineCode code;
            code.params = static_cast<int>(d.decl->params.size());
            code.body = expr(d.decl->body, code.params);
            code.frame_size = std::max(max_depth_, code.params);
            c_.defines.push_back(code);
        }
        // rule sets
        for (std::size_t i = 0; i < p_.rulesets.size(); ++i) {
            const auto& rs = p_.rulesets[i];
            file_ = rs.file;
            max_depth_ = 0;
            int applies = rs.decl && rs.decl->applies_when ? expr(*rs.decl->applies_when, 0) : -1;
            c_.applies.push_back(applies);
            c_.applies_frame = std::max(c_.applies_frame, max_depth_);
            std::vector<int> chain{static_cast<int>(i)};
            for (int a : rs.ancestors) chain.push_back(a);
            c_.ruleset_chain.push_back(std::move(chain));
        }
        // rules
        for (std::size_t i = 0; i < p_.rules.size(); ++i) {
            const auto& info = p_.rules[i];
            const ast::RuleDecl& r = *info.decl;
            file_ = info.file;
            max_depth_ = 0;
            RuleCode code;
            code.rule = static_cast<int>(i);
            code.ruleset = info.ruleset;
            code.severity = r.severity.value_or(Severity::error);
            code.sensitive = r.sensitive;
            code.if_missing = r.if_missing.value_or(ast::MissingPolicy::report);
            if (r.in_force_from) code.from = days_from_civil(r.in_force_from->date);
            if (r.in_force_until) code.until = days_from_civil(r.in_force_until->date);
            if (r.source) code.source = r.source->value;
            const auto& f = *p_.files[static_cast<std::size_t>(info.file)].source;
            auto pos = f.position(r.span.begin);
            code.location = fmt::format("{}:{}:{}", f.name(), pos.line, pos.column);
            if (r.when) code.when = expr(*r.when, 0);
            int depth = 0;
            for (auto& fe : r.for_each) {
                ForEachCode fc;
                fc.collection = expr(fe.collection, depth);
                fc.slot = depth;
                ++depth;
                max_depth_ = std::max(max_depth_, depth);
                if (fe.where) fc.where = expr(*fe.where, depth);
                code.for_each.push_back(fc);
            }
            if (r.require) code.require = expr(*r.require, depth);
            if (r.at) code.at = expr(*r.at, depth);
            if (r.due) code.due = expr(*r.due, depth);
            if (r.message) code.message = message(*r.message, depth);
            code.frame_size = std::max(max_depth_, depth);
            c_.rules.push_back(std::move(code));
        }
        // overrides
        for (const auto& o : p_.overrides) {
            if (o.target < 0) continue;
            file_ = o.file;
            OverrideCode code;
            code.ruleset = o.ruleset;
            code.rule = o.target;
            code.severity = o.decl->severity;
            code.disabled = o.decl->disabled;
            if (o.decl->message) {
                max_depth_ = 0;
                int depth = static_cast<int>(p_.rules[static_cast<std::size_t>(o.target)].decl->for_each.size());
                code.message = message(*o.decl->message, depth);
                code.has_message = true;
                auto& target = c_.rules[static_cast<std::size_t>(o.target)];
                target.frame_size = std::max(target.frame_size, max_depth_);
            }
            c_.overrides.push_back(std::move(code));
        }
        // key figures: `passed` and `evaluated` in variables 0 and 1
        for (std::size_t i = 0; i < p_.figures.size(); ++i) {
            const auto& f = p_.figures[i];
            file_ = f.file;
            max_depth_ = 0;
            FigureCode code;
            code.figure = static_cast<int>(i);
            code.rule = f.rule;
            if (f.decl->denominator) code.denominator = expr(*f.decl->denominator, 2);
            if (f.decl->numerator) code.numerator = expr(*f.decl->numerator, 2);
            code.frame_size = std::max(max_depth_, 2);
            c_.figures.push_back(code);
        }
        // A rule that reads a sensitive field or compares with a sensitive code (in any clause,
        // through defines, or in an override's message) is withheld like a rule marked
        // `sensitive`: its findings, its message and the pointers of its missing values would
        // disclose the field. (A field marked `sensitive value` does not withhold the rules that
        // read it: its values are marked as loaded, and reports for others show none of them.)
        sensitive_memo_.assign(c_.nodes.size(), -1);
        for (auto& rule : c_.rules) {
            bool reads = reads_sensitive(rule.when) || reads_sensitive(rule.require) || reads_sensitive(rule.at) ||
                         reads_sensitive(rule.due);
            for (const auto& fe : rule.for_each) reads = reads || reads_sensitive(fe.collection) || reads_sensitive(fe.where);
            for (const auto& part : rule.message) reads = reads || reads_sensitive(part.node) || reads_sensitive(part.otherwise);
            rule.sensitive = rule.sensitive || reads;
        }
        for (const auto& ov : c_.overrides)
            for (const auto& part : ov.message)
                if (reads_sensitive(part.node) || reads_sensitive(part.otherwise))
                    c_.rules[static_cast<std::size_t>(ov.rule)].sensitive = true;
        for (auto& f : c_.figures)
            f.sensitive = reads_sensitive(f.denominator) || reads_sensitive(f.numerator) ||
                          (f.rule >= 0 && c_.rules[static_cast<std::size_t>(f.rule)].sensitive);
    }

private:
    bool reads_sensitive(int index) {
        if (index < 0) return false;
        auto& memo = sensitive_memo_[static_cast<std::size_t>(index)];
        if (memo >= 0) return memo == 1;
        memo = 0;  // a define reached again through recursion adds nothing
        const Node& n = c_.nodes[static_cast<std::size_t>(index)];
        bool reads = false;
        if (n.kind == NodeKind::member && n.slot >= 0) {
            const auto& t = s_.type(c_.nodes[static_cast<std::size_t>(n.a)].type);
            if (t.kind == TypeKind::record)
                reads = s_.records[static_cast<std::size_t>(t.decl)].fields[static_cast<std::size_t>(n.slot)].sensitive;
        }
        if (n.kind == NodeKind::constant) {  // a sensitive code compared with a coded field (Expr::sensitive_code)
            reads = n.k.sensitive;
            if (n.k.kind == ValueKind::list)
                for (std::uint32_t i = 0; i < n.k.n; ++i) reads = reads || n.k.v[i].sensitive;
        }
        if ((n.kind == NodeKind::call || n.kind == NodeKind::ref) && n.slot >= 0)
            reads = reads || reads_sensitive(c_.defines[static_cast<std::size_t>(n.slot)].body);
        reads = reads || reads_sensitive(n.a) || reads_sensitive(n.b) || reads_sensitive(n.c);
        for (std::uint32_t i = 0; i < n.count && !reads; ++i) reads = reads_sensitive(c_.kids[n.first + i]);
        sensitive_memo_[static_cast<std::size_t>(index)] = reads ? 1 : 0;
        return reads;
    }

    int add(const Node& n) {
        c_.nodes.push_back(n);
        return static_cast<int>(c_.nodes.size() - 1);
    }
    int add_kids(Node n, const std::vector<int>& kids) {
        n.first = static_cast<std::uint32_t>(c_.kids.size());
        n.count = static_cast<std::uint32_t>(kids.size());
        for (int k : kids) c_.kids.push_back(k);
        return add(n);
    }
    std::string_view keep(const std::string& s) {
        c_.constant_strings.push_back(s);
        return c_.constant_strings.back();
    }

    bool constant(int n) const { return c_.nodes[static_cast<std::size_t>(n)].kind == NodeKind::constant; }

    // Folds a node whose operands are all constants into a constant.
    int fold(int index) {
        Node& n = c_.nodes[static_cast<std::size_t>(index)];
        switch (n.kind) {
            case NodeKind::not_: case NodeKind::neg: case NodeKind::enum_name:
                if (!constant(n.a)) return index;
                break;
            case NodeKind::and_: case NodeKind::or_: case NodeKind::compare: case NodeKind::in: case NodeKind::arith:
                if (!constant(n.a) || !constant(n.b)) return index;
                break;
            case NodeKind::cond:
                if (!constant(n.a) || !constant(n.b) || !constant(n.c)) return index;
                break;
            case NodeKind::list: case NodeKind::builtin:
                for (std::uint32_t i = 0; i < n.count; ++i)
                    if (!constant(c_.kids[n.first + i])) return index;
                if (n.kind == NodeKind::builtin && builtins::get(static_cast<check::Builtin>(n.slot)).reads_today)
                    return index;  // needs the evaluation date
                break;
            default: return index;
        }
        Value root;
        Evaluator ev(c_, root, 0);
        Value v = ev.eval(index);
        if (v.kind == ValueKind::error) return index;  // reported when evaluated, with the rule
        auto kept = [&](const Value& x) {  // the text in the compiled rules' own storage
            Value out = Value::string(keep(std::string(x.str())));
            out.sensitive = x.sensitive;
            return out;
        };
        if (v.kind == ValueKind::string) v = kept(v);
        if (v.kind == ValueKind::list) {
            c_.constant_lists.emplace_back(v.v, v.v + v.n);
            auto& items = c_.constant_lists.back();
            for (auto& item : items)
                if (item.kind == ValueKind::string) item = kept(item);
            v = Value::list(items.data(), static_cast<std::uint32_t>(items.size()));
        }
        Node& m = c_.nodes[static_cast<std::size_t>(index)];
        m.kind = NodeKind::constant;
        m.k = v;
        return index;
    }

    Compiled& c_;
    const check::Program& p_;
    const Schema& s_;
    int file_ = -1;
    std::vector<std::int8_t> sensitive_memo_;
    int max_depth_ = 0;
};

}  // namespace

std::shared_ptr<const Compiled> compile(std::shared_ptr<const check::Program> program) {
    auto c = std::make_shared<Compiled>();
    c->program = std::move(program);
    Compiler compiler(*c);
    compiler.run();
    // digest of the sources (FNV-1a 64 over file names and texts), to reproduce a decision
    std::uint64_t h = 1469598103934665603ull;
    auto mix = [&](std::string_view s) {
        for (unsigned char ch : s) {
            h ^= ch;
            h *= 1099511628211ull;
        }
        h ^= 0xff;
        h *= 1099511628211ull;
    };
    for (const auto& f : c->program->files) {
        mix(f.source->name());
        mix(f.source->text());
    }
    c->digest = fmt::format("fnv1a64:{:016x}", h);
    c->fast_schema = make_fast_schema(c->program->schema);
    static std::atomic<std::uint64_t> serials{0};
    c->serial = ++serials;
    return c;
}

}  // namespace planrules::eval
