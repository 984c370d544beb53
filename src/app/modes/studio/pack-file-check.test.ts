import { describe, expect, it } from 'vitest'

import { looksLike, packFileKind } from './pack-file-check'

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)))
const INDEX_HTML = bytes('<!doctype html>\n<html lang="en">')

describe('looksLike: a pack file counts as present only when it is what its path names', () => {
  it('refuses the index.html a server falls back to, whatever the path', () => {
    for (const path of [
      'audio/a.webm',
      'audio/a.vtt',
      'models/a.glb',
      'basemap/water.geojson',
      'posters/a.webp',
    ])
      expect(looksLike(packFileKind(path), 'text/html; charset=utf-8', INDEX_HTML)).toBe(false)
    // Served with a neutral type, the page's first bytes still give it away.
    expect(looksLike('audio', 'application/octet-stream', INDEX_HTML)).toBe(false)
    expect(looksLike('captions', 'text/plain', INDEX_HTML)).toBe(false)
    expect(looksLike('json', 'application/json', INDEX_HTML)).toBe(false)
    expect(looksLike('glb', 'model/gltf-binary', INDEX_HTML)).toBe(false)
    expect(looksLike('other', 'application/octet-stream', INDEX_HTML)).toBe(false)
  })

  it('accepts WebM, Ogg, MP3, MP4 and WAV audio, WebVTT (after a BOM), JSON, GLB and images', () => {
    expect(looksLike('audio', 'audio/webm', bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f]))).toBe(true)
    expect(looksLike('audio', 'audio/ogg', bytes('OggS', [0, 2]))).toBe(true)
    expect(looksLike('audio', 'audio/mpeg', bytes('ID3', [4, 0]))).toBe(true)
    expect(looksLike('audio', 'audio/mpeg', bytes([0xff, 0xfb, 0x90]))).toBe(true)
    expect(looksLike('audio', 'audio/mp4', bytes([0, 0, 0, 0x20], 'ftypM4A '))).toBe(true)
    expect(looksLike('audio', 'audio/wav', bytes('RIFF', [0, 0, 0, 0], 'WAVE'))).toBe(true)
    expect(looksLike('captions', 'text/vtt', bytes([0xef, 0xbb, 0xbf], 'WEBVTT\n\n'))).toBe(true)
    expect(looksLike('json', 'application/geo+json', bytes('\n  {"type":'))).toBe(true)
    expect(looksLike('glb', 'model/gltf-binary', bytes('glTF', [2, 0, 0, 0]))).toBe(true)
    expect(looksLike('image', 'image/webp', bytes('RIFF', [0, 0, 0, 0], 'WEBP'))).toBe(true)
    expect(looksLike('image', 'image/png', bytes([0x89], 'PNG'))).toBe(true)
  })

  it('refuses a file of another kind under the name', () => {
    expect(looksLike('audio', 'audio/webm', bytes('WEBVTT'))).toBe(false)
    expect(looksLike('captions', 'text/vtt', bytes('1\n00:00:00,000 --> 00:00:02,000'))).toBe(false)
    expect(looksLike('glb', 'application/octet-stream', bytes('{"asset":'))).toBe(false)
    expect(looksLike('json', 'application/json', bytes('glTF'))).toBe(false)
  })

  it('tells the kind from the extension', () => {
    expect(['a.WEBM', 'a.vtt', 'a.geojson', 'a.glb', 'a.jpg', 'a.bin'].map(packFileKind)).toEqual([
      'audio',
      'captions',
      'json',
      'glb',
      'image',
      'other',
    ])
  })
})
