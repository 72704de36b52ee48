// The language server (server.hpp): one handler a method, in the table `methods`.

#include "lsp/server.hpp"

#include "text/catalogue.hpp"


namespace planrules::lsp {

namespace {

// A request the handler refuses: answered with this error.
struct Refusal {
    ErrorCode code;
    std::string message;
};

std::optional<Position> position_param(simdjson::dom::element params) {
    auto p = member(params, "position");
    if (!p) return std::nullopt;
    auto line = int_member(*p, "line");
    auto character = int_member(*p, "character");
    if (!line || !character || *line < 0 || *character < 0 || *line > UINT32_MAX || *character > UINT32_MAX)
        return std::nullopt;
    return Position{static_cast<std::uint32_t>(*line), static_cast<std::uint32_t>(*character)};
}

std::optional<std::string_view> uri_param(simdjson::dom::element params) {
    auto doc = member(params, "textDocument");
    return doc ? string_member(*doc, "uri") : std::nullopt;
}

// A range edit applied to `text` (an incremental change).
bool apply_change(std::string& text, simdjson::dom::element change) {
    auto replacement = string_member(change, "text");
    if (!replacement) return false;
    auto range = member(change, "range");
    if (!range) {
        text = std::string(*replacement);
        return true;
    }
    const SourceFile file("", text);
    auto pos = [&](const char* key) -> std::optional<std::uint32_t> {
        auto p = member(*range, key);
        if (!p) return std::nullopt;
        auto l = int_member(*p, "line"), c = int_member(*p, "character");
        if (!l || !c || *l < 0 || *c < 0 || *l > UINT32_MAX || *c > UINT32_MAX) return std::nullopt;
        return offset_of(file, {static_cast<std::uint32_t>(*l), static_cast<std::uint32_t>(*c)});
    };
    auto b = pos("start"), e = pos("end");
    if (!b || !e || *e < *b) return false;
    text.replace(*b, *e - *b, replacement->data(), replacement->size());
    return true;
}

}  // namespace

struct Handlers {
    using Result = std::string;  // the JSON text of a request's result
    Server& s;
    const Message& m;
    Clock::time_point now;

    // The analysis and place a request about a position names.
    Cursor cursor(bool need_position = true) {
        auto uri = uri_param(m.params);
        if (!uri) throw Refusal{ErrorCode::invalid_params, "textDocument.uri is missing"};
        auto path = path_of_uri(*uri);
        if (!path) throw Refusal{ErrorCode::invalid_params, "the URI is not a file: URI"};
        Cursor c;
        c.language = s.workspace_.language();
        c.analysis = s.workspace_.analysis(*path);
        c.file = c.analysis->source(*path);
        if (need_position && c.file) {
            auto p = position_param(m.params);
            if (!p) throw Refusal{ErrorCode::invalid_params, "position is missing or not a position"};
            c.offset = offset_of(*c.file, *p);
        }
        return c;
    }

    Result initialize() {
        if (auto locale = string_member(m.params, "locale")) s.workspace_.set_language(parse_language(*locale).value_or(Language::en));
        if (auto o = member(m.params, "initializationOptions"))
            if (auto l = string_member(*o, "language"))
                if (auto lang = parse_language(*l)) s.workspace_.set_language(*lang);
        s.initialized_ = true;
        std::string out;
        json::Writer w(out);
        w.begin_object().key("capabilities").begin_object();
        w.field("positionEncoding", "utf-16");
        w.key("textDocumentSync").begin_object().field("openClose", true).field("change", 2);
        w.key("save").begin_object().field("includeText", false).end_object().end_object();
        w.field("hoverProvider", true).field("definitionProvider", true).field("referencesProvider", true);
        w.field("documentSymbolProvider", true).field("workspaceSymbolProvider", true);
        w.field("documentFormattingProvider", true);
        w.key("codeActionProvider").begin_object().key("codeActionKinds").strings({"quickfix"}).end_object();
        w.key("completionProvider").begin_object().key("triggerCharacters").strings({".", "\""}).end_object();
        w.end_object();
        w.key("serverInfo").begin_object().field("name", "planrules").end_object();
        w.end_object();
        return out;
    }

