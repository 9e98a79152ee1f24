/**
 * A login test's proven username form on a stored report: the servers it logged in to carry
 * that form, the report's username follows its first recommended server; a failed test, a
 * username the user typed (other, account-id) or another server changes nothing.
 */
import { describe, expect, it } from 'vitest'
import { probed, server } from '../../test/fake/candidates.ts'
import type { LoginVerdict, ServerVerdict } from './login-verdict.ts'
import { withProvenUsernames } from './proven-usernames.ts'
import { buildReport } from './report.ts'

const email = 'ann@corp.example'
const imap = probed(server('imap', 'mail.corp.example', 'tls', { username: email }))
const smtp = probed(server('smtp', 'mail.corp.example', 'tls', { username: email }))
const report = buildReport(
  {
    email,
    domain: 'corp.example',
    provider: null,
    candidates: [imap, smtp],
    probes: [],
    sources: [],
  },
  { lang: 'en', probed: true },
)

const verdictOn = (c: typeof imap, over: Partial<ServerVerdict> = {}): ServerVerdict => ({
  server: { protocol: c.protocol, host: c.host, port: c.port, security: c.security },
  status: 'ok',
  code: null,
  username: 'local-part',
  ...over,
})
const verdict = (
  incoming: ServerVerdict | null,
  outgoing: ServerVerdict | null = null,
): LoginVerdict => ({ testedAt: '2026-12-01T17:00:00.000Z', incoming, outgoing })

describe('withProvenUsernames', () => {
  it('the local part logged in on both: every face of the report says it', () => {
    expect(report.recommended.incoming?.username).toBe(email)
    const out = withProvenUsernames(report, verdict(verdictOn(imap), verdictOn(smtp)))
    expect(out.recommended.incoming?.username).toBe('ann')
    expect(out.recommended.outgoing?.username).toBe('ann')
    expect(out.incoming.map((s) => s.username)).toEqual(['ann'])
    expect(out.outgoing.map((s) => s.username)).toEqual(['ann'])
    expect(out.username).toEqual({ form: 'local-part', value: 'ann' })
  })

  it('only the outgoing side tested: the incoming keeps the data’s form', () => {
    const out = withProvenUsernames(report, verdict(null, verdictOn(smtp)))
    expect(out.recommended.incoming?.username).toBe(email)
    expect(out.recommended.outgoing?.username).toBe('ann')
    expect(out.username).toEqual(report.username)
  })

  it.each([
    ['no test', null],
    ['a failed login', verdict(verdictOn(imap, { status: 'error', code: 'AUTH_FAILED' }))],
    ['a username the user typed', verdict(verdictOn(imap, { username: 'other' }))],
    ['an account ID', verdict(verdictOn(imap, { username: 'account-id' }))],
    ['another server', verdict(verdictOn({ ...imap, host: 'imap.elsewhere.example' }))],
    ['another port', verdict(verdictOn({ ...imap, port: 143, security: 'starttls' }))],
  ])('%s: the report as it was', (_name, v) => {
    expect(withProvenUsernames(report, v)).toEqual(report)
  })
})
