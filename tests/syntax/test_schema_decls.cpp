// Schema declarations: type records with fields, sensitive fields, enums, list<T>,
// optional T?, nested lists, root.

#include "syntax/syntax_helpers.hpp"

using namespace planrules;
using namespace planrules::test;
using namespace planrules::test::syntax_tests;

TEST_CASE("schema: a record type with plain fields", "[syntax][schema]") {
    const std::string text = "type Uppfoljning {\n  datum: date\n  form: UppfoljningForm\n  antal: int, andel: decimal\n  ok: bool\n  namn: string\n}\n";
    auto r = parse_clean(text);
    REQUIRE(r.file.decls.size() == 1);
    const auto& t = decl_at<ast::RecordDecl>(r, 0);
    CHECK(t.name.text == "Uppfoljning");
    CHECK(sliced(text, t.name.span) == "Uppfoljning");
    REQUIRE(t.fields.size() == 6);
    const char* names[] = {"datum", "form", "antal", "andel", "ok", "namn"};
    const char* types[] = {"date", "UppfoljningForm", "int", "decimal", "bool", "string"};
    for (std::size_t i = 0; i < 6; ++i) {
        INFO(i);
        CHECK(t.fields[i].name.text == names[i]);
        CHECK(sliced(text, t.fields[i].name.span) == names[i]);
        CHECK(t.fields[i].type.name == types[i]);
        CHECK(sliced(text, t.fields[i].type.span) == types[i]);
        CHECK(t.fields[i].type.args.empty());
        CHECK_FALSE(t.fields[i].type.optional);
        CHECK_FALSE(t.fields[i].sensitive);
    }
}

TEST_CASE("schema: an empty record type", "[syntax][schema]") {
    auto r = parse_clean("type Tom {}\n");
    const auto& t = decl_at<ast::RecordDecl>(r, 0);
    CHECK(t.name.text == "Tom");
    CHECK(t.fields.empty());
}

TEST_CASE("schema: sensitive fields", "[syntax][schema]") {
    const std::string text =
        "type Funktionsnedsattning {\n  kod: string? sensitive\n  dokumenterad: bool\n  samtycke: date sensitive\n}\n";
    auto r = parse_clean(text);
    const auto& t = decl_at<ast::RecordDecl>(r, 0);
    REQUIRE(t.fields.size() == 3);
    CHECK(t.fields[0].name.text == "kod");
    CHECK(t.fields[0].sensitive);
    CHECK(t.fields[0].type.name == "string");
    CHECK(t.fields[0].type.optional);
    CHECK_FALSE(t.fields[1].sensitive);
    CHECK(t.fields[2].sensitive);
    CHECK(t.fields[2].type.name == "date");
    CHECK_FALSE(t.fields[2].type.optional);
    CHECK(sliced(text, t.fields[2].type.span) == "date");
}

TEST_CASE("schema: optional types", "[syntax][schema]") {
    const std::string text = "type P {\n  d: date?\n  s: Stodbehov?\n}\n";
    auto r = parse_clean(text);
    const auto& t = decl_at<ast::RecordDecl>(r, 0);
    REQUIRE(t.fields.size() == 2);
    CHECK(t.fields[0].type.name == "date");
    CHECK(t.fields[0].type.optional);
    CHECK(t.fields[0].type.span.begin == offset_of(text, "date?"));
    CHECK(t.fields[1].type.name == "Stodbehov");
    CHECK(t.fields[1].type.optional);
    CHECK(t.fields[1].type.span.begin == offset_of(text, "Stodbehov?"));
}

TEST_CASE("schema: list<T>, list<T>? and list<list<int>>", "[syntax][schema]") {
    const std::string text = "type P {\n  a: list<Aktivitet>\n  b: list<string>?\n  c: list<list<int>>\n  d: list<int?>\n}\n";
    auto r = parse_clean(text);
    const auto& t = decl_at<ast::RecordDecl>(r, 0);
    REQUIRE(t.fields.size() == 4);

    const auto& a = t.fields[0].type;
    CHECK(a.name == "list");
    CHECK_FALSE(a.optional);
    CHECK(a.span.begin == offset_of(text, "list<Aktivitet>"));
    REQUIRE(a.args.size() == 1);
    CHECK(a.args[0].name == "Aktivitet");
    CHECK(sliced(text, a.args[0].span) == "Aktivitet");

    const auto& b = t.fields[1].type;
    CHECK(b.name == "list");
    CHECK(b.optional);
    REQUIRE(b.args.size() == 1);
    CHECK(b.args[0].name == "string");
    CHECK_FALSE(b.args[0].optional);

    const auto& c = t.fields[2].type;
    CHECK(c.name == "list");
    REQUIRE(c.args.size() == 1);
    CHECK(c.args[0].name == "list");
    REQUIRE(c.args[0].args.size() == 1);
    CHECK(c.args[0].args[0].name == "int");
    CHECK(sliced(text, c.args[0].args[0].span) == "int");
    CHECK(c.args[0].span.begin == offset_of(text, "list<int>>"));

    const auto& d = t.fields[3].type;
    REQUIRE(d.args.size() == 1);
    CHECK(d.args[0].name == "int");
    CHECK(d.args[0].optional);
    CHECK_FALSE(d.optional);
}

