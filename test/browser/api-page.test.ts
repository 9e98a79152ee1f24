/**
 * The API page (/api.html, rendered by web/api/main.ts from /openapi.json) in headless Chromium:
 * every operation of the document gets its section, schemas are linked, and axe finds nothing
 * serious.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import {
  launchBrowser,
  screenshot,
  seriousViolations,
  startApp,
  type TestServer,
} from './harness.ts'

let app: TestServer
let browser: Browser

beforeAll(async () => {
  ;[app, browser] = await Promise.all([startApp(), launchBrowser()])
})

afterAll(async () => {
  await browser?.close()
  await app?.close()
})

describe('the API page', () => {
  it('renders one section per operation of /openapi.json, with parameters, bodies and schemas', async () => {
    const doc = (await (await fetch(`${app.url}/openapi.json`)).json()) as {
      paths: Record<string, Record<string, unknown>>
      components: { schemas: Record<string, unknown> }
    }
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method}-${path}`),
    )
    const page = await browser.newPage()
    await page.goto(`${app.url}/api`)
    await page.locator('section.op').first().waitFor({ timeout: 10_000 })
    const ids = await page.locator('section.op').evaluateAll((nodes) => nodes.map((n) => n.id))
    expect(ids).toEqual(operations)
    const diagnose = page.locator('section[id="post-/api/v1/diagnose"]')
    await expect(diagnose.locator('h3').textContent()).resolves.toBe('POST /api/v1/diagnose')
    expect(await diagnose.getByText('Request body:').count()).toBe(1)
    // Schema references link to their component, which exists on the page.
    const href = await diagnose.locator('a[href^="#schema-"]').first().getAttribute('href')
    expect(href).toMatch(/^#schema-/)
    expect(await page.locator(`details[id="${href?.slice(1)}"]`).count()).toBe(1)
    expect(await page.locator('details[id^="schema-"]').count()).toBe(
      Object.keys(doc.components.schemas).length,
    )
    expect(await seriousViolations(page)).toEqual([])
    await screenshot(page, 'api-page')
    await page.close()
  })
})
