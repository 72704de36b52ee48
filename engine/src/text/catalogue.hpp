#pragma once
// The message catalogue (internal): every text for people is written in English in the code,
// through tr() or, for the rows of a table, translated with translate() where it is shown.
// The Swedish texts are in engine/locale/sv.po, a gettext catalogue that translators' tools
// read; the build turns it into a table (cmake/po_to_table.cmake). An English text the
// catalogue lacks is shown in English; tests/text/test_catalogue.cpp fails for any.
//
// The language is the thread's: each public entry function that writes texts sets it from its
// options with a LanguageScope, for the length of the call, so that the stages need not pass it.

#include <planrules/language.hpp>

#include <fmt/format.h>

#include <span>
#include <string>
#include <string_view>

namespace planrules::text {

struct CatalogueEntry {
    std::string_view english;
    std::string_view translation;
};

// The entries of a language's catalogue (none for English), in the order of its file; the
// first is the file's header, whose English text is empty.
[[nodiscard]] std::span<const CatalogueEntry> catalogue(Language language) noexcept;

// The language texts are written in on this thread (English unless a scope says otherwise).
[[nodiscard]] Language current_language() noexcept;

// Sets the thread's language until the scope ends.
class LanguageScope {
public:
    explicit LanguageScope(Language language) noexcept;
    ~LanguageScope();
    LanguageScope(const LanguageScope&) = delete;
    LanguageScope& operator=(const LanguageScope&) = delete;

private:
    Language previous_;
};

// Marks a text of a table for the catalogue without translating it (gettext's N_): the text is
// translated with translate() where it is shown.
[[nodiscard]] constexpr const char* N_(const char* english) noexcept { return english; }

// `english` in `language`, or `english` itself when the catalogue has no translation.
[[nodiscard]] std::string_view translate(Language language, std::string_view english) noexcept;
[[nodiscard]] inline std::string_view translate(std::string_view english) noexcept {
    return translate(current_language(), english);
}

// Formats `english` (an fmt format string, checked when compiled) in the thread's language.
// The translation has the same {} as the English text, in any order ({1} … {0}); one that
// does not format falls back to the English text.
template <typename... Args>
[[nodiscard]] std::string tr(fmt::format_string<Args...> english, Args&&... args) {
    const fmt::string_view format = english;
    const std::string_view en(format.data(), format.size());
    const std::string_view local = translate(en);
    if (local.data() != en.data()) {
        try {
            return fmt::vformat(local, fmt::make_format_args(args...));
        } catch (const fmt::format_error&) {
        }
    }
    return fmt::vformat(en, fmt::make_format_args(args...));
}

// A count in the thread's language, as ngettext does it: `one` for 1, else `many`; both are
// English texts with one {} for the number (N_("{} file"), N_("{} files")).
[[nodiscard]] inline std::string tr_n(std::size_t n, const char* one, const char* many) {
    const char* english = n == 1 ? one : many;
    try {
        return fmt::format(fmt::runtime(translate(english)), n);
    } catch (const fmt::format_error&) {
        return fmt::format(fmt::runtime(english), n);
    }
}

}  // namespace planrules::text
