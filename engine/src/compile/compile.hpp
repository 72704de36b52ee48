#pragma once
// The compile stage: a checked program into the evaluation tree (eval/tree.hpp) that the
// validate stage runs: field access by slot, names by frame slot, enum comparisons by code,
// constant sub-expressions folded, each define compiled once.

#include "eval/tree.hpp"

#include <planrules/check/checker.hpp>

#include <memory>

namespace planrules::eval {

[[nodiscard]] std::shared_ptr<const Compiled> compile(std::shared_ptr<const check::Program> program);

}  // namespace planrules::eval
