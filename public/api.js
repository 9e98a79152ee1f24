// Renders /openapi.json as a readable page. No framework, no network beyond this service.
;(async () => {
  const el = (tag, attrs = {}, ...children) => {
    const node = document.createElement(tag)
    for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value)
    for (const child of children)
      node.append(child instanceof Node ? child : document.createTextNode(String(child)))
    return node
  }
  const refName = (ref) => ref.split('/').pop()
  /** Text with `code` spans, as the descriptions write them. */
  const rich = (text) => {
    const span = el('span')
    text.split('`').forEach((part, i) => span.append(i % 2 ? el('code', {}, part) : part))
    return span
  }
  const typeOf = (schema) => {
    if (!schema) return ''
    if (schema.$ref)
      return el('a', { href: `#schema-${refName(schema.$ref)}` }, refName(schema.$ref))
    if (schema.oneOf) {
      const span = el('span')
      schema.oneOf.forEach((s, i) => span.append(i ? ' | ' : '', typeOf(s)))
      return span
    }
    if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(' | ')
    if (schema.type === 'array') {
      const span = el('span', {}, 'array of ')
      span.append(typeOf(schema.items))
      return span
    }
    return Array.isArray(schema.type) ? schema.type.join(' | ') : (schema.type ?? 'any')
  }
  const propertiesTable = (schema) => {
    const table = el(
      'table',
      {},
      el('tr', {}, el('th', {}, 'field'), el('th', {}, 'type'), el('th', {}, 'required')),
    )
    const required = new Set(schema.required ?? [])
    for (const [name, prop] of Object.entries(schema.properties ?? {})) {
      table.append(
        el(
          'tr',
          {},
          el('td', {}, el('code', {}, name)),
          el('td', {}, typeOf(prop)),
          el('td', {}, required.has(name) ? 'yes' : ''),
        ),
      )
    }
    return table
  }

  let doc
  try {
    doc = await (await fetch('/openapi.json')).json()
  } catch {
    document.getElementById('description').textContent = 'Could not load /openapi.json.'
    return
  }
  document.getElementById('description').textContent = doc.info.description
  const ops = document.getElementById('ops')
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const section = el('section', { class: 'op', id: `${method}-${path}` })
      section.append(
        el(
          'h3',
          {},
          el('span', { class: `method ${method}` }, method.toUpperCase()),
          ' ',
          el('code', {}, path),
        ),
      )
      section.append(el('p', {}, op.summary ?? ''))
      if (op.description) section.append(el('p', {}, rich(op.description)))
      if (op.parameters?.length) {
        const table = el(
          'table',
          {},
          el(
            'tr',
            {},
            el('th', {}, 'parameter'),
            el('th', {}, 'in'),
            el('th', {}, 'type'),
            el('th', {}, 'description'),
          ),
        )
        for (const p of op.parameters) {
          table.append(
            el(
              'tr',
              {},
              el('td', {}, el('code', {}, p.name + (p.required ? '' : '?'))),
              el('td', {}, p.in),
              el('td', {}, typeOf(p.schema)),
              el('td', {}, p.description ?? ''),
            ),
          )
        }
        section.append(table)
      }
      const body = op.requestBody?.content?.['application/json']?.schema
      if (body) section.append(el('p', {}, 'Request body: ', typeOf(body)))
      const responses = el(
        'table',
        {},
        el('tr', {}, el('th', {}, 'status'), el('th', {}, 'body'), el('th', {}, 'meaning')),
      )
      for (const [status, res] of Object.entries(op.responses ?? {})) {
        const schema = res.content?.['application/json']?.schema
        responses.append(
          el(
            'tr',
            {},
            el('td', {}, status),
            el('td', {}, schema ? typeOf(schema) : ''),
            el('td', {}, rich(res.description ?? '')),
          ),
        )
      }
      section.append(responses)
      ops.append(section)
    }
  }
  const components = document.getElementById('components')
  for (const [name, schema] of Object.entries(doc.components?.schemas ?? {})) {
    const details = el('details', { id: `schema-${name}` }, el('summary', {}, name))
    details.append(
      schema.properties ? propertiesTable(schema) : el('pre', {}, JSON.stringify(schema, null, 2)),
    )
    components.append(details)
  }
  if (location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView()
})()
