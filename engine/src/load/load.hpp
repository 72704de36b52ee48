#pragma once
// Plan loading (internal to the engine).

#include <planrules/check/types.hpp>
#include <planrules/diagnostics.hpp>
#include <planrules/eval/plan.hpp>
#include <planrules/options.hpp>

#include <tl/expected.hpp>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace planrules::eval {

// The rule id of findings about the plan's form (outcome invalid_input).
inline constexpr std::string_view input_rule_id = "PLAN-FORMAT";

// The schema laid out for fast_load (fast_load.cpp); made once per rule set (Compiled).
struct FastSchema;
[[nodiscard]] std::shared_ptr<const FastSchema> make_fast_schema(const check::Schema& schema);

// Zero bytes a plan's text may be followed by, so that it is read in place (load_plan's
// `padded`); fast_load reads up to 64 bytes past the text, simdjson its SIMDJSON_PADDING.
inline constexpr std::size_t plan_padding = 64;

// `fast`: try the fast path first (fast_load: one pass, no findings; it gives up at anything to
// report), with `fast_schema` (made from `schema` when null).
// false: the full loader only. Both give the same Plan for every input (fuzz_plan_json checks).
// `padded`: `json` is followed by plan_padding readable zero bytes, so it is read in place
// (otherwise it is copied, with padding, into a buffer of the thread's).
[[nodiscard]] tl::expected<Plan, Diagnostics> load_plan(const check::Schema& schema, std::string_view json,
                                                        const std::string& name, const PlanLimits& limits,
                                                        bool fast = true, const FastSchema* fast_schema = nullptr,
                                                        bool padded = false);

// The fast path of load_plan (fast_load.cpp): `size` bytes of plan JSON, followed by at least
// 64 readable bytes of zeros, read into `out` in one pass; false (and `out` to be thrown away) at
// anything the full loader would report or that the fast path does not read itself.
[[nodiscard]] bool fast_load(const FastSchema& schema, const char* text, std::size_t size, const PlanLimits& limits,
                             Plan& out);
[[nodiscard]] bool fast_load(const check::Schema& schema, const char* text, std::size_t size, const PlanLimits& limits,
                             Plan& out);

// Whether the values of field `f` are marked sensitive as they are loaded (Value::sensitive):
// every value in a field marked `sensitive` or `sensitive value`, and the sensitive codes of a
// field's code list.
[[nodiscard]] bool marks_values(const check::Schema& schema, const check::FieldInfo& f);
// Marks `v`, just loaded as the value of field `f`, as marks_values says (both loaders do).
void mark_sensitive(const check::Schema& schema, const check::FieldInfo& f, Value& v);

// "2024-01-25" -> days since 1970-01-01, or nothing when it is not a valid ISO date.
[[nodiscard]] std::optional<std::int64_t> parse_iso_date(std::string_view s);

// One reference token of a JSON pointer: '~' -> "~0", '/' -> "~1".
[[nodiscard]] std::string pointer_token(std::string_view key);
void append_pointer_token(std::string& out, std::string_view key);

}  // namespace planrules::eval
