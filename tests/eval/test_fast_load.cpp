// The fast path of plan loading (eval::fast_load) beside the full loader: the same plan, the
// same findings and errors, for the shipped example plans and for inputs made to reach each of
// the fast path's own readers (escapes, UTF-8, numbers, keys compared in place, record storage).

#include "eval/probe.hpp"

#include "load/load.hpp"
#include "load/plan_equal.hpp"

#include <filesystem>

using namespace planrules;
using planrules::test::plan_json;

namespace {

using planrules::test::shipped;

// eval::fast_load on `text`, followed by the 64 zero bytes it reads past the end.
bool fast_load_text(const check::Schema& schema, const std::string& text, const PlanLimits& limits, Plan& out) {
    const std::string padded = text + std::string(64, '\0');
    return eval::fast_load(schema, padded.data(), text.size(), limits, out);
}

}  // namespace

TEST_CASE("plan loading: the fast path and the full loader give the same plan, findings and errors",
          "[eval][loading]") {
    // RuleSet::load_json first tries a fast path (one pass, no findings) that gives up at
    // anything to report; the full loader then loads the plan again. Whatever the input, the
    // result must be the one the full loader alone gives.
    std::vector<std::string> inputs;
    for (const auto* dir : {"/examples/plans", "/fuzz/corpus/plans"})
        for (const auto& e : std::filesystem::directory_iterator(test::source_dir() + dir))
            inputs.push_back(test::read_file(e.path().string()));
    for (const auto* extra : {
             R"(, "okand": {"a": [1, 2, {"b": null}]}, "x": 1e400)", R"(, "upprattad_datum": "2023-02-30")",
             R"(, "status": "upprattad")", R"(, "version": 3.5)", R"(, "version": 99999999999999999999)",
             R"(, "version": "3")", R"(, "typ": null)", R"(, "aktiviteter": [{"id": "A", "typ": "t", "status": "klar"}])",
             R"(, "aktiviteter": null, "skyldigheter": ["a", "b", "c", "d"])", R"(, "okand": [[[[[[[[1]]]]]]]])",
             R"(, "stodbehov": {"bedomning": "x\u0000y", "niva": "fordjupat", "bedomd": "+02023-01-01"})",
             R"(, "sokande": {"id": "S", "kommun": "0180"})", R"(, "a~b/c": 1, "stodbehov": {"niva": 7})",
             R"(, "aktiviteter": [{"id": "A", "typ": "t", "status": "planerad", "anordnare": {"typ": "af", "namn": "12345678901234567"}}])"}) {
        inputs.push_back(plan_json("", extra));
    }
    for (const auto* sokande : {R"(, "tillfalligt_arbete": "nej")", R"(, "omradestyp": 2.5)", R"(, "omradestyp": -3)",
                                R"(, "fodelsedatum": "1990-13-01")", R"(, "funktionsnedsattning": {"kod": 41})",
                                R"(, "jobbchans": {"procent": 12, "utfall": null})", R"(, "anstallning": "annan")",
                                R"(, "jobbchans": {"procent": -0})", R"(, "jobbchans": {"procent": -0.0})",
                                R"(, "jobbchans": {"procent": 12.50})", R"(, "jobbchans": {"procent": 1e1})",
                                R"(, "jobbchans": {"procent": 0.1000000000000000055511151231257827})",
                                R"(, "jobbchans": {"procent": 01})", R"(, "jobbchans": {"procent": 1.})",
                                R"(, "jobbchans": {"procent": -})", R"(, "jobbchans": {"procent": 2,})"})
        inputs.push_back(plan_json(sokande));
    // strings: escapes, surrogate pairs, lone surrogates, invalid UTF-8, control characters
    for (const auto* text : {R"(a\"b\\c\/d\b\f\n\r\t)", R"(\u00e5\u00C4\u20ac\ud83d\ude00)", "\xC3\xA5tg\xC3\xA4rd",
                             R"(\ud83d)", R"(\ude00x)", R"(\ud83d\u0041)", R"(\x41)", R"(\u12)", R"(\u12G4)",
                             "a\xC3", "\xE0\x80\x80", "\xED\xA0\x80", "\xF4\x90\x80\x80", "tab\there", "nl\nhere",
                             "\x7F ok", "ends with backslash \\"}) {
        inputs.push_back(plan_json("", std::string(R"(, "stodbehov": {"bedomning": ")") + text + "\"}"));
        inputs.push_back(plan_json("", std::string(R"(, "okand": {")") + text + R"(": [")" + text + "\"]}"));
    }
    // keys with escapes; structure: trailing commas, missing colons, text after the plan
    inputs.push_back(plan_json("", R"(, "st\u00e5": 1, "\u0073tatus": "utkast")"));
    inputs.push_back(plan_json("", R"(, "skyldigheter": ["a",])"));
    inputs.push_back(plan_json("", R"(, "skyldigheter": ["a" "b"])"));
    inputs.push_back(plan_json("", R"(, "okand": {"a" 1})"));
    inputs.push_back(plan_json("", R"(, "okand": [tru])"));
    inputs.push_back(plan_json("", R"(, "okand": nul)"));
    inputs.push_back(plan_json() + "\n\t ");
    inputs.push_back(plan_json() + "}");
    inputs.push_back(" \r\n" + plan_json());
    inputs.push_back("\xEF\xBB\xBF" + plan_json());
    inputs.push_back(plan_json() + " x");
    inputs.push_back("[" + plan_json() + "]");
    inputs.push_back("");
    inputs.push_back("{\"id\": \"P\"");
    PlanLimits small;
    small.max_depth = 3;
    small.max_list_length = 3;
    small.max_string_length = 16;
    const auto& schema = shipped().program().schema;
    for (const auto& text : inputs) {
        for (const auto& limits : {PlanLimits{}, small}) {
            CAPTURE(text, limits.max_depth);
            auto fast = eval::load_plan(schema, text, "p.json", limits, true);
            auto full = eval::load_plan(schema, text, "p.json", limits, false);
            REQUIRE(fast.has_value() == full.has_value());
            if (fast) {
                CHECK(eval::same_plan(*fast, *full));
            } else {
                REQUIRE(fast.error().size() == full.error().size());
                CHECK(fast.error().front().message == full.error().front().message);
                CHECK(fast.error().front().span.begin == full.error().front().span.begin);
            }
        }
    }
    // the comparison itself tells different plans apart
    auto a = eval::load_plan(schema, plan_json("", R"(, "stodbehov": {"bedomning": "x"})"), "a", {}, true);
    auto b = eval::load_plan(schema, plan_json("", R"(, "stodbehov": {"bedomning": "y"})"), "b", {}, true);
    REQUIRE(a);
    REQUIRE(b);
    CHECK_FALSE(eval::same_plan(*a, *b));
}

