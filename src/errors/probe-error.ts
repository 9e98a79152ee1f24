/**
 * @module
 * The error the probe engine, the resolver and the target guard throw. It always carries a
 * stable probe code; `runProbe` turns it into a result, so no caller sees it as an exception.
 */
import { CodedError } from './coded-error.ts'
import type { ProbeCode } from './table.ts'

export class ProbeError extends CodedError<ProbeCode> {
  override readonly name = 'ProbeError'
}

export const isProbeError = (err: unknown): err is ProbeError => err instanceof ProbeError
