import * as z from 'zod/mini'

import { RouteSchema } from './schema'

/** The subset of JSON Schema (draft 2020-12) that zod emits for the route model. */
export interface JsonSchema {
  type?: string
  description?: string
  properties?: Record<string, JsonSchema>
  required?: string[]
  additionalProperties?: boolean | JsonSchema
  propertyNames?: JsonSchema
  items?: boolean | JsonSchema
  prefixItems?: JsonSchema[]
  minItems?: number
  maxItems?: number
  oneOf?: JsonSchema[]
  anyOf?: JsonSchema[]
  enum?: (string | number | boolean | null)[]
  const?: string | number | boolean | null
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number
  minLength?: number
  pattern?: string
  [key: string]: unknown
}

/** The JSON Schema of route files: what editors complete and check, and what docs/authoring.md lists. */
export function routeJsonSchema(): JsonSchema {
  const schema = z.toJSONSchema(RouteSchema, { target: 'draft-2020-12', io: 'input' }) as JsonSchema
  return {
    ...schema,
    $id: 'route.schema.json',
    title: 'Route pack: route.json',
    description: 'A narrated, map-linked route. Generated from src/route/schema.ts by `npm run schema`.',
  }
}

/** The JSON Schema of route files, as committed at routes-data/route.schema.json. */
export function routeJsonSchemaText(): string {
  return JSON.stringify(routeJsonSchema(), null, 2) + '\n'
}

/** The branches of a union (`oneOf`/`anyOf`), each expanded, or the schema itself. */
export function schemaBranches(schema: JsonSchema): JsonSchema[] {
  const union = schema.oneOf ?? schema.anyOf
  return union ? union.flatMap(schemaBranches) : [schema]
}

/** A short description of what a schema accepts, e.g. "number 0–22" or "one of: radius, segment". */
export function describeSchema(schema: JsonSchema): string {
  const options = schemaBranches(schema)
  if (options.length > 1) {
    const kinds = options.map((o) => o.properties?.type?.const).filter((k) => k !== undefined)
    return kinds.length === options.length
      ? `one of: ${kinds.join(', ')} (by "type")`
      : 'one of several forms'
  }
  if (schema.const !== undefined) return JSON.stringify(schema.const)
  if (schema.enum) return `one of: ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}`
  if (schema.type === 'number') {
    if (schema.minimum !== undefined && schema.maximum !== undefined) {
      return `number ${schema.minimum}–${schema.maximum}`
    }
    if (schema.exclusiveMinimum !== undefined) return `number > ${schema.exclusiveMinimum}`
    if (schema.minimum !== undefined) return `number ≥ ${schema.minimum}`
    return 'number'
  }
  if (schema.type === 'array') {
    const tuple = schema.prefixItems
    if (tuple?.length === 2 && tuple[0]?.maximum === 180) return '[longitude, latitude]'
    if (tuple?.length === 3) return '[x, y, z]'
    if (tuple) return `[${tuple.map(describeSchema).join(', ')}]`
    const item = typeof schema.items === 'object' ? schema.items : {}
    const keys = item.type === 'object' && item.properties ? Object.keys(item.properties) : null
    // A small object is shown by its keys; a large one is described where it is listed.
    const what = keys ? (keys.length <= 4 ? `{ ${keys.join(', ')} }` : 'objects') : describeSchema(item)
    return `list of ${what}${schema.minItems ? ` (at least ${schema.minItems})` : ''}`
  }
  const languages = schema.propertyNames?.enum?.join(', ')
  if (schema.type === 'object' && languages) {
    const text =
      typeof schema.additionalProperties === 'object' && schema.additionalProperties.type === 'string'
    return text ? `text per language (${languages})` : `per language (${languages})`
  }
  if (schema.type === 'object') return 'object'
  if (schema.type === 'string' && schema.pattern === '^[a-z0-9]+(?:-[a-z0-9]+)*$') return 'kebab-case id'
  return schema.type ?? 'any value'
}
