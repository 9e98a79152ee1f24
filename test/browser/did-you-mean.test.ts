/**
 * A mistyped domain on the page, in headless Chromium against the real app and the lab's DNS:
 * crop.test does not exist, corp.test (an operator's provider, on lab servers) is one swap away.
 * The page says the domain does not exist, offers "Check ann@corp.test instead", and that button
 * checks the right address live. English at desktop width, Chinese at phone width.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser } from 'playwright-core'
import {
  checkAddress,
  launchBrowser,
  screenshot,
  scrollWidth,
  startApp,
  withLabCorp,
} from './harness.ts'
import type { TestServer } from './harness.ts'

const lab = inject('lab')
let app: TestServer
let browser: Browser

beforeAll(async () => {
  ;[app, browser] = await Promise.all([
    startApp({ lab, providers: withLabCorp(lab) }),
    launchBrowser(),
  ])
})

afterAll(async () => {
  await browser?.close()
  await app?.close()
})

describe('a mistyped domain', () => {
  it.each([
    {
      lang: 'en',
      width: 1024,
      notFound: /^The domain crop\.test does not exist in DNS/,
      button: 'Check ann@corp.test instead',
      title: 'Use IMAP',
    },
    {
      lang: 'zh-CN',
      width: 375,
      notFound: /^域名 crop\.test 在 DNS 中不存在/,
      button: '改为检测 ann@corp.test',
      title: '使用 IMAP',
    },
  ])(
    '$lang at $width px: says it does not exist, and one click checks the address meant',
    async ({ lang, width, notFound, button, title }) => {
      const context = await browser.newContext({ locale: lang, viewport: { width, height: 900 } })
      const page = await context.newPage()
      await page.goto(`${app.url}/?lang=${lang}`)
      await checkAddress(page, 'ann@crop.test')
      const warnings = await page.locator('.warnings li').allInnerTexts()
      expect(warnings.some((w) => notFound.test(w))).toBe(true)
      expect(warnings.some((w) => w.includes('ann@corp.test'))).toBe(true)
      await screenshot(page, `did-you-mean-${lang}-${width}`)
      expect(await scrollWidth(page)).toBeLessThanOrEqual(width)

      await page.getByRole('button', { name: button }).click()
      await expect
        .poll(() => page.locator('input[name="email"]').inputValue())
        .toBe('ann@corp.test')
      await page.locator('.result-title').filter({ hasText: title }).waitFor({ timeout: 30_000 })
      const incoming = await page.locator('.server').first().innerText()
      expect(incoming).toContain(lab.hosts.tls.name)
      expect(incoming).toContain('993')
      expect(await page.getByRole('button', { name: button }).count()).toBe(0)
      await screenshot(page, `did-you-mean-${lang}-${width}-after`)
      await context.close()
    },
  )
})
