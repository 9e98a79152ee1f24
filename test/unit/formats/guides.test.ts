import { describe, expect, it } from 'vitest'
import { emptySettings } from '../../../src/formats/settings.ts'
import { CLIENT_IDS, renderGuide, type Guide } from '../../../src/guides/index.ts'
import { LANGS } from '../../../src/providers/index.ts'
import { settings } from './fixture.ts'

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
    expect(tb.steps.find((st) => st.id === 'incoming')?.unconfirmed).toBe(true)
    expect(tb.steps.find((st) => st.id === 'open')?.unconfirmed).toBe(false)
  })

  it('explains a 535 at 163.com as the authorization code not being used', async () => {
    const guide = renderGuide('outlook', await settings('li@163.com'), { lang: 'zh-CN' })
    const auth = guide.errors.find((e) => e.code === 'AUTH_FAILED')
    expect(auth?.symptom).toContain('535')
    expect(auth?.fix).toContain('授权码')
    expect(auth?.fix).toContain('网易邮箱')
    expect(guide.hints.join('\n')).toContain('授权码')
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
