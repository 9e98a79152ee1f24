/** Runs the real probe engine against a fake server on 127.0.0.1 that the probe trusts. */
import { runProbe } from '../../src/probes/probe.ts'
import type { ProbeDeps } from '../../src/probes/probe.ts'
import { createNodeConnect } from '../../src/probes/socket-node.ts'
import { eventually } from './fake-server.ts'
import type { MailServer } from './mail-server.ts'
import { loopbackDeps } from './probe-deps.ts'
import { sharedTestCert } from './test-cert.ts'
import type { Protocol, Security } from '../../src/model/domain.ts'

export const FAKE_TIMEOUT_MS = 2_000

/**
 * One probe of 127.0.0.1:`port` with the Node socket adapter, the loopback-allowing guard and the
 * fake server's certificate trusted, so a well-behaved fake gives status ok.
 */
export const probeFake = async (
  port: number,
  protocol: Protocol,
  security: Security,
  extra: Partial<ProbeDeps> = {},
) => {
  const started = performance.now()
  const result = await runProbe(
    { host: '127.0.0.1', port, protocol, security },
    loopbackDeps([port], {
      connect: createNodeConnect({ ca: [sharedTestCert().cert] }),
      timeoutMs: FAKE_TIMEOUT_MS,
      nudgeMs: 400,
      ...extra,
    }),
  )
  return { result, took: performance.now() - started }
}

/**
 * Waits until the fake has seen every connection close (so it has read all the probe sent,
 * the last QUIT too), then returns what it received.
 */
export const settled = async (server: MailServer): Promise<string[]> => {
  await eventually(() => server.open() === 0)
  return server.received()
}
