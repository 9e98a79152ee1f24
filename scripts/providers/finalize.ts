/**
 * @module
 * Turns merged drafts into validated provider entries: derives status, adds the bilingual
 * hints every provider needing a special credential must carry, and drops duplicate servers.
 */
import {
  isPlaintextOnly,
  ProviderSchema,
  type Hint,
  type LocalizedText,
  type Provider,
} from '../../src/providers/index.ts'
import type { Draft } from './merge.ts'
import type { Fix, ServerInput } from './types.ts'

/** Generic hints, used when no source or the overlay gives a specific one in both languages. */
export const GENERIC_HINTS = {
  'app-password': {
    en: 'Sign in with an app password, not your account password. Create one in the provider’s account security settings (two-step verification may have to be turned on first).',
    'zh-CN':
      '请使用应用专用密码登录，而不是账户密码。请在服务商的账户安全设置中生成（可能需要先开启两步验证）。',
  },
  'authorization-code': {
    en: 'Sign in with an authorization code (授权码), not your login password: enable IMAP/SMTP in the webmail settings and generate the code there.',
    'zh-CN':
      '请使用授权码登录，而不是网页登录密码：先在网页版邮箱设置中开启 IMAP/SMTP 服务，再生成授权码。',
  },
  'oauth2-only': {
    en: 'This provider accepts only OAuth2 sign-in (through its own web page). Mail clients that only ask for a password cannot connect, and this service cannot test a password login.',
    'zh-CN':
      '该服务商只接受 OAuth2 登录（在其网页上授权）。只能输入密码的邮件客户端无法连接，本服务也无法测试密码登录。',
  },
  unknown: {
    en: 'We could not confirm every setting for this provider (the password it expects, or a server’s port or encryption). Treat these settings as unverified.',
    'zh-CN':
      '我们未能确认该服务商的全部设置（所需密码类型，或服务器端口、加密方式），请将这些设置视为未经核实。',
  },
  insecure: {
    en: 'This provider’s servers offer only unencrypted connections, so your password would cross the network in clear text. Not recommended.',
    'zh-CN': '该服务商的服务器只提供未加密连接，密码会以明文在网络上传输，不推荐使用。',
  },
  broken: {
    en: 'Known not to work with password-based mail clients at the moment.',
    'zh-CN': '目前已知无法用基于密码的邮件客户端登录。',
  },
} satisfies Record<string, Required<LocalizedText>>

/**
 * Other mail programs and the provider lists of other projects: users of this service never read
 * about them (the issue: "no answer mentions another app's name"). Their names stay in `sources`,
 * which credit the data, and in the maintainers' `notes`.
 */
export const OTHER_APPS = /delta ?chat|fairemail|mailcore|mutt-?wizard|nylas|k-9|thunderbird/i

const bilingual = (hints: Hint[], kind: Hint['kind']) =>
  hints.some((h) => h.kind === kind && h.text['zh-CN'] && h.text.en)

const dedupe = (list: ServerInput[] | undefined) =>
  (list ?? []).filter(
    (s, i, all) =>
      all.findIndex((o) => o.host === s.host && o.port === s.port && o.security === s.security) ===
      i,
  )

/**
 * A host's note that names another app moves to the maintainers' notes, so answers (which show
 * the servers with their notes) never do.
 */
const withoutAppNotes = <T extends { note?: string }>(list: T[], notes: string[]): T[] =>
  list.map((s) => {
    if (!s.note || !OTHER_APPS.test(s.note)) return s
    const { note, ...rest } = s
    notes.push(note)
    return rest as T
  })

