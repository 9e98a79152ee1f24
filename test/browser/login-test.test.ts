/**
 * The login test's faces in headless Chromium against the real app and the lab's Dovecot and
 * Postfix: the page's "Test with my password" step for a lab address (a wrong password, then the
 * right one), the verdict per server, the field emptied afterwards, the stored verdict on the
 * report page, the red warning before a password goes out unencrypted, the provider's credential
 * hint (QQ Mail, not submitted: the lab has no QQ), the account ID docomo mail asks for (not
 * submitted), the widget; axe-core on each. Screenshots in
 * test/artifacts/ (en and zh-CN, desktop and 390 px).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser, BrowserContext, Frame, Locator, Page } from 'playwright-core'
import {
  createProviderIndex,
  loadBuiltInProviders,
  parseProviders,
} from '../../src/providers/index.ts'
import {
  launchBrowser,
  screenshot,
  seriousViolations,
  startApp,
  startHostPage,
  type TestServer,
} from './harness.ts'

const lab = inject('lab')
const PASSWORD = lab.users.find((u) => u.email === 'alice@example.test')?.password ?? ''
const WRONG = 'not-the-password-4711'
const PHONE = { width: 390, height: 844 }

/** An operator's provider whose servers take passwords only unencrypted (the lab's `plain` host). */
const PLAIN = parseProviders(
  {
    providers: [
      {
        id: 'plainmail',
        name: { en: 'Plain Mail', 'zh-CN': '明文邮' },
        domains: ['plainmail.test'],
        servers: {
          imap: [{ host: lab.hosts.plain.name, port: 143, security: 'none' }],
          smtp: [{ host: lab.hosts.plain.name, port: 25, security: 'none' }],
        },
      },
    ],
  },
  'login-test browser test',
)

let app: TestServer
let browser: Browser
let context: BrowserContext
let host: Awaited<ReturnType<typeof startHostPage>>

