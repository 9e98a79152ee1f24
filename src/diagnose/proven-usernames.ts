/**
 * @module
 * A login test outranks the data on the username: when the test logged in to a report's server
 * with the other form (the local part where the data says the address, or the reverse), that
 * form is what every face of the stored report shows (its settings, guides, profile and XML).
 * Only the form is kept, never the username itself, so a username the user typed themselves
 * (`other`, `account-id`) changes nothing here.
 */
import { usernameInForm } from '../providers/expand.ts'
import type { LoginVerdict, ServerVerdict } from './login-verdict.ts'
import type { Report } from './report.ts'

type Server = Report['incoming'][number]

const same = (s: Server, v: ServerVerdict['server']) =>
  s.protocol === v.protocol && s.host === v.host && s.port === v.port && s.security === v.security

/** The username a form stands for, for the forms an address alone gives. */
const valueOf = (email: string, form: ServerVerdict['username']): string | null =>
  form === 'address' || form === 'local-part' ? usernameInForm(email, form) : null

/**
 * The report with each server a login test logged in to carrying the username form that worked.
 *
 * @example
 * withProvenUsernames(report, verdict).recommended.incoming?.username // 'ann' (local part worked)
 */
export const withProvenUsernames = (report: Report, verdict: LoginVerdict | null): Report => {
  const proven = [verdict?.incoming, verdict?.outgoing].flatMap((v) => {
    if (!v || v.status !== 'ok') return []
    const username = valueOf(report.email, v.username)
    return username ? [{ server: v.server, username, form: v.username }] : []
  })
  if (proven.length === 0) return report
  const fix = <S extends Server | null>(s: S): S => {
    const hit = s && proven.find((p) => same(s, p.server))
    return hit && s ? { ...s, username: hit.username } : s
  }
  const incoming = fix(report.recommended.incoming)
  const outgoing = fix(report.recommended.outgoing)
  // The report's username is its first recommended server's: proven, it is the proven one.
  const first = report.recommended.incoming ?? report.recommended.outgoing
  const named = first && proven.find((p) => same(first, p.server))
  return {
    ...report,
    incoming: report.incoming.map(fix),
    outgoing: report.outgoing.map(fix),
    recommended: { incoming, outgoing },
    username: named ? { form: named.form, value: named.username } : report.username,
  }
}