    void did_open() {
        auto doc = member(m.params, "textDocument");
        if (!doc) return;
        auto uri = string_member(*doc, "uri");
        auto text = string_member(*doc, "text");
        if (!uri || !text) return;
        s.workspace_.open(*uri, std::string(*text), int_member(*doc, "version").value_or(0));
        s.due_[std::string(*uri)] = now;  // at once
    }

    void did_change() {
        auto uri = uri_param(m.params);
        auto changes = member(m.params, "contentChanges");
        if (!uri || !changes) return;
        const Document* d = s.workspace_.document(*uri);
        if (!d) return;
        std::string text = d->text;
        simdjson::dom::array list;
        if (changes->get_array().get(list) != simdjson::SUCCESS) return;
        for (auto change : list)
            if (!apply_change(text, change)) return;  // a change that does not fit: keep what we have
        auto doc = member(m.params, "textDocument");
        s.workspace_.change(*uri, std::move(text), doc ? int_member(*doc, "version").value_or(0) : 0);
        s.due_[std::string(*uri)] = now + s.options_.debounce;
    }

    void did_close() {
        auto uri = uri_param(m.params);
        if (!uri) return;
        const Document* d = s.workspace_.document(*uri);
        if (!d) return;
        const auto path = d->path;
        s.workspace_.close(*uri);
        s.due_.erase(std::string(*uri));
        s.publish(path, false);
    }

    void did_save() {
        auto uri = uri_param(m.params);
        if (!uri) return;
        s.workspace_.touched();
        if (auto path = path_of_uri(*uri)) {
            s.due_.erase(std::string(*uri));
            s.publish(*path, true);
        }
    }

