// Checker: the built-in functions. For each: the result type, the argument count
// (wrong-argument-count over the whole call, with the signature as help) and the
// argument types (type-mismatch at the argument, with the signature as help).

#include "check/check_helpers.hpp"

#include "builtins/builtins.hpp"

#include <algorithm>

using namespace planrules;
using namespace planrules::test;
using namespace planrules::test::check_tests;

TEST_CASE("builtins: every built-in in the reference examples checks clean", "[check][builtins]") {
    require_clean(check_body(
        "define b1 = blank(plan.stodbehov.bedomning) or missing(plan.stodbehov)\n"
        "define b2 = present(plan.senast_reviderad)\n"
        "define b3 = length(trim(plan.id)) > 0 and length(plan.aktiviteter) <= 20\n"
        "define b4 = lower(plan.id) != upper(plan.id)\n"
        "define b5 = starts_with(plan.sokande.kommun, \"01\") and ends_with(plan.id, \"-1\")\n"
        "define b6 = contains(plan.id, \"HP\") and contains(plan.skyldigheter, \"aktivitetsrapportera\")\n"
        "define b7 = all(a in plan.aktiviteter where has_format(a.anordnare.org_nr, \"999999-9999\"))\n"
        "define b8 = days_between(plan.sokande.inskrivningsdatum, today) > 30\n"
        "define b9 = months_between(plan.sokande.inskriven_arbetslos_sedan, today) > 12\n"
        "define b10 = age(plan.sokande.fodelsedatum) <= 25\n"
        "define b11 = year(today) + month(today) + day(today)\n"
        "define b12 = any(r in plan.aktivitetsrapporter where r.period == period(today - 1 month))\n"
        "define b13 = abs(plan.version - 3) + round(plan.sokande.jobbchans.procent)\n"));
}

TEST_CASE("builtins: blank, present and missing", "[check][builtins]") {
    CHECK(type_of("blank(plan.id)") == "bool");
    CHECK(type_of("blank(plan.status)") == "bool");  // an enum is accepted as a string
    CHECK(type_of("present(plan)") == "bool");
    CHECK(type_of("present(plan.aktiviteter)") == "bool");
    CHECK(type_of("missing(plan.upprattad_datum)") == "bool");
    auto d1 = expr_diagnostic("blank(plan.version)", "type-mismatch");
    CHECK(spelled(d1) == "plan.version");
    CHECK(d1.help.find("blank(string)") != std::string::npos);
    auto d2 = expr_diagnostic("blank()", "wrong-argument-count");
    CHECK(spelled(d2) == "blank()");
    auto d3 = expr_diagnostic("present(plan.id, plan.typ)", "wrong-argument-count");
    CHECK(spelled(d3) == "present(plan.id, plan.typ)");
    CHECK(d3.help.find("present(value)") != std::string::npos);
    auto d4 = expr_diagnostic("missing()", "wrong-argument-count");
    CHECK(spelled(d4) == "missing()");
}

TEST_CASE("builtins: length of a string or a list", "[check][builtins]") {
    CHECK(type_of("length(plan.id)") == "int");
    CHECK(type_of("length(plan.aktiviteter)") == "int");
    CHECK(type_of("length([])") == "int");
    auto d1 = expr_diagnostic("length(plan.version)", "type-mismatch");
    CHECK(spelled(d1) == "plan.version");
    CHECK(d1.help == "length(string or list) -> int");
    auto d2 = expr_diagnostic("length(plan.id, 2)", "wrong-argument-count");
    CHECK(spelled(d2) == "length(plan.id, 2)");
}

TEST_CASE("builtins: trim, lower and upper", "[check][builtins]") {
    CHECK(type_of("trim(plan.id)") == "string");
    CHECK(type_of("lower(plan.status)") == "string");
    CHECK(type_of("upper(trim(plan.sokande.kommun))") == "string");
    auto d1 = expr_diagnostic("trim(plan.upprattad_datum)", "type-mismatch");
    CHECK(spelled(d1) == "plan.upprattad_datum");
    CHECK(d1.help == "trim(string) -> string");
    auto d2 = expr_diagnostic("lower(1)", "type-mismatch");
    CHECK(spelled(d2) == "1");
    auto d3 = expr_diagnostic("upper(plan.id, plan.id)", "wrong-argument-count");
    CHECK(spelled(d3) == "upper(plan.id, plan.id)");
    CHECK(d3.help == "upper(string) -> string");
}

