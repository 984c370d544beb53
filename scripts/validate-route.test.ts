import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { describe, expect, it } from 'vitest'

function run(...args: string[]): { code: number; out: string } {
  try {
    const out = execFileSync('npx', ['tsx', 'scripts/validate-route.ts', ...args], { encoding: 'utf8' })
    return { code: 0, out }
  } catch (error) {
    const e = error as { status: number; stdout: string }
    return { code: e.status, out: e.stdout }
  }
}

// Each case starts tsx in a child process: seconds on two shared cores.
describe('npm run validate', { timeout: 30_000 }, () => {
  it('exits 0 and says valid for the default route', () => {
    expect(run('routes-data/pearl-river-night/route.json')).toEqual({
      code: 0,
      out: 'routes-data/pearl-river-night/route.json: valid\n',
    })
  })

  it('exits 1 and prints file:line:col, the pointer and the fix for each problem', () => {
    const dir = mkdtempSync(join(tmpdir(), 'route-'))
    const file = join(dir, 'route.json')
    writeFileSync(file, '{\n  "schemaVersion": 1,\n  "idd": "x"\n}\n')
    const { code, out } = run(file)
    expect(code).toBe(1)
    expect(out).toContain(`${file}:3:3  /idd  unknown key "idd": did you mean "id"?`)
    expect(out).toContain(`${file}:1:1  /id  missing required key "id" (expected string)`)
  })

  it('checks routes-data/index.json as the index, not as a route', () => {
    expect(run('routes-data/index.json')).toEqual({ code: 0, out: 'routes-data/index.json: valid\n' })
  })

  it('reads the basemap files the route names and refuses one that is not JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'route-'))
    cpSync('routes-data/pearl-river-night', dir, { recursive: true })
    writeFileSync(join(dir, 'basemap/water.geojson'), '{"type": "FeatureCollection", "features": [')
    const { code, out } = run(join(dir, 'route.json'))
    expect(code).toBe(1)
    expect(out).toMatch(
      /\/map\/basemap\/water {2}basemap\/water\.geojson is not valid JSON \(.+\): export the layer again as GeoJSON\n/,
    )
  })
})
