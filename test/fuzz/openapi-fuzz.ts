/**
 * A schema-driven fuzzer: requests made from /openapi.json (every operation, its parameters and
 * its request body, mostly valid, often hostile: wrong types, garbage strings, the hostile
 * address corpus, other content types and methods), sent in-process to the test app, and each
 * answer checked against the same document: no 5xx, a documented status, a JSON body that
 * matches the schema documented for it (ajv, JSON Schema 2020-12), and no 400 for a request the
 * document says is valid (the document may not be looser than the route). fast-check drives it
 * with a fixed seed, so a run is reproducible.
 */
import { Ajv2020 } from 'ajv/dist/2020.js'
import fc from 'fast-check'
import { HOSTILE_ADDRESSES } from '../support/hostile-addresses.ts'

type Json = Record<string, unknown>

interface Parameter {
  name: string
  in: 'query' | 'path' | 'header'
  required?: boolean
  schema: Json
}

interface Operation {
  parameters?: Parameter[]
  requestBody?: { required?: boolean; content: Record<string, { schema?: Json }> }
  responses: Record<
    string,
    { content?: Record<string, { schema?: Json; 'x-events'?: Record<string, Json> }> }
  >
}

export interface OpenApiDoc {
  paths: Record<string, Record<string, Operation>>
  components: { schemas: Record<string, Json> }
}

/** One generated request and what the document says about it. */
export interface FuzzRequest {
  method: string
  path: string
  template: string
  url: string
  headers: Record<string, string>
  body?: string
  /** True when every part of it satisfies the document (so a 400 would be a looser document). */
  valid: boolean
  operation: Operation | null
}

export interface Violation {
  request: Pick<FuzzRequest, 'method' | 'url' | 'headers' | 'body'>
  status: number
  problem: string
}

const METHODS = ['get', 'post', 'put', 'delete', 'patch']

/** Strings that have broken web services, and this one (issue 14's hostile addresses). */
export const HOSTILE_STRINGS = [
  '',
  ' ',
  '0',
  '-1',
  'null',
  '[]',
  '{}',
  '%00',
  '\u0000',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  'a'.repeat(300),
  '𝒜😀',
  ...HOSTILE_ADDRESSES,
  'a@[127.0.0.1]',
  '"a b"@example.com',
  'a@@example.com',
  '@example.com',
  'a@',
  '127.0.0.1',
  '127.1',
  '2130706433',
  '::1',
  '[::ffff:127.0.0.1]',
  'localhost',
  'mail.example.com',
  'imap.qq.com',
  'ann@qq.com',
  'ann@example.com',
  'zh-CN',
  'en',
  'imap',
  'pop3',
  'smtp',
  'tls',
]

const garbage: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string({ maxLength: 40 }),
  fc.integer({ min: -70_000, max: 70_000 }),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), { maxKeys: 3 }),
)

