/**
 * @module
 * The recommendation as probe results and handshake measurements arrive: recomputed after each
 * one, and handed out when it changes, so a client sees what to use (and which of a provider's
 * alternative hosts, on what figures) before a slow or filtered port has timed out.
 */
import { keyOf, withProbe } from '../discovery/candidates.ts'
import type { DiscoveryEvent } from '../discovery/pipeline.ts'
import {
  type HostStability,
  type StabilityReport,
  stabilityReport,
} from '../discovery/stability.ts'
import type { CandidateServer } from '../discovery/types.ts'
import type { Provider, Region } from '../providers/index.ts'
import { recommend } from '../recommend/index.ts'
import { type RecommendationView, recommendationView } from './report.ts'
import type { Lang, Needs } from '../model/domain.ts'
import type { RegionSource } from '../model/region.ts'

/**
 * A `recommendation` event: the recommendation so far, with the host choice and the hosts
 * measured so far (null until the first one's handshakes end).
 */
export type LiveRecommendationView = RecommendationView & { stability: StabilityReport | null }

/**
 * @example
 * const live = createLiveRecommendation({ email, lang, needs, probed: true })
 * onEvent = (e) => { const view = live.update(e); if (view) send('recommendation', view) }
 * onHost = (hosts) => { const view = live.measured(hosts); if (view) send('recommendation', view) }
 */
export const createLiveRecommendation = (input: {
  email: string
  lang: Lang
  needs?: Needs
  probed: boolean
  region?: Region
  regionFrom?: RegionSource
}) => {
  let provider: Provider | null = null
  let candidates: CandidateServer[] = []
  let last = ''
  let stability: readonly HostStability[] = []
  const pending = new Map<string, DiscoveryEvent & { type: 'probe' }>()

  const apply = (event: DiscoveryEvent & { type: 'probe' }) => {
    const key = keyOf(event.probe)
    const index = candidates.findIndex((c) => keyOf(c) === key)
    if (index === -1) return pending.set(key, event)
    candidates[index] = withProbe(candidates[index] as CandidateServer, event.probe)
  }

  /** The recommendation now, when it differs from the last one handed out. */
  const changed = (): LiveRecommendationView | null => {
    if (candidates.length === 0) return null
    const view = {
      ...recommendationView(recommend({ ...input, provider, candidates, stability })),
      stability: stabilityReport(stability),
    }
    const key = JSON.stringify(view)
    if (key === last) return null
    last = key
    return view
  }

  return {
    /** Feeds one event; returns the recommendation when it changed, else null. */
    update(event: DiscoveryEvent): LiveRecommendationView | null {
      if (event.type === 'source') return null
      if (event.type === 'candidates') {
        provider = event.provider
        const known = new Map(candidates.map((c) => [keyOf(c), c]))
        candidates = event.candidates.map((c) => known.get(keyOf(c)) ?? c)
        for (const waiting of [...pending.values()]) apply(waiting)
      } else apply(event)
      return changed()
    },
    /** Feeds the hosts measured so far; returns the recommendation when it changed, else null. */
    measured(hosts: readonly HostStability[]): LiveRecommendationView | null {
      stability = hosts
      return changed()
    },
  }
}