TEST_CASE("builtins: starts_with and ends_with", "[check][builtins]") {
    CHECK(type_of("starts_with(plan.id, \"HP\")") == "bool");
    CHECK(type_of("ends_with(plan.status, \"ad\")") == "bool");
    auto d1 = expr_diagnostic("starts_with(plan.id)", "wrong-argument-count");
    CHECK(spelled(d1) == "starts_with(plan.id)");
    CHECK(d1.help == "starts_with(string, prefix) -> bool");
    auto d2 = expr_diagnostic("ends_with(plan.id, 1)", "type-mismatch");
    CHECK(spelled(d2) == "1");
    auto d3 = expr_diagnostic("starts_with(plan.aktiviteter, \"a\")", "type-mismatch");
    CHECK(spelled(d3) == "plan.aktiviteter");
}

TEST_CASE("builtins: contains on strings and on lists", "[check][builtins]") {
    CHECK(type_of("contains(plan.id, \"HP\")") == "bool");
    CHECK(type_of("contains(plan.skyldigheter, plan.id)") == "bool");
    CHECK(type_of("contains([1, 2], plan.version)") == "bool");
    auto d1 = expr_diagnostic("contains(plan.skyldigheter, 1)", "type-mismatch");
    CHECK(spelled(d1) == "1");
    auto d2 = expr_diagnostic("contains(plan.version, \"1\")", "type-mismatch");
    CHECK(spelled(d2) == "plan.version");
    CHECK(d2.help.find("contains(string, part)") != std::string::npos);
    auto d3 = expr_diagnostic("contains(plan.aktiviteter, \"x\")", "type-mismatch");
    CHECK(spelled(d3) == "\"x\"");
    auto d4 = expr_diagnostic("contains(plan.id)", "wrong-argument-count");
    CHECK(spelled(d4) == "contains(plan.id)");
}

TEST_CASE("builtins: has_format needs a string and a literal pattern", "[check][builtins]") {
    CHECK(type_of("has_format(plan.sokande.kommun, \"9999\")") == "bool");
    auto d1 = expr_diagnostic("has_format(plan.sokande.kommun, plan.id)", "format-not-literal");
    CHECK(spelled(d1) == "plan.id");
    CHECK(d1.help.find("has_format(string") != std::string::npos);
    auto d2 = expr_diagnostic("has_format(plan.version, \"9\")", "type-mismatch");
    CHECK(spelled(d2) == "plan.version");
    auto d3 = expr_diagnostic("has_format(plan.id)", "wrong-argument-count");
    CHECK(spelled(d3) == "has_format(plan.id)");
}

TEST_CASE("builtins: days_between and months_between", "[check][builtins]") {
    CHECK(type_of("days_between(plan.sokande.inskrivningsdatum, today)") == "int");
    CHECK(type_of("months_between(2022-01-01, plan.upprattad_datum)") == "int");
    auto d1 = expr_diagnostic("days_between(plan.id, today)", "type-mismatch");
    CHECK(spelled(d1) == "plan.id");
    CHECK(d1.help == "days_between(date, date) -> int");
    auto d2 = expr_diagnostic("months_between(today, \"2022-01-01\")", "type-mismatch");
    CHECK(spelled(d2) == "\"2022-01-01\"");
    auto d3 = expr_diagnostic("days_between(today)", "wrong-argument-count");
    CHECK(spelled(d3) == "days_between(today)");
    auto d4 = expr_diagnostic("months_between(today, today, today)", "wrong-argument-count");
    CHECK(spelled(d4) == "months_between(today, today, today)");
}

TEST_CASE("builtins: both wrong arguments of a call are reported", "[check][builtins]") {
    auto c = check_body("define f = days_between(1, \"x\")\n");
    auto ds = main_diagnostics(c.diagnostics);
    INFO(describe(c.diagnostics));
    REQUIRE(ds.size() == 2);
    CHECK(ds[0].code == "type-mismatch");
    CHECK(spelled(ds[0]) == "1");
    CHECK(ds[1].code == "type-mismatch");
    CHECK(spelled(ds[1]) == "\"x\"");
}

