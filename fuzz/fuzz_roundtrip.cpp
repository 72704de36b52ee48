// Fuzz target: rule text → parse → format → parse. For every input that parses without
// errors, the formatted text must parse to the same syntax tree (positions aside), and
// formatting it again must change nothing. format_file refuses rather than change meaning
// (format-changed-meaning); here that refusal is itself a finding.

#include <planrules/syntax/format.hpp>
#include <planrules/syntax/parser.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto file = std::make_shared<planrules::SourceFile>(
        "fuzz.rules", std::string(reinterpret_cast<const char*>(data), size));
    auto parsed = planrules::syntax::parse_file(file);
    auto result = planrules::syntax::format_file(file);
    if (planrules::has_errors(parsed.diagnostics)) {
        if (result.text) std::abort();  // a file with syntax errors is never formatted
        return 0;
    }
    if (!result.text) {
        for (const auto& d : result.diagnostics) std::fprintf(stderr, "%s: %s\n", d.code.c_str(), d.message.c_str());
        std::abort();
    }
    auto again_file = std::make_shared<planrules::SourceFile>("fuzz.rules", *result.text);
    auto again = planrules::syntax::parse_file(again_file);
    if (planrules::has_errors(again.diagnostics)) std::abort();
    if (planrules::syntax::fingerprint(again.file, *again_file) != planrules::syntax::fingerprint(parsed.file, *file))
        std::abort();
    auto twice = planrules::syntax::format_file(again_file);
    if (!twice.text || *twice.text != *result.text) std::abort();  // idempotent
    return 0;
}
