/**
 * @module
 * One search of the sources for an address: the database at once, then autoconfig, MX and SRV
 * together under one budget; their candidates merged by source priority.
 */
import type { Resolver } from '../dns/resolver.ts'
import type { Provider, ProviderIndex } from '../providers/index.ts'
import { mergeCandidates } from './candidates.ts'
import type { HttpGet } from './http.ts'
import {
  type SourceReport,
  type SourceResult,
  fromAutoconfig,
  fromDatabase,
  fromMx,
  fromSrv,
} from './sources.ts'
import type { CandidateServer } from './types.ts'

/** Budget for the network sources (autoconfig, MX, SRV) together. */
export const SOURCES_TIMEOUT_MS = 6_000
/** The same when the database already knows the domain: the others are only alternatives then. */
export const SOURCES_TIMEOUT_KNOWN_MS = 2_000

export interface SourceSearchDeps {
  providers: ProviderIndex
  resolver: Resolver
  httpGet: HttpGet
}

/** What the sources found for one address. */
export interface Found {
  provider: Provider | null
  /** Merged, best source first. */
  candidates: CandidateServer[]
  sources: SourceReport[]
  mxHosts: string[]
}

/** Searches the sources for `email`; `onSource` hears each source's report as it comes in. */
export type SearchSources = (
  email: string,
  domain: string,
  onSource: (source: SourceReport) => void,
) => Promise<Found>

/**
 * @example
 * const search = createSourceSearch({ providers, resolver, httpGet })
 * const found = await search('ann@example.com', 'example.com', (source) => send(source))
 */
export const createSourceSearch = (deps: SourceSearchDeps): SearchSources =>
  async function searchSources(email, domain, onSource) {
    const report = <T extends SourceResult>(result: T): T => {
      result.reports.forEach(onSource)
      return result
    }
    const db = report(fromDatabase(deps.providers, domain, email))
    const budget = db.provider ? SOURCES_TIMEOUT_KNOWN_MS : SOURCES_TIMEOUT_MS
    // Its own deadline only, not the caller's signal: the search may be shared and is cached, so
    // a client that goes away must not cut it short for the others.
    const signal = AbortSignal.timeout(budget)
    const [auto, mx, srv] = await Promise.all([
      fromAutoconfig(domain, email, { httpGet: deps.httpGet, signal }).then(report),
      fromMx(domain, email, { ...deps, signal }).then(report),
      fromSrv(domain, email, { resolver: deps.resolver, signal }).then(report),
    ])
    return {
      provider: db.provider ?? mx.provider ?? null,
      candidates: mergeCandidates([db.candidates, auto.candidates, mx.candidates, srv.candidates]),
      sources: [db, auto, mx, srv].flatMap((r) => r.reports),
      mxHosts: mx.mxHosts,
    }
  }
