#pragma once
// Runs the planrules command-line tool as a real process, for the tests of its commands.

#include "support.hpp"

#include <cstdio>
#include <filesystem>
#include <string>
#include <sys/wait.h>

namespace planrules::test {

struct Run {
    int status = -1;   // the exit status, -1 when the tool did not exit normally
    std::string out;   // standard output (and standard error, unless left out)
};

// `planrules ARGS` run in `dir` (default: the source directory).
inline Run run_cli(const std::string& args, const std::string& dir = source_dir(), bool with_stderr = true) {
    std::string cmd = "cd '" + dir + "' && '" + PLANRULES_CLI + "' " + args + (with_stderr ? " 2>&1" : " 2>/dev/null");
    Run r;
    FILE* pipe = popen(cmd.c_str(), "r");
    REQUIRE(pipe != nullptr);
    char buf[4096];
    std::size_t n;
    while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) r.out.append(buf, n);
    int st = pclose(pipe);
    r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    return r;
}

}  // namespace planrules::test
