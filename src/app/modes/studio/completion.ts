import { findNodeAtLocation, getLocation, parse, parseTree } from 'jsonc-parser'

import { describeSchema, type JsonSchema } from '@/route/json-schema'

import { keysAt, literalValues, schemasAt } from './schema-paths'

/** One completion: what is shown, what is written (with `${}` where the cursor goes), and what it means. */
export interface SchemaCompletion {
  label: string
  /** A CodeMirror snippet template. */
  template: string
  detail: string
  info?: string
  kind: 'property' | 'enum'
  required?: boolean
}

/**
 * The word to complete (without quotes: the template replaces any quotes around it) and the completions there,
 * or null where the schema has nothing to offer.
 */
export interface SchemaCompletions {
  from: number
  to: number
  options: SchemaCompletion[]
}

function templateFor(schema: JsonSchema): string {
  const type = schema.type ?? schema.oneOf?.[0]?.type ?? schema.anyOf?.[0]?.type
  if (type === 'string') return '"${}"'
  if (type === 'object') return '{${}}'
  if (type === 'array') return '[${}]'
  return '${}'
}

/**
 * What the route schema offers at `offset` of a route file being typed: the keys still missing from the object
 * there (with their types and descriptions, required ones first), or the values allowed there (enumerations,
 * the `type` of a trigger or a cue, true/false).
 */
export function completionsAt(text: string, offset: number, schema: JsonSchema): SchemaCompletions | null {
  const location = getLocation(text, offset)
  const document: unknown = parse(text)
  // The word being typed, without its quotes: completions match it, and replace the quotes around it too.
  const from = offset - (/[\w$-]*$/.exec(text.slice(0, offset))?.[0].length ?? 0)
  const to = offset + (/^[\w$-]*/.exec(text.slice(offset))?.[0].length ?? 0)

  if (location.isAtPropertyKey) {
    const objectPath = location.path.slice(0, -1)
    const root = parseTree(text)
    const object = root && findNodeAtLocation(root, objectPath)
    const typing = String(location.path[location.path.length - 1] ?? '')
    const present = new Set(
      (object?.children ?? []).map((p) => String(p.children?.[0]?.value)).filter((k) => k !== typing),
    )
    const options = keysAt(schema, objectPath, document)
      .filter((key) => !present.has(key.name))
      .map<SchemaCompletion>((key) => ({
        label: key.name,
        template: `${JSON.stringify(key.name)}: ${templateFor(key.schema)}`,
        detail: `${describeSchema(key.schema)}${key.required ? ' · required' : ''}`,
        ...(key.schema.description ? { info: key.schema.description } : {}),
        kind: 'property',
        required: key.required,
      }))
    return options.length > 0 ? { from, to, options } : null
  }

  const values = literalValues(schemasAt(schema, location.path, document))
  if (values.length === 0) return null
  const options = values.map<SchemaCompletion>((value) => ({
    label: String(value),
    template: JSON.stringify(value).replace(/[$#]\{/g, '\\$&'),
    detail: 'allowed value',
    kind: 'enum',
  }))
  return { from, to, options }
}
