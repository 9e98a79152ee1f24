/** One Postfix instance serving every profile's SMTP ports (services bound to addr:port). */
import { chown, mkdir, writeFile } from 'node:fs/promises'
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import type { CertPaths } from './certs.ts'
import { allowConfigDir } from './etc-postfix.ts'
import { readPid } from './procs.ts'
import {
  SASL_ADDRESS,
  SASL_PORT,
  SMTP,
  SUBMISSION,
  SUBMISSIONS,
  type ProfileSpec,
} from './layout.ts'
import { startDaemon, tryRun } from './run.ts'
import type { Endpoint } from './wait-port.ts'

export interface PostfixInstance {
  dir: string
  log: string
  pidFile: string
  endpoints: Endpoint[]
}

const SMTP_PORTS = [SMTP, SUBMISSION, SUBMISSIONS]

const INTERNAL_SERVICES = `pickup    unix  n       -       n       60      1       pickup
cleanup   unix  n       -       n       -       0       cleanup
qmgr      unix  n       -       n       300     1       qmgr
tlsmgr    unix  -       -       n       1000?   1       tlsmgr
rewrite   unix  -       -       n       -       -       trivial-rewrite
bounce    unix  -       -       n       -       0       bounce
defer     unix  -       -       n       -       0       bounce
trace     unix  -       -       n       -       0       bounce
verify    unix  -       -       n       -       1       verify
flush     unix  n       -       n       1000?   0       flush
proxymap  unix  -       -       n       -       -       proxymap
proxywrite unix -       -       n       -       1       proxymap
smtp      unix  -       -       n       -       -       smtp
relay     unix  -       -       n       -       -       smtp
showq     unix  n       -       n       -       -       showq
error     unix  -       -       n       -       -       error
retry     unix  -       -       n       -       -       error
discard   unix  -       -       n       -       -       discard
local     unix  -       n       n       -       -       local
virtual   unix  -       n       n       -       -       virtual
lmtp      unix  -       -       n       -       -       lmtp
anvil     unix  -       -       n       -       1       anvil
scache    unix  -       -       n       -       1       scache
postlog   unix-dgram n  -       n       -       1       postlogd
`

/**
 * Per-port smtpd settings. 25 is an MX-style port (STARTTLS offered, no AUTH); 465 is
 * implicit TLS with AUTH; 587 is STARTTLS with AUTH: required before anything on `starttls`,
 * AUTH only after STARTTLS on `submission`, AUTH offered in plaintext too on `full`.
 */
function serviceOptions(p: ProfileSpec, port: number): Record<string, string> {
  const o: Record<string, string> = {
    syslog_name: `postfix/${p.profile}-${port}`,
    myhostname: p.name,
  }
  if (p.cert === 'none') {
    return { ...o, smtpd_tls_security_level: 'none', smtpd_sasl_auth_enable: 'no' }
  }
  if (port === SUBMISSIONS) {
    return {
      ...o,
      smtpd_tls_wrappermode: 'yes',
      smtpd_tls_security_level: 'encrypt',
      smtpd_sasl_auth_enable: 'yes',
    }
  }
  if (port === SUBMISSION) {
    const strict = p.profile === 'starttls'
    return {
      ...o,
      smtpd_tls_security_level: strict ? 'encrypt' : 'may',
      smtpd_sasl_auth_enable: 'yes',
      smtpd_tls_auth_only: p.profile === 'full' ? 'no' : 'yes',
    }
  }
  return { ...o, smtpd_tls_security_level: 'may', smtpd_sasl_auth_enable: 'no' }
}

function masterCf(profiles: ProfileSpec[], certs: Map<string, CertPaths>): string {
  const lines = [INTERNAL_SERVICES]
  for (const p of profiles) {
    const cert = certs.get(p.profile)
    for (const port of p.ports.filter((x) => SMTP_PORTS.includes(x))) {
      const opts = serviceOptions(p, port)
      if (cert) {
        opts.smtpd_tls_cert_file = cert.cert
        opts.smtpd_tls_key_file = cert.key
      }
      const o = Object.entries(opts).map(([k, v]) => `\n  -o ${k}=${v}`)
      lines.push(`${p.address}:${port} inet n - n - - smtpd${o.join('')}\n`)
    }
  }
  return lines.join('')
}

function mainCf(labDir: string, pf: string, fallback: CertPaths | undefined): string {
  const noMail = 'error:the mailsetup test lab delivers no mail'
  return `# mailsetup test lab
compatibility_level = 3.6
queue_directory = ${pf}/queue
data_directory = ${pf}/data
command_directory = /usr/sbin
daemon_directory = /usr/lib/postfix/sbin
meta_directory = /etc/postfix
shlib_directory = /usr/lib/postfix
mail_owner = postfix
setgid_group = postdrop
maillog_file = ${pf}/postfix.log
maillog_file_prefixes = ${labDir}
myhostname = full.lab.test
mydomain = lab.test
myorigin = $myhostname
mydestination =
relay_domains =
local_recipient_maps =
alias_maps =
alias_database =
mynetworks = 127.0.0.1/32
inet_interfaces = loopback-only
inet_protocols = ipv4
default_transport = ${noMail}
relay_transport = ${noMail}
local_transport = ${noMail}
smtpd_relay_restrictions = reject_unauth_destination
smtpd_recipient_restrictions = reject_unauth_destination
smtpd_banner = $myhostname ESMTP Postfix (mailsetup lab)
biff = no
smtpd_sasl_type = dovecot
smtpd_sasl_path = inet:${SASL_ADDRESS}:${SASL_PORT}
smtpd_sasl_auth_enable = no
smtpd_tls_security_level = may
smtpd_tls_loglevel = 1
${fallback ? `smtpd_tls_cert_file = ${fallback.cert}\nsmtpd_tls_key_file = ${fallback.key}\n` : ''}`
}

function postfixIds(): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', 'postfix'], { encoding: 'utf8' }).trim())
  const gid = Number(execFileSync('id', ['-g', 'postfix'], { encoding: 'utf8' }).trim())
  return { uid, gid }
}

export async function writePostfixConfig(
  labDir: string,
  profiles: ProfileSpec[],
  certs: Map<string, CertPaths>,
): Promise<PostfixInstance> {
  const pf = join(labDir, 'pf')
  await mkdir(join(pf, 'queue'), { recursive: true, mode: 0o755 })
  await mkdir(join(pf, 'data'), { recursive: true, mode: 0o700 })
  const { uid, gid } = postfixIds()
  await chown(join(pf, 'data'), uid, gid)
  await writeFile(join(pf, 'main.cf'), mainCf(labDir, pf, certs.get('full')))
  await writeFile(join(pf, 'master.cf'), masterCf(profiles, certs))
  const endpoints = profiles.flatMap((p) =>
    p.ports.filter((x) => SMTP_PORTS.includes(x)).map((port) => ({ address: p.address, port })),
  )
  return {
    dir: pf,
    log: join(pf, 'postfix.log'),
    pidFile: join(pf, 'queue', 'pid', 'master.pid'),
    endpoints,
  }
}

export async function startPostfix(pf: PostfixInstance): Promise<void> {
  await allowConfigDir(pf.dir)
  await startDaemon('/usr/sbin/postfix', ['-c', pf.dir, 'start'], join(pf.dir, 'postfix.start.log'))
}

/** `postfix stop`; returns the master's pid (read first) so the caller can wait for it. */
export async function stopPostfix(pf: PostfixInstance): Promise<number | undefined> {
  const pid = await readPid(pf.pidFile)
  await tryRun('/usr/sbin/postfix', ['-c', pf.dir, 'stop'])
  return pid
}
