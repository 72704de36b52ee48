#pragma once
// Diagnostics as a JSON array, for the renderers that embed them (the diagnostics list, the
// answer to a plan that could not be loaded).

#include "json/writer.hpp"

#include <planrules/diagnostics.hpp>

namespace planrules {

void write_diagnostics(json::Writer& w, const Diagnostics& ds, json::Layout layout);

}  // namespace planrules
