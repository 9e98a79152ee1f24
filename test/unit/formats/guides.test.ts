import { describe, expect, it } from 'vitest'
import { emptySettings } from '../../../src/diagnose/account-settings.ts'
import {
  CLIENTS,
  CLIENT_IDS,
  MESSAGES,
  OAUTH_CLIENTS,
  SOURCES,
  isUnconfirmed,
  renderGuide,
  type Guide,
} from '../../../src/guides/index.ts'
import { recommend } from '../../../src/recommend/index.ts'
import { OAUTH_CLIENTS as SIGN_IN_CLIENTS } from '../../../src/recommend/oauth-clients.ts'
import { settings } from './fixture.ts'
import { LANGS } from '../../../src/model/domain.ts'

/** Every string anywhere in a guide. */
const strings = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : Array.isArray(value)
      ? value.flatMap(strings)
      : value && typeof value === 'object'
        ? Object.values(value).flatMap(strings)
        : []

const assertComplete = (guide: Guide) => {
  for (const text of strings(guide)) {
    expect(text, `${guide.client}/${guide.lang}`).not.toMatch(/\{[A-Za-z]+\}/)
    expect(text, `${guide.client}/${guide.lang}`).not.toMatch(/%EMAIL[A-Z]*%/)
    expect(text, `${guide.client}/${guide.lang}`).not.toContain('undefined')
  }
  for (const step of guide.steps) {
    expect(step.text.trim()).not.toBe('')
    for (const v of step.values) {
      expect(v.label.trim()).not.toBe('')
      expect(v.value.trim()).not.toBe('')
    }
  }
  expect(guide.steps.some((s) => s.kind === 'test')).toBe(true)
  expect(guide.clientVersion.trim()).not.toBe('')
  expect(guide.unconfirmedNote === null).toBe(guide.steps.every((s) => !s.unconfirmed))
  expect(guide.protocolChoice).not.toBe('')
  expect(guide.errors.map((e) => e.code)).toContain('AUTH_FAILED')
}

describe('every client × protocol × language renders completely', () => {
  for (const client of CLIENT_IDS) {
    for (const protocol of ['imap', 'pop3'] as const) {
      for (const lang of LANGS) {
        it(`${client} ${protocol} ${lang}`, async () => {
          const guide = renderGuide(client, await settings('ann@qq.com'), { lang, protocol })
          expect(guide.protocol).toBe(protocol)
          expect(guide.incoming?.host).toBe(protocol === 'imap' ? 'imap.qq.com' : 'pop.qq.com')
          expect(guide.notices).toEqual([])
          assertComplete(guide)
          // The values a person types are in the steps: host, port, the client's encryption
          // label and the credential.
          const shown = guide.steps.flatMap((st) => [st.text, ...st.values.map((v) => v.value)])
          const text = shown.join('\n')
          expect(text).toContain(guide.incoming?.host)
          expect(text).toContain(String(guide.incoming?.port))
          expect(text).toContain(guide.incoming?.securityLabel)
          expect(text).toContain(guide.outgoing?.host)
          expect(text).toContain(guide.credential.name)
        })
      }
    }
  }

  it.each(CLIENT_IDS)(
    '%s renders for an unknown domain with a notice and placeholders for values',
    (client) => {
      for (const lang of LANGS) {
        const guide = renderGuide(client, emptySettings('ann@unknown.example', 'unknown.example'), {
          lang,
        })
        expect(guide.incoming).toBeNull()
        expect(guide.notices.length).toBeGreaterThan(0)
        assertComplete(guide)
      }
    },
  )
})

