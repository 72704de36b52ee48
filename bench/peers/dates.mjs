// Calendar arithmetic on ISO dates ("YYYY-MM-DD"), as the rule language defines it
// (docs/language.md, "Dates and durations"): days move by calendar days; months keep the day,
// clamped to the last day of the month. ISO dates compare correctly as strings, so the peers
// compare them with < and <=.

function daysFromCivil(y, m, d) {
  y -= m <= 2 ? 1 : 0
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

function civilFromDays(z) {
  z += 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp + (mp < 10 ? 3 : -9)
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d]
}

const pad = (n, w) => String(n).padStart(w, '0')
const format = (y, m, d) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`
const parts = (s) => [Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10))]

function daysInMonth(y, m) {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31
}

export function addDays(iso, n) {
  const [y, m, d] = parts(iso)
  return format(...civilFromDays(daysFromCivil(y, m, d) + n))
}

export function addMonths(iso, n) {
  const [y, m, d] = parts(iso)
  const total = y * 12 + (m - 1) + n
  const ny = Math.floor(total / 12)
  const nm = total - ny * 12 + 1
  return format(ny, nm, Math.min(d, daysInMonth(ny, nm)))
}

// blank(text) of the rule language: missing, empty or only ASCII whitespace.
const WHITESPACE = /^[ \t\n\r\f\v]*$/
export const blank = (s) => s == null || WHITESPACE.test(s)

// HP-6.1..6.3 are in force from this date (forordning.rules).
export const REFORM_DATE = '2022-12-01'
