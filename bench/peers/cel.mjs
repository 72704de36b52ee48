// The eight national rules of the comparison in CEL (@marcbachmann/cel-js): each rule is data
// (when, for each, an "unknown" test for the values it needs, require, pointer) with CEL
// expressions, parsed once; a small driver evaluates them per plan (and per activity) and makes
// the same findings as planrules: [rule, outcome, JSON pointer], outcome "violated" or
// "indeterminate". CEL has no months arithmetic on dates, so the calendar functions of
// dates.mjs are registered as CEL functions; `blank` likewise.

import {Environment} from '@marcbachmann/cel-js'
import {addDays, addMonths, blank, REFORM_DATE} from './dates.mjs'
import {validator} from './driver.mjs'

// The functions the rules call, registered in `env`.
export function withFunctions(env) {
  return env
    .registerFunction('blank(dyn): bool', blank)
    .registerFunction('addDays(string, int): string', (s, n) => addDays(s, Number(n)))
    .registerFunction('addMonths(string, int): string', (s, n) => addMonths(s, Number(n)))
}

// A value is present when its key is there (has) and it is not null.
const UPPRATTAD = 'plan.status == "upprattad"'
const AKTUELL = 'a.status in ["planerad", "pagaende"]'
const SENASTE = '(has(plan.senast_reviderad) && plan.senast_reviderad != null ? plan.senast_reviderad'
  + ' : has(plan.upprattad_datum) ? plan.upprattad_datum : null)'

export const RULES = [
  {id: 'HP-6.1', from: REFORM_DATE, when: UPPRATTAD, at: '/stodbehov',
    require: '!(!has(plan.stodbehov) || plan.stodbehov == null || !has(plan.stodbehov.bedomning)'
      + ' || blank(plan.stodbehov.bedomning))'},
  {id: 'HP-6.2', from: REFORM_DATE, when: UPPRATTAD, at: '/aktiviteter',
    require: `has(plan.aktiviteter) && plan.aktiviteter.exists(a, ${AKTUELL})`},
  {id: 'HP-6.3', from: REFORM_DATE, when: UPPRATTAD, each: AKTUELL, at: (i) => `/aktiviteter/${i}/motivering`,
    require: '!(!has(a.motivering) || blank(a.motivering))'},
  {id: 'AF-30D', at: '/upprattad_datum',
    unknown: 'plan.status != "utkast" && (!has(plan.upprattad_datum) || plan.upprattad_datum == null)',
    require: 'plan.status == "utkast" ? today <= addDays(plan.sokande.inskrivningsdatum, 30)'
      + ' : plan.upprattad_datum <= addDays(plan.sokande.inskrivningsdatum, 30)'},
  {id: 'AF-6M', when: UPPRATTAD, at: '/senast_reviderad',
    unknown: `${SENASTE} == null`,
    require: `today <= addMonths(${SENASTE}, 6)`},
  {id: 'AF-FORENKLAD', when: `${UPPRATTAD} && plan.typ == "forenklad"`, at: '/typ',
    unknown: '!has(plan.sokande.tillfalligt_arbete) || plan.sokande.tillfalligt_arbete == null',
    require: 'plan.sokande.tillfalligt_arbete == true'},
  {id: 'AF-SKYLD', when: UPPRATTAD, at: '/skyldigheter',
    require: 'has(plan.skyldigheter) && size(plan.skyldigheter) > 0'},
  {id: 'AF-DATUM', each: 'has(a.start) && a.start != null && has(a.slut) && a.slut != null',
    at: (i) => `/aktiviteter/${i}/slut`, require: 'a.slut >= a.start'},
]

// The rules with each expression parsed once in `env`; with `check`, each is type-checked first
// and a rule that does not check is an error.
export function compile(env, check = false) {
  const parse = (e) => {
    if (!e) return e
    if (check) {
      const r = env.check(e)
      if (!r.valid) throw new Error(`${e}: ${r.error.message}`)
    }
    return env.parse(e)
  }
  return RULES.map((r) => ({...r, when: parse(r.when), each: parse(r.each), unknown: parse(r.unknown), require: parse(r.require)}))
}

// Variables undeclared, of type dyn: the rules as CEL reads them without declarations.
export const validate = validator(compile(withFunctions(new Environment({unlistedVariablesAreDyn: true}))))
