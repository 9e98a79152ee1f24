/**
 * The order of a discovery's probes (issue 15's P2), asserted on order and counts, never on
 * timings: one probe per (protocol, host, port, security) whoever claims it; guesses probed as
 * their names resolve, in guess order, tentatively until the sources are in; a guess made moot
 * by a verified one at an earlier host is aborted and left out. The probe is scripted (each call
 * waits until the test finishes it); names resolve when the test says so.
 */
import { describe, expect, it, vi } from 'vitest'
import type { Resolver } from '../../../src/dns/resolver.ts'
import { ProbeError } from '../../../src/errors/probe-error.ts'
import type { ProbeCode } from '../../../src/errors/table.ts'
import { keyOf } from '../../../src/discovery/candidates.ts'
import { startGuessing } from '../../../src/discovery/guess.ts'
import {
  type ProbeRunTarget,
  type ProbeRunsOptions,
  createProbeRuns,
} from '../../../src/discovery/probe-runs.ts'
import type { CandidateServer } from '../../../src/discovery/types.ts'
import { createHostLimiter } from '../../../src/probes/host-limiter.ts'
import { MATRIX } from '../../../src/probes/matrix.ts'
import { type ProbeResult, describeOutcome, unreachedResult } from '../../../src/probes/result.ts'
import { createProviderIndex, loadBuiltInProviders } from '../../../src/providers/index.ts'
import { createTargetGuard } from '../../../src/security/target-guard.ts'
import { createNodeConnect } from '../../../src/probes/socket-node.ts'
import { createDiscovery } from '../../../src/discovery/pipeline.ts'
import type { Connect } from '../../../src/probes/socket.ts'
import { PUBLIC_A } from '../../fake/discovery-deps.ts'
import { recommend } from '../../../src/recommend/recommend.ts'

const flush = async () => {
  for (let i = 0; i < 10; i++) await new Promise<void>((resolve) => setImmediate(resolve))
}

/** Names that resolve to PUBLIC_A (no packet is ever sent: the probe is scripted). */
const scriptedDns = (names: string[], mx: Record<string, string> = {}) => {
  const held = new Map<string, () => void>()
  const hold = new Set<string>()
  const asked: string[] = []
  const resolver: Resolver = {
    addresses: async (name) => {
      asked.push(name)
      if (hold.has(name)) await new Promise<void>((resolve) => held.set(name, resolve))
      if (!names.includes(name)) throw new ProbeError('DNS_NXDOMAIN', name)
      return [{ address: PUBLIC_A, family: 4, ttl: 60 }]
    },
    mx: async (name) => (mx[name] ? [{ exchange: mx[name], priority: 10 }] : []),
    srv: async () => [],
  }
  return {
    resolver,
    asked,
    hold: (name: string) => hold.add(name),
    answer: (name: string) => {
      hold.delete(name)
      held.get(name)?.()
    },
  }
}

interface Call {
  target: ProbeRunTarget
  signal: AbortSignal
  finish(code?: ProbeCode | null): void
}

const outcome = (target: ProbeRunTarget, code: ProbeCode | null): ProbeResult => ({
  ...unreachedResult(target, new ProbeError('TCP_REFUSED'), null),
  address: PUBLIC_A,
  ...describeOutcome(code ? [code] : []),
})

const scripted = (dns: ReturnType<typeof scriptedDns>, options: ProbeRunsOptions = {}) => {
  const calls: Call[] = []
  const told: ProbeResult[] = []
  /** What the metrics hear. */
  const counted: ProbeResult[] = []
  const guard = createTargetGuard({
    resolver: dns.resolver,
    allow: [],
    ports: MATRIX.map((e) => e.port),
  })
  const runs = createProbeRuns(
    {
      guard,
      connect: createNodeConnect(),
      limiter: createHostLimiter(),
      onProbed: (r) => counted.push(r),
    },
    {
      ...options,
      onResult: (r) => told.push(r),
      probe: (target, _lookup, signal) =>
        new Promise((resolve) =>
          calls.push({ target, signal, finish: (code = null) => resolve(outcome(target, code)) }),
        ),
    },
  )
  const call = (host: string, port: number) => {
    const found = calls.find((c) => c.target.host === host && c.target.port === port)
    if (!found) throw new Error(`no probe of ${host}:${port}`)
    return found
  }
  return { runs, calls, told, counted, call }
}

const imaps = (host: string): ProbeRunTarget => ({
  protocol: 'imap',
  host,
  port: 993,
  security: 'tls',
})
const where = (c: { target: ProbeRunTarget }) => `${c.target.host}:${c.target.port}`

