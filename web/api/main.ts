/**
 * @module
 * The API page (/api.html): renders /openapi.json as readable tables. No framework, no network
 * beyond this service.
 */
import type { OpenApiDocument, Operation, SchemaObject } from './openapi-types.ts'

type Child = Node | string

const el = (tag: string, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElement => {
  const node = document.createElement(tag)
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value)
  node.append(...children)
  return node
}

const refName = (ref: string): string => ref.split('/').pop() ?? ref

/** Text with `code` spans, as the descriptions write them. */
const rich = (text: string): HTMLElement => {
  const span = el('span')
  text.split('`').forEach((part, i) => span.append(i % 2 ? el('code', {}, part) : part))
  return span
}

const typeOf = (schema: SchemaObject | undefined): Child => {
  if (!schema) return ''
  if (schema.$ref) return el('a', { href: `#schema-${refName(schema.$ref)}` }, refName(schema.$ref))
  if (schema.oneOf) {
    const span = el('span')
    schema.oneOf.forEach((s, i) => span.append(i ? ' | ' : '', typeOf(s)))
    return span
  }
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(' | ')
  if (schema.type === 'array') return el('span', {}, 'array of ', typeOf(schema.items))
  return Array.isArray(schema.type) ? schema.type.join(' | ') : (schema.type ?? 'any')
}

const row = (cells: Child[], tag = 'td'): HTMLElement =>
  el('tr', {}, ...cells.map((cell) => el(tag, {}, cell)))

const table = (head: string[], rows: Child[][]): HTMLElement =>
  el('table', {}, row(head, 'th'), ...rows.map((cells) => row(cells)))

const propertiesTable = (schema: SchemaObject): HTMLElement => {
  const required = new Set(schema.required ?? [])
  return table(
    ['field', 'type', 'required'],
    Object.entries(schema.properties ?? {}).map(([name, prop]) => [
      el('code', {}, name),
      typeOf(prop),
      required.has(name) ? 'yes' : '',
    ]),
  )
}

const operationSection = (path: string, method: string, op: Operation): HTMLElement => {
  const section = el('section', { class: 'op', id: `${method}-${path}` })
  section.append(
    el(
      'h3',
      {},
      el('span', { class: `method ${method}` }, method.toUpperCase()),
      ' ',
      el('code', {}, path),
    ),
    el('p', {}, op.summary ?? ''),
  )
  if (op.description) section.append(el('p', {}, rich(op.description)))
  if (op.parameters?.length) {
    section.append(
      table(
        ['parameter', 'in', 'type', 'description'],
        op.parameters.map((p) => [
          el('code', {}, p.name + (p.required ? '' : '?')),
          p.in,
          typeOf(p.schema),
          p.description ?? '',
        ]),
      ),
    )
  }
  const body = op.requestBody?.content?.['application/json']?.schema
  if (body) section.append(el('p', {}, 'Request body: ', typeOf(body)))
  section.append(
    table(
      ['status', 'body', 'meaning'],
      Object.entries(op.responses ?? {}).map(([status, res]) => {
        const schema = res.content?.['application/json']?.schema
        return [status, schema ? typeOf(schema) : '', rich(res.description ?? '')]
      }),
    ),
  )
  return section
}

const render = (doc: OpenApiDocument): void => {
  const description = document.getElementById('description')
  if (description) description.textContent = doc.info.description ?? ''
  const ops = document.getElementById('ops')
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods))
      ops?.append(operationSection(path, method, op))
  }
  const components = document.getElementById('components')
  for (const [name, schema] of Object.entries(doc.components?.schemas ?? {})) {
    components?.append(
      el(
        'details',
        { id: `schema-${name}` },
        el('summary', {}, name),
        schema.properties
          ? propertiesTable(schema)
          : el('pre', {}, JSON.stringify(schema, null, 2)),
      ),
    )
  }
  if (location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView()
}

const main = async (): Promise<void> => {
  let doc: OpenApiDocument
  try {
    doc = (await (await fetch('/openapi.json')).json()) as OpenApiDocument
  } catch {
    const description = document.getElementById('description')
    if (description) description.textContent = 'Could not load /openapi.json.'
    return
  }
  render(doc)
}

void main()
