// Fuzz target: rule text → parser. Must never crash, hang or throw; every diagnostic
// span lies inside the input.

#include <planrules/syntax/parser.hpp>

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto file = std::make_shared<planrules::SourceFile>(
        "fuzz.rules", std::string(reinterpret_cast<const char*>(data), size));
    auto result = planrules::syntax::parse_file(file);
    for (const auto& d : result.diagnostics)
        if (d.has_span && (d.span.begin > size || d.span.end > size || d.span.begin > d.span.end)) std::abort();
    return 0;
}
