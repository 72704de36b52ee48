// Plan loading (RuleSet::load_json) against the shipped schema: values that do not fit become
// PLAN-FORMAT findings with JSON pointers; text that is not JSON is a diagnostic with line and
// column; every limit has a test that exceeds it; hostile bytes never crash.

#include "eval/probe.hpp"

#include "load/load.hpp"

#include <filesystem>

using namespace planrules;
using planrules::test::plan_json;

namespace {

using planrules::test::shipped;

// "pointer: message" of each input finding, or "ERROR line:column: message" when refused.
std::vector<std::string> load(std::string_view text, const PlanLimits& limits = {}) {
    auto plan = shipped().load_json(text, "plan.json", limits);
    std::vector<std::string> out;
    if (!plan) {
        for (const auto& d : plan.error()) {
            if (!d.file) {  // about the whole plan (its size), no position
                out.push_back(fmt::format("ERROR: {}", d.message));
                continue;
            }
            auto pos = d.file->position(d.span.begin);
            out.push_back(fmt::format("ERROR {}:{}: {}", pos.line, pos.column, d.message));
        }
        return out;
    }
    for (const auto& f : plan->input_findings()) {
        CHECK(f.rule == "PLAN-FORMAT");
        CHECK(f.outcome == Outcome::invalid_input);
        out.push_back(f.pointer + ": " + f.message);
    }
    return out;
}

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("plan loading: a plan that fits the schema has no input findings; unknown keys are ignored",
          "[eval][loading]") {
    CHECK(load(plan_json()).empty());
    CHECK(load(plan_json(R"(, "okand": {"a": [1, 2, {"b": null}]}, "x": 1e400)", R"(, "extra": "ja")")).empty());
    for (const auto& e : std::filesystem::directory_iterator(test::source_dir() + "/examples/plans")) {
        CAPTURE(e.path().string());
        auto plan = shipped().load_json(test::read_file(e.path().string()), e.path().filename().string());
        if (e.path().filename() == "avbruten-overforing.json") CHECK_FALSE(plan.has_value());  // cut off on purpose
        else CHECK(plan.has_value());
    }
}

TEST_CASE("plan loading: wrong types, impossible dates, unknown codes and missing required fields are findings",
          "[eval][loading]") {
    CHECK(load(plan_json("", R"(, "upprattad_datum": "2023-02-30")")) ==
          Lines{"/upprattad_datum: The value of upprättad is not a valid date: 2023-02-30 does not exist in the calendar."});
    auto plus = load(plan_json("", R"(, "upprattad_datum": "+002023-01-01")"));
    REQUIRE(plus.size() == 1);
    CHECK(plus[0].rfind("/upprattad_datum: The value of upprättad is not a valid date: \"+002023-01-01\"", 0) == 0);
    for (std::string_view bad : {R"("2023-1-05")", R"("2023-01-05T10:00:00Z")", R"("20230105")", R"("")", "20230105"}) {
        CAPTURE(bad);
        auto r = load(plan_json("", fmt::format(R"(, "upprattad_datum": {})", bad)));
        REQUIRE(r.size() == 1);
        CHECK(r[0].rfind("/upprattad_datum: ", 0) == 0);
    }
    CHECK(load(plan_json("", R"(, "revidering": "telefonmote")")).size() == 1);
    std::string wrong_status = plan_json();
    wrong_status.replace(wrong_status.find("\"upprattad\""), 11, "\"okand\"");
    CHECK(load(wrong_status).size() == 1);
    std::string no_typ = plan_json();
    no_typ.replace(no_typ.find(R"("typ": "ordinarie",)"), 19, "");
    CHECK(load(no_typ) == Lines{"/typ: The field typ av plan is missing but is required."});
    CHECK(load(plan_json("", R"(, "aktiviteter": [1, {"id": 2, "typ": "kurs", "status": "planerad"}])")) ==
          Lines{"/aktiviteter/0: The value of aktivitet (no. 1 in the list) must be an object, not 1.",
                "/aktiviteter/1/id: The value of aktivitet (no. 2 in the list), id must be a text, not 2."});
    CHECK(load(plan_json(R"(, "tillfalligt_arbete": "ja")")) ==
          Lines{"/sokande/tillfalligt_arbete: The value of den arbetssökande, tillfälligt arbete must be a truth value (true or false), not \"ja\"."});
    // null in a required field
    std::string null_id = plan_json();
    null_id.replace(null_id.find("\"P-1\""), 5, "null");
    CHECK(load(null_id) == Lines{"/id: The value of planens id is missing (null) but is required."});
}

TEST_CASE("plan loading: numbers out of range", "[eval][loading]") {
    auto with_version = [](std::string_view v) {
        std::string s = plan_json();
        return s.replace(s.find("\"version\": 3"), 12, "\"version\": " + std::string(v));
    };
    CHECK(load(with_version("9223372036854775807")).empty());
    CHECK(load(with_version("-9223372036854775808")).empty());
    CHECK(load(with_version("9223372036854775808")) ==
          Lines{"/version: The number 9223372036854775808 in version is too large; a whole number lies between "
                "-9223372036854775808 and 9223372036854775807."});
    CHECK(load(with_version("-9223372036854775809")) ==
          Lines{"/version: The number -9223372036854775809 in version is too small; a whole number lies between "
                "-9223372036854775808 and 9223372036854775807."});
    CHECK(load(with_version("99999999999999999999")).size() == 1);
    CHECK(load(with_version("1e400")).size() == 1);
    CHECK(load(with_version("1.5")) == Lines{"/version: The value of version must be a whole number, not 1.5."});
    CHECK(load(plan_json(R"(, "jobbchans": {"procent": 1e308})")).empty());
    CHECK(load(plan_json(R"(, "jobbchans": {"procent": 1e999})")).size() == 1);
}

TEST_CASE("plan loading: duplicate keys: the first value is used, the repetition is a finding", "[eval][loading]") {
    std::string dup = plan_json();
    dup.insert(dup.find("\"status\""), R"("version": 7, )");
    auto plan = shipped().load_json(dup);
    REQUIRE(plan);
    REQUIRE(plan->input_findings().size() == 1);
    CHECK(plan->input_findings()[0].pointer == "/version");
    CHECK(plan->input_findings()[0].message == "The field version occurs twice; the first value is used.");
    // and the repeated value must still be JSON
    std::string dup_bad = plan_json();
    dup_bad.insert(dup_bad.find("\"status\""), R"("version": [1,,2], )");
    auto r = load(dup_bad);
    REQUIRE(r.size() == 1);
    CHECK(r[0].rfind("ERROR 1:", 0) == 0);
}

TEST_CASE("plan loading: text that is not JSON is refused with line and column", "[eval][loading]") {
    CHECK(load("") == Lines{"ERROR 1:1: the plan is empty"});
    CHECK(load(" \n\t ") == Lines{"ERROR 1:1: the plan is empty"});
    // JSON that is not an object is a plan without fields, and a finding
    CHECK(load("[1, 2]") == Lines{": The plan must be a JSON object ({\"id\": …}), but is a list (line 1, column 1)."});
    CHECK(load("\n  null") == Lines{": The plan must be a JSON object ({\"id\": …}), but is null (line 2, column 3)."});
    auto r = load("{\n  \"id\": \"P\",\n  \"version\": 1,,\n}");
    REQUIRE(r.size() == 1);
    CHECK(r[0].rfind("ERROR 3:", 0) == 0);
    r = load("{\"id\": \"P\", \"status\": \"upprattad");
    CHECK(r == Lines{"ERROR 1:23: the plan is not valid JSON: this string is never closed"});
    r = load(plan_json() + " {}");
    REQUIRE(r.size() == 1);
    CHECK(r[0].find("unexpected text after the JSON value") != std::string::npos);
    // a syntax error inside a value the plan does not use is still an error
    r = load(plan_json("", ",\n  \"okand\": [1,,2]"));
    REQUIRE(r.size() == 1);
    CHECK(r[0].rfind("ERROR 2:", 0) == 0);
    r = load(plan_json("", R"(, "okand": {"a" 1})"));
    REQUIRE(r.size() == 1);
    CHECK(r[0].rfind("ERROR", 0) == 0);
    r = load(plan_json("", R"(, "okand": 01)"));
    REQUIRE(r.size() == 1);
    CHECK(r[0].rfind("ERROR", 0) == 0);
    // ... and inside a value of the wrong type
    r = load(plan_json("", R"(, "upprattad_datum": {"a": tru})"));
    REQUIRE(r.size() == 1);
    CHECK(r[0].rfind("ERROR", 0) == 0);
}

TEST_CASE("plan loading: hostile bytes: invalid UTF-8, NUL, BOM, CRLF", "[eval][loading][robustness]") {
    auto r = load(plan_json("", ", \"stodbehov\": {\"bedomning\": \"a\xff\xfe b\"}"));
    REQUIRE(r.size() == 1);
    CHECK(r[0].find("the plan is not valid UTF-8") != std::string::npos);
    r = load(plan_json("", std::string(", \"okand\": \"a\0b\"", 16)));
    REQUIRE(r.size() == 1);
    CHECK(r[0].find("a control character (U+0000) inside a string") != std::string::npos);
    r = load(std::string("{\"id\": \"P\0\"}", 12));
    REQUIRE(r.size() == 1);
    CHECK(r[0] == "ERROR 1:10: the plan is not valid JSON: a control character (U+0000) inside a string");
    // a byte-order mark is skipped; positions still count it
    CHECK(load("\xEF\xBB\xBF" + plan_json()).empty());
    CHECK(load("\xEF\xBB\xBF[1]") == Lines{": The plan must be a JSON object ({\"id\": …}), but is a list (line 1, column 2)."});
    // CRLF line endings are whitespace
    std::string crlf = plan_json("", ",\r\n  \"upprattad_datum\": \"2024-01-20\"\r\n");
    CHECK(load(crlf).empty());
}

TEST_CASE("plan loading: every limit, exceeded, gives a clear error or finding", "[eval][loading][limits]") {
    PlanLimits limits;
    SECTION("plan size") {
        limits.max_plan_size = 100;
        auto r = load(plan_json(), limits);
        REQUIRE(r.size() == 1);
        CHECK(r[0].find("the plan is ") != std::string::npos);
        CHECK(r[0].find("bytes; the limit is 100 bytes") != std::string::npos);
    }
    SECTION("nesting depth") {
        limits.max_depth = 3;
        std::string deep = plan_json("", R"(, "aktiviteter": [{"id": "A", "typ": "t", "status": "planerad", "anordnare": {"typ": "af"}}])");
        auto r = load(deep, limits);
        CHECK(r == Lines{"/aktiviteter/0/anordnare: The plan is nested deeper than 3 levels at aktivitet (no. 1 in the list), anordnare."});
        // also in a key the plan does not use
        r = load(plan_json("", R"(, "okand": [[[[1]]]])"), limits);
        CHECK(r == Lines{"/okand: The plan is nested deeper than 3 levels at okand."});
        // deeply nested JSON with the default limit
        std::string very_deep = plan_json("", ", \"okand\": " + std::string(5000, '[') + std::string(5000, ']'));
        r = load(very_deep);
        REQUIRE(r.size() == 1);
        CHECK((r[0].find("nested too deeply") != std::string::npos || r[0].find("nested deeper") != std::string::npos));
    }
    SECTION("list length") {
        limits.max_list_length = 2;
        auto r = load(plan_json("", R"(, "skyldigheter": ["a", "b", "c", "d"])"), limits);
        CHECK(r == Lines{"/skyldigheter: The list skyldigheter has more than 2 elements; the first 2 are used."});
        auto plan = shipped().load_json(plan_json("", R"(, "skyldigheter": ["a", "b", "c", "d"])"), "p", limits);
        REQUIRE(plan);
        // the elements beyond the limit are still checked as JSON
        r = load(plan_json("", R"(, "skyldigheter": ["a", "b", "c", [1,,]])"), limits);
        REQUIRE(r.size() == 1);
        CHECK(r[0].rfind("ERROR", 0) == 0);
    }
    SECTION("string length") {
        limits.max_string_length = 10;
        auto r = load(plan_json("", R"(, "stodbehov": {"bedomning": "en alldeles för lång text"})"), limits);
        CHECK(r == Lines{"/stodbehov/bedomning: The text in stödbehov, bedömning is 27 bytes long; the limit is 10 bytes."});
    }
}

TEST_CASE("plan loading: a 50 MB plan is refused by the default size limit, and loads within a raised one",
          "[eval][loading][limits]") {
    std::string activity = R"({"id": "A", "typ": "kurs", "status": "planerad", "motivering": ")" + std::string(400, 'x') + "\"}";
    std::string list;
    list.reserve(52u << 20);
    while (list.size() < (50u << 20)) {
        if (!list.empty()) list += ',';
        list += activity;
    }
    std::string big = plan_json("", ", \"aktiviteter\": [" + list + "]");
    REQUIRE(big.size() > (50u << 20));
    auto r = load(big);
    REQUIRE(r.size() == 1);
    CHECK(r[0].find("the limit is 16777216 bytes") != std::string::npos);
    PlanLimits raised;
    raised.max_plan_size = 64u << 20;
    raised.max_list_length = 1'000'000;
    auto plan = shipped().load_json(big, "big.json", raised);
    REQUIRE(plan);
    CHECK(plan->input_findings().empty());
    ValidateOptions o;
    o.as_of = Date{2024, 7, 15};
    auto report = shipped().validate(*plan, o);
    CHECK(report.plan == "P-1");
}

