// The eight national rules of the comparison as a plain hand-written JavaScript validator: what a
// team would write instead of using a rules engine. Same outcomes as planrules: a finding is
// [rule, outcome, JSON pointer] with outcome "violated" or "indeterminate" (a value the rule needs
// is missing). See rules/af/forordning.rules and rules/af/arbetsformedlingen.rules.

import {addDays, addMonths, blank, REFORM_DATE} from './dates.mjs'

const aktuell = (a) => a.status === 'planerad' || a.status === 'pagaende'

export function validate(plan, today) {
  const out = []
  const upprattad = plan.status === 'upprattad'
  const aktiviteter = plan.aktiviteter ?? []

  if (today >= REFORM_DATE && upprattad) {
    // HP-6.1, HP-6.2, HP-6.3
    if (blank(plan.stodbehov?.bedomning)) out.push(['HP-6.1', 'violated', '/stodbehov'])
    if (!aktiviteter.some(aktuell)) out.push(['HP-6.2', 'violated', '/aktiviteter'])
    for (let i = 0; i < aktiviteter.length; ++i) {
      const a = aktiviteter[i]
      if (aktuell(a) && blank(a.motivering)) out.push(['HP-6.3', 'violated', `/aktiviteter/${i}/motivering`])
    }
  }

  // AF-30D: established (or, for a draft, today) within 30 days of registration
  const frist = addDays(plan.sokande.inskrivningsdatum, 30)
  if (plan.status === 'utkast') {
    if (today > frist) out.push(['AF-30D', 'violated', '/upprattad_datum'])
  } else if (plan.upprattad_datum == null) {
    out.push(['AF-30D', 'indeterminate', '/upprattad_datum'])
  } else if (plan.upprattad_datum > frist) {
    out.push(['AF-30D', 'violated', '/upprattad_datum'])
  }

  if (upprattad) {
    // AF-6M: reviewed within six months of the last review (or of establishment)
    const senaste = plan.senast_reviderad ?? plan.upprattad_datum
    if (senaste == null) out.push(['AF-6M', 'indeterminate', '/senast_reviderad'])
    else if (today > addMonths(senaste, 6)) out.push(['AF-6M', 'violated', '/senast_reviderad'])
    // AF-SKYLD
    if ((plan.skyldigheter ?? []).length === 0) out.push(['AF-SKYLD', 'violated', '/skyldigheter'])
  }

  // AF-FORENKLAD
  if (plan.status === 'upprattad' && plan.typ === 'forenklad') {
    const tillfalligt = plan.sokande.tillfalligt_arbete
    if (tillfalligt == null) out.push(['AF-FORENKLAD', 'indeterminate', '/typ'])
    else if (tillfalligt !== true) out.push(['AF-FORENKLAD', 'violated', '/typ'])
  }

  // AF-DATUM
  for (let i = 0; i < aktiviteter.length; ++i) {
    const a = aktiviteter[i]
    if (a.start != null && a.slut != null && a.slut < a.start) out.push(['AF-DATUM', 'violated', `/aktiviteter/${i}/slut`])
  }
  return out
}
