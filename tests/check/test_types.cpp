// Checker: types of expressions. Conditions, dates and durations, numbers, enums and
// string literals, optional fields, lists and `in`, `if … then … else`.

#include "check/check_helpers.hpp"

using namespace planrules;
using namespace planrules::test;
using namespace planrules::test::check_tests;

// ------------------------------------------------------------------ conditions

TEST_CASE("types: require must be a condition; a text gets the 'not blank' help", "[check][types]") {
    auto d = only(check_body(require_rule("plan.stodbehov.bedomning")), "not-a-condition");
    CHECK(spelled(d) == "plan.stodbehov.bedomning");
    CHECK(d.help.find("not blank(") != std::string::npos);
    CHECK(d.message.find("'require'") != std::string::npos);
}

TEST_CASE("types: require of a list gets the 'count(…) > 0' help", "[check][types]") {
    auto d = only(check_body(require_rule("plan.aktiviteter")), "not-a-condition");
    CHECK(spelled(d) == "plan.aktiviteter");
    CHECK(d.help.find("count(") != std::string::npos);
}

TEST_CASE("types: when and where must be conditions", "[check][types]") {
    SECTION("when") {
        auto d = only(check_body(rule("T-1", "  when plan.version")), "not-a-condition");
        CHECK(spelled(d) == "plan.version");
        CHECK(d.message.find("'when'") != std::string::npos);
    }
    SECTION("where") {
        auto d = only(check_body(rule("T-1", "  for each a in plan.aktiviteter where a.id")), "not-a-condition");
        CHECK(spelled(d) == "a.id");
        CHECK(d.message.find("'where'") != std::string::npos);
    }
}

TEST_CASE("types: a boolean require, when and where check clean", "[check][types]") {
    require_clean(check_body(rule("T-1",
                                  "  when plan.status == \"upprattad\" and plan.version > 0\n"
                                  "  for each a in plan.aktiviteter where not blank(a.motivering)\n"
                                  "  require plan.sokande.tillfalligt_arbete == true or present(a.start)")));
}

TEST_CASE("types: 'not', 'and' and 'or' need conditions", "[check][types]") {
    auto d1 = only(check_body("define f = not plan.id\n"), "type-mismatch");
    CHECK(spelled(d1) == "plan.id");
    CHECK(d1.help.find("blank(") != std::string::npos);
    auto d2 = only(check_body("define f = true and plan.version\n"), "type-mismatch");
    CHECK(spelled(d2) == "plan.version");
    auto d3 = only(check_body("define f = plan.id or false\n"), "type-mismatch");
    CHECK(spelled(d3) == "plan.id");
}

// ------------------------------------------------------------------ dates and durations

TEST_CASE("types: date plus or minus a duration is a date", "[check][types]") {
    CHECK(type_of("plan.sokande.inskrivningsdatum + 30 days") == "date");
    CHECK(type_of("30 days + plan.sokande.inskrivningsdatum") == "date");
    CHECK(type_of("today - 2 weeks") == "date");
    CHECK(type_of("plan.upprattad_datum + (1 month + 10 days)") == "date");
    CHECK(type_of("6 months + 2 weeks") == "duration");
    CHECK(type_of("1 year - 1 month") == "duration");
    CHECK(type_of("-30 days") == "duration");
    CHECK(type_of("today") == "date");
}

TEST_CASE("types: a date minus a date is an error that points to days_between", "[check][types]") {
    auto d = expr_diagnostic("today - plan.sokande.inskrivningsdatum", "type-mismatch");
    CHECK(spelled(d) == "today - plan.sokande.inskrivningsdatum");
    CHECK(d.help.find("days_between") != std::string::npos);
}

TEST_CASE("types: a date plus a number, or plus a date, is an error", "[check][types]") {
    auto d1 = expr_diagnostic("plan.upprattad_datum + 30", "type-mismatch");
    CHECK(spelled(d1) == "plan.upprattad_datum + 30");
    CHECK(d1.help.find("30 days") != std::string::npos);
    auto d2 = expr_diagnostic("today + today", "type-mismatch");
    CHECK(spelled(d2) == "today + today");
    auto d3 = expr_diagnostic("today - 30", "type-mismatch");
    CHECK(spelled(d3) == "today - 30");
}

