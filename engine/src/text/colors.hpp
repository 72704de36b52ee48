#pragma once
// The colours of the text outputs (diagnostics, reports, rule tests), by what they mark, and
// the one way to apply them: fmt's text styles, only when colour is on (a terminal).

#include <fmt/color.h>
#include <fmt/format.h>

#include <string>
#include <string_view>

namespace planrules::detail::colors {

inline const fmt::text_style error = fmt::emphasis::bold | fmt::fg(fmt::terminal_color::red);
inline const fmt::text_style warning = fmt::emphasis::bold | fmt::fg(fmt::terminal_color::yellow);
inline const fmt::text_style note = fmt::emphasis::bold | fmt::fg(fmt::terminal_color::cyan);  // and info
inline const fmt::text_style gutter = fmt::emphasis::bold | fmt::fg(fmt::terminal_color::blue);  // line numbers
inline const fmt::text_style strong = fmt::emphasis::bold;
inline const fmt::text_style passed = fmt::fg(fmt::terminal_color::green);

// `text` in `style` when `on`, else as it is.
[[nodiscard]] inline std::string paint(bool on, const fmt::text_style& style, std::string_view text) {
    return on ? fmt::format(style, "{}", text) : std::string(text);
}

}  // namespace planrules::detail::colors
