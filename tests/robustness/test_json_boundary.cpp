// The JSON boundary: the strict check of what comes in (json/syntax.hpp), the one writer of what
// goes out (append_json_string), bounded reads (planrules/read.hpp), memory bounded by the plan
// (max_findings) and diagnostics that respect the audience.

#include "eval/probe.hpp"

#include "json/syntax.hpp"

#include "text/strings.hpp"
#include <planrules/read.hpp>

#include <fmt/format.h>

#include <csignal>
#include <filesystem>
#include <thread>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace planrules;
using planrules::test::plan_json;

namespace {

using planrules::test::shipped;

ValidateOptions as_of(Audience audience = Audience::af) {
    ValidateOptions o;
    o.as_of = Date{2024, 7, 15};
    o.audience = audience;
    return o;
}

// Every line of `out` is one JSON text.
bool json_lines(const std::string& out) {
    std::size_t begin = 0;
    while (begin < out.size()) {
        std::size_t end = out.find('\n', begin);
        if (end == std::string::npos) end = out.size();
        if (end > begin && !json::is_json(std::string_view(out).substr(begin, end - begin))) return false;
        begin = end + 1;
    }
    return true;
}

std::filesystem::path temp_dir() {
    return test::scratch_dir("json-boundary");
}

}  // namespace

TEST_CASE("strict JSON check: RFC 8259, with the offset of the first error", "[json][syntax]") {
    struct Case {
        std::string text;
        std::optional<std::size_t> error_at;  // nothing: JSON
    };
    const std::vector<Case> cases = {
        {"{}", {}}, {" [1, -0, 0.5, 1e5, 1E+5, -1.25e-10, 1e400, 123456789012345678901234567890] ", {}},
        {R"("\" \\ \/ \b \f \n \r \t \u0000 \u00e5 \uD83D\uDE00")", {}}, {"\"\xC3\xA5\xF0\x9F\x98\x80\"", {}},
        {R"({"a": {"a": [true, false, null]}, "a": 1})", {}}, {"\t\r\n 1 \t\r\n", {}},
        {"", 0}, {"   ", 3}, {"[1.]", 3}, {"[.5]", 1}, {"[-01]", 1}, {"[01]", 1}, {"[+1]", 1}, {"[0x1]", 2},
        {"[1+2]", 2}, {"[-]", 2}, {"[1e]", 3}, {"[1e+]", 4}, {"[-Infinity]", 1}, {"[NaN]", 1}, {"[1 2]", 3},
        {"[tru]", 1}, {"[True]", 1}, {"[nulll]", 5}, {R"(["\x41"])", 2}, {R"(["\U0041"])", 2}, {R"(["\'"])", 2},
        {R"(["\u12"])", 2}, {R"(["\uD800"])", 2}, {R"(["\uDC00"])", 2}, {R"(["\uD800\u0041"])", 2},
        {std::string("[\"a\0b\"]", 7), 3}, {"[\"a\tb\"]", 3}, {"[\"abc", 1}, {"[\"ab\ncd\"]", 1},
        {"[\"\x80\"]", 2}, {"[\"\xC0\xAF\"]", 2}, {"[\"\xED\xA0\x80\"]", 2}, {"[\"\xF4\x90\x80\x80\"]", 2},
        {"[1,]", 3}, {"[,1]", 1}, {R"({"a":1,})", 7}, {R"({"a" 1})", 5}, {"{a:1}", 1}, {"{1:2}", 1},
        {"[}", 1}, {"{]", 1}, {"[", 1}, {"{", 1}, {"[1]]", 3}, {"[1] x", 4}, {"{} {}", 3}, {"/* c */ {}", 0},
        {"[1]\x0C", 3}, {"[\xC2\xA0]", 1}, {std::string("[1]\0", 4), 3}, {"'a'", 0},
    };
    for (const auto& c : cases) {
        CAPTURE(c.text);
        auto error = json::check_syntax(c.text);
        if (!c.error_at) {
            CHECK_FALSE(error);
            continue;
        }
        REQUIRE(error);
        CHECK(error->offset == *c.error_at);
        CHECK_FALSE(error->message.empty());
        CHECK_FALSE(error->help.empty());
    }
}