/** Builds and validates one provider from a draft; throws naming the provider on bad data. */
export const finalizeDraft = (d: Draft): Provider => {
  const p = d.patch
  const credential = p.credential ?? 'account-password'
  const notes = [...(p.notes ?? [])]
  const servers = {
    imap: withoutAppNotes(dedupe(p.servers.imap), notes),
    pop3: withoutAppNotes(dedupe(p.servers.pop3), notes),
    smtp: withoutAppNotes(dedupe(p.servers.smtp), notes),
  }
  const unverified = withoutAppNotes(p.unverified ?? [], notes)
  const hints: Hint[] = [...(p.hints ?? [])]
  const status =
    p.status ??
    (credential === 'oauth2-only'
      ? 'broken'
      : credential === 'app-password' || credential === 'authorization-code'
        ? 'preparation'
        : 'ok')
  const add = (kind: Hint['kind'], text: Required<LocalizedText>) => {
    if (!bilingual(hints, kind)) hints.unshift({ kind, text })
  }
  if (
    credential === 'app-password' ||
    credential === 'authorization-code' ||
    credential === 'oauth2-only'
  ) {
    add('credential', GENERIC_HINTS[credential])
  }
  if (status === 'broken' && credential !== 'oauth2-only' && !p.clientAccess) {
    add('status', GENERIC_HINTS.broken)
  }
  const confidence = p.confidence ?? 'medium'
  if (
    credential === 'unknown' ||
    confidence === 'low' ||
    confidence === 'none' ||
    p.unverified?.length
  ) {
    add('unknown', GENERIC_HINTS.unknown)
  }
  const draft = {
    ...p,
    notes,
    unverified,
    id: d.id,
    domains: d.domains,
    mx: d.mx,
    servers,
    credential,
    status,
    hints,
    confidence,
  }
  if (isPlaintextOnly({ servers })) {
    add('security', GENERIC_HINTS.insecure)
  }
  // What users read must exist in both languages, so a zh-CN answer is never English, German
  // or Russian text from a source: a build rule, not a habit.
  const naming = [
    ...hints.map((h) => h.text.en),
    ...hints.map((h) => h.text['zh-CN'] ?? ''),
    ...(p.enable ? [p.enable.steps.en, p.enable.steps['zh-CN'] ?? ''] : []),
    ...(p.clientAccess ? [p.clientAccess.instead.en, p.clientAccess.instead['zh-CN'] ?? ''] : []),
    ...(p.accountId ? [p.accountId.label.en, p.accountId.label['zh-CN'] ?? ''] : []),
  ].find((t) => OTHER_APPS.test(t))
  if (naming) {
    throw new Error(
      `provider ${d.id} (${d.refs.join(', ')}): text users read names another app: "${naming.slice(0, 80)}"`,
    )
  }
  if (p.accountId && !hints.some((h) => h.kind === 'credential' && h.text['zh-CN'])) {
    throw new Error(
      `provider ${d.id}: accountId needs a bilingual credential hint saying what to type as the username`,
    )
  }
  const untranslated = [
    ...hints.filter((h) => !h.text['zh-CN']).map((h) => `hint "${h.text.en.slice(0, 60)}"`),
    ...(p.enable && !p.enable.steps['zh-CN'] ? ['enable steps'] : []),
    ...(p.clientAccess && !p.clientAccess.instead['zh-CN'] ? ['clientAccess.instead'] : []),
    ...(p.accountId && !p.accountId.label['zh-CN'] ? ['accountId.label'] : []),
  ]
  if (untranslated.length) {
    throw new Error(
      `provider ${d.id} (${d.refs.join(', ')}): no zh-CN text for ${untranslated.join(', ')}; ` +
        'add it in data/providers-overlay.yaml or data/providers/*.yaml',
    )
  }
  const result = ProviderSchema.safeParse(draft)
  if (!result.success) {
    const issue = result.error.issues[0]
    throw new Error(
      `provider ${d.id} (${d.refs.join(', ')}): ${issue?.path.join('.')}: ${issue?.message}`,
    )
  }
  return result.data
}

const hasServers = (p: Provider) =>
  p.servers.imap.length + p.servers.pop3.length + p.servers.smtp.length > 0

/**
 * Drops entries that would answer with no settings: no servers and no `clientAccess` saying what
 * to do instead. Discovery (autoconfig, MX, SRV, guessing) then runs for their domains. Hosts
 * named without a port (`unverified`) do not count as settings.
 */
export const dropEmpty = (providers: Provider[]): { kept: Provider[]; dropped: Fix[] } => {
  const dropped: Fix[] = []
  const kept = providers.filter((p) => {
    if (hasServers(p) || p.clientAccess) return true
    dropped.push({
      ref: p.id,
      what: `entry dropped: no servers in any source (${p.domains.join(', ') || 'no domains'}); discovery answers instead`,
    })
    return false
  })
  return { kept, dropped }
}
