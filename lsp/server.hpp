#pragma once
// The language server: the lifecycle (initialize, shutdown, exit), the documents and what is
// asked of them, one handler a method (server.cpp, the table `methods`). It does no I/O: bodies
// come in through receive(), answers go out through the `send` given, and the debounced
// diagnostics are published by tick(); serve.cpp runs it over standard input and output.
// Nothing it receives makes it throw or stop: an invalid message gets a JSON-RPC error.

#include "lsp/features.hpp"
#include "lsp/workspace.hpp"

#include <planrules/date.hpp>

#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>

namespace planrules::lsp {

using Clock = std::chrono::steady_clock;

struct ServerOptions {
    // How long after the last change of a document its diagnostics are published.
    std::chrono::milliseconds debounce{150};
    // The date a test without `as of` is run on (the default: today).
    std::optional<Date> today;
};

class Server {
public:
    using Send = std::function<void(const std::string& body)>;
    explicit Server(Send send, ServerOptions options = {});

    // One message body from the client, handled at `now`.
    void receive(std::string_view body, Clock::time_point now = Clock::now());
    // A header that could not be read: answered with a parse error (id null).
    void receive_framing_error(const std::string& why) { send_(error_response("null", ErrorCode::parse_error, why)); }
    // A request the client cancelled before it was handled: it is answered with
    // RequestCancelled when it comes (serve.cpp reads cancellations ahead).
    void cancel(std::string id) {
        if (cancelled_.size() >= 1024) cancelled_.clear();  // cancellations of requests long answered
        cancelled_.insert(std::move(id));
    }
    // Publishes the diagnostics due by `now`.
    void tick(Clock::time_point now = Clock::now());
    // When tick() has work next, if it has any.
    [[nodiscard]] std::optional<Clock::time_point> next_tick() const;

    [[nodiscard]] bool exited() const noexcept { return exit_code_.has_value(); }
    [[nodiscard]] int exit_code() const noexcept { return exit_code_.value_or(1); }

    struct Context;  // what a handler gets (server.cpp)

private:
    void dispatch(const Message& m, Clock::time_point now);
    void publish(const std::filesystem::path& path, bool with_tests);

    Send send_;
    ServerOptions options_;
    Workspace workspace_;
    simdjson::dom::parser parser_;
    simdjson::dom::parser empty_parser_;
    simdjson::dom::element empty_;
    bool initialized_ = false;
    bool shut_down_ = false;
    std::optional<int> exit_code_;
    std::set<std::string> cancelled_;
    std::map<std::string, Clock::time_point> due_;  // uri -> when its diagnostics are published
    std::set<std::string> published_;               // URIs with diagnostics shown
    friend struct Handlers;
};

}  // namespace planrules::lsp
