import { describe, expect, it } from 'vitest'
import type { Guide } from '../../../src/guides/index.ts'
import { guidesRoutes } from '../../../src/routes/guides.ts'
import { settings } from '../formats/fixture.ts'

const app = guidesRoutes({ settings })

const guide = async (query: string) => {
  const res = await app.request(`/thunderbird?email=ann@exmail.qq.com&${query}`)
  expect(res.status).toBe(200)
  return (await res.json()) as Guide
}

describe('a guide for a provider with regional hosts (Tencent Exmail)', () => {
  it('outside mainland China uses hwimap/hwsmtp and names the mainland hosts', async () => {
    const g = await guide('lang=en&region=intl')
    expect(g.incoming?.host).toBe('hwimap.exmail.qq.com')
    expect(g.outgoing?.host).toBe('hwsmtp.exmail.qq.com')
    const notice = g.notices.find((n) => n.includes('imap.exmail.qq.com / smtp.exmail.qq.com'))
    expect(notice).toContain('You read your mail outside mainland China')
    expect(notice).toContain('in mainland China')
  })

  it('in mainland China uses imap.exmail.qq.com and names hwimap for elsewhere, in Chinese', async () => {
    const g = await guide('lang=zh-CN&region=cn')
    expect(g.incoming?.host).toBe('imap.exmail.qq.com')
    const notice = g.notices.find((n) => n.includes('hwimap.exmail.qq.com'))
    expect(notice).toContain('你在中国大陆境内收发邮件')
    expect(notice).toContain('中国大陆境外')
  })

  it('without a region keeps the data order and says which region the host is for', async () => {
    const g = await guide('lang=en')
    expect(g.incoming?.host).toBe('imap.exmail.qq.com')
    expect(g.notices.join(' ')).toMatch(
      /imap\.exmail\.qq\.com \/ smtp\.exmail\.qq\.com is the provider’s host for mail read in mainland China\. hwimap\.exmail\.qq\.com \/ hwsmtp\.exmail\.qq\.com/,
    )
  })

  it('no region but a time zone: the time zone’s region, and the guide says where it came from', async () => {
    const shanghai = await guide('lang=zh-CN&timeZone=Asia/Shanghai')
    expect(shanghai.incoming?.host).toBe('imap.exmail.qq.com')
    expect(shanghai.notices.join(' ')).toContain('根据浏览器的时区，你应该是在中国大陆境内收发邮件')
    const berlin = await guide('lang=en&timeZone=Europe/Berlin')
    expect(berlin.incoming?.host).toBe('hwimap.exmail.qq.com')
    expect(berlin.notices.join(' ')).toContain(
      'Your browser’s time zone suggests you read your mail outside mainland China, so this guide uses hwimap.exmail.qq.com / hwsmtp.exmail.qq.com',
    )
    // An answer wins over the time zone.
    const answered = await guide('lang=en&region=cn&timeZone=Europe/Berlin')
    expect(answered.incoming?.host).toBe('imap.exmail.qq.com')
    expect(answered.notices.join(' ')).toContain('You read your mail in mainland China')
  })

  it('a provider without regional hosts gets no region notice', async () => {
    const res = await app.request('/thunderbird?email=ann@qq.com&lang=en&region=intl')
    const g = (await res.json()) as Guide
    expect(g.incoming?.host).toBe('imap.qq.com')
    expect(g.notices.join(' ')).not.toContain('mainland China')
  })

  it('answers 400 naming region for an unknown region', async () => {
    const res = await app.request('/thunderbird?email=ann@qq.com&region=mars')
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ error: { code: 'INVALID_INPUT', field: 'region' } })
  })
})
