// planrules fmt: the canonical layout, comments kept, idempotence, and meaning never changed
// (parse, format, parse again and compare the syntax trees), for every file in rules/.

#include "support.hpp"

#include <planrules/syntax/format.hpp>

#include <filesystem>

using namespace planrules;

namespace {

std::string formatted(std::string_view text) {
    auto r = syntax::format_file(test::source(text));
    if (!r.text) FAIL(render_text(r.diagnostics));
    return *r.text;
}

std::string fingerprint_of(std::string_view text) {
    auto file = test::source(text);
    auto parsed = syntax::parse_file(file);
    REQUIRE_FALSE(has_errors(parsed.diagnostics));
    return syntax::fingerprint(parsed.file, *file);
}

std::vector<std::filesystem::path> shipped_rule_files() {
    std::vector<std::filesystem::path> out;
    for (const auto& e : std::filesystem::recursive_directory_iterator(test::source_dir() + "/rules")) {
        auto ext = e.path().extension();
        if (ext == ".rules" || ext == ".schema" || ext == ".test") out.push_back(e.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::size_t count_of(std::string_view text, std::string_view part) {
    std::size_t n = 0;
    for (auto at = text.find(part); at != std::string_view::npos; at = text.find(part, at + part.size())) ++n;
    return n;
}

}  // namespace

TEST_CASE("fmt: every shipped rule file keeps its meaning, is idempotent and is already formatted", "[fmt]") {
    auto files = shipped_rule_files();
    REQUIRE(files.size() >= 10);
    for (const auto& path : files) {
        CAPTURE(path.string());
        std::string text = test::read_file(path.string());
        std::string once = formatted(text);
        CHECK(fingerprint_of(once) == fingerprint_of(text));
        CHECK(formatted(once) == once);
        CHECK(count_of(once, "#") == count_of(text, "#"));  // comments (and # in strings) kept
        CHECK(once == text);  // rules/ is kept formatted (ctest rules.fmt_check says so too)
    }
}

TEST_CASE("fmt: a messy file gets the canonical layout", "[fmt]") {
    const std::string messy =
        "ruleset   t.x \"T\"   \r\n"
        " extends  a.b ,c.d\n"
        "\n\n\n"
        "define f( x :list< list <int> > ,y: date? )=count( x)+ - 1\n"
        "# about R\n"
        "\n"
        "  # more\n"
        "rule  R-1.2 \"t\"\n"
        "severity error\n"
        "   in force from 2024-01-01\n"
        "      when not(plan.version>-1)and[1,2]!=[]\n"
        "  require plan.version in[ 1 , -2 ] or\n"
        "plan.version *(-3)>= 2\n"
        " message \"{ if true then \"a\" else \"b\" }\"   # c\n"
        "test \"x\"\n"
        "as of 2024-01-01\n"
        "  plan {\"id\":   \"x\",   \n"
        "     \"y\": [1,\n"
        "   2]}\n"
        "expect only R-1.2 , R-1.2\n"
        "      expect no R-1.2\n"
        "override R-1.2 severity warning\n"
        "type T {\n"
        "a: list<int>\n"
        "     b: int? sensitive\n"
        "     }\n"
        "enum E {a,b}\n"
        "\n\n";
    const std::string expected =
        "ruleset t.x \"T\"\n"
        "  extends a.b, c.d\n"
        "\n"
        "define f(x: list<list<int>>, y: date?) = count(x) + -1\n"
        "\n"
        "# about R\n"
        "\n"
        "# more\n"
        "rule R-1.2 \"t\"\n"
        "  severity error\n"
        "  in force from 2024-01-01\n"
        "  when not (plan.version > -1) and [1, 2] != []\n"
        "  require plan.version in [1, -2] or\n"
        "    plan.version * (-3) >= 2\n"
        "  message \"{ if true then \"a\" else \"b\" }\"  # c\n"
        "\n"
        "test \"x\"\n"
        "  as of 2024-01-01\n"
        "  plan {\"id\":   \"x\",\n"
        "     \"y\": [1,\n"
        "   2]}\n"
        "  expect only R-1.2, R-1.2\n"
        "  expect no R-1.2\n"
        "\n"
        "override R-1.2 severity warning\n"
        "\n"
        "type T {\n"
        "  a: list<int>\n"
        "  b: int? sensitive\n"
        "}\n"
        "enum E { a, b }\n";
    CHECK(formatted(messy) == expected);
    CHECK(formatted(expected) == expected);
    CHECK(fingerprint_of(expected) == fingerprint_of(messy));
}

TEST_CASE("fmt: continuation lines, unary minus, calls and aggregates", "[fmt]") {
    CHECK(formatted("define x =\nif present(plan.senast_reviderad)then plan.senast_reviderad else plan.upprattad_datum\n") ==
          "define x =\n  if present(plan.senast_reviderad) then plan.senast_reviderad else plan.upprattad_datum\n");
    CHECK(formatted("define y = sum( r.sokta_arbeten for r in plan.aktivitetsrapporter where present( r.inlamnad ) )\n") ==
          "define y = sum(r.sokta_arbeten for r in plan.aktivitetsrapporter where present(r.inlamnad))\n");
    CHECK(formatted("define z = -plan.version - -1 * (- 2)\n") == "define z = -plan.version - -1 * (-2)\n");
    CHECK(formatted("define w = exists a in plan.aktiviteter where(a.status == \"pagaende\")\n") ==
          "define w = exists a in plan.aktiviteter where (a.status == \"pagaende\")\n");
    // a rule's clause continued over lines: 4 spaces, whatever the author wrote
    CHECK(formatted("rule R-1 \"t\"\n  severity error\n  require plan.version > 1\n          and plan.version < 9\n"
                    "  message \"m\"\n") ==
          "rule R-1 \"t\"\n  severity error\n  require plan.version > 1\n    and plan.version < 9\n  message \"m\"\n");
    // a line starting with `in` or `if` that is not `in force` / `if missing` continues
    CHECK(formatted("rule R-1 \"t\"\n  severity error\n  require plan.status\n  in [\"utkast\"]\n  if missing pass\n"
                    "  message \"m\"\n") ==
          "rule R-1 \"t\"\n  severity error\n  require plan.status\n    in [\"utkast\"]\n  if missing pass\n"
          "  message \"m\"\n");
}

TEST_CASE("fmt: blank lines, BOM, CRLF and the end of the file", "[fmt]") {
    CHECK(formatted("\xEF\xBB\xBF# x\r\ndefine a = 1\r\n") == "# x\ndefine a = 1\n");
    CHECK(formatted("\n\n\ndefine a = 1\n\n\n\ndefine b = 2") == "define a = 1\n\ndefine b = 2\n");
    CHECK(formatted("define a = 1\ndefine b = 2\n") == "define a = 1\ndefine b = 2\n");  // defines may stay together
    CHECK(formatted("define a = 1\nrule R-1 \"t\"\n  message \"m\"\n# end\n\n\n") ==
          "define a = 1\n\nrule R-1 \"t\"\n  message \"m\"\n# end\n");
    CHECK(formatted("") == "");
    CHECK(formatted("# only a comment   \t\n") == "# only a comment\n");
}

TEST_CASE("fmt: a comment runs to the line feed, past a lone carriage return, for the parser and fmt alike",
          "[fmt]") {
    // (found by fuzz_roundtrip: the parser ended a comment at a lone CR, fmt's lexer at LF)
    const std::string text = "define a = 1 # x\rdefine b = 2\ndefine c = 3\n";
    auto parsed = syntax::parse_file(test::source(text));
    REQUIRE_FALSE(has_errors(parsed.diagnostics));
    CHECK(parsed.file.decls.size() == 2);  // a and c: "define b = 2" is part of the comment
    CHECK(fingerprint_of(formatted(text)) == fingerprint_of(text));
    CHECK(formatted(formatted(text)) == formatted(text));
    // the fuzzer's input: a test whose name and inline plan follow comments with lone CRs
    std::string fuzz = test::read_file(test::source_dir() + "/fuzz/corpus/regressions/fmt-comment-lone-cr.rules");
    auto fp = syntax::parse_file(test::source(fuzz));
    if (!has_errors(fp.diagnostics)) CHECK(fingerprint_of(formatted(fuzz)) == fingerprint_of(fuzz));
}

TEST_CASE("fmt: a rule set name segment that starts with a digit stays one word", "[fmt]") {
    // (found by fuzz_roundtrip: fmt's lexer read kommun.0y as a number and a word, and spaced them)
    CHECK(formatted("ruleset k.0y \"t\"\n") == "ruleset k.0y \"t\"\n");
    CHECK(formatted("ruleset kommun.0180 \"t\"\n  extends a.b1, k.0y\n") ==
          "ruleset kommun.0180 \"t\"\n  extends a.b1, k.0y\n");
    std::string fuzz = test::read_file(test::source_dir() + "/fuzz/corpus/regressions/fmt-ruleset-name-digit-segment.rules");
    auto parsed = syntax::parse_file(test::source(fuzz));
    REQUIRE_FALSE(has_errors(parsed.diagnostics));
    CHECK(fingerprint_of(formatted(fuzz)) == fingerprint_of(fuzz));
    CHECK(formatted(formatted(fuzz)) == formatted(fuzz));
}

TEST_CASE("fmt: strings, messages and inline JSON are kept exactly", "[fmt]") {
    const std::string rule = "rule R-1 \"  två  mellanslag  \"\n  severity error\n  source \"a  #  b\"\n"
                             "  message \"{count(plan.aktiviteter)}  st, \\\"citat\\\" \\{ {if true then \"x  y\" else \"z\"}\"\n";
    CHECK(formatted(rule) == rule);
    const std::string test = "test \"t\"\n  as of 2024-01-01\n  plan { \"a\" : \"} { ] [\",\n"
                             "          \"b\":[ 1 ,2 ] }\n  expect nothing\n";
    CHECK(formatted(test) == test);
    // a line break inside a JSON string (invalid JSON, but the parser finds the block's end the
    // same way): the text in the string, trailing spaces included, is not touched
    const std::string broken_json = "test \"t\"\n  plan {\"a\": \"x   \n y\"}\n  expect nothing\n";
    CHECK(formatted(broken_json) == broken_json);
    CHECK(fingerprint_of("test \"t\"\n  plan {\"a\": \"x \"}\n  expect nothing\n") !=
          fingerprint_of("test \"t\"\n  plan {\"a\": \"x\"}\n  expect nothing\n"));
}

TEST_CASE("fmt: a file with syntax errors is not formatted", "[fmt]") {
    auto r = syntax::format_file(test::source("rule R-1 \"t\"\n  require plan.version >\n  message \"m\"\n"));
    CHECK_FALSE(r.text.has_value());
    REQUIRE_FALSE(r.diagnostics.empty());
    CHECK(has_errors(r.diagnostics));
    CHECK(r.diagnostics.front().file != nullptr);
}

TEST_CASE("fmt: the fingerprint tells different meanings apart", "[fmt]") {
    // a check that compared nothing would pass every file; these must differ
    CHECK(fingerprint_of("define a = 1 + 2 * 3\n") != fingerprint_of("define a = (1 + 2) * 3\n"));
    CHECK(fingerprint_of("define a = 1 + 2 * 3\n") == fingerprint_of("define a = 1+(2*3)\n"));
    CHECK(fingerprint_of("define a = 1.50\n") != fingerprint_of("define a = 1.5\n"));
    CHECK(fingerprint_of("rule R-1 \"t\"\n  message \"a b\"\n") != fingerprint_of("rule R-1 \"t\"\n  message \"a  b\"\n"));
    CHECK(fingerprint_of("test \"t\"\n  plan {\"a\": 1}\n  expect nothing\n") !=
          fingerprint_of("test \"t\"\n  plan {\"a\": 2}\n  expect nothing\n"));
    CHECK(fingerprint_of("test \"t\"\n  plan {\"a\": 1}\n  expect nothing\n") ==
          fingerprint_of("test \"t\"\n  plan { \"a\" :\n 1 }\n  expect nothing\n"));
    CHECK(fingerprint_of("rule R-1 \"t\"\n  severity error\n") != fingerprint_of("rule R-1 \"t\"\n  severity warning\n"));
    CHECK(fingerprint_of("type T {\n  a: int?\n}\n") != fingerprint_of("type T {\n  a: int\n}\n"));
    CHECK(fingerprint_of("test \"t\"\n  expect no R-1\n") != fingerprint_of("test \"t\"\n  expect R-1\n"));
}

TEST_CASE("fmt: the documentation's examples format without changing meaning", "[fmt]") {
    std::size_t blocks = 0;
    for (const char* doc : {"/docs/language.md", "/docs/policy-guide.md"}) {
        std::string text = test::read_file(test::source_dir() + doc);
        for (std::size_t at = text.find("```rules\n"); at != std::string::npos; at = text.find("```rules\n", at)) {
            at += 9;
            std::size_t end = text.find("```", at);
            REQUIRE(end != std::string::npos);
            std::string block = text.substr(at, end - at);
            CAPTURE(doc, block);
            ++blocks;
            std::string once = formatted(block);
            CHECK(fingerprint_of(once) == fingerprint_of(block));
            CHECK(formatted(once) == once);
        }
    }
    CHECK(blocks >= 20);
}
