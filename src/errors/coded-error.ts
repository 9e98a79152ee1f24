/**
 * @module
 * The base of the service's errors: a stable machine-readable `code` from the error table, a
 * technical `detail`, and a `toJSON()` that lets only those two reach a client (never the cause
 * or the stack).
 */
import type { ErrorCode } from './table.ts'

export class CodedError<C extends ErrorCode> extends Error {
  readonly code: C
  readonly detail: string | undefined

  constructor(code: C, detail?: string, options?: { cause?: unknown }) {
    super(detail ? `${code}: ${detail}` : code, options)
    this.code = code
    this.detail = detail
  }

  toJSON(): { code: C; detail: string | null } {
    return { code: this.code, detail: this.detail ?? null }
  }
}
