#pragma once
// The grammar's rule objects, made from the rule table (rule_ids.hpp). Included by the
// *_def.hpp files, which give each rule its definition.

#include "rule_ids.hpp"

namespace planrules::syntax::detail {

#define PLANRULES_RULE_OBJECT(name, attribute, what_, help_, kind) \
    inline const x3::rule<name##_class, attribute> name{name##_class::what.data()};
PLANRULES_GRAMMAR_RULES(PLANRULES_RULE_OBJECT)
#undef PLANRULES_RULE_OBJECT

}  // namespace planrules::syntax::detail