TEST_CASE("plan loading: the fast path reads escapes, UTF-8, unknown keys and numbers itself, and refuses what is "
          "not JSON", "[eval][loading]") {
    // eval::fast_load on its own: what it accepts must be what the full loader makes of the text
    // without findings; what it refuses goes to the full loader (the test above). A fast path
    // that refused everything would pass that test: this one checks that it does its job.
    const auto& schema = shipped().program().schema;
    auto fast = [&](const std::string& text, Plan& out) { return fast_load_text(schema, text, {}, out); };
    for (const auto& text :
         {plan_json(), plan_json("", R"(, "stodbehov": {"bedomning": "a\"b\\c\/d\n\u00e5\ud83d\ude00 \u0000"})"),
          plan_json("", R"(, "stodbehov": {"bedomning": "Åtgärder för sökande, långt: 0123456789abcdef0123456789abcdef"})"),
          plan_json("", R"(, "okand": {"a": [1, -2.5e-3, true, false, null, {"\u00e5": "x\ty"}], "b": {}}, "c": [])"),
          plan_json(R"(, "jobbchans": {"procent": 12.5})"), plan_json(R"(, "jobbchans": {"procent": -0})"),
          plan_json(R"(, "omradestyp": -123456789012345678)"),
          plan_json("", R"(, "aktiviteter": [{"id": "A", "typ": "kurs", "status": "planerad", "start": "2024-01-02"}, )"
                        R"({"id": "B", "typ": "kurs", "status": "pagaende"}])"),
          " \r\n\t" + plan_json() + " \n"}) {
        CAPTURE(text);
        Plan quick;
        REQUIRE(fast(text, quick));
        auto full = eval::load_plan(schema, text, "p.json", {}, false);
        REQUIRE(full);
        CHECK(full->input_findings().empty());
        quick.set_id(full->id());
        CHECK(eval::same_plan(quick, *full));
    }
    // refused: not JSON, or something the full loader reports
    for (const auto& text :
         {plan_json() + ",", plan_json().substr(1), plan_json("", R"(, "skyldigheter": ["a",])"),
          plan_json("", R"(, "stodbehov": {"bedomning": "\ud83d"})"), plan_json("", R"(, "stodbehov": {"bedomning": "\q"})"),
          plan_json("", "\t, \"stodbehov\": {\"bedomning\": \"a\tb\"}"), plan_json("", ", \"stodbehov\": {\"bedomning\": \"\xC3\"}"),
          plan_json("", R"(, "okand": 012)"), plan_json("", R"(, "okand": 1.)"), plan_json("", R"(, "okand": -)"),
          plan_json("", R"(, "okand": [1 2])"), plan_json("", R"(, "okand": {"a": 1,})"), plan_json("", R"(, "okand": "x)"),
          plan_json("", R"(, "version": 3)"), plan_json("", R"(, "version": 3.0)"), plan_json("", R"(, "status": "okand")"),
          plan_json("", R"(, "upprattad_datum": "2023-02-30")"), plan_json(R"(, "jobbchans": {"procent": 1e2})"),
          // an integer of more digits than an int64 holds (fuzz_plan_json: the digits were summed
          // before they were counted, an overflow)
          plan_json(R"(, "omradestyp": 55555555555555555555555555555555)"), plan_json(R"(, "omradestyp": 1234567890123456789)")}) {
        CAPTURE(text);
        Plan quick;
        CHECK_FALSE(fast(text, quick));
    }
}

