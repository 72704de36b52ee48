// The language server in process: messages in through Server::receive, what it sends read
// back as JSON. The documents are the shipped rules, opened with the editor's text (never
// written to disk), so the analyses are those of the real rule tree.

#include "support.hpp"

#include "lsp/protocol.hpp"
#include "lsp/server.hpp"

#include <planrules/syntax/format.hpp>

#include <simdjson.h>

#include <fstream>
#include <sstream>

using namespace planrules;
using planrules::test::read_file;
using planrules::test::source_dir;

namespace {

std::string rules_file(const std::string& name) { return source_dir() + "/rules/" + name; }
std::string uri_of(const std::string& path) { return lsp::uri_of_path(path); }

// A client: sends requests and notifications, keeps what the server sent.
struct Client {
    std::vector<std::string> sent;  // bodies from the server
    lsp::Server server;
    lsp::Clock::time_point now = lsp::Clock::now();
    int next_id = 1;

    explicit Client(std::string locale = "en")
        : server([this](const std::string& body) { sent.push_back(body); }, lsp::ServerOptions{std::chrono::milliseconds(150), Date{2024, 7, 1}}) {
        const auto r = request("initialize", R"({"processId": null, "capabilities": {}, "locale": ")" + locale + "\"}");
        REQUIRE(r.find("\"capabilities\"") != std::string::npos);
        notify("initialized", "{}");
    }

    void raw(const std::string& body) { server.receive(body, now); }
    void notify(const std::string& method, const std::string& params) {
        raw(R"({"jsonrpc": "2.0", "method": ")" + method + R"(", "params": )" + params + "}");
    }
    // The answer to a request: its whole body.
    std::string request(const std::string& method, const std::string& params) {
        const int id = next_id++;
        const std::size_t before = sent.size();
        raw(R"({"jsonrpc": "2.0", "id": )" + std::to_string(id) + R"(, "method": ")" + method + R"(", "params": )" + params + "}");
        for (std::size_t i = before; i < sent.size(); ++i)
            if (sent[i].find("\"id\": " + std::to_string(id) + ",") != std::string::npos) return sent[i];
        FAIL("no answer to " << method);
        return {};
    }
    void open(const std::string& path, const std::string& text) {
        std::string params;
        json::Writer w(params);
        w.begin_object().key("textDocument").begin_object().field("uri", uri_of(path)).field("languageId", "planrules");
        w.field("version", 1).field("text", text).end_object().end_object();
        notify("textDocument/didOpen", params);
    }
    void change(const std::string& path, const std::string& text, int version) {
        std::string params;
        json::Writer w(params);
        w.begin_object().key("textDocument").begin_object().field("uri", uri_of(path)).field("version", version).end_object();
        w.key("contentChanges").begin_array().begin_object().field("text", text).end_object().end_array().end_object();
        notify("textDocument/didChange", params);
    }
    std::string at(const std::string& method, const std::string& path, int line, int character, const std::string& extra = "") {
        return request(method, R"({"textDocument": {"uri": ")" + uri_of(path) + R"("}, "position": {"line": )" +
                                   std::to_string(line) + R"(, "character": )" + std::to_string(character) + "}" + extra + "}");
    }
    // The code actions for `length` characters from `line`:`character`.
    std::string actions(const std::string& path, int line, int character, int length) {
        const std::string l = std::to_string(line);
        return request("textDocument/codeAction", R"({"textDocument": {"uri": ")" + uri_of(path) + R"("}, "range": {"start": {"line": )" + l +
                                                      R"(, "character": )" + std::to_string(character) + R"(}, "end": {"line": )" + l +
                                                      R"(, "character": )" + std::to_string(character + length) +
                                                      R"(}}, "context": {"diagnostics": []}})");
    }
    // The diagnostics last published for `path`, as the params' JSON; "" when none were.
    std::string published(const std::string& path) const {
        const std::string key = "\"uri\": \"" + uri_of(path) + "\"";
        for (auto it = sent.rbegin(); it != sent.rend(); ++it)
            if (it->find("publishDiagnostics") != std::string::npos && it->find(key) != std::string::npos) return *it;
        return {};
    }
};