TEST_CASE("schema: enums with and without commas", "[syntax][schema]") {
    const std::string text = "enum PlanStatus { utkast, upprattad, avslutad }\nenum Form { fysiskt video\n  telefon, digitalt, }\nenum Tom {}\n";
    auto r = parse_clean(text);
    REQUIRE(r.file.decls.size() == 3);
    const auto& e1 = decl_at<ast::EnumDecl>(r, 0);
    CHECK(e1.name.text == "PlanStatus");
    CHECK(sliced(text, e1.name.span) == "PlanStatus");
    REQUIRE(e1.values.size() == 3);
    CHECK(e1.values[0].text == "utkast");
    CHECK(sliced(text, e1.values[1].span) == "upprattad");
    CHECK(e1.values[2].text == "avslutad");
    const auto& e2 = decl_at<ast::EnumDecl>(r, 1);
    REQUIRE(e2.values.size() == 4);
    CHECK(e2.values[0].text == "fysiskt");
    CHECK(e2.values[1].text == "video");
    CHECK(e2.values[2].text == "telefon");
    CHECK(e2.values[3].text == "digitalt");
    CHECK(sliced(text, e2.values[3].span) == "digitalt");
    const auto& e3 = decl_at<ast::EnumDecl>(r, 2);
    CHECK(e3.name.text == "Tom");
    CHECK(e3.values.empty());
}

TEST_CASE("schema: root declaration", "[syntax][schema]") {
    const std::string text = "root plan: Plan\n";
    auto r = parse_clean(text);
    const auto& root = decl_at<ast::RootDecl>(r, 0);
    CHECK(root.name.text == "plan");
    CHECK(sliced(text, root.name.span) == "plan");
    CHECK(root.type.name == "Plan");
    CHECK(sliced(text, root.type.span) == "Plan");
}

TEST_CASE("schema: the bundled schema parses", "[syntax][schema]") {
    const std::string text = read_file(source_dir() + "/rules/handlingsplan.schema");
    REQUIRE_FALSE(text.empty());
    auto r = parse_clean(text);
    const auto& root = decl_at<ast::RootDecl>(r, 0);
    CHECK(root.type.name == "Plan");
    std::size_t enums = 0, records = 0;
    for (const auto& d : r.file.decls) {
        enums += std::holds_alternative<ast::EnumDecl>(d);
        records += std::holds_alternative<ast::RecordDecl>(d);
    }
    auto count_lines_starting = [&](std::string_view w) {
        std::size_t n = 0;
        for (std::size_t p = text.find(w); p != std::string::npos; p = text.find(w, p + 1))
            n += p == 0 || text[p - 1] == '\n';
        return n;
    };
    CHECK(enums == count_lines_starting("enum "));
    CHECK(records == count_lines_starting("type "));
    CHECK(records >= 10);
    const auto* sokande = [&]() -> const ast::RecordDecl* {
        for (const auto& d : r.file.decls)
            if (auto* t = std::get_if<ast::RecordDecl>(&d); t && t->name.text == "Sokande") return t;
        return nullptr;
    }();
    REQUIRE(sokande);
    bool found = false;
    for (const auto& f : sokande->fields)
        if (f.name.text == "funktionsnedsattning") {
            found = true;
            CHECK(f.sensitive);
            CHECK(f.type.optional);
            CHECK(f.type.name == "Funktionsnedsattning");
        }
    CHECK(found);
}

TEST_CASE("schema: field without ':'", "[syntax][schema][errors]") {
    const std::string text = "type P {\n  id string\n}\n";
    auto d = file_error(text);
    CHECK(d.code == "syntax-error");
    CHECK(spelled(d) == "string");
    CHECK_THAT(d.message, Catch::Contains("expected ':'"));
}

TEST_CASE("schema: field without a type", "[syntax][schema][errors]") {
    const std::string text = "type P {\n  id:\n}\n";
    auto d = file_error(text);
    CHECK(d.code == "syntax-error");
    CHECK(spelled(d) == "}");
    CHECK_THAT(d.message, Catch::Contains("expected a type"));
}

TEST_CASE("schema: list<T without '>'", "[syntax][schema][errors]") {
    const std::string text = "type P {\n  l: list<int\n}\n";
    auto d = file_error(text);
    CHECK(d.code == "syntax-error");
    CHECK(spelled(d) == "}");
    CHECK_THAT(d.message, Catch::Contains("expected '>'"));
}

TEST_CASE("schema: list<> without an argument", "[syntax][schema][errors]") {
    const std::string text = "type P {\n  l: list<>\n}\n";
    auto d = file_error(text);
    CHECK(d.code == "syntax-error");
    CHECK(d.span.begin == offset_of(text, ">"));
    CHECK_THAT(d.message, Catch::Contains("expected a type"));
}

TEST_CASE("schema: record not closed", "[syntax][schema][errors]") {
    const std::string text = "type P {\n  id: int\n";
    auto d = file_error(text);
    CHECK(d.code == "syntax-error");
    CHECK(d.span.begin == text.size());
    CHECK_THAT(d.message, Catch::Contains("expected '}'"));
    CHECK_THAT(d.message, Catch::Contains("end of file"));
}

TEST_CASE("schema: enum value that is not a name", "[syntax][schema][errors]") {
    const std::string text = "enum S { a, 1 }\n";
    auto d = file_error(text);
    CHECK(d.code == "syntax-error");
    CHECK(spelled(d) == "1");
    CHECK(d.span.begin == offset_of(text, "1"));
}

TEST_CASE("schema: root without ':'", "[syntax][schema][errors]") {
    const std::string text = "root plan Plan\n";
    auto d = file_error(text);
    CHECK(d.code == "syntax-error");
    CHECK(spelled(d) == "Plan");
    CHECK_THAT(d.message, Catch::Contains("expected ':'"));
}

TEST_CASE("schema: a keyword as type name", "[syntax][schema][errors]") {
    const std::string text = "type rule { a: int }\n";
    auto d = file_error(text);
    CHECK(d.code == "syntax-error");
    CHECK(spelled(d) == "rule");
    CHECK_THAT(d.message, Catch::Contains("expected a name"));
}
