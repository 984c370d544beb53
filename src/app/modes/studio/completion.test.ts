import { describe, expect, it } from 'vitest'

import { routeJsonSchema } from '@/route/json-schema'

import { completionsAt } from './completion'
import { keysAt } from './schema-paths'

const SCHEMA = routeJsonSchema()

/** Completions where `|` stands in the text. */
function at(marked: string) {
  const offset = marked.indexOf('|')
  return completionsAt(marked.replace('|', ''), offset, SCHEMA)
}

describe('completionsAt', () => {
  it('offers the keys a stop still lacks, required ones marked, with their types', () => {
    const result = at('{"stops": [{"id": "a", "ti|"}]}')
    const labels = result?.options.map((o) => o.label)
    expect(labels).toContain('title')
    expect(labels).toContain('trigger')
    expect(labels).not.toContain('id')
    const zoom = result?.options.find((o) => o.label === 'zoom')
    expect(zoom?.detail).toBe('number 0–22 · required')
    expect(zoom?.template).toBe('"zoom": ${}')
    // The word being typed is what completions match.
    expect(result && '{"stops": [{"id": "a", "ti"}]}'.slice(result.from, result.to)).toBe('ti')
  })

  it('offers languages as the keys of a localised text', () => {
    const labels = at('{"title": {"en": "x", |}}')?.options.map((o) => o.label)
    expect(labels).toEqual(['zh-Hans', 'yue'])
  })

  it('offers the kinds of trigger, and then the keys of the chosen kind', () => {
    const kinds = at('{"stops": [{"trigger": {"type": "|"}}]}')?.options
    expect(kinds?.map((o) => o.label)).toEqual(['radius', 'segment'])
    expect(kinds?.[0]?.template).toBe('"radius"')
    const keys = at('{"stops": [{"trigger": {"type": "segment", |}}]}')?.options.map((o) => o.label)
    expect(keys).toEqual(['from', 'to'])
  })

  it('offers the enumerated values of a field and of array items', () => {
    expect(at('{"defaultLanguage": "|"}')?.options.map((o) => o.label)).toEqual(['zh-Hans', 'en', 'yue'])
    expect(at('{"languages": ["en", |]}')?.options.map((o) => o.label)).toContain('yue')
    expect(at('{"kiosk": {"sound": |}}')?.options.map((o) => o.label)).toEqual(['true', 'false'])
  })

  it('offers nothing inside free text', () => {
    expect(at('{"id": "pearl|"}')).toBeNull()
  })
})

describe('keysAt', () => {
  it('lists a stop’s keys in the schema’s order', () => {
    expect(keysAt(SCHEMA, ['stops', 0]).map((k) => k.name)).toEqual([
      'id',
      'kind',
      'title',
      'summary',
      'story',
      'position',
      'zoom',
      'trigger',
      'model',
      'views',
      'hotspots',
      'narration',
      'sources',
    ])
  })
})
