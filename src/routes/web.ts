/**
 * @module
 * `GET /widget.js` (the embeddable widget, built into public/build/ by `npm run build:web`)
 * and `GET /widget-demo` (embedding code and a live example). The page itself is static.
 */
import { Hono } from 'hono'
import { apiError } from './api-error.ts'
import { widgetDemoPage } from './widget-demo.ts'

/** Where the build puts the widget, relative to public/. */
export const WIDGET_ASSET = 'build/widget.js'

export interface WebDeps {
  /** Reads a built file under public/ (runtime-specific); null when it does not exist. */
  readAsset: (name: typeof WIDGET_ASSET) => Promise<string | null>
}

/**
 * Mount at `/`.
 *
 * @example
 * app.route('/', webRoutes({ readAsset: (name) => readFile(join(publicDir, name), 'utf8').catch(() => null) }))
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

  app.get('/widget-demo', function widgetDemo(c) {
    return c.html(widgetDemoPage(new URL(c.req.url).origin))
  })

  return app
}