TEST_CASE("plan loading: the diagnostic of a long one-line plan shows an excerpt around the error, control "
          "characters replaced", "[eval][loading][robustness]") {
    std::string padding(1u << 20, ' ');
    std::string text = "{\"id\": \"P\"," + padding + "\"x\": [1,,2]}";
    auto plan = shipped().load_json(text, "long.json");
    REQUIRE_FALSE(plan);
    RenderOptions ro;
    ro.color = false;
    std::string shown = render_text(plan.error(), ro);
    CHECK(shown.size() < 1000);
    // the caret stands under the second comma of [1,,2]
    auto lines = std::vector<std::string>{};
    for (std::size_t at = 0, nl; (nl = shown.find('\n', at)) != std::string::npos; at = nl + 1)
        lines.push_back(shown.substr(at, nl - at));
    REQUIRE(lines.size() >= 3);
    CHECK(lines[1].rfind("1 | …", 0) == 0);
    auto caret = lines[2].find('^');
    REQUIRE(caret != std::string::npos);
    // count columns (code points) up to the caret in the source line
    std::string_view src = lines[1];
    std::size_t columns = 0, i = 0;
    for (; i < src.size() && columns < caret; ++i)
        if ((static_cast<unsigned char>(src[i]) & 0xC0) != 0x80) ++columns;
    CHECK(src.substr(i, 3) == ",2]");
    // a NUL in the shown line is replaced, so the text stays printable
    auto nul = shipped().load_json(std::string("{\"id\": \"a\0b\"}", 13), "nul.json");
    REQUIRE_FALSE(nul);
    std::string nul_shown = render_text(nul.error(), ro);
    CHECK(nul_shown.find('\0') == std::string::npos);
    CHECK(nul_shown.find("\"a\xEF\xBF\xBD" "b\"") != std::string::npos);
}

