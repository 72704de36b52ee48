// The peer comparison: planrules and three other ways of writing the same eight national rules
// (a hand-written JavaScript validator, CEL with @marcbachmann/cel-js, json-rules-engine) validate
// the same generated plans, on one core each, end to end (JSON text to findings) and on plans
// already parsed. Every peer's findings must equal planrules' on every well-formed plan, so that
// the speeds compare equal work; a disagreement is printed and the script exits with 1.
//
//   cd bench/peers && npm ci && node compare.mjs [--count N] [--plans FILE.jsonl]
//       [--as-of YYYY-MM-DD] [--build DIR] [--jre-count N] [--seconds S]
//
// --build is the CMake build directory with planrules, planrules-generate and
// planrules-throughput (default ../../build/default). See bench/README.md.

import {spawnSync} from 'node:child_process'
import {readFileSync, mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

import * as handwritten from './handwritten.mjs'
import * as cel from './cel.mjs'
import * as jre from './jre.mjs'

const here = path.dirname(fileURLToPath(import.meta.url))
const root = path.resolve(here, '../..')

const args = {count: 100000, asOf: '2024-06-01', build: path.join(root, 'build/default'), jreCount: 10000,
  seconds: 2, plans: null, seed: 11}
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
  else {
    console.error(`unknown argument ${a}\nusage: node compare.mjs [--count N] [--plans FILE.jsonl] [--as-of DATE] [--build DIR] [--jre-count N] [--seconds S] [--seed S]`)
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

// planrules end to end: the batch command with one worker thread (reading, parsing, validating,
// counting), pinned to one core with its reading thread when taskset is there
const taskset = spawnSync('taskset', ['-c', '0', 'true']).status === 0
function planrulesEndToEnd() {
  let best = Infinity
  const batch = ['batch', ...ruleArgs, '--threads', '1', '--no-progress', '--format', 'json', '--group-by', 'none', plansFile]
  for (let k = 0; k < 3; ++k) {
    const t0 = process.hrtime.bigint()
    if (taskset) run('taskset', ['-c', '0', planrules, ...batch])
    else run(planrules, batch)
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9)
  }
  return lines.length / best
}
// planrules pre-loaded: plans loaded into memory first, then validated (planrules-throughput)
const throughput = JSON.parse(run(tool('bench/planrules-throughput'),
  [...ruleArgs, '--seconds', String(args.seconds), '--json', plansFile]))

// A peer, end to end: JSON.parse and validate each line (a plan it cannot handle, e.g. one
// with invalid values, may throw: that is its answer); then on pre-parsed plans. The findings
// are compared with planrules' afterwards, outside the timing.
async function measure(peer, limit) {
  const n = Math.min(limit, lines.length)
  const parsed = new Array(n).fill(null)
  const results = new Array(n).fill(null)
  let t0 = process.hrtime.bigint()
  for (let i = 0; i < n; ++i) {
    try {
      parsed[i] = JSON.parse(lines[i])
      const r = peer.validate(parsed[i], args.asOf)
      results[i] = r instanceof Promise ? await r : r  // (only json-rules-engine is asynchronous)
    } catch {
      // not JSON, or a plan the peer cannot validate
    }
  }
  const endToEnd = n / (Number(process.hrtime.bigint() - t0) / 1e9)
  const mismatches = []
  for (let i = 0; i < n; ++i) {
    if (expected[i] === null) continue  // not a well-formed plan: not compared
    const got = results[i] === null ? '(failed)' : results[i].map((f) => f.join(' ')).sort().join('\n')
    if (got !== expected[i]) mismatches.push({line: i + 1, expected: expected[i], got})
  }
  // pre-parsed: the well-formed plans, pass after pass until `seconds` have gone
  const plans = parsed.filter((p, i) => p !== null && expected[i] !== null)
  let done = 0
  t0 = process.hrtime.bigint()
  let elapsed = 0
  do {
    for (const plan of plans) {
      const r = peer.validate(plan, args.asOf)
      if (r instanceof Promise) await r
    }
    done += plans.length
    elapsed = Number(process.hrtime.bigint() - t0) / 1e9
  } while (elapsed < args.seconds)
  return {n, endToEnd, preParsed: done / elapsed, mismatches}
}

const rows = [{name: 'planrules', n: lines.length, endToEnd: planrulesEndToEnd(),
  preParsed: throughput.validate_plans_per_second, mismatches: []}]
for (const [name, peer, limit] of [['hand-written JavaScript', handwritten, Infinity], ['cel-js', cel, Infinity],
  ['json-rules-engine', jre, args.jreCount]]) {
  rows.push({name, ...(await measure(peer, limit))})
}

const mb = bytes / lines.length / 1e6
const fmt = (x) => Math.round(x).toLocaleString('en-US')
console.log(`${lines.length} plans (${wellFormed} well-formed, ${Math.round(bytes / lines.length)} bytes on average), as of ${args.asOf}, one core each`)
console.log(`rules: HP-6.1, HP-6.2, HP-6.3, AF-30D, AF-6M, AF-FORENKLAD, AF-SKYLD, AF-DATUM (${throughput.findings_per_plan.toFixed(3)} findings per plan)`)
console.log('')
console.log('engine                    plans  end to end plans/s    MB/s  ratio  pre-parsed plans/s   ratio  agrees')
for (const r of rows) {
  const ours = rows[0]
  console.log(`${r.name.padEnd(24)}${String(r.n).padStart(7)}${fmt(r.endToEnd).padStart(20)}${(r.endToEnd * mb).toFixed(1).padStart(8)}`
    + `${(ours.endToEnd / r.endToEnd).toFixed(1).padStart(7)}${fmt(r.preParsed).padStart(20)}${(ours.preParsed / r.preParsed).toFixed(1).padStart(8)}`
    + `  ${r.name === 'planrules' ? 'reference' : r.mismatches.length === 0 ? 'yes' : `NO (${r.mismatches.length})`}`)
}
console.log(`\nratio: planrules plans/s divided by the engine's. planrules end to end: planrules batch --threads 1${taskset ? ', pinned to one core' : ''};`)
console.log(`pre-parsed: planrules-throughput's validation of loaded plans with full reports (messages, pointers, evidence);`)
console.log(`with outcomes only (ValidateOptions::details = false, as batch counts): ${fmt(throughput.outcomes_plans_per_second)} plans/s`)
let failed = false
for (const r of rows) {
  for (const m of r.mismatches.slice(0, 3)) {
    failed = true
    console.error(`\n${r.name} disagrees with planrules on line ${m.line}:\n  planrules: ${m.expected.replaceAll('\n', '; ') || '(no findings)'}\n  ${r.name}: ${m.got.replaceAll('\n', '; ') || '(no findings)'}`)
  }
}
process.exit(failed ? 1 : 0)
