import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { assetPathProblem } from './asset-path'
import { assetUrl } from './asset-url'

const PACK = 'https://museum.example/routes-data/harbour/'

/** Where a web server that percent-decodes the path once before resolving it would read. */
const serverReads = (path: string) => {
  let decoded = path
  try {
    decoded = decodeURIComponent(path)
  } catch {
    // Not decodable: served as written.
  }
  return new URL(decoded.replace(/\\/g, '/'), PACK).href
}

/** Pieces of paths: plain names, dots, and the ways of writing a dot, a slash or a backslash. */
const piece = fc.constantFrom(
  'audio',
  'a.webm',
  'models',
  '.',
  '..',
  '%2e',
  '%2E',
  '%2e%2e',
  '.%2e',
  '%2E.',
  '%2f',
  '%2F',
  '%5c',
  '/',
  '\\',
  '%252e',
  '?x=1',
  '#top',
  ' ',
  '\t',
  '\n',
  '\u0000',
)

describe('assetPathProblem', () => {
  it('refuses every path that a browser or a server would resolve outside the pack folder', () => {
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 8 }), (pieces) => {
        const path = pieces.join('')
        if (assetPathProblem(path) !== null) return
        expect(assetUrl(PACK, path).startsWith(PACK)).toBe(true)
        expect(serverReads(path).startsWith(PACK)).toBe(true)
        // eslint-disable-next-line no-control-regex -- control characters are what must never pass
        expect(path).not.toMatch(/[\u0000-\u001f\u007f]/)
      }),
      { numRuns: 5000 },
    )
  })

  it('accepts plain paths inside the pack', () => {
    const name = fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,11}(\.[a-z0-9]{1,5})?$/)
    fc.assert(
      fc.property(fc.array(name, { minLength: 1, maxLength: 4 }), (names) => {
        expect(assetPathProblem(names.join('/'))).toBeNull()
      }),
    )
  })

  it.each([
    ['%2e%2e/%2e%2e/index.html', 'percent-encoded'],
    ['audio/%2E%2E/%2e./%2e%2e/secret', 'percent-encoded'],
    ['..%2f..%2findex.html', 'percent-encoded'],
    ['a\\..\\..\\x', 'no ".."'],
    ['../x', 'no ".."'],
    ['audio/a.webm\n', 'control characters'],
    ['models/\u0000.glb', 'control characters'],
  ])('refuses %j, saying why', (path, why) => {
    expect(assetPathProblem(path)).toContain(why)
  })
})