TEST_CASE("plan loading: dates in plans are read as the calendar has them", "[eval][loading][dates]") {
    // parse_iso_date has a path of its own for 1901-2099 (a leap year every four years): every
    // day from 1890 to 2110 against the general calendar (days_from_civil), and every
    // impossible day of those years refused
    std::size_t days = 0;
    for (int y = 1890; y <= 2110; ++y) {
        for (int m = 0; m <= 13; ++m) {
            for (int d = 0; d <= 32; ++d) {
                const std::string text = fmt::format("{:04}-{:02}-{:02}", y, m, d);
                const auto got = eval::parse_iso_date(text);
                const Date date{y, m, d};
                if (is_valid(date)) {
                    ++days;
                    if (!got || *got != days_from_civil(date)) FAIL_CHECK(text);
                } else if (got) {
                    FAIL_CHECK(text << " is not a date");
                }
            }
        }
    }
    CHECK(days == 80718);  // 221 years of 365 days and 53 leap days
    CHECK(eval::parse_iso_date("2000-02-29") == days_from_civil(2000, 2, 29));
    CHECK_FALSE(eval::parse_iso_date("1900-02-29"));
    CHECK_FALSE(eval::parse_iso_date("2100-02-29"));
    CHECK(eval::parse_iso_date("0001-01-01") == min_day);
    CHECK(eval::parse_iso_date("9999-12-31") == max_day);
    // every byte in every place of "2024-06-15": only a digit (or the dashes in theirs) is a date
    for (std::size_t at = 0; at < 10; ++at) {
        for (int b = 0; b < 256; ++b) {
            std::string text = "2024-06-15";
            text[at] = static_cast<char>(b);
            const bool dash = at == 4 || at == 7;
            const auto got = eval::parse_iso_date(text);
            const auto date = parse_date(text);  // the calendar's own reading (planrules/date.hpp)
            CAPTURE(text);
            if (dash ? b == '-' : (b >= '0' && b <= '9')) CHECK(got.has_value() == date.has_value());
            else CHECK_FALSE(got);
            if (got && date) CHECK(*got == days_from_civil(*date));
        }
    }
    for (const char* bad : {"0000-01-01", "2024-1-01", "2024-01-1", "2024/01/01", "2024-01-01 ", "２024-01-01", "2024-0a-01",
                            "20240101", "", "2024-00-10", "2024-13-01"})
        CHECK_FALSE(eval::parse_iso_date(bad));
}

