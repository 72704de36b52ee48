#pragma once
// The server over a pair of file descriptors (standard input and output for `planrules lsp`):
// it reads whatever has come, reads cancellations ahead of the requests they cancel, handles
// the messages in order, and publishes debounced diagnostics when the client is quiet.

#include "lsp/server.hpp"

namespace planrules::lsp {

// Runs until the client sends `exit` or closes its end; returns the exit status (0 after a
// shutdown request, 1 otherwise, as LSP asks).
int serve(int in, int out, ServerOptions options = {});

}  // namespace planrules::lsp
