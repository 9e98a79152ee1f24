import { describe, expect, it } from 'vitest'
import { createSseParser, type SseEvent } from '../../../web/lib/sse.ts'

const parse = (chunks: string[]) => {
  const events: SseEvent[] = []
  const parser = createSseParser((e) => events.push(e))
  for (const chunk of chunks) parser.push(chunk)
  parser.end()
  return events
}

describe('createSseParser', () => {
  it('reads events split anywhere across chunks, CRLF included', () => {
    const text =
      'event: source\r\ndata: {"a":1}\r\n\r\n: comment\nevent: report\ndata: line1\ndata: line2\n\n'
    for (const size of [1, 2, 5, text.length]) {
      const chunks = text.match(new RegExp(`[\\s\\S]{1,${size}}`, 'g')) ?? []
      expect(parse(chunks)).toEqual([
        { event: 'source', data: '{"a":1}' },
        { event: 'report', data: 'line1\nline2' },
      ])
    }
  })

  it('keeps a last event that lacks its blank line, and names untyped events message', () => {
    expect(parse(['data: x'])).toEqual([{ event: 'message', data: 'x' }])
  })
})
