/**
 * "Where do you read your mail?" on the page, at phone width, in headless Chromium against the
 * real app and the lab: an operator overlay gives regional.test a provider with alternative
 * hosts (IMAP tls.lab.test for mainland China, full.lab.test elsewhere; SMTP submission.lab.test
 * for mainland China, starttls.lab.test elsewhere, which refuses port 465). The answer is preset
 * from the browser's time zone (sent to the service, which says so); changing it is an answer.
 * The result says which host and why, names the other, and shows what the service measured from
 * its own location (drawn from the stream before the report, figures filling in as each host is
 * measured); the guide says the same. Screenshots in test/artifacts/.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { regionalProviders } from '../lab/regional-provider.ts'
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
const { tls, full, submission, starttls } = lab.hosts
let app: TestServer
let browser: Browser

const providers = regionalProviders(lab)

beforeAll(async () => {
  ;[app, browser] = await Promise.all([startApp({ lab, providers }), launchBrowser()])
})
afterAll(async () => {
  await browser?.close()
  await app?.close()
})

/** The page at phone width in `timezoneId`, with what it sent to POST /api/v1/diagnose. */
const phone = async (lang: 'en' | 'zh-CN', timezoneId: string) => {
  const context = await browser.newContext({
    locale: lang === 'en' ? 'en-US' : 'zh-CN',
    timezoneId,
    viewport: { width: 375, height: 800 },
  })
  const page = await context.newPage()
  const sent: unknown[] = []
  page.on('request', (req) => {
    if (req.url().endsWith('/api/v1/diagnose')) sent.push(req.postDataJSON())
  })
  await page.goto(`${app.url}/?lang=${lang}`)
  await page.locator('input[name="email"]').waitFor({ state: 'visible', timeout: 10_000 })
  return { page, sent }
}

const check = (page: Page, email: string) => checkAddress(page, email, { timeoutMs: 45_000 })

/**
 * Records, in the page, how the choice block appears: whether before the report (the helpdesk
 * details, shown with the report, still hidden), its first text, and the measured hosts it listed
 * each time it was drawn.
 */
const watchChoiceBlock = (page: Page) =>
  page.evaluate(`(() => {
    const seen = { beforeReport: null, firstText: null, hostCounts: [] }
    window.__choiceSeen = seen
    new MutationObserver(() => {
      const block = document.querySelector('section.host-choice')
      if (!block) return
      if (seen.beforeReport === null) {
        seen.beforeReport = document.querySelector('details.helpdesk').hidden
        seen.firstText = block.innerText
      }
      const count = block.querySelectorAll('li.host').length
      if (seen.hostCounts.at(-1) !== count) seen.hostCounts.push(count)
    }).observe(document.body, { childList: true, subtree: true })
  })()`)

const choiceBlockSeen = (page: Page) =>
  page.evaluate('window.__choiceSeen') as Promise<{
    beforeReport: boolean | null
    firstText: string | null
    hostCounts: number[]
  }>

