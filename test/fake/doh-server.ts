/**
 * A local DNS-over-HTTPS server speaking the JSON API (GET ?name=&type=, answering
 * application/dns-json), from a zone of records, for the DoH resolver's tests under Node and
 * workerd. Names the zone lacks are NXDOMAIN; a `status` entry answers another RCODE.
 */
import http from 'node:http'
import type net from 'node:net'

export interface DohZoneEntry {
  /** Records by type: [data, ttl] pairs, data as the JSON API writes it. */
  records?: Partial<Record<'A' | 'AAAA' | 'MX' | 'SRV' | 'TXT' | 'CNAME', Array<[string, number]>>>
  /** The DNSSEC AD flag on every answer for the name. */
  ad?: boolean
  /** Another RCODE for the name (2 SERVFAIL, 5 REFUSED); 0 by default. */
  status?: number
  /** Silence this long before answering (a slow resolver). */
  delayMs?: number
}

export interface DohServer {
  url: string
  /** Every query received, as `name type`, and the Accept header it carried. */
  queries: Array<{ name: string; type: string; accept: string | undefined }>
  close(): Promise<void>
}

const TYPE_NUMBERS = { A: 1, AAAA: 28, MX: 15, SRV: 33, TXT: 16, CNAME: 5 } as const

export const startDohServer = async (zone: Record<string, DohZoneEntry>): Promise<DohServer> => {
  const queries: DohServer['queries'] = []
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://doh.test')
    const name = (url.searchParams.get('name') ?? '').replace(/\.$/, '').toLowerCase()
    const type = (url.searchParams.get('type') ?? 'A') as keyof typeof TYPE_NUMBERS
    queries.push({ name, type, accept: req.headers.accept })
    const entry = zone[name]
    const answer: Array<{ name: string; type: number; TTL: number; data: string }> = []
    for (const kind of ['CNAME', type] as const) {
      for (const [data, ttl] of entry?.records?.[kind] ?? []) {
        answer.push({ name: `${name}.`, type: TYPE_NUMBERS[kind], TTL: ttl, data })
      }
    }
    const body = {
      Status: entry ? (entry.status ?? 0) : 3,
      TC: false,
      RD: true,
      RA: true,
      AD: entry?.ad ?? false,
      CD: false,
      Question: [{ name: `${name}.`, type: TYPE_NUMBERS[type] }],
      ...(answer.length > 0 ? { Answer: answer } : {}),
    }
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'application/dns-json' })
      res.end(JSON.stringify(body))
    }, entry?.delayMs ?? 0)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  return {
    url: `http://127.0.0.1:${port}/dns-query`,
    queries,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** The zone the resolver tests share (Node and workerd). */
export const TEST_ZONE: Record<string, DohZoneEntry> = {
  'mail.example.org': {
    records: {
      A: [['93.184.215.14', 300]],
      AAAA: [['2606:2800:21f:cb07:6820:80da:af6b:8b2c', 120]],
    },
    ad: true,
  },
  'example.org': {
    records: {
      MX: [
        ['20 mx2.example.org.', 3600],
        ['10 mx1.example.org.', 3600],
      ],
      TXT: [['"v=spf1 include:_spf.example.org " "-all"', 600]],
    },
  },
  '_imaps._tcp.example.org': { records: { SRV: [['0 1 993 imap.example.org.', 900]] } },
  '_pop3._tcp.example.org': { records: { SRV: [['0 0 0 .', 900]] } },
  'alias.example.org': {
    records: { CNAME: [['mail.example.org.', 60]], A: [['93.184.215.14', 300]] },
  },
  'inside.example.org': { records: { A: [['10.1.2.3', 300]] } },
  'broken.example.org': { status: 2 },
  'slow.example.org': { records: { A: [['93.184.215.20', 300]] }, delayMs: 4_000 },
  'nomail.example.org': { records: { A: [['93.184.215.30', 300]] } },
}
