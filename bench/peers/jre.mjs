// The eight national rules of the comparison in json-rules-engine: rules as JSON conditions over
// the facts `plan`, `today` (and, for the rules about each activity, `a`), with JSONPath paths,
// a few custom operators for dates, blank text and lists, and computed facts for the deadlines.
// Each planrules rule becomes one json-rules-engine rule per outcome (violated, indeterminate)
// whose event carries the finding: [rule, outcome, JSON pointer]. Rules about each activity run
// in a second engine, once per activity, as json-rules-engine has no iteration.

import jre from 'json-rules-engine'
import {addDays, addMonths, blank, REFORM_DATE} from './dates.mjs'

const {Engine} = jre
const missing = (v) => v === undefined || v === null
const asList = (v) => (v == null ? [] : Array.isArray(v) ? v : [v])

function engine() {
  const e = new Engine([], {allowUndefinedFacts: true})
  e.addOperator('blank', (value, expected) => blank(value) === expected)
  e.addOperator('isMissing', (value, expected) => missing(value) === expected)
  e.addOperator('dateAfter', (value, other) => !missing(value) && !missing(other) && value > other)
  e.addOperator('dateOnOrAfter', (value, other) => !missing(value) && !missing(other) && value >= other)
  e.addOperator('containsNoneOf', (value, options) => !asList(value).some((v) => options.includes(v)))
  e.addOperator('isEmptyList', (value, expected) => (asList(value).length === 0) === expected)
  return e
}

const event = (rule, outcome, at) => ({type: outcome, params: {rule, at}})
const inForce = {fact: 'today', operator: 'dateOnOrAfter', value: REFORM_DATE}
const status = (operator, value) => ({fact: 'plan', path: '$.status', operator, value})
const upprattad = status('equal', 'upprattad')

const planEngine = engine()
planEngine.addFact('frist30', async (params, almanac) =>
  addDays(await almanac.factValue('plan', {}, '$.sokande.inskrivningsdatum'), 30))
planEngine.addFact('senasteGenomgang', async (params, almanac) => {
  const plan = await almanac.factValue('plan')
  return missing(plan.senast_reviderad) ? plan.upprattad_datum : plan.senast_reviderad
})
planEngine.addFact('frist6m', async (params, almanac) => {
  const senaste = await almanac.factValue('senasteGenomgang')
  return missing(senaste) ? null : addMonths(senaste, 6)
})
for (const rule of [
  {conditions: {all: [inForce, upprattad,
    {fact: 'plan', path: '$.stodbehov.bedomning', operator: 'blank', value: true}]},
  event: event('HP-6.1', 'violated', '/stodbehov')},
  {conditions: {all: [inForce, upprattad,
    {fact: 'plan', path: '$.aktiviteter[*].status', operator: 'containsNoneOf', value: ['planerad', 'pagaende']}]},
  event: event('HP-6.2', 'violated', '/aktiviteter')},
  {conditions: {any: [
    {all: [status('equal', 'utkast'), {fact: 'today', operator: 'dateAfter', value: {fact: 'frist30'}}]},
    {all: [status('notEqual', 'utkast'),
      {fact: 'plan', path: '$.upprattad_datum', operator: 'dateAfter', value: {fact: 'frist30'}}]}]},
  event: event('AF-30D', 'violated', '/upprattad_datum')},
  {conditions: {all: [status('notEqual', 'utkast'),
    {fact: 'plan', path: '$.upprattad_datum', operator: 'isMissing', value: true}]},
  event: event('AF-30D', 'indeterminate', '/upprattad_datum')},
  {conditions: {all: [upprattad, {fact: 'today', operator: 'dateAfter', value: {fact: 'frist6m'}}]},
    event: event('AF-6M', 'violated', '/senast_reviderad')},
  {conditions: {all: [upprattad, {fact: 'senasteGenomgang', operator: 'isMissing', value: true}]},
    event: event('AF-6M', 'indeterminate', '/senast_reviderad')},
  {conditions: {all: [upprattad, {fact: 'plan', path: '$.typ', operator: 'equal', value: 'forenklad'},
    {fact: 'plan', path: '$.sokande.tillfalligt_arbete', operator: 'equal', value: false}]},
  event: event('AF-FORENKLAD', 'violated', '/typ')},
  {conditions: {all: [upprattad, {fact: 'plan', path: '$.typ', operator: 'equal', value: 'forenklad'},
    {fact: 'plan', path: '$.sokande.tillfalligt_arbete', operator: 'isMissing', value: true}]},
  event: event('AF-FORENKLAD', 'indeterminate', '/typ')},
  {conditions: {all: [upprattad, {fact: 'plan', path: '$.skyldigheter', operator: 'isEmptyList', value: true}]},
    event: event('AF-SKYLD', 'violated', '/skyldigheter')},
]) planEngine.addRule(rule)

const activityEngine = engine()
for (const rule of [
  {conditions: {all: [inForce, upprattad,
    {fact: 'a', path: '$.status', operator: 'in', value: ['planerad', 'pagaende']},
    {fact: 'a', path: '$.motivering', operator: 'blank', value: true}]},
  event: event('HP-6.3', 'violated', 'motivering')},
  {conditions: {all: [
    {fact: 'a', path: '$.start', operator: 'isMissing', value: false},
    {fact: 'a', path: '$.slut', operator: 'isMissing', value: false},
    {fact: 'a', path: '$.start', operator: 'dateAfter', value: {fact: 'a', path: '$.slut'}}]},
  event: event('AF-DATUM', 'violated', 'slut')},
]) activityEngine.addRule(rule)

const finding = (e, prefix = '') => [e.params.rule, e.type, prefix + e.params.at]

export async function validate(plan, today) {
  const {events} = await planEngine.run({plan, today})
  const out = events.map((e) => finding(e))
  const aktiviteter = plan.aktiviteter ?? []
  for (let i = 0; i < aktiviteter.length; ++i) {
    const result = await activityEngine.run({plan, today, a: aktiviteter[i]})
    for (const e of result.events) out.push(finding(e, `/aktiviteter/${i}/`))
  }
  return out
}
