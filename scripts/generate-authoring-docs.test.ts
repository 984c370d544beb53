import { readFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'

import { DOC, fieldReference, withFieldReference } from './generate-authoring-docs'

describe('docs/authoring.md', () => {
  it('has the field reference generated from src/route/schema.ts (run `npx tsx scripts/generate-authoring-docs.ts`)', async () => {
    const page = readFileSync(DOC, 'utf8')
    expect(page).toBe(await withFieldReference(page))
  })

  it('lists every field of a stop, and each kind of trigger and cue', () => {
    const reference = fieldReference()
    for (const heading of [
      '### `stops[]`',
      '### `stops[].trigger with "type": "radius"`',
      '### `stops[].trigger with "type": "segment"`',
      '### `stops[].narration.<language>.cues[] with "type": "show-image"`',
      '### `credits[]`',
    ]) {
      expect(reference).toContain(heading)
    }
    expect(reference).toContain('| `position` | [longitude, latitude] | yes |')
  })
})