describe('guide content', () => {
  it('names the encryption the way the client does and the 授权码 for QQ', async () => {
    const s = await settings('ann@qq.com')
    const foxmail = renderGuide('foxmail', s, { lang: 'zh-CN' })
    expect(foxmail.credential).toMatchObject({ kind: 'authorization-code', name: '授权码' })
    expect(foxmail.incoming?.securityLabel).toBe('勾选 SSL')
    const tb = renderGuide('thunderbird', s, { lang: 'en' })
    expect(tb.steps.find((st) => st.id === 'incoming')?.values).toContainEqual({
      label: 'Connection security',
      value: 'SSL/TLS',
    })
    expect(tb.steps.every((st) => !st.unconfirmed)).toBe(true)
    expect(tb.unconfirmedNote).toBeNull()
    expect(foxmail.unconfirmedNote).toContain('未能与客户端界面核对')
    expect(foxmail.steps.find((st) => st.id === 'email')?.text).toContain(
      '授权码（不是QQ邮箱的登录密码）',
    )
  })

  it('explains a 535 at 163.com as the authorization code not being used', async () => {
    const guide = renderGuide('outlook', await settings('li@163.com'), { lang: 'zh-CN' })
    const auth = guide.errors.find((e) => e.code === 'AUTH_FAILED')
    expect(auth?.symptom).toContain('535')
    expect(auth?.fix).toContain('授权码')
    expect(auth?.fix).toContain('网易邮箱')
    expect(guide.hints.join('\n')).toContain('授权码')
  })

  it('explains the login-test codes the credential makes likely, in both languages', async () => {
    const qq = await settings('li@qq.com')
    const zh = renderGuide('foxmail', qq, { lang: 'zh-CN' })
    const code = zh.errors.find((e) => e.code === 'AUTH_AUTHORIZATION_CODE_REQUIRED')
    expect(code?.symptom).toContain('授权码')
    expect(code?.fix).toContain('QQ邮箱')
    expect(zh.errors.map((e) => e.code)).toContain('SERVICE_NOT_ENABLED')
    const en = renderGuide('foxmail', qq, { lang: 'en' })
    expect(en.errors.find((e) => e.code === 'AUTH_AUTHORIZATION_CODE_REQUIRED')?.fix).toContain(
      'authorization code',
    )
    const gmail = renderGuide('thunderbird', await settings('ann@gmail.com'), { lang: 'en' })
    const codes = gmail.errors.map((e) => e.code)
    expect(codes).not.toContain('AUTH_AUTHORIZATION_CODE_REQUIRED')
    expect(codes.some((c) => c === 'AUTH_APP_PASSWORD_REQUIRED' || c === 'AUTH_OAUTH_ONLY')).toBe(
      true,
    )
  })

  it('defaults to IMAP, falls back with a notice when POP3 is not offered, and adds POP3-only steps', async () => {
    const icloud = await settings('ann@icloud.com')
    expect(renderGuide('thunderbird', icloud, { lang: 'en' }).protocol).toBe('imap')
    const fallback = renderGuide('thunderbird', icloud, { lang: 'en', protocol: 'pop3' })
    expect(fallback.protocol).toBe('imap')
    expect(fallback.notices).toContain(
      'POP3 is not offered for this address; this guide uses IMAP.',
    )
    const pop = renderGuide('thunderbird', await settings('ann@qq.com'), {
      lang: 'en',
      protocol: 'pop3',
    })
    expect(pop.steps.map((st) => st.id)).toContain('pop3-keep')
  })

  it('tells Outlook users to change the user name when it is not the address', async () => {
    const guide = renderGuide('outlook', await settings('ann@icloud.com'), { lang: 'en' })
    expect(guide.steps.find((st) => st.id === 'username')?.text).toContain('ann')
    const qq = renderGuide('outlook', await settings('ann@qq.com'), { lang: 'en' })
    expect(qq.steps.map((st) => st.id)).not.toContain('username')
  })

  it('never recommends the plaintext server the overlay also lists', async () => {
    const guide = renderGuide('thunderbird', await settings('dev@corp.example'), { lang: 'en' })
    expect(guide.incoming).toMatchObject({ port: 993, security: 'tls' })
    expect(guide.outgoing).toMatchObject({ port: 587, securityLabel: 'STARTTLS', username: 'dev' })
    expect(guide.errors.map((e) => e.code)).not.toContain('STARTTLS_UNSUPPORTED')
  })
})

/** Quoted labels: “…” in both languages. */
const QUOTED = /“[^”]+”/

