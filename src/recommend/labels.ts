/**
 * @module
 * Names of servers, sources and probe problems as they appear inside reason texts.
 */
import type { CandidateServer, ServerSource } from '../discovery/types.ts'
import { type ProbeCode, messageFor } from '../errors/table.ts'
import { CERT_PROBLEM_NAMES, SOURCE_LABELS, type Localized } from './texts.ts'

const PROTOCOL_NAMES = { imap: 'IMAP', pop3: 'POP3', smtp: 'SMTP' } as const

/**
 * A server as a user reads it.
 *
 * @example
 * serverLabel({ protocol: 'imap', host: 'imap.qq.com', port: 993, ... }) // 'IMAP imap.qq.com:993'
 */
export const serverLabel = (c: Pick<CandidateServer, 'protocol' | 'host' | 'port'>): string =>
  `${PROTOCOL_NAMES[c.protocol]} ${c.host}:${c.port}`

/**
 * A host as a sentence about the provider's alternatives names it: the name alone first, so that
 * nobody types `host:port` into a client's server field.
 *
 * @example
 * choiceLabel({ protocol: 'imap', host: 'hwimap.exmail.qq.com', port: 993 }).en // 'hwimap.exmail.qq.com (IMAP, port 993)'
 */
export const choiceLabel = (c: Pick<CandidateServer, 'protocol' | 'host' | 'port'>): Localized => ({
  en: `${c.host} (${PROTOCOL_NAMES[c.protocol]}, port ${c.port})`,
  'zh-CN': `${c.host}（${PROTOCOL_NAMES[c.protocol]}，端口 ${c.port}）`,
})

/** Words or names joined as “a and b” in each language. */
export const joinLocalized = (items: readonly (string | Localized)[]): Localized => {
  const of = (lang: keyof Localized) => items.map((i) => (typeof i === 'string' ? i : i[lang]))
  // A label that ends in a full-width bracket takes no space before 和.
  const zh = of('zh-CN').reduce((acc, next) =>
    acc.endsWith('）') ? `${acc}和 ${next}` : `${acc} 和 ${next}`,
  )
  return { en: of('en').join(' and '), 'zh-CN': zh }
}

/** A probe code's plain-language message, in both languages. */
export const problemMessage = (code: ProbeCode | null | undefined): Localized => {
  return messageFor(code ?? 'PROBE_FAILED')
}

const isCertCode = (code: string): code is keyof typeof CERT_PROBLEM_NAMES =>
  code.startsWith('TLS_CERT_') && Object.hasOwn(CERT_PROBLEM_NAMES, code)

/** The short name of a certificate problem, e.g. 'the certificate has expired'. */
export const certProblemName = (code: ProbeCode | null | undefined): Localized =>
  code && isCertCode(code) ? CERT_PROBLEM_NAMES[code] : CERT_PROBLEM_NAMES.other

/** A list of servers, joined as each language joins a list. */
export const serverList = (
  servers: readonly Pick<CandidateServer, 'protocol' | 'host' | 'port'>[],
): Localized => {
  const names = servers.map(serverLabel)
  return { en: names.join(', '), 'zh-CN': names.join('、') }
}

/** The distinct sources of some servers, in words, joined. */
export const sourcesLabel = (sources: readonly ServerSource[]): Localized => {
  const types = [...new Set(sources.map((s) => s.type))]
  return {
    en: types.map((t) => SOURCE_LABELS[t].en).join(', '),
    'zh-CN': types.map((t) => SOURCE_LABELS[t]['zh-CN']).join('、'),
  }
}
