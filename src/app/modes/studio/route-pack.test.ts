import { unzipSync, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'

import { namedPackFiles, packEntryName, packFolderName, unzipPack, zipPack } from './route-pack'

const bytes = (text: string) => new TextEncoder().encode(text)
const text = (data: Uint8Array | undefined) => new TextDecoder().decode(data)

describe('route pack zip', () => {
  it('packs route.json and its files in one folder named by the route, and reads them back', async () => {
    const files = new Map([
      ['./audio/a.en.mp3', bytes('ID3 audio')],
      ['basemap/water.geojson', bytes('{"type":"FeatureCollection","features":[]}')],
    ])
    const zipped = await zipPack({ folder: 'east-river', routeText: '{"id":"east-river"}\n', files })
    expect(Object.keys(unzipSync(zipped)).sort()).toEqual([
      'east-river/audio/a.en.mp3',
      'east-river/basemap/water.geojson',
      'east-river/route.json',
    ])
    const read = await unzipPack(zipped)
    expect(read.ok).toBe(true)
    if (!read.ok) return
    expect(read.pack.folder).toBe('east-river')
    expect(read.pack.routeText).toBe('{"id":"east-river"}\n')
    expect([...read.pack.files.keys()].sort()).toEqual(['audio/a.en.mp3', 'basemap/water.geojson'])
    expect(text(read.pack.files.get('audio/a.en.mp3'))).toBe('ID3 audio')
  })

  it('reads a zip with route.json at its top, and leaves out files beside a deeper pack folder', async () => {
    const top = await unzipPack(zipSync({ 'route.json': bytes('{}'), 'audio/a.vtt': bytes('WEBVTT') }))
    expect(top.ok && [...top.pack.files.keys()]).toEqual(['audio/a.vtt'])
    const nested = await unzipPack(
      zipSync({ 'notes.txt': bytes('x'), 'packs/r/route.json': bytes('{}'), 'packs/r/m.glb': bytes('glTF') }),
    )
    expect(nested.ok && [nested.pack.folder, [...nested.pack.files.keys()]]).toEqual(['r', ['m.glb']])
  })

  it('says why a file is not a route pack: not a zip, or no route.json in it', async () => {
    expect(await unzipPack(bytes('{"id":"not a zip"}'))).toEqual({ ok: false, reason: 'not-zip' })
    expect(await unzipPack(zipSync({ 'readme.txt': bytes('hello') }))).toEqual({
      ok: false,
      reason: 'no-route',
    })
  })

  it('names every file route.json names once, by its plain path, and the folder by the id', () => {
    const route = {
      id: 'east-river',
      stops: [
        { narration: { en: { audio: ['audio/a.mp3'], captions: './audio/a.vtt' } } },
        { narration: { en: { audio: ['./audio/a.mp3'], captions: 'audio/a.vtt' } } },
      ],
    }
    expect(namedPackFiles(route)).toEqual(['audio/a.mp3', './audio/a.vtt'])
    expect(packEntryName('./audio//a.vtt')).toBe('audio/a.vtt')
    expect(packFolderName(route)).toBe('east-river')
    expect(packFolderName({ id: '../x' })).toBe('route')
  })
})
