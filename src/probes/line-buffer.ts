/**
 * @module
 * What the socket adapters (socket-node.ts, socket-workers.ts) share about their receive buffer:
 * cutting one line off it, and what bytes buffered before a TLS upgrade mean.
 */
import { ProbeError } from '../errors/probe-error.ts'
import { decodeServerBytes } from '../util/server-text.ts'
import type { SocketTarget } from './socket.ts'

/**
 * The first line of `buffer` without its CR LF, and the bytes after it; null while no line is
 * complete. Throws RESPONSE_TOO_LONG for a line (complete or not) longer than `maxLineBytes`.
 *
 * @example
 * takeLine(new TextEncoder().encode('* OK\r\nrest'), 8192) // { line: '* OK', rest: <'rest'> }
 */
export const takeLine = <B extends Uint8Array>(
  buffer: B,
  maxLineBytes: number,
): { line: string; rest: B } | null => {
  const newline = buffer.indexOf(0x0a)
  const lineEnd = newline === -1 ? buffer.length : newline
  const length = lineEnd > 0 && buffer[lineEnd - 1] === 0x0d ? lineEnd - 1 : lineEnd
  if (length > maxLineBytes) {
    throw new ProbeError('RESPONSE_TOO_LONG', `a line longer than ${maxLineBytes} bytes`)
  }
  if (newline === -1) return null
  return {
    // A Chinese server's GBK reply text (QQ's 请使用授权码登录) is read as GBK, not as U+FFFD.
    line: decodeServerBytes(buffer.subarray(0, length)),
    rest: buffer.subarray(newline + 1) as B,
  }
}

/**
 * Bytes already buffered when TLS should start: plaintext on a TLS port, or bytes injected
 * after the STARTTLS go-ahead (which a client must never read as if they were protected).
 */
export const plaintextBeforeTls = (security: SocketTarget['security'], bytes: number) =>
  security === 'tls'
    ? new ProbeError('TLS_HANDSHAKE', 'the server spoke plaintext on a TLS port')
    : new ProbeError('STARTTLS_INJECTION', `${bytes} bytes arrived before the TLS handshake`)
