// The server over file descriptors (serve.hpp).

#include "lsp/serve.hpp"

#include <cerrno>
#include <deque>
#include <poll.h>
#include <unistd.h>

namespace planrules::lsp {

namespace {

bool write_all(int fd, const std::string& s) {
    std::size_t done = 0;
    while (done < s.size()) {
        const ssize_t n = ::write(fd, s.data() + done, s.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        done += static_cast<std::size_t>(n);
    }
    return true;
}

// The id of a `$/cancelRequest` body, or nothing when it is not one.
std::optional<std::string> cancelled_id(simdjson::dom::parser& parser, const std::string& body) {
    if (body.find("$/cancelRequest") == std::string::npos) return std::nullopt;
    const Message m = read(parser, body);
    if (m.kind != Message::Kind::notification || m.method != "$/cancelRequest") return std::nullopt;
    auto id = member(m.params, "id");
    if (!id) return std::nullopt;
    return std::string(simdjson::minify(*id));
}

}  // namespace

int serve(int in, int out, ServerOptions options) {
    bool broken = false;
    Server server([&](const std::string& body) { broken = broken || !write_all(out, frame(body)); }, options);
    Framer framer;
    simdjson::dom::parser scan;
    std::deque<std::string> queue;
    bool eof = false;
    char buf[65536];
    while (!server.exited() && !broken) {
        // wait for input, or for the next debounced work
        int timeout = -1;
        if (!queue.empty()) timeout = 0;
        else if (auto next = server.next_tick()) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(*next - Clock::now()).count();
            timeout = left < 0 ? 0 : static_cast<int>(std::min<long long>(left + 1, 60'000));
        }
        if (!eof) {
            pollfd p{in, POLLIN, 0};
            const int ready = ::poll(&p, 1, timeout);
            if (ready > 0) {
                const ssize_t n = ::read(in, buf, sizeof buf);
                if (n > 0) framer.feed({buf, static_cast<std::size_t>(n)});
                else if (n == 0 || (errno != EINTR && errno != EAGAIN)) eof = true;
            } else if (ready < 0 && errno != EINTR) {
                eof = true;
            }
            while (auto f = framer.next()) {
                if (!f->error.empty()) {
                    server.receive_framing_error(f->error);
                    continue;
                }
                if (auto id = cancelled_id(scan, f->body)) server.cancel(*id);
                else queue.push_back(std::move(f->body));
            }
        }
        if (!queue.empty()) {
            server.receive(queue.front());
            queue.pop_front();
            continue;
        }
        if (eof) break;
        server.tick();
    }
    return server.exited() ? server.exit_code() : 1;
}

}  // namespace planrules::lsp
