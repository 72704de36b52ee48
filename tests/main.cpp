#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <cstdlib>

// The tests read the tool's English texts unless they ask for another language (--lang sv):
// the language of the environment they run in must not change what they see.
int main(int argc, char* argv[]) {
    unsetenv("LC_ALL");
    unsetenv("LC_MESSAGES");
    setenv("LANG", "C", 1);
    return Catch::Session().run(argc, argv);
}
