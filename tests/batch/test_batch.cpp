// planrules batch (run_batch): the counts agree with validating each plan on its own, whatever
// the number of threads; malformed records are counted by line and never stop the run; key
// figures, the deadline work queue, groups, limits and the findings stream.

#include "eval/probe.hpp"

#include <planrules/batch.hpp>

#include <cstdio>
#include <filesystem>
#include <map>

using namespace planrules;
using planrules::test::plan_json;
using planrules::test::read_file;
using planrules::test::source_dir;

namespace {

using planrules::test::shipped;

// The example plans as one line each (the malformed example is not JSON and stays so).
std::vector<std::string> example_lines() {
    std::vector<std::string> out;
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(source_dir() + "/examples/plans"))
        if (e.path().extension() == ".json") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
        std::string text = read_file(f.string());
        for (auto& c : text)
            if (c == '\n' || c == '\r') c = ' ';
        out.push_back(text);
    }
    return out;
}

// A temporary file holding `text`, removed at the end of the scope.
struct TempInput {
    std::FILE* f = std::tmpfile();
    explicit TempInput(std::string_view text) {
        REQUIRE(f != nullptr);
        std::fwrite(text.data(), 1, text.size(), f);
        std::rewind(f);
    }
    ~TempInput() {
        if (f) std::fclose(f);
    }
};

BatchSummary run(std::string_view text, BatchOptions options) {
    TempInput in(text);
    auto s = run_batch(shipped(), in.f, options);
    if (!s) FAIL(s.error());
    return std::move(*s);
}

std::string join(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& l : lines) out += l + "\n";
    return out;
}

// Per rule: (violated, indeterminate, passed, not applicable, not in force), by validating each
// line on its own with the public API.
std::map<std::string, std::array<std::uint64_t, 5>> one_by_one(const std::vector<std::string>& lines, Date as_of) {
    std::map<std::string, std::array<std::uint64_t, 5>> out;
    for (const auto& id : shipped().rule_ids()) out[id] = {};
    for (const auto& line : lines) {
        auto plan = shipped().load_json(line);
        if (!plan) continue;
        ValidateOptions o;
        o.as_of = as_of;
        Report r = shipped().validate(*plan, o);
        for (const auto& id : r.not_in_force) ++out[id][4];
        for (const auto& id : r.not_applicable) ++out[id][3];
        for (const auto& id : r.passed) ++out[id][2];
        std::map<std::string, int> worst;  // 1 violated, 2 indeterminate
        for (const auto& f : r.findings) {
            if (!out.count(f.rule)) continue;
            int k = f.outcome == Outcome::violated ? 1 : 2;
            auto [it, fresh] = worst.emplace(f.rule, k);
            if (!fresh) it->second = std::min(it->second, k);
        }
        for (const auto& [id, k] : worst) ++out[id][k == 1 ? 0 : 1];
    }
    return out;
}

const RuleCounts& counts(const BatchSummary& s, std::string_view rule) {
    for (std::size_t i = 0; i < s.rule_ids.size(); ++i)
        if (s.rule_ids[i] == rule) return s.rules[i];
    FAIL("no rule " << rule);
    return s.rules.front();
}

}  // namespace

TEST_CASE("batch: per-rule counts equal validating each plan on its own, with 1 and 4 threads", "[batch]") {
    auto lines = example_lines();
    // many copies, so that the work is spread over several blocks and threads
    std::vector<std::string> many;
    for (int k = 0; k < 300; ++k) many.insert(many.end(), lines.begin(), lines.end());
    const Date as_of{2023, 6, 15};
    auto expected = one_by_one(many, as_of);
    for (unsigned threads : {1u, 4u}) {
        CAPTURE(threads);
        BatchOptions o;
        o.validate.as_of = as_of;
        o.threads = threads;
        auto s = run(join(many), o);
        CHECK(s.lines == many.size());
        CHECK(s.threads == threads);
        for (std::size_t i = 0; i < s.rule_ids.size(); ++i) {
            CAPTURE(s.rule_ids[i]);
            const auto& c = s.rules[i];
            const auto& e = expected[s.rule_ids[i]];
            CHECK(std::array<std::uint64_t, 5>{c.violated, c.indeterminate, c.passed, c.not_applicable, c.not_in_force} ==
                  e);
        }
        // every rule of every plan is accounted for once (none is sensitive-skipped for af)
        for (const auto& c : s.rules)
            CHECK(c.violated + c.indeterminate + c.passed + c.not_applicable + c.not_in_force == s.plans);
    }
}

