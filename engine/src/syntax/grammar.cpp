// The one translation unit that instantiates the grammar (X3's BOOST_SPIRIT_INSTANTIATE):
// the entry rules for the iterator and context of config.hpp. Everything else parses
// through parse.cpp.
//
// The AST is built by semantic actions rather than by fusion-adapted attributes (X3's
// ast_adapted.hpp): the actions record spans (`spanned[…]`), enforce the height limit as
// each node is made, and report duplicate clauses as they are read.

#include "declaration_def.hpp"

namespace planrules::syntax::detail {

const declaration_type& declaration_rule() noexcept { return declaration; }
const embedded_expression_type& embedded_expression_rule() noexcept { return embedded_expression; }

BOOST_SPIRIT_INSTANTIATE(declaration_type, Iterator, context_type)
BOOST_SPIRIT_INSTANTIATE(embedded_expression_type, Iterator, context_type)

}  // namespace planrules::syntax::detail
