// The message catalogue (engine/locale/sv.po): every English text of the code has its Swedish
// text, the Swedish texts keep the English placeholders, and the catalogue holds nothing the
// code no longer says. The English texts are found as gettext's xgettext finds them: the
// string literals of tr("…"), tr_n(…, N_("…"), N_("…")) and N_("…") in the sources, and the
// rows of the tables that are translated where they are shown.

#include "../support.hpp"

#include "builtins/builtins.hpp"
#include "diagnostics/codes.hpp"
#include "syntax/rule_ids.hpp"
#include "syntax/tokens.hpp"
#include "text/catalogue.hpp"

#include <planrules/date.hpp>
#include <planrules/read.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>

namespace fs = std::filesystem;
using namespace planrules;
using planrules::test::read_file;
using planrules::test::source_dir;

namespace {

bool ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// The value of the C string literal at s[i] (s[i] == '"'); i is left after it.
std::string read_literal(const std::string& s, std::size_t& i) {
    std::string out;
    for (++i; i < s.size() && s[i] != '"'; ++i) {
        if (s[i] != '\\' || i + 1 >= s.size()) {
            out += s[i];
            continue;
        }
        switch (s[++i]) {
            case 'n': out += '\n'; break;
            case 't': out += '\t'; break;
            default: out += s[i]; break;  // \" \\ (the sources use no other escapes in texts)
        }
    }
    ++i;
    return out;
}

struct Use {
    std::string text;
    std::string where;  // file:line
};

// The texts marked in one source file: the literals (adjacent ones joined) that open the
// arguments of tr(, tr_n(…, and N_(.
void marked_texts(const fs::path& file, const std::string& shown, std::vector<Use>& out) {
    const std::string s = read_file(file.string());
    for (std::size_t at = 0; at < s.size(); ++at) {
        std::size_t open = std::string::npos;
        if (s.compare(at, 3, "tr(") == 0) open = at + 3;
        else if (s.compare(at, 3, "N_(") == 0) open = at + 3;
        if (open == std::string::npos || (at > 0 && ident_char(s[at - 1]))) continue;
        std::size_t i = open;
        std::string text;
        bool any = false;
        for (;;) {
            while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
            if (i >= s.size() || s[i] != '"') break;
            text += read_literal(s, i);
            any = true;
        }
        if (!any) continue;  // tr(variable): a text from a table, found with the tables
        const auto line = 1 + std::count(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(at), '\n');
        out.push_back({text, fmt::format("{}:{}", shown, line)});
    }
}

std::vector<Use> source_texts() {
    std::vector<Use> out;
    const fs::path root = source_dir();
    for (const char* dir : {"engine/src", "engine/include", "cli", "lsp"}) {
        for (const auto& e : fs::recursive_directory_iterator(root / dir)) {
            const auto ext = e.path().extension();
            if (!e.is_regular_file() || (ext != ".cpp" && ext != ".hpp")) continue;
            // the catalogue's own header names tr and N_ in its comments
            if (e.path().filename() == "catalogue.hpp") continue;
            marked_texts(e.path(), fs::relative(e.path(), root).generic_string(), out);
        }
    }
    return out;
}

// The texts of the tables that are translated where they are shown.
std::vector<Use> table_texts() {
    std::vector<Use> out;
    for (const auto& row : diagnostics::all_codes())
        if (!row.help.empty()) out.push_back({std::string(row.help), fmt::format("code {} (help)", row.code)});
    for (const auto& rule : syntax::detail::rule_table) out.push_back({std::string(rule.what), "rule_ids.hpp"});
    for (const auto& token : syntax::detail::token::table) out.push_back({std::string(token.what), "tokens.hpp"});
    for (const InputKind* kind : {&plan_input, &rule_input}) {
        out.push_back({kind->noun, "read.hpp"});
        out.push_back({kind->too_large_help, "read.hpp"});
    }
    for (int m = 1; m <= 12; ++m) out.push_back({month_name(m), "date.hpp"});
    for (const auto& b : builtins::table()) out.push_back({std::string(b.signature), fmt::format("builtin {}", b.name)});
    return out;
}

// The replacement fields of a format string or text: "{}", "{:02}", "{0}", "{x.FIELD}";
// "{{" and "}}" are braces, not fields.
std::multiset<std::string> fields(std::string_view s) {
    std::multiset<std::string> out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s.compare(i, 2, "{{") == 0 || s.compare(i, 2, "}}") == 0) {
            ++i;
            continue;
        }
        if (s[i] != '{') continue;
        const auto close = s.find('}', i);
        if (close == std::string_view::npos) break;
        std::string field(s.substr(i + 1, close - i - 1));
        // a position ({1}, {0:02}) may reorder the fields; what each shows must not change
        const auto colon = field.find(':');
        const std::string id = field.substr(0, colon);
        if (!id.empty() && std::all_of(id.begin(), id.end(), [](char c) { return c >= '0' && c <= '9'; }))
            field = colon == std::string::npos ? std::string() : field.substr(colon);
        out.insert(field);
        i = close;
    }
    return out;
}

// Formats `s` with four text arguments; nullopt when it is not a format string of that many.
std::optional<std::string> try_format(std::string_view s) {
    try {
        return fmt::format(fmt::runtime(s), 7, 8, 9, 10);
    } catch (const fmt::format_error&) {
        return std::nullopt;
    }
}

}  // namespace

