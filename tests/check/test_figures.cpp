// Key figures and the grouping of population runs as declarations of the rule language:
// `figure NAME "title"` with label, from, denominator and numerator, and `group by FIELD`.

#include "check/check_helpers.hpp"
#include "syntax/syntax_helpers.hpp"

#include <planrules/syntax/format.hpp>

using namespace planrules;
using namespace planrules::test;
using namespace planrules::test::check_tests;
using planrules::test::syntax_tests::sliced;

namespace {

const std::string figure_rules = std::string(header) + "\n" + rule("T-1", "  require present(plan.stodbehov.bedomning)") +
                                 "\n"
                                 "define upprattad = plan.status != \"utkast\"\n"
                                 "\n"
                                 "group by plan.sokande.kommun\n"
                                 "\n"
                                 "figure bedomda \"Planer med en bedömning\"\n"
                                 "  label \"T-1\"\n"
                                 "  from T-1\n"
                                 "  denominator upprattad and evaluated\n"
                                 "  numerator passed\n";

}  // namespace

TEST_CASE("figures: a figure and a grouping parse into their declarations", "[check][figures]") {
    auto r = parse(figure_rules);
    INFO(describe(r.diagnostics));
    REQUIRE(r.diagnostics.empty());
    const ast::FigureDecl* f = nullptr;
    const ast::GroupDecl* g = nullptr;
    for (const auto& d : r.file.decls) {
        if (auto* x = std::get_if<ast::FigureDecl>(&d)) f = x;
        if (auto* x = std::get_if<ast::GroupDecl>(&d)) g = x;
    }
    REQUIRE(f);
    REQUIRE(g);
    CHECK(f->name.text == "bedomda");
    CHECK(f->title.value == "Planer med en bedömning");
    REQUIRE(f->label);
    CHECK(f->label->value == "T-1");
    REQUIRE(f->from);
    CHECK(f->from->text == "T-1");
    REQUIRE(f->denominator);
    CHECK(r.file.decls.size() == 5);
    CHECK(sliced(figure_rules, f->denominator->span) == "upprattad and evaluated");
    CHECK(sliced(figure_rules, g->field.span) == "plan.sokande.kommun");
}

TEST_CASE("figures: the checker resolves the rule, the grouping field and the conditions", "[check][figures]") {
    auto c = compile_with_schema(figure_rules);
    require_clean(c);
    REQUIRE(c.program->figures.size() == 1);
    const auto& f = c.program->figures[0];
    CHECK(f.name() == "bedomda");
    REQUIRE(f.rule >= 0);
    CHECK(c.program->rules[static_cast<std::size_t>(f.rule)].id() == "T-1");
    REQUIRE(c.program->group);
    CHECK(c.program->group->path == "sokande.kommun");
}

TEST_CASE("figures: the formatter keeps a figure's clauses on their lines", "[check][figures][fmt]") {
    auto out = syntax::format_file(source(figure_rules));
    INFO(describe(out.diagnostics));
    REQUIRE(out.text);
    CHECK(*out.text == figure_rules);
}

TEST_CASE("figures: mistakes in a figure are diagnosed where they are", "[check][figures]") {
    SECTION("an unknown rule, with did-you-mean") {
        auto d = only(compile_with_schema(std::string(header) + rule("T-1", "") +
                                          "figure f \"F\"\n  from T-2\n  denominator evaluated\n  numerator passed\n"),
                      "unknown-rule");
        CHECK(spelled(d) == "T-2");
        CHECK_THAT(d.help, Catch::Contains("T-1"));
    }
    SECTION("'passed' without 'from' names the missing clause") {
        auto d = only(compile_with_schema(std::string(header) + "figure f \"F\"\n  denominator true\n  numerator passed\n"),
                      "unknown-name");
        CHECK(spelled(d) == "passed");
        CHECK_THAT(d.help, Catch::Contains("from RULE"));
    }
    SECTION("no denominator, no numerator") {
        auto c = compile_with_schema(std::string(header) + "figure f \"F\"\n  label \"f\"\n");
        CHECK(error_codes(c.diagnostics) == std::vector<std::string>{"missing-denominator", "missing-numerator"});
    }
    SECTION("a condition that is not a condition") {
        auto d = only(compile_with_schema(std::string(header) +
                                          "figure f \"F\"\n  denominator plan.sokande.inskrivningsdatum\n  numerator true\n"),
                      "not-a-condition");
        CHECK(spelled(d) == "plan.sokande.inskrivningsdatum");
        CHECK_THAT(d.message, Catch::Contains("'denominator'"));
    }
    SECTION("the same name twice") {
        auto c = compile_with_schema(std::string(header) + "figure f \"F\"\n  denominator true\n  numerator true\n" +
                                     "figure f \"G\"\n  denominator true\n  numerator true\n");
        auto d = only_diagnostic(c);
        CHECK(d.code == "duplicate-figure");
        CHECK(has_code(c.diagnostics, "duplicate-figure"));
        bool noted = false;
        for (const auto& n : c.diagnostics) noted |= n.severity == DiagnosticSeverity::note;
        CHECK(noted);
    }
    SECTION("empty title and label") {
        auto c = compile_with_schema(std::string(header) + "figure f \"\"\n  label \"\"\n  denominator true\n  numerator true\n");
        CHECK(error_codes(c.diagnostics) == std::vector<std::string>{"empty-title", "empty-label"});
    }
    SECTION("a clause given twice") {
        auto c = compile_with_schema(std::string(header) +
                                     "figure f \"F\"\n  denominator true\n  numerator true\n  numerator false\n");
        CHECK(has_code(c.diagnostics, "duplicate-clause"));
    }
    SECTION("a figure in a file without a rule set") {
        auto c = check_files({{"a.rules", "figure f \"F\"\n  denominator true\n  numerator true\n"}});
        CHECK(has_code(c.diagnostics, "figure-outside-ruleset"));
    }
}

TEST_CASE("figures: mistakes in the grouping are diagnosed", "[check][figures]") {
    SECTION("a list is not a field of one value") {
        auto d = only(compile_with_schema(std::string(header) + "group by plan.aktiviteter\n"), "group-not-field");
        CHECK(spelled(d) == "plan.aktiviteter");
    }
    SECTION("an expression is not a field") {
        auto d = only(compile_with_schema(std::string(header) + "group by plan.sokande.kommun + \"x\"\n"),
                      "group-not-field");
        CHECK_THAT(d.help, Catch::Contains("group by plan."));
    }
    SECTION("an unknown field") {
        auto d = only(compile_with_schema(std::string(header) + "group by plan.sokande.kommn\n"), "unknown-field");
        CHECK_THAT(d.help, Catch::Contains("kommun"));
    }
    SECTION("two groupings") {
        auto c = check_files({{"a.rules", std::string(header) + "group by plan.sokande.kommun\n"},
                              {"b.rules", "ruleset b \"B\"\ngroup by plan.status\n"}});
        auto d = only_diagnostic(c);
        CHECK(d.code == "duplicate-group");
    }
}

TEST_CASE("figures: the new words are keywords where they begin a declaration", "[check][figures]") {
    // `figure` and `group` start declarations: the parser resumes there after an error
    auto r = parse(std::string(header) + "rule T-1 \"T\"\n  require (\nfigure f \"F\"\n  denominator true\n  numerator true\n");
    bool figure = false;
    for (const auto& d : r.file.decls) figure |= std::holds_alternative<ast::FigureDecl>(d);
    CHECK(figure);
    CHECK(r.diagnostics.size() == 1);
}
