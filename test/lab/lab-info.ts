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
  users: { email: string; password: string }[]
}

declare module 'vitest' {
  export interface ProvidedContext {
    lab: LabInfo
  }
}
