#pragma once
// The grammar's entry rules (X3's BOOST_SPIRIT_DECLARE): a declaration, and an
// expression on its own (a `{…}` of a message, parse_expression). Defined in
// expression_def.hpp and declaration_def.hpp, instantiated once in grammar.cpp.

#include "config.hpp"
#include "rule_ids.hpp"

#include <optional>

namespace planrules::syntax::detail {

using declaration_type = x3::rule<declaration_class, x3::unused_type>;
using embedded_expression_type = x3::rule<embedded_expression_class, ast::Expr>;
BOOST_SPIRIT_DECLARE(declaration_type, embedded_expression_type)

// One declaration, appended to ParseState::decls by its action.
[[nodiscard]] const declaration_type& declaration_rule() noexcept;
// An expression that ends where the input ends.
[[nodiscard]] const embedded_expression_type& embedded_expression_rule() noexcept;

// Parses the expression in [b, e) of the file, reporting errors; `trailing` names what
// should follow it ("'}' to end the interpolation"), `end_name` what "found …" calls `e`.
std::optional<ast::Expr> parse_embedded(ParseState& st, Iterator b, Iterator e, const ExpectedInfo& trailing,
                                        std::string_view end_name);

}  // namespace planrules::syntax::detail
