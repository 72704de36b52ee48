#pragma once
// Boundary coverage of rule tests (internal): which date comparisons of a rule the tests
// evaluate on both sides of the day the comparison turns. `planrules test` notes a rule with a
// date comparison that no test evaluates there, where an off-by-one day would go unseen.

#include "eval/tree.hpp"

#include <cstdint>
#include <map>
#include <utility>

namespace planrules::eval {

struct BoundaryObserver {
    // A comparison evaluated at its boundary: it held there, and it failed there (by one day).
    struct Sides {
        bool holds = false;
        bool fails = false;
    };
    int rule = -1;  // the rule being evaluated: an index into Compiled::rules
    std::map<std::pair<int, int>, Sides> seen;  // (rule, compare node)

    // A comparison of two dates (day numbers) that the evaluator made.
    void compare(int node, ast::Op op, std::int64_t x, std::int64_t y) {
        auto result = [op](std::int64_t d) {  // the comparison of x and y when x - y is d
            switch (op) {
                case ast::Op::lt: return d < 0;
                case ast::Op::le: return d <= 0;
                case ast::Op::gt: return d > 0;
                case ast::Op::ge: return d >= 0;
                default: return false;
            }
        };
        const std::int64_t d = x - y;
        const bool r = result(d);
        if (r == result(d - 1) && r == result(d + 1)) return;  // not next to the day it turns
        Sides& s = seen[{rule, node}];
        (r ? s.holds : s.fails) = true;
    }
};

}  // namespace planrules::eval
