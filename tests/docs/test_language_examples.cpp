// The examples in docs/language.md are tested, so that the reference cannot drift from
// the language as built. Every fenced code block carries a tag:
//
//   ```rules          a rule file (without a `schema` line) that compiles without errors
//                     together with rules/handlingsplan.schema; a block without a
//                     `ruleset` line gets `ruleset docs.example "Example"` prepended, and a
//                     block that names af.forordning is compiled with rules/af/forordning.rules
//                     as well (for `extends` and `override`)
//   ```rules-error    the same, but it must produce at least one error; a second word in the
//                     info string (```rules-error unknown-field) names the expected code
//   ```schema         a schema file that compiles without errors on its own
//   ```expr           one or more expressions, separated by blank lines, each of which
//                     parses (planrules::test::parse_expr)
//   ```expr-error     expressions that each fail to parse; an optional second word names
//                     the expected code
//   ```text, ```json, ```console, ```cpp   not tested
//
// An untagged block or an unknown tag is an error, so that a typo (```rule) cannot
// silently turn an example off.

#include "support.hpp"

#include <algorithm>
#include <sstream>

using namespace planrules;
using namespace planrules::test;

namespace {

const std::string doc_path = "docs/language.md";

struct Block {
    std::string tag;       // first word of the info string
    std::string expected;  // second word, if any: the diagnostic code an error block must give
    std::size_t line = 0;  // line of the opening fence (1-based)
    std::string text;
    bool closed = false;
};

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

std::vector<Block> fenced_blocks(const std::string& markdown) {
    std::vector<Block> blocks;
    std::istringstream in(markdown);
    std::string line;
    std::size_t number = 0;
    Block* open = nullptr;
    while (std::getline(in, line)) {
        ++number;
        std::string_view l = trim(line);
        if (!starts_with(l, "```")) {
            if (open) open->text += line + "\n";
            continue;
        }
        if (open) {
            open->closed = true;
            open = nullptr;
            continue;
        }
        Block b;
        b.line = number;
        std::istringstream info{std::string(l.substr(3))};
        info >> b.tag >> b.expected;
        blocks.push_back(std::move(b));
        open = &blocks.back();
    }
    return blocks;
}

bool is_tested(const std::string& tag) {
    return tag == "rules" || tag == "rules-error" || tag == "schema" || tag == "expr" || tag == "expr-error";
}

bool is_known(const std::string& tag) {
    return is_tested(tag) || tag == "text" || tag == "json" || tag == "console" || tag == "cpp";
}

// Is there a line that starts with `word` (a clause or declaration keyword)?
bool has_line_starting(const std::string& text, std::string_view word) {
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        std::string_view l = trim(line);
        if (starts_with(l, word) && (l.size() == word.size() || l[word.size()] == ' ')) return true;
    }
    return false;
}

bool has_ruleset_line(const std::string& text) { return has_line_starting(text, "ruleset"); }

// A rule example as the test compiles it.
Compilation compile_example(const std::string& block) {
    std::string text = has_ruleset_line(block) ? block : "ruleset docs.example \"Example\"\n" + block;
    if (text.find("af.forordning") == std::string::npos) return compile_with_schema(text);
    // Layering examples build on the national rule set; its `schema "../handlingsplan.schema"`
    // resolves to the schema source below.
    auto schema = source(read_file(source_dir() + "/rules/handlingsplan.schema"), "handlingsplan.schema");
    auto af = source(read_file(source_dir() + "/rules/af/forordning.rules"), "af/forordning.rules");
    return compile_sources({schema, af, source(text)});
}

// The expressions of an ```expr block: chunks separated by blank lines, without
// chunks that are only comments.
std::vector<std::string> expression_chunks(const std::string& text) {
    std::vector<std::string> chunks;
    std::istringstream in(text);
    std::string line, chunk;
    bool has_code = false;
    auto flush = [&] {
        if (has_code) chunks.push_back(chunk);
        chunk.clear();
        has_code = false;
    };
    while (std::getline(in, line)) {
        std::string_view l = trim(line);
        if (l.empty()) {
            flush();
            continue;
        }
        chunk += line + "\n";
        if (l.front() != '#') has_code = true;
    }
    flush();
    return chunks;
}

std::string describe(const Diagnostics& ds) {
    return ds.empty() ? std::string("(no diagnostics)") : render_text(ds);
}

const std::vector<Block>& document_blocks() {
    static const std::vector<Block> blocks = fenced_blocks(read_file(source_dir() + "/" + doc_path));
    return blocks;
}

}  // namespace

TEST_CASE("docs/language.md exists and its code blocks are well formed", "[docs]") {
    const auto& blocks = document_blocks();
    REQUIRE_FALSE(blocks.empty());
    for (const auto& b : blocks) {
        INFO(doc_path << ":" << b.line << ": ```" << b.tag);
        CHECK(b.closed);
        CHECK_FALSE(b.tag.empty());  // every block says what it is
        CHECK(is_known(b.tag));
    }
}

TEST_CASE("docs/language.md has at least 30 tested examples", "[docs]") {
    const auto& blocks = document_blocks();
    auto tested = std::count_if(blocks.begin(), blocks.end(), [](const Block& b) { return is_tested(b.tag); });
    INFO(tested << " tested blocks");
    CHECK(tested >= 30);
}

TEST_CASE("the examples in docs/language.md compile as documented", "[docs]") {
    for (const auto& b : document_blocks()) {
        if (!is_tested(b.tag)) continue;
        DYNAMIC_SECTION("```" << b.tag << " block at " << doc_path << ":" << b.line) {
            INFO("the block:\n" << b.text);
            if (b.tag == "rules") {
                // the schema is the one of rules/: an example must not name another
                CHECK_FALSE(has_line_starting(b.text, "schema"));
                auto c = compile_example(b.text);
                INFO(describe(c.diagnostics));
                CHECK_FALSE(has_errors(c.diagnostics));
            } else if (b.tag == "rules-error") {
                auto c = compile_example(b.text);
                INFO(describe(c.diagnostics));
                CHECK(has_errors(c.diagnostics));
                if (!b.expected.empty()) {
                    auto errors = error_codes(c.diagnostics);
                    CHECK(std::find(errors.begin(), errors.end(), b.expected) != errors.end());
                }
            } else if (b.tag == "schema") {
                auto c = compile_sources({source(b.text, "example.schema")});
                INFO(describe(c.diagnostics));
                CHECK_FALSE(has_errors(c.diagnostics));
            } else {
                auto chunks = expression_chunks(b.text);
                CHECK_FALSE(chunks.empty());
                for (const auto& chunk : chunks) {
                    Diagnostics diags;
                    auto e = parse_expr(chunk, &diags);
                    INFO("expression: " << chunk << describe(diags));
                    if (b.tag == "expr") {
                        CHECK(e.has_value());
                        CHECK_FALSE(has_errors(diags));
                    } else {
                        CHECK((!e.has_value() || has_errors(diags)));
                        if (!b.expected.empty()) CHECK(has_code(diags, b.expected));
                    }
                }
            }
        }
    }
}
