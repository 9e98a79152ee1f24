/**
 * @module
 * The probes of one discovery: each (protocol, host, port, security) probed at most once,
 * whoever asks for it (the database, a source, a guess, a certificate's name), each host looked
 * up once through the guard. A claim starts the probe (or shares the one running or done); a
 * guess claims tentatively before the sources are in. Only confirmed results are handed out; a
 * probe no claim holds any more is aborted and its result handed to nobody.
 */
import {
  type HostLookup,
  type HostProbeDeps,
  type HostProbeEntry,
  lookupHost,
  probeHost,
} from '../probes/host-probes.ts'
import type { ProbeResult } from '../probes/result.ts'
import { keyOf } from './candidates.ts'

/** One server to probe: a host and one of its ports. */
export type ProbeRunTarget = HostProbeEntry & { host: string }

/** Probes one entry of a looked-up host; never throws (the engine's probeHost by default). */
export type ProbeOne = (
  target: ProbeRunTarget,
  lookup: HostLookup,
  signal: AbortSignal,
) => Promise<ProbeResult>

export interface ProbeClaim {
  /** The probe's result; null once the claim is released before it came. */
  readonly result: Promise<ProbeResult | null>
  /** The result is wanted (a tentative claim until now): it is handed out when it comes. */
  confirm(): void
  /** Not wanted any more; the probe is aborted when no other claim holds it. */
  release(): void
}

export interface ProbeRuns {
  /** The host's guarded lookup, made once per discovery. */
  lookup(host: string): Promise<HostLookup>
  claim(target: ProbeRunTarget, options?: { tentative?: boolean }): ProbeClaim
}

export interface ProbeRunsOptions {
  /** Aborts every probe (the client went away). */
  signal?: AbortSignal
  /** Hears each confirmed result once: when it comes, or when it is confirmed if that is later. */
  onResult?: (result: ProbeResult) => void
  /** Tests pass a scripted probe. */
  probe?: ProbeOne
}

interface Run {
  controller: AbortController
  /** Aborted because nobody wants it any more (not because the client went away). */
  moot: boolean
  claims: number
  confirmed: number
  result: ProbeResult | null
  told: boolean
  done: Promise<ProbeResult>
}

/**
 * @example
 * const runs = createProbeRuns(deps.probe, { signal, onResult: send })
 * const claim = runs.claim({ protocol: 'imap', host: 'imap.example.com', port: 993, security: 'tls' })
 * const result = await claim.result
 */
export const createProbeRuns = (deps: HostProbeDeps, options: ProbeRunsOptions = {}): ProbeRuns => {
  const lookups = new Map<string, Promise<HostLookup>>()
  const runs = new Map<string, Run>()
  // The metrics hear the results here, not from probeHost: a moot probe's is nobody's.
  const { onProbed, ...quiet } = deps
  const probeOne: ProbeOne =
    options.probe ??
    (async (target, lookup, signal) => {
      const [result] = await probeHost(target.host, [target], quiet, { lookup, signal })
      if (!result) throw new Error('probeHost gave no result')
      return result
    })

  const lookup = (host: string) => {
    let found = lookups.get(host)
    if (!found) {
      found = lookupHost(deps.guard, host, options.signal)
      lookups.set(host, found)
    }
    return found
  }

  const tell = (run: Run) => {
    if (!run.result || run.confirmed === 0 || run.told) return
    run.told = true
    options.onResult?.(run.result)
  }

  const start = (target: ProbeRunTarget): Run => {
    const controller = new AbortController()
    const stop = () => controller.abort()
    options.signal?.addEventListener('abort', stop, { once: true })
    if (options.signal?.aborted) stop()
    const run: Run = {
      controller,
      moot: false,
      claims: 0,
      confirmed: 0,
      result: null,
      told: false,
      done: lookup(target.host)
        .then((found) => probeOne(target, found, controller.signal))
        .then((result) => {
          if (!run.moot) onProbed?.(result)
          run.result = result
          tell(run)
          return result
        })
        .finally(() => options.signal?.removeEventListener('abort', stop)),
    }
    return run
  }

  return {
    lookup,
    claim(target, claimOptions = {}) {
      const key = keyOf(target)
      const run = runs.get(key) ?? start(target)
      runs.set(key, run)
      run.claims++
      let state: 'tentative' | 'confirmed' | 'released' = claimOptions.tentative
        ? 'tentative'
        : 'confirmed'
      if (state === 'confirmed') run.confirmed++
      let settle: (result: ProbeResult | null) => void = () => undefined
      const result = new Promise<ProbeResult | null>((resolve) => (settle = resolve))
      void run.done.then((r) => settle(state === 'released' ? null : r))
      tell(run)
      return {
        result,
        confirm() {
          if (state !== 'tentative') return
          state = 'confirmed'
          run.confirmed++
          tell(run)
        },
        release() {
          if (state === 'released') return
          if (state === 'confirmed') run.confirmed--
          state = 'released'
          run.claims--
          settle(null)
          if (run.claims === 0 && !run.result) {
            run.moot = true
            run.controller.abort()
            runs.delete(key)
          }
        },
      }
    },
  }
}