TEST_CASE("catalogue: every text of the code has a Swedish translation", "[catalogue]") {
    std::vector<Use> uses = source_texts();
    const std::vector<Use> tables = table_texts();
    uses.insert(uses.end(), tables.begin(), tables.end());
    REQUIRE(uses.size() > 500);  // the scan found the texts (it would pass vacuously otherwise)
    std::vector<std::string> missing;
    for (const auto& u : uses) {
        const std::string_view sv = text::translate(Language::sv, u.text);
        if (sv.data() == u.text.data()) {  // not in the catalogue (an entry may say the same: "ok")
            // a text without words need not be there: "')'", "{}(…)"
            const bool words = std::any_of(u.text.begin(), u.text.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
            if (words) missing.push_back(fmt::format("{}: \"{}\"", u.where, u.text));
        }
    }
    INFO("texts without Swedish (add them to engine/locale/sv.po):\n" << fmt::format("{}", fmt::join(missing, "\n")));
    CHECK(missing.empty());
}

TEST_CASE("catalogue: every diagnostic code has its help in Swedish", "[catalogue]") {
    for (const auto& row : diagnostics::all_codes()) {
        if (row.help.empty()) continue;
        INFO(row.code);
        const std::string_view sv = text::translate(Language::sv, row.help);
        CHECK(sv != row.help);
        CHECK(!sv.empty());
    }
}

TEST_CASE("catalogue: the Swedish texts keep the English placeholders and format", "[catalogue]") {
    const auto entries = text::catalogue(Language::sv);
    REQUIRE(entries.size() > 500);
    std::set<std::string_view> seen;
    for (const auto& e : entries) {
        if (e.english.empty()) continue;  // the header
        INFO("msgid \"" << e.english << "\"\nmsgstr \"" << e.translation << "\"");
        CHECK(seen.insert(e.english).second);  // each English text once
        CHECK(!e.translation.empty());
        // a format string in English is one in Swedish too, with the same fields (a text that
        // is shown as it stands, such as a code's help, may translate its examples: {x.FÄLT})
        if (try_format(e.english)) {
            CHECK(fields(e.translation) == fields(e.english));
            CHECK(try_format(e.translation).has_value());
        }
    }
}

TEST_CASE("catalogue: the catalogue holds no text the code no longer has", "[catalogue]") {
    std::set<std::string> used;
    for (const auto& u : source_texts()) used.insert(u.text);
    for (const auto& u : table_texts()) used.insert(u.text);
    std::vector<std::string> stale;
    for (const auto& e : text::catalogue(Language::sv))
        if (!e.english.empty() && !used.count(std::string(e.english))) stale.push_back(std::string(e.english));
    INFO("remove from engine/locale/sv.po:\n" << fmt::format("{}", fmt::join(stale, "\n")));
    CHECK(stale.empty());
}

TEST_CASE("catalogue: tr formats in the thread's language and falls back to English", "[catalogue]") {
    CHECK(text::tr("unknown field '{}' in {}", "x", "Plan") == "unknown field 'x' in Plan");
    {
        const text::LanguageScope sv(Language::sv);
        CHECK(text::current_language() == Language::sv);
        CHECK(text::tr("unknown field '{}' in {}", "x", "Plan") == "okänt fält 'x' i Plan");
        CHECK(text::tr_n(1, "{} file", "{} files") == "1 fil");
        CHECK(text::tr_n(3, "{} file", "{} files") == "3 filer");
        // a text the catalogue lacks stays English
        CHECK(text::translate("no such text in the catalogue") == "no such text in the catalogue");
        {
            const text::LanguageScope en(Language::en);
            CHECK(text::tr("unknown name '{}'", "y") == "unknown name 'y'");
        }
        CHECK(text::tr("unknown name '{}'", "y") == "okänt namn 'y'");
    }
    CHECK(text::current_language() == Language::en);
}

TEST_CASE("language: from a name or a locale, and from the environment as gettext reads it", "[catalogue]") {
    CHECK(parse_language("sv") == Language::sv);
    CHECK(parse_language("sv_SE.UTF-8") == Language::sv);
    CHECK(parse_language("sv-FI") == Language::sv);
    CHECK(parse_language("en_GB.UTF-8") == Language::en);
    CHECK(parse_language("en") == Language::en);
    CHECK_FALSE(parse_language("de_DE").has_value());
    CHECK_FALSE(parse_language("").has_value());
    CHECK_FALSE(parse_language("svenska").has_value());
    CHECK(language_code(Language::sv) == "sv");

    struct Saved {
        std::map<std::string, std::optional<std::string>> values;
        Saved() {
            for (const char* v : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
                const char* x = std::getenv(v);
                values[v] = x ? std::optional<std::string>(x) : std::nullopt;
            }
        }
        ~Saved() {
            for (auto& [k, v] : values) v ? setenv(k.c_str(), v->c_str(), 1) : unsetenv(k.c_str());
        }
    } saved;
    unsetenv("LC_ALL");
    unsetenv("LC_MESSAGES");
    setenv("LANG", "sv_SE.UTF-8", 1);
    CHECK(language_from_environment() == Language::sv);
    setenv("LC_MESSAGES", "en_US.UTF-8", 1);  // LC_MESSAGES before LANG
    CHECK(language_from_environment() == Language::en);
    setenv("LC_ALL", "sv_SE", 1);  // LC_ALL before both
    CHECK(language_from_environment() == Language::sv);
    setenv("LC_ALL", "", 1);  // empty is not set
    CHECK(language_from_environment() == Language::en);
    setenv("LC_MESSAGES", "C", 1);  // a locale of no language of the catalogue: English
    CHECK(language_from_environment() == Language::en);
    unsetenv("LC_ALL");
    unsetenv("LC_MESSAGES");
    unsetenv("LANG");
    CHECK(language_from_environment() == Language::en);
}
