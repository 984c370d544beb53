import { readFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'

import { routeJsonSchemaText } from './json-schema'

describe('routes-data/route.schema.json', () => {
  it('is the schema generated from src/route/schema.ts (run `npm run schema` after changing it)', () => {
    const committed = readFileSync(new URL('../../routes-data/route.schema.json', import.meta.url), 'utf8')
    expect(committed).toBe(routeJsonSchemaText())
  })

  it('rejects unknown keys in stops, so editors flag typos', () => {
    const schema = JSON.parse(routeJsonSchemaText()) as {
      properties: { stops: { items: { additionalProperties: boolean; required: string[] } } }
    }
    expect(schema.properties.stops.items.additionalProperties).toBe(false)
    expect(schema.properties.stops.items.required).toContain('story')
  })
})
