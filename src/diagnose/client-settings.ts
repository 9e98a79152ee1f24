/**
 * @module
 * The settings the domain-level client endpoints answer with (autoconfig XML, Autodiscover, the
 * Apple profile, GET /api/v1/guides/{client}?email=). In order: the operator file and the
 * provider database (no traffic: an organisation's autoconfig host may well be this service);
 * the domain's own autoconfig; the newest verified settings kept for the domain; else a verified
 * discovery (with probes), bounded in time and shared by every request for the domain.
 */
import type { DiscoveryService } from '../discovery/pipeline.ts'
import type { CandidateServer } from '../discovery/types.ts'
import { type Provider, splitEmail } from '../providers/index.ts'
import { recommend } from '../recommend/index.ts'
import type { CostMeter } from '../security/costs.ts'
import type { SocketBudget } from '../security/socket-budget.ts'
import {
  type AccountSettings,
  type SettingsSource,
  byDirection,
  displayNameOf,
  emptySettings,
  knownSettings,
  settingsFromReport,
} from './account-settings.ts'
import { buildReport } from './report.ts'
import { type ReportStorage, recordVerified } from './saved-report.ts'
import { type VerifiedSettings, fromVerified, toVerified } from './verified-settings.ts'

/** Longest a verified discovery for a client endpoint may take. */
export const VERIFIED_DISCOVERY_MS = 10_000

export interface ClientSettingsDeps {
  discovery: DiscoveryService
  storage: ReportStorage
  budget: SocketBudget
  /** Known settings cost nothing; discovery and probes are billed (a run joined is free). */
  costs: CostMeter
  /** Sockets one probing discovery reserves. */
  sockets: number
  verifiedDiscoveryMs?: number
}

/** Moves `first` (when there is one) to the front of `list`. */
const leading = (list: CandidateServer[], first: CandidateServer | null) =>
  first ? [first, ...list.filter((c) => c !== first)] : list

/** The recommended servers first, as a client should try them (unprobed). */
const ordered = (settings: AccountSettings): AccountSettings => {
  const rec = recommend({
    email: settings.email,
    candidates: [...settings.incoming, ...settings.outgoing],
    provider: settings.provider,
    lang: 'en',
    probed: false,
  })
  return {
    ...settings,
    incoming: leading(settings.incoming, rec.recommended.incoming),
    outgoing: leading(settings.outgoing, rec.recommended.outgoing),
  }
}

const fromCandidates = (
  email: string,
  domain: string,
  provider: Provider | null,
  candidates: CandidateServer[],
): AccountSettings => ({
  email,
  domain,
  displayName: displayNameOf(provider, domain),
  provider,
  ...byDirection(candidates),
})

/**
 * @example
 * const settings = createClientSettings({ discovery, storage, budget, sockets: 32 })
 * (await settings('ann@self-hosted.example')).incoming[0] // the verified server
 */
export const createClientSettings = (deps: ClientSettingsDeps): SettingsSource => {
  const { storage } = deps
  const running = new Map<string, Promise<VerifiedSettings | null>>()

  /** One probing discovery per domain at a time; its result is kept for the domain. */
  const verifiedRun = (email: string, domain: string) => {
    const existing = running.get(domain)
    if (existing) return existing
    deps.costs.need('probes')
    const run = (async () => {
      const release = deps.budget.tryAcquire(deps.sockets)
      if (!release) return null
      try {
        const found = await deps.discovery.discover(email, {
          probe: true,
          // Not a caller's signal: the run is shared, and its result is kept for the others.
          signal: AbortSignal.timeout(deps.verifiedDiscoveryMs ?? VERIFIED_DISCOVERY_MS),
        })
        const report = buildReport(found, { lang: 'en', probed: true })
        await recordVerified(storage, report)
        return toVerified(settingsFromReport(report, storage.providers))
      } finally {
        release()
      }
    })().finally(() => running.delete(domain))
    running.set(domain, run)
    return run
  }

  return async function clientSettings(input, signal) {
    const { localPart, domain } = splitEmail(input)
    const email = `${localPart}@${domain}`
    const known = knownSettings(storage.providers, email)
    if (known) return ordered(known)

    const fromKept = async () => {
      const kept = await storage.store.getVerified(domain, storage.now())
      return kept ? fromVerified(kept.settings, email, storage.providers) : null
    }
    // A client whose lookup budget is spent still gets the kept verified settings (free).
    if (!deps.costs.allows('lookups')) {
      const kept = await fromKept()
      if (kept) return kept
      deps.costs.need('lookups')
    }
    const found = await deps.discovery.discover(email, { probe: false, signal })
    const published = found.candidates.filter((c) => c.source.type === 'autoconfig')
    if (published.length) return ordered(fromCandidates(email, domain, found.provider, published))

    const kept = await fromKept()
    if (kept) return kept

    const verified = await verifiedRun(email, domain)
    const fromRun = verified ? fromVerified(verified, email, storage.providers) : null
    if (fromRun) return fromRun
    // A hosting provider recognised by its MX: its servers are known even when unproven here.
    return found.provider
      ? ordered(fromCandidates(email, domain, found.provider, found.candidates))
      : emptySettings(email, domain)
  }
}
