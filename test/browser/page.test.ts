/**
 * The page at `/` in headless Chromium against the real app: a lab address end to end, the
 * Chinese Foxmail guide for a QQ address, copying, the profile download, the phone layout
 * and axe-core. Screenshots go to test/artifacts/.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
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
let context: BrowserContext

beforeAll(async () => {
  ;[app, browser] = await Promise.all([startApp({ lab }), launchBrowser()])
  context = await browser.newContext({
    locale: 'en-US',
    permissions: ['clipboard-read', 'clipboard-write'],
  })
})

afterAll(async () => {
  await browser?.close()
  await app?.close()
})

const open = async (path = '/?lang=en', page?: Page) => {
  const p = page ?? (await context.newPage())
  await p.goto(`${app.url}${path}`)
  return p
}

/** Types an address and submits with Enter; waits for the final report (the details appear). */
const check = (page: Page, email: string, options: { probe?: boolean } = {}) =>
  checkAddress(page, email, options)

describe('the page', () => {
  it('diagnoses a lab address live: progress as it happens, then the recommendation and the settings', async () => {
    const page = await open()
    // The form is rendered by script: the labelled email field must be there, visible and usable.
    const field = page.getByLabel('Email address')
    await field.waitFor({ state: 'visible', timeout: 10_000 })
    expect(await field.getAttribute('type')).toBe('email')
    expect(await field.isEditable()).toBe(true)
    // Count the steps that appear while the run is still going (the form is busy until the report).
    await page.evaluate(`(() => {
      window.stepsWhileBusy = 0
      new MutationObserver((records) => {
        const busy = document.querySelector('form.lookup').getAttribute('aria-busy') === 'true'
        for (const r of records) for (const n of r.addedNodes) if (busy && n.classList?.contains('step')) window.stepsWhileBusy++
      }).observe(document.getElementById('app'), { childList: true, subtree: true })
    })()`)
    await page.locator('input[name="email"]').fill('alice@example.test')
    await page.getByRole('button', { name: 'Check', exact: true }).click()
    await page.locator('details.helpdesk:not([hidden])').waitFor({ timeout: 30_000 })
    expect(await page.evaluate('window.stepsWhileBusy')).toBeGreaterThan(3)

    await expect(page.locator('[role="log"]').count()).resolves.toBe(1)
    const steps = await page.locator('.progress-list .step').allTextContents()
    expect(steps.some((s) => /SRV records: _\w+\._tcp\.example\.test[\s\S]*found/.test(s))).toBe(
      true,
    )
    expect(steps.some((s) => /Test IMAP mail\.example\.test:993 \(SSL\/TLS\): works/.test(s))).toBe(
      true,
    )
    // Complete: the list folds into one line that can be opened again.
    expect(await page.locator('.progress-status').innerText()).toMatch(
      /^Checked \d+ source\(s\) and \d+ port\(s\) on \d+ server\(s\)\. Done in \d+\.\d s\.$/,
    )
    expect(await page.locator('details.progress-details').getAttribute('open')).toBeNull()
    expect(await page.locator('.progress-servers').isVisible()).toBe(false)
    await page.locator('.progress-toggle').click()
    expect(await page.locator('.progress-server-name').first().innerText()).toMatch(
      /^mail\.example\.test: \d+ of \d+ ports work$/,
    )

    expect(await page.locator('.result-title').innerText()).toBe('Use IMAP')
    const incoming = page.locator('.server').nth(0)
    const outgoing = page.locator('.server').nth(1)
    expect(await incoming.innerText()).toMatch(
      /mail\.example\.test[\s\S]*993[\s\S]*SSL\/TLS[\s\S]*alice@example\.test/,
    )
    expect(await incoming.locator('.badge').innerText()).toBe('Confirmed by a live test')
    expect(await outgoing.innerText()).toMatch(/mail\.example\.test[\s\S]*587[\s\S]*STARTTLS/)
    expect(await page.locator('.reasons').innerText()).toMatch(/IMAP/)

    // The helpdesk details: every probe with status, certificate, capabilities and timings.
    await page.locator('details.helpdesk > summary').click()
    const probes = page.locator('.probes .probe')
    expect(await probes.count()).toBeGreaterThan(1)
    const imaps = probes.filter({ hasText: 'IMAP mail.example.test:993' })
    const text = await imaps.innerText()
    expect(text).toMatch(/Certificate/)
    expect(text).toMatch(/Capabilities before TLS/)
    expect(text).toMatch(/Timings \(ms\)[\s\S]*total \d+/)
    await screenshot(page, 'page-lab-en')

    expect(await seriousViolations(page)).toEqual([])

    // The same long report at phone width: no horizontal scrolling.
    await page.setViewportSize({ width: 375, height: 800 })
    expect(await scrollWidth(page)).toBeLessThanOrEqual(375)
    await screenshot(page, 'page-lab-phone')
    await page.close()
  })

  it('shares a report: the link opens it in a new page without any probe, the guides say what the table says, in either language and at phone width', async () => {
    const page = await open()
    await check(page, 'alice@example.test')
    const link = await page.locator('.share-link').inputValue()
    expect(link).toMatch(new RegExp(`^${app.url}/r/[A-Za-z0-9_-]{22}$`))
    const id = link.slice(link.lastIndexOf('/') + 1)
    await page.getByRole('button', { name: 'Copy link' }).click()
    await expect.poll(() => page.evaluate('navigator.clipboard.readText()')).toBe(link)
    // The guide on the page is the report's: the same host and port as the table.
    const table = await page.locator('.server').first().innerText()
    expect(table).toMatch(/mail\.example\.test[\s\S]*993/)
    await page.getByRole('tabpanel').locator('.guide-steps').waitFor()
    expect(await page.getByRole('tabpanel').innerText()).toMatch(/mail\.example\.test[\s\S]*993/)
    expect(app.served('GET', `/api/v1/reports/${id}/guides/outlook`)).toBe(1)
    await page.close()

    const diagnoses = app.served('POST', '/api/v1/diagnose')
    const shared = await context.newPage()
    await shared.goto(link)
    await shared.locator('.stored').waitFor({ timeout: 10_000 })
    await shared.locator('details.helpdesk:not([hidden])').waitFor({ timeout: 10_000 })
    expect(await shared.locator('meta[name="robots"]').getAttribute('content')).toBe('noindex')
    expect(await shared.locator('.stored-date').innerText()).toMatch(
      /^This report was made on .+\. The servers were not checked again\.$/,
    )
    expect(await shared.locator('.server').first().innerText()).toBe(table)
    // Folded at once: a summary of the stored checks, no running time.
    expect(await shared.locator('.progress-status').innerText()).toMatch(/^Checked \d+ source/)
    expect(await shared.locator('details.progress-details').getAttribute('open')).toBeNull()
    await shared.getByRole('tab', { name: 'Thunderbird', exact: true }).click()
    await expect
      .poll(() => shared.getByRole('tabpanel').innerText())
      .toMatch(/mail\.example\.test[\s\S]*993/)
    await screenshot(shared, 'share-en')

    await shared.getByRole('button', { name: '中文' }).click()
    await shared.locator('.stored h2').getByText('已保存的报告').waitFor()
    await expect.poll(() => shared.locator('.result-title').innerText()).toBe('使用 IMAP')
    expect(await shared.locator('.stored-date').innerText()).toMatch(/^此报告生成于/)
    await shared.setViewportSize({ width: 375, height: 800 })
    expect(await scrollWidth(shared)).toBeLessThanOrEqual(375)
    await screenshot(shared, 'share-phone-zh')
    // The first screen as a phone shows it: the saved-report box, the form and the folded progress.
    await shared.screenshot({ path: `${ARTIFACTS}/share-phone-zh-top.png` })
    expect(await seriousViolations(shared)).toEqual([])
    // Opening and re-reading the shared report ran no diagnosis at all.
    expect(app.served('POST', '/api/v1/diagnose')).toBe(diagnoses)
    expect(app.served('GET', `/api/v1/reports/${id}`)).toBe(2)

    // "Check again" is a new diagnosis of the same address, back at /.
    await shared.getByRole('button', { name: '立即重新检测' }).click()
    await shared.locator('.share-link').waitFor({ timeout: 30_000 })
    expect(new URL(shared.url()).pathname).toBe('/')
    expect(app.served('POST', '/api/v1/diagnose')).toBe(diagnoses + 1)
    expect(await shared.locator('.share-link').inputValue()).not.toBe(link)
    await shared.close()
  })

  it('an unknown share link says the report does not exist', async () => {
    const page = await open(`/r/${'Q'.repeat(22)}?lang=en`)
    await expect
      .poll(() => page.locator('.stored-area').innerText())
      .toBe('This report does not exist or has expired.')
    await page.close()
  })

  it('switches to Chinese and shows the Foxmail guide for a QQ address, with the authorization-code hint', async () => {
    const page = await open()
    await check(page, 'ann@qq.com', { probe: false })
    expect(await page.locator('.result-title').innerText()).toBe('Use IMAP')

    await page.getByRole('button', { name: '中文' }).click()
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('zh-CN')
    expect(new URL(page.url()).searchParams.get('lang')).toBe('zh-CN')
    await page.locator('details.helpdesk:not([hidden])').waitFor({ timeout: 30_000 })
    expect(await page.locator('.result-title').innerText()).toBe('使用 IMAP')
    // Provider hints come first and say which password to use.
    const hints = await page.locator('.hints').innerText()
    expect(hints).toMatch(/授权码/)

    await page.getByRole('tab', { name: 'Foxmail' }).click()
    const panel = page.getByRole('tabpanel')
    await panel.locator('.guide-steps').waitFor()
    const guide = await panel.innerText()
    expect(guide).toMatch(/Foxmail 7\.2/)
    expect(guide).toMatch(/imap\.qq\.com/)
    expect(guide).toMatch(/993/)
    expect(guide).toMatch(/smtp\.qq\.com/)
    expect(guide).toMatch(/勾选 SSL/)
    expect(guide).toMatch(/授权码（不是QQ邮箱的登录密码）/)
    // No per-step tag; one note under the steps instead.
    expect(guide).not.toMatch(/界面文字尚未核对|not yet checked/)
    expect(await panel.locator('.guide-step .tag:not(.tag-test)').count()).toBe(0)
    expect(await panel.locator('.guide-note').count()).toBe(1)
    expect(await page.getByRole('tab', { name: 'Foxmail' }).getAttribute('aria-selected')).toBe(
      'true',
    )

    // Keyboard: arrow keys move between tabs; NetEase Mail Master is the next one.
    await page.getByRole('tab', { name: 'Foxmail' }).focus()
    await page.keyboard.press('ArrowRight')
    expect(
      await page.getByRole('tab', { name: '网易邮箱大师' }).getAttribute('aria-selected'),
    ).toBe('true')
    await panel.locator('.guide-steps').waitFor()
    expect(await panel.innerText()).toMatch(/网易邮箱大师/)
    await page.keyboard.press('ArrowLeft')
    await panel.locator('.guide-steps').waitFor()
    await screenshot(page, 'page-qq-zh')

    expect(await seriousViolations(page)).toEqual([])
    await page.close()
  })

  it('renders every guide in both languages (screenshots per client and language)', async () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      const page = await open(`/?lang=${lang}`)
      await check(page, 'ann@qq.com', { probe: false })
      const tabs = page.getByRole('tab')
      const count = await tabs.count()
      expect(count).toBe(9)
      for (let i = 0; i < count; i++) {
        const tab = tabs.nth(i)
        await tab.click()
        const client = await tab.getAttribute('data-client')
        const panel = page.getByRole('tabpanel')
        await expect.poll(() => panel.getAttribute('aria-labelledby')).toBe(`tab-${client}`)
        await panel.locator('.guide-steps').waitFor()
        const text = await panel.innerText()
        expect(text, `${client} ${lang}`).toMatch(/imap\.qq\.com/)
        expect(text, `${client} ${lang}`).not.toMatch(/界面文字尚未核对|not yet checked/)
        await panel.screenshot({ path: `${ARTIFACTS}/guide-${client}-${lang}.png` })
      }
      await page.close()
    }
  })

  it('compares IMAP and POP3 beside the recommendation, shaped by the answers, in both languages', async () => {
    const page = await open('/?lang=zh-CN')
    await page.locator('details.needs > summary').click()
    await page.getByRole('radio', { name: /一台/ }).check()
    await page.getByRole('checkbox', { name: /离线/ }).check()
    await check(page, 'ann@qq.com', { probe: false })
    const compare = page.locator('section.compare')
    await compare.waitFor()
    const text = await compare.innerText()
    expect(text).toMatch(/IMAP 还是 POP3/)
    expect(text).toMatch(/多设备同步/)
    expect(text).toMatch(/文件夹和标记/)
    expect(text).toMatch(/流量和存储空间/)
    // The rows the answers touch say so; the untouched one does not.
    expect(await compare.locator('tr[data-row="sync"]').innerText()).toMatch(/你只用一台设备/)
    expect(await compare.locator('tr[data-row="transfer"]').innerText()).toMatch(/你经常离线阅读/)
    expect(await compare.locator('tr[data-row="folders"] .you').count()).toBe(0)
    // The recommended column is named (one device and offline reading: POP3 here).
    const recommended = await compare.locator('thead th.recommended').innerText()
    expect(recommended).toMatch(/推荐给你/)
    expect(recommended).toContain(
      (await page.locator('.result-title').innerText()).includes('POP3') ? 'POP3' : 'IMAP',
    )
    await compare.screenshot({ path: `${ARTIFACTS}/compare-zh-CN.png` })
    await page.getByRole('button', { name: 'English' }).click()
    await page.locator('details.helpdesk:not([hidden])').waitFor({ timeout: 30_000 })
    const en = await page.locator('section.compare').innerText()
    expect(en).toMatch(/IMAP or POP3\?/)
    expect(en).toMatch(/You often read offline/)
    await page.locator('section.compare').screenshot({ path: `${ARTIFACTS}/compare-en.png` })
    expect(await seriousViolations(page)).toEqual([])
    await page.close()
  })

  it('copies a value to the clipboard and says so', async () => {
    const page = await open()
    await check(page, 'ann@qq.com', { probe: false })
    await page.getByRole('button', { name: 'Copy Server: imap.qq.com' }).click()
    await expect.poll(() => page.evaluate('navigator.clipboard.readText()')).toBe('imap.qq.com')
    await expect.poll(() => page.getByRole('status').innerText()).toBe('Copied Server.')
    await page.close()
  })

  it('downloads the Apple profile and offers the Thunderbird file', async () => {
    const page = await open()
    await check(page, 'ann@qq.com', { probe: false })
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /Apple profile/ }).click(),
    ])
    expect(download.suggestedFilename()).toBe('qq.com.mobileconfig')
    const path = await download.path()
    const { readFile } = await import('node:fs/promises')
    const profile = await readFile(path, 'utf8')
    expect(profile).toContain('com.apple.mail.managed')
    expect(profile).toContain('imap.qq.com')
    const xml = await page.getByRole('link', { name: /Thunderbird/ }).getAttribute('href')
    const res = await fetch(`${app.url}${xml}`)
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('<hostname>imap.qq.com</hostname>')
    await page.close()
  })

  it('fits a 375 px phone without horizontal scrolling, in both languages', async () => {
    for (const lang of ['en', 'zh-CN']) {
      const page = await context.newPage()
      await page.setViewportSize({ width: 375, height: 740 })
      await open(`/?lang=${lang}`, page)
      expect(await scrollWidth(page)).toBeLessThanOrEqual(375)
      await check(page, 'ann@qq.com', { probe: false })
      await page.getByRole('tab').nth(3).click()
      await page.getByRole('tabpanel').locator('.guide-steps').waitFor()
      await page.locator('details.helpdesk > summary').click()
      expect(await scrollWidth(page)).toBeLessThanOrEqual(375)
      await screenshot(page, `page-phone-${lang}`)
      await page.close()
    }
  })

  it('has labelled fields, a keyboard path to the result and an empty-address error', async () => {
    const page = await open()
    await page.keyboard.press('Tab') // skip link
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab') // the address field, after the two language buttons
    expect(await page.evaluate('document.activeElement.name')).toBe('email')
    await page.keyboard.press('Enter')
    expect(await page.getByRole('alert').innerText()).toMatch(/complete email address/)
    expect(await page.locator('input[name="email"]').getAttribute('aria-invalid')).toBe('true')
    expect(await page.getByLabel('Email address').count()).toBe(1)
    await page.close()
  })
})
