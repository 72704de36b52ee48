// The eight national rules of the comparison in JSON Logic, run by json-logic-engine in its
// compiled mode (`engine.build`: each condition compiled once to a JavaScript function, the
// fastest JSON Logic in JavaScript). Each rule is data as in cel.mjs (when, for each, an
// "unknown" test for the values it needs, require, pointer); the same driver makes the same
// findings as planrules (driver.mjs). JSON Logic has no dates, so the
// calendar functions of dates.mjs are added as methods; `blank` likewise. In JSON Logic an
// empty list is false, which is what "at least one" needs.

import {LogicEngine} from 'json-logic-engine'
import {addDays, addMonths, blank, REFORM_DATE} from './dates.mjs'
import {validator} from './driver.mjs'

const engine = new LogicEngine()
engine.addMethod('blank', ([s]) => blank(s), {deterministic: true})
engine.addMethod('addDays', ([s, n]) => addDays(s, n), {deterministic: true})
engine.addMethod('addMonths', ([s, n]) => addMonths(s, n), {deterministic: true})
// ISO dates compare as strings; JSON Logic's <= would turn them into numbers
engine.addMethod('dateLe', ([a, b]) => a <= b, {deterministic: true})
// missing or null; JSON Logic's == null also holds for false
engine.addMethod('absent', ([x]) => x == null, {deterministic: true})

const v = (name) => ({var: name})
const isNull = (x) => ({absent: [x]})
const UPPRATTAD = {'===': [v('plan.status'), 'upprattad']}
const AKTUELL = {in: [v('a.status'), ['planerad', 'pagaende']]}
const SENASTE = {if: [{'!': isNull(v('plan.senast_reviderad'))}, v('plan.senast_reviderad'), v('plan.upprattad_datum')]}
const INSKRIVEN_30 = {addDays: [v('plan.sokande.inskrivningsdatum'), 30]}

const RULES = [
  {id: 'HP-6.1', from: REFORM_DATE, when: UPPRATTAD, at: '/stodbehov',
    require: {'!': {blank: [v('plan.stodbehov.bedomning')]}}},
  {id: 'HP-6.2', from: REFORM_DATE, when: UPPRATTAD, at: '/aktiviteter',
    require: {some: [v('plan.aktiviteter'), {in: [v('status'), ['planerad', 'pagaende']]}]}},
  {id: 'HP-6.3', from: REFORM_DATE, when: UPPRATTAD, each: AKTUELL, at: (i) => `/aktiviteter/${i}/motivering`,
    require: {'!': {blank: [v('a.motivering')]}}},
  {id: 'AF-30D', at: '/upprattad_datum',
    unknown: {and: [{'!==': [v('plan.status'), 'utkast']}, isNull(v('plan.upprattad_datum'))]},
    require: {if: [{'===': [v('plan.status'), 'utkast']}, {dateLe: [v('today'), INSKRIVEN_30]},
      {dateLe: [v('plan.upprattad_datum'), INSKRIVEN_30]}]}},
  {id: 'AF-6M', when: UPPRATTAD, at: '/senast_reviderad',
    unknown: isNull(SENASTE),
    require: {dateLe: [v('today'), {addMonths: [SENASTE, 6]}]}},
  {id: 'AF-FORENKLAD', when: {and: [UPPRATTAD, {'===': [v('plan.typ'), 'forenklad']}]}, at: '/typ',
    unknown: isNull(v('plan.sokande.tillfalligt_arbete')),
    require: {'===': [v('plan.sokande.tillfalligt_arbete'), true]}},
  {id: 'AF-SKYLD', when: UPPRATTAD, at: '/skyldigheter',
    require: {'!!': v('plan.skyldigheter')}},
  {id: 'AF-DATUM', each: {and: [{'!': isNull(v('a.start'))}, {'!': isNull(v('a.slut'))}]},
    at: (i) => `/aktiviteter/${i}/slut`, require: {dateLe: [v('a.start'), v('a.slut')]}},
]

const compiled = RULES.map((r) => ({
  ...r,
  when: r.when && engine.build(r.when),
  each: r.each && engine.build(r.each),
  unknown: r.unknown && engine.build(r.unknown),
  require: engine.build(r.require),
}))

export const validate = validator(compiled)
