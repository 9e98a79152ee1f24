/**
 * The connect-stability measurement through the cloudflare:sockets adapter inside workerd,
 * against the scripted fake servers of global-setup.ts: three handshakes that work (timed to the
 * first byte through TLS, which is where workerd proves the session), an untrusted certificate
 * (TLS_FAILED: workerd refuses it), a closed port (CONNECT_FAILED), each socket in an outbound
 * slot that is given back.
 */
import { connect } from 'cloudflare:sockets'
import { describe, expect, inject, it } from 'vitest'
import { createDohResolver } from '../../src/dns/resolver-doh.ts'
import { measureHandshakes } from '../../src/probes/handshakes.ts'
import { createHostLimiter, inWaves } from '../../src/probes/host-limiter.ts'
import { createWorkersConnect } from '../../src/probes/socket-workers.ts'
import { parseCidrList } from '../../src/security/address-policy.ts'
import { createTargetGuard } from '../../src/security/target-guard.ts'
import { createSlots } from '../../src/util/slots.ts'

const ports = inject('mailPorts')
const outbound = createSlots(6)
const deps = {
  guard: createTargetGuard({
    resolver: createDohResolver({ url: inject('dohUrl') }),
    allow: parseCidrList('127.0.0.0/8'),
    ports: Object.values(ports),
  }),
  connect: createWorkersConnect({ connect, outbound }),
  limiter: inWaves(createHostLimiter(8), createSlots(5)),
  timeoutMs: 3_000,
}

describe('handshake measurement through cloudflare:sockets (workerd)', () => {
  it('three handshakes to the pinned address, timed to the first byte; no TLS time of its own', async () => {
    const series = await measureHandshakes('fake.test', ports.imaps, deps)
    expect(series.address).toBe('127.0.0.1')
    expect(series.answered).toBe(3)
    for (const attempt of series.attempts) {
      expect(attempt).toMatchObject({ ok: true, code: null, tlsMs: null })
      expect(attempt.ms).toBeGreaterThanOrEqual(attempt.connectMs ?? 0)
    }
    expect(series.medianMs).not.toBeNull()
    expect(series.spreadMs).not.toBeNull()
    expect(outbound.inUse()).toBe(0)
  })

  it('an untrusted certificate fails every handshake with TLS_FAILED', async () => {
    const series = await measureHandshakes('fake.test', ports.untrusted, deps)
    expect(series.answered).toBe(0)
    expect(series.attempts.map((a) => a.code)).toEqual(Array(3).fill('TLS_FAILED'))
    expect(outbound.inUse()).toBe(0)
  })

  it('a closed port is CONNECT_FAILED three times', async () => {
    const series = await measureHandshakes('fake.test', ports.closed, deps)
    expect(series.attempts.map((a) => a.code)).toEqual(Array(3).fill('CONNECT_FAILED'))
    expect(outbound.inUse()).toBe(0)
  })
})
