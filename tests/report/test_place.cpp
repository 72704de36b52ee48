// The place of a finding for people (Finding::place): a JSON pointer by the schema's labels,
// with an element's id and number, and the field and record labels of the schema language.

#include "../support.hpp"
#include "check/check_helpers.hpp"

#include "eval/place.hpp"
#include "text/catalogue.hpp"

#include <planrules/planrules.hpp>
#include <planrules/syntax/format.hpp>

using namespace planrules;

namespace {

const std::string plan_text =
    R"({"id": "P-1", "version": 1, "status": "upprattad", "typ": "ordinarie", "upprattad_datum": "2024-02-01",)"
    R"( "sokande": {"id": "S-1", "kommun": "0180", "inskrivningsdatum": "2024-01-10"},)"
    R"( "aktiviteter": [{"id": "A1", "typ": "studier", "status": "pagaende"}, {"id": "A2", "typ": "arbetspraktik", "status": "pagaende", "start": "2024-03-01", "slut": "2024-02-01"}]})";

}  // namespace

TEST_CASE("place: a pointer by the schema's labels, with the element's id and number", "[report][place]") {
    const auto& rules = planrules::test::shipped();
    auto plan = rules.load_json(plan_text);
    REQUIRE(plan);
    const auto& schema = rules.program().schema;
    auto place = [&](std::string_view pointer, Language language = Language::en, bool agency = true) {
        const text::LanguageScope scope(language);
        return eval::place_of(schema, plan->root(), pointer, agency);
    };
    CHECK(place("/aktiviteter/1/slut", Language::sv) == "aktivitet A2 (nr 2 i listan), slutdatum");
    CHECK(place("/aktiviteter/1/slut") == "aktivitet A2 (no. 2 in the list), slutdatum");
    CHECK(place("/aktiviteter/0") == "aktivitet A1 (no. 1 in the list)");
    CHECK(place("/aktiviteter") == "aktiviteter");
    CHECK(place("/sokande/inskrivningsdatum") == "den arbetssökande, inskrivningsdatum");
    CHECK(place("/version") == "version");  // a field without a label: its name
    CHECK(place("/aktiviteter/7/slut", Language::sv) == "aktivitet (nr 8 i listan), slutdatum");  // no such element: no id
    CHECK(place("/okand/x") == "okand, x");  // what the schema does not know, as written
    CHECK(place("", Language::sv) == "planen");
    CHECK(place("/a~1b") == "a/b");
}

TEST_CASE("place: findings carry it, in JSON too, and the text report shows it with the pointer", "[report][place]") {
    const auto& rules = planrules::test::shipped();
    auto plan = rules.load_json(plan_text);
    REQUIRE(plan);
    ValidateOptions o;
    o.as_of = Date{2024, 3, 15};
    o.language = Language::sv;
    const Report r = rules.validate(*plan, o);
    const Finding* dates = nullptr;
    for (const auto& f : r.findings)
        if (f.rule == "AF-DATUM") dates = &f;
    REQUIRE(dates);
    CHECK(dates->pointer == "/aktiviteter/1/slut");
    CHECK(dates->place == "aktivitet A2 (nr 2 i listan), slutdatum");
    CHECK_THAT(render_report_json(r), Catch::Contains(R"("pointer": "/aktiviteter/1/slut", "place": "aktivitet A2 (nr 2 i listan), slutdatum")"));
    CHECK_THAT(render_report_text(r, false, Language::sv),
               Catch::Contains("    fält: aktivitet A2 (nr 2 i listan), slutdatum (/aktiviteter/1/slut)\n"));
}

TEST_CASE("schema labels: on fields and records, checked and kept by the formatter", "[check][schema][place]") {
    using planrules::test::check_tests::require_clean;
    const std::string schema = "root plan: P\ntype P label \"planen\" {\n  id: string label \"planens id\"\n  label: string?\n"
                               "  a: list<A> label \"saker\"\n}\ntype A label \"sak\" { id: string, n: int? sensitive label \"antal\" }\n";
    auto c = compile_sources({std::make_shared<SourceFile>("s.schema", schema)});
    require_clean(c);
    const auto& s = c.program->schema;
    const auto& p = s.records[static_cast<std::size_t>(s.type(s.root_type).decl)];
    CHECK(p.label == "planen");
    CHECK(p.fields[0].label == "planens id");
    CHECK(p.fields[1].name == "label");  // a field may be named label
    CHECK(p.fields[1].label.empty());
    auto f = syntax::format_file(std::make_shared<SourceFile>("s.schema", schema));
    REQUIRE(f.text);
    CHECK_THAT(*f.text, Catch::Contains("n: int? sensitive label \"antal\""));
}
