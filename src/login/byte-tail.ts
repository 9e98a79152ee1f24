/**
 * @module
 * The last bytes a server sent, kept beside a mail library that reads its replies as UTF-8:
 * imapflow and node-pop3 turn GBK bytes (QQ's `请使用授权码登录`) into U+FFFD for good, so the
 * login attempt keeps its own copy of the tail and decodes the refusal from it. Bounded.
 */
import { decodeServerBytes } from '../util/server-text.ts'

/** Enough for the last few reply lines of a login dialogue. */
const MAX_TAIL_BYTES = 8 * 1024

export interface ByteTail {
  /** Feeds what the socket read (a `data` listener). */
  add(chunk: Uint8Array): void
  /** The last complete line whose decoded text matches `pattern`, or null. */
  lastLine(pattern: RegExp): string | null
}

/**
 * @example
 * const tail = createByteTail()
 * socket.on('data', tail.add)
 * tail.lastLine(/^-ERR\b/) // '-ERR 请使用授权码登录'
 */
export const createByteTail = (maxBytes = MAX_TAIL_BYTES): ByteTail => {
  let bytes = new Uint8Array(0)
  return {
    add(chunk) {
      const joined = new Uint8Array(bytes.length + chunk.length)
      joined.set(bytes)
      joined.set(chunk, bytes.length)
      bytes = joined.length > maxBytes ? joined.subarray(joined.length - maxBytes) : joined
    },
    lastLine(pattern) {
      let end = bytes.lastIndexOf(0x0a)
      while (end > 0) {
        const start = bytes.lastIndexOf(0x0a, end - 1) + 1
        const stop = bytes[end - 1] === 0x0d ? end - 1 : end
        const line = decodeServerBytes(bytes.subarray(start, stop))
        if (pattern.test(line)) return line
        end = start - 1
      }
      return null
    },
  }
}

/** The library's text, or the tail's line for it when the library lost bytes to U+FFFD. */
export const undamaged = (text: string, tail: ByteTail, pattern: RegExp): string =>
  text.includes('\uFFFD') ? (tail.lastLine(pattern) ?? text) : text
