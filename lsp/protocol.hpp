#pragma once
// The base protocol of the Language Server Protocol: JSON-RPC 2.0 messages framed by a
// `Content-Length` header. Bytes come in (Framer), bodies are read with simdjson (read()), and
// every answer is built with the project's one JSON writer.

#include "json/writer.hpp"

#include <simdjson.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace planrules::lsp {

// JSON-RPC and LSP error codes.
enum class ErrorCode : int {
    parse_error = -32700,
    invalid_request = -32600,
    method_not_found = -32601,
    invalid_params = -32602,
    internal_error = -32603,
    server_not_initialized = -32002,
    request_failed = -32803,
    request_cancelled = -32800,
};

// The largest body a client may send; a larger one is refused before it is read.
inline constexpr std::size_t max_body = 64u << 20;

// Splits a byte stream into message bodies. A header block without a valid Content-Length
// (or one past max_body) is a framing error: the block is dropped, and so is the body it
// announces when its length is known, so the stream stays in step.
class Framer {
public:
    void feed(std::string_view bytes) { buffer_.append(bytes.data(), bytes.size()); }

    struct Frame {
        std::string body;   // when error is empty
        std::string error;  // why the header could not be read
    };
    // The next whole frame, or nothing until more bytes come.
    [[nodiscard]] std::optional<Frame> next();

private:
    std::string buffer_;
    std::size_t skip_ = 0;  // bytes of a refused body still to drop
};

// One message, as read from its body.
struct Message {
    enum class Kind : std::uint8_t { request, notification, response, invalid };
    Kind kind = Kind::invalid;
    std::string id;      // the id as JSON text ("7", "\"a\""); "null" when it could not be read
    std::string method;
    simdjson::dom::element params;  // valid while the parser that read it is not reused
    bool has_params = false;
    std::string error;   // Kind::invalid: why
    ErrorCode code = ErrorCode::invalid_request;
};

// Reads a body; never throws. Anything that is not one JSON object of JSON-RPC 2.0 is a
// Kind::invalid message with its error code (parse_error for what is not JSON).
[[nodiscard]] Message read(simdjson::dom::parser& parser, std::string_view body);

// A framed message: "Content-Length: N\r\n\r\n" and the body.
[[nodiscard]] std::string frame(std::string_view body);

// Bodies of answers. `result` and `params` are JSON texts built with json::Writer.
[[nodiscard]] std::string response(std::string_view id, std::string_view result);
[[nodiscard]] std::string error_response(std::string_view id, ErrorCode code, std::string_view message);
[[nodiscard]] std::string notification(std::string_view method, std::string_view params);

// Reading parameters: each gives nothing when the member is absent or of another type.
[[nodiscard]] std::optional<simdjson::dom::element> member(simdjson::dom::element e, std::string_view key);
[[nodiscard]] std::optional<std::string_view> string_member(simdjson::dom::element e, std::string_view key);
[[nodiscard]] std::optional<std::int64_t> int_member(simdjson::dom::element e, std::string_view key);
[[nodiscard]] std::optional<bool> bool_member(simdjson::dom::element e, std::string_view key);

}  // namespace planrules::lsp
