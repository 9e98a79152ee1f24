/**
 * Tencent Exmail (the built-in provider data) on the page at phone width, in headless Chromium:
 * no probes (the lab has no Exmail hosts, and the service must not reach the internet), the
 * region from the browser's time zone, Asia/Shanghai or Europe/Berlin, in Chinese and English.
 * The choice block and the Foxmail and Outlook guides must name the same hosts as the settings
 * table, say where the choice came from and that nothing was measured, and fit 375 px.
 * Screenshots in test/artifacts/exmail-*.png.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser } from 'playwright-core'
import {
  ARTIFACTS,
  checkAddress,
  launchBrowser,
  scrollWidth,
  screenshot,
  seriousViolations,
  startApp,
  type TestServer,
} from './harness.ts'

const lab = inject('lab')
let app: TestServer
let browser: Browser

beforeAll(async () => {
  ;[app, browser] = await Promise.all([startApp({ lab }), launchBrowser()])
})
afterAll(async () => {
  await browser?.close()
  await app?.close()
})

const CASES = [
  {
    lang: 'zh-CN',
    zone: 'Asia/Shanghai',
    imap: 'imap.exmail.qq.com',
    smtp: 'smtp.exmail.qq.com',
    other: 'hwimap.exmail.qq.com',
    says: '根据浏览器的时区，你应该是在中国大陆境内收发邮件',
    unmeasured: '服务器仅按浏览器的时区选择',
  },
  {
    lang: 'zh-CN',
    zone: 'Europe/Berlin',
    imap: 'hwimap.exmail.qq.com',
    smtp: 'hwsmtp.exmail.qq.com',
    other: 'imap.exmail.qq.com',
    says: '根据浏览器的时区，你应该是在中国大陆境外收发邮件',
    unmeasured: '服务器仅按浏览器的时区选择',
  },
  {
    lang: 'en',
    zone: 'Asia/Shanghai',
    imap: 'imap.exmail.qq.com',
    smtp: 'smtp.exmail.qq.com',
    other: 'hwimap.exmail.qq.com',
    says: 'Your browser’s time zone suggests you read your mail in mainland China',
    unmeasured: 'the host is chosen only by your browser’s time zone',
  },
  {
    lang: 'en',
    zone: 'Europe/Berlin',
    imap: 'hwimap.exmail.qq.com',
    smtp: 'hwsmtp.exmail.qq.com',
    other: 'imap.exmail.qq.com',
    says: 'Your browser’s time zone suggests you read your mail outside mainland China',
    unmeasured: 'the host is chosen only by your browser’s time zone',
  },
] as const

describe('an Exmail address at phone width: the choice block and the guides', () => {
  it.each(CASES)('$lang, $zone', async (c) => {
    const context = await browser.newContext({
      locale: c.lang === 'en' ? 'en-US' : 'zh-CN',
      timezoneId: c.zone,
      viewport: { width: 375, height: 800 },
    })
    const page = await context.newPage()
    await page.goto(`${app.url}/?lang=${c.lang}`)
    await page.locator('input[name="email"]').waitFor({ state: 'visible', timeout: 10_000 })
    await checkAddress(page, 'li@exmail.qq.com', { probe: false })
    const name = `exmail-${c.lang}-${c.zone.replace('/', '-')}`

    const table = page.locator('.settings-block')
    expect(await table.locator('.server').nth(0).innerText()).toContain(c.imap)
    expect(await table.locator('.server').nth(1).innerText()).toContain(c.smtp)
    const block = page.locator('section.host-choice')
    const text = await block.innerText()
    expect(text).toContain(c.says)
    expect(text).toContain(c.other)
    expect(text).toContain(c.unmeasured)
    // Said once for both directions, and never as host:port (which a client's server field refuses).
    expect(text.split(c.says)).toHaveLength(2)
    expect(text).toContain(c.smtp)
    expect(text).not.toMatch(/exmail\.qq\.com:\d/)
    // Nothing measured: no list of figures.
    expect(await block.locator('li.host').count()).toBe(0)
    expect(await scrollWidth(page)).toBeLessThanOrEqual(375)
    await block.scrollIntoViewIfNeeded()
    await block.screenshot({ path: `${ARTIFACTS}/${name}-choice.png` })

    for (const client of ['Foxmail', c.lang === 'en' ? 'Outlook (classic)' : 'Outlook（经典版）']) {
      await page.getByRole('tab', { name: client, exact: true }).click()
      const panel = page.getByRole('tabpanel')
      await expect.poll(() => panel.locator('.guide-steps').count(), { timeout: 15_000 }).toBe(1)
      const guide = await panel.innerText()
      expect(guide, client).toContain(c.imap)
      expect(guide, client).toContain(c.smtp)
      expect(guide, client).toContain(c.says)
      expect(guide, client).toContain(c.unmeasured)
      expect(guide.split(c.says), client).toHaveLength(2)
      expect(guide, client).not.toMatch(/exmail\.qq\.com:\d/)
      expect(await scrollWidth(page)).toBeLessThanOrEqual(375)
      await panel.screenshot({
        path: `${ARTIFACTS}/${name}-${client.slice(0, 7).toLowerCase()}.png`,
      })
    }
    await screenshot(page, name)
    expect(await seriousViolations(page)).toEqual([])
    await context.close()
  })
})