TEST_CASE("builtins: age, year, month and day", "[check][builtins]") {
    CHECK(type_of("age(plan.sokande.fodelsedatum)") == "int");
    CHECK(type_of("year(today)") == "int");
    CHECK(type_of("month(plan.upprattad_datum)") == "int");
    CHECK(type_of("day(2024-02-29)") == "int");
    auto d1 = expr_diagnostic("age(\"1990-01-01\")", "type-mismatch");
    CHECK(spelled(d1) == "\"1990-01-01\"");
    CHECK(d1.help.find("age(birth date)") != std::string::npos);
    auto d2 = expr_diagnostic("year(plan.version)", "type-mismatch");
    CHECK(spelled(d2) == "plan.version");
    auto d3 = expr_diagnostic("month()", "wrong-argument-count");
    CHECK(spelled(d3) == "month()");
    auto d4 = expr_diagnostic("day(today, today)", "wrong-argument-count");
    CHECK(spelled(d4) == "day(today, today)");
}

TEST_CASE("builtins: period gives a string", "[check][builtins]") {
    CHECK(type_of("period(today)") == "string");
    CHECK(type_of("period(today - 1 month) == \"2024-01\"") == "bool");
    auto d1 = expr_diagnostic("period(plan.id)", "type-mismatch");
    CHECK(spelled(d1) == "plan.id");
    auto d2 = expr_diagnostic("period(today) == 2024", "type-mismatch");
    CHECK(spelled(d2) == "period(today) == 2024");
}

TEST_CASE("builtins: abs keeps the type of its number", "[check][builtins]") {
    CHECK(type_of("abs(plan.version)") == "int");
    CHECK(type_of("abs(plan.sokande.jobbchans.procent)") == "decimal");
    CHECK(type_of("abs(-1.5)") == "decimal");
    auto d1 = expr_diagnostic("abs(plan.id)", "type-mismatch");
    CHECK(spelled(d1) == "plan.id");
    CHECK(d1.help == "abs(number) -> number");
    auto d2 = expr_diagnostic("abs(30 days)", "type-mismatch");
    CHECK(spelled(d2) == "30 days");
    auto d3 = expr_diagnostic("abs(1, 2)", "wrong-argument-count");
    CHECK(spelled(d3) == "abs(1, 2)");
}

TEST_CASE("builtins: round takes a number and gives an int", "[check][builtins]") {
    CHECK(type_of("round(plan.sokande.jobbchans.procent)") == "int");
    CHECK(type_of("round(2)") == "int");  // an int stands for a decimal
    auto d1 = expr_diagnostic("round(\"2.5\")", "type-mismatch");
    CHECK(spelled(d1) == "\"2.5\"");
    CHECK(d1.help == "round(decimal) -> int");
    auto d2 = expr_diagnostic("round()", "wrong-argument-count");
    CHECK(spelled(d2) == "round()");
}

TEST_CASE("builtins: the result type is used by the enclosing expression", "[check][builtins]") {
    // length gives an int: comparing it with a string is an error over the comparison
    auto d = expr_diagnostic("length(plan.id) == \"3\"", "type-mismatch");
    CHECK(spelled(d) == "length(plan.id) == \"3\"");
    // blank gives a bool: it is a condition
    require_clean(check_body(require_rule("not blank(plan.stodbehov.bedomning)")));
}

TEST_CASE("builtins: the table, the language reference and the fuzz dictionary name the same functions",
          "[check][builtins]") {
    const std::string doc = read_file(source_dir() + "/docs/language.md");
    const std::string dict = read_file(source_dir() + "/fuzz/rules.dict");
    const auto section = doc.find("### Built-in functions");
    REQUIRE(section != std::string::npos);
    const std::string table = doc.substr(section, doc.find("\n\n", doc.find("| function |", section)) - section);
    for (const auto& b : builtins::table()) {
        INFO(b.name);
        CHECK(table.find("`" + std::string(b.name) + "(") != std::string::npos);
        CHECK(dict.find("\"" + std::string(b.name) + "(\"") != std::string::npos);
        CHECK(std::string(check::to_string(b.id)) == b.name);
        // the checker asks for the row's arity: one argument more is wrong-argument-count
        std::string args;
        for (int i = 0; i <= b.arity; ++i) args += i ? ", plan.id" : "plan.id";
        auto c = check_body(fmt::format("define d = present({}({}))\n", b.name, args));
        auto found = codes(c.diagnostics);
        CHECK(std::find(found.begin(), found.end(), "wrong-argument-count") != found.end());
    }
    CHECK(builtins::table().size() == static_cast<std::size_t>(check::Builtin::text) + 1);
}