    Result hover() { return lsp::hover(cursor()); }
    Result definition() { return lsp::definition(cursor()); }
    Result references() {
        bool declaration = false;
        if (auto ctx = member(m.params, "context")) declaration = bool_member(*ctx, "includeDeclaration").value_or(false);
        return lsp::references(cursor(), declaration);
    }
    Result completion() { return lsp::completion(cursor()); }
    Result document_symbol() {
        Cursor c = cursor(false);
        return c.file ? document_symbols(*c.analysis, c.file) : "[]";
    }
    Result workspace_symbol() {
        std::vector<std::shared_ptr<const Analysis>> all;
        for (const auto& [uri, doc] : s.workspace_.documents()) all.push_back(s.workspace_.analysis(doc.path));
        return workspace_symbols(all, string_member(m.params, "query").value_or(""));
    }
    Result formatting() {
        Cursor c = cursor(false);
        return lsp::formatting(c.file);
    }
    Result code_action() {
        Cursor c = cursor(false);
        const Document* d = s.workspace_.document(*uri_param(m.params));
        if (!d || !c.file) return "[]";
        return code_actions(c, *d, m.params);
    }
    Result shutdown() {
        s.shut_down_ = true;
        return "null";
    }
};

namespace {

struct Method {
    std::string_view name;
    Handlers::Result (Handlers::*request)() = nullptr;
    void (Handlers::*notification)() = nullptr;
};

// Every method the server knows. A request of another method is MethodNotFound; a
// notification of another method is ignored, as LSP asks.
const Method methods[] = {
    {"initialize", &Handlers::initialize, nullptr},
    {"shutdown", &Handlers::shutdown, nullptr},
    {"textDocument/hover", &Handlers::hover, nullptr},
    {"textDocument/definition", &Handlers::definition, nullptr},
    {"textDocument/references", &Handlers::references, nullptr},
    {"textDocument/completion", &Handlers::completion, nullptr},
    {"textDocument/documentSymbol", &Handlers::document_symbol, nullptr},
    {"textDocument/formatting", &Handlers::formatting, nullptr},
    {"textDocument/codeAction", &Handlers::code_action, nullptr},
    {"workspace/symbol", &Handlers::workspace_symbol, nullptr},
    {"textDocument/didOpen", nullptr, &Handlers::did_open},
    {"textDocument/didChange", nullptr, &Handlers::did_change},
    {"textDocument/didClose", nullptr, &Handlers::did_close},
    {"textDocument/didSave", nullptr, &Handlers::did_save},
};

}  // namespace

Server::Server(Send send, ServerOptions options) : send_(std::move(send)), options_(options) {
    // the params of a message without them: an empty object
    if (empty_parser_.parse(std::string_view("{}")).get(empty_) != simdjson::SUCCESS) throw std::runtime_error("simdjson");
}

void Server::receive(std::string_view body, Clock::time_point now) {
    try {
        const Message m = read(parser_, body);
        dispatch(m, now);
    } catch (const std::exception& e) {
        send_(error_response("null", ErrorCode::internal_error, e.what()));
    }
}

void Server::dispatch(const Message& m, Clock::time_point now) {
    using Kind = Message::Kind;
    if (m.kind == Kind::response) return;  // the server sends no requests
    if (m.kind == Kind::invalid) {
        send_(error_response(m.id, m.code, m.error));
        return;
    }
    const bool request = m.kind == Kind::request;
    if (m.method == "exit") {
        exit_code_ = shut_down_ ? 0 : 1;
        return;
    }
    if (m.method == "$/cancelRequest" || m.method == "initialized" || m.method == "$/setTrace") return;
    if (request && cancelled_.erase(m.id)) {
        send_(error_response(m.id, ErrorCode::request_cancelled, "the request was cancelled"));
        return;
    }
    if (!initialized_ && m.method != "initialize") {
        if (request) send_(error_response(m.id, ErrorCode::server_not_initialized, "initialize first"));
        return;
    }
    if (shut_down_ && request) {
        send_(error_response(m.id, ErrorCode::invalid_request, "the server is shutting down"));
        return;
    }
    const Method* method = nullptr;
    for (const auto& x : methods)
        if (x.name == m.method) method = &x;
    if (!method || (request ? !method->request : !method->notification)) {
        if (request) send_(error_response(m.id, ErrorCode::method_not_found, "unknown method " + m.method));
        return;
    }
    Message with_params = m;
    if (!m.has_params) with_params.params = empty_;
    const text::LanguageScope language(workspace_.language());
    Handlers h{*this, with_params, now};
    try {
        if (request) send_(response(m.id, (h.*method->request)()));
        else (h.*method->notification)();
    } catch (const Refusal& r) {
        if (request) send_(error_response(m.id, r.code, r.message));
    } catch (const std::exception& e) {
        if (request) send_(error_response(m.id, ErrorCode::request_failed, e.what()));
    }
}

void Server::publish(const std::filesystem::path& path, bool with_tests) {
    const text::LanguageScope language(workspace_.language());
    auto a = workspace_.analysis(path);
    // what was shown for files of this tree (or this file) that the analysis no longer has
    std::vector<std::string> extra;
    for (const auto& uri : published_)
        if (auto p = path_of_uri(uri); p && (*p == path || p->native().rfind(a->root.native() + "/", 0) == 0))
            extra.push_back(uri);
    const SourceFilePtr file = with_tests ? a->source(path) : nullptr;
    for (auto& p : diagnostics_of(*a, extra, workspace_)) {
        if (file && path_of_uri(p.uri) == path) p = diagnostics_with_tests(*a, file, workspace_, options_.today.value_or(today()));
        // a file without diagnostics is published only to clear what was shown, or when open
        if (p.empty && !published_.count(p.uri) && !workspace_.document(p.uri)) continue;
        if (p.empty) published_.erase(p.uri);
        else published_.insert(p.uri);
        send_(notification("textDocument/publishDiagnostics", p.params));
    }
}

void Server::tick(Clock::time_point now) {
    try {
        std::vector<std::filesystem::path> paths;
        for (auto it = due_.begin(); it != due_.end();) {
            if (it->second > now) {
                ++it;
                continue;
            }
            if (const Document* d = workspace_.document(it->first)) paths.push_back(d->path);
            it = due_.erase(it);
        }
        std::set<std::filesystem::path> roots;
        for (const auto& p : paths) {
            // one publication a tree
            auto a = workspace_.analysis(p);
            if (roots.insert(a->root).second) publish(p, false);
        }
    } catch (const std::exception&) {
        send_(notification("window/logMessage", "{\"type\": 1, \"message\": \"planrules: diagnostics failed\"}"));
    }
}

std::optional<Clock::time_point> Server::next_tick() const {
    std::optional<Clock::time_point> next;
    for (const auto& [uri, when] : due_)
        if (!next || when < *next) next = when;
    return next;
}

}  // namespace planrules::lsp
