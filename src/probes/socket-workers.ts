/**
 * @module
 * The Cloudflare Workers adapter of the probe socket, over `connect()` from cloudflare:sockets
 * (passed in by worker.ts, so this file imports no runtime module). What the runtime allows
 * decides what a result can say, and the adapter says no more than it knows:
 * - TLS is verified by the runtime and shows nothing: no certificate, protocol or cipher. A
 *   session that works is reported trusted with `certificate: null` and a note; one that fails
 *   (untrusted, expired, wrong name, broken handshake: workerd tells them apart only in its own
 *   log) is TLS_FAILED.
 * - A refused, unreachable or filtered port all reject `opened` with one generic error:
 *   CONNECT_FAILED. There is no connect timeout; the probe's deadline is the only one.
 * - Outbound port 25 is blocked in production: PORT_BLOCKED_BY_RUNTIME without trying.
 * - Implicit TLS connects with `secureTransport: "starttls"` and upgrades at once: `"on"` would
 *   check the certificate against the address connected to (the guard's pinned IP), while
 *   `startTls({ expectedServerHostname })` checks it against the host name.
 * Verified in workerd 2026-04-26 (test/workerd/socket-workers.test.ts); Cloudflare's TCP
 * sockets documentation lists the port 25 and connection limits.
 */
import { ProbeError } from '../errors/probe-error.ts'
import { plaintextBeforeTls, takeLine } from './line-buffer.ts'
import type { ProbeCode } from '../errors/table.ts'
import type { Slots } from '../util/slots.ts'
import type { Connect, ProbeSocket, ReadLimits, SocketTarget, TlsSession } from './socket.ts'

/** The slice of cloudflare:sockets' Socket this adapter uses. */
export interface WorkersSocket {
  readonly readable: ReadableStream<Uint8Array>
  readonly writable: WritableStream<Uint8Array>
  readonly opened: Promise<unknown>
  readonly closed: Promise<void>
  close(): Promise<void>
  startTls(options?: { expectedServerHostname?: string }): WorkersSocket
}

/** cloudflare:sockets' connect(). */
export type WorkersConnectFn = (
  address: { hostname: string; port: number },
  options: { secureTransport: 'off' | 'on' | 'starttls'; allowHalfOpen: boolean },
) => WorkersSocket

export interface WorkersConnectOptions {
  connect: WorkersConnectFn
  /** Outbound connections of this invocation (sockets and fetches share them). */
  outbound?: Slots
  /** Ports the runtime refuses (default [25]). */
  blockedPorts?: readonly number[]
  maxSessionBytes?: number
}

/** What a report says instead of certificate details. */
export const TLS_OPAQUE_NOTE = 'certificate details are not available in this deployment'

/** Most bytes one probe session may receive (as on Node). */
const MAX_SESSION_BYTES = 64 * 1024

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err))

/**
 * @example
 * import { connect } from 'cloudflare:sockets'
 * const probeConnect = createWorkersConnect({ connect, outbound: createSlots(6) })
 */
export const createWorkersConnect = (options: WorkersConnectOptions): Connect => {
  const blocked = new Set(options.blockedPorts ?? [25])
  return async function connect(target, signal) {
    if (signal.aborted) throw signal.reason as Error
    if (blocked.has(target.port)) {
      throw new ProbeError(
        'PORT_BLOCKED_BY_RUNTIME',
        `Cloudflare Workers do not connect to port ${target.port}`,
      )
    }
    const release = options.outbound ? await options.outbound.acquire(signal) : () => undefined
    let socket: WorkersSocket | null = null
    try {
      const hostname = target.address.includes(':') ? `[${target.address}]` : target.address
      socket = options.connect(
        { hostname, port: target.port },
        {
          secureTransport: target.security === 'none' ? 'off' : 'starttls',
          allowHalfOpen: false,
        },
      )
      await raceAbort(socket.opened, signal, (err) => {
        throw new ProbeError('CONNECT_FAILED', messageOf(err), { cause: err })
      })
      return new WorkersProbeSocket(socket, target, signal, {
        release,
        maxSessionBytes: options.maxSessionBytes ?? MAX_SESSION_BYTES,
      })
    } catch (err) {
      socket?.close().catch(() => undefined)
      release()
      throw err
    }
  }
}

/** Awaits `promise`; its rejection goes through `onError`, an abort rejects with the signal's reason. */
const raceAbort = async <T>(
  promise: Promise<T>,
  signal: AbortSignal,
  onError: (err: unknown) => never,
): Promise<T> => {
  let onAbort: (() => void) | undefined
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason as Error)
    signal.addEventListener('abort', onAbort, { once: true })
  })
  try {
    return await Promise.race([promise.catch(onError), aborted])
  } finally {
    if (onAbort) signal.removeEventListener('abort', onAbort)
  }
}

const concat = (a: Uint8Array, b: Uint8Array): Uint8Array => {
  if (a.length === 0) return b
  const out = new Uint8Array(a.length + b.length)
  out.set(a)
  out.set(b, a.length)
  return out
}

/**
 * Reads only while a caller waits for data, so no read is outstanding when STARTTLS needs the
 * streams unlocked (workerd refuses releaseLock() with a pending read).
 */
