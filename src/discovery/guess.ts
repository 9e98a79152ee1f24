/**
 * @module
 * Guessing: common host names (imap.domain, smtp.domain, the MX host, ...) for the directions
 * (incoming, outgoing) no source found, kept only where a mail server answered.
 *
 * It starts with the sources, not after them: every name is looked up at once and its ports
 * are claimed as soon as it resolves (a host's probes start once the names before it in guess
 * order have resolved, so the per-host connection cap serves the better guesses first). Until
 * the sources are in, the claims are tentative; then the guesses for a direction the sources
 * found are released, and the others confirmed. Once a host's port of a protocol and security
 * is verified, no guess of that protocol and security at a later host can be recommended over
 * it, nor named in its place: those probes at later hosts are released (aborted), so the
 * guessing ends with the last probe still needed. A verified implicit-TLS port does not end the
 * STARTTLS guesses at later hosts: the first verified one is what TLS_OVER_STARTTLS names as the
 * alternative, as it would with every guess probed.
 */
import type { Resolver } from '../dns/resolver.ts'
import type { ProbeResult } from '../probes/result.ts'
import type { ProviderIndex } from '../providers/index.ts'
import { withProbe } from './candidates.ts'
import type { ProbeClaim, ProbeRuns } from './probe-runs.ts'
import type { Found } from './source-search.ts'
import { guessTargets, mxHostsOf } from './sources.ts'
import type { CandidateServer } from './types.ts'
import type { Protocol, Security } from '../model/domain.ts'

export interface GuessDeps {
  resolver: Resolver
  providers: Pick<ProviderIndex, 'byMx'>
  /** Most guesses probed. */
  maxProbes: number
}

export interface Guessed {
  /** The guesses a mail server answered at, marked with their probe's outcome, in guess order. */
  candidates: CandidateServer[]
  /** Every guess probe still wanted when it ended, found or not. */
  probes: ProbeResult[]
}

export interface Guessing {
  /** The sources are in: guessing goes on only for the directions they found nothing for. */
  sourcesIn(found: Pick<Found, 'candidates' | 'mxHosts'>): void
  /** Settles once the sources are in and every guess probe still wanted has ended. */
  readonly done: Promise<Guessed>
}

export interface GuessOptions {
  /** Servers known before any source answers (the database's): their directions need no guess. */
  known: readonly CandidateServer[]
  signal?: AbortSignal
  /** Hears the findings so far (in guess order) whenever one is added, once the sources are in. */
  onFindings?: (findings: CandidateServer[]) => void
}

type Direction = 'incoming' | 'outgoing'
const directionOf = (protocol: Protocol): Direction =>
  protocol === 'smtp' ? 'outgoing' : 'incoming'

/** A guess is a finding when a mail server answered there, even one with a bad certificate. */
const isFinding = (c: CandidateServer) =>
  c.status === 'ok' || c.status === 'warning' || (c.code?.startsWith('TLS_CERT_') ?? false)

const directionsIn = (candidates: readonly CandidateServer[]): Set<Direction> =>
  new Set(candidates.map((c) => directionOf(c.protocol)))

interface Guess {
  /** Position of its host in guess order. */
  slot: number
  candidate: CandidateServer
  claim: ProbeClaim
  result: ProbeResult | null
  ended: boolean
  /** Not wanted any more: whatever its probe says is left out. */
  released: boolean
}

interface Slot {
  host: string
  entries: ReturnType<typeof guessTargets>[number]['entries']
  state: 'resolving' | 'absent' | 'present' | 'started'
}

/**
 * @example
 * const guessing = startGuessing(deps, runs, 'ann@example.com', 'example.com', { known: [] })
 * guessing.sourcesIn(await findSources(...))
 * const { candidates } = await guessing.done
 */