describe('one probe per server in a discovery', () => {
  it('two claims of one server share one probe, whose result is handed out once', async () => {
    const dns = scriptedDns(['imap.example.com'])
    const { runs, calls, told, counted } = scripted(dns)
    const a = runs.claim(imaps('imap.example.com'))
    const b = runs.claim(imaps('imap.example.com'))
    await flush()
    expect(calls).toHaveLength(1)
    calls[0]?.finish()
    const [ra, rb] = await Promise.all([a.result, b.result])
    expect(ra).toBe(rb)
    expect(told).toHaveLength(1)
    expect(counted).toHaveLength(1)
  })

  it('a tentative claim is probed at once but handed out only once confirmed', async () => {
    const { runs, calls, told } = scripted(scriptedDns(['imap.example.com']))
    const claim = runs.claim(imaps('imap.example.com'), { tentative: true })
    await flush()
    calls[0]?.finish()
    await flush()
    expect(told).toHaveLength(0)
    claim.confirm()
    expect(told.map(keyOf)).toEqual([keyOf(imaps('imap.example.com'))])
    expect(await claim.result).not.toBeNull()
  })

  it('a probe every claim let go of is aborted and handed to nobody (nor counted); a later claim probes anew', async () => {
    const { runs, calls, told, counted } = scripted(scriptedDns(['imap.example.com']))
    const a = runs.claim(imaps('imap.example.com'), { tentative: true })
    const b = runs.claim(imaps('imap.example.com'))
    await flush()
    a.release()
    expect(calls[0]?.signal.aborted).toBe(false)
    b.release()
    expect(calls[0]?.signal.aborted).toBe(true)
    expect(await a.result).toBeNull()
    expect(await b.result).toBeNull()
    calls[0]?.finish()
    await flush()
    expect(told).toHaveLength(0)
    expect(counted).toHaveLength(0)
    runs.claim(imaps('imap.example.com'))
    await flush()
    expect(calls).toHaveLength(2)
  })

  it('each host is looked up once, however many of its ports are probed', async () => {
    const dns = scriptedDns(['mail.example.com'])
    const { runs, calls } = scripted(dns)
    for (const entry of MATRIX) runs.claim({ ...entry, host: 'mail.example.com' })
    await flush()
    expect(calls).toHaveLength(MATRIX.length)
    expect(dns.asked.filter((n) => n === 'mail.example.com')).toHaveLength(1)
  })
})

const DOMAIN = 'small.example'
const NAMES = ['imap.small.example', 'smtp.small.example', 'mail.small.example']
const providers = createProviderIndex(loadBuiltInProviders())

const guess = (
  dns: ReturnType<typeof scriptedDns>,
  known: CandidateServer[] = [],
  onFindings?: (f: CandidateServer[]) => void,
) => {
  const probes = scripted(dns)
  const guessing = startGuessing(
    { resolver: dns.resolver, providers, maxProbes: 16 },
    probes.runs,
    `ann@${DOMAIN}`,
    DOMAIN,
    { known, onFindings },
  )
  return { ...probes, guessing }
}

const srv = (protocol: 'imap' | 'smtp', host: string): CandidateServer => ({
  protocol,
  host,
  port: protocol === 'imap' ? 993 : 587,
  security: protocol === 'imap' ? 'tls' : 'starttls',
  username: `ann@${DOMAIN}`,
  source: { type: 'srv', trusted: true },
  verified: false,
})