describe('the region question and the choice among a provider’s hosts', () => {
  it('Berlin time zone, English: preset to elsewhere, so full.lab.test, naming tls.lab.test, with the measurement', async () => {
    const { page, sent } = await phone('en', 'Europe/Berlin')
    await page.locator('details.needs > summary').click()
    const group = page.getByRole('group', { name: 'Where do you read your mail?' })
    expect(await group.getByRole('radio', { name: 'Elsewhere' }).isChecked()).toBe(true)
    expect(await group.innerText()).toContain('Preset from your browser’s time zone')
    await watchChoiceBlock(page)
    await check(page, 'li@regional.test')
    // The choice came from the stream: the block was there before the report (whose helpdesk
    // details appear last), and its figures filled in as the hosts were measured.
    const seen = await choiceBlockSeen(page)
    expect(seen.beforeReport).toBe(true)
    expect(seen.firstText).toContain(`so this service recommends ${full.name} (IMAP, port 993)`)
    expect(seen.hostCounts.at(-1)).toBe(4)
    expect(seen.hostCounts[0]).toBeLessThan(4)
    // Not answered: only the time zone went to the service.
    expect(sent).toEqual([expect.objectContaining({ timeZone: 'Europe/Berlin' })])
    expect(sent[0]).not.toHaveProperty('region')

    const incoming = page.locator('.server').nth(0)
    expect(await incoming.innerText()).toContain(full.name)
    const block = page.locator('section.host-choice')
    const text = await block.innerText()
    expect(text).toContain('Which of the provider’s servers')
    expect(text).toContain(
      `Your browser’s time zone suggests you read your mail outside mainland China, so this service recommends ${full.name} (IMAP, port 993)`,
    )
    expect(text).toContain(`The provider has ${tls.name} for the same mailbox in mainland China`)
    // The overseas SMTP host refuses 465: the mainland one, saying why.
    expect(text).toContain(
      `${starttls.name}, the provider’s host for mail read outside mainland China, did not answer`,
    )
    expect(text).toContain('measured from this service’s own location, not yours')
    expect(await block.locator('li.host').count()).toBe(4)
    expect(await block.locator('li.host.chosen').allInnerTexts()).toEqual([
      expect.stringContaining(full.name),
      expect.stringContaining(submission.name),
    ])
    expect(await block.locator('li.host', { hasText: starttls.name }).innerText()).toContain(
      'no handshake completed (0 of 3)',
    )
    // The choice is not said twice: the "Why" list leaves it to the block.
    expect(await page.locator('.reasons').innerText()).not.toContain('time zone suggests')
    expect(await scrollWidth(page)).toBeLessThanOrEqual(375)
    await block.scrollIntoViewIfNeeded()
    await block.screenshot({ path: `${ARTIFACTS}/host-choice-phone-en.png` })
    await screenshot(page, 'region-phone-en')

    // The guide (from the stored report) uses the same hosts and says the same.
    const guide = page.locator('.guides')
    await guide.waitFor({ state: 'visible' })
    await guide.locator('.notice, .notices').first().waitFor({ timeout: 15_000 })
    expect(await guide.innerText()).toContain(
      `Your browser’s time zone suggests you read your mail outside mainland China, so this service recommends ${full.name} (IMAP, port 993)`,
    )
    expect(await seriousViolations(page)).toEqual([])
    await page.context().close()
  })

  it('Shanghai time zone, Chinese: preset to mainland China; answering "elsewhere" changes the hosts and the words', async () => {
    const { page, sent } = await phone('zh-CN', 'Asia/Shanghai')
    await page.locator('details.needs > summary').click()
    const group = page.getByRole('group', { name: '你在哪里收发邮件？' })
    expect(await group.getByRole('radio', { name: '中国大陆' }).isChecked()).toBe(true)
    expect(await group.innerText()).toContain('已根据浏览器的时区预先选择')

    await check(page, 'li@regional.test')
    expect(sent[0]).toEqual(expect.objectContaining({ timeZone: 'Asia/Shanghai' }))
    expect(sent[0]).not.toHaveProperty('region')
    let text = await page.locator('section.host-choice').innerText()
    expect(text).toContain(
      `根据浏览器的时区，你应该是在中国大陆境内收发邮件，因此推荐 ${tls.name}（IMAP，端口 993）`,
    )
    expect(text).toContain(`服务商还为中国大陆境外提供同一邮箱的 ${full.name}`)
    expect(text).toContain('而不是你的位置')
    await page.locator('section.host-choice').screenshot({
      path: `${ARTIFACTS}/host-choice-phone-zh-tz.png`,
    })

    // The user answers: elsewhere.
    await page.getByRole('radio', { name: '其他地区' }).check()
    await page.locator('input[name="email"]').press('Enter')
    // The block shows the new choice from the stream; the helpdesk details come with the report.
    await page.waitForFunction(
      `document.querySelector('section.host-choice')?.innerText.includes('你在中国大陆境外收发邮件') &&
        document.querySelector('details.helpdesk:not([hidden])') !== null`,
      undefined,
      { timeout: 45_000 },
    )
    expect(sent[1]).toEqual(expect.objectContaining({ region: 'intl', timeZone: 'Asia/Shanghai' }))
    text = await page.locator('section.host-choice').innerText()
    expect(text).toContain(`你在中国大陆境外收发邮件，因此推荐 ${full.name}（IMAP，端口 993）`)
    expect(text).toContain(`服务商还为中国大陆境内提供同一邮箱的 ${tls.name}`)
    expect(await page.locator('.server').nth(0).innerText()).toContain(full.name)
    expect(await page.locator('section.host-choice li.host').first().innerText()).toMatch(
      /中位数 \d+ 毫秒，波动 \d+ 毫秒，3 次握手中 3 次完成/,
    )
    expect(await scrollWidth(page)).toBeLessThanOrEqual(375)
    await page.locator('section.host-choice').screenshot({
      path: `${ARTIFACTS}/host-choice-phone-zh.png`,
    })
    await screenshot(page, 'region-phone-zh')
    await page.context().close()
  })
})