TEST_CASE("types: comparing a date with a string is an error with the 'no quotes' help", "[check][types]") {
    SECTION("==") {
        auto d = expr_diagnostic("plan.upprattad_datum == \"2022-12-01\"", "type-mismatch");
        CHECK(spelled(d) == "plan.upprattad_datum == \"2022-12-01\"");
        CHECK(d.help == "write dates without quotes: 2022-12-01");
    }
    SECTION("<") {
        auto d = expr_diagnostic("\"2022-12-01\" < plan.upprattad_datum", "type-mismatch");
        CHECK(spelled(d) == "\"2022-12-01\" < plan.upprattad_datum");
        CHECK(d.help == "write dates without quotes: 2022-12-01");
    }
    SECTION("a date literal is fine") {
        CHECK(type_of("plan.upprattad_datum >= 2022-12-01") == "bool");
    }
}

TEST_CASE("types: durations cannot be ordered", "[check][types]") {
    auto d = expr_diagnostic("plan.senast_reviderad + 6 months < 1 year", "type-mismatch");
    CHECK(spelled(d) == "plan.senast_reviderad + 6 months < 1 year");
    auto d2 = expr_diagnostic("1 month < 30 days", "type-mismatch");
    CHECK(d2.message.find("durations cannot be ordered") != std::string::npos);
    CHECK(d2.help.find("compare dates") != std::string::npos);
}

TEST_CASE("types: durations cannot be multiplied", "[check][types]") {
    auto d = expr_diagnostic("2 * 3 months", "type-mismatch");
    CHECK(spelled(d) == "2 * 3 months");
    CHECK(d.help.find("6 months") != std::string::npos);
}

// ------------------------------------------------------------------ numbers

TEST_CASE("types: int and decimal arithmetic", "[check][types]") {
    CHECK(type_of("plan.version + 1") == "int");
    CHECK(type_of("plan.version * 2 - 1") == "int");
    CHECK(type_of("plan.version / 2") == "int");
    CHECK(type_of("plan.version % 2") == "int");
    CHECK(type_of("plan.version + 0.5") == "decimal");
    CHECK(type_of("plan.sokande.jobbchans.procent * 2") == "decimal");
    CHECK(type_of("-plan.version") == "int");
    CHECK(type_of("-plan.sokande.jobbchans.procent") == "decimal");
    CHECK(type_of("plan.version < 2.5") == "bool");
    CHECK(type_of("plan.version == 1.0") == "bool");
}

TEST_CASE("types: '%' needs whole numbers", "[check][types]") {
    auto d = expr_diagnostic("plan.version % 1.5", "type-mismatch");
    CHECK(spelled(d) == "plan.version % 1.5");
}

TEST_CASE("types: arithmetic on a string or a bool is an error", "[check][types]") {
    auto d1 = expr_diagnostic("plan.id * 2", "type-mismatch");
    CHECK(spelled(d1) == "plan.id * 2");
    auto d2 = expr_diagnostic("-plan.id", "type-mismatch");
    CHECK(spelled(d2) == "plan.id");
    auto d3 = expr_diagnostic("plan.version + true", "type-mismatch");
    CHECK(spelled(d3) == "plan.version + true");
}

TEST_CASE("types: strings concatenate with '+', enums do not", "[check][types]") {
    CHECK(type_of("plan.sokande.kommun + \"-\" + plan.id") == "string");
    auto d = expr_diagnostic("plan.status + \"x\"", "type-mismatch");
    CHECK(spelled(d) == "plan.status + \"x\"");
}

// ------------------------------------------------------------------ enums

TEST_CASE("types: an enum compares with its string values", "[check][types]") {
    auto c = check_body(
        "define a = plan.status == \"upprattad\"\n"
        "define b = \"forenklad\" != plan.typ\n"
        "define c = plan.status == plan.id\n"
        "define d = plan.stodbehov.niva in [\"grundlaggande\", \"fordjupat\"]\n"
        "define e = plan.revidering not in [\"automatisk\"]\n");
    require_clean(c);
    CHECK(define_type(c, "a") == "bool");
    CHECK(define_type(c, "d") == "bool");
}

TEST_CASE("types: an unknown enum value gets a did-you-mean suggestion", "[check][types]") {
    auto d = expr_diagnostic("plan.status == \"uprattad\"", "unknown-enum-value");
    CHECK(spelled(d) == "\"uprattad\"");
    CHECK(d.help == "did you mean 'upprattad'?");
    CHECK(d.message.find("PlanStatus") != std::string::npos);
}

