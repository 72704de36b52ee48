// The driver the rule-as-data peers share (cel.mjs, cel-typed.mjs, jsonlogic.mjs): each
// compiled rule has `from` (in force from), `when`, `each` (for each activity), `unknown` (the
// values it needs are missing), `require` and `at` (the pointer, or a function of the
// activity's index), its conditions functions of the context {plan, today, a}. It makes the same
// findings as planrules: [rule, outcome, JSON pointer].

function judge(rule, context, pointer, out) {
  if (rule.unknown && rule.unknown(context)) out.push([rule.id, 'indeterminate', pointer])
  else if (!rule.require(context)) out.push([rule.id, 'violated', pointer])
}

// A validator of the compiled rules: (plan, today) => findings.
export function validator(compiled) {
  return (plan, today) => {
    const out = []
    const context = {plan, today, a: null}
    for (const rule of compiled) {
      if (rule.from && today < rule.from) continue
      if (rule.when && !rule.when(context)) continue
      if (!rule.each) {
        judge(rule, context, rule.at, out)
        continue
      }
      const aktiviteter = plan.aktiviteter ?? []
      for (let i = 0; i < aktiviteter.length; ++i) {
        const element = {plan, today, a: aktiviteter[i]}
        if (rule.each(element)) judge(rule, element, rule.at(i), out)
      }
    }
    return out
  }
}
