/**
 * The raw fake server under every probe test: a test (or mail-server.ts, the scripted IMAP,
 * POP3 and SMTP server built on it) decides what happens to each connection. Tracks the
 * server's sockets so a test can check that none is left open.
 */
import net from 'node:net'
import tls from 'node:tls'
import type { TestCert } from './test-cert.ts'

export interface FakeServer {
  port: number
  /** Connections accepted so far. */
  accepted(): number
  /** Server-side sockets still open. */
  open(): number
  close(): Promise<void>
}

export const startFakeServer = async (
  onConnection: (socket: net.Socket) => void,
): Promise<FakeServer> => {
  const sockets = new Set<net.Socket>()
  let accepted = 0
  const server = net.createServer((socket) => {
    accepted++
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => undefined)
    onConnection(socket)
    // A paused socket never sees the client's FIN; read and drop whatever the script ignores.
    if (socket.listenerCount('data') === 0) socket.resume()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address() as net.AddressInfo
  return {
    port: address.port,
    accepted: () => accepted,
    open: () => sockets.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}

/** Waits until `check` holds, polling, or throws after `ms`. */
export const eventually = async (check: () => boolean, ms = 2_000): Promise<void> => {
  const until = Date.now() + ms
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** Wraps a plain server-side socket in TLS (for fake STARTTLS servers). */
export const upgradeServerSocket = (socket: net.Socket, cert: TestCert): tls.TLSSocket => {
  const secure = new tls.TLSSocket(socket, { isServer: true, key: cert.key, cert: cert.cert })
  secure.on('error', () => undefined)
  return secure
}

/** Counts this process's open TCP/TLS handles (client and server side). */
export const openSocketHandles = (): number =>
  process.getActiveResourcesInfo().filter((name) => name === 'TCPSocketWrap' || name === 'TLSWrap')
    .length