// The position (0-based line, UTF-16 character) of the first `what` in `text` after `after`.
std::pair<int, int> where(const std::string& text, const std::string& what, const std::string& after = "") {
    const std::size_t from = after.empty() ? 0 : text.find(after);
    REQUIRE(from != std::string::npos);
    const std::size_t at = text.find(what, from);
    REQUIRE(at != std::string::npos);
    const int line = static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
    const std::size_t start = text.rfind('\n', at == 0 ? 0 : at - 1);
    const std::string before = text.substr(start == std::string::npos ? 0 : start + 1, at - (start == std::string::npos ? 0 : start + 1));
    int units = 0;
    for (unsigned char c : before) units += (c & 0xC0) != 0x80;  // the shipped rules have no characters beyond U+FFFF
    return {line, units};
}

simdjson::dom::element parse(simdjson::dom::parser& p, const std::string& body) {
    simdjson::dom::element e;
    REQUIRE(p.parse(body).get(e) == simdjson::SUCCESS);
    return e;
}

const std::string stockholm = rules_file("kommun/0180-stockholm.rules");

}  // namespace

TEST_CASE("lsp: the lifecycle: initialize first, shutdown, exit", "[lsp]") {
    std::vector<std::string> sent;
    lsp::Server s([&](const std::string& b) { sent.push_back(b); });
    s.receive(R"({"jsonrpc": "2.0", "id": 1, "method": "textDocument/hover", "params": {}})");
    REQUIRE(sent.size() == 1);
    CHECK_THAT(sent[0], Catch::Contains("-32002"));
    s.receive(R"({"jsonrpc": "2.0", "id": 2, "method": "initialize", "params": {"capabilities": {}}})");
    CHECK_THAT(sent.back(), Catch::Contains("\"definitionProvider\": true"));
    s.receive(R"({"jsonrpc": "2.0", "id": 3, "method": "shutdown"})");
    CHECK(sent.back() == R"({"jsonrpc": "2.0", "id": 3, "result": null})");
    s.receive(R"({"jsonrpc": "2.0", "id": 4, "method": "textDocument/hover", "params": {}})");
    CHECK_THAT(sent.back(), Catch::Contains("-32600"));
    CHECK_FALSE(s.exited());
    s.receive(R"({"jsonrpc": "2.0", "method": "exit"})");
    CHECK(s.exited());
    CHECK(s.exit_code() == 0);

    lsp::Server abrupt([](const std::string&) {});
    abrupt.receive(R"({"jsonrpc": "2.0", "method": "exit"})");
    CHECK(abrupt.exit_code() == 1);  // exit without shutdown
}

TEST_CASE("lsp: an invalid message gets a JSON-RPC error, and the server goes on", "[lsp]") {
    Client c;
    const std::pair<const char*, const char*> cases[] = {
        {"{\"jsonrpc\": \"2.0\", \"id\": 9, \"method\": ", "-32700"},     // not JSON
        {"[1, 2]", "-32600"},                                             // a batch
        {"{\"id\": 9, \"method\": \"shutdown\"}", "-32600"},              // no jsonrpc
        {"{\"jsonrpc\": \"2.0\", \"id\": 9, \"method\": \"no/such\"}", "-32601"},
        {"{\"jsonrpc\": \"2.0\", \"id\": 9, \"method\": \"textDocument/hover\", \"params\": 3}", "-32602"},
        {"{\"jsonrpc\": \"2.0\", \"id\": 9, \"method\": \"textDocument/hover\", \"params\": {}}", "-32602"},
        {"{\"jsonrpc\": \"2.0\", \"id\": {\"a\": 1}, \"method\": \"shutdown\"}", "-32600"},
        {"{\"jsonrpc\": \"2.0\", \"id\": 9, \"method\": \"textDocument/hover\", \"params\": {\"textDocument\": {\"uri\": \"http://x/y.rules\"}, \"position\": {\"line\": 0, \"character\": 0}}}", "-32602"},
        {"\xff\xfe", "-32700"},
    };
    simdjson::dom::parser p;
    for (const auto& [body, code] : cases) {
        const std::size_t before = c.sent.size();
        c.raw(body);
        INFO(body);
        REQUIRE(c.sent.size() == before + 1);
        CHECK_THAT(c.sent.back(), Catch::Contains(code));
        parse(p, c.sent.back());  // what the server writes is JSON, always
    }
    // an unknown notification is ignored, as LSP asks
    const std::size_t before = c.sent.size();
    c.notify("no/such", "{}");
    CHECK(c.sent.size() == before);
    c.open(stockholm, read_file(stockholm));
    const std::string text = read_file(stockholm);
    auto [line, ch] = where(text, "AF-SKYLD");
    CHECK_THAT(c.at("textDocument/hover", stockholm, line, ch), Catch::Contains("Den arbetssökandes skyldigheter"));
}

