// Aggregates count/all/any/sum/min/max in their forms, and exists.

#include "syntax/syntax_helpers.hpp"

using namespace planrules;
using namespace planrules::test;
using namespace planrules::test::syntax_tests;

TEST_CASE("collections: count(xs)", "[syntax][expr-collections]") {
    const std::string text = "count(plan.aktiviteter)";
    auto e = expr_clean(text);
    CHECK(e.kind == ast::ExprKind::aggregate);
    CHECK(e.aggregate == ast::AggregateKind::count);
    CHECK(e.name.text.empty());
    CHECK_FALSE(e.has_where);
    CHECK_FALSE(e.has_projection);
    REQUIRE(e.children.size() == 1);
    CHECK(sliced(text, e.source().span) == "plan.aktiviteter");
    CHECK(e.where() == nullptr);
    CHECK(e.projection() == nullptr);
}

TEST_CASE("collections: every aggregate word over a list", "[syntax][expr-collections]") {
    std::pair<const char*, ast::AggregateKind> cases[] = {
        {"count", ast::AggregateKind::count}, {"all", ast::AggregateKind::all}, {"any", ast::AggregateKind::any},
        {"sum", ast::AggregateKind::sum},     {"min", ast::AggregateKind::min}, {"max", ast::AggregateKind::max}};
    for (auto [word, kind] : cases) {
        DYNAMIC_SECTION(word) {
            const std::string text = std::string(word) + "(xs)";
            auto e = expr_clean(text);
            CHECK(e.kind == ast::ExprKind::aggregate);
            CHECK(e.aggregate == kind);
            REQUIRE(e.children.size() == 1);
            CHECK(sliced(text, e.children[0].span) == "xs");
        }
    }
}

TEST_CASE("collections: count(x in xs where c)", "[syntax][expr-collections]") {
    const std::string text = "count(a in plan.aktiviteter where a.status == \"planerad\")";
    auto e = expr_clean(text);
    CHECK(e.aggregate == ast::AggregateKind::count);
    CHECK(e.name.text == "a");
    CHECK(sliced(text, e.name.span) == "a");
    CHECK(e.name.span.begin == 6);
    CHECK(e.has_where);
    CHECK_FALSE(e.has_projection);
    REQUIRE(e.children.size() == 2);
    CHECK(sliced(text, e.source().span) == "plan.aktiviteter");
    REQUIRE(e.where());
    CHECK(shape(*e.where()) == "(== (. a status) \"planerad\")");
    CHECK(sliced(text, e.where()->span) == "a.status == \"planerad\"");
    CHECK(shape(e) == "(count a in (. plan aktiviteter) where (== (. a status) \"planerad\"))");
}

TEST_CASE("collections: count(x in xs) without where", "[syntax][expr-collections]") {
    const std::string text = "count(x in xs)";
    auto e = expr_clean(text);
    CHECK(e.name.text == "x");
    CHECK_FALSE(e.has_where);
    REQUIRE(e.children.size() == 1);
    CHECK(sliced(text, e.source().span) == "xs");
}

TEST_CASE("collections: all/any with a binder", "[syntax][expr-collections]") {
    auto e1 = expr_clean("all(r in plan.aktivitetsrapporter where r.inlamnad != today)");
    CHECK(e1.aggregate == ast::AggregateKind::all);
    CHECK(shape(e1) == "(all r in (. plan aktivitetsrapporter) where (!= (. r inlamnad) today))");
    auto e2 = expr_clean("any(u in plan.uppfoljningar where u.form == \"video\")");
    CHECK(e2.aggregate == ast::AggregateKind::any);
    CHECK(e2.name.text == "u");
    CHECK(e2.has_where);
}

TEST_CASE("collections: sum with a projection and where: children are [source, where, projection]",
          "[syntax][expr-collections]") {
    const std::string text = "sum(r.sokta_arbeten for r in plan.aktivitetsrapporter where r.inlamnad <= plan.start)";
    auto e = expr_clean(text);
    CHECK(e.aggregate == ast::AggregateKind::sum);
    CHECK(e.name.text == "r");
    CHECK(sliced(text, e.name.span) == "r");
    CHECK(e.name.span.begin == offset_of(text, "r in"));
    CHECK(e.has_where);
    CHECK(e.has_projection);
    REQUIRE(e.children.size() == 3);
    CHECK(sliced(text, e.children[0].span) == "plan.aktivitetsrapporter");
    CHECK(sliced(text, e.children[1].span) == "r.inlamnad <= plan.start");
    CHECK(sliced(text, e.children[2].span) == "r.sokta_arbeten");
    CHECK(&e.source() == &e.children[0]);
    CHECK(e.where() == &e.children[1]);
    CHECK(e.projection() == &e.children[2]);
}

TEST_CASE("collections: sum with a projection, no where: children are [source, projection]",
          "[syntax][expr-collections]") {
    const std::string text = "sum(x.n * 2 for x in xs)";
    auto e = expr_clean(text);
    CHECK(e.has_projection);
    CHECK_FALSE(e.has_where);
    REQUIRE(e.children.size() == 2);
    CHECK(sliced(text, e.source().span) == "xs");
    REQUIRE(e.projection());
    CHECK(e.projection() == &e.children[1]);
    CHECK(shape(*e.projection()) == "(* (. x n) 2)");
    CHECK(sliced(text, e.projection()->span) == "x.n * 2");
    CHECK(e.where() == nullptr);
}