TEST_CASE("batch: malformed records are counted with their line numbers and never stop the run", "[batch]") {
    const std::string good = plan_json();
    std::string text = good + "\n" +                          // 1
                       "{\"id\": \"trasig\", \n" +             // 2 not JSON (cut off)
                       "\n" +                                  // 3 blank: no record
                       "   \r\n" +                             // 4 blank with CRLF
                       "[1, 2]\n" +                            // 5 JSON, not an object: a finding
                       R"({"id": "P-2", "version": "tre", "status": "upprattad", "typ": "ordinarie", "sokande": {"id": "S", "kommun": "0180", "inskrivningsdatum": "2023-02-30"}})" +
                       "\n" +                                  // 6 invalid values
                       good + "\r\n" +                         // 7 CRLF
                       good;                                   // 8 no final newline
    BatchOptions o;
    o.validate.as_of = Date{2024, 7, 15};
    auto s = run(text, o);
    CHECK(s.lines == 6);
    CHECK(s.plans == 5);
    CHECK(s.not_json == 1);
    REQUIRE(s.not_json_records.size() == 1);
    CHECK(s.not_json_records[0].line == 2);
    CHECK_THAT(s.not_json_records[0].reason, Catch::Contains("not valid JSON"));
    CHECK(s.invalid_input == 2);
    CHECK(s.invalid_input_lines == std::vector<std::uint64_t>{5, 6});
    CHECK(counts(s, "AF-30D").evaluated() + counts(s, "AF-30D").not_applicable == 5);
}

TEST_CASE("batch: a line longer than the plan size limit is one malformed record; the lines after it count on",
          "[batch][limits]") {
    BatchOptions o;
    o.validate.as_of = Date{2024, 7, 15};
    o.limits.max_plan_size = 4096;
    const std::string good = plan_json();
    std::string huge = "{\"id\": \"" + std::string(3u << 20, 'x') + "\"}";  // 3 MB, over several read blocks
    auto s = run(good + "\n" + huge + "\n" + good + "\n" + good + "\n", o);
    CHECK(s.lines == 4);
    CHECK(s.plans == 3);
    REQUIRE(s.not_json_records.size() == 1);
    CHECK(s.not_json_records[0].line == 2);
    CHECK_THAT(s.not_json_records[0].reason, Catch::Contains("4096"));
    // listed items are capped, counted in full
    o.max_listed = 1;
    auto s2 = run("x\ny\nz\n" + good + "\n", o);
    CHECK(s2.not_json == 3);
    CHECK(s2.not_json_records.size() == 1);
    CHECK(s2.not_json_records[0].line == 1);
}

TEST_CASE("batch: plans longer than a read block are read whole, before and after lines too long to keep",
          "[batch][limits]") {
    // the reader reads 1 MiB at a time into a block's buffer: a line that does not fit moves to a
    // larger buffer (up to the plan size limit), a longer one is skipped to its end, and the
    // lines around them keep their numbers
    BatchOptions o;
    o.validate.as_of = Date{2024, 7, 15};
    o.limits.max_plan_size = 3u << 19;  // 1.5 MiB
    o.limits.max_string_length = 3u << 19;
    const std::string good = plan_json();
    auto large = [&](std::size_t bytes) { return plan_json("", ", \"bilaga\": \"" + std::string(bytes, 'x') + "\""); };
    auto too_long = [](std::size_t bytes) { return "{\"id\": \"" + std::string(bytes, 'y') + "\"}"; };
    const std::string text = good + "\n" +                // 1
                             large(1200u << 10) + "\n" +  // 2: 1.2 MiB, a larger buffer
                             "{\"id\": \n" +               // 3: not JSON
                             too_long(5u << 20) + "\n" +  // 4: 5 MiB, skipped by the reader
                             large(1200u << 10) + "\n" +  // 5: right after the skipped line
                             too_long(3u << 20) + "\n" +  // 6: skipped again
                             too_long(1600u << 10) + "\n" +  // 7: over the limit (skipped or refused)
                             good;                            // 8, no final newline
    for (unsigned threads : {1u, 3u}) {
        o.threads = threads;
        auto s = run(text, o);
        CHECK(s.lines == 8);
        CHECK(s.plans == 4);
        REQUIRE(s.not_json_records.size() == 4);
        CHECK(s.not_json_records[0].line == 3);
        CHECK(s.not_json_records[1].line == 4);
        CHECK_THAT(s.not_json_records[1].reason, Catch::Contains("longer than"));
        CHECK(s.not_json_records[2].line == 6);
        CHECK_THAT(s.not_json_records[2].reason, Catch::Contains("longer than"));
        CHECK(s.not_json_records[3].line == 7);
        CHECK_THAT(s.not_json_records[3].reason, Catch::Contains("1572864"));  // the limit, named
        CHECK(s.bytes == text.size());
    }
}