class WorkersProbeSocket implements ProbeSocket {
  #socket: WorkersSocket
  #reader: ReadableStreamDefaultReader<Uint8Array>
  #writer: WritableStreamDefaultWriter<Uint8Array>
  #buffer: Uint8Array = new Uint8Array(0)
  #received = 0
  #failure: Error | null = null
  #reading: Promise<void> | null = null
  #session: TlsSession | null = null
  /** Upgraded, and not one byte received since: a failure now is the TLS session failing. */
  #unproven = false
  readonly #target: SocketTarget
  readonly #signal: AbortSignal
  readonly #release: () => void
  readonly #maxSessionBytes: number
  readonly #encoder = new TextEncoder()

  constructor(
    socket: WorkersSocket,
    target: SocketTarget,
    signal: AbortSignal,
    options: { release: () => void; maxSessionBytes: number },
  ) {
    this.#socket = socket
    this.#reader = socket.readable.getReader()
    this.#writer = socket.writable.getWriter()
    this.#target = target
    this.#signal = signal
    this.#release = options.release
    this.#maxSessionBytes = options.maxSessionBytes
    signal.addEventListener('abort', this.#onAbort, { once: true })
  }

  #onAbort = () => this.#fail(this.#signal.reason as Error)

  #fail(err: Error) {
    if (!this.#failure) this.#failure = err
    this.#socket.close().catch(() => undefined)
    this.#release()
  }

  /** The error for a stream that ended or broke: TLS_FAILED while the upgrade is unproven. */
  #lost(detail: string, cause?: unknown): ProbeError {
    const code: ProbeCode = this.#unproven ? 'TLS_FAILED' : 'CONNECTION_CLOSED'
    const what = this.#unproven ? 'the TLS session failed' : detail
    return new ProbeError(code, what, cause === undefined ? undefined : { cause })
  }

  /** One read from the stream into the buffer (shared by concurrent waiters). */
  #readMore(): Promise<void> {
    this.#reading ??= (async () => {
      try {
        const { done, value } = await this.#reader.read()
        if (done) return this.#fail(this.#lost('the server closed the connection'))
        this.#received += value.length
        this.#unproven = false
        if (this.#received > this.#maxSessionBytes) {
          const max = this.#maxSessionBytes
          return this.#fail(new ProbeError('RESPONSE_TOO_LONG', `more than ${max} bytes received`))
        }
        this.#buffer = concat(this.#buffer, value)
      } catch (err) {
        this.#fail(this.#lost(messageOf(err), err))
      } finally {
        this.#reading = null
      }
    })()
    return this.#reading
  }

  async #wait(): Promise<void> {
    if (this.#failure) throw this.#failure
    let onAbort = () => undefined as void
    const aborted = new Promise<void>((resolve) => {
      onAbort = resolve
      this.#signal.addEventListener('abort', onAbort, { once: true })
    })
    try {
      await Promise.race([this.#readMore(), aborted])
    } finally {
      this.#signal.removeEventListener('abort', onAbort)
    }
    if (this.#failure) throw this.#failure
  }

  async readLine(limits: ReadLimits): Promise<string> {
    for (;;) {
      let taken
      try {
        taken = takeLine(this.#buffer, limits.maxLineBytes)
      } catch (err) {
        this.#fail(err as ProbeError)
        throw err
      }
      if (taken) {
        this.#buffer = taken.rest
        return taken.line
      }
      await this.#wait()
    }
  }

  async waitForData(): Promise<void> {
    while (this.#buffer.length === 0) await this.#wait()
  }

  async write(data: string): Promise<void> {
    if (this.#failure) throw this.#failure
    try {
      await this.#writer.write(this.#encoder.encode(data))
    } catch (err) {
      const failure = this.#failure ?? this.#lost(messageOf(err), err)
      this.#fail(failure)
      throw failure
    }
  }

  async startTls(): Promise<void> {
    if (this.#failure) throw this.#failure
    if (this.#buffer.length > 0) {
      const err = plaintextBeforeTls(this.#target.security, this.#buffer.length)
      this.#fail(err)
      throw err
    }
    if (this.#reading) await this.#reading
    this.#reader.releaseLock()
    this.#writer.releaseLock()
    const servername = this.#target.servername
    this.#socket = this.#socket.startTls({ expectedServerHostname: servername })
    this.#reader = this.#socket.readable.getReader()
    this.#writer = this.#socket.writable.getWriter()
    this.#unproven = true
    this.#session = {
      protocol: null,
      cipher: null,
      // The runtime refuses a session whose chain or name does not verify: one that carries
      // bytes is trusted and names the host.
      chainTrusted: true,
      chainError: null,
      hostnameMatch: true,
      certificate: null,
      note: TLS_OPAQUE_NOTE,
    }
  }

  tlsSession(): TlsSession | null {
    return this.#unproven ? null : this.#session
  }

  bytesRead(): number {
    return this.#received
  }

  close(): void {
    this.#signal.removeEventListener('abort', this.#onAbort)
    this.#fail(new ProbeError('CONNECTION_CLOSED', 'closed by the probe'))
  }
}
