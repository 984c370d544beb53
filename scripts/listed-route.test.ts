import { relative } from 'node:path'

import { describe, expect, it } from 'vitest'

import { listedRoute } from './listed-route'

const index = JSON.stringify({
  default: 'pearl-river-night',
  routes: [{ id: 'pearl-river-night', title: { en: 'Pearl' }, folder: 'pearl-river-night' }],
})

describe('listedRoute', () => {
  it('finds the id of a listed folder', () => {
    expect(listedRoute(index, 'routes-data', 'routes-data/pearl-river-night')).toEqual({
      ok: true,
      id: 'pearl-river-night',
    })
  })

  it('says at once, naming the index and the fix, when the folder is not listed', () => {
    expect(listedRoute(index, 'routes-data', 'routes-data/second-river')).toEqual({
      ok: false,
      message:
        'routes-data/second-river is not listed in routes-data/index.json, so the app cannot open it: add {"id": "<the route\'s id>", "title": {…}, "folder": "second-river"} to its "routes", then run again',
    })
  })

  it('asks for a folder outside routes-data to be moved in', () => {
    const result = listedRoute(index, 'routes-data', '/tmp/second-river')
    // The folder is named as the curator would type it from where they run the command.
    const shown = relative(process.cwd(), '/tmp/second-river')
    expect(result.ok || result.message).toBe(
      `${shown} is not listed in routes-data/index.json, so the app cannot open it: move the folder into routes-data/, add {"id": "<the route's id>", "title": {…}, "folder": "second-river"} to its "routes", then run again`,
    )
  })
})
