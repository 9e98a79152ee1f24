/**
 * @module
 * A Connect that reports each socket it opens and, once, its close: the metrics' count of
 * probe sockets open.
 */
import type { Connect } from './socket.ts'

/**
 * @example
 * const connect = countedConnect(nodeConnect, { opened: () => open++, closed: () => open-- })
 */
export const countedConnect =
  (connect: Connect, count: { opened: () => void; closed: () => void }): Connect =>
  async (target, signal) => {
    const socket = await connect(target, signal)
    count.opened()
    let closed = false
    return {
      readLine: (limits) => socket.readLine(limits),
      waitForData: () => socket.waitForData(),
      write: (data) => socket.write(data),
      startTls: () => socket.startTls(),
      tlsSession: () => socket.tlsSession(),
      bytesRead: () => socket.bytesRead(),
      close() {
        if (!closed) {
          closed = true
          count.closed()
        }
        socket.close()
      },
    }
  }
