// Bounded reads of plans and rule files (planrules/read.hpp), with POSIX calls: the kind of a
// path is known before anything is read, and a read never asks for more than the limit allows.

#include "text/catalogue.hpp"

#include <planrules/read.hpp>

#include <fmt/format.h>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace planrules {

namespace {

Diagnostic input_error(const std::string& display, const char* code, std::string message, std::string help = {}) {
    Diagnostic d;
    d.code = code;
    d.file_name = display;
    d.message = std::move(message);
    d.help = std::move(help);
    return d;
}

// Why a path of this kind is not read, or nothing when it is read.
const char* refused(mode_t mode) {
    if (S_ISDIR(mode)) return text::N_("is a directory");
    if (S_ISCHR(mode) || S_ISBLK(mode)) return text::N_("is a device, not a file");
    if (S_ISSOCK(mode)) return text::N_("is a socket, not a file");
    return nullptr;
}

}  // namespace

tl::expected<std::string, Diagnostic> read_input(const std::filesystem::path& path, std::size_t limit,
                                                 const InputKind& kind, const std::string& display,
                                                 std::size_t padding) {
    using text::tr;
    const bool standard_input = path == "-";
    const std::string_view noun = text::translate(kind.noun);
    auto fail = [&](const char* code, std::string message, std::string help = {}) {
        return tl::unexpected(input_error(display, code, std::move(message), std::move(help)));
    };
    auto cannot_read = [&] {  // (errno says why)
        return fail("io-error", tr("cannot read {} '{}': {}", noun, display, std::strerror(errno)));
    };
    auto too_large = [&](std::string size) {
        return fail(kind.too_large_code, tr("the {} is {} bytes; the limit is {} bytes", noun, size, limit),
                    std::string(text::translate(kind.too_large_help)));
    };
    struct stat st {};
    if (!standard_input) {
        if (::stat(path.c_str(), &st) != 0) return cannot_read();
        if (const char* why = refused(st.st_mode)) return fail("io-error", tr("the {} path {}", noun, text::translate(why)));
        if (S_ISREG(st.st_mode) && static_cast<std::uintmax_t>(st.st_size) > limit)
            return too_large(std::to_string(st.st_size));
    }
    const int fd = standard_input ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return cannot_read();
    struct Close {
        int fd;
        bool own;
        ~Close() {
            if (own) ::close(fd);
        }
    } close{fd, !standard_input};
    // (the path may have changed between stat and open; what was opened decides)
    if (::fstat(fd, &st) != 0) return cannot_read();
    if (!standard_input) {
        if (const char* why = refused(st.st_mode)) return fail("io-error", tr("the {} path {}", noun, text::translate(why)));
    } else if (S_ISDIR(st.st_mode)) {
        return fail("io-error", tr("standard input is a directory, not a {}", noun));
    }
    // A regular file's size is known (but /proc files say 0, and files grow): read to the
    // limit plus one byte whatever it says. The room is reserved once and filled by reads, so
    // memory grows with what was read (untouched reserved pages cost nothing).
    std::string text;
    const std::size_t most = limit + 1;
    text.reserve(padding +
                 (S_ISREG(st.st_mode) && st.st_size > 0 ? std::min(most, static_cast<std::size_t>(st.st_size) + 1) : most));
    char chunk[1u << 16];
    while (text.size() < most) {
        const ssize_t n = ::read(fd, chunk, std::min(sizeof chunk, most - text.size()));
        if (n < 0) {
            if (errno == EINTR) continue;
            return cannot_read();
        }
        if (n == 0) break;
        text.append(chunk, static_cast<std::size_t>(n));
    }
    const std::size_t size = text.size();
    if (size > limit) return too_large(tr("more than {}", limit));
    return text;
}

}  // namespace planrules
