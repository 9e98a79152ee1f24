/** One Dovecot instance per lab profile that serves IMAP or POP3. */
import { chmod, mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { CertPaths } from './certs.ts'
import {
  IMAP,
  IMAPS,
  POP3,
  POP3S,
  SASL_ADDRESS,
  SASL_PORT,
  USERS,
  type ProfileSpec,
} from './layout.ts'
import { readPid } from './procs.ts'
import { startDaemon, tryRun } from './run.ts'
import type { Endpoint } from './wait-port.ts'

export interface DovecotInstance {
  profile: string
  conf: string
  log: string
  pidFile: string
  endpoints: Endpoint[]
}

const DOVECOT_PORTS = [IMAP, IMAPS, POP3, POP3S]

/** Does this profile need a Dovecot instance? */
export function needsDovecot(p: ProfileSpec): boolean {
  return p.ports.some((port) => DOVECOT_PORTS.includes(port))
}

function listener(name: string, port: number, p: ProfileSpec, ssl: boolean): string {
  const on = p.ports.includes(port)
  return `  inet_listener ${name} {
    address = ${p.address}
    port = ${on ? port : 0}
${ssl ? '    ssl = yes\n' : ''}  }
`
}

/**
 * `tls` and `starttls` refuse plaintext logins before TLS; `full` offers STARTTLS but does
 * not require it; `plain` has no TLS at all (and allows plaintext logins).
 */
function sslSettings(p: ProfileSpec, cert: CertPaths | undefined): string {
  if (p.cert === 'none' || !cert) return 'ssl = no\ndisable_plaintext_auth = no\n'
  const relaxed = p.profile === 'full'
  return `ssl = ${relaxed ? 'yes' : 'required'}
disable_plaintext_auth = ${relaxed ? 'no' : 'yes'}
ssl_cert = <${cert.cert}
ssl_key = <${cert.key}
ssl_min_protocol = TLSv1.2
`
}

function config(
  dir: string,
  p: ProfileSpec,
  cert: CertPaths | undefined,
  usersFile: string,
  homeDir: string,
  withSasl: boolean,
): string {
  const protocols = [
    p.ports.includes(IMAP) || p.ports.includes(IMAPS) ? 'imap' : '',
    p.ports.includes(POP3) || p.ports.includes(POP3S) ? 'pop3' : '',
  ].filter(Boolean)
  return `# mailsetup test lab: profile ${p.profile}
instance_name = mailsetup-lab-${p.profile}
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
info_log_path = ${dir}/dovecot.log
protocols = ${protocols.join(' ')}
listen = ${p.address}
hostname = ${p.name}
login_greeting = Dovecot ready.
default_internal_user = nobody
default_internal_group = nogroup
default_login_user = nobody
auth_failure_delay = 0
auth_mechanisms = plain login
auth_verbose = yes
mail_location = maildir:~/Maildir
pop3_uidl_format = %08Xu%08Xv
${sslSettings(p, cert)}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${usersFile}
}
userdb {
  driver = static
  args = uid=nobody gid=nogroup home=${homeDir}/%u
}
# No growing delay after failed logins from one address (Dovecot's auth penalty, up to 15 s):
# the login tests fail on purpose, from 127.0.0.1 (doc/wiki/Authentication.Penalty.txt).
service anvil {
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}
service imap-login {
${listener('imap', IMAP, p, false)}${listener('imaps', IMAPS, p, true)}}
service pop3-login {
${listener('pop3', POP3, p, false)}${listener('pop3s', POP3S, p, true)}}
${
  withSasl
    ? `service auth {
  inet_listener postfix-sasl {
    address = ${SASL_ADDRESS}
    port = ${SASL_PORT}
  }
}
`
    : ''
}`
}

/** Writes the users file and each profile's config; returns what to start. */
export async function writeDovecotConfigs(
  labDir: string,
  profiles: ProfileSpec[],
  certs: Map<string, CertPaths>,
  saslProfile: string,
): Promise<DovecotInstance[]> {
  const root = join(labDir, 'dovecot')
  const home = join(root, 'home')
  await mkdir(home, { recursive: true })
  // Mail processes run as nobody and create the users' homes and Maildirs here.
  await chmod(home, 0o1777)
  const usersFile = join(root, 'users')
  await writeFile(
    usersFile,
    USERS.map((u) => `${u.login ?? u.email}:{PLAIN}${u.password}\n`).join(''),
    {
      mode: 0o644,
    },
  )
  const out: DovecotInstance[] = []
  for (const p of profiles.filter(needsDovecot)) {
    const dir = join(root, p.profile)
    await mkdir(dir, { recursive: true })
    const conf = join(dir, 'dovecot.conf')
    const withSasl = p.profile === saslProfile
    await writeFile(conf, config(dir, p, certs.get(p.profile), usersFile, home, withSasl))
    const endpoints: Endpoint[] = p.ports
      .filter((port) => DOVECOT_PORTS.includes(port))
      .map((port) => ({ address: p.address, port }))
    if (withSasl) endpoints.push({ address: SASL_ADDRESS, port: SASL_PORT })
    out.push({
      profile: p.profile,
      conf,
      log: join(dir, 'dovecot.log'),
      pidFile: join(dir, 'run', 'master.pid'),
      endpoints,
    })
  }
  return out
}

export async function startDovecot(d: DovecotInstance): Promise<void> {
  await startDaemon('/usr/sbin/dovecot', ['-c', d.conf], d.log.replace(/\.log$/, '.start.log'))
}

/** `doveadm stop`; returns the master's pid (read first) so the caller can wait for it. */
export async function stopDovecot(d: DovecotInstance): Promise<number | undefined> {
  const pid = await readPid(d.pidFile)
  await tryRun('/usr/bin/doveadm', ['-c', d.conf, 'stop'])
  return pid
}