TEST_CASE("types: an enum value far from every value lists the values", "[check][types]") {
    auto d = expr_diagnostic("\"qqqqqqqqqq\" != plan.status", "unknown-enum-value");
    CHECK(spelled(d) == "\"qqqqqqqqqq\"");
    CHECK(d.help == "the values of PlanStatus are: utkast, upprattad, avslutad");
}

TEST_CASE("types: an unknown enum value inside an 'in' list", "[check][types]") {
    auto d = expr_diagnostic("plan.status in [\"utkast\", \"klar\"]", "unknown-enum-value");
    CHECK(spelled(d) == "\"klar\"");
}

TEST_CASE("types: two different enums do not compare", "[check][types]") {
    auto d = expr_diagnostic("plan.status == plan.typ", "type-mismatch");
    CHECK(spelled(d) == "plan.status == plan.typ");
}

TEST_CASE("types: enums have no order", "[check][types]") {
    auto d = expr_diagnostic("plan.status < \"utkast\"", "type-mismatch");
    CHECK(spelled(d) == "plan.status < \"utkast\"");
}

TEST_CASE("types: an enum or a string is not a number or a bool", "[check][types]") {
    auto d1 = expr_diagnostic("plan.status == 1", "type-mismatch");
    CHECK(spelled(d1) == "plan.status == 1");
    auto d2 = expr_diagnostic("plan.godkand == \"ja\"", "unknown-field");  // no such field: sanity
    CHECK(spelled(d2) == "godkand");
    auto d3 = expr_diagnostic("plan.sokande.tillfalligt_arbete == 1", "type-mismatch");
    CHECK(d3.help.find("condition is already true or false") != std::string::npos);
}

// ------------------------------------------------------------------ optional fields

TEST_CASE("types: optional fields have the type of their value", "[check][types]") {
    CHECK(type_of("plan.upprattad_datum") == "date");
    CHECK(type_of("plan.stodbehov.niva") == "Stodniva");
    CHECK(type_of("plan.sokande.omradestyp + 1") == "int");
    CHECK(type_of("plan.upprattad_datum <= plan.sokande.inskrivningsdatum + 30 days") == "bool");
    CHECK(type_of("present(plan.stodbehov) and missing(plan.revidering)") == "bool");
    CHECK(type_of("plan.stodbehov") == "Stodbehov");
}

// ------------------------------------------------------------------ lists and in

TEST_CASE("types: list literals and list fields", "[check][types]") {
    CHECK(type_of("[\"planerad\", \"pagaende\",]") == "list<string>");
    CHECK(type_of("[1, 2, 3]") == "list<int>");
    CHECK(type_of("[1, 2.5]") == "list<decimal>");
    CHECK(type_of("[2.5, 1]") == "list<decimal>");
    CHECK(type_of("[today, 2022-12-01]") == "list<date>");
    CHECK(type_of("plan.aktiviteter") == "list<Aktivitet>");
}

TEST_CASE("types: a list literal of mixed types is mixed-list at the odd element", "[check][types]") {
    auto d = expr_diagnostic("[1, \"2\"]", "mixed-list");
    CHECK(spelled(d) == "\"2\"");
    CHECK(d.help == "all elements of a list have the same type");
    // in the reference example the list stands on the right of 'in'
    auto d2 = first_with(check_body("define f = plan.version in [1, \"2\"]\n"), "mixed-list");
    CHECK(spelled(d2) == "\"2\"");
}

TEST_CASE("types: a mixed list literal is reported once", "[check][types]") {
    // not again where the list is used (no type-mismatch for 'in'), nor at each odd element
    auto d1 = only(check_body("define f = plan.version in [1, \"2\"]\n"), "mixed-list");
    CHECK(spelled(d1) == "\"2\"");
    auto d2 = expr_diagnostic("\"x\" in [1, \"a\", \"b\", 2022-12-01]", "mixed-list");
    CHECK(spelled(d2) == "\"a\"");
    auto d3 = expr_diagnostic("contains([1, \"a\"], 1)", "mixed-list");
    CHECK(spelled(d3) == "\"a\"");
}