TEST_CASE("lsp: framing by Content-Length, in pieces, with a bad header skipped", "[lsp]") {
    lsp::Framer f;
    const std::string a = lsp::frame(R"({"a": 1})"), b = lsp::frame(R"({"b": "å"})");
    const std::string both = a + "Content-Length: x\r\n\r\n" + "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n" + b;
    for (char ch : both) f.feed(std::string_view(&ch, 1));
    auto first = f.next();
    REQUIRE(first);
    CHECK(first->body == R"({"a": 1})");
    auto bad = f.next();
    REQUIRE(bad);
    CHECK_FALSE(bad->error.empty());
    auto second = f.next();
    REQUIRE(second);
    CHECK(second->body == R"({"b": "å"})");
    CHECK_FALSE(f.next());
    // a body past the limit is refused from its header and skipped without being kept
    lsp::Framer big;
    big.feed("Content-Length: 99999999999\r\n\r\n");
    auto refused = big.next();
    REQUIRE(refused);
    CHECK_THAT(refused->error, Catch::Contains("64 MiB"));
}

TEST_CASE("lsp: diagnostics as you type, debounced, gone when fixed", "[lsp]") {
    Client c("sv-SE");
    const std::string good = read_file(stockholm);
    c.open(stockholm, good);
    c.server.tick(c.now);
    const std::string clean = c.published(stockholm);
    REQUIRE_FALSE(clean.empty());
    CHECK_THAT(clean, Catch::Contains("\"diagnostics\": []"));

    std::string bad = good;
    bad.replace(bad.find("kommun == \"0180\""), 16, "kommun == 180");
    c.change(stockholm, bad, 2);
    const std::size_t before = c.sent.size();
    c.server.tick(c.now + std::chrono::milliseconds(50));  // still typing: nothing yet
    CHECK(c.sent.size() == before);
    c.server.tick(c.now + std::chrono::milliseconds(200));
    const std::string shown = c.published(stockholm);
    simdjson::dom::parser p;
    auto params = parse(p, shown)["params"];
    simdjson::dom::array ds = params["diagnostics"].get_array();
    REQUIRE(ds.size() == 1);
    auto d = *ds.begin();
    CHECK(std::string_view(d["code"].get_string()) == "type-mismatch");
    CHECK(int64_t(d["range"]["start"]["line"]) == where(bad, "plan.sokande.kommun").first);
    CHECK(int64_t(params["version"]) == 2);
    // in Swedish, with the help as related information
    CHECK_THAT(std::string(d["message"].get_string().value()), !Catch::Contains("cannot"));
    const std::string help(d["relatedInformation"].at(0)["message"].get_string().value());
    CHECK_THAT(help, Catch::StartsWith("hjälp: ") && Catch::Contains("citattecken"));

    // a file of no tree, opened meanwhile, leaves the tree's diagnostics as they are
    const std::string alone = (planrules::test::scratch_dir("lsp-alone") / "alone.rules").string();
    c.open(alone, "ruleset x.y \"X\"\n");
    c.server.tick(c.now + std::chrono::milliseconds(250));
    CHECK(c.published(stockholm) == shown);
    CHECK_FALSE(c.published(alone).empty());

    c.change(stockholm, good, 3);
    c.server.tick(c.now + std::chrono::milliseconds(400));
    CHECK_THAT(c.published(stockholm), Catch::Contains("\"diagnostics\": []"));
}

