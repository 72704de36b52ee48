#pragma once
// Evidence and missing values of a finding (internal to validate/): the plan values a rule read,
// with their JSON pointers, found by walking the nodes the rule's condition is made of in the
// frame of the finding. Sensitive values are left out of reports for other audiences.

#include "eval/evaluator.hpp"
#include "eval/tree.hpp"
#include "load/load.hpp"

#include "text/strings.hpp"
#include <planrules/eval/report.hpp>

#include <optional>
#include <string>
#include <vector>

namespace planrules::eval {

using check::TypeKind;

// Evidence and missing values: walks the nodes a rule read, in the frame of a finding.
class Witness {
public:
    Witness(const Compiled& c, Evaluator& ev, const std::vector<std::optional<std::string>>& var_pointers, bool hide_sensitive)
        : c_(c), ev_(ev), vars_(var_pointers), hide_sensitive_(hide_sensitive) {}

    // The pointer of a path expression (root, variable, member chain), if it is one.
    std::optional<std::string> pointer(int index) {
        std::string out;
        if (!append_pointer(index, out)) return std::nullopt;
        return out;
    }
    bool append_pointer(int index, std::string& out) {
        const Node& n = c_.nodes[static_cast<std::size_t>(index)];
        switch (n.kind) {
            case NodeKind::root: return true;
            case NodeKind::var: {
                const auto slot = static_cast<std::size_t>(n.slot);
                if (slot >= vars_.size() || !vars_[slot]) return false;
                out += *vars_[slot];
                return true;
            }
            case NodeKind::member:
                if (!append_pointer(n.a, out)) return false;
                out += '/';
                append_pointer_token(out, n.src->name.text);
                return true;
            default: return false;
        }
    }

    bool sensitive_path(int index) const {
        const Node& n = c_.nodes[static_cast<std::size_t>(index)];
        if (n.kind != NodeKind::member) return false;
        const auto& schema = c_.program->schema;
        const Node& obj = c_.nodes[static_cast<std::size_t>(n.a)];
        const auto& t = schema.type(obj.type);
        if (t.kind == TypeKind::record && n.slot >= 0 &&
            schema.records[static_cast<std::size_t>(t.decl)].fields[static_cast<std::size_t>(n.slot)].sensitive)
            return true;
        return sensitive_path(n.a);
    }

    void walk(int index) {
        if (index < 0) return;
        const Node& n = c_.nodes[static_cast<std::size_t>(index)];
        if (n.kind == NodeKind::member) {
            if (auto p = pointer(index)) {
                Value v = ev_.eval(index);
                if (v.is_missing()) add_missing(*p);
                if (v.kind != ValueKind::record && v.kind != ValueKind::list) add_evidence(*p, v, n.type, sensitive_path(index));
                return;
            }
        }
        switch (n.kind) {
            case NodeKind::constant: case NodeKind::today: case NodeKind::root: case NodeKind::var: return;
            case NodeKind::list: case NodeKind::builtin:
                for (std::uint32_t i = 0; i < n.count; ++i) walk(c_.kids[n.first + i]);
                return;
            case NodeKind::call: case NodeKind::ref: return walk_define(n);
            case NodeKind::aggregate:
            case NodeKind::exists: {
                if (n.over_values) {
                    for (std::uint32_t i = 0; i < n.count; ++i) walk(c_.kids[n.first + i]);
                    return;
                }
                walk(n.a);
                if (n.slot < 0) return;
                Value list = ev_.eval(n.a);
                auto base = pointer(n.a);
                if (list.kind != ValueKind::list || list.n > 1000) return;
                if (vars_.size() <= static_cast<std::size_t>(n.slot)) vars_.resize(static_cast<std::size_t>(n.slot) + 1);
                for (std::uint32_t i = 0; i < list.n; ++i) {
                    ev_.var(n.slot) = list.v[i];
                    vars_[static_cast<std::size_t>(n.slot)] =
                        base ? std::optional<std::string>(*base + "/" + std::to_string(i)) : std::nullopt;
                    walk(n.b);
                    walk(n.c);
                }
                return;
            }
            default:
                walk(n.a);
                walk(n.b);
                walk(n.c);
        }
    }

    std::vector<Evidence> evidence;
    std::vector<std::string> missing;

private:
    void walk_define(const Node& n) {
        const auto& d = c_.defines[static_cast<std::size_t>(n.slot)];
        if (depth_ > 16) return;
        std::vector<Value> args;
        std::vector<std::optional<std::string>> arg_ptrs;
        for (std::uint32_t i = 0; i < n.count; ++i) {
            int k = c_.kids[n.first + i];
            walk(k);
            args.push_back(ev_.eval(k));
            arg_ptrs.push_back(pointer(k));
        }
        auto saved_vars = std::move(vars_);  // the caller's variables, back after the body
        vars_ = std::move(arg_ptrs);
        std::size_t saved = ev_.push_frame(d.frame_size);
        for (std::size_t i = 0; i < args.size(); ++i) ev_.var(static_cast<int>(i)) = args[i];
        ++depth_;
        walk(d.body);
        --depth_;
        ev_.pop_frame(saved, d.frame_size);
        vars_ = std::move(saved_vars);
    }
    void add_missing(const std::string& p) {
        for (const auto& m : missing)
            if (m == p) return;
        missing.push_back(p);
    }
    void add_evidence(const std::string& p, const Value& v, int type, bool sensitive) {
        if ((sensitive || v.sensitive) && hide_sensitive_) return;
        for (const auto& e : evidence)
            if (e.pointer == p) return;
        std::string text;
        switch (v.kind) {
            case ValueKind::missing: text = "null"; break;
            case ValueKind::string:
            case ValueKind::date:
            case ValueKind::enumeration:
            case ValueKind::duration: planrules::detail::append_json_string(text, ev_.format(v, type)); break;
            default: text = ev_.format(v, type);
        }
        evidence.push_back(Evidence{p, std::move(text)});
    }

    const Compiled& c_;
    Evaluator& ev_;
    std::vector<std::optional<std::string>> vars_;
    bool hide_sensitive_;
    int depth_ = 0;
};

}  // namespace planrules::eval
