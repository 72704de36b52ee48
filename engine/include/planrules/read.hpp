#pragma once
// Reading an input whole, bounded: the one way the library and the command-line tool read a
// plan or a rule file, so that no input can make them read, or hold, more than its limit.

#include <planrules/diagnostics.hpp>

#include <tl/expected.hpp>

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

namespace planrules {

struct InputKind {
    const char* noun;            // in messages: "plan", "rule file" (English: translated where shown)
    const char* too_large_code;  // the diagnostic code when the input is over its limit
    const char* too_large_help;
};
inline constexpr InputKind plan_input{"plan", "plan-too-large",
                                      "raise PlanLimits::max_plan_size if plans this large are expected"};
inline constexpr InputKind rule_input{"rule file", "file-too-large",
                                      "rule files are small; split large rule sets into several files"};

// The whole of `path` ("-": standard input), at most `limit` bytes. A directory or a device
// is refused before it is opened, a regular file larger than the limit before it is read;
// a pipe, a FIFO or standard input is read up to the limit plus one byte, so that an endless
// stream stops there. The diagnostic (code io-error or kind.too_large_code) names the path
// as `display`. `padding`: bytes of room kept after the text, for a caller that pads it in
// place (plan loading) rather than copy it.
[[nodiscard]] tl::expected<std::string, Diagnostic> read_input(const std::filesystem::path& path, std::size_t limit,
                                                               const InputKind& kind, const std::string& display,
                                                               std::size_t padding = 0);

}  // namespace planrules
