/**
 * @module
 * The Node adapter of the probe socket: node:net for TCP, node:tls for the upgrade.
 * It connects only to the address it is given (the guard's pinned IP), never to a name.
 */
import net from 'node:net'
import tls from 'node:tls'
import type { Connect, ProbeSocket, ReadLimits, SocketTarget, TlsSession } from './socket.ts'
import { ProbeError } from '../errors/probe-error.ts'
import { plaintextBeforeTls, takeLine } from './line-buffer.ts'
import { describeCertificate } from './certificate-node.ts'
import { CONNECT_ERRORS } from './connect-errors.ts'
import { errorCode } from '../util/error-code.ts'

/** Most bytes one probe session may receive; a mail dialogue needs a few KB. */
export const MAX_SESSION_BYTES = 64 * 1024

export interface NodeConnectOptions {
  /** Extra trusted CA certificates (PEM), added to Node's root store. */
  ca?: string[]
  maxSessionBytes?: number
}

/**
 * @example
 * const connect = createNodeConnect({ ca: [labCaPem] })
 * const socket = await connect({ address: '192.0.2.1', port: 993, servername: 'imap.example.com', security: 'tls' }, signal)
 */
export const createNodeConnect = (options: NodeConnectOptions = {}): Connect => {
  // One context for every connection: building the trust store per handshake costs a
  // millisecond of CPU and about a megabyte of memory each time.
  const secureContext = tls.createSecureContext({
    ca: options.ca?.length ? [...tls.rootCertificates, ...options.ca] : undefined,
    minVersion: 'TLSv1',
  })
  const maxSessionBytes = options.maxSessionBytes ?? MAX_SESSION_BYTES

  return function connect(target, signal) {
    return new Promise<ProbeSocket>((resolve, reject) => {
      if (signal.aborted) return reject(signal.reason as Error)
      const raw = net.connect({ host: target.address, port: target.port, noDelay: true })
      const onAbort = () => {
        raw.destroy()
        reject(signal.reason as Error)
      }
      const onError = (err: Error) => {
        signal.removeEventListener('abort', onAbort)
        raw.destroy()
        const code = CONNECT_ERRORS[errorCode(err)] ?? 'TCP_UNREACHABLE'
        reject(new ProbeError(code, errorCode(err) || err.message, { cause: err }))
      }
      signal.addEventListener('abort', onAbort, { once: true })
      raw.once('error', onError)
      raw.once('connect', () => {
        signal.removeEventListener('abort', onAbort)
        raw.off('error', onError)
        resolve(new NodeProbeSocket(raw, target, signal, { secureContext, maxSessionBytes }))
      })
    })
  }
}

class NodeProbeSocket implements ProbeSocket {
  #socket: net.Socket
  #buffer: Buffer = Buffer.alloc(0)
  #received = 0
  #failure: Error | null = null
  #waiters: Array<() => void> = []
  #session: TlsSession | null = null
  readonly #target: SocketTarget
  readonly #signal: AbortSignal
  readonly #secureContext: tls.SecureContext
  readonly #maxSessionBytes: number

