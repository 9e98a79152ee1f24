/**
 * msw for tests that must not touch the network: every request is answered in-process (an
 * unhandled one is an error), the URLs msw saw are recorded, and a spy on net.Socket#connect
 * fails the test if any real socket connects.
 */
import net from 'node:net'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, expect, vi } from 'vitest'

/** Call at the top of a test file; registers its own hooks. */
export const useOfflineMsw = () => {
  const server = setupServer()
  const seen: string[] = []
  server.events.on('request:start', ({ request }) => seen.push(request.url))
  const connectSpy = vi.spyOn(net.Socket.prototype, 'connect')

  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  beforeEach(() => {
    seen.length = 0
    connectSpy.mockClear()
  })
  afterEach(() => {
    server.resetHandlers()
    expect(connectSpy).not.toHaveBeenCalled()
  })
  afterAll(() => {
    server.close()
    connectSpy.mockRestore()
  })
  return { server, seen, connectSpy }
}