TEST_CASE("types: 'in' and 'not in' with list fields and literals", "[check][types]") {
    auto c = check_body(
        "define a = \"aktivitetsrapportera\" in plan.skyldigheter\n"
        "define b = plan.version in [1, 2]\n"
        "define c = plan.version not in [1.5, 2]\n"
        "define d = plan.id not in plan.skyldigheter\n"
        "define e = plan.upprattad_datum in [2022-12-01, today]\n");
    require_clean(c);
}

TEST_CASE("types: 'in' needs a list on the right", "[check][types]") {
    auto d = expr_diagnostic("plan.id in plan.sokande.kommun", "type-mismatch");
    CHECK(spelled(d) == "plan.id in plan.sokande.kommun");
    CHECK(d.help.find("brackets") != std::string::npos);
}

TEST_CASE("types: 'in' with elements of another type", "[check][types]") {
    auto d1 = expr_diagnostic("1 in plan.skyldigheter", "type-mismatch");
    CHECK(spelled(d1) == "1 in plan.skyldigheter");
    auto d2 = expr_diagnostic("plan.upprattad_datum in [\"2022-12-01\"]", "type-mismatch");
    CHECK(spelled(d2) == "plan.upprattad_datum in [\"2022-12-01\"]");
    CHECK(d2.help == "write dates without quotes: 2022-12-01");
}

TEST_CASE("types: the empty list [] compares with any list", "[check][types]") {
    auto c = check_body(
        "define a = plan.aktiviteter == []\n"
        "define b = plan.skyldigheter != []\n"
        "define c = [] == plan.uppfoljningar\n"
        "define d = plan.version in []\n");
    require_clean(c);
    CHECK(define_type(c, "a") == "bool");
}

TEST_CASE("types: lists compare element by element", "[check][types]") {
    CHECK(type_of("plan.skyldigheter == [\"a\", \"b\"]") == "bool");
    CHECK(type_of("[1, 2] == [1.5]") == "bool");
    auto d = expr_diagnostic("plan.skyldigheter == [1]", "type-mismatch");
    CHECK(spelled(d) == "plan.skyldigheter == [1]");
    auto d2 = expr_diagnostic("plan.aktiviteter == plan.uppfoljningar", "type-mismatch");
    CHECK(spelled(d2) == "plan.aktiviteter == plan.uppfoljningar");
}

// ------------------------------------------------------------------ if then else

TEST_CASE("types: if … then … else", "[check][types]") {
    CHECK(type_of("if present(plan.senast_reviderad) then plan.senast_reviderad else plan.upprattad_datum") ==
          "date");
    CHECK(type_of("if plan.version > 1 then 1 else 2.5") == "decimal");
    CHECK(type_of("if plan.version > 1 then plan.skyldigheter else []") == "list<string>");
    CHECK(type_of("if plan.version > 1 then plan.status else \"x\"") == "string");
}

TEST_CASE("types: branches of different types are type-mismatch over the whole if", "[check][types]") {
    auto d = expr_diagnostic("if plan.status == \"utkast\" then 1 else \"ett\"", "type-mismatch");
    CHECK(spelled(d) == "if plan.status == \"utkast\" then 1 else \"ett\"");
    CHECK(d.help.find("same type") != std::string::npos);
}

TEST_CASE("types: the condition of an if must be a bool", "[check][types]") {
    auto d = expr_diagnostic("if plan.id then 1 else 2", "not-a-condition");
    CHECK(spelled(d) == "plan.id");
    CHECK(d.message.find("'if'") != std::string::npos);
}

// ------------------------------------------------------------------ records

TEST_CASE("types: records of one type compare; a record is not a string", "[check][types]") {
    CHECK(type_of("plan.stodbehov == plan.stodbehov") == "bool");
    auto d = expr_diagnostic("plan.stodbehov == \"x\"", "type-mismatch");
    CHECK(spelled(d) == "plan.stodbehov == \"x\"");
}

TEST_CASE("types: an error is reported once; its expression is not reported again", "[check][types]") {
    // the unknown field makes the sum an error, which must not give a second mismatch
    auto d = only(check_body(require_rule("plan.versoin + 1 > 2 and true")), "unknown-field");
    CHECK(spelled(d) == "versoin");
    CHECK(d.help == "did you mean 'version'?");
}
