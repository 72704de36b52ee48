// The base protocol (protocol.hpp).

#include "lsp/protocol.hpp"

#include "json/syntax.hpp"

#include <cctype>

namespace planrules::lsp {

namespace {

bool same_name(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
    return true;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

}  // namespace

std::optional<Framer::Frame> Framer::next() {
    if (skip_ > 0) {
        const std::size_t n = std::min(skip_, buffer_.size());
        buffer_.erase(0, n);
        skip_ -= n;
        if (skip_ > 0) return std::nullopt;
    }
    const std::size_t end = buffer_.find("\r\n\r\n");
    if (end == std::string::npos) {
        if (buffer_.size() > 64 * 1024) {  // no header is that long: drop what cannot be one
            buffer_.clear();
            return Frame{{}, "a header longer than 64 KiB"};
        }
        return std::nullopt;
    }
    std::optional<std::size_t> length;
    bool bad = false;
    for (std::size_t at = 0; at < end;) {
        std::size_t eol = buffer_.find("\r\n", at);
        if (eol == std::string::npos || eol > end) eol = end;
        const std::string_view line(buffer_.data() + at, eol - at);
        at = eol + 2;
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos) {
            bad = true;
            continue;
        }
        if (!same_name(trim(line.substr(0, colon)), "Content-Length")) continue;  // Content-Type and others
        const std::string_view value = trim(line.substr(colon + 1));
        std::size_t n = 0;
        bool digits = !value.empty() && value.size() <= 12;
        for (char c : value) {
            if (c < '0' || c > '9') digits = false;
            else n = n * 10 + static_cast<std::size_t>(c - '0');
        }
        if (!digits) bad = true;
        else length = n;
    }
    if (bad || !length || *length > max_body) {
        buffer_.erase(0, end + 4);
        if (length && *length > max_body) skip_ = *length;
        return Frame{{}, !length ? "a header without a valid Content-Length"
                         : bad   ? "a header line that is not 'Name: value'"
                                 : "a body larger than 64 MiB"};
    }
    if (buffer_.size() < end + 4 + *length) return std::nullopt;
    Frame f{buffer_.substr(end + 4, *length), {}};
    buffer_.erase(0, end + 4 + *length);
    return f;
}

Message read(simdjson::dom::parser& parser, std::string_view body) {
    Message m;
    m.id = "null";
    // strict RFC 8259 first: simdjson is strict too, but the check says where and why
    if (auto bad = json::check_syntax(body)) {
        m.code = ErrorCode::parse_error;
        m.error = "the message is not JSON: " + bad->message;
        return m;
    }
    simdjson::dom::element root;
    if (parser.parse(body.data(), body.size()).get(root) != simdjson::SUCCESS || !root.is_object()) {
        m.error = root.is_array() ? "batches of messages are not supported" : "the message is not a JSON object";
        return m;
    }
    const auto version = string_member(root, "jsonrpc");
    if (auto id = member(root, "id")) {
        if (id->is_string() || id->is_int64() || id->is_uint64()) m.id = simdjson::minify(*id);
        else if (!id->is_null()) {
            m.error = "the id is neither a number nor a string";
            return m;
        }
    }
    if (!version || *version != "2.0") {
        m.error = "the message is not JSON-RPC 2.0 (\"jsonrpc\": \"2.0\")";
        return m;
    }
    const auto method = member(root, "method");
    if (!method) {
        if (member(root, "result") || member(root, "error")) m.kind = Message::Kind::response;
        else m.error = "the message has no method";
        return m;
    }
    std::string_view name;
    if (method->get_string().get(name) != simdjson::SUCCESS) {
        m.error = "the method is not a string";
        return m;
    }
    m.method = std::string(name);
    if (auto p = member(root, "params")) {
        if (!p->is_object() && !p->is_array()) {
            m.code = ErrorCode::invalid_params;
            m.error = "params is neither an object nor an array";
            return m;
        }
        m.params = *p;
        m.has_params = true;
    }
    m.kind = member(root, "id") ? Message::Kind::request : Message::Kind::notification;
    return m;
}

std::string frame(std::string_view body) {
    std::string out = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
    out.append(body.data(), body.size());
    return out;
}

std::string response(std::string_view id, std::string_view result) {
    std::string out;
    json::Writer w(out);
    w.begin_object().field("jsonrpc", "2.0").key("id").raw(id).key("result").raw(result).end_object();
    return out;
}

std::string error_response(std::string_view id, ErrorCode code, std::string_view message) {
    std::string out;
    json::Writer w(out);
    w.begin_object().field("jsonrpc", "2.0").key("id").raw(id).key("error").begin_object();
    w.field("code", static_cast<int>(code)).field("message", message).end_object().end_object();
    return out;
}

std::string notification(std::string_view method, std::string_view params) {
    std::string out;
    json::Writer w(out);
    w.begin_object().field("jsonrpc", "2.0").field("method", method).key("params").raw(params).end_object();
    return out;
}

std::optional<simdjson::dom::element> member(simdjson::dom::element e, std::string_view key) {
    simdjson::dom::object o;
    if (e.get_object().get(o) != simdjson::SUCCESS) return std::nullopt;
    simdjson::dom::element v;
    if (o.at_key(key).get(v) != simdjson::SUCCESS) return std::nullopt;
    return v;
}

std::optional<std::string_view> string_member(simdjson::dom::element e, std::string_view key) {
    auto v = member(e, key);
    std::string_view s;
    if (!v || v->get_string().get(s) != simdjson::SUCCESS) return std::nullopt;
    return s;
}

std::optional<std::int64_t> int_member(simdjson::dom::element e, std::string_view key) {
    auto v = member(e, key);
    std::int64_t n = 0;
    if (!v || v->get_int64().get(n) != simdjson::SUCCESS) return std::nullopt;
    return n;
}

std::optional<bool> bool_member(simdjson::dom::element e, std::string_view key) {
    auto v = member(e, key);
    bool b = false;
    if (!v || v->get_bool().get(b) != simdjson::SUCCESS) return std::nullopt;
    return b;
}

}  // namespace planrules::lsp
