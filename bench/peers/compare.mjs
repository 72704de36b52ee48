// The peer comparison: planrules and other ways of writing the same eight national rules (a
// hand-written JavaScript validator, CEL with @marcbachmann/cel-js, without declarations and with
// declared variables and its type checker on, JSON Logic with json-logic-engine in its compiled
// mode, json-rules-engine) validate
// the same generated plans, on one core each, end to end (JSON text to findings) and on plans
// already parsed. Every peer's findings must equal planrules' on every well-formed plan, so that
// the speeds compare equal work; a disagreement is printed and the script exits with 1.
//
//   cd bench/peers && npm ci && node compare.mjs [--count N] [--plans FILE.jsonl]
//       [--as-of YYYY-MM-DD] [--build DIR] [--jre-count N] [--seconds S] [--runs N]
//
// Every figure is the median of --runs runs (default 3), all in this one run of the script.
// --build is the CMake build directory with planrules, planrules-generate and
// planrules-throughput (default ../../build/default). See bench/README.md.

import {spawnSync} from 'node:child_process'
import {readFileSync, mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

import * as handwritten from './handwritten.mjs'
import * as cel from './cel.mjs'
import * as celTyped from './cel-typed.mjs'
import * as jsonlogic from './jsonlogic.mjs'
import * as jre from './jre.mjs'

const here = path.dirname(fileURLToPath(import.meta.url))
const root = path.resolve(here, '../..')

const args = {count: 100000, asOf: '2024-06-01', build: path.join(root, 'build/default'), jreCount: 10000,
  seconds: 2, plans: null, seed: 11, runs: 3}
for (let i = 2; i < process.argv.length; ++i) {
  const a = process.argv[i]
  const v = () => {
    if (i + 1 >= process.argv.length) throw new Error(`${a} needs a value`)
    return process.argv[++i]
  }
  if (a === '--count') args.count = Number(v())
  else if (a === '--plans') args.plans = v()
  else if (a === '--as-of') args.asOf = v()
  else if (a === '--build') args.build = path.resolve(v())
  else if (a === '--jre-count') args.jreCount = Number(v())
  else if (a === '--seconds') args.seconds = Number(v())
  else if (a === '--seed') args.seed = Number(v())
  else if (a === '--runs') args.runs = Math.max(1, Number(v()))
  else {
    console.error(`unknown argument ${a}\nusage: node compare.mjs [--count N] [--plans FILE.jsonl] [--as-of DATE] [--build DIR] [--jre-count N] [--seconds S] [--seed S] [--runs N]`)
    process.exit(2)
  }
}

const tool = (name) => path.join(args.build, name)
const planrules = tool('cli/planrules')
const work = mkdtempSync(path.join(tmpdir(), 'planrules-peers-'))
process.on('exit', () => rmSync(work, {recursive: true, force: true}))

function run(cmd, argv) {
  const r = spawnSync(cmd, argv, {encoding: 'utf8', maxBuffer: 1 << 30})
  if (r.error || r.status !== 0) {
    console.error(`${cmd} ${argv.join(' ')} failed: ${r.error ?? r.stderr}`)
    process.exit(2)
  }
  return r.stdout
}

// The plans: generated (with the generator's default violation rates and malformed records)
// unless given.
let plansFile = args.plans
if (!plansFile) {
  plansFile = path.join(work, 'plans.jsonl')
  run(tool('bench/generator/planrules-generate'),
    ['--count', String(args.count), '--seed', String(args.seed), '--as-of', args.asOf, '--out', plansFile])
}
const text = readFileSync(plansFile, 'utf8')
const bytes = Buffer.byteLength(text)
const lines = text.split('\n')
if (lines.length && lines[lines.length - 1] === '') lines.pop()

const ruleArgs = ['--rules', path.join(root, 'rules'), '--rules', path.join(here, 'rules'), '--ruleset', 'bench.peers',
  '--as-of', args.asOf]

// planrules' findings per line (the reference for the agreement check): null for a line that is
// not a well-formed plan (not JSON, or with invalid values).
const findingsFile = path.join(work, 'findings.jsonl')
run(planrules, ['batch', ...ruleArgs, '--threads', '1', '--no-progress', '--format', 'json', '--findings', findingsFile, plansFile])
const expected = new Array(lines.length).fill(null)
for (const line of readFileSync(findingsFile, 'utf8').split('\n')) {
  if (!line) continue
  const r = JSON.parse(line)
  const n = Number(r.file.replace('line ', ''))
  if (!r.findings || r.findings.some((f) => f.outcome === 'invalid_input')) continue
  expected[n - 1] = r.findings.map((f) => `${f.rule} ${f.outcome} ${f.pointer}`).sort().join('\n')
}
const wellFormed = expected.filter((e) => e !== null).length

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

// planrules end to end: the batch command with one worker thread (reading, parsing, validating,
// counting), pinned to one core with its reading thread when taskset is there
const taskset = spawnSync('taskset', ['-c', '0', 'true']).status === 0
function planrulesEndToEnd() {
  const runs = []
  const batch = ['batch', ...ruleArgs, '--threads', '1', '--no-progress', '--format', 'json', '--group-by', 'none', plansFile]
  for (let k = 0; k < args.runs; ++k) {
    const t0 = process.hrtime.bigint()
    if (taskset) run('taskset', ['-c', '0', planrules, ...batch])
    else run(planrules, batch)
    runs.push(lines.length / (Number(process.hrtime.bigint() - t0) / 1e9))
  }
  return runs
}
// planrules pre-loaded: plans loaded into memory first, then validated (planrules-throughput),
// pinned like the batch run
function planrulesPreParsed() {
  const runs = []
  for (let k = 0; k < args.runs; ++k) {
    const argv = [...ruleArgs, '--seconds', String(args.seconds), '--json', plansFile]
    runs.push(JSON.parse(taskset ? run('taskset', ['-c', '0', tool('bench/planrules-throughput'), ...argv])
      : run(tool('bench/planrules-throughput'), argv)))
  }
  return runs
}

// A peer, end to end as a batch validator would do it: JSON.parse and validate each line, keeping
// only the findings (a plan it cannot handle, e.g. one with invalid values, may throw: that is
// its answer). No parsed plan is kept, so the garbage collector does no more than such a
// validator's would. Then on pre-parsed plans: parsed once, outside the timing. The findings of
// the last end-to-end run are compared with planrules' afterwards, outside the timing too.
async function measure(peer, limit) {
  const n = Math.min(limit, lines.length)
  let results = null
  const endToEnd = []
  for (let k = 0; k < args.runs; ++k) {
    results = new Array(n).fill(null)
    const t0 = process.hrtime.bigint()
    for (let i = 0; i < n; ++i) {
      try {
        const r = peer.validate(JSON.parse(lines[i]), args.asOf)
        results[i] = r instanceof Promise ? await r : r  // (only json-rules-engine is asynchronous)
      } catch {
        // not JSON, or a plan the peer cannot validate
      }
    }
    endToEnd.push(n / (Number(process.hrtime.bigint() - t0) / 1e9))
  }
  const mismatches = []
  for (let i = 0; i < n; ++i) {
    if (expected[i] === null) continue  // not a well-formed plan: not compared
    const got = results[i] === null ? '(failed)' : results[i].map((f) => f.join(' ')).sort().join('\n')
    if (got !== expected[i]) mismatches.push({line: i + 1, expected: expected[i], got})
  }
  // pre-parsed: the well-formed plans, pass after pass until `seconds` have gone
  const plans = []
  for (let i = 0; i < n; ++i) if (expected[i] !== null) plans.push(JSON.parse(lines[i]))
  const preParsed = []
  for (let k = 0; k < args.runs; ++k) {
    let done = 0
    const t0 = process.hrtime.bigint()
    let elapsed = 0
    do {
      for (const plan of plans) {
        const r = peer.validate(plan, args.asOf)
        if (r instanceof Promise) await r
      }
      done += plans.length
      elapsed = Number(process.hrtime.bigint() - t0) / 1e9
    } while (elapsed < args.seconds)
    preParsed.push(done / elapsed)
  }
  return {n, endToEnd, preParsed, mismatches}
}

const throughput = planrulesPreParsed()
const rows = [{name: 'planrules', n: lines.length, endToEnd: planrulesEndToEnd(),
  preParsed: throughput.map((t) => t.validate_plans_per_second), mismatches: []}]
for (const [name, peer, limit] of [['hand-written JavaScript', handwritten, Infinity], ['cel-js', cel, Infinity],
  ['cel-js, type-checked', celTyped, Infinity], ['JSON Logic (compiled)', jsonlogic, Infinity],
  ['json-rules-engine', jre, args.jreCount]]) {
  rows.push({name, ...(await measure(peer, limit))})
}

const mb = bytes / lines.length / 1e6
const fmt = (x) => Math.round(x).toLocaleString('en-US')
const range = (xs) => `${fmt(Math.min(...xs))}–${fmt(Math.max(...xs))}`
console.log(`${lines.length} plans (${wellFormed} well-formed, ${Math.round(bytes / lines.length)} bytes on average), as of ${args.asOf}, one core each`)
console.log(`rules: HP-6.1, HP-6.2, HP-6.3, AF-30D, AF-6M, AF-FORENKLAD, AF-SKYLD, AF-DATUM (${throughput[0].findings_per_plan.toFixed(3)} findings per plan)`)
console.log(`medians of ${args.runs} runs each (the range in brackets); ratio: planrules' median divided by the engine's`)
console.log('')
console.log('engine                    plans  end to end plans/s    MB/s  ratio  pre-parsed plans/s   ratio  agrees')
const ours = rows[0]
for (const r of rows) {
  const e = median(r.endToEnd), p = median(r.preParsed)
  console.log(`${r.name.padEnd(24)}${String(r.n).padStart(7)}${fmt(e).padStart(20)}${(e * mb).toFixed(1).padStart(8)}`
    + `${(median(ours.endToEnd) / e).toFixed(1).padStart(7)}${fmt(p).padStart(20)}${(median(ours.preParsed) / p).toFixed(1).padStart(8)}`
    + `  ${r.name === 'planrules' ? 'reference' : r.mismatches.length === 0 ? 'yes' : `NO (${r.mismatches.length})`}`)
}
console.log('')
for (const r of rows) console.log(`${r.name.padEnd(24)} end to end ${range(r.endToEnd)}, pre-parsed ${range(r.preParsed)}`)
console.log(`\nplanrules end to end: planrules batch --threads 1${taskset ? ', pinned to one core' : ''};`)
console.log(`pre-parsed: planrules-throughput's validation of loaded plans with full reports (messages, pointers, evidence);`)
const outcomes = throughput.map((t) => t.outcomes_plans_per_second)
console.log(`with outcomes only (ValidateOptions::details = false, as batch counts): ${fmt(median(outcomes))} plans/s (${range(outcomes)}),`
  + ` ${(median(outcomes) / median(rows[1].preParsed)).toFixed(2)} × the hand-written JavaScript`)
let failed = false
for (const r of rows) {
  for (const m of r.mismatches.slice(0, 3)) {
    failed = true
    console.error(`\n${r.name} disagrees with planrules on line ${m.line}:\n  planrules: ${m.expected.replaceAll('\n', '; ') || '(no findings)'}\n  ${r.name}: ${m.got.replaceAll('\n', '; ') || '(no findings)'}`)
  }
}
process.exit(failed ? 1 : 0)