TEST_CASE("plan storage: values and text in chunks keep what they were given, moved or not", "[eval][loading]") {
    // the loader's storage (Plan::allocate, store): values from the front of a chunk, text from
    // its back, large requests in chunks of their own; everything handed out stays as written
    for (std::size_t hint : {0u, 200u, 1754u, 100000u}) {
        CAPTURE(hint);
        Plan plan;
        if (hint) plan.size_hint(hint);
        std::vector<std::pair<Value*, std::size_t>> blocks;
        std::vector<std::pair<std::string_view, std::string>> texts;
        std::uint64_t state = hint + 1;
        auto next = [&](std::size_t n) {
            state = state * 6364136223846793005ull + 1442695040888963407ull;
            return static_cast<std::size_t>((state >> 33) % n);
        };
        for (int i = 0; i < 400; ++i) {
            if (next(2) == 0) {
                const std::size_t n = next(5) == 0 ? 200 + next(400) : next(12);  // some over half a chunk
                Value* v = i % 3 == 0 ? plan.allocate(n) : plan.allocate_uninitialized(n);
                for (std::size_t k = 0; k < n; ++k) {
                    if (i % 3 == 0) CHECK(v[k].kind == ValueKind::missing);
                    v[k] = Value::integer(static_cast<std::int64_t>(i * 1000 + k));
                }
                blocks.emplace_back(v, n);
            } else {
                const std::size_t n = next(7) == 0 ? 5000 + next(20000) : next(40);
                std::string text(n, static_cast<char>('a' + i % 26));
                texts.emplace_back(plan.store(text), text);
            }
        }
        Plan moved = std::move(plan);
        moved = std::move(moved);  // a self-move keeps the storage
        std::size_t wrong = 0;
        for (std::size_t b = 0; b < blocks.size(); ++b)
            for (std::size_t k = 0; k < blocks[b].second; ++k)
                if (blocks[b].first[k].kind != ValueKind::integer || blocks[b].first[k].i % 1000 != static_cast<std::int64_t>(k)) ++wrong;
        for (const auto& [view, text] : texts) if (view != text) ++wrong;
        CHECK(wrong == 0);
        // values handed out do not overlap each other or the text
        std::vector<std::pair<const char*, const char*>> ranges;
        for (const auto& [v, n] : blocks) if (n) ranges.emplace_back(reinterpret_cast<const char*>(v), reinterpret_cast<const char*>(v + n));
        for (const auto& [view, text] : texts) if (!view.empty()) ranges.emplace_back(view.data(), view.data() + view.size());
        std::sort(ranges.begin(), ranges.end());
        for (std::size_t r = 1; r < ranges.size(); ++r) CHECK(ranges[r - 1].second <= ranges[r].first);
        for (const auto& [v, n] : blocks) CHECK(reinterpret_cast<std::uintptr_t>(v) % alignof(Value) == 0);
    }
}

