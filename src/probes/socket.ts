/**
 * @module
 * The small socket interface the protocol dialogues run over. Runtime adapters
 * (Node: socket-node.ts; Cloudflare Workers: socket-workers.ts) implement it; nothing above this
 * seam imports a runtime module.
 */

export interface SocketTarget {
  /** The IP address checked by the target guard; the adapter connects to it and nothing else. */
  address: string
  port: number
  /** The host name, for SNI and the certificate name check. */
  servername: string
  /**
   * How TLS will be used: `tls` (implicit, the probe upgrades right after connecting),
   * `starttls` (upgraded after the protocol's STARTTLS) or `none`. Adapters that must know at
   * connect time (Cloudflare Workers' secureTransport) read it; the Node adapter does not need it.
   */
  security: 'tls' | 'starttls' | 'none'
}

export interface CertificateInfo {
  subject: string
  names: string[]
  issuer: string
  validFrom: string
  validTo: string
  fingerprint256: string
  selfSigned: boolean
}

/** What the adapter saw of the TLS session; judged by tls-verdict.ts. */
export interface TlsSession {
  protocol: string | null
  cipher: string | null
  /** The chain verified against the trust store (the name is checked separately). */
  chainTrusted: boolean
  /** The verifier's reason when the chain is not trusted, e.g. CERT_HAS_EXPIRED. */
  chainError: string | null
  hostnameMatch: boolean
  certificate: CertificateInfo | null
  /** Why details are missing, where the runtime shows none (Cloudflare Workers). */
  note?: string
}

export interface ReadLimits {
  /** Longest line accepted, in bytes, without its line ending. */
  maxLineBytes: number
}

export interface ProbeSocket {
  /**
   * Reads one line without its CR LF. Rejects with a ProbeError: RESPONSE_TOO_LONG,
   * CONNECTION_CLOSED, or whatever the deadline's signal carries.
   */
  readLine(limits: ReadLimits): Promise<string>
  /** Resolves when at least one byte is buffered, or rejects like readLine. */
  waitForData(): Promise<void>
  write(data: string): Promise<void>
  /**
   * Upgrades the connection to TLS in place (implicit TLS right after connect, or STARTTLS).
   * Rejects with STARTTLS_INJECTION when plaintext bytes are already buffered, and with
   * TLS_HANDSHAKE when the handshake fails. A bad certificate does not fail the handshake:
   * it is reported by tlsSession().
   */
  startTls(): Promise<void>
  /**
   * What the TLS session showed; null before an upgrade, and until the session is proven where
   * the runtime reports a failed handshake only on the first read (Cloudflare Workers).
   */
  tlsSession(): TlsSession | null
  /** Bytes received so far in this session. */
  bytesRead(): number
  /** Closes the connection; safe to call more than once. */
  close(): void
}

/**
 * Opens a connection. Rejects with a ProbeError: TCP_REFUSED, TCP_UNREACHABLE,
 * TLS_HANDSHAKE, or the deadline's code when `signal` aborts; on Cloudflare Workers also
 * CONNECT_FAILED (refused and unreachable look the same there) and PORT_BLOCKED_BY_RUNTIME.
 */
export type Connect = (target: SocketTarget, signal: AbortSignal) => Promise<ProbeSocket>
