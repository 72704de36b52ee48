// JSON writing: hand-written appends at a cursor into one big buffer that has room for a whole
// plan (kPlanRoom). Every text is our own and needs no escaping (no quotes, backslashes or
// control characters).

#pragma once

#include "plan_model.hpp"

#include <cstddef>
#include <cstdint>

namespace generator {

constexpr size_t kPlanRoom = size_t{64} << 10;  // far more than the largest plan (about 6 KB)

// Writes the plan (one line of JSON, without the newline) at `at` and returns the end.
char* write_plan(const Plan& p, uint64_t seed, char* at);

}  // namespace generator
