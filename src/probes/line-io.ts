/**
 * @module
 * Line-oriented I/O for the protocol dialogues: bounded reads, and a transcript of the dialogue
 * with credentials masked before they are stored.
 */
import type { ProbeSocket } from './socket.ts'
import { ProbeError } from '../errors/probe-error.ts'

/** Longest line accepted from a server; long IMAP CAPABILITY lines stay well under this. */
export const MAX_LINE_BYTES = 8 * 1024
/** Most lines one reply may have (an EHLO or CAPA list is a few dozen). */
export const MAX_REPLY_LINES = 200
/** Transcript entries kept per probe, and characters kept per entry. */
const MAX_TRANSCRIPT_ENTRIES = 80
const MAX_TRANSCRIPT_CHARS = 300

export interface TranscriptEntry {
  /** C: sent by the probe; S: received from the server; '*': a note, e.g. the TLS upgrade. */
  dir: 'C' | 'S' | '*'
  line: string
}

export class LineIO {
  readonly transcript: TranscriptEntry[] = []
  readonly socket: ProbeSocket

  constructor(socket: ProbeSocket) {
    this.socket = socket
  }

  async read(): Promise<string> {
    const line = await this.socket.readLine({ maxLineBytes: MAX_LINE_BYTES })
    this.note('S', line)
    return line
  }

  /** Sends one command line; `logAs` replaces it in the transcript (for anything secret). */
  async send(line: string, logAs?: string): Promise<void> {
    this.note('C', logAs ?? line)
    await this.socket.write(`${line}\r\n`)
  }

  note(dir: TranscriptEntry['dir'], line: string): void {
    if (this.transcript.length >= MAX_TRANSCRIPT_ENTRIES) return
    // Control characters from a hostile server would garble a terminal or a log viewer.
    // eslint-disable-next-line no-control-regex
    const clean = line.replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '?')
    this.transcript.push({
      dir,
      line:
        clean.length > MAX_TRANSCRIPT_CHARS ? `${clean.slice(0, MAX_TRANSCRIPT_CHARS)}…` : clean,
    })
  }
}

/** Reads lines until `isLast` says so, bounded by MAX_REPLY_LINES. */
export const readUntil = async (
  io: LineIO,
  isLast: (line: string) => boolean,
): Promise<string[]> => {
  const lines: string[] = []
  for (;;) {
    const line = await io.read()
    lines.push(line)
    if (isLast(line)) return lines
    if (lines.length >= MAX_REPLY_LINES) {
      throw new ProbeError('PROTOCOL_ERROR', `a reply longer than ${MAX_REPLY_LINES} lines`)
    }
  }
}

/** Names the protocol a foreign first line belongs to, for NOT_THIS_PROTOCOL details. */
export const recogniseBanner = (line: string): string | null => {
  if (/^HTTP\/\d/i.test(line) || /^<(!doctype|html)/i.test(line)) return 'HTTP'
  if (/^\* (OK|PREAUTH|BYE)\b/i.test(line)) return 'IMAP'
  if (/^[+-](OK|ERR)\b/i.test(line)) return 'POP3'
  if (/^(220|421|554)[ -]/.test(line)) return 'SMTP'
  if (/^SSH-\d/.test(line)) return 'SSH'
  if (/^220 .*FTP/i.test(line)) return 'FTP'
  if (line.charCodeAt(0) === 0x15 || line.charCodeAt(0) === 0x16) return 'TLS'
  return null
}

export const notThisProtocol = (expected: string, line: string): ProbeError => {
  const seen = recogniseBanner(line)
  const hint = seen === 'TLS' ? ' (the port expects TLS: choose SSL/TLS)' : ''
  return new ProbeError(
    'NOT_THIS_PROTOCOL',
    seen
      ? `expected ${expected}, found ${seen}${hint}`
      : `expected ${expected}, got an unrecognised reply`,
  )
}
