/**
 * The shape of the live test lab as tests and scripts see it (plain data, serialisable, so
 * vitest can hand it from the global setup to test files with `provide`/`inject`).
 */

export type LabProfile =
  | 'tls'
  | 'starttls'
  | 'full'
  | 'pop3only'
  | 'submission'
  | 'expired'
  | 'wrongname'
  | 'selfsigned'
  | 'plain'

export interface LabHost {
  name: string
  address: string
  ports: number[]
}

/** A web host a test may serve on (the lab starts no server there). */
export interface LabWebHost {
  /** Loopback address to listen on (ports 80 and 443). */
  address: string
  /** DNS names (lab dnsmasq) that resolve to the address. */
  names: string[]
  /** Certificate (lab CA) and key for the names, PEM; null for an http-only host. */
  tls: { certPem: string; keyPem: string } | null
}

export interface LabInfo {
  /** The lab's temporary directory (configs, certificates, logs). */
  dir: string
  /** dnsmasq, as `address:port` for `Resolver.setServers`. */
  dns: string
  /** Every lab address lies in this range. */
  allowCidr: string
  /** The lab CA certificate: path and PEM text. */
  caFile: string
  caPem: string
  /** ISO date of the `expired` host's certificate notAfter. */
  expiredNotAfter: string
  hosts: Record<LabProfile, LabHost>
  /** Accounts; `login` is the username the servers know when it is not the address. */
  users: { email: string; password: string; login?: string }[]
  /** Autoconfig web hosts: `secure` (https, lab CA) and `plain` (http only). */
  web: { secure: LabWebHost; plain: LabWebHost }
  /** Domains whose DNS has only an MX record: domain -> MX host. */
  mx: Record<string, string>
  /** A name and address for a delaying proxy in front of `upstream` (its certificate has the name). */
  delayed: { name: string; address: string; upstream: LabProfile }
  /**
   * An unknown domain found by MX and guessing: its MX host and guessable names resolve to
   * `address`, where a bench puts a delaying proxy in front of `upstream`.
   */
  guessed: { domain: string; mx: string; names: string[]; address: string; upstream: LabProfile }
  /**
   * A name on a subnet where nothing answers (a bench's veth; see bench/diagnose.ts); every name
   * under it (wildcard) resolves to the same address.
   */
  filtered: { name: string; address: string; cidr: string }
}

declare module 'vitest' {
  export interface ProvidedContext {
    lab: LabInfo
  }
}
