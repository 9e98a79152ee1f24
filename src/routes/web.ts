/**
 * @module
 * `GET /widget.js` (the embeddable widget, built into public/build/ by `npm run build:web`),
 * `GET /widget-demo` (embedding code and a live example) and `GET /r/{id}` (the page, for a
 * stored report: marked noindex). The page itself is static.
 */
import { Hono } from 'hono'
import { isReportId } from '../diagnose/report-id.ts'
import { apiError } from './api-error.ts'
import { widgetDemoPage } from './widget-demo.ts'

/** Where the build puts the widget, relative to public/. */
export const WIDGET_ASSET = 'build/widget.js'
/** The page, served as is for `/` and with noindex for `/r/{id}`. */
export const PAGE_ASSET = 'index.html'

export interface WebDeps {
  /** Reads a file under public/ (runtime-specific); null when it does not exist. */
  readAsset: (name: typeof WIDGET_ASSET | typeof PAGE_ASSET) => Promise<string | null>
  /** True when a stored report with this id exists (the page then answers 200, else 404). */
  reportExists?: (id: string) => Promise<boolean>
  /** The service's public origin (MAILSETUP_PUBLIC_URL), for the embedding code. */
  publicUrl: string
}

const NOINDEX = '<meta name="robots" content="noindex" />'

/**
 * Mount at `/`.
 *
 * @example
 * app.route('/', webRoutes({ publicUrl, readAsset: (name) => readFile(join(publicDir, name), 'utf8').catch(() => null) }))
 */
export const webRoutes = (deps: WebDeps): Hono => {
  const app = new Hono()

  app.get('/widget.js', async function widgetScript(c) {
    const js = await deps.readAsset(WIDGET_ASSET)
    if (js === null)
      return apiError(c, 'NOT_BUILT', 'The widget is not built; run npm run build:web.')
    return c.body(js, 200, {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': 'public, max-age=300',
      // Embedded on other sites, also under Cross-Origin-Embedder-Policy.
      'Cross-Origin-Resource-Policy': 'cross-origin',
      'X-Content-Type-Options': 'nosniff',
    })
  })

  app.get('/r/:id', async function reportPage(c) {
    const html = await deps.readAsset(PAGE_ASSET)
    if (html === null) return apiError(c, 'NOT_BUILT', 'The page is missing from public/.')
    const id = c.req.param('id')
    const known = isReportId(id) && ((await deps.reportExists?.(id)) ?? false)
    // The link is the only key to the report: no search engine, no cache, no Referer.
    c.header('X-Robots-Tag', 'noindex, nofollow')
    c.header('Cache-Control', 'private, no-store')
    c.header('Referrer-Policy', 'no-referrer')
    return c.html(html.replace('<head>', `<head>\n    ${NOINDEX}`), known ? 200 : 404)
  })

  app.get('/widget-demo', function widgetDemo(c) {
    return c.html(widgetDemoPage(deps.publicUrl))
  })

  return app
}
