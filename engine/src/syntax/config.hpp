#pragma once
// The types the grammar is instantiated for (X3's config.hpp): the iterator, the
// skipper (blanks and `#` comments), and the context every rule is parsed in, which
// carries the ParseState under state_tag. grammar.cpp instantiates the entry rules for
// exactly this context; parse.cpp parses with it.

#include "parse_state.hpp"

#include <functional>

namespace planrules::syntax::detail {

inline const auto skipper = x3::ascii::space | x3::lexeme[x3::lit('#') >> *(x3::char_ - x3::lit('\n'))];
using skipper_type = std::remove_const_t<decltype(skipper)>;
using phrase_context_type = x3::phrase_parse_context<skipper_type>::type;
using context_type = x3::context<state_tag, std::reference_wrapper<ParseState>, phrase_context_type>;

}  // namespace planrules::syntax::detail