TEST_CASE("batch: key figures", "[batch][figures]") {
    auto plan = [](std::string_view status, std::string_view registered, std::string_view established,
                   bool assessment) {
        std::string extra = fmt::format(R"(, "status": "{}")", status);
        std::string p = fmt::format(
            R"({{"id": "P", "version": 1, "status": "{}", "typ": "ordinarie", "upprattad_datum": {}, "senast_reviderad": "2024-07-01", "skyldigheter": ["aktivitetsrapportera"], "sokande": {{"id": "S", "kommun": "0180", "inskrivningsdatum": "{}"}}, "stodbehov": {{"bedomning": "{}", "niva": "grundlaggande"}}}})",
            status, established.empty() ? "null" : fmt::format("\"{}\"", established), registered,
            assessment ? "Behöver stöd" : "");
        return p;
    };
    std::vector<std::string> lines = {
        plan("upprattad", "2024-01-10", "2024-01-20", true),   // in time, assessed
        plan("upprattad", "2024-01-10", "2024-03-01", false),  // late, not assessed
        plan("upprattad", "2024-01-10", "2024-02-09", true),   // day 30: in time
        plan("utkast", "2024-01-10", "", false),               // draft, registered long ago
        plan("utkast", "2024-07-01", "", false),               // draft, registered 14 days ago
    };
    BatchOptions o;
    o.validate.as_of = Date{2024, 7, 15};
    auto s = run(join(lines), o);
    std::map<std::string, std::pair<std::uint64_t, std::uint64_t>> f;
    for (const auto& k : s.figures) f[k.id] = {k.numerator, k.denominator};
    CHECK(f["stodbehov_bedomt"] == std::pair<std::uint64_t, std::uint64_t>{2, 3});
    CHECK(f["upprattad_inom_30_dagar"] == std::pair<std::uint64_t, std::uint64_t>{2, 3});
    CHECK(f["inskriven_30_dagar_med_plan"] == std::pair<std::uint64_t, std::uint64_t>{3, 4});
    CHECK(f["reviderad_inom_6_manader"].second == 3);
    REQUIRE(s.groups.size() == 1);
    CHECK(s.groups[0].value == "0180");
    CHECK(s.groups[0].figures.size() == s.figures.size());
    CHECK(s.groups[0].figures[0].numerator == s.figures[0].numerator);
}