TEST_CASE("lsp: hover, definition and references across the rule tree", "[lsp]") {
    Client c;
    const std::string text = read_file(stockholm);
    c.open(stockholm, text);
    // a field: its type, label and record
    auto [fl, fc] = where(text, "ekonomiskt_bistand");
    const std::string field = c.at("textDocument/hover", stockholm, fl, fc + 2);
    CHECK_THAT(field, Catch::Contains("**ekonomiskt_bistand**: `bool"));
    CHECK_THAT(field, Catch::Contains("a field of Sokande"));
    // override AF-SKYLD: to the rule in the agency's rule file
    auto [ol, oc] = where(text, "AF-SKYLD");
    const std::string def = c.at("textDocument/definition", stockholm, ol, oc + 1);
    CHECK_THAT(def, Catch::Contains(uri_of(rules_file("af/arbetsformedlingen.rules"))));
    const std::string af = read_file(rules_file("af/arbetsformedlingen.rules"));
    CHECK_THAT(def, Catch::Contains("\"line\": " + std::to_string(where(af, "rule AF-SKYLD").first)));
    const std::string hover = c.at("textDocument/hover", stockholm, ol, oc + 1);
    CHECK_THAT(hover, Catch::Contains("kommun.0180"));  // the rule sets that tighten it
    // a define of another file: its references in several files
    auto [dl, dc] = where(text, "senaste_genomgang");
    const std::string refs = c.at("textDocument/references", stockholm, dl, dc, R"(, "context": {"includeDeclaration": true})");
    CHECK_THAT(refs, Catch::Contains(uri_of(stockholm)));
    CHECK_THAT(refs, Catch::Contains(uri_of(rules_file("af/arbetsformedlingen.rules"))));
    simdjson::dom::parser p;
    CHECK(simdjson::dom::array(parse(p, refs)["result"]).size() >= 3);
    // the plan's name goes to the root declaration of the schema
    auto [pl, pc] = where(text, "plan.sokande");
    CHECK_THAT(c.at("textDocument/definition", stockholm, pl, pc + 1), Catch::Contains("handlingsplan.schema"));
    // document symbols: the rule set with its rules
    const std::string symbols = c.request("textDocument/documentSymbol", R"({"textDocument": {"uri": ")" + uri_of(stockholm) + "\"}}");
    CHECK_THAT(symbols, Catch::Contains("\"name\": \"kommun.0180\""));
    CHECK_THAT(symbols, Catch::Contains("\"name\": \"K0180-3M\""));
    const std::string workspace = c.request("workspace/symbol", R"({"query": "af-6"})");
    CHECK_THAT(workspace, Catch::Contains("\"name\": \"AF-6M\""));
}

