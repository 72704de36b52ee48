#pragma once
// Where a finding is, for people: a JSON pointer of the plan as the schema's labels name it,
// "/LIST/1/FIELD" as "ELEMENT A2 (nr 2 i listan), FIELD LABEL" (internal: validate/ names the places of findings with it).

#include <planrules/check/types.hpp>
#include <planrules/eval/value.hpp>

#include <string>
#include <string_view>

namespace planrules::eval {

// The place `pointer` names in the plan `root`: each field by its label (or its name), each
// element of a list by its record's label, its id when it has one, and its number in the list
// (from 1). What the schema does not know is shown as written. The ids of elements inside a
// field marked sensitive are shown only when `sensitive_ok` (the report is for the agency).
// In the thread's language ("nr 2 i listan" / "no. 2 in the list").
[[nodiscard]] std::string place_of(const check::Schema& schema, const Value& root, std::string_view pointer,
                                   bool sensitive_ok);

}  // namespace planrules::eval
