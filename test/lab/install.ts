/** Makes sure the lab's servers and tools are installed (installing them when root). */
import { access, constants } from 'node:fs/promises'
import { run } from './run.ts'

/** A file that proves a package is installed, and the package that brings it. */
const NEEDED: { file: string; pkg: string }[] = [
  { file: '/usr/sbin/dovecot', pkg: 'dovecot-imapd' },
  { file: '/usr/bin/doveadm', pkg: 'dovecot-imapd' },
  { file: '/usr/lib/dovecot/imap', pkg: 'dovecot-imapd' },
  { file: '/usr/lib/dovecot/pop3', pkg: 'dovecot-pop3d' },
  { file: '/usr/sbin/postfix', pkg: 'postfix' },
  { file: '/usr/sbin/dnsmasq', pkg: 'dnsmasq' },
  { file: '/usr/bin/openssl', pkg: 'openssl' },
]

async function exists(file: string): Promise<boolean> {
  try {
    await access(file, constants.X_OK)
    return true
  } catch {
    return false
  }
}

async function missingPackages(): Promise<string[]> {
  const missing = new Set<string>()
  for (const { file, pkg } of NEEDED) if (!(await exists(file))) missing.add(pkg)
  return [...missing]
}

let checked = false

export async function ensureInstalled(): Promise<void> {
  if (checked) return
  const missing = await missingPackages()
  if (missing.length > 0) {
    if (process.getuid?.() !== 0) {
      throw new Error(
        `The mail test lab needs root and these Debian packages: ${missing.join(' ')}. ` +
          `Install them with: apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y ${missing.join(' ')}`,
      )
    }
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
    await run('apt-get', ['update'], { env, timeoutMs: 300_000 })
    await run('apt-get', ['install', '-y', ...missing], { env, timeoutMs: 600_000 })
    const still = await missingPackages()
    if (still.length > 0) throw new Error(`apt-get install did not provide: ${still.join(' ')}`)
  }
  if (process.getuid?.() !== 0) {
    throw new Error(
      'The mail test lab must run as root (it binds ports below 1024 and edits /etc/postfix/main.cf).',
    )
  }
  checked = true
}