TEST_CASE("batch: the share revised automatically and the long-term unemployed 24 months or more",
          "[batch][figures]") {
    // as of 2025-06-15: registered unemployed since `since`, born `born` ("" for no birth date)
    auto plan = [](std::string_view status, std::string_view revision, std::string_view since, std::string_view born) {
        return fmt::format(
            R"({{"id": "P", "version": 1, "status": "{}", "typ": "ordinarie", "upprattad_datum": "2023-01-20", "revidering": {}, "sokande": {{"id": "S", "kommun": "{}", "inskrivningsdatum": "2023-01-10", "inskriven_arbetslos_sedan": {}, "fodelsedatum": {}}}}})",
            status, revision.empty() ? "null" : fmt::format("\"{}\"", revision), status == "utkast" ? "1480" : "0180",
            since.empty() ? "null" : fmt::format("\"{}\"", since), born.empty() ? "null" : fmt::format("\"{}\"", born));
    };
    std::vector<std::string> lines = {
        plan("upprattad", "automatisk", "2023-06-15", "1980-01-01"),  // 24 months exactly: priority group
        plan("upprattad", "mote", "2023-06-16", "1980-01-01"),        // long-term, a day short of 24 months
        plan("avslutad", "automatisk", "2024-10-15", "2001-01-01"),   // 8 months, 24 years old: long-term
        plan("upprattad", "", "2024-10-15", "1990-01-01"),            // 8 months, 35 years old: not long-term
        plan("upprattad", "", "2024-10-15", ""),                      // 8 months, no birth date: undecided
        plan("upprattad", "", "2024-06-14", ""),                      // over 12 months, no birth date: long-term
        plan("upprattad", "", "", "1990-01-01"),                      // not registered unemployed
        plan("utkast", "automatisk", "2020-01-01", "1980-01-01"),     // a draft counts in neither
    };
    BatchOptions o;
    o.validate.as_of = Date{2025, 6, 15};
    auto s = run(join(lines), o);
    std::map<std::string, std::pair<std::uint64_t, std::uint64_t>> f;
    for (const auto& k : s.figures) f[k.id] = {k.numerator, k.denominator};
    CHECK(f["reviderad_automatiskt"] == std::pair<std::uint64_t, std::uint64_t>{2, 7});
    CHECK(f["langtidsarbetslos_24_manader"] == std::pair<std::uint64_t, std::uint64_t>{1, 4});
    // per municipality: the draft is alone in 1480
    REQUIRE(s.groups.size() == 2);
    for (const auto& g : s.groups) {
        for (const auto& k : g.figures) {
            if (k.id != "reviderad_automatiskt") continue;
            if (g.value == "0180") CHECK(std::pair{k.numerator, k.denominator} == std::pair<std::uint64_t, std::uint64_t>{2, 7});
            else CHECK(std::pair{k.numerator, k.denominator} == std::pair<std::uint64_t, std::uint64_t>{0, 0});
        }
    }
    // for a provider the figures whose rules are withheld or missing are left out, the rest stay
    o.validate.audience = Audience::leverantor;
    auto p = run(join(lines), o);
    bool has_automatic = false;
    for (const auto& k : p.figures) has_automatic |= k.id == "reviderad_automatiskt";
    CHECK(has_automatic);
}

TEST_CASE("batch: the work queue lists deadlines not yet missed within the window", "[batch][due]") {
    auto plan = [](std::string_view id, std::string_view status, std::string_view registered,
                   std::string_view established, std::string_view revised) {
        return fmt::format(
            R"({{"id": "{}", "version": 1, "status": "{}", "typ": "ordinarie", "upprattad_datum": {}, "senast_reviderad": {}, "sokande": {{"id": "S", "kommun": "1480", "inskrivningsdatum": "{}"}}}})",
            id, status, established.empty() ? "null" : fmt::format("\"{}\"", established),
            revised.empty() ? "null" : fmt::format("\"{}\"", revised), registered);
    };
    std::vector<std::string> lines = {
        plan("REV-SOON", "upprattad", "2023-01-10", "2023-01-20", "2024-01-20"),  // AF-6M due 2024-07-20
        plan("REV-LATER", "upprattad", "2023-01-10", "2023-01-20", "2024-06-01"),  // due 2024-12-01
        plan("REV-MISSED", "upprattad", "2023-01-10", "2023-01-20", "2023-06-01"),  // violated: not in the queue
        plan("DRAFT-SOON", "utkast", "2024-07-01", "", ""),                       // AF-30D due 2024-07-31
        plan("DONE-IN-TIME", "upprattad", "2024-07-01", "2024-07-05", ""),        // AF-30D done; AF-6M 2025-01-05
    };
    BatchOptions o;
    o.validate.as_of = Date{2024, 7, 15};
    o.due_within = 30;
    auto s = run(join(lines), o);
    REQUIRE(s.queue.size() == 2);
    CHECK(s.queue_total == 2);
    CHECK(s.queue[0].plan == "REV-SOON");
    CHECK(s.queue[0].rule == "AF-6M");
    CHECK(s.queue[0].due == Date{2024, 7, 20});
    CHECK(s.queue[0].line == 1);
    CHECK(s.queue[0].group == "1480");
    CHECK(s.queue[1].plan == "DRAFT-SOON");
    CHECK(s.queue[1].rule == "AF-30D");
    CHECK(s.queue[1].due == Date{2024, 7, 31});
    REQUIRE(s.groups.size() == 1);
    CHECK(s.groups[0].due == 2);
    // capped: the most urgent entries are kept, all are counted
    o.max_listed = 1;
    auto capped = run(join(lines), o);
    REQUIRE(capped.queue.size() == 1);
    CHECK(capped.queue[0].plan == "REV-SOON");
    CHECK(capped.queue_total == 2);
    o.max_listed = 10'000;
    o.due_within = 200;
    auto wide = run(join(lines), o);
    CHECK(wide.queue_total == 4);  // + REV-LATER and DONE-IN-TIME's AF-6M, not its AF-30D
    o.due_within.reset();
    CHECK(run(join(lines), o).queue.empty());
}

