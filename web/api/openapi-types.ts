/**
 * @module
 * The slice of an OpenAPI 3.1 document that the API page reads (what src/openapi writes).
 */

export interface SchemaObject {
  $ref?: string
  oneOf?: SchemaObject[]
  enum?: unknown[]
  type?: string | string[]
  items?: SchemaObject
  properties?: Record<string, SchemaObject>
  required?: string[]
}

export interface Parameter {
  name: string
  in: string
  required?: boolean
  description?: string
  schema?: SchemaObject
}

interface Content {
  content?: { 'application/json'?: { schema?: SchemaObject } }
}

export interface Operation {
  summary?: string
  description?: string
  parameters?: Parameter[]
  requestBody?: Content
  responses?: Record<string, Content & { description?: string }>
}

export interface OpenApiDocument {
  info: { description?: string }
  paths: Record<string, Record<string, Operation>>
  components?: { schemas?: Record<string, SchemaObject> }
}
