// Fuzz target: rule text → parser → checker, against the shipped plan schema.

#include <planrules/compile.hpp>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

namespace {
planrules::SourceFilePtr schema() {
    static const planrules::SourceFilePtr file = [] {
        std::ifstream in(PLANRULES_SOURCE_DIR "/rules/handlingsplan.schema", std::ios::binary);
        std::ostringstream ss;
        ss << in.rdbuf();
        return std::make_shared<planrules::SourceFile>("handlingsplan.schema", ss.str());
    }();
    return file;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto file = std::make_shared<planrules::SourceFile>(
        "fuzz.rules", std::string(reinterpret_cast<const char*>(data), size));
    auto result = planrules::compile_sources({schema(), file});
    for (const auto& d : result.diagnostics)
        if (d.has_span && d.file && (d.span.end > d.file->text().size() || d.span.begin > d.span.end)) std::abort();
    return 0;
}
