/**
 * @module
 * HttpGet over the runtime's `fetch`, for Cloudflare Workers. Every hop (the first URL and each
 * redirect, followed by hand) is checked (scheme, port) and its host name resolved by the target
 * guard first, so a name that points inside is refused as on Node. Unlike the Node adapter it
 * cannot pin the checked address: `fetch` resolves the name again. On Workers that fetch leaves
 * from Cloudflare's network, which cannot reach the operator's private addresses anyway.
 */
import type { TargetGuard } from '../security/target-guard.ts'
import type { Slots } from '../util/slots.ts'
import { DiscoveryError } from './discovery-error.ts'
import { followRedirects } from './http-hops.ts'
import {
  type HttpGet,
  type HttpResponse,
  SELF_REQUEST_HEADER,
  REDIRECT_STATUSES,
  USER_AGENT,
} from './http.ts'

export interface FetchHttpGetOptions {
  guard: Pick<TargetGuard, 'resolve'>
  fetch?: typeof fetch
  timeoutMs?: number
  maxRedirects?: number
  /** Outbound connections of this invocation (Cloudflare Workers counts fetches). */
  outbound?: Slots
}

/**
 * @example
 * const httpGet = createFetchHttpGet({ guard, outbound })
 */
export const createFetchHttpGet = (options: FetchHttpGetOptions): HttpGet => {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init))

  return followRedirects(options, async function fetchOnce({ url, deadline, maxBytes, accept }) {
    const release = options.outbound ? await options.outbound.acquire(deadline.signal) : null
    try {
      const res = await deadline.race(
        doFetch(url, {
          redirect: 'manual',
          signal: deadline.signal,
          headers: { accept, 'user-agent': USER_AGENT, [SELF_REQUEST_HEADER]: '1' },
        }),
      )
      const location = res.headers.get('location')
      if (!REDIRECT_STATUSES.has(res.status) || !location) {
        return { kind: 'response', response: await deadline.race(readResponse(res, url, maxBytes)) }
      }
      await res.body?.cancel()
      return { kind: 'redirect', location }
    } finally {
      release?.()
    }
  })
}

const readResponse = async (res: Response, url: URL, maxBytes: number): Promise<HttpResponse> => {
  const base = { status: res.status, url: url.href, contentType: res.headers.get('content-type') }
  if (res.status < 200 || res.status > 299) {
    await res.body?.cancel()
    return { ...base, body: '' }
  }
  const declared = Number(res.headers.get('content-length'))
  if (declared > maxBytes) {
    await res.body?.cancel()
    throw new DiscoveryError(
      'FETCH_TOO_LARGE',
      `${url.href}: Content-Length ${declared} > ${maxBytes}`,
    )
  }
  const reader = res.body?.getReader()
  const chunks: Uint8Array[] = []
  let received = 0
  for (;;) {
    const next = reader ? await reader.read() : { done: true as const, value: undefined }
    if (next.done) break
    received += next.value.length
    if (received > maxBytes) {
      await reader?.cancel()
      throw new DiscoveryError('FETCH_TOO_LARGE', `${url.href}: more than ${maxBytes} bytes`)
    }
    chunks.push(next.value)
  }
  const body = new Uint8Array(received)
  let offset = 0
  for (const chunk of chunks) {
    body.set(chunk, offset)
    offset += chunk.length
  }
  return { ...base, body: new TextDecoder().decode(body) }
}