/** Builds arbitraries from the document's schemas and validators for its answers. */
export const createFuzzer = (source: OpenApiDoc) => {
  // The components become one schema, `openapi`, and every reference points into it, so ajv
  // resolves them wherever a schema appears (a parameter, a body, a response).
  const doc = JSON.parse(
    JSON.stringify(source).replaceAll('"#/components/schemas/', '"openapi#/$defs/'),
  ) as OpenApiDoc
  const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: false })
  const params = new Ajv2020({ strict: false, coerceTypes: true, validateFormats: false })
  for (const validator of [ajv, params])
    validator.addSchema({ $id: 'openapi', $defs: doc.components.schemas })
  const resolve = (schema: Json): Json => {
    const ref = schema.$ref
    if (typeof ref === 'string') {
      const name = ref.replace('openapi#/$defs/', '')
      return resolve(doc.components.schemas[name] ?? {})
    }
    return schema
  }

  /** Mostly values the schema allows (valid: true), sometimes garbage. */
  const valueOf = (raw: Json, depth = 0): fc.Arbitrary<unknown> => {
    const schema = resolve(raw)
    if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]))
    if ('const' in schema) return fc.constant(schema.const)
    for (const key of ['oneOf', 'anyOf'] as const) {
      const options = schema[key]
      if (Array.isArray(options) && options.length > 0) {
        // anyOf beside properties (a cross-field rule): generate from the object itself.
        if (!schema.properties)
          return fc.oneof(...(options as Json[]).map((o) => valueOf(o, depth + 1)))
      }
    }
    const type = Array.isArray(schema.type) ? schema.type[0] : schema.type
    switch (type) {
      case 'string': {
        if (typeof schema.pattern === 'string') {
          try {
            return fc.stringMatching(new RegExp(schema.pattern as string))
          } catch {
            // a pattern fast-check cannot generate from: fall through to plain strings
          }
        }
        const min = typeof schema.minLength === 'number' ? schema.minLength : 0
        const max = typeof schema.maxLength === 'number' ? Math.min(schema.maxLength, 60) : 30
        return fc.string({ minLength: min, maxLength: Math.max(min, max) })
      }
      case 'integer':
        return fc.integer({
          min: typeof schema.minimum === 'number' ? schema.minimum : -1_000,
          max: typeof schema.maximum === 'number' ? schema.maximum : 100_000,
        })
      case 'number':
        return fc.double({ noNaN: true, min: -1e6, max: 1e6 })
      case 'boolean':
        return fc.boolean()
      case 'array':
        return depth > 3
          ? fc.constant([])
          : fc.array(valueOf((schema.items as Json) ?? {}, depth + 1), { maxLength: 3 })
      case 'object': {
        const props = (schema.properties as Record<string, Json> | undefined) ?? {}
        if (depth > 3 || Object.keys(props).length === 0) return fc.constant({})
        const required = (schema.required as string[] | undefined) ?? []
        return fc.record(
          Object.fromEntries(Object.entries(props).map(([k, v]) => [k, valueOf(v, depth + 1)])),
          { requiredKeys: required.filter((k) => k in props) },
        )
      }
      default:
        return garbage
    }
  }

  /** A value for `schema`: 80 % from the schema, 20 % garbage. */
  const fuzzed = (schema: Json) =>
    fc.oneof({ weight: 4, arbitrary: valueOf(schema) }, { weight: 1, arbitrary: garbage })

  const asText = (value: unknown) =>
    typeof value === 'string' ? value : value === null ? 'null' : JSON.stringify(value)

  // Query and path values arrive as text: "5" satisfies an integer parameter, as for the route.
  const validParam = (schema: Json, value: string) => params.validate(schema, value)

  const requestFor = (
    template: string,
    method: string,
    op: Operation,
    siblings: Record<string, Operation>,
  ): fc.Arbitrary<FuzzRequest> => {
    const parameters = op.parameters ?? []
    const paramArbs = Object.fromEntries(
      parameters.map((p) => [
        `${p.in}:${p.name}`,
        p.required || p.in === 'path'
          ? fuzzed(p.schema).map(asText)
          : fc.option(fuzzed(p.schema).map(asText), { nil: undefined }),
      ]),
    )
    const jsonBody = op.requestBody?.content['application/json']?.schema
    const otherBody = Object.keys(op.requestBody?.content ?? {}).find(
      (t) => t !== 'application/json',
    )
    const body: fc.Arbitrary<{ text?: string; type?: string; valid: boolean }> = jsonBody
      ? fc.oneof(
          {
            weight: 6,
            arbitrary: fuzzed(jsonBody).map((v) => ({
              text: JSON.stringify(v),
              type: 'application/json',
              valid: ajv.validate(jsonBody, v),
            })),
          },
          {
            weight: 1,
            arbitrary: fc
              .string({ maxLength: 40 })
              .map((t) => ({ text: t, type: 'application/json', valid: false })),
          },
          {
            weight: 1,
            arbitrary: fc
              .tuple(
                fuzzed(jsonBody),
                fc.constantFrom(
                  'text/plain',
                  'application/x-www-form-urlencoded',
                  'multipart/form-data; boundary=x',
                  '',
                ),
              )
              .map(([v, type]) => ({ text: JSON.stringify(v), type, valid: false })),
          },
        )
      : otherBody
        ? fc.oneof(
            fc
              .constantFrom(...HOSTILE_STRINGS)
              .map((t) => ({ text: t, type: otherBody, valid: false })),
            fc.string().map((t) => ({ text: t, type: otherBody, valid: false })),
          )
        : fc.constant({ valid: true })
    const otherMethod = fc.constantFrom(...METHODS.filter((m) => m !== method))
    return fc
      .record({
        params: fc.record(paramArbs),
        body,
        method: fc.oneof(
          { weight: 12, arbitrary: fc.constant(method) },
          { weight: 1, arbitrary: otherMethod },
        ),
        sse: fc.boolean(),
        origin: fc.oneof(
          { weight: 10, arbitrary: fc.constant(undefined) },
          { weight: 1, arbitrary: fc.constantFrom('https://evil.example', 'null') },
        ),
      })
      .map(({ params: values, body: b, method: m, sse, origin }) => {
        let valid = m === method && b.valid && origin === undefined
        // An empty, '.' or '..' path segment is another path (404; URL normalisation drops the
        // dot segments), whatever the template documents.
        let onTemplate = true
        let path = template
        const query = new URLSearchParams()
        const headers: Record<string, string> = {}
        for (const p of parameters) {
          const value = values[`${p.in}:${p.name}`] as string | undefined
          if (value !== undefined && !validParam(p.schema, value)) valid = false
          if (value === undefined) {
            if (p.required) valid = false
            continue
          }
          if (p.in === 'path') {
            if (value === '' || value === '.' || value === '..') onTemplate = false
            path = path.replace(`{${p.name}}`, encodeURIComponent(value))
          } else if (p.in === 'query') query.append(p.name, value)
          else if (/^[\x20-\x7e]*$/.test(value)) headers[p.name] = value
          else valid = false
        }
        if (b.type !== undefined && b.type !== '') headers['content-type'] = b.type
        if (sse) headers.accept = 'text/event-stream'
        if (origin) headers.origin = origin
        const search = query.toString()
        return {
          method: m.toUpperCase(),
          path,
          template,
          url: `http://localhost${path}${search ? `?${search}` : ''}`,
          headers,
          body: b.text,
          valid,
          operation: onTemplate ? (siblings[m] ?? null) : null,
        }
      })
  }

  const operations = Object.entries(doc.paths).flatMap(([template, methods]) =>
    Object.entries(methods)
      .filter(([m]) => METHODS.includes(m))
      .map(([m, op]) => requestFor(template, m, op, methods)),
  )

  /** Every operation of the document, picked evenly. */
  const anyRequest: fc.Arbitrary<FuzzRequest> = fc.oneof(...operations)

  /** What is wrong with `res` as the answer to `req` by the document; [] when nothing. */
  const check = async (req: FuzzRequest, res: Response): Promise<string[]> => {
    const problems: string[] = []
    if (res.status >= 500) problems.push(`${res.status} from the service`)
    const type = res.headers.get('content-type')?.split(';')[0]?.trim() ?? ''
    const text = await res.text()
    if (!req.operation) {
      if (res.status === 405 && !res.headers.get('allow')) problems.push('405 without Allow')
      if (res.status !== 405 && res.status !== 404 && res.status !== 403 && res.status !== 429)
        problems.push(`an undocumented method answered ${res.status}`)
      return problems
    }
    const documented = req.operation.responses[String(res.status)]
    if (!documented) {
      problems.push(`status ${res.status} is not documented`)
      return problems
    }
    if (res.status === 400 && req.valid)
      problems.push(`400 for a request the document allows: ${text.slice(0, 200)}`)
    const schema = documented.content?.[type]?.schema
    if (type === 'application/json' && !documented.content?.[type])
      problems.push(
        `JSON answer where the document says ${Object.keys(documented.content ?? {}).join(', ') || 'no body'}`,
      )
    if (schema && type === 'application/json') {
      let value: unknown
      try {
        value = JSON.parse(text)
      } catch {
        problems.push('a JSON content type with a body that is not JSON')
      }
      if (value !== undefined && !ajv.validate(schema, value))
        problems.push(`body does not match its schema: ${ajv.errorsText(ajv.errors).slice(0, 300)}`)
    }
    if (type === 'text/event-stream') {
      const events = [...text.matchAll(/^event: (.*)\ndata: (.*)$/gm)].map((m) => ({
        name: m[1] ?? '',
        data: m[2] ?? '',
      }))
      const last = events[events.length - 1]?.name
      if (last !== 'report' && last !== 'result' && last !== 'error')
        problems.push(`a stream that ends with ${last ?? 'nothing'}`)
      // Where the document names each event's data, every event must match it.
      const named = documented.content?.[type]?.['x-events']
      for (const event of named ? events : []) {
        const eventSchema = named?.[event.name]
        if (!eventSchema) problems.push(`an undocumented event: ${event.name}`)
        else if (!ajv.validate(eventSchema, JSON.parse(event.data)))
          problems.push(
            `${event.name} event does not match its schema: ${ajv.errorsText(ajv.errors).slice(0, 300)}`,
          )
      }
    }
    return problems
  }

  /** The document's operation (its references resolvable by `check`). */
  const operation = (template: string, method: string): Operation | null =>
    doc.paths[template]?.[method] ?? null

  return { anyRequest, check, operation }
}
