// The keyword table (engine/src/syntax/keywords.hpp): what the grammar reserves, where it resumes
// after an error, and what the formatter and the fuzz dictionary know, all from the one table.

#include "syntax/keywords.hpp"
#include "syntax/syntax_helpers.hpp"

#include <planrules/syntax/format.hpp>
#include <planrules/syntax/parser.hpp>

using namespace planrules;
using namespace planrules::test;

TEST_CASE("keywords: a reserved word is not a name, any other is", "[syntax][keywords]") {
    for (const auto& k : syntax::keywords::table) {
        INFO(k.word);
        CHECK(syntax::is_reserved_word(k.word) == k.reserved);
        auto r = parse(fmt::format("ruleset t \"T\"\ndefine {} = 1\n", k.word));
        CHECK(count_severity(r.diagnostics, DiagnosticSeverity::error) > 0);
    }
    CHECK_FALSE(syntax::is_reserved_word("aktiviteter"));
    CHECK(count_severity(parse("ruleset t \"T\"\ndefine aktiviteter = 1\n").diagnostics, DiagnosticSeverity::error) == 0);
}

TEST_CASE("keywords: the parser resumes at every declaration word", "[syntax][keywords]") {
    for (const auto& k : syntax::keywords::table) {
        if (!k.declaration) continue;
        INFO(k.word);
        // a broken define, then the declaration word alone: parsing resumes at the word, so the
        // incomplete declaration is a second error of its own (skipped, it would be none)
        auto r = parse(fmt::format("ruleset t \"T\"\ndefine = \n{}\n", k.word));
        REQUIRE(!r.diagnostics.empty());
        const auto& first = r.diagnostics.front();
        CHECK(first.file->position(first.span.begin).line == 2);
        bool later = false;
        for (const auto& d : r.diagnostics)
            later |= d.severity == DiagnosticSeverity::error && d.file->position(d.span.begin).line >= 3;
        CHECK(later);
    }
}

TEST_CASE("keywords: every keyword is in the fuzz dictionary", "[syntax][keywords]") {
    const std::string dict = read_file(source_dir() + "/fuzz/rules.dict");
    for (const auto& k : syntax::keywords::table) {
        INFO(k.word);
        CHECK(dict.find("\"" + std::string(k.word) + "\"") != std::string::npos);
    }
}

TEST_CASE("keywords: a misspelt declaration word gets the right one offered", "[syntax][keywords]") {
    for (const auto& k : syntax::keywords::table) {
        if (!k.declaration || k.word.size() < 4) continue;
        INFO(k.word);
        std::string typo(k.word);
        typo.erase(2, 1);  // one letter left out
        auto r = parse(fmt::format("ruleset t \"T\"\n{} x\n", typo));
        bool offered = false;
        for (const auto& d : r.diagnostics) offered |= d.help.find("'" + std::string(k.word) + "'") != std::string::npos;
        CHECK(offered);
    }
}