export const startGuessing = (
  deps: GuessDeps,
  runs: ProbeRuns,
  email: string,
  domain: string,
  options: GuessOptions,
): Guessing => {
  const found = directionsIn(options.known)
  let wanted = new Set<Direction>((['incoming', 'outgoing'] as const).filter((d) => !found.has(d)))
  let sourcesIn = false
  /** The MX host's slot is settled: added, not wanted, or left to the sources (see below). */
  let mxDecided = false
  const slots: Slot[] = []
  const guesses: Guess[] = []
  /** Per protocol and security, the first slot whose guess of them was verified. */
  const settledAt = new Map<string, number>()
  const kindOf = (c: { protocol: Protocol; security: Security }) => `${c.protocol}|${c.security}`
  let finished: (guessed: Guessed) => void = () => undefined
  const done = new Promise<Guessed>((resolve) => (finished = resolve))
  let over = false

  const findings = () =>
    guesses
      .filter((g) => g.result && !g.released)
      .map((g) => withProbe(g.candidate, g.result ?? undefined))
      .filter(isFinding)
  let told = 0
  const tellFindings = () => {
    const now = findings()
    if (!sourcesIn || now.length === told) return
    told = now.length
    options.onFindings?.(now)
  }

  const maybeDone = () => {
    if (over || !sourcesIn) return
    const probing = guesses.some((g) => !g.ended && !g.released)
    const looking =
      wanted.size > 0 &&
      (!mxDecided || slots.some((s) => s.state === 'resolving' || s.state === 'present'))
    if (probing || looking) return
    over = true
    finished({
      candidates: findings(),
      probes: guesses.flatMap((g) => (g.result && !g.released ? [g.result] : [])),
    })
  }

  const release = (g: Guess) => {
    g.released = true
    g.claim.release()
  }

  const settle = (candidate: CandidateServer, slot: number) => {
    const kind = kindOf(candidate)
    const before = settledAt.get(kind)
    if (before !== undefined && before <= slot) return
    settledAt.set(kind, slot)
    for (const g of guesses)
      if (kindOf(g.candidate) === kind && g.slot > slot && !g.ended && !g.released) release(g)
  }

  const claim = (slot: number, candidate: CandidateServer) => {
    const g: Guess = {
      slot,
      candidate,
      claim: runs.claim(candidate, { tentative: !sourcesIn }),
      result: null,
      ended: false,
      released: false,
    }
    guesses.push(g)
    void g.claim.result.then((result) => {
      g.ended = true
      if (!result || g.released) return maybeDone()
      g.result = result
      if (result.status === 'ok') settle(candidate, slot)
      tellFindings()
      maybeDone()
    })
  }

  const wants = (slot: number, entry: { protocol: Protocol; security: Security }) => {
    const settled = settledAt.get(kindOf(entry))
    return wanted.has(directionOf(entry.protocol)) && (settled === undefined || settled >= slot)
  }

  /** Starts the probes of every resolved host whose predecessors have all resolved. */
  const pump = () => {
    if (over) return
    for (const [index, slot] of slots.entries()) {
      if (slot.state === 'resolving') break
      if (slot.state !== 'present') continue
      slot.state = 'started'
      for (const entry of slot.entries) {
        if (!wants(index, entry) || guesses.length >= deps.maxProbes) continue
        claim(index, {
          ...entry,
          host: slot.host,
          username: email,
          source: { type: 'guess', url: slot.host, trusted: true },
          verified: false,
        })
      }
    }
    maybeDone()
  }

  const addSlot = (target: Pick<Slot, 'host' | 'entries'>) => {
    const slot: Slot = { ...target, state: 'resolving' }
    slots.push(slot)
    void runs.lookup(slot.host).then((lookup) => {
      // A name that does not resolve is not worth a connection; one the guard refuses is
      // probed (the probe says TARGET_BLOCKED and the name is left out).
      const exists = !lookup.failure || lookup.failure.code === 'TARGET_BLOCKED'
      slot.state = exists ? 'present' : 'absent'
      pump()
    })
  }

  const domainTargets = guessTargets(domain, [])
  /** The MX host's target, when it is not one of the domain's own names. */
  const mxTarget = (mxHost: string | undefined) => {
    if (!mxHost) return null
    const all = guessTargets(domain, [mxHost])
    return all.length > domainTargets.length ? (all[all.length - 1] ?? null) : null
  }
  const addMx = (mxHost: string | undefined) => {
    if (mxDecided) return
    mxDecided = true
    const target = wanted.size > 0 ? mxTarget(mxHost) : null
    if (target) addSlot(target)
    else pump()
  }

  if (wanted.size > 0) {
    domainTargets.forEach(addSlot)
    // The MX host is looked up here too, beside the sources' own query, so that it is probed as
    // soon as it resolves. An MX host the provider database knows is left to the sources: they
    // give that provider's servers, and a guess is moot unless a direction is still missing.
    void deps.resolver.mx(domain, options.signal).then(
      async (records) => {
        const mxHost = mxHostsOf(records).mxHosts[0]
        if (mxHost && (await deps.providers.byMx(mxHost))) return
        addMx(mxHost)
      },
      () => addMx(undefined),
    )
  }

  return {
    sourcesIn(sources) {
      if (sourcesIn) return
      sourcesIn = true
      const foundNow = directionsIn(sources.candidates)
      wanted = new Set([...wanted].filter((d) => !foundNow.has(d)))
      for (const g of guesses) {
        if (wanted.has(directionOf(g.candidate.protocol))) g.claim.confirm()
        else release(g)
      }
      addMx(sources.mxHosts[0])
      tellFindings()
      pump()
    },
    done,
  }
}
