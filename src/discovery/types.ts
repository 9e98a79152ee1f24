/**
 * @module
 * What the discovery pipeline finds: candidate servers, each with where it came from and,
 * once probed, whether a live probe confirmed it.
 */
import type { ProbeStatus } from '../errors/entry.ts'
import type { ProbeCode } from '../errors/table.ts'
import type { Protocol, Security } from '../model/domain.ts'

/** Where a candidate came from, highest priority first. */
export const SOURCE_TYPES = ['overlay', 'provider-db', 'autoconfig', 'mx', 'srv', 'guess'] as const
export type SourceType = (typeof SOURCE_TYPES)[number]

export interface ServerSource {
  type: SourceType
  /** The autoconfig URL, the SRV or MX name, or the provider id. */
  url?: string
  /** False for data fetched over plain http (it could have been tampered with on the way). */
  trusted: boolean
}

export interface CandidateServer {
  protocol: Protocol
  host: string
  port: number
  security: Security
  /** The username to type, placeholders already expanded for the address. */
  username: string
  source: ServerSource
  /**
   * Where the provider means this host to be used from, when it publishes alternatives for the
   * same mailbox: `cn` mainland China, `intl` elsewhere (absent: everywhere).
   */
  region?: 'cn' | 'intl'
  /** How sure the provider data is of this server (absent: as sure as its source). */
  confidence?: 'high' | 'medium' | 'low' | 'none'
  /** True when a live probe of exactly this host, port and security succeeded (ok or warning). */
  verified: boolean
  /** The probe's status and code, when it was probed. */
  status?: ProbeStatus
  code?: ProbeCode | null
  /** The SASL mechanisms the probe saw where a login would happen (absent: none captured). */
  auth?: string[]
  /** True when the probe saw only OAuth mechanisms (XOAUTH2, OAUTHBEARER): no password login. */
  oauthOnly?: boolean
  /** Set on a host found on another server's certificate: the host it stands in for. */
  certNameOf?: string
}
