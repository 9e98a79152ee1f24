/**
 * A TCP proxy that delays every chunk by a fixed time in each direction, to give loopback
 * servers a realistic round-trip time (tc netem is not available here).
 */
import net from 'node:net'

export interface DelayProxy {
  close(): Promise<void>
}

export const startDelayProxy = async (
  listen: { host: string; port: number },
  upstream: { host: string; port: number },
  delayMs: number,
): Promise<DelayProxy> => {
  const sockets = new Set<net.Socket>()
  const pipeDelayed = (from: net.Socket, to: net.Socket) => {
    from.on('data', (chunk) => setTimeout(() => to.destroyed || to.write(chunk), delayMs))
    from.on('end', () => setTimeout(() => to.end(), delayMs))
    from.on('error', () => to.destroy())
    from.on('close', () => setTimeout(() => to.destroy(), delayMs))
  }
  const server = net.createServer((client) => {
    const remote = net.connect(upstream)
    for (const socket of [client, remote]) {
      sockets.add(socket)
      socket.on('close', () => sockets.delete(socket))
    }
    // The connection itself takes one delay to "reach" the server.
    client.pause()
    remote.once('connect', () => setTimeout(() => client.resume(), delayMs))
    pipeDelayed(client, remote)
    pipeDelayed(remote, client)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(listen.port, listen.host, resolve)
  })
  return {
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}
