/**
 * @module
 * Structured JSON logs, one object a line. Fields whose names suggest a secret are masked before
 * a line is written, so a password or token never reaches a log.
 */

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent'
export type LogFields = Record<string, unknown>

export interface Logger {
  debug(msg: string, fields?: LogFields): void
  info(msg: string, fields?: LogFields): void
  warn(msg: string, fields?: LogFields): void
  error(msg: string, fields?: LogFields): void
  child(fields: LogFields): Logger
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 }
const SECRET_KEY =
  /pass(word|wd)?|secret|token|authorization|cookie|credential|auth_?code|api_?key/i
export const REDACTED = '[redacted]'

/** Copies `value` with every secret-looking field masked, at any depth. */
export const redact = (value: unknown, depth = 0): unknown => {
  if (depth > 8 || value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1))
  if (value instanceof Error) return { name: value.name, message: value.message }
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      SECRET_KEY.test(key) ? REDACTED : redact(inner, depth + 1),
    ]),
  )
}

/**
 * @example
 * const log = createLogger({ level: 'info', write: (line) => process.stdout.write(line + '\n') })
 * log.info('probe done', { reqId, host })
 */
export const createLogger = (
  options: { level: LogLevel; write: (line: string) => void },
  base: LogFields = {},
): Logger => {
  const emit = (level: Exclude<LogLevel, 'silent'>, msg: string, fields?: LogFields) => {
    if (RANK[level] < RANK[options.level]) return
    const entry = redact({ time: new Date().toISOString(), level, msg, ...base, ...fields })
    options.write(JSON.stringify(entry))
  }
  return {
    debug: (msg, fields) => emit('debug', msg, fields),
    info: (msg, fields) => emit('info', msg, fields),
    warn: (msg, fields) => emit('warn', msg, fields),
    error: (msg, fields) => emit('error', msg, fields),
    child: (fields) => createLogger(options, { ...base, ...fields }),
  }
}