describe('every step has a source or wording that does not depend on the label', () => {
  for (const client of CLIENT_IDS) {
    for (const lang of LANGS) {
      it(`${client} ${lang}`, () => {
        for (const step of CLIENTS[client].steps) {
          const sources = step.sources?.[lang] ?? []
          for (const src of sources) {
            expect(src.url).toMatch(/^https:\/\//)
            expect(src.read).toMatch(/^\d{4}-\d{2}-\d{2}$/)
          }
          if (isUnconfirmed(step, lang)) {
            // Only literal product names may stand in quotes; screen labels may not.
            expect(MESSAGES[lang][step.text], `${client}/${step.id}`).not.toMatch(QUOTED)
          }
        }
      })
    }
  }
})

/** Four or more Latin words in a row: an English sentence, not a product name or a code. */
const ENGLISH_RUN = /[A-Za-z]+(?:[ ,'’]+[A-Za-z]+){3,}/

describe('the Chinese guides contain no untranslated English', () => {
  const own = (guide: Guide) => [
    guide.clientName,
    guide.clientVersion,
    guide.protocolChoice,
    ...guide.notices,
    guide.credential.name,
    guide.credential.text,
    ...guide.steps.flatMap((st) => [st.text, ...st.values.flatMap((v) => [v.label, v.value])]),
    guide.unconfirmedNote ?? '',
    ...guide.errors.flatMap((e) => [e.symptom, e.fix, e.clientMessage ?? '']),
  ]
  for (const address of ['ann@qq.com', 'li@163.com', 'ann@gmail.com', 'ann@outlook.com']) {
    it.each(CLIENT_IDS)(`%s for ${address}`, async (client) => {
      const s = await settings(address)
      const zh = renderGuide(client, s, { lang: 'zh-CN' })
      for (const text of own(zh)) expect(text, `${client}: ${text}`).not.toMatch(ENGLISH_RUN)
      // The detector finds English where there is some: the same guide in English.
      const en = renderGuide(client, s, { lang: 'en' })
      expect(own(en).some((text) => ENGLISH_RUN.test(text))).toBe(true)
    })
  }
})

describe('OAuth-only accounts', () => {
  it('names the guided clients that can sign in through the provider’s page', () => {
    expect(OAUTH_CLIENTS).toContain('thunderbird')
    expect(OAUTH_CLIENTS).not.toContain('foxmail')
    // The report's list and the guides' are one list: every entry is a guided client.
    for (const c of SIGN_IN_CLIENTS) expect(CLIENT_IDS as readonly string[]).toContain(c.id)
    expect(OAUTH_CLIENTS).toHaveLength(SIGN_IN_CLIENTS.length)
  })

  it('the report names those clients too, in both languages', async () => {
    const s = await settings('ann@outlook.com')
    for (const lang of LANGS) {
      const rec = recommend({
        email: s.email,
        candidates: [...s.incoming, ...s.outgoing],
        provider: s.provider,
        lang,
        probed: false,
      })
      const said = [rec.credential.text, ...rec.warnings.map((w) => w.text)].join('\n')
      expect(said).toContain('Thunderbird')
      expect(said).toContain(lang === 'en' ? 'Gmail for Android' : 'Android 版 Gmail')
      expect(said).not.toMatch(/Foxmail|邮箱大师|Mail Master/)
      expect(said).not.toMatch(/\{clients\}/)
    }
  })

  it('a client that cannot says so instead of asking for a password', async () => {
    const s = await settings('ann@outlook.com')
    expect(s.provider?.credential).toBe('oauth2-only')
    const foxmail = renderGuide('foxmail', s, { lang: 'en' })
    expect(foxmail.steps).toEqual([])
    const notice = foxmail.notices.join('\n')
    expect(notice).toContain('Foxmail cannot do that')
    expect(notice).toContain('Thunderbird')
    expect(notice).not.toContain('NetEase Mail Master')
  })

  it('a client that can gets its steps with the OAuth2 sign-in in place of a password', async () => {
    const tb = renderGuide('thunderbird', await settings('ann@outlook.com'), { lang: 'zh-CN' })
    expect(tb.steps.length).toBeGreaterThan(0)
    expect(tb.notices.join('\n')).toContain('Thunderbird支持这种方式')
    expect(tb.steps.find((st) => st.id === 'incoming')?.values).toContainEqual({
      label: '验证方式',
      value: 'OAuth2',
    })
  })
})

describe('the client’s own error wording', () => {
  it('is shown where a source gives it, in that language only', async () => {
    const s = await settings('ann@qq.com')
    const tbZh = renderGuide('thunderbird', s, { lang: 'zh-CN' })
    expect(tbZh.errors.find((e) => e.code === 'AUTH_FAILED')?.clientMessage).toBe(
      '验证失败。请检查用户名和密码',
    )
    const olEn = renderGuide('outlook', s, { lang: 'en' })
    expect(olEn.errors.find((e) => e.code === 'TCP_TIMEOUT')?.clientMessage).toContain(
      'We couldn’t connect to the incoming (IMAP) server',
    )
    const olZh = renderGuide('outlook', s, { lang: 'zh-CN' })
    expect(olZh.errors.find((e) => e.code === 'TCP_TIMEOUT')?.clientMessage).toBeUndefined()
  })
})

describe('docs/guide-sources.md', () => {
  it('lists every source a client spec cites', async () => {
    const { readFile } = await import('node:fs/promises')
    const doc = await readFile(new URL('../../../docs/guide-sources.md', import.meta.url), 'utf8')
    const cited = CLIENT_IDS.flatMap((id) => [
      ...CLIENTS[id].steps.flatMap((st) => Object.values(st.sources ?? {}).flat()),
      ...Object.values(CLIENTS[id].errorWording ?? {}).flatMap((w) =>
        Object.values(w?.sources ?? {}).flat(),
      ),
    ])
    for (const src of [...cited, ...SOURCES]) expect(doc, src.url).toContain(src.url)
  })
})
