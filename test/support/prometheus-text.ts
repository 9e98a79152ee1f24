/**
 * A strict reader of the Prometheus text exposition format (0.0.4), for tests: every sample
 * belongs to a family with # HELP and # TYPE, label sets parse, values are numbers, histogram
 * buckets rise to +Inf and +Inf equals _count. Throws on anything else.
 */

export interface Sample {
  name: string
  labels: Record<string, string>
  value: number
}

export interface Family {
  name: string
  help: string
  type: 'counter' | 'gauge' | 'histogram' | 'summary' | 'untyped'
  samples: Sample[]
}

const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*'
const SAMPLE = new RegExp(`^(${NAME})(?:\\{(.*)\\})?\\s+(\\S+)(?:\\s+-?\\d+)?$`)
const LABEL = /\s*([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"\s*(?:,|$)/y
const SUFFIXES = ['_bucket', '_sum', '_count', '_total', '_created']

const parseLabels = (text: string, line: string): Record<string, string> => {
  const labels: Record<string, string> = {}
  LABEL.lastIndex = 0
  while (LABEL.lastIndex < text.length) {
    const match = LABEL.exec(text)
    if (!match) throw new Error(`bad labels in: ${line}`)
    labels[match[1] ?? ''] = (match[2] ?? '').replace(/\\(.)/g, (_, c: string) =>
      c === 'n' ? '\n' : c,
    )
  }
  return labels
}

const parseValue = (text: string, line: string): number => {
  if (text === '+Inf') return Infinity
  if (text === '-Inf') return -Infinity
  if (text === 'NaN') return NaN
  const value = Number(text)
  if (!Number.isFinite(value) && !Number.isNaN(value)) throw new Error(`bad value in: ${line}`)
  if (Number.isNaN(value)) throw new Error(`bad value in: ${line}`)
  return value
}

const familyOf = (families: Map<string, Family>, name: string): Family | undefined => {
  if (families.has(name)) return families.get(name)
  const suffix = SUFFIXES.find((s) => name.endsWith(s))
  return suffix ? families.get(name.slice(0, -suffix.length)) : undefined
}

const checkHistogram = (family: Family) => {
  const series = new Map<string, Sample[]>()
  for (const sample of family.samples.filter((s) => s.name.endsWith('_bucket'))) {
    const { le, ...rest } = sample.labels
    if (le === undefined) throw new Error(`${family.name}: a bucket without le`)
    const key = JSON.stringify(rest)
    series.set(key, [...(series.get(key) ?? []), sample])
  }
  for (const [key, buckets] of series) {
    const bounds = buckets.map((b) => parseValue(b.labels.le ?? '', b.name))
    if (bounds.at(-1) !== Infinity) throw new Error(`${family.name} ${key}: no +Inf bucket`)
    for (let i = 1; i < buckets.length; i++) {
      if (
        (bounds[i] ?? 0) <= (bounds[i - 1] ?? 0) ||
        (buckets[i]?.value ?? 0) < (buckets[i - 1]?.value ?? 0)
      )
        throw new Error(`${family.name} ${key}: buckets do not rise`)
    }
    const count = family.samples.find(
      (s) => s.name === `${family.name}_count` && JSON.stringify(s.labels) === key,
    )
    if (count?.value !== buckets.at(-1)?.value)
      throw new Error(`${family.name} ${key}: +Inf bucket is not _count`)
  }
}

/** Every family in `text`, by name. */
export const parseExposition = (text: string): Map<string, Family> => {
  const families = new Map<string, Family>()
  const helps = new Map<string, string>()
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue
    const help = /^# HELP (\S+) (.*)$/.exec(line)
    if (help) {
      helps.set(help[1] ?? '', help[2] ?? '')
      continue
    }
    const type = /^# TYPE (\S+) (counter|gauge|histogram|summary|untyped)$/.exec(line)
    if (type) {
      const name = type[1] ?? ''
      if (families.has(name)) throw new Error(`${name}: TYPE given twice`)
      const helpText = helps.get(name)
      if (helpText === undefined) throw new Error(`${name}: TYPE without HELP`)
      families.set(name, { name, help: helpText, type: type[2] as Family['type'], samples: [] })
      continue
    }
    if (line.startsWith('#')) continue
    const match = SAMPLE.exec(line)
    if (!match) throw new Error(`not a sample: ${line}`)
    const name = match[1] ?? ''
    const family = familyOf(families, name)
    if (!family) throw new Error(`${name}: sample before its TYPE`)
    family.samples.push({
      name,
      labels: parseLabels(match[2] ?? '', line),
      value: parseValue(match[3] ?? '', line),
    })
  }
  for (const family of families.values()) if (family.type === 'histogram') checkHistogram(family)
  return families
}

/** The value of the one sample named `name` whose labels include `labels`; undefined if none. */
export const sampleValue = (
  families: Map<string, Family>,
  name: string,
  labels: Record<string, string> = {},
): number | undefined => {
  const family = familyOf(families, name)
  const matches = family?.samples.filter(
    (s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v),
  )
  if (matches && matches.length > 1) throw new Error(`${name}: ${matches.length} samples match`)
  return matches?.[0]?.value
}
