/**
 * @module
 * A small Server-Sent Events parser for fetch() bodies (EventSource cannot POST). Feed it text
 * chunks as they arrive; it calls back once per complete event.
 */

export interface SseEvent {
  event: string
  data: string
}

/**
 * @example
 * const parser = createSseParser((e) => console.log(e.event, JSON.parse(e.data)))
 * parser.push('event: probe\ndata: {"ok":true}\n\n')
 */
export const createSseParser = (onEvent: (event: SseEvent) => void) => {
  let buffer = ''
  let event = ''
  let data: string[] = []

  const line = (text: string) => {
    if (text === '') {
      if (data.length > 0) onEvent({ event: event || 'message', data: data.join('\n') })
      event = ''
      data = []
      return
    }
    if (text.startsWith(':')) return
    const colon = text.indexOf(':')
    const field = colon === -1 ? text : text.slice(0, colon)
    let value = colon === -1 ? '' : text.slice(colon + 1)
    if (value.startsWith(' ')) value = value.slice(1)
    if (field === 'event') event = value
    else if (field === 'data') data.push(value)
  }

  return {
    push(chunk: string) {
      buffer += chunk
      // A lone '\r' at the end may be the first half of '\r\n': wait for the next chunk.
      const lines = buffer.split(/\r\n|\r(?!$)|\n/)
      buffer = lines.pop() ?? ''
      for (const text of lines) line(text)
    },
    /** The body ended: a last event without its blank line still counts. */
    end() {
      if (buffer !== '') line(buffer.replace(/\r$/, ''))
      buffer = ''
      line('')
    },
  }
}

/**
 * Reads a fetch() body of Server-Sent Events to its end, each event's data parsed as JSON.
 *
 * @example
 * await readSseJson(res.body, (event, value) => { if (event === 'report') report = value })
 */
export const readSseJson = async (
  body: NonNullable<Response['body']>,
  onEvent: (event: string, value: unknown) => void,
) => {
  const parser = createSseParser(({ event, data }) => onEvent(event, JSON.parse(data)))
  const reader = body.pipeThrough(new TextDecoderStream()).getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    parser.push(value)
  }
  parser.end()
}
