/**
 * @module
 * Masking secrets before anything is logged: the Node logger (logger.ts, pino) and the Workers
 * one (worker.ts, console.log) both run every field through redact(). Runtime-neutral, so the
 * Workers bundle gets it without pino's Node build.
 */

const SECRET_KEY =
  /pass(word|wd|phrase)?|pwd|secret|token|authori[sz]ation|cookie|credential|auth[-_]?code|api[-_]?key|private[-_]?key/i
export const REDACTED = '[redacted]'
/** Deeper than this, a value is dropped: nothing below it is looked at, so nothing leaks. */
const MAX_DEPTH = 16
export const TOO_DEEP = '[too deep]'

/** Copies `value` with every secret-looking field masked, at any depth. */
export const redact = (value: unknown, depth = 0): unknown => {
  if (value === null || typeof value !== 'object') return value
  if (depth >= MAX_DEPTH) return TOO_DEEP
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1))
  if (value instanceof Error) return { name: value.name, message: value.message }
  // A loop, not Object.entries/fromEntries: every request's log line passes here.
  const copy: Record<string, unknown> = {}
  for (const key of Object.keys(value)) {
    const inner = SECRET_KEY.test(key)
      ? REDACTED
      : redact((value as Record<string, unknown>)[key], depth + 1)
    // A field named __proto__ is defined, not assigned: it stays a field.
    if (key === '__proto__')
      Object.defineProperty(copy, key, {
        value: inner,
        enumerable: true,
        writable: true,
        configurable: true,
      })
    else copy[key] = inner
  }
  return copy
}
