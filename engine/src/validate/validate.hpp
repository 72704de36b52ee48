#pragma once
// The validate stage (internal): one plan against the compiled rules, into a report.

#include "eval/boundaries.hpp"
#include "eval/tree.hpp"

#include <planrules/eval/plan.hpp>
#include <planrules/eval/report.hpp>
#include <planrules/eval/why.hpp>

namespace planrules::eval {

// Validates `plan` as `options` say into `out` (cleared first). With `observer`, every date
// comparison is reported to it under the rule that made it (parameterless defines are then
// evaluated for each rule, not once per plan).
void validate(const Compiled& c, const Plan& plan, const ValidateOptions& options, Report& out,
              BoundaryObserver* observer = nullptr);

// Why `plan` gets the report it gets (planrules/report/why.hpp), in the thread's language.
[[nodiscard]] Why why(const Compiled& c, const Plan& plan, const ValidateOptions& options);

}  // namespace planrules::eval