beforeAll(async () => {
  ;[host, browser] = await Promise.all([startHostPage(), launchBrowser()])
  app = await startApp({
    lab,
    widgetOrigins: [host.origin],
    providers: createProviderIndex(loadBuiltInProviders(), PLAIN),
  })
  host.pages['/'] = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Helpdesk</title><script src="${app.url}/widget.js" defer></script></head>
<body><main><h1>Helpdesk</h1><mail-setup lang="en" domain="example.test"></mail-setup></main></body></html>`
  context = await browser.newContext({ locale: 'en-US' })
})

afterAll(async () => {
  await browser?.close()
  await Promise.all([app?.close(), host?.close()])
})

/** Diagnoses an address on the page and waits for the final report and the login step. */
const diagnose = async (page: Page, email: string, options: { probe?: boolean } = {}) => {
  if (options.probe === false) await page.getByRole('checkbox', { name: /live|实时/ }).uncheck()
  await page.locator('input[name="email"]').fill(email)
  await page.locator('input[name="email"]').press('Enter')
  await page.locator('details.helpdesk:not([hidden])').waitFor({ timeout: 30_000 })
  await page.locator('section.login-test:not([hidden])').waitFor({ timeout: 10_000 })
  return page.locator('section.login-test')
}

/** The login-test requests the page sends (not the availability check), their bodies parsed. */
const loginRequests = (page: Page) => {
  const bodies: Record<string, unknown>[] = []
  page.on('request', (req) => {
    if (!req.url().endsWith('/api/v1/login-test') || req.method() !== 'POST') return
    const body = req.postDataJSON() as Record<string, unknown>
    if (Object.keys(body).length > 0) bodies.push(body)
  })
  return bodies
}

/** Types the secret, submits with Enter, waits for the verdict. */
const testLogin = async (step: Locator, secret: string) => {
  const field = step.locator('input[name="password"]')
  await field.fill(secret)
  await field.press('Enter')
  await step.locator('.login-result').waitFor({ timeout: 40_000 })
  await expect.poll(() => step.locator('form').getAttribute('aria-busy')).toBe('false')
}

/** Counts step lines added while the login form is busy (they arrive as SSE events). */
const countLiveSteps = (target: Page | Frame, root = 'document') =>
  target.evaluate(`(() => {
    const base = ${root}
    window.loginStepsWhileBusy = 0
    new MutationObserver((records) => {
      const busy = base.querySelector('form.login-form')?.getAttribute('aria-busy') === 'true'
      for (const r of records) for (const n of r.addedNodes) if (busy && n.classList?.contains('step')) window.loginStepsWhileBusy++
    }).observe(base.querySelector('.login-test'), { childList: true, subtree: true })
  })()`)

/** Every string reachable from window's own properties, and every field's value, holding `secret`. */
const secretsLeft = (page: Page, secret: string, root = 'document') =>
  page.evaluate(`(() => {
    const secret = ${JSON.stringify(secret)}
    const found = []
    for (const key of Object.getOwnPropertyNames(window)) {
      let value
      try { value = window[key] } catch { continue }
      if (typeof value === 'string' && value.includes(secret)) found.push('window.' + key)
      else if (value && typeof value === 'object' && !(value instanceof Node)) {
        try { if (JSON.stringify(value).includes(secret)) found.push('window.' + key) } catch {}
      }
    }
    for (const input of ${root}.querySelectorAll('input')) if (input.value.includes(secret)) found.push('input ' + input.name)
    if (${root}.body?.innerHTML?.includes(secret) || ${root}.innerHTML?.includes(secret)) found.push('markup')
    return found
  })()`) as Promise<string[]>

const verdict = (step: Locator, server: 'incoming' | 'outgoing') =>
  step.locator(`.login-verdict[data-server="${server}"]`)

describe('the login test on the page', () => {
  it('tests a lab address: a wrong password fails with the reason, the right one works, the field is emptied each time', async () => {
    const page = await context.newPage()
    const sent = loginRequests(page)
    await page.goto(`${app.url}/?lang=en`)
    const step = await diagnose(page, 'alice@example.test')
    const id = (await page.locator('.share-link').inputValue()).split('/').pop()

    expect(await step.getByRole('heading', { level: 2 }).innerText()).toBe('Test with my password')
    const field = step.getByLabel('Password', { exact: true })
    expect(await field.getAttribute('type')).toBe('password')
    expect(await field.getAttribute('autocomplete')).toBe('current-password')
    expect(await step.locator('.login-hint').innerText()).toMatch(/account’s password/)
    // No red warning: both servers are encrypted.
    expect(await step.locator('.login-plaintext').count()).toBe(0)

    await countLiveSteps(page)
    await testLogin(step, WRONG)
    expect(await page.evaluate('window.loginStepsWhileBusy')).toBeGreaterThan(2)
    expect(await field.inputValue()).toBe('')
    expect(await secretsLeft(page, WRONG)).toEqual([])
    const inFail = verdict(step, 'incoming')
    expect(await inFail.locator('.badge').innerText()).toBe('Does not work')
    expect(await inFail.locator('.login-code').innerText()).toBe('AUTH_FAILED')
    expect(await inFail.locator('.login-message').innerText()).toMatch(
      /refused the username or password/,
    )
    expect(await verdict(step, 'outgoing').locator('.badge').innerText()).toBe('Does not work')
    // The verdict heading takes the focus; the status region says how it went.
    expect(await page.evaluate('document.activeElement.className')).toBe('login-verdict-title')
    await expect
      .poll(() => page.getByRole('status').innerText())
      .toBe('Login test finished: incoming does not work, outgoing does not work.')

    // Folded once the verdict is there; open again on demand.
    const fold = step.locator('details.login-step-fold')
    expect(await fold.getAttribute('open')).toBeNull()
    await fold.locator('summary').click()
    expect(await fold.getAttribute('open')).toBe('')
    const steps = await step.locator('.login-steps .step').allInnerTexts()
    expect(steps.some((s) => /Connect to mail\.example\.test:993/.test(s))).toBe(true)
    expect(steps.some((s) => /Log in as alice@example\.test[\s\S]*AUTH_FAILED/.test(s))).toBe(true)
    await testLogin(step, PASSWORD)
    expect(await field.inputValue()).toBe('')
    expect(await secretsLeft(page, PASSWORD)).toEqual([])
    for (const server of ['incoming', 'outgoing'] as const) {
      const v = verdict(step, server)
      expect(await v.locator('.badge').innerText(), server).toBe('Works')
      expect(await v.locator('.login-username-verdict').innerText(), server).toBe(
        'In your mail app, type alice@example.test as the username.',
      )
    }
    expect(await verdict(step, 'incoming').locator('.login-server').innerText()).toBe(
      'mail.example.test:993',
    )
    // Both tests used the settings of the report the page had just made, and nothing else.
    expect(sent).toHaveLength(2)
    for (const body of sent) {
      expect(body).toMatchObject({ email: 'alice@example.test', reportId: id, lang: 'en' })
      expect(body).not.toHaveProperty('incoming')
      expect(body).not.toHaveProperty('allowPlaintext')
    }

    await screenshot(page, 'login-page-en')
    expect(await seriousViolations(page)).toEqual([])
    await page.setViewportSize(PHONE)
    expect(await page.evaluate('document.scrollingElement.scrollWidth')).toBeLessThanOrEqual(390)
    await step.screenshot({ path: `test/artifacts/login-step-phone-en.png` })

    // The report page shows the stored verdict of the newest test (the right password).
    await page.goto(`${app.url}/r/${id}?lang=en`)
    const stored = page.locator('.stored .stored-login')
    await stored.waitFor({ timeout: 10_000 })
    expect(await stored.innerText()).toMatch(
      /^Login tested on .+\s+✓ Incoming mail \(IMAP\): works, username = the full address \(alice@example\.test\)\s+✓ Outgoing mail \(SMTP\): works, username = the full address \(alice@example\.test\)$/,
    )
    await page.locator('.stored').screenshot({ path: 'test/artifacts/login-stored-en.png' })
    expect(await seriousViolations(page)).toEqual([])
    await page.close()
  })

  it('speaks Chinese at phone width, and finds the username form that works (carol signs in with the part before the @)', async () => {
    const carol = lab.users.find((u) => u.email === 'carol@example.test')
    if (!carol) throw new Error('the lab has carol')
    const page = await context.newPage()
    await page.setViewportSize(PHONE)
    await page.goto(`${app.url}/?lang=zh-CN`)
    const step = await diagnose(page, carol.email)
    const id = (await page.locator('.share-link').inputValue()).split('/').pop()
    expect(await step.getByRole('heading', { level: 2 }).innerText()).toBe('用密码测试')
    await testLogin(step, carol.password)
    expect(await step.getByLabel('邮箱密码').inputValue()).toBe('')
    expect(await secretsLeft(page, carol.password)).toEqual([])
    // The address was refused, the part before the @ worked: the steps show both tries.
    await step.locator('details.login-step-fold > summary').click()
    const steps = await step.locator('.login-steps .step').allInnerTexts()
    expect(steps.some((s) => /以 carol@example\.test 登录[\s\S]*AUTH_FAILED/.test(s))).toBe(true)
    expect(steps.some((s) => /以 carol 登录[\s\S]*第二次尝试/.test(s))).toBe(true)
    for (const server of ['incoming', 'outgoing'] as const) {
      const v = verdict(step, server)
      expect(await v.locator('.badge').innerText(), server).toBe('可用')
      expect(await v.locator('.login-message').innerText(), server).toBe(
        '登录成功，用户名为 @ 前面的部分。',
      )
      expect(await v.locator('.login-username-verdict').innerText(), server).toBe(
        '在邮件客户端中，用户名请填写 carol。',
      )
    }
    expect(await page.evaluate('document.scrollingElement.scrollWidth')).toBeLessThanOrEqual(390)
    await step.screenshot({ path: `test/artifacts/login-step-phone-zh-CN.png` })
    await page.setViewportSize({ width: 1280, height: 900 })
    await screenshot(page, 'login-page-zh-CN')
    expect(await seriousViolations(page)).toEqual([])

    // The report page: "登录已测试：可用，用户名 = @ 前面的部分".
    await page.setViewportSize(PHONE)
    await page.goto(`${app.url}/r/${id}?lang=zh-CN`)
    const stored = page.locator('.stored .stored-login')
    await stored.waitFor({ timeout: 10_000 })
    expect(await stored.innerText()).toMatch(
      /^登录已测试（.+）\s+✓ 收件服务器（IMAP）：可用，用户名 = @ 前面的部分（carol）\s+✓ 发件服务器（SMTP）：可用，用户名 = @ 前面的部分（carol）$/,
    )
    await page
      .locator('.stored')
      .screenshot({ path: 'test/artifacts/login-stored-phone-zh-CN.png' })
    expect(await seriousViolations(page)).toEqual([])
    await page.close()
  })

  it('shows the provider’s credential hint and link beside the field (QQ Mail, in both languages)', async () => {
    const page = await context.newPage()
    await page.goto(`${app.url}/?lang=en`)
    const step = await diagnose(page, 'ann@qq.com', { probe: false })
    expect(await step.getByRole('heading', { level: 2 }).innerText()).toBe(
      'Test with my authorization code',
    )
    const hint = step.locator('.login-hint')
    expect(await hint.innerText()).toMatch(
      /^QQ Mail: type the authorization code \(授权码\), not your QQ Mail login password\.[\s\S]*16-character authorization code/,
    )
    const link = hint.getByRole('link')
    expect(await link.getAttribute('href')).toMatch(/^https:\/\/service\.mail\.qq\.com\//)
    // The field says what it wants and points at the hint.
    const field = step.getByLabel('Authorization code (授权码)')
    expect(await field.getAttribute('aria-describedby')).toContain(await hint.getAttribute('id'))
    await step.screenshot({ path: 'test/artifacts/login-step-qq-en.png' })

    await page.getByRole('button', { name: '中文' }).click()
    await page.locator('section.login-test:not([hidden]) h2').getByText('用授权码测试').waitFor({
      timeout: 30_000,
    })
    const zh = page.locator('section.login-test')
    expect(await zh.locator('.login-hint').innerText()).toMatch(
      /^QQ邮箱：请输入授权码，而不是QQ邮箱的登录密码。[\s\S]*16位授权码/,
    )
    await page.setViewportSize(PHONE)
    await zh.screenshot({ path: 'test/artifacts/login-step-qq-phone-zh-CN.png' })
    expect(await seriousViolations(page)).toEqual([])
    await page.close()
  })

  it('asks for the account ID where the provider logs in with one (docomo mail), never the address', async () => {
    const page = await context.newPage()
    const sent = loginRequests(page)
    await page.goto(`${app.url}/?lang=en`)
    const step = await diagnose(page, 'hanako@docomo.ne.jp', { probe: false })
    // Asked for in the open, not folded away as an optional override, and required.
    const field = step.getByLabel('Username (required)')
    expect(await field.isVisible()).toBe(true)
    expect(await field.getAttribute('required')).not.toBeNull()
    expect(await field.getAttribute('placeholder')).toBeNull()
    const help = step.locator('.login-account-id .help')
    expect(await help.innerText()).toMatch(/^Type your d ACCOUNT ID \(dアカウントID\)/)
    // The settings table says what to type in words, with nothing to copy.
    const row = page.locator('table.settings tr', { hasText: 'Username' }).first()
    expect(await row.locator('code').innerText()).toMatch(/^your d ACCOUNT ID/)
    expect(await row.locator('button.copy').count()).toBe(0)
    for (const table of await page.locator('table.settings').all())
      expect(await table.innerText()).not.toContain('hanako@docomo.ne.jp')
    // A password without the ID goes nowhere.
    await step.locator('input[name="password"]').fill('imap-only-pass')
    await step.locator('input[name="password"]').press('Enter')
    expect(await step.locator('.field-error').innerText()).toBe(
      'Type your account ID as the username first.',
    )
    expect(await page.evaluate('document.activeElement.name')).toBe('username')
    expect(sent).toEqual([])
    await step.screenshot({ path: 'test/artifacts/login-step-docomo-en.png' })
    expect(await seriousViolations(page)).toEqual([])

    await page.getByRole('button', { name: '中文' }).click()
    await page.locator('section.login-test:not([hidden]) .login-account-id').waitFor({
      timeout: 30_000,
    })
    const zh = page.locator('section.login-test')
    expect(await zh.getByLabel('用户名（必填）').isVisible()).toBe(true)
    expect(await zh.locator('.login-account-id .help').innerText()).toMatch(
      /^请填写你的 d ACCOUNT ID（dアカウントID）/,
    )
    await page.setViewportSize(PHONE)
    await zh.screenshot({ path: 'test/artifacts/login-step-docomo-phone-zh-CN.png' })
    expect(await seriousViolations(page)).toEqual([])
    await page.close()
  })

  it('warns in red before a password goes out unencrypted, and sends allowPlaintext only once the user accepts', async () => {
    const page = await context.newPage()
    const sent = loginRequests(page)
    await page.goto(`${app.url}/?lang=en`)
    const step = await diagnose(page, 'alice@plainmail.test', { probe: false })
    const warning = step.locator('.login-plaintext')
    expect(await warning.innerText()).toMatch(
      /^Warning: no encryption\s+plain\.lab\.test accepts no encrypted connection/,
    )
    // Red: the border in the error colour (a function as text: the test is typed for Node).
    const border = await page.evaluate(
      `getComputedStyle(document.querySelector('.login-plaintext')).borderTopColor`,
    )
    expect(border).toBe('rgb(164, 14, 38)')
    const accept = warning.getByRole('checkbox', { name: /send my password unencrypted/ })
    expect(await accept.isChecked()).toBe(false)

    // Not accepted: nothing is sent, the error says why and the box takes the focus.
    await step.locator('input[name="password"]').fill(WRONG)
    await step.getByRole('button', { name: 'Test login' }).click()
    expect(await step.getByRole('alert').innerText()).toBe(
      'Tick the box in the red warning to allow this, or do not test.',
    )
    expect(await page.evaluate('document.activeElement.name')).toBe('allowPlaintext')
    expect(sent).toHaveLength(0)
    await screenshot(page, 'login-plaintext-en')
    expect(await seriousViolations(page)).toEqual([])

    // Accepted with the keyboard: now the test runs, with allowPlaintext, and the field empties.
    await page.keyboard.press('Space')
    expect(await accept.isChecked()).toBe(true)
    await step.getByRole('button', { name: 'Test login' }).click()
    await step.locator('.login-result').waitFor({ timeout: 40_000 })
    expect(sent).toHaveLength(1)
    expect(sent[0]).toMatchObject({ email: 'alice@plainmail.test', allowPlaintext: true })
    expect(await step.locator('input[name="password"]').inputValue()).toBe('')
    expect(await verdict(step, 'incoming').locator('.login-server').innerText()).toBe(
      'plain.lab.test:143',
    )
    await page.close()
  })
})

describe('where the service does not test logins', () => {
  it('the step is not shown at all (the route answers 404, as on a runtime without login attempts)', async () => {
    const bare = await startApp({ lab, noLogin: true })
    try {
      const page = await context.newPage()
      await page.goto(`${bare.url}/?lang=en`)
      await page.locator('input[name="email"]').fill('alice@example.test')
      await page.locator('input[name="email"]').press('Enter')
      await page.locator('details.helpdesk:not([hidden])').waitFor({ timeout: 30_000 })
      // The availability answer has come back (one request), and the step stayed hidden.
      await page
        .locator('section.login-test[data-available="false"]')
        .waitFor({ state: 'attached' })
      expect(bare.served('POST', '/api/v1/login-test')).toBe(1)
      expect(await page.locator('section.login-test').isHidden()).toBe(true)
      expect(await page.locator('input[type="password"]').isVisible()).toBe(false)
      await page.close()
    } finally {
      await bare.close()
    }
  })
})

describe('the login test in the widget', () => {
  it('tests a lab address from a helpdesk page on another origin; the field is emptied', async () => {
    const page = await context.newPage()
    await page.goto(`${host.origin}/`)
    const widget = page.locator('mail-setup')
    await widget.locator('input[name="email"]').fill('alice')
    await widget.locator('input[name="email"]').press('Enter')
    const step = widget.locator('section.login-test:not([hidden])')
    await step.waitFor({ timeout: 30_000 })
    expect(await step.getByRole('heading', { level: 3 }).innerText()).toBe('Test with my password')
    await testLogin(step, PASSWORD)
    expect(await step.locator('input[name="password"]').inputValue()).toBe('')
    expect(
      await secretsLeft(page, PASSWORD, "document.querySelector('mail-setup').shadowRoot"),
    ).toEqual([])
    expect(await verdict(step, 'incoming').locator('.badge').innerText()).toBe('Works')
    expect(await verdict(step, 'outgoing').locator('.badge').innerText()).toBe('Works')
    await screenshot(page, 'login-widget-en')
    expect(await seriousViolations(page)).toEqual([])
    await page.setViewportSize(PHONE)
    expect(await page.evaluate('document.scrollingElement.scrollWidth')).toBeLessThanOrEqual(390)
    await screenshot(page, 'login-widget-phone-en')
    await page.close()
  })
})
