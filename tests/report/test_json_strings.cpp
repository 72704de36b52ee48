// JSON string escaping (detail::append_json_string), used by every JSON the engine writes:
// reports, findings files, evidence values and diagnostics.

#include "support.hpp"

#include "text/strings.hpp"

using planrules::detail::append_json_string;

namespace {
std::string quoted(std::string_view s) {
    std::string out = "x=";
    append_json_string(out, s);
    return out;
}
}  // namespace

TEST_CASE("json strings: quotes, backslashes and control characters are escaped, the rest copied", "[report][json]") {
    CHECK(quoted("") == "x=\"\"");
    CHECK(quoted("plain text") == "x=\"plain text\"");
    CHECK(quoted("a\"b\\c") == "x=\"a\\\"b\\\\c\"");
    CHECK(quoted("rad 1\nrad 2\r\tslut") == "x=\"rad 1\\nrad 2\\r\\tslut\"");
    CHECK(quoted(std::string_view("\x01\x1f\0z", 4)) == "x=\"\\u0001\\u001f\\u0000z\"");
    CHECK(quoted("Åtgärd för sökande \xE2\x82\xAC") == "x=\"Åtgärd för sökande \xE2\x82\xAC\"");
    CHECK(quoted("\"") == "x=\"\\\"\"");
    CHECK(quoted("slut\\") == "x=\"slut\\\\\"");
}
