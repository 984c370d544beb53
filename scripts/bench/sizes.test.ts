import { describe, expect, it } from 'vitest'

import { criticalPathFiles } from './sizes'
import { median } from './stats'

describe('criticalPathFiles', () => {
  it('takes the entry module, its modulepreloads, stylesheets and preloaded data, not icons or remote files', () => {
    const html = `<head>
      <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
      <script type="module" crossorigin src="/assets/index-a.js"></script>
      <link rel="modulepreload" crossorigin href="/assets/runtime-b.js">
      <link rel="stylesheet" crossorigin href="/assets/index-c.css">
      <link rel="stylesheet" href="https://cdn.example/x.css">
      <link rel="preload" href="/routes-data/index.json" as="fetch" crossorigin="">
      <link rel="manifest" href="/manifest.webmanifest"></head>`
    expect(criticalPathFiles(html)).toEqual({
      js: ['/assets/index-a.js', '/assets/runtime-b.js'],
      css: ['/assets/index-c.css'],
      data: ['/routes-data/index.json'],
    })
  })
})

describe('median', () => {
  it('is the middle value, or the mean of the middle two, ignoring non-numbers', () => {
    expect(median([5, 1, 3])).toBe(3)
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(median([Number.NaN, 2])).toBe(2)
    expect(median([])).toBeNaN()
  })
})
