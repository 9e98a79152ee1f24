/**
 * @module
 * The Node adapter of HttpGet: node:http / node:https behind the target guard. Every hop (the
 * first URL and each redirect) is checked (scheme, port) and resolved by the guard; the request
 * then connects to the guard's pinned address through a `lookup` that answers with that address
 * only, so the name is never looked up again (no DNS rebinding between check and connect).
 * SNI, the Host header and the certificate check still use the host name.
 */
import http from 'node:http'
import https from 'node:https'
import net from 'node:net'
import tls from 'node:tls'
import type { PinnedTarget, TargetGuard } from '../security/target-guard.ts'
import { DiscoveryError } from './discovery-error.ts'
import { type Hop, followRedirects } from './http-hops.ts'
import { type HttpGet, SELF_REQUEST_HEADER, REDIRECT_STATUSES, USER_AGENT } from './http.ts'

export interface NodeHttpGetOptions {
  guard: Pick<TargetGuard, 'resolve'>
  timeoutMs?: number
  maxRedirects?: number
  /** Extra trusted CA certificates (PEM), added to Node's root store (the lab's CA). */
  ca?: string[]
}

/**
 * @example
 * const httpGet = createNodeHttpGet({ guard })
 * const res = await httpGet(new URL('https://autoconfig.example.com/mail/config-v1.1.xml'),
 *   { signal, maxBytes: 256 * 1024, accept: 'application/xml' })
 */
export const createNodeHttpGet = (options: NodeHttpGetOptions): HttpGet => {
  // Built once: a trust store per request would cost a millisecond and a megabyte each time.
  const secureContext = options.ca?.length
    ? tls.createSecureContext({ ca: [...tls.rootCertificates, ...options.ca] })
    : undefined
  return followRedirects(options, ({ url, target, deadline, maxBytes, accept }) =>
    requestOnce(url, target, { signal: deadline.signal, maxBytes, accept, secureContext }),
  )
}

/**
 * The `lookup` handed to node:net: it answers with the guard's address and refuses any other name.
 * Node 20 asks with `all: true` when it races address families (autoSelectFamily), so both forms are served.
 *
 * @example
 * http.request({ host: 'autoconfig.example.com', lookup: pinnedLookup(target) })
 */
export const pinnedLookup = (target: PinnedTarget): net.LookupFunction =>
  function lookup(hostname, options, callback) {
    if (hostname.toLowerCase() !== target.host) {
      const err: NodeJS.ErrnoException = new Error(
        `${hostname}: not the pinned host ${target.host}`,
      )
      err.code = 'ENOTFOUND'
      callback(err, '', 0)
    } else if (options.all) {
      callback(null, [{ address: target.address, family: target.family }])
    } else {
      callback(null, target.address, target.family)
    }
  }

interface HopOptions {
  signal: AbortSignal
  maxBytes: number
  accept: string
  secureContext: tls.SecureContext | undefined
}

/** One GET on a fresh socket (agent: false), destroyed on every exit path. */
const requestOnce = (url: URL, target: PinnedTarget, o: HopOptions): Promise<Hop> =>
  new Promise<Hop>((resolve, reject) => {
    if (o.signal.aborted) return reject(o.signal.reason as Error)
    const secure = url.protocol === 'https:'
    // Called at request time (not a named import) so test interceptors that patch the module see it.
    const req = (secure ? https : http).request({
      protocol: url.protocol,
      host: target.host,
      port: url.port || (secure ? 443 : 80),
      path: `${url.pathname}${url.search}`,
      method: 'GET',
      headers: {
        accept: o.accept,
        'accept-encoding': 'identity',
        'user-agent': USER_AGENT,
        [SELF_REQUEST_HEADER]: '1',
      },
      agent: false,
      lookup: pinnedLookup(target),
      family: target.family,
      // SNI must be a name; for an IP literal Node sends none.
      ...(secure && net.isIP(target.host) === 0 ? { servername: target.host } : {}),
      rejectUnauthorized: true,
      ...(o.secureContext ? { secureContext: o.secureContext } : {}),
    })
    let settled = false
    const settle = (finish: () => void) => {
      if (settled) return
      settled = true
      o.signal.removeEventListener('abort', onAbort)
      req.destroy()
      finish()
    }
    const fail = (err: Error) => settle(() => reject(err))
    const onAbort = () => fail(o.signal.reason as Error)
    o.signal.addEventListener('abort', onAbort, { once: true })

    req.on('error', (err: NodeJS.ErrnoException) => {
      fail(
        new DiscoveryError('FETCH_FAILED', `${url.host}: ${err.code ?? err.message}`, {
          cause: err,
        }),
      )
    })
    req.on('response', (res) => {
      const status = res.statusCode ?? 0
      const location = res.headers.location
      if (REDIRECT_STATUSES.has(status) && location) {
        return settle(() => resolve({ kind: 'redirect', location }))
      }
      const contentType = res.headers['content-type'] ?? null
      const base = { status, url: url.href, contentType }
      if (status < 200 || status > 299) {
        return settle(() => resolve({ kind: 'response', response: { ...base, body: '' } }))
      }
      const declared = Number(res.headers['content-length'])
      if (declared > o.maxBytes) {
        return fail(
          new DiscoveryError(
            'FETCH_TOO_LARGE',
            `${url.href}: Content-Length ${declared} > ${o.maxBytes}`,
          ),
        )
      }
      const chunks: Buffer[] = []
      let received = 0
      res.on('data', (chunk: Buffer) => {
        received += chunk.length
        if (received > o.maxBytes) {
          fail(new DiscoveryError('FETCH_TOO_LARGE', `${url.href}: more than ${o.maxBytes} bytes`))
        } else {
          chunks.push(chunk)
        }
      })
      res.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8')
        settle(() => resolve({ kind: 'response', response: { ...base, body } }))
      })
      res.on('error', (err) =>
        fail(new DiscoveryError('FETCH_FAILED', `${url.href}: ${err.message}`, { cause: err })),
      )
      res.on('close', () => {
        if (!res.complete)
          fail(new DiscoveryError('FETCH_FAILED', `${url.href}: connection closed mid-body`))
      })
    })
    req.end()
  })
