#pragma once
// Diagnostics as a JSON array, for the renderers that embed them (the diagnostics list, the
// answer to a plan that could not be loaded).

#include "json/writer.hpp"

#include <planrules/diagnostics.hpp>
#include <planrules/eval/why.hpp>

namespace planrules {

void write_diagnostics(json::Writer& w, const Diagnostics& ds, json::Layout layout);

// The explanation of a report (planrules/report/why.hpp) as one JSON object.
void write_why(json::Writer& w, const Why& why);

}  // namespace planrules