TEST_CASE("plan loading: the fast path compares keys and codes in place, long names and escapes included",
          "[eval][loading]") {
    // keys and enumeration values are compared with the text, quotes included, in 16-byte chunks
    // up to 46 characters; longer names, keys out of the schema's order, escapes and dates are
    // each read another way: every one must give what the full loader gives
    const std::string long_field(50, 'f'), long_code(47, 'k'), two_chunks = "falt_med_namn_i_tva_delar_x";
    auto rs = compile_string("root plan: P\nenum Kod { a, ab, " + long_code + ", " + two_chunks + " }\n" +
                                 "type P {\n  id: string\n  " + long_field + ": int?\n  " + two_chunks +
                                 ": Kod?\n  kod: Kod?\n  datum: date?\n  lista: list<Kod>\n  krav: int\n}\n",
                             "lang.rules");
    REQUIRE(rs);
    const auto& schema = rs->program().schema;
    auto accepted = [&](const std::string& body) {
        const std::string text = "{\"id\": \"P\", " + body + "}";
        CAPTURE(text);
        auto full = eval::load_plan(schema, text, "p.json", {}, false);
        REQUIRE(full);
        CHECK(full->input_findings().empty());
        Plan quick;
        REQUIRE(fast_load_text(schema, text, {}, quick));
        quick.set_id(full->id());
        CHECK(eval::same_plan(quick, *full));
    };
    accepted("\"krav\": 1");
    accepted("\"" + long_field + "\": 7, \"krav\": 1");
    accepted("\"krav\": 1, \"" + two_chunks + "\": \"" + two_chunks + "\", \"kod\": \"" + long_code + "\"");
    accepted("\"lista\": [\"a\", \"" + long_code + "\", \"" + two_chunks + "\"], \"krav\": 2, \"" + long_field + "x\": 1");
    accepted("\"kr\\u0061v\": 3, \"kod\": \"\\u0061\", \"datum\": \"\\u0032024-02-29\"");
    accepted("\"datum\": \"2024-02-29\", \"krav\": 0, \"" + std::string(46, 'f') + "\": 1");
    accepted("\"kod\": \"ab\", \"lista\": [\"ab\", \"a\"], \"krav\": 0");  // a code that begins another
    // the same texts with a letter more, less or changed are refused (the full loader reports them)
    auto refused = [&](const std::string& body, const PlanLimits& limits = {}) {
        const std::string text = "{\"id\": \"P\", " + body + "}";
        CAPTURE(text);
        Plan quick;
        CHECK_FALSE(fast_load_text(schema, text, limits, quick));
        auto fast = eval::load_plan(schema, text, "p.json", limits, true);
        auto full = eval::load_plan(schema, text, "p.json", limits, false);
        REQUIRE(fast.has_value() == full.has_value());
        if (fast) {
            CHECK_FALSE(full->input_findings().empty());
            CHECK(eval::same_plan(*fast, *full));
        }
    };
    refused("\"kod\": \"" + long_code + "k\", \"krav\": 1");
    refused("\"kod\": \"" + long_code.substr(1) + "\", \"krav\": 1");
    refused("\"kod\": \"b\", \"krav\": 1");
    refused("\"kod\": \"a\"");  // krav missing
    refused("\"datum\": \"2023-02-29\", \"krav\": 1");
    refused("\"datum\": \"2024-1-029\", \"krav\": 1");
    refused("\"krav\": 1, \"krav\": 2");
    refused("\"krav\": 1, \"kr\\u0061v\": 2");
    PlanLimits short_strings;
    short_strings.max_string_length = 9;  // a date is ten characters, the codes 27 and 47
    refused("\"datum\": \"2024-02-29\", \"krav\": 1", short_strings);
    refused("\"kod\": \"" + long_code + "\", \"krav\": 1", short_strings);
    refused("\"kod\": \"" + two_chunks + "\", \"krav\": 1", short_strings);  // compared in place, then too long
    PlanLimits ten;
    ten.max_string_length = 10;  // a date just fits
    {
        const std::string text = "{\"id\": \"P\", \"datum\": \"2024-02-29\", \"krav\": 1}";
        Plan quick;
        CHECK(fast_load_text(schema, text, ten, quick));
    }
}

