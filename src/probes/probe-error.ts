/**
 * @module
 * The one error type the probe engine throws internally. It always carries a stable code;
 * `runProbe` turns it into a result, so no caller sees it as an exception.
 */
import type { ProbeCode } from './codes.ts'

export class ProbeError extends Error {
  override readonly name = 'ProbeError'
  readonly code: ProbeCode
  readonly detail: string | undefined

  constructor(code: ProbeCode, detail?: string, options?: { cause?: unknown }) {
    super(detail ? `${code}: ${detail}` : code, options)
    this.code = code
    this.detail = detail
  }
}

export const isProbeError = (err: unknown): err is ProbeError => err instanceof ProbeError
