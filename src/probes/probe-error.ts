/**
 * @module
 * The one error type the probe engine throws internally. It always carries a stable code;
 * `runProbe` turns it into a result, so no caller sees it as an exception.
 */
import { CodedError } from '../errors.ts'
import type { ProbeCode } from './codes.ts'

export class ProbeError extends CodedError<ProbeCode> {
  override readonly name = 'ProbeError'
}

export const isProbeError = (err: unknown): err is ProbeError => err instanceof ProbeError