TEST_CASE("batch: the findings stream holds every record's report in input order", "[batch]") {
    auto lines = example_lines();
    std::vector<std::string> many;
    for (int k = 0; k < 50; ++k) many.insert(many.end(), lines.begin(), lines.end());
    std::string text = join(many);
    auto stream = [&](unsigned threads) {
        std::FILE* out = std::tmpfile();
        REQUIRE(out != nullptr);
        BatchOptions o;
        o.validate.as_of = Date{2023, 6, 15};
        o.threads = threads;
        o.findings = out;
        auto s = run(text, o);
        std::fflush(out);
        std::rewind(out);
        std::string all;
        char buf[65536];
        for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, out)) > 0;) all.append(buf, n);
        std::fclose(out);
        return all;
    };
    std::string one = stream(1), four = stream(4);
    CHECK(one == four);
    CHECK(static_cast<std::size_t>(std::count(one.begin(), one.end(), '\n')) == many.size());
    // each line names its record
    CHECK_THAT(one, Catch::Contains(fmt::format("\"file\": \"line {}\"", many.size())));
}

TEST_CASE("batch: a group field that is not in the schema is refused with a hint", "[batch]") {
    BatchOptions o;
    o.group_by = "sokande.kommn";
    TempInput in(plan_json());
    auto s = run_batch(shipped(), in.f, o);
    REQUIRE(!s);
    CHECK_THAT(s.error(), Catch::Contains("did you mean 'kommun'?"));
    o.group_by = "aktiviteter";
    TempInput in2(plan_json());
    auto s2 = run_batch(shipped(), in2.f, o);
    REQUIRE(!s2);
    CHECK_THAT(s2.error(), Catch::Contains("group by a field of one value"));
    o.group_by = "status";
    TempInput in3(plan_json());
    auto s3 = run_batch(shipped(), in3.f, o);
    REQUIRE(s3);
    REQUIRE(s3->groups.size() == 1);
    CHECK(s3->groups[0].value == "upprattad");
}

TEST_CASE("batch: summaries render as JSON, CSV and text", "[batch][render]") {
    BatchOptions o;
    o.validate.as_of = Date{2024, 7, 15};
    o.due_within = 30;
    auto s = run(plan_json() + "\nnot json\n", o);
    std::string json = render_batch_json(s);
    CHECK_THAT(json, Catch::Contains(R"("records": 2, "plans": 1, "not_json": 1)"));
    CHECK_THAT(json, Catch::Contains(R"("not_json_records": [{"line": 2, "reason": )"));
    CHECK_THAT(json, Catch::Contains(R"({"rule": "HP-6.1", "ruleset": "af.forordning", "severity": "error", )"));
    CHECK_THAT(json, Catch::Contains(R"("group_by": "sokande.kommun")"));
    CHECK_THAT(json, Catch::Contains(R"("due_within": 30)"));
    std::string csv = render_batch_csv(s);
    CHECK_THAT(csv, Catch::StartsWith("scope,kind,id,ruleset,severity,violated,"));
    CHECK_THAT(csv, Catch::Contains("\nall,rule,HP-6.1,af.forordning,error,"));
    CHECK_THAT(csv, Catch::Contains("\nsokande.kommun=0180,rule,HP-6.1,"));
    std::string text = render_batch_text(s, Language::sv);
    CHECK_THAT(text, Catch::Contains("Population bedömd per 2024-07-15: 2 poster, 1 planer"));
    CHECK_THAT(text, Catch::Contains("rad 2: "));
    CHECK_THAT(text, Catch::Contains("Per sokande.kommun"));
    CHECK_THAT(text, Catch::Contains("0180 Stockholm"));
    std::string english = render_batch_text(s);
    CHECK_THAT(english, Catch::Contains("Population assessed as of 2024-07-15: 2 records, 1 plans"));
    CHECK_THAT(english, Catch::Contains("By sokande.kommun"));
}
