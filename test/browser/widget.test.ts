/**
 * The embeddable widget on pages served from other origins: it works from an allowed origin
 * (CORS, the SSE stream included), is refused from any other, keeps the host page's styles
 * out, passes axe-core; plus the /widget-demo page.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import {
  launchBrowser,
  screenshot,
  seriousViolations,
  startApp,
  startHostPage,
  type TestServer,
  withLabCorp,
} from './harness.ts'

const lab = inject('lab')
let app: TestServer
let browser: Browser
let context: BrowserContext
let allowed: Awaited<ReturnType<typeof startHostPage>>
let other: Awaited<ReturnType<typeof startHostPage>>

const HOSTILE =
  '<style>* { color: red !important; font-size: 40px; font-family: serif !important; line-height: 3 !important } button { background: yellow !important }</style>'

const hostPage = (api: string, widget: string, head = '') => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Helpdesk</title>${head}<script src="${api}/widget.js" defer></script></head>
<body><main><h1>Helpdesk</h1><button class="primary" id="outside">Outside button</button>${widget}</main></body></html>`

beforeAll(async () => {
  // The host pages' origins must be known before the app starts (its allowed-origin list).
  ;[allowed, other, browser] = await Promise.all([
    startHostPage(),
    startHostPage(),
    launchBrowser(),
  ])
  app = await startApp({ lab, widgetOrigins: [allowed.origin], providers: withLabCorp(lab) })
  const pages = {
    '/': hostPage(app.url, '<mail-setup lang="en" domain="example.test"></mail-setup>'),
    '/zh': hostPage(
      app.url,
      '<mail-setup lang="zh-CN" domain="qq.com" probe="false"></mail-setup>',
    ),
    '/compact': hostPage(
      app.url,
      '<mail-setup lang="zh-CN" domain="qq.com" probe="false" compact></mail-setup>',
    ),
    '/hostile': hostPage(
      app.url,
      '<mail-setup lang="en" domain="qq.com" probe="false"></mail-setup>',
      HOSTILE,
    ),
  }
  Object.assign(allowed.pages, pages)
  Object.assign(other.pages, pages)
  context = await browser.newContext({ locale: 'en-US' })
})

afterAll(async () => {
  await browser?.close()
  await Promise.all([app?.close(), allowed?.close(), other?.close()])
})

const widget = (page: Page): Locator => page.locator('mail-setup')

const submit = async (page: Page, value: string) => {
  await widget(page).locator('input[name="email"]').fill(value)
  await widget(page).locator('input[name="email"]').press('Enter')
}

describe('the widget', () => {
  it('works from an allowed origin: the local part with the default domain, live probes over CORS', async () => {
    const page = await context.newPage()
    await page.goto(`${allowed.origin}/`)
    await submit(page, 'alice')
    await widget(page).locator('.more').waitFor({ timeout: 30_000 })
    expect(await widget(page).locator('.result-title').innerText()).toBe('Use IMAP')
    expect(await widget(page).locator('.server').first().innerText()).toMatch(
      /mail\.example\.test[\s\S]*993/,
    )
    expect(await widget(page).locator('.progress-list .step').count()).toBeGreaterThan(3)
    const more = await widget(page).locator('.more').getAttribute('href')
    // The full page for this very report: no second diagnosis.
    expect(more).toMatch(new RegExp(`^${app.url}/r/[A-Za-z0-9_-]{22}\\?lang=en$`))
    expect(await widget(page).locator('.share-link').inputValue()).toBe(more?.split('?')[0])
    await screenshot(page, 'widget-lab-en')
    expect(await seriousViolations(page)).toEqual([])
    await page.close()
  })

  it('speaks Chinese, shows the provider hint, and the compact form fits a phone', async () => {
    const page = await context.newPage()
    await page.goto(`${allowed.origin}/zh`)
    await submit(page, 'ann')
    await widget(page).locator('.more').waitFor({ timeout: 30_000 })
    expect(await widget(page).locator('.result-title').innerText()).toBe('使用 IMAP')
    expect(await widget(page).locator('.hints').innerText()).toMatch(/授权码/)
    await screenshot(page, 'widget-qq-zh')

    await page.setViewportSize({ width: 375, height: 740 })
    await page.goto(`${allowed.origin}/compact`)
    await submit(page, 'ann@qq.com')
    await widget(page).locator('.more').waitFor({ timeout: 30_000 })
    expect(await widget(page).locator('.progress-status').innerText()).toMatch(/完成/)
    expect(await widget(page).locator('.reasons').count()).toBe(0)
    expect(await page.evaluate('document.scrollingElement.scrollWidth')).toBeLessThanOrEqual(375)
    await screenshot(page, 'widget-compact-phone-zh')
    expect(await seriousViolations(page)).toEqual([])
    await page.close()
  })

  it('a mistyped domain: says so, and its button checks the address meant', async () => {
    const page = await context.newPage()
    await page.goto(`${allowed.origin}/`)
    await submit(page, 'ann@crop.test')
    const check = widget(page).getByRole('button', { name: 'Check ann@corp.test instead' })
    await check.waitFor({ timeout: 30_000 })
    expect(await widget(page).locator('.warnings').innerText()).toMatch(
      /The domain crop\.test does not exist in DNS/,
    )
    await check.click()
    await widget(page).locator('.result-title').filter({ hasText: 'Use IMAP' }).waitFor({
      timeout: 30_000,
    })
    expect(await widget(page).locator('input[name="email"]').inputValue()).toBe('ann@corp.test')
    expect(await widget(page).locator('.server').first().innerText()).toContain(lab.hosts.tls.name)
    await page.close()
  })

  it('is refused from an origin that is not allowed', async () => {
    const page = await context.newPage()
    await page.goto(`${other.origin}/zh`)
    await submit(page, 'ann')
    const error = widget(page).getByRole('alert')
    await expect.poll(() => error.innerText(), { timeout: 15_000 }).toMatch(/无法连接/)
    expect(await widget(page).locator('.result-title').count()).toBe(0)
    // What the browser was told: a 403 preflight without CORS headers.
    const res = await fetch(`${app.url}/api/v1/diagnose`, {
      method: 'OPTIONS',
      headers: {
        origin: other.origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    })
    expect(res.status).toBe(403)
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
    await page.close()
  })

  it('keeps the host page styles out, and its own styles in', async () => {
    const styles = async (path: string) => {
      const page = await context.newPage()
      await page.goto(`${allowed.origin}${path}`)
      await widget(page).locator('button.primary').waitFor()
      const read = (selector: string) =>
        page.evaluate(
          `(() => { const s = getComputedStyle(document.querySelector('mail-setup').shadowRoot.querySelector(${JSON.stringify(selector)})); return [s.color, s.fontSize, s.fontFamily, s.lineHeight, s.backgroundColor].join(' | ') })()`,
        ) as Promise<string>
      const result = {
        title: await read('.title'),
        label: await read('label'),
        input: await read('input'),
        button: await read('button.primary'),
        outside: (await page.evaluate(
          `getComputedStyle(document.getElementById('outside')).backgroundColor`,
        )) as string,
      }
      await page.close()
      return result
    }
    const plain = await styles('/zh')
    const hostile = await styles('/hostile')
    expect(hostile.title).toBe(plain.title)
    expect(hostile.label).toBe(plain.label)
    expect(hostile.input).toBe(plain.input)
    expect(hostile.button).toBe(plain.button)
    expect(plain.title).toMatch(/^rgb\(27, 31, 36\)/)
    // The widget's button styles do not reach the page's own button.class="primary".
    expect(plain.outside).not.toBe('rgb(11, 87, 208)')
    const page = await context.newPage()
    await page.goto(`${allowed.origin}/hostile`)
    await widget(page).locator('button.primary').waitFor()
    await screenshot(page, 'widget-hostile-page')
    await page.close()
  })

  it('has a demo page with the embedding code and live widgets', async () => {
    const page = await context.newPage()
    await page.goto(`${app.url}/widget-demo`)
    expect(await page.locator('pre code').innerText()).toContain(
      `<script src="${app.url}/widget.js" defer></script>`,
    )
    await page.locator('#demo-full button.primary').waitFor()
    await page.locator('#demo-compact button.primary').waitFor()
    await screenshot(page, 'widget-demo')
    expect(await seriousViolations(page)).toEqual([])
    await page.close()
  })
})
