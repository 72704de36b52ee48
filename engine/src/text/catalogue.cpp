// The message catalogue: the table the build makes of engine/locale/sv.po, looked up by the
// English text.

#include "text/catalogue.hpp"

#include <algorithm>
#include <cstdlib>
#include <vector>

namespace planrules {

std::string_view language_code(Language language) noexcept { return language == Language::sv ? "sv" : "en"; }

std::optional<Language> parse_language(std::string_view name) noexcept {
    const std::string_view lang = name.substr(0, name.find_first_of("_-.@"));
    if (lang == "sv") return Language::sv;
    if (lang == "en") return Language::en;
    return std::nullopt;
}

Language language_from_environment() noexcept {
    for (const char* variable : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* value = std::getenv(variable);
        if (value && *value) return parse_language(value).value_or(Language::en);
    }
    return Language::en;
}

namespace text {

namespace {

// The entries of sv.po: {"", header}, then {msgid, msgstr} in the order of the file.
constexpr CatalogueEntry swedish_entries[] = {
#include "catalogue_sv.inc"
};

thread_local Language thread_language = Language::en;

struct Index {
    std::vector<CatalogueEntry> sorted;  // by English text; without the header and untranslated entries
    explicit Index(std::span<const CatalogueEntry> entries) {
        for (const auto& e : entries)
            if (!e.english.empty() && !e.translation.empty()) sorted.push_back(e);
        std::stable_sort(sorted.begin(), sorted.end(),
                         [](const CatalogueEntry& a, const CatalogueEntry& b) { return a.english < b.english; });
    }
    [[nodiscard]] const CatalogueEntry* find(std::string_view english) const noexcept {
        auto it = std::lower_bound(sorted.begin(), sorted.end(), english,
                                   [](const CatalogueEntry& e, std::string_view s) { return e.english < s; });
        return it != sorted.end() && it->english == english ? &*it : nullptr;
    }
};

const Index& swedish_index() {
    static const Index index{std::span<const CatalogueEntry>(swedish_entries).subspan(1)};
    return index;
}

}  // namespace

std::span<const CatalogueEntry> catalogue(Language language) noexcept {
    if (language == Language::sv) return std::span<const CatalogueEntry>(swedish_entries).subspan(1);
    return {};
}

Language current_language() noexcept { return thread_language; }

LanguageScope::LanguageScope(Language language) noexcept : previous_(thread_language) { thread_language = language; }
LanguageScope::~LanguageScope() { thread_language = previous_; }

std::string_view translate(Language language, std::string_view english) noexcept {
    if (language == Language::en || english.empty()) return english;
    try {
        const CatalogueEntry* e = swedish_index().find(english);
        return e ? e->translation : english;
    } catch (...) {  // the index could not be built (out of memory): English
        return english;
    }
}

}  // namespace text
}  // namespace planrules
