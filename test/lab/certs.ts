/** The lab's test CA and server certificates, made with the openssl CLI. */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { EXPIRED_NOT_AFTER, EXPIRED_NOT_BEFORE, type ProfileSpec } from './layout.ts'
import { run } from './run.ts'

const OPENSSL = '/usr/bin/openssl'
const KEY_ARGS = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes']

export interface CertPaths {
  cert: string
  key: string
}

export interface LabCerts {
  caFile: string
  caPem: string
  /** Server certificate per profile (profiles without TLS have none). */
  byProfile: Map<string, CertPaths>
}

/** openssl's time format: YYYYMMDDHHMMSSZ. */
function asnTime(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:T]/g, '')
    .replace(/\.\d+Z$/, 'Z')
}

function caConfig(dir: string): string {
  return `[ ca ]
default_ca = lab_ca

[ lab_ca ]
dir = ${dir}
database = ${dir}/index.txt
new_certs_dir = ${dir}/issued
serial = ${dir}/serial
certificate = ${dir}/ca.pem
private_key = ${dir}/ca.key
default_md = sha256
policy = policy_any
unique_subject = no
copy_extensions = none
email_in_dn = no

[ policy_any ]
commonName = supplied

[ server ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
`
}

async function makeCa(dir: string): Promise<void> {
  await mkdir(join(dir, 'issued'), { recursive: true })
  await writeFile(join(dir, 'index.txt'), '')
  await writeFile(join(dir, 'serial'), '1000\n')
  await writeFile(join(dir, 'ca.cnf'), caConfig(dir))
  await run(OPENSSL, [
    'req',
    '-x509',
    ...KEY_ARGS,
    '-keyout',
    join(dir, 'ca.key'),
    '-out',
    join(dir, 'ca.pem'),
    '-days',
    '3650',
    '-subj',
    '/O=mailsetup test lab/CN=mailsetup lab CA',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ])
}

/** A server certificate signed by the lab CA, valid between the two openssl times. */
async function issue(
  dir: string,
  base: string,
  names: string[],
  start: string,
  end: string,
): Promise<CertPaths> {
  const key = join(dir, `${base}.key`)
  const csr = join(dir, `${base}.csr`)
  const cert = join(dir, `${base}.pem`)
  const ext = join(dir, `${base}.ext`)
  const cn = names[0] ?? base
  await run(OPENSSL, [
    'req',
    '-new',
    ...KEY_ARGS,
    '-keyout',
    key,
    '-out',
    csr,
    '-subj',
    `/CN=${cn}`,
  ])
  await writeFile(
    ext,
    `${caConfig(dir).split('[ server ]')[1] ?? ''}subjectAltName = ${names.map((n) => `DNS:${n}`).join(', ')}\n`,
  )
  await run(OPENSSL, [
    'ca',
    '-batch',
    '-config',
    join(dir, 'ca.cnf'),
    '-extfile',
    ext,
    '-notext',
    '-startdate',
    start,
    '-enddate',
    end,
    '-in',
    csr,
    '-out',
    cert,
  ])
  return { cert, key }
}

async function selfSigned(dir: string, base: string, names: string[]): Promise<CertPaths> {
  const key = join(dir, `${base}.key`)
  const cert = join(dir, `${base}.pem`)
  await run(OPENSSL, [
    'req',
    '-x509',
    ...KEY_ARGS,
    '-keyout',
    key,
    '-out',
    cert,
    '-days',
    '825',
    '-subj',
    `/CN=${names[0] ?? base}`,
    '-addext',
    `subjectAltName=${names.map((n) => `DNS:${n}`).join(',')}`,
    '-addext',
    'basicConstraints=critical,CA:FALSE',
    '-addext',
    'extendedKeyUsage=serverAuth',
  ])
  return { cert, key }
}

/** Validity of the lab's good certificates: from a day ago to a year ahead. */
function goodValidity(): { start: string; end: string } {
  const now = Date.now()
  return {
    start: asnTime(new Date(now - 24 * 3600_000)),
    end: asnTime(new Date(now + 365 * 24 * 3600_000)),
  }
}

/**
 * A valid server certificate from the lab CA (made by `makeCerts` in the same `dir`) for
 * `names`, e.g. for the web hosts that serve autoconfig documents.
 */
export async function issueCert(dir: string, base: string, names: string[]): Promise<CertPaths> {
  const { start, end } = goodValidity()
  return issue(dir, base, names, start, end)
}

export async function makeCerts(dir: string, profiles: ProfileSpec[]): Promise<LabCerts> {
  await makeCa(dir)
  const { start, end } = goodValidity()
  const byProfile = new Map<string, CertPaths>()
  for (const p of profiles) {
    switch (p.cert) {
      case 'valid':
      case 'wrongname':
        byProfile.set(p.profile, await issue(dir, p.profile, p.certNames, start, end))
        break
      case 'expired':
        byProfile.set(
          p.profile,
          await issue(dir, p.profile, p.certNames, EXPIRED_NOT_BEFORE, EXPIRED_NOT_AFTER),
        )
        break
      case 'selfsigned':
        byProfile.set(p.profile, await selfSigned(dir, p.profile, p.certNames))
        break
      case 'none':
        break
    }
  }
  const caFile = join(dir, 'ca.pem')
  return { caFile, caPem: await readFile(caFile, 'utf8'), byProfile }
}
