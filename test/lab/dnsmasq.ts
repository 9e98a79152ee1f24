/** dnsmasq as the lab's DNS server for lab.test, example.test and the other .test domains. */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  DELAYED,
  DNS_ADDRESS,
  DNS_PORT,
  FILTERED,
  GUESSED,
  MX_RECORDS,
  PROFILE_LIST,
  WEB_HOSTS,
} from './layout.ts'
import { readPid } from './procs.ts'
import { startDaemon } from './run.ts'
import type { Endpoint } from './wait-port.ts'

export interface DnsmasqInstance {
  conf: string
  log: string
  pidFile: string
  endpoints: Endpoint[]
}

/** Names resolving to private or reserved addresses, for target-guard tests (no server). */
const GUARD_RECORDS: [string, string][] = [
  ['private10.lab.test', '10.0.0.1'],
  ['private192.lab.test', '192.168.1.1'],
  ['private172.lab.test', '172.16.0.1'],
  ['loop.lab.test', '127.0.0.1'],
  ['meta.lab.test', '169.254.169.254'],
  ['cgnat.lab.test', '100.64.0.1'],
  ['zero.lab.test', '0.0.0.0'],
  ['bcast.lab.test', '255.255.255.255'],
  ['mcast.lab.test', '224.0.0.1'],
  ['v6.lab.test', '::1'],
  ['v6loop.lab.test', '::1'],
  ['ula.lab.test', 'fd00::1'],
  ['linklocal6.lab.test', 'fe80::1'],
  ['mapped.lab.test', '::ffff:10.0.0.1'],
  ['nat64.lab.test', '64:ff9b::a00:1'],
  ['sixto4.lab.test', '2002:a00:1::1'],
  ['teredo.lab.test', '2001:0:4136:e378:8000:63bf:f5ff:fffe'],
  ['mixed.lab.test', '127.0.10.1'],
  ['mixed.lab.test', '10.0.0.1'],
]

export function dnsmasqConfig(dir: string): string {
  const lines = [
    '# mailsetup test lab',
    `listen-address=${DNS_ADDRESS}`,
    `port=${DNS_PORT}`,
    'bind-interfaces',
    'no-resolv',
    'no-hosts',
    'no-poll',
    'local=/test/',
    'user=root',
    'group=root',
    `pid-file=${join(dir, 'dnsmasq.pid')}`,
    `log-facility=${join(dir, 'dnsmasq.log')}`,
    'log-queries',
  ]
  for (const p of PROFILE_LIST) {
    for (const name of [p.name, ...p.aliases]) lines.push(`host-record=${name},${p.address}`)
  }
  for (const [name, addr] of GUARD_RECORDS) lines.push(`host-record=${name},${addr}`)
  for (const web of Object.values(WEB_HOSTS)) {
    for (const name of web.names) lines.push(`host-record=${name},${web.address}`)
  }
  lines.push(`host-record=${DELAYED.name},${DELAYED.address}`)
  for (const name of GUESSED.names) lines.push(`host-record=${name},${GUESSED.address}`)
  lines.push(`mx-host=${GUESSED.domain},${GUESSED.mx},10`)
  // A wildcard, as many domains have: autoconfig.filtered.lab.test lands there too.
  lines.push(`address=/${FILTERED.name}/${FILTERED.address}`)
  for (const [domain, host] of Object.entries(MX_RECORDS))
    lines.push(`mx-host=${domain},${host},10`)
  lines.push(
    'mx-host=example.test,mail.example.test,10',
    'srv-host=_imaps._tcp.example.test,mail.example.test,993,0,1',
    'srv-host=_submission._tcp.example.test,mail.example.test,587,0,1',
    'srv-host=_pop3._tcp.example.test,.,0,0,0', // "0 0 0 .": service not offered
    'txt-record=noaddr.lab.test,"this name has no address"',
  )
  return `${lines.join('\n')}\n`
}

export async function writeDnsmasqConfig(labDir: string): Promise<DnsmasqInstance> {
  const conf = join(labDir, 'dnsmasq.conf')
  await writeFile(conf, dnsmasqConfig(labDir))
  return {
    conf,
    log: join(labDir, 'dnsmasq.log'),
    pidFile: join(labDir, 'dnsmasq.pid'),
    endpoints: [{ address: DNS_ADDRESS, port: DNS_PORT }],
  }
}

export async function startDnsmasq(d: DnsmasqInstance): Promise<void> {
  await startDaemon(
    '/usr/sbin/dnsmasq',
    [`--conf-file=${d.conf}`],
    d.log.replace(/\.log$/, '.start.log'),
  )
}

/** Sends SIGTERM; returns the pid so the caller can wait for it. */
export async function stopDnsmasq(d: DnsmasqInstance): Promise<number | undefined> {
  const pid = await readPid(d.pidFile)
  if (pid !== undefined) {
    try {
      process.kill(pid, 'SIGTERM')
    } catch {
      // already gone
    }
  }
  return pid
}
