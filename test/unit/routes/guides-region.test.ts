import { describe, expect, it } from 'vitest'
import type { Resolver } from '../../../src/dns/resolver.ts'
import { ProbeError } from '../../../src/errors/probe-error.ts'
import type { Guide } from '../../../src/guides/index.ts'
import { CLIENT_IDS } from '../../../src/guides/types.ts'
import { GuideSchema } from '../../../src/openapi/schemas.ts'
import { guidesRoutes } from '../../../src/routes/guides.ts'
import { createTestApp } from '../../fake/test-app.ts'
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

describe('a guide without a stored report measures nothing, and says so', () => {
  const HOSTS = 'imap.exmail.qq.com / smtp.exmail.qq.com'
  const ALTERNATIVES = 'hwimap.exmail.qq.com / hwsmtp.exmail.qq.com'
  const notMeasured = (g: Guide) =>
    g.notices.find(
      (n) => n.startsWith('This service has not measured') || n.startsWith('本服务没有测量'),
    )

  it.each([
    ['lang=en&region=cn', 'the host is chosen only by where you said you read your mail'],
    ['lang=en&timeZone=Asia/Shanghai', 'the host is chosen only by your browser’s time zone'],
    ['lang=en', 'the host is simply the one the provider lists first'],
  ])('%s: the hosts, the alternatives and what the choice rests on', async (query, basis) => {
    const g = await guide(query)
    expect(notMeasured(g)).toBe(
      `This service has not measured the connection to ${HOSTS} or ${ALTERNATIVES}: ${basis}. A check of the address with the servers tested live also times a few handshakes with each (from this service’s location, not yours).`,
    )
    // After the notice that names the region and the alternative, never before it.
    const regionAt = g.notices.findIndex((n) => n.includes(ALTERNATIVES) && n !== notMeasured(g))
    expect(regionAt).toBeGreaterThanOrEqual(0)
    expect(g.notices.indexOf(notMeasured(g) ?? '')).toBe(regionAt + 1)
  })

  it('in Chinese, outside mainland China by the time zone', async () => {
    const g = await guide('lang=zh-CN&timeZone=Europe/Berlin')
    expect(g.incoming?.host).toBe('hwimap.exmail.qq.com')
    expect(notMeasured(g)).toBe(
      `本服务没有测量 ${ALTERNATIVES} 或 ${HOSTS} 的连接情况：服务器仅按浏览器的时区选择。对该地址进行检测并实时检测服务器时，本服务还会与每台服务器握手几次并计时（从本服务所在的位置，而不是你的位置）。`,
    )
  })

  it('a provider without alternatives says nothing about measuring', async () => {
    const res = await app.request('/thunderbird?email=ann@qq.com&lang=en&timeZone=Asia/Shanghai')
    const g = (await res.json()) as Guide
    expect(notMeasured(g)).toBeUndefined()
  })

  it('the app’s guide endpoint resolves no host and opens no connection for it', async () => {
    const asked: string[] = []
    const resolver: Resolver = {
      addresses: async (name) => {
        asked.push(name)
        throw new ProbeError('DNS_NXDOMAIN', name)
      },
      mx: async (name) => {
        asked.push(`mx ${name}`)
        return []
      },
      srv: async () => [],
    }
    const { app: service } = createTestApp({ resolver })
    for (const client of CLIENT_IDS) {
      const res = await service.request(
        `/api/v1/guides/${client}?email=li@exmail.qq.com&lang=zh-CN&timeZone=Asia/Shanghai`,
      )
      expect(res.status, client).toBe(200)
      const g = GuideSchema.parse(await res.json())
      expect(g.incoming?.host, client).toBe('imap.exmail.qq.com')
      expect(notMeasured(g), client).toContain('服务器仅按浏览器的时区选择')
    }
    expect(asked).toEqual([])
  })
})