TEST_CASE("plan loading: records of many fields in small plans (the first storage chunk is sized from the JSON)",
          "[eval][loading]") {
    // a plan's first chunk of storage fits a plan of its size; a root record of more fields than
    // that must still get all its slots (under ASan an overflow here is an error)
    for (int fields : {16, 37, 40, 63, 64, 65}) {
        CAPTURE(fields);
        std::string schema_text = "root plan: P\ntype P {\n";
        for (int i = 0; i < fields; ++i) schema_text += fmt::format("  f{}: int?\n", i);
        schema_text += "}\n";
        auto rs = compile_string(schema_text, "manga.rules");
        REQUIRE(rs);
        const auto& schema = rs->program().schema;
        for (const std::string& text : {std::string("{}"), fmt::format("{{\"f{}\": 1}}", fields - 1),
                                       fmt::format("{{\"f{}\": 1, \"f0\":", fields - 1), std::string("{\"f0\": 2, \"f1\": 3}")}) {
            CAPTURE(text);
            auto fast = eval::load_plan(schema, text, "p.json", {}, true);
            auto full = eval::load_plan(schema, text, "p.json", {}, false);
            REQUIRE(fast.has_value() == full.has_value());
            if (!fast) continue;
            CHECK(eval::same_plan(*fast, *full));
            REQUIRE(fast->root().kind == ValueKind::record);
            // the slots up to the last field present are stored; the others read as missing
            const std::uint32_t last = text == "{}" ? 0 : text.starts_with("{\"f0\"") ? 2 : static_cast<std::uint32_t>(fields);
            CHECK(fast->root().n == last);
            if (last == static_cast<std::uint32_t>(fields)) CHECK(fast->root().field(last - 1).i == 1);
            CHECK(fast->root().field(last).is_missing());
            Plan quick;
            CHECK(fast_load_text(schema, text, {}, quick) == (fields <= 64));
        }
    }
}

TEST_CASE("plan loading: records store their fields up to the last one present, in both loaders", "[eval][loading]") {
    const auto& schema = shipped().program().schema;
    // three activities: three fields, five (an optional one absent between), and every field
    std::string acts = R"([{"id": "A1", "typ": "studier", "status": "planerad"},
        {"id": "A2", "typ": "studier", "status": "planerad", "slut": "2024-05-01", "start": null},
        {"id": "A3", "typ": "studier", "status": "planerad", "beslut_id": "B-1"}])";
    const std::string text = plan_json("", R"(, "aktiviteter": )" + acts);
    for (bool fast : {true, false}) {
        CAPTURE(fast);
        auto plan = eval::load_plan(schema, text, "p.json", {}, fast);
        REQUIRE(plan);
        CHECK(plan->input_findings().empty());
        const auto& rec = schema.records[static_cast<std::size_t>(schema.type(schema.root_type).decl)];
        const Value list = plan->root().field(static_cast<std::uint32_t>(rec.slot("aktiviteter")));
        REQUIRE(list.kind == ValueKind::list);
        REQUIRE(list.n == 3);
        const auto& akt = schema.records[static_cast<std::size_t>(
            schema.type(schema.type(rec.fields[static_cast<std::size_t>(rec.slot("aktiviteter"))].type).element).decl)];
        CHECK(list.v[0].n == 3);
        CHECK(list.v[1].n == static_cast<std::uint32_t>(akt.slot("slut")) + 1);
        CHECK(list.v[1].field(static_cast<std::uint32_t>(akt.slot("start"))).is_missing());
        CHECK(list.v[2].n == akt.fields.size());
        CHECK(list.v[0].field(static_cast<std::uint32_t>(akt.slot("beslut_id"))).is_missing());
        CHECK(list.v[2].field(static_cast<std::uint32_t>(akt.slot("beslut_id"))).str() == "B-1");
    }
    CHECK(eval::same_plan(*eval::load_plan(schema, text, "p.json", {}, true), *eval::load_plan(schema, text, "p.json", {}, false)));
}