TEST_CASE("plan storage: a record keeps its slots up to its last value, and gives the room of the rest back",
          "[eval][loading]") {
    Plan plan;
    Value* slots = plan.allocate(8);
    slots[0] = Value::integer(1);
    slots[2] = Value::integer(2);
    const Value r = plan.record(slots, 8);
    CHECK(r.n == 3);
    CHECK(r.field(0).i == 1);
    CHECK(r.field(1).is_missing());
    CHECK(r.field(2).i == 2);
    CHECK(r.field(3).is_missing());
    CHECK(r.field(7).is_missing());
    CHECK(plan.allocate(1) == slots + 3);  // the five missing slots are handed out again

    // storage handed out after the slots (a nested record's) stays: the record is still trimmed
    Value* outer = plan.allocate(4);
    outer[0] = Value::boolean(true);
    Value* inner = plan.allocate(2);
    const Value o = plan.record(outer, 4);
    CHECK(o.n == 1);
    CHECK(plan.allocate(1) == inner + 2);

    // nothing present: no slots; a list field (never missing) is kept
    CHECK(plan.record(plan.allocate(5), 5).n == 0);
    Value* with_list = plan.allocate(3);
    with_list[1] = Value::list(nullptr, 0);
    CHECK(plan.record(with_list, 3).n == 2);
}
