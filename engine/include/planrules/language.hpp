#pragma once
// The language of the texts planrules writes for people: diagnostics and their help, the
// output of the tool's commands, the texts of reports. Codes, JSON keys and exit statuses are
// the same in every language. The texts are English in the code and translated by the message
// catalogue of each language (engine/locale/LANG.po).

#include <optional>
#include <string_view>

namespace planrules {

enum class Language : unsigned char { en, sv };

// "en" or "sv".
[[nodiscard]] std::string_view language_code(Language language) noexcept;

// A language from "sv", "en", or a locale name such as "sv_SE.UTF-8", "sv-SE" or "en_GB";
// nullopt for any other.
[[nodiscard]] std::optional<Language> parse_language(std::string_view name) noexcept;

// The language of the environment, as gettext chooses it: the first of LC_ALL, LC_MESSAGES
// and LANG that is set and not empty; Swedish for a Swedish locale (sv_*), else English.
[[nodiscard]] Language language_from_environment() noexcept;

}  // namespace planrules
