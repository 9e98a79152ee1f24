/**
 * @module
 * The HTML of `/widget-demo`: the embedding code for this service's origin and two live
 * widgets (full in English, compact in Chinese with a default domain).
 */

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`)

/**
 * @example
 * c.html(widgetDemoPage('https://setup.example.net'))
 */
export const widgetDemoPage = (origin: string): string => {
  const snippet = `<script src="${origin}/widget.js" defer></script>
<mail-setup lang="zh-CN" domain="example.com"></mail-setup>`
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>mailsetup widget: embedding and demo</title>
<style>
body { margin: 0; font: 16px/1.55 system-ui, -apple-system, 'Segoe UI', Roboto, 'PingFang SC', 'Microsoft YaHei', sans-serif; color: #1b1f24; }
main { max-width: 54em; margin: 0 auto; padding: 1em 1.25em 3em; }
pre { background: #f3f5f8; padding: 0.8em; border-radius: 8px; white-space: pre-wrap; overflow-wrap: anywhere; }
code { font-family: ui-monospace, Menlo, Consolas, monospace; }
table { border-collapse: collapse; } th, td { text-align: left; padding: 0.3em 0.6em; border-bottom: 1px solid #d5dbe1; vertical-align: top; }
mail-setup { margin: 1em 0 2em; }
a { color: #0b57d0; }
</style>
<script src="/widget.js" defer></script>
</head>
<body>
<main>
<h1>Put email setup on your helpdesk page</h1>
<p>Add these two lines where the widget should appear. The widget calls this service from the visitor's browser, so the operator must list your site's origin in <code>MAILSETUP_WIDGET_ORIGINS</code>.</p>
<pre><code>${escapeHtml(snippet)}</code></pre>
<h2>Attributes</h2>
<table>
<thead><tr><th scope="col">Attribute</th><th scope="col">Meaning</th></tr></thead>
<tbody>
<tr><td><code>lang</code></td><td><code>en</code> or <code>zh-CN</code>; without it, the visitor's browser language.</td></tr>
<tr><td><code>domain</code></td><td>Your mail domain: visitors may type only the part before the @.</td></tr>
<tr><td><code>compact</code></td><td>Smaller: one progress line, no explanations; a link opens the full page.</td></tr>
<tr><td><code>probe="false"</code></td><td>Answer from the database and DNS only, without testing the servers live.</td></tr>
</tbody>
</table>
<h2>Live example</h2>
<mail-setup lang="en" id="demo-full"></mail-setup>
<h2>Compact, in Chinese, with a default domain</h2>
<mail-setup lang="zh-CN" domain="qq.com" compact id="demo-compact"></mail-setup>
<p><a href="/">Back to the setup page</a></p>
</main>
</body>
</html>
`
}
