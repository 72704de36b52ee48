// Colour in the text outputs: with it on, the same text with terminal styles around its parts;
// off, no escape byte at all.

#include "support.hpp"

#include <planrules/report/render.hpp>
#include <planrules/report/report_render.hpp>
#include <planrules/testing.hpp>

#include <regex>

using namespace planrules;

namespace {

std::string strip_styles(const std::string& s) { return std::regex_replace(s, std::regex("\x1b\\[[0-9;]*m"), ""); }

}  // namespace

TEST_CASE("colours: diagnostics, reports and test results are the same text with styles", "[report][color]") {
    auto c = test::compile_with_schema(std::string(test::header) + "define x = plan.finns_inte\n");
    REQUIRE(!c.diagnostics.empty());
    RenderOptions plain, colored;
    colored.color = true;
    const std::string p = render_text(c.diagnostics, plain), k = render_text(c.diagnostics, colored);
    CHECK(p.find('\x1b') == std::string::npos);
    CHECK(k.find("\x1b[1m\x1b[31merror:\x1b[0m") != std::string::npos);  // the severity in bold red
    CHECK(strip_styles(k) == p);

    const RuleSet& rules = test::shipped();
    auto plan = rules.load_json(test::read_file(test::source_dir() + "/examples/plans/omotiverad-aktivitet.json"), "p");
    REQUIRE(plan);
    ValidateOptions o;
    o.as_of = Date{2024, 9, 1};
    Report r = rules.validate(*plan, o);
    REQUIRE(!r.findings.empty());
    const std::string rp = render_report_text(r, false), rk = render_report_text(r, true);
    CHECK(rp.find('\x1b') == std::string::npos);
    CHECK(rk.find('\x1b') != std::string::npos);
    CHECK(strip_styles(rk) == rp);

    TestRun run = run_tests(rules);
    const std::string tp = render_test_text(run, false), tk = render_test_text(run, true);
    CHECK(tp.find('\x1b') == std::string::npos);
    CHECK(tk.find("\x1b[32mok  \x1b[0m") != std::string::npos);
    CHECK(strip_styles(tk) == tp);
}