TEST_CASE("lsp: completion of fields, codes and rule ids in a half-typed file", "[lsp]") {
    Client c;
    const std::string text = read_file(stockholm);
    c.open(stockholm, text);
    // plan.sokande. at the end of a rule being written: the file does not parse
    const std::string typing = text + "\nrule K0180-NY \"Ny\"\n  when plan.sokande.";
    c.change(stockholm, typing, 2);
    const auto end = where(typing, "plan.sokande.", "K0180-NY");
    const std::string fields = c.at("textDocument/completion", stockholm, end.first, end.second + 13);
    CHECK_THAT(fields, Catch::Contains("\"label\": \"ekonomiskt_bistand\""));
    CHECK_THAT(fields, Catch::Contains("\"label\": \"kommun\""));
    CHECK_THAT(fields, !Catch::Contains("\"label\": \"aktiviteter\""));  // a field of the plan, not of sokande
    // each replaces the word before the cursor (here none), not what a client takes for a word
    const std::string cursor = R"({"line": )" + std::to_string(end.first) + R"(, "character": )" + std::to_string(end.second + 13) + "}";
    CHECK_THAT(fields, Catch::Contains(R"("textEdit": {"range": {"start": )" + cursor + R"(, "end": )" + cursor + "}"));
    // a variable of a record type
    const std::string each = text + "\nrule K0180-NY \"Ny\"\n  for each a in plan.aktiviteter\n  require a.";
    c.change(stockholm, each, 3);
    const auto dot = where(each, "a.", "require");
    CHECK_THAT(c.at("textDocument/completion", stockholm, dot.first, dot.second + 2), Catch::Contains("\"label\": \"motivering\""));
    // the codes of a coded field, inside the string compared with it
    const std::string code = text + "\nrule K0180-NY \"Ny\"\n  when plan.sokande.kommun == \"";
    c.change(stockholm, code, 4);
    const auto q = where(code, "== \"", "K0180-NY");
    const std::string codes = c.at("textDocument/completion", stockholm, q.first, q.second + 4);
    CHECK_THAT(codes, Catch::Contains("\"label\": \"0180\""));
    CHECK_THAT(codes, Catch::Contains("Stockholm"));
    // nothing on a rule's first line after its title, where no expression stands
    const std::string header = text + "\nrule K0180-NY \"Ny\" ";
    c.change(stockholm, header, 6);
    const auto h = where(header, "\"Ny\" ", "K0180-NY");
    CHECK_THAT(c.at("textDocument/completion", stockholm, h.first, h.second + 5), Catch::Contains("\"items\": []"));
    // rule ids after override
    const std::string over = text + "\noverride AF";
    c.change(stockholm, over, 5);
    const auto o = where(over, "AF", "\noverride AF");
    CHECK_THAT(c.at("textDocument/completion", stockholm, o.first, o.second + 2), Catch::Contains("\"label\": \"AF-6M\""));
}

TEST_CASE("lsp: formatting is the fmt layout, code actions fix what diagnostics name", "[lsp]") {
    Client c;
    const std::string text = read_file(stockholm);
    std::string messy = text;
    messy.replace(messy.find("  severity error"), 16, "      severity    error");
    c.open(stockholm, messy);
    const std::string edits = c.request("textDocument/formatting", R"({"textDocument": {"uri": ")" + uri_of(stockholm) + R"("}, "options": {"tabSize": 2, "insertSpaces": true}})");
    simdjson::dom::parser p;
    auto list = parse(p, edits)["result"];
    REQUIRE(simdjson::dom::array(list).size() == 1);
    CHECK(std::string_view(list.at(0)["newText"].get_string()) == text);  // the shipped file is formatted

    std::string bad = text;
    bad.replace(bad.find("kommun == \"0180\""), 16, "kommun == 180");
    c.change(stockholm, bad, 2);
    const auto at = where(bad, "180", "kommun ==");
    const std::string actions = c.actions(stockholm, at.first, at.second, 3);
    CHECK_THAT(actions, Catch::Contains(R"("newText": "\"180\"")"));

    // a did-you-mean: the misspelt field replaced
    std::string typo = text;
    typo.replace(typo.find("ekonomiskt_bistand"), 18, "ekonomiskt_bistnd");
    c.change(stockholm, typo, 3);
    const auto t = where(typo, "ekonomiskt_bistnd");
    const std::string fix = c.actions(stockholm, t.first, t.second, 3);
    CHECK_THAT(fix, Catch::Contains(R"("newText": "ekonomiskt_bistand")"));
}

TEST_CASE("lsp: a cancelled request is answered as cancelled", "[lsp]") {
    Client c;
    c.server.cancel("7");
    c.next_id = 7;
    const std::string r = c.request("workspace/symbol", R"({"query": ""})");
    CHECK_THAT(r, Catch::Contains("-32800"));
    CHECK_THAT(c.request("workspace/symbol", R"({"query": ""})"), Catch::Contains("\"result\""));
}

TEST_CASE("lsp: positions count UTF-16 code units", "[lsp]") {
    const SourceFile f("x", "a\nåä😀b\n");
    // 'b' is after å (1 unit), ä (1) and 😀 (2): character 4, byte 2 + 2 + 2 + 4
    CHECK(lsp::offset_of(f, {1, 4}) == 2 + 8);
    CHECK(lsp::position_of(f, 10).character == 4);
    CHECK(lsp::offset_of(f, {1, 3}) == 2 + 4);  // inside the pair: its start
    CHECK(lsp::offset_of(f, {1, 99}) == 11);   // past the line: its end
    CHECK(lsp::offset_of(f, {9, 0}) == f.text().size());
    CHECK(lsp::path_of_uri("file:///a%20b/%C3%A5.rules") == std::filesystem::path("/a b/å.rules"));
    CHECK(lsp::uri_of_path("/a b/å.rules") == "file:///a%20b/%C3%A5.rules");
    CHECK_FALSE(lsp::path_of_uri("untitled:Untitled-1"));
}

TEST_CASE("lsp: on save the file's failing tests are shown at their expectation", "[lsp]") {
    Client c;
    const std::string tests = rules_file("kommun/kommun.test");
    const std::string text = read_file(tests);
    c.open(tests, text);
    const std::string save = R"({"textDocument": {"uri": ")" + uri_of(tests) + "\"}}";
    c.notify("textDocument/didSave", save);
    CHECK_THAT(c.published(tests), Catch::Contains("\"diagnostics\": []"));  // the shipped tests pass
    // the first test now expects the wrong outcome
    std::string wrong = text;
    const std::string expectation = "expect K0180-3M at \"/senast_reviderad\" outcome violated";
    wrong.replace(wrong.find(expectation), expectation.size(), "expect K0180-3M at \"/senast_reviderad\" outcome indeterminate");
    c.change(tests, wrong, 2);
    c.notify("textDocument/didSave", save);
    simdjson::dom::parser p;
    auto ds = parse(p, c.published(tests))["params"]["diagnostics"];
    REQUIRE(simdjson::dom::array(ds).size() == 1);
    CHECK(std::string_view(ds.at(0)["code"].get_string()) == "test-failed");
    CHECK(int64_t(ds.at(0)["range"]["start"]["line"]) == where(wrong, "outcome indeterminate").first);
    CHECK_THAT(std::string(ds.at(0)["message"].get_string().value()), Catch::Contains("K0180-3M: ekonomiskt bistånd i Stockholm"));
}

