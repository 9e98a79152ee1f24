/**
 * @module
 * Structured logs through pino: JSON, one object a line, with the time (ISO), the level, the
 * process id and whatever the caller's child loggers add (the request id). Fields whose names
 * suggest a secret are masked before pino serialises a line, at any depth, so a password,
 * token, authorization header or cookie never reaches a log. By default lines go to stdout
 * through pino's asynchronous destination (sonic-boom): a log call only formats and buffers, the
 * write happens off the request's path, and what is buffered is flushed on exit.
 */
import { pino } from 'pino'
import { redact } from './util/redact.ts'

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent'
export type LogFields = Record<string, unknown>

export interface Logger {
  debug(msg: string, fields?: LogFields): void
  info(msg: string, fields?: LogFields): void
  warn(msg: string, fields?: LogFields): void
  error(msg: string, fields?: LogFields): void
  child(fields: LogFields): Logger
}

/** The logger an entry point makes: it also flushes what is buffered. */
export interface RootLogger extends Logger {
  /** Writes out everything buffered; resolves once it is written. */
  flush(): Promise<void>
}

export { REDACTED, TOO_DEEP, redact } from './util/redact.ts'

export interface LoggerOptions {
  level: LogLevel
  /** Receives each line without its newline, synchronously (tests); default: stdout, async. */
  write?: (line: string) => void
}

/**
 * pino's isoTime, formatted once a millisecond: under load many lines share one, and a Date and
 * its toISOString per line were 2 % of a kept answer's time.
 */
const isoTimeEachMs = () => {
  let at = NaN
  let text = ''
  return () => {
    const now = Date.now()
    if (now !== at) {
      at = now
      text = `,"time":"${new Date(now).toISOString()}"`
    }
    return text
  }
}

const wrap = (log: pino.Logger): Logger => ({
  debug: (msg, fields) => log.debug(redact(fields ?? {}) as LogFields, msg),
  info: (msg, fields) => log.info(redact(fields ?? {}) as LogFields, msg),
  warn: (msg, fields) => log.warn(redact(fields ?? {}) as LogFields, msg),
  error: (msg, fields) => log.error(redact(fields ?? {}) as LogFields, msg),
  child: (fields) => wrap(log.child(redact(fields) as LogFields)),
})

/**
 * @example
 * const log = createLogger({ level: 'info' }) // JSON lines on stdout, written asynchronously
 * log.child({ reqId }).info('probe done', { host })
 * await log.flush()
 */
export const createLogger = (options: LoggerOptions): RootLogger => {
  const { write } = options
  const destination = write
    ? { write: (line: string) => write(line.endsWith('\n') ? line.slice(0, -1) : line) }
    : pino.destination({ dest: 1, sync: false })
  const log = pino(
    {
      level: options.level,
      base: { pid: process.pid },
      timestamp: isoTimeEachMs(),
      formatters: { level: (label) => ({ level: label }) },
      // Fields are redacted (errors already cut to name and message) before pino sees them.
      serializers: { err: (err: unknown) => err },
    },
    destination,
  )
  return {
    ...wrap(log),
    flush: () =>
      new Promise<void>((resolve) => {
        log.flush(() => resolve())
      }),
  }
}