  constructor(
    socket: net.Socket,
    target: SocketTarget,
    signal: AbortSignal,
    options: { secureContext: tls.SecureContext; maxSessionBytes: number },
  ) {
    this.#socket = socket
    this.#target = target
    this.#signal = signal
    this.#secureContext = options.secureContext
    this.#maxSessionBytes = options.maxSessionBytes
    this.#attach(socket)
    signal.addEventListener('abort', this.#onAbort, { once: true })
  }

  #onAbort = () => this.#fail(this.#signal.reason as Error)

  #onData = (chunk: Buffer) => {
    this.#received += chunk.length
    if (this.#received > this.#maxSessionBytes) {
      return this.#fail(
        new ProbeError('RESPONSE_TOO_LONG', `more than ${this.#maxSessionBytes} bytes received`),
      )
    }
    this.#buffer = this.#buffer.length ? Buffer.concat([this.#buffer, chunk]) : chunk
    this.#wake()
  }

  #onEnd = () => this.#fail(new ProbeError('CONNECTION_CLOSED', 'the server closed the connection'))

  #onError = (err: Error) =>
    this.#fail(new ProbeError('CONNECTION_CLOSED', errorCode(err) || err.message, { cause: err }))

  #attach(socket: net.Socket) {
    socket.on('data', this.#onData)
    socket.on('end', this.#onEnd)
    socket.on('close', this.#onEnd)
    socket.on('error', this.#onError)
  }

  #detach(socket: net.Socket) {
    socket.off('data', this.#onData)
    socket.off('end', this.#onEnd)
    socket.off('close', this.#onEnd)
    socket.off('error', this.#onError)
  }

  #fail(err: Error) {
    if (!this.#failure) this.#failure = err
    this.#socket.destroy()
    this.#wake()
  }

  #wake() {
    const waiters = this.#waiters
    this.#waiters = []
    for (const wake of waiters) wake()
  }

  /** Waits for more data or a failure; the caller looks again at the buffer. */
  async #wait(): Promise<void> {
    if (this.#failure) throw this.#failure
    await new Promise<void>((resolve) => this.#waiters.push(resolve))
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

  write(data: string): Promise<void> {
    if (this.#failure) return Promise.reject(this.#failure)
    return new Promise((resolve, reject) => {
      this.#socket.write(data, (err) => (err ? reject(this.#failure ?? err) : resolve()))
    })
  }

  startTls(): Promise<void> {
    if (this.#failure) return Promise.reject(this.#failure)
    if (this.#buffer.length > 0) {
      const err = plaintextBeforeTls(this.#target.security, this.#buffer.length)
      this.#fail(err)
      return Promise.reject(err)
    }
    const raw = this.#socket
    this.#detach(raw)
    const servername = net.isIP(this.#target.servername) ? undefined : this.#target.servername
    const secure = tls.connect({
      socket: raw,
      servername,
      secureContext: this.#secureContext,
      rejectUnauthorized: false,
    })
    this.#socket = secure
    return new Promise((resolve, reject) => {
      const onHandshakeError = (err: Error) => {
        secure.off('secureConnect', onSecure)
        const reason =
          this.#failure ??
          new ProbeError('TLS_HANDSHAKE', errorCode(err) || err.message, { cause: err })
        this.#fail(reason)
        reject(reason)
      }
      const onSecure = () => {
        secure.off('error', onHandshakeError)
        secure.off('close', onClose)
        this.#session = describeSession(secure, this.#target.servername)
        this.#attach(secure)
        resolve()
      }
      const onClose = () =>
        onHandshakeError(new Error('connection closed during the TLS handshake'))
      secure.once('error', onHandshakeError)
      secure.once('close', onClose)
      secure.once('secureConnect', onSecure)
      if (this.#failure) onHandshakeError(this.#failure)
    })
  }

  tlsSession(): TlsSession | null {
    return this.#session
  }

  bytesRead(): number {
    return this.#received
  }

  close(): void {
    this.#signal.removeEventListener('abort', this.#onAbort)
    if (!this.#failure) this.#failure = new ProbeError('CONNECTION_CLOSED', 'closed by the probe')
    this.#socket.destroy()
    this.#wake()
  }
}

const describeSession = (socket: tls.TLSSocket, servername: string): TlsSession => {
  const peer = socket.getPeerCertificate(true)
  const hasCert = peer && Object.keys(peer).length > 0
  const chainError = socket.authorizationError ? String(socket.authorizationError) : null
  // Node checks the name only when the chain verified, so check it ourselves in every case.
  const hostnameMatch = hasCert ? tls.checkServerIdentity(servername, peer) === undefined : false
  return {
    protocol: socket.getProtocol() ?? null,
    cipher: socket.getCipher()?.name ?? null,
    chainTrusted: chainError === null || chainError.startsWith('ERR_TLS_CERT_ALTNAME'),
    chainError: chainError?.startsWith('ERR_TLS_CERT_ALTNAME') ? null : chainError,
    hostnameMatch,
    certificate: hasCert ? describeCertificate(peer) : null,
  }
}