TEST_CASE("lsp: hover on a builtin and a define; the quick fix that adds a message", "[lsp]") {
    Client c;
    const std::string af = rules_file("af/arbetsformedlingen.rules");
    const std::string text = read_file(af);
    c.open(af, text);
    const auto call = where(text, "missing(a.slut)");
    const std::string builtin = c.at("textDocument/hover", af, call.first, call.second + 2);
    CHECK_THAT(builtin, Catch::Contains("missing(value) -> bool"));
    const auto count = where(text, "count(plan.skyldigheter)");
    CHECK_THAT(c.at("textDocument/hover", af, count.first, count.second + 2), Catch::Contains("the number of elements"));
    const auto define = where(text, "upprattad", "rule AF-SKYLD");
    const std::string body = c.at("textDocument/hover", af, define.first, define.second + 2);
    CHECK_THAT(body, Catch::Contains("define upprattad = "));
    CHECK_THAT(body, Catch::Contains("bool"));

    // a rule without a message: a warning, and the action that adds one with the rule's title
    const std::string stockholm_text = read_file(stockholm);
    const std::string bare = stockholm_text + "\nrule K0180-NY \"En ny regel\"\n  require plan.version > 0\n";
    c.open(stockholm, bare);
    const auto id = where(bare, "K0180-NY");
    const std::string actions = c.actions(stockholm, id.first, id.second, 2);
    CHECK_THAT(actions, Catch::Contains(R"("newText": "\n  message \"En ny regel\"")"));
    // the edit goes at the end of the rule's last line
    const auto last = where(bare, "plan.version > 0");
    CHECK_THAT(actions, Catch::Contains(R"("start": {"line": )" + std::to_string(last.first) + R"(, "character": )" +
                                        std::to_string(last.second + 16) + "}"));
}
