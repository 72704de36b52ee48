#pragma once
// The grouping of a population run (internal to batch/): the field whose values split the
// summary into groups (`--group-by`, or the rules' `group`), resolved once against the schema.

#include <planrules/check/types.hpp>
#include <planrules/eval/plan.hpp>
#include <planrules/options.hpp>

#include <tl/expected.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace planrules::batch {

// A field of the plan read by slots, resolved once from a dotted path.
struct FieldPath {
    std::vector<int> slots;
    int type = -1;
    int codes = -1;  // the field's code list (`string of CODES`), whose labels name the groups
    bool valid() const { return !slots.empty(); }
};

// The field `dotted` names (with or without the root's name in front), or why it cannot group
// a summary for `audience`: the group values are shown in the summary, so a field whose values
// are for Arbetsförmedlingen only (`sensitive`, `sensitive value`) groups no report for another
// audience; a record or a list groups nothing.
tl::expected<FieldPath, std::string> resolve_group(const check::Schema& schema, std::string_view dotted,
                                                   Audience audience);

// The group of `plan`: the field's value as text; empty where it is missing.
std::string group_of(const check::Schema& schema, const FieldPath& path, const Plan& plan);

}  // namespace planrules::batch
