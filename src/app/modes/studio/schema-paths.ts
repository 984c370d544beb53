import { schemaBranches as branches, type JsonSchema } from '@/route/json-schema'

import type { JsonPath } from './json-edit'

/** One key an object may have at a path: what completion offers and where a new key is placed. */
export interface SchemaKey {
  name: string
  schema: JsonSchema
  required: boolean
}

function valueAt(value: unknown, segment: string | number): unknown {
  if (typeof value !== 'object' || value === null) return undefined
  return (value as Record<string, unknown>)[segment]
}

/**
 * Keeps the branches of a union whose constant keys agree with the value (e.g. the trigger whose `type` is
 * "segment"); all of them when none agrees, so completion still offers something while the value is unfinished.
 */
function matching(schemas: JsonSchema[], value: unknown): JsonSchema[] {
  const agreeing = schemas.filter((schema) =>
    Object.entries(schema.properties ?? {}).every(([key, property]) => {
      const actual = valueAt(value, key)
      return property.const === undefined || actual === undefined || actual === property.const
    }),
  )
  return agreeing.length > 0 ? agreeing : schemas
}

/** The schemas that may describe the value at `path` of `document` (several where a union is undecided). */
export function schemasAt(root: JsonSchema, path: JsonPath, document?: unknown): JsonSchema[] {
  let current = matching(branches(root), document)
  let value = document
  for (const segment of path) {
    value = valueAt(value, segment)
    const next: JsonSchema[] = []
    for (const schema of current) {
      if (typeof segment === 'number') {
        const item = schema.prefixItems?.[segment] ?? schema.items
        if (typeof item === 'object') next.push(item)
      } else {
        const property = schema.properties?.[segment]
        const extra = schema.additionalProperties
        const allowed = schema.propertyNames?.enum?.includes(segment) ?? true
        if (property) next.push(property)
        else if (typeof extra === 'object' && allowed) next.push(extra)
      }
    }
    current = matching(next.flatMap(branches), value)
  }
  return current
}

/** The keys the object at `path` may have, in the schema's order, each once. */
export function keysAt(root: JsonSchema, path: JsonPath, document?: unknown): SchemaKey[] {
  const keys = new Map<string, SchemaKey>()
  for (const schema of schemasAt(root, path, document)) {
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      if (!keys.has(name))
        keys.set(name, { name, schema: property, required: !!schema.required?.includes(name) })
    }
    const extra = schema.additionalProperties
    for (const name of schema.propertyNames?.enum ?? []) {
      if (typeof name === 'string' && typeof extra === 'object' && !keys.has(name)) {
        keys.set(name, { name, schema: extra, required: false })
      }
    }
  }
  return [...keys.values()]
}

/** The values a schema allows outright: its constants, its enumeration, or true and false. */
export function literalValues(schemas: JsonSchema[]): (string | number | boolean | null)[] {
  const values = new Set<string | number | boolean | null>()
  for (const schema of schemas.flatMap(branches)) {
    if (schema.const !== undefined) values.add(schema.const)
    for (const value of schema.enum ?? []) values.add(value)
    if (schema.type === 'boolean') {
      values.add(true)
      values.add(false)
    }
  }
  return [...values]
}
