// Fuzz target: the language server (lsp/). The first byte chooses what the rest is:
//  - even: a byte stream from a client, split by the framer, every body handed to the server
//    (random JSON-RPC, random LSP methods and params);
//  - odd: a sequence of edits to a rule file of the shipped tree (or, with bit 1, to a file
//    outside any tree), each followed by a request at a position the bytes choose, the way an
//    editor sends them while someone types.
// Every answer must be one JSON text, the server must never throw or stop, and a request must
// always be answered.

#include "json/syntax.hpp"
#include "lsp/protocol.hpp"
#include "lsp/server.hpp"

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>

namespace {

using namespace planrules;

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

const std::string& seed_text() {
    static const std::string text = read(std::string(PLANRULES_SOURCE_DIR) + "/rules/kommun/0180-stockholm.rules");
    return text;
}

struct Session {
    std::size_t answers = 0;
    lsp::Server server;
    Session()
        : server(
              [this](const std::string& body) {
                  if (json::check_syntax(body)) std::abort();  // what the server writes is JSON
                  ++answers;
              },
              lsp::ServerOptions{std::chrono::milliseconds(0), Date{2024, 7, 1}}) {
        server.receive(R"({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {"capabilities": {}, "locale": "sv"}})");
    }
};

const char* const requests[] = {
    "textDocument/hover",         "textDocument/definition",   "textDocument/references",
    "textDocument/completion",    "textDocument/documentSymbol", "textDocument/formatting",
    "textDocument/codeAction",    "workspace/symbol",
};

void edits(Session& s, const std::uint8_t* data, std::size_t size, bool in_tree) {
    // the shipped file itself, as the editor has it (nothing is written to disk)
    const std::string path = in_tree ? std::string(PLANRULES_SOURCE_DIR) + "/rules/kommun/0180-stockholm.rules"
                                     : "/nonexistent-planrules-fuzz/edit.rules";
    const std::string uri = lsp::uri_of_path(path);
    std::string text = seed_text();
    {
        std::string open;
        json::Writer w(open);
        w.begin_object().field("jsonrpc", "2.0").field("method", "textDocument/didOpen").key("params").begin_object();
        w.key("textDocument").begin_object().field("uri", uri).field("languageId", "planrules").field("version", 1);
        w.field("text", text).end_object().end_object().end_object();
        s.server.receive(open);
    }
    std::size_t at = 0;
    int version = 1;
    while (at + 5 <= size) {
        // [request][line][character][delete][insert length] then the inserted bytes
        const std::uint8_t request = data[at], line = data[at + 1], character = data[at + 2], erase = data[at + 3];
        const std::size_t insert = std::min<std::size_t>(data[at + 4] % 32, size - at - 5);
        const std::string inserted(reinterpret_cast<const char*>(data + at + 5), insert);
        at += 5 + insert;
        std::string change;
        json::Writer w(change);
        w.begin_object().field("jsonrpc", "2.0").field("method", "textDocument/didChange").key("params").begin_object();
        w.key("textDocument").begin_object().field("uri", uri).field("version", ++version).end_object();
        w.key("contentChanges").begin_array().begin_object().key("range").begin_object();
        w.key("start").begin_object().field("line", line % 64).field("character", character % 96).end_object();
        w.key("end").begin_object().field("line", line % 64).field("character", character % 96 + erase % 8).end_object();
        w.end_object().field("text", inserted).end_object().end_array().end_object().end_object();
        s.server.receive(change);
        const std::size_t before = s.answers;
        std::string ask;
        json::Writer r(ask);
        r.begin_object().field("jsonrpc", "2.0").field("id", version).field("method", requests[request % 8]).key("params").begin_object();
        r.key("textDocument").begin_object().field("uri", uri).end_object();
        r.key("position").begin_object().field("line", (line + request) % 64).field("character", character % 96).end_object();
        r.key("range").begin_object();
        r.key("start").begin_object().field("line", line % 64).field("character", 0).end_object();
        r.key("end").begin_object().field("line", line % 64 + 1).field("character", 0).end_object().end_object();
        r.key("context").begin_object().field("includeDeclaration", true).key("diagnostics").begin_array().end_array().end_object();
        r.field("query", inserted).key("options").begin_object().field("tabSize", 2).field("insertSpaces", true).end_object();
        r.end_object().end_object();
        s.server.receive(ask);
        if (s.answers == before) std::abort();  // every request is answered
        if (request & 0x80) s.server.tick(lsp::Clock::now() + std::chrono::hours(1));
    }
    s.server.tick(lsp::Clock::now() + std::chrono::hours(1));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0 || size > 16384) return 0;
    Session s;
    if (data[0] % 2 == 0) {
        lsp::Framer framer;
        framer.feed({reinterpret_cast<const char*>(data + 1), size - 1});
        while (auto f = framer.next())
            if (f->error.empty()) s.server.receive(f->body);
        s.server.tick(lsp::Clock::now() + std::chrono::hours(1));
    } else {
        edits(s, data + 1, size - 1, (data[0] & 2) == 0);
    }
    return 0;
}
