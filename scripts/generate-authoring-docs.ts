/**
 * Writes the field reference of docs/authoring.md (between its markers) from the route schema, so the page
 * lists every field the validator knows, with its type, whether it is required and its description.
 * Run `npx tsx scripts/generate-authoring-docs.ts` after changing src/route/schema.ts; a unit test fails while
 * the page is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'

import { format, resolveConfig } from 'prettier'

import { describeSchema, routeJsonSchema, schemaBranches, type JsonSchema } from '../src/route/json-schema'

export const DOC = fileURLToPath(new URL('../docs/authoring.md', import.meta.url))
export const START =
  '<!-- field reference: generated from src/route/schema.ts by scripts/generate-authoring-docs.ts -->'
export const END = '<!-- end of field reference -->'

interface Table {
  heading: string
  description?: string
  rows: string[][]
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ')

/** One table per kind of object in the route file, in the order a reader meets them. */
function tables(schema: JsonSchema): Table[] {
  const found: Table[] = []
  const visit = (name: string, node: JsonSchema) => {
    for (const branch of schemaBranches(node)) {
      const kind = branch.properties?.type?.const
      if (branch.type === 'object' && branch.properties) {
        const heading = `${name || 'route'}${kind !== undefined ? ` with "type": "${String(kind)}"` : ''}`
        // The root's description is the JSON Schema file's own, about how it was made.
        const description = name ? branch.description : undefined
        found.push({
          heading,
          ...(description ? { description } : {}),
          rows: Object.entries(branch.properties).map(([key, property]) => [
            `\`${key}\``,
            cell(describeSchema(property)),
            branch.required?.includes(key) ? 'yes' : '',
            cell(property.description ?? ''),
          ]),
        })
        for (const [key, property] of Object.entries(branch.properties))
          visit(name ? `${name}.${key}` : key, property)
      } else if (branch.type === 'object' && typeof branch.additionalProperties === 'object') {
        const item = branch.additionalProperties
        if (item.type === 'object') visit(`${name}.<language>`, item)
      } else if (branch.type === 'array' && typeof branch.items === 'object') {
        visit(`${name}[]`, branch.items)
      }
    }
  }
  visit('', schema)
  return found
}

/** The field reference as Markdown (before Prettier lays out its tables). */
export function fieldReference(schema: JsonSchema = routeJsonSchema()): string {
  return tables(schema)
    .map((table) => {
      const lines = [`### \`${table.heading}\``, '']
      if (table.description) lines.push(table.description, '')
      lines.push('| field | type | required | what it is |', '| --- | --- | --- | --- |')
      for (const row of table.rows) lines.push(`| ${row.join(' | ')} |`)
      return lines.join('\n')
    })
    .join('\n\n')
}

/** The page with its field reference replaced by the one generated now, formatted as the repository formats it. */
export async function withFieldReference(page: string): Promise<string> {
  const start = page.indexOf(START)
  const end = page.indexOf(END)
  if (start < 0 || end < start) throw new Error(`docs/authoring.md needs the markers ${START} and ${END}`)
  const next = `${page.slice(0, start + START.length)}\n\n${fieldReference()}\n\n${page.slice(end)}`
  const config = (await resolveConfig(DOC)) ?? {}
  return format(next, { ...config, parser: 'markdown' })
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(DOC, await withFieldReference(readFileSync(DOC, 'utf8')))
  console.log(`wrote ${DOC}`)
}