describe('guessing beside the sources', () => {
  it('probes each name as soon as it and the names before it (in guess order) have resolved', async () => {
    const dns = scriptedDns(NAMES, { [DOMAIN]: 'mail.small.example' })
    dns.hold('smtp.small.example')
    const { calls, guessing } = guess(dns)
    await flush()
    // Every name is looked up at once; only imap.<domain> (before the held one) is probed yet.
    expect(new Set(dns.asked)).toEqual(
      new Set([...NAMES, 'pop.small.example', 'pop3.small.example', DOMAIN]),
    )
    expect(calls.map(where)).toEqual(['imap.small.example:993', 'imap.small.example:143'])
    dns.answer('smtp.small.example')
    await flush()
    expect(calls.map(where)).toEqual([
      'imap.small.example:993',
      'imap.small.example:143',
      'smtp.small.example:465',
      'smtp.small.example:587',
      // mail.<domain> is also the MX host: probed once.
      ...MATRIX.filter((e) => e.port !== 25).map((e) => `mail.small.example:${e.port}`),
    ])
    guessing.sourcesIn({ candidates: [], mxHosts: ['mail.small.example'] })
    calls.forEach((c) => c.finish('TCP_REFUSED'))
    expect((await guessing.done).probes).toHaveLength(calls.length)
  })

  it('hands nothing out before the sources are in, then drops the guesses of a direction they found', async () => {
    const findings: CandidateServer[][] = []
    const { calls, call, told, guessing } = guess(scriptedDns(NAMES), [], (f) => findings.push(f))
    await flush()
    call('imap.small.example', 993).finish()
    call('smtp.small.example', 465).finish()
    await flush()
    expect(told).toHaveLength(0)
    expect(findings).toHaveLength(0)
    // SRV named an incoming server: every incoming guess goes, running or done.
    guessing.sourcesIn({ candidates: [srv('imap', 'imap.elsewhere.example')], mxHosts: [] })
    expect(call('imap.small.example', 143).signal.aborted).toBe(true)
    expect(call('mail.small.example', 995).signal.aborted).toBe(true)
    expect(told.map((p) => `${p.host}:${p.port}`)).toEqual(['smtp.small.example:465'])
    expect(findings.at(-1)?.map((c) => `${c.host}:${c.port}`)).toEqual(['smtp.small.example:465'])
    calls.filter((c) => c.target.protocol === 'smtp').forEach((c) => c.finish('TCP_REFUSED'))
    const guessed = await guessing.done
    expect(guessed.probes.every((p) => p.protocol === 'smtp')).toBe(true)
    expect(guessed.candidates.map((c) => `${c.host}:${c.port}`)).toEqual(['smtp.small.example:465'])
  })

  it('a verified guess makes its protocol and security moot at later hosts; the other security and protocols there go on', async () => {
    const { calls, call, guessing } = guess(scriptedDns(NAMES))
    guessing.sourcesIn({ candidates: [], mxHosts: [] })
    await flush()
    call('imap.small.example', 993).finish()
    await flush()
    expect(call('mail.small.example', 993).signal.aborted).toBe(true)
    // Its STARTTLS port may still be the alternative TLS_OVER_STARTTLS names: it goes on...
    expect(call('mail.small.example', 143).signal.aborted).toBe(false)
    expect(call('mail.small.example', 995).signal.aborted).toBe(false)
    expect(call('imap.small.example', 143).signal.aborted).toBe(false)
    // ...until an earlier host's STARTTLS port is verified.
    call('imap.small.example', 143).finish()
    await flush()
    expect(call('mail.small.example', 143).signal.aborted).toBe(true)
    call('smtp.small.example', 465).finish()
    await flush()
    expect(call('mail.small.example', 465).signal.aborted).toBe(true)
    expect(call('mail.small.example', 587).signal.aborted).toBe(false)
    call('smtp.small.example', 587).finish()
    await flush()
    expect(call('mail.small.example', 587).signal.aborted).toBe(true)
    // The still-needed ones end; the aborted ones never do, and the guessing ends anyway.
    for (const c of calls) if (!c.signal.aborted) c.finish('TCP_REFUSED')
    const guessed = await guessing.done
    expect(guessed.probes.map((p) => `${p.host}:${p.port}`).sort()).toEqual([
      'imap.small.example:143',
      'imap.small.example:993',
      'mail.small.example:110',
      'mail.small.example:995',
      'smtp.small.example:465',
      'smtp.small.example:587',
    ])
    expect(guessed.candidates.map((c) => `${c.host}:${c.port}`)).toEqual([
      'imap.small.example:993',
      'imap.small.example:143',
      'smtp.small.example:465',
      'smtp.small.example:587',
    ])
  })

  it('a STARTTLS alternative proven only at a later host is kept, and TLS_OVER_STARTTLS names it', async () => {
    const { calls, call, guessing } = guess(scriptedDns(NAMES))
    guessing.sourcesIn({ candidates: [], mxHosts: [] })
    await flush()
    // imap.<domain> has implicit TLS only; mail.<domain> offers IMAP with STARTTLS.
    call('imap.small.example', 993).finish()
    call('imap.small.example', 143).finish('TCP_REFUSED')
    call('smtp.small.example', 465).finish()
    call('smtp.small.example', 587).finish()
    await flush()
    expect(call('mail.small.example', 143).signal.aborted).toBe(false)
    call('mail.small.example', 143).finish()
    for (const c of calls) if (!c.signal.aborted) c.finish('TCP_REFUSED')
    const { candidates } = await guessing.done
    expect(candidates.map((c) => `${c.host}:${c.port}`)).toContain('mail.small.example:143')
    const { reasons, recommended } = recommend({
      email: `ann@${DOMAIN}`,
      candidates,
      provider: null,
      lang: 'en',
      probed: true,
    })
    expect(recommended.incoming).toMatchObject({ host: 'imap.small.example', port: 993 })
    expect(reasons.filter((r) => r.code === 'TLS_OVER_STARTTLS').map((r) => r.text)).toEqual([
      'IMAP imap.small.example:993 with SSL/TLS is recommended over IMAP mail.small.example:143 with STARTTLS: implicit TLS encrypts the connection from the first byte (RFC 8314).',
      'SMTP smtp.small.example:465 with SSL/TLS is recommended over SMTP smtp.small.example:587 with STARTTLS: implicit TLS encrypts the connection from the first byte (RFC 8314).',
    ])
  })

  it('a verified guess at a later host does not cut short an earlier one', async () => {
    const { call, guessing } = guess(scriptedDns(NAMES))
    guessing.sourcesIn({ candidates: [], mxHosts: [] })
    await flush()
    call('mail.small.example', 993).finish()
    await flush()
    expect(call('imap.small.example', 993).signal.aborted).toBe(false)
    expect(call('imap.small.example', 143).signal.aborted).toBe(false)
  })

  it('an MX host on another domain is guessed after the domain names; one the database knows waits for the sources', async () => {
    const other = scriptedDns(['mx.hoster.example'], { [DOMAIN]: 'mx.hoster.example' })
    const hosted = guess(other)
    // Waited for, not flushed: the first MX host the database does not know loads the Public
    // Suffix List (registrableDomain) before it is guessed.
    await vi.waitFor(() =>
      expect(hosted.calls.map((c) => c.target.host)).toContain('mx.hoster.example'),
    )
    hosted.guessing.sourcesIn({ candidates: [], mxHosts: ['mx.hoster.example'] })

    const exmail = scriptedDns(['mxbiz1.qq.com'], { [DOMAIN]: 'mxbiz1.qq.com' })
    const known = guess(exmail)
    await flush()
    expect(exmail.asked).not.toContain('mxbiz1.qq.com')
    // The sources found Exmail's servers for both directions: its MX host is never guessed.
    known.guessing.sourcesIn({
      candidates: [srv('imap', 'imap.exmail.qq.com'), srv('smtp', 'smtp.exmail.qq.com')],
      mxHosts: ['mxbiz1.qq.com'],
    })
    expect(await known.guessing.done).toEqual({ candidates: [], probes: [] })
    await flush()
    expect(exmail.asked).not.toContain('mxbiz1.qq.com')
  })

  it('guesses nothing for the directions the database already knows', async () => {
    const { calls, guessing } = guess(scriptedDns(NAMES), [srv('imap', 'imap.db.example')])
    await flush()
    expect(calls.length).toBeGreaterThan(0)
    expect(calls.every((c) => c.target.protocol === 'smtp')).toBe(true)
    guessing.sourcesIn({ candidates: [srv('imap', 'imap.db.example')], mxHosts: [] })
    calls.forEach((c) => c.finish('TCP_REFUSED'))
    await guessing.done
  })
})

