/**
 * The fixed lab layout: which profile lives on which loopback address and serves which
 * ports, plus the DNS records. This is the contract the probe engine's tests rely on.
 */
import type { LabHost, LabProfile } from './lab-info.ts'

export const LAB_PREFIX = 'mailsetup-lab-'
export const ALLOW_CIDR = '127.0.10.0/24'
export const DNS_ADDRESS = '127.0.10.53'
export const DNS_PORT = 53
/** Dovecot's auth listener that Postfix uses for SASL (not a profile host). */
export const SASL_ADDRESS = '127.0.10.250'
export const SASL_PORT = 12345

/** notAfter of the `expired` host's certificate (fixed, in the past). */
export const EXPIRED_NOT_BEFORE = '20230101000000Z'
export const EXPIRED_NOT_AFTER = '20240131235959Z'
export const EXPIRED_NOT_AFTER_ISO = '2024-01-31T23:59:59.000Z'

/**
 * Lab accounts. `login` is the username the servers know when it is not the address: carol signs
 * in with the local part only (the login test must find that form).
 */
export const USERS: { email: string; password: string; login?: string }[] = [
  { email: 'alice@example.test', password: 'secret' },
  { email: 'bob@lab.test', password: 'hunter2' },
  { email: 'carol@example.test', password: 'Carol-Lab-Pass-7', login: 'carol' },
]

export const IMAPS = 993
export const IMAP = 143
export const POP3S = 995
export const POP3 = 110
export const SUBMISSIONS = 465
export const SUBMISSION = 587
export const SMTP = 25

export const IMPLICIT_TLS_PORTS: readonly number[] = [IMAPS, POP3S, SUBMISSIONS]

/** How a profile's server certificate is made. */
export type CertKind = 'valid' | 'expired' | 'wrongname' | 'selfsigned' | 'none'

export interface ProfileSpec extends LabHost {
  profile: LabProfile
  /** Extra DNS names with the same address (also put in the certificate). */
  aliases: string[]
  cert: CertKind
  /** Names written into the certificate (SAN; the first one is also the CN). */
  certNames: string[]
}

function spec(
  profile: LabProfile,
  octet: number,
  ports: number[],
  cert: CertKind,
  aliases: string[] = [],
  /** Names only in the certificate (their DNS records point elsewhere, e.g. at a proxy). */
  certOnly: string[] = [],
): ProfileSpec {
  const name = `${profile}.lab.test`
  const certNames = cert === 'wrongname' ? ['other.lab.test'] : [name, ...aliases, ...certOnly]
  return {
    profile,
    name,
    address: `127.0.10.${octet}`,
    ports: [...ports].sort((a, b) => a - b),
    aliases,
    cert,
    certNames,
  }
}

/**
 * Where a bench puts a delaying TCP proxy in front of `full` (nothing listens there otherwise).
 * `full`'s certificate carries the name too, so TLS through the proxy verifies.
 */
export const DELAYED = {
  name: 'delayed.lab.test',
  address: '127.0.10.30',
  upstream: 'full',
} as const

/**
 * An unknown domain (in no database, no autoconfig, no SRV records) whose mail servers a bench
 * finds by its MX and guessing: the MX host and the guessable names resolve to `address`, where
 * the bench puts a delaying proxy in front of `upstream` (nothing listens there otherwise).
 * `upstream`'s certificate carries the names, so TLS through the proxy verifies.
 */
export const GUESSED = {
  domain: 'guessed.test',
  mx: 'mail.guessed.test',
  names: ['imap.guessed.test', 'smtp.guessed.test', 'mail.guessed.test'],
  address: '127.0.10.31',
  upstream: 'full',
} as const

/**
 * A name on the bench's veth subnet (bench/diagnose.ts) with no host behind it: a SYN sent there is
 * never answered (a "filtered" port). Every name under it resolves there too (wildcard DNS), so
 * autoconfig.filtered.lab.test is a web host that never answers. Outside ALLOW_CIDR: a guard
 * allows it only when told to.
 */
export const FILTERED = {
  name: 'filtered.lab.test',
  address: '10.77.0.2',
  cidr: '10.77.0.0/24',
} as const

export const PROFILES: Record<LabProfile, ProfileSpec> = {
  tls: spec('tls', 1, [IMAPS, POP3S, SUBMISSIONS], 'valid'),
  starttls: spec('starttls', 2, [IMAP, POP3, SUBMISSION, SMTP], 'valid'),
  full: spec(
    'full',
    3,
    [IMAPS, IMAP, POP3S, POP3, SUBMISSIONS, SUBMISSION, SMTP],
    'valid',
    ['mail.example.test'],
    [DELAYED.name, ...GUESSED.names],
  ),
  pop3only: spec('pop3only', 4, [POP3S, POP3], 'valid'),
  submission: spec('submission', 5, [SUBMISSION, SUBMISSIONS], 'valid'),
  expired: spec('expired', 6, [IMAPS, IMAP, SUBMISSIONS], 'expired'),
  wrongname: spec('wrongname', 7, [IMAPS, IMAP, SUBMISSIONS], 'wrongname'),
  selfsigned: spec('selfsigned', 8, [IMAPS, IMAP, SUBMISSIONS], 'selfsigned'),
  plain: spec('plain', 9, [IMAP, POP3, SMTP], 'none'),
}

export const PROFILE_LIST: ProfileSpec[] = Object.values(PROFILES)

/**
 * Web hosts for autoconfig documents. The lab gives them DNS names and, for `secure`, a
 * certificate from the lab CA; a test serves the documents itself (https on 443, http on 80).
 */
export const WEB_HOSTS = {
  secure: {
    address: '127.0.10.80',
    names: ['autoconfig.acme.test', 'autoconfig.mailhost.test'],
    tls: true,
  },
  plain: { address: '127.0.10.81', names: ['autoconfig.plainweb.test'], tls: false },
} as const

/**
 * Domains that publish only an MX record: hosted.test at a provider an operator's overlay knows
 * by its MX suffix (hostco.test); viamx.test at a host whose domain (mailhost.test) publishes
 * autoconfig on the secure web host; qiye-corp.test and godaddy-corp.test at NetEase qiye and
 * GoDaddy; elsewhere-corp.test at a host no source knows. The MX hosts themselves have no address.
 */
export const MX_RECORDS: Readonly<Record<string, string>> = {
  'hosted.test': 'mx1.hostco.test',
  'viamx.test': 'mx.mailhost.test',
  // Company domains at real hosting families, recognised from the built-in data by MX alone
  // (the MX names are only record data here: the lab resolves nothing outside .test).
  'qiye-corp.test': 'qiye163mx01.mxmail.netease.com',
  'godaddy-corp.test': 'mailstore1.secureserver.net',
  // Mail at a host no source knows and nothing answers: the report says where mail goes.
  'elsewhere-corp.test': 'mx.unknown-mailhost.test',
}

export function hostsOf(): Record<LabProfile, LabHost> {
  const out = {} as Record<LabProfile, LabHost>
  for (const p of PROFILE_LIST) {
    out[p.profile] = { name: p.name, address: p.address, ports: [...p.ports] }
  }
  return out
}
