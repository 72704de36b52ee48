// The one JSON writer (json::Writer): separators, layouts, numbers JSON has no text for, and
// that what it writes is JSON whatever the strings hold.

#include "support.hpp"

#include "json/syntax.hpp"
#include "json/writer.hpp"

#include <limits>

using planrules::json::Layout;
using planrules::json::Writer;

TEST_CASE("json writer: one-line containers separate with a comma and a space", "[report][json]") {
    std::string out;
    Writer w(out);
    w.begin_object().field("a", 1).field("b", "x").key("c").begin_array().number(1).number(-2).end_array();
    w.key("d").begin_object().end_object().key("e").null().field("f", true).end_object();
    CHECK(out == R"({"a": 1, "b": "x", "c": [1, -2], "d": {}, "e": null, "f": true})");
    CHECK(planrules::json::is_json(out));
}

TEST_CASE("json writer: a lines layout puts each element on its own line, an empty one stays []", "[report][json]") {
    std::string out;
    Writer w(out);
    w.begin_object(Layout::lines(2)).key("xs").begin_array(Layout::lines(4)).number(1).number(2).end_array();
    w.key("none").begin_array(Layout::lines(4)).end_array().end_object();
    CHECK(out == "{\n  \"xs\": [\n    1,\n    2\n  ],\n  \"none\": []\n}");
    CHECK(planrules::json::is_json(out));
}

TEST_CASE("json writer: break_line breaks a one-line container before its next element only", "[report][json]") {
    std::string out;
    Writer w(out);
    w.begin_object().field("a", 1).break_line(4).field("b", 2).field("c", 3).end_object();
    CHECK(out == "{\"a\": 1,\n    \"b\": 2, \"c\": 3}");
}

TEST_CASE("json writer: numbers that are not finite are null, fixed keeps its decimals", "[report][json]") {
    std::string out;
    Writer w(out);
    w.begin_array().fixed(0.5, 3).fixed(std::numeric_limits<double>::infinity(), 0);
    w.fixed(std::numeric_limits<double>::quiet_NaN(), 2).fixed(-1.0 / 3.0, 4).end_array();
    CHECK(out == "[0.500, null, null, -0.3333]");
    CHECK(planrules::json::is_json(out));
}

TEST_CASE("json writer: keys and strings are escaped, invalid UTF-8 replaced", "[report][json]") {
    std::string out;
    Writer w(out);
    w.begin_object().field("k\"\n", std::string_view("v\x01\xff", 3)).key("list").strings({"a", "b\\"}).end_object();
    CHECK(out == R"({"k\"\n": "v\u0001\ufffd", "list": ["a", "b\\"]})");
    CHECK(planrules::json::is_json(out));
}

TEST_CASE("json writer: raw inserts checked JSON text as a value", "[report][json]") {
    std::string out;
    Writer w(out);
    w.begin_array().raw(R"({"x": [1]})").string("y").end_array();
    CHECK(out == R"([{"x": [1]}, "y"])");
}