describe('the whole discovery', () => {
  it('a server both named by SRV and guessed is connected to once; guesses of a found direction are not reported', async () => {
    const dns = scriptedDns(['imap.srv.example', 'smtp.srv.example'])
    const resolver: Resolver = {
      ...dns.resolver,
      srv: async (name) =>
        name === '_imaps._tcp.srv.example'
          ? [{ name: 'imap.srv.example', port: 993, priority: 0, weight: 1 }]
          : name === '_submission._tcp.srv.example'
            ? [{ name: 'smtp.srv.example', port: 587, priority: 0, weight: 1 }]
            : [],
    }
    const guard = createTargetGuard({ resolver, allow: [], ports: MATRIX.map((e) => e.port) })
    const connects: string[] = []
    // Nothing is ever connected: every attempt is refused at once.
    const connect: Connect = async (target) => {
      connects.push(`${target.servername}:${target.port}`)
      throw new ProbeError('TCP_REFUSED')
    }
    const discovery = createDiscovery({
      providers,
      resolver,
      httpGet: async (url) => ({ status: 404, url: url.href, contentType: null, body: '' }),
      probe: { guard, connect, limiter: createHostLimiter() },
    })
    const found = await discovery.discover('ann@srv.example')
    expect(connects).toContain('imap.srv.example:993')
    expect(connects).toContain('smtp.srv.example:587')
    expect(new Set(connects).size).toBe(connects.length)
    // Both directions came from SRV: the report has its two probes, and no guess.
    expect(found.probes.map((p) => `${p.host}:${p.port}`).sort()).toEqual([
      'imap.srv.example:993',
      'smtp.srv.example:587',
    ])
    expect(found.candidates.every((c) => c.source.type === 'srv')).toBe(true)
  })
})
