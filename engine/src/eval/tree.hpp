#pragma once
// The evaluation tree: the checked AST compiled into a flat array of nodes. Field access
// is by slot, names are resolved to frame slots, enum comparisons to codes, constant
// sub-expressions are folded, defines are compiled once and shared.

#include <planrules/check/checker.hpp>
#include <planrules/eval/report.hpp>
#include <planrules/eval/value.hpp>

#include <deque>
#include <memory>
#include <string>
#include <vector>

namespace planrules::eval {

struct FastSchema;  // load.hpp

enum class NodeKind : std::uint8_t {
    constant,
    today,
    root,
    var,         // slot
    member,      // a = record, slot
    enum_name,   // a = enum value, slot = enum index: the code as a string
    not_,
    and_,
    or_,
    compare,     // op, a, b
    in,          // a in b (op in / not_in)
    arith,       // op, a, b
    neg,
    cond,        // a ? b : c
    list,        // kids
    builtin,     // slot = builtin id, kids
    call,        // slot = define index, kids = arguments
    ref,         // slot = define index (no parameters)
    aggregate,   // agg, a = source, b = where, c = projection, slot = binder; kids: min/max of values
    exists,      // a = source, b = where, slot = binder
};

struct Node {
    NodeKind kind = NodeKind::constant;
    ast::Op op = ast::Op::op_or;
    ast::AggregateKind agg = ast::AggregateKind::count;
    bool over_values = false;  // aggregate: min/max(a, b, …) of single values (kids)
    std::int32_t a = -1, b = -1, c = -1;
    std::int32_t slot = -1;
    std::uint32_t first = 0, count = 0;  // into Compiled::kids
    // member: a path from the plan or a variable (plan.x.y, a.z), read in one
    // go: Compiled::paths[path_first] is the base (-1 the plan, else a variable's slot), then
    // path_len - 1 slots outwards; 0 when the object is some other expression
    std::uint32_t path_first = 0, path_len = 0;
    int type = check::Schema::error_type;
    Value k;                             // constant
    const ast::Expr* src = nullptr;
    int file = -1;
};

struct DefineCode {
    int body = -1;
    int frame_size = 0;
    int params = 0;
};

struct ForEachCode {
    int collection = -1;
    int where = -1;
    int slot = -1;
};

struct MessagePart {
    std::string text;
    int node = -1;       // an interpolation when >= 0
    int otherwise = -1;  // {X or "text"}: what is shown when `node` is missing
};

struct RuleCode {
    int rule = -1;     // index into Program::rules
    int ruleset = -1;  // index into Program::rulesets
    int when = -1;
    std::vector<ForEachCode> for_each;
    int require = -1;
    int at = -1;
    int due = -1;
    std::vector<MessagePart> message;
    int frame_size = 0;
    std::optional<std::int64_t> from, until;  // in force (days)
    ast::MissingPolicy if_missing = ast::MissingPolicy::report;
    Severity severity = Severity::error;
    bool sensitive = false;  // the rule, or reads a sensitive field
    std::string location;
    std::string source;
};

struct OverrideCode {
    int ruleset = -1;
    int rule = -1;  // index into Compiled::rules
    std::optional<Severity> severity;
    bool disabled = false;
    std::vector<MessagePart> message;
    bool has_message = false;
};

// A key figure (check::FigureInfo): its conditions read `passed` and `evaluated`, the outcome of
// its rule, from variables 0 and 1.
struct FigureCode {
    int figure = -1;  // index into Program::figures
    int rule = -1;    // index into Program::rules, or -1
    int denominator = -1, numerator = -1;
    int frame_size = 2;
    bool sensitive = false;  // reads a sensitive field, or its rule does: counted for Arbetsförmedlingen only
};

struct Compiled {
    std::shared_ptr<const check::Program> program;
    std::vector<Node> nodes;
    std::vector<std::int32_t> kids;
    std::vector<std::int32_t> paths;  // see Node::path_first
    std::deque<std::vector<Value>> constant_lists;
    std::deque<std::string> constant_strings;
    std::vector<DefineCode> defines;
    std::vector<RuleCode> rules;
    std::vector<OverrideCode> overrides;
    std::vector<FigureCode> figures;
    std::vector<int> applies;                 // per rule set: node of `applies when`, or -1
    int applies_frame = 1;                    // frame size the `applies when` nodes need
    std::vector<std::vector<int>> ruleset_chain;  // per rule set: itself and its ancestors
    std::shared_ptr<const FastSchema> fast_schema;  // the schema laid out for plan loading
    std::string digest;
    std::uint64_t serial = 0;  // unique per compilation in this process (what a thread has prepared for)
};

}  // namespace planrules::eval