TEST_CASE("strict JSON check: any depth, without recursion", "[json][syntax]") {
    const std::size_t n = 1'000'000;
    CHECK(json::is_json(std::string(n, '[') + std::string(n, ']')));
    CHECK(json::nesting(std::string(n, '[') + std::string(n, ']')) == n);
    auto open = json::check_syntax(std::string(100'000, '['));
    REQUIRE(open);
    CHECK(open->offset == 100'000);
    // an error below the depth limit of plans is still an error
    auto bottom = json::check_syntax(std::string(200, '[') + "tru" + std::string(200, ']'));
    REQUIRE(bottom);
    CHECK(bottom->offset == 200);
}

TEST_CASE("JSON writer: control characters escaped, invalid UTF-8 as U+FFFD, always JSON", "[json][writer]") {
    std::string out;
    detail::append_json_string(out, std::string("a\0b\x01\x1F\x7F\"\\\n\xC3\xA5", 11));
    CHECK(out == "\"a\\u0000b\\u0001\\u001f\x7F\\\"\\\\\\n\xC3\xA5\"");
    out.clear();
    detail::append_json_string(out, "x\xFFy\xC3z\xED\xA0\x80");
    CHECK(out == "\"x\\ufffdy\\ufffdz\\ufffd\\ufffd\\ufffd\"");
    CHECK(json::is_json(out));
}

TEST_CASE("plans: a value of the wrong type, whatever it holds, gives a report that is JSON", "[json][loading]") {
    for (std::string value : std::vector<std::string>{"[1, {\"a\": [null]}]", "{\"k\": \"\\u0000\"}", "\"\\u0000\\n\\\"x\"", "-0.0e-0",
                              "123456789012345678901234567890", "\"" + std::string(200, 'a') + "\"", "true"}) {
        CAPTURE(value);
        for (std::string field : {"\"version\": 4", "\"upprattad_datum\": \"2024-01-25\"", "\"status\": \"upprattad\""}) {
            std::string text = test::read_file(test::source_dir() + "/examples/plans/komplett.json");
            text.replace(text.find(field), field.size(), field.substr(0, field.find(':') + 2) + value);
            auto plan = shipped().load_json(text);
            REQUIRE(plan);
            REQUIRE_FALSE(plan->input_findings().empty());
            const std::string out = render_report_json(shipped().validate(*plan, as_of()), "x.json");
            CHECK(json_lines(out));
        }
    }
    // a file name that is not UTF-8
    auto plan = shipped().load_json(plan_json());
    REQUIRE(plan);
    CHECK(json_lines(render_report_json(shipped().validate(*plan, as_of()), "fil-\xFF.json")));
    auto refused = shipped().load_json("{\"id\": tru}", "fil-\xFF.json");
    REQUIRE_FALSE(refused);
    CHECK(json_lines(render_load_error_json(refused.error().front().message, refused.error(), "fil-\xFF.json")));
}

TEST_CASE("plans: a finding about a sensitive field is sensitive, whatever it is", "[json][loading][audience]") {
    const std::string text = plan_json(R"(, "funktionsnedsattning": {"kod": "F1", "kod": "F2", "dokumenterad": "ja", )"
                                       R"("samtycke_datum": "2024-02-30", "paverkar_arbetsformaga": )" +
                                       std::string(70, '[') + "true" + std::string(70, ']') + "}");
    auto plan = shipped().load_json(text);
    REQUIRE(plan);
    // a repeated key, two values of the wrong type (one nested too deeply), no such date
    REQUIRE(plan->input_findings().size() == 5);
    for (const auto& f : plan->input_findings()) {
        CAPTURE(f.pointer, f.message);
        CHECK(f.sensitive);
        CHECK(f.pointer.rfind("/sokande/funktionsnedsattning/", 0) == 0);
    }
    for (Audience a : {Audience::kommun, Audience::leverantor}) {
        const Report r = shipped().validate(*plan, as_of(a));
        const std::string out = render_report_json(r) + render_report_text(r, false);
        CHECK(out.find("funktionsnedsattning") == std::string::npos);
        CHECK(out.find("F2") == std::string::npos);
        CHECK(out.find("2024-02-30") == std::string::npos);
    }
    CHECK(shipped().validate(*plan, as_of()).findings.size() >= 4);
}

TEST_CASE("plans: a refused plan costs no copy of its text, and the diagnostic keeps its place", "[json][loading]") {
    // a minified plan of 4 MB, not JSON near its end: the diagnostic holds the part around the error
    std::string text = "{\"id\": \"P\", \"okand\": [" + std::string(4u << 20, '1') + ", tru]}";
    auto plan = shipped().load_json(text);
    REQUIRE_FALSE(plan);
    const Diagnostic& d = plan.error().front();
    REQUIRE(d.file);
    CHECK(d.file->text().size() <= 400);
    const auto pos = d.file->position(d.span.begin);
    CHECK(pos.line == 1);
    CHECK(pos.column == text.find("tru") + 1);
    CHECK(d.file->slice(d.span) == "t");
    // on a later line
    std::string lines = "{\n\"a\": 1,\n" + std::string(1000, ' ') + "\"b\": 01}";
    auto later = shipped().load_json(lines);
    REQUIRE_FALSE(later);
    const auto at = later.error().front().file->position(later.error().front().span.begin);
    CHECK(at.line == 3);
    CHECK(at.column == 1006);
    CHECK_THAT(render_text(later.error()), Catch::Contains("plan.json:3:1006: error"));
    // too large: refused before a byte is read, no text kept
    PlanLimits small;
    small.max_plan_size = 1000;
    auto large = shipped().load_json(text, "stor.json", small);
    REQUIRE_FALSE(large);
    CHECK(large.error().front().code == "plan-too-large");
    CHECK_FALSE(large.error().front().file);
}

TEST_CASE("reads: directories and devices are refused, streams stop at the limit", "[json][read]") {
    const auto dir = temp_dir();
    auto dir_read = read_input(dir, 1000, plan_input, "d");
    REQUIRE_FALSE(dir_read);
    CHECK(dir_read.error().message == "the plan path is a directory");
    CHECK(dir_read.error().code == "io-error");
    for (const char* device : {"/dev/zero", "/dev/null", "/dev/urandom"}) {
        auto r = read_input(device, 1000, plan_input, device);
        REQUIRE_FALSE(r);
        CHECK(r.error().message == "the plan path is a device, not a file");
    }
    auto missing = read_input(dir / "finns-inte.json", 1000, plan_input, "finns-inte.json");
    REQUIRE_FALSE(missing);
    CHECK_THAT(missing.error().message, Catch::StartsWith("cannot read plan 'finns-inte.json': "));
    // a regular file over the limit: refused by its size; at the limit: read whole
    const auto file = dir / "plan.json";
    test::write_file(file.string(), std::string(1001, ' '));
    auto over = read_input(file, 1000, plan_input, "plan.json");
    REQUIRE_FALSE(over);
    CHECK(over.error().code == "plan-too-large");
    CHECK(over.error().message == "the plan is 1001 bytes; the limit is 1000 bytes");
    auto exact = read_input(file, 1001, rule_input, "plan.json", 64);
    REQUIRE(exact);
    CHECK(exact->size() == 1001);
    CHECK(exact->capacity() >= 1001 + 64);
    // a FIFO whose writer never stops: the read stops after the limit plus one byte
    const auto fifo = dir / "strom";
    const auto old_handler = std::signal(SIGPIPE, SIG_IGN);  // the writer's last write
    std::filesystem::remove(fifo);
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    std::thread writer([&] {
        const int fd = ::open(fifo.c_str(), O_WRONLY);
        const std::string block(4096, 'x');
        while (::write(fd, block.data(), block.size()) > 0) {}
        ::close(fd);
    });
    auto stream = read_input(fifo, 100'000, plan_input, "strom");
    writer.join();  // (its write fails once the reader has closed the FIFO)
    REQUIRE_FALSE(stream);
    CHECK(stream.error().code == "plan-too-large");
    CHECK(stream.error().message == "the plan is more than 100000 bytes; the limit is 100000 bytes");
    // /proc files say they are empty, and some cannot be read at all
    auto status = read_input("/proc/self/status", 1u << 20, plan_input, "status");
    REQUIRE(status);
    CHECK(status->find("Name:") != std::string::npos);
    auto mem = read_input("/proc/self/mem", 1u << 20, plan_input, "mem");
    REQUIRE_FALSE(mem);
    CHECK(mem.error().code == "io-error");
    // RuleSet::load_file reads in place
    test::write_file(file.string(), test::read_file(test::source_dir() + "/examples/plans/komplett.json"));
    auto plan = shipped().load_file(file);
    REQUIRE(plan);
    CHECK(plan->id() == "HP-2024-000123");
    auto not_plan = shipped().load_file(dir);
    REQUIRE_FALSE(not_plan);
    CHECK(not_plan.error().front().message == "the plan path is a directory");
    std::signal(SIGPIPE, old_handler);
}

TEST_CASE("reports: at most max_findings findings are listed, every one is counted", "[json][limits]") {
    std::string activities;
    for (int i = 0; i < 300; ++i)
        activities += (i ? ", " : "") + fmt::format(R"({{"id": "A{}", "typ": "studier", "status": "planerad"}})", i);
    const std::string text = plan_json("", ", \"aktiviteter\": [" + activities + "]");
    auto plan = shipped().load_json(text);
    REQUIRE(plan);
    ValidateOptions o = as_of();
    const Report all = [&] {
        ValidateOptions unlimited = o;
        unlimited.max_findings = 0;
        return shipped().validate(*plan, unlimited);
    }();
    REQUIRE(all.findings.size() > 300);
    o.max_findings = 10;
    const Report r = shipped().validate(*plan, o);
    CHECK(r.findings.size() == 10);
    CHECK(r.omitted_count() == all.findings.size() - 10);
    CHECK(r.count(Severity::error) == all.count(Severity::error));
    CHECK(r.count(Severity::warning) == all.count(Severity::warning));
    CHECK(r.results == all.results);
    const std::string json = render_report_json(r);
    CHECK(json_lines(json));
    CHECK_THAT(json, Catch::Contains(fmt::format("\"findings_omitted\": {}}}", r.omitted_count())));
    CHECK_THAT(render_report_text(r, false, Language::sv), Catch::Contains(fmt::format("{} avvikelser till listas inte", r.omitted_count())));
    CHECK_THAT(render_report_text(r, false), Catch::Contains(fmt::format("{} findings not listed", r.omitted_count())));
    CHECK(render_report_json(all).find("findings_omitted") == std::string::npos);
    // PLAN-FORMAT findings past PlanLimits::max_findings are counted, not made
    std::string bad;
    for (int i = 0; i < 50; ++i) bad += (i ? ", " : "") + fmt::format(R"({{"id": {}, "typ": "studier", "status": "planerad"}})", i);
    PlanLimits limits;
    limits.max_findings = 5;
    auto invalid = shipped().load_json(plan_json("", ", \"aktiviteter\": [" + bad + "]"), "plan.json", limits);
    REQUIRE(invalid);
    CHECK(invalid->input_findings().size() == 5);
    CHECK(invalid->omitted_input_findings()[0] == 45);
    ValidateOptions unlimited = as_of();
    unlimited.max_findings = 0;
    const Report ri = shipped().validate(*invalid, unlimited);
    CHECK(ri.omitted[static_cast<std::size_t>(Severity::error)] == 45);
}