TEST_CASE("collections: min/max projection", "[syntax][expr-collections]") {
    auto e = expr_clean("max(a.slut for a in plan.aktiviteter)");
    CHECK(e.aggregate == ast::AggregateKind::max);
    CHECK(shape(e) == "(max (. a slut) for a in (. plan aktiviteter))");
}

TEST_CASE("collections: min and max are variadic", "[syntax][expr-collections]") {
    const std::string text = "min(a, b.c, 3)";
    auto e = expr_clean(text);
    CHECK(e.aggregate == ast::AggregateKind::min);
    CHECK(e.name.text.empty());
    CHECK_FALSE(e.has_where);
    CHECK_FALSE(e.has_projection);
    REQUIRE(e.children.size() == 3);
    CHECK(sliced(text, e.children[0].span) == "a");
    CHECK(sliced(text, e.children[1].span) == "b.c");
    CHECK(sliced(text, e.children[2].span) == "3");
    auto e2 = expr_clean("max(plan.start, today)");
    CHECK(e2.aggregate == ast::AggregateKind::max);
    CHECK(shape(e2) == "(max (. plan start) today)");
}

TEST_CASE("collections: aggregates nest", "[syntax][expr-collections]") {
    auto e = expr_clean("count(a in xs where any(r in a.rapporter where r.ok)) > 0");
    CHECK(shape(e) == "(> (count a in xs where (any r in (. a rapporter) where (. r ok))) 0)");
}

TEST_CASE("collections: exists x in xs where c", "[syntax][expr-collections]") {
    const std::string text = "exists a in plan.aktiviteter where aktuell(a)";
    auto e = expr_clean(text);
    CHECK(e.kind == ast::ExprKind::exists);
    CHECK(e.name.text == "a");
    CHECK(sliced(text, e.name.span) == "a");
    CHECK(e.name.span.begin == 7);
    CHECK(e.has_where);
    REQUIRE(e.children.size() == 2);
    CHECK(sliced(text, e.source().span) == "plan.aktiviteter");
    REQUIRE(e.where());
    CHECK(shape(*e.where()) == "(call aktuell a)");
}

TEST_CASE("collections: exists without where", "[syntax][expr-collections]") {
    const std::string text = "exists u in plan.uppfoljningar";
    auto e = expr_clean(text);
    CHECK(e.kind == ast::ExprKind::exists);
    CHECK_FALSE(e.has_where);
    REQUIRE(e.children.size() == 1);
    CHECK(sliced(text, e.source().span) == "plan.uppfoljningar");
}

TEST_CASE("collections: 'exists' takes the rest of the expression as its condition", "[syntax][expr-collections]") {
    auto e = expr_clean("exists a in xs where a.ok and a.n > 1");
    CHECK(shape(e) == "(exists a in xs where (and (. a ok) (> (. a n) 1)))");
    auto e2 = expr_clean("not exists a in xs");
    CHECK(shape(e2) == "(not (exists a in xs))");
}

TEST_CASE("collections: empty aggregate", "[syntax][expr-collections][errors]") {
    const std::string text = "count()";
    auto d = expr_error(text);
    CHECK(d.code == "syntax-error");
    CHECK(spelled(d) == ")");
    CHECK(d.span.begin == 6);
    CHECK_THAT(d.message, Catch::Contains("NAME in LIST"));
}

TEST_CASE("collections: binder without a list", "[syntax][expr-collections][errors]") {
    const std::string text = "count(x in)";
    auto d = expr_error(text);
    CHECK(d.code == "syntax-error");
    CHECK(spelled(d) == ")");
    CHECK(d.span.begin == 10);
    CHECK_THAT(d.message, Catch::Contains("expected an expression"));
}

TEST_CASE("collections: projection without a binder", "[syntax][expr-collections][errors]") {
    const std::string text = "sum(x.n for in xs)";
    auto d = expr_error(text);
    CHECK(d.code == "syntax-error");
    CHECK(spelled(d) == "in");
    CHECK(d.span.begin == 12);
    CHECK_THAT(d.message, Catch::Contains("expected a name"));
}

TEST_CASE("collections: where with several arguments", "[syntax][expr-collections][errors]") {
    const std::string text = "count(x in xs where a, b)";
    auto d = expr_error(text);
    CHECK(d.code == "syntax-error");
    CHECK(spelled(d) == ",");
    CHECK_THAT(d.message, Catch::Contains("expected ')'"));
}

TEST_CASE("collections: exists without a binder", "[syntax][expr-collections][errors]") {
    auto d = expr_error("exists in xs");
    CHECK(d.code == "syntax-error");
    CHECK(spelled(d) == "in");
    CHECK(d.span.begin == 7);
    CHECK_THAT(d.message, Catch::Contains("expected a name"));
}

TEST_CASE("collections: exists without 'in'", "[syntax][expr-collections][errors]") {
    const std::string text = "rule R \"t\"\n  require exists a plan.aktiviteter\n";
    auto d = file_error(text);
    CHECK(d.code == "syntax-error");
    CHECK(spelled(d) == "plan");
    CHECK(d.span.begin == offset_of(text, "plan."));
    CHECK_THAT(d.message, Catch::Contains("expected 'in'"));
}

TEST_CASE("collections: unclosed aggregate", "[syntax][expr-collections][errors]") {
    const std::string text = "count(xs";
    auto d = expr_error(text);
    CHECK(d.code == "syntax-error");
    CHECK(d.span.begin == text.size());
    CHECK_THAT(d.message, Catch::Contains("')'"));
}
