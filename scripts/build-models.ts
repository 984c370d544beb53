/**
 * Procedurally builds one low-poly night model per stop of the pearl-river-night route.
 * Real metres, Y up, origin at the ground centre of the site, river side toward +Z. The scene draws the river
 * (at WATER_LEVEL) and the bank around each model; a model that is not simply on a bank with the river in front
 * says where its banks are in its scene extras (`riverBanks`, see src/scene/site-layout.ts).
 * Shared parts (geometry, façades, trees and lamps, boats, palette, glTF output) and one file per landmark live in
 * scripts/models/; each landmark's file says which published facts it is built from.
 * Run: npm run assets [-- <stop id>…] (every stop when none is named)
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

import { buildCantonFair } from './models/canton-fair'
import { buildCantonTower } from './models/canton-tower'
import { buildCustomsHouse } from './models/customs-house'
import { buildErshaIsland } from './models/ersha-island'
import { createModelIO, figuresOf, toGlb, type ModelFigures } from './models/gltf'
import { buildHaixinsha } from './models/haixinsha'
import { buildHaizhuBridge } from './models/haizhu-bridge'
import type { Model } from './models/model'
import { buildOiKwanBuilding } from './models/oi-kwan-building'
import { buildOperaHouse } from './models/opera-house'
import { buildPazhouPagoda } from './models/pazhou-pagoda'
import { buildSacredHeartCathedral } from './models/sacred-heart-cathedral'
import { buildShamian } from './models/shamian'
import { buildTianziPier } from './models/tianzi-pier'
import { buildWhiteSwanPool } from './models/white-swan-pool'

export { createModelIO, MODEL_CREDIT, modelFigures, type ModelFigures } from './models/gltf'

/** Stop ids of the pearl-river-night route, west to east. */
export const STOP_IDS = [
  'white-swan-pool',
  'shamian',
  'customs-house',
  'oi-kwan-building',
  'sacred-heart-cathedral',
  'haizhu-bridge',
  'tianzi-pier',
  'ersha-island',
  'opera-house',
  'haixinsha',
  'canton-tower',
  'canton-fair',
  'pazhou-pagoda',
] as const

/** A stop id of the pearl-river-night route. */
export type StopId = (typeof STOP_IDS)[number]

/** Budget every model must fit, checked by the build and by the test. */
export const MODEL_BUDGET = { bytes: 150 * 1024, triangles: 30_000 } as const

const OUT_DIR = fileURLToPath(new URL('../routes-data/pearl-river-night/models/', import.meta.url))

// A builder is async when it draws lettering the real site carries (./models/sign).
const BUILDERS: Record<StopId, () => Model | Promise<Model>> = {
  'white-swan-pool': buildWhiteSwanPool,
  shamian: buildShamian,
  'customs-house': buildCustomsHouse,
  'oi-kwan-building': buildOiKwanBuilding,
  'sacred-heart-cathedral': buildSacredHeartCathedral,
  'haizhu-bridge': buildHaizhuBridge,
  'tianzi-pier': buildTianziPier,
  'ersha-island': buildErshaIsland,
  'opera-house': buildOperaHouse,
  haixinsha: buildHaixinsha,
  'canton-tower': buildCantonTower,
  'canton-fair': buildCantonFair,
  'pazhou-pagoda': buildPazhouPagoda,
}

interface ModelStats extends ModelFigures {
  id: StopId
}

/** Builds the given stops' GLBs (by default every stop's) into outDir and returns their figures. */
export async function buildModels(
  outDir = OUT_DIR,
  ids: readonly StopId[] = STOP_IDS,
): Promise<ModelStats[]> {
  const io = await createModelIO()
  mkdirSync(outDir, { recursive: true })
  const stats: ModelStats[] = []
  for (const id of ids) {
    const glb = await toGlb(id, await BUILDERS[id](), io)
    const file = join(outDir, `${id}.glb`)
    writeFileSync(file, glb)
    stats.push({ id, ...(await figuresOf(glb, io)) })
  }
  return stats
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // `npm run assets -- <stop id>…` builds only those stops.
  const asked = process.argv.slice(2)
  const unknown = asked.filter((id) => !(STOP_IDS as readonly string[]).includes(id))
  if (unknown.length) {
    console.error(`unknown stop id(s): ${unknown.join(', ')}; the stops are: ${STOP_IDS.join(', ')}`)
    process.exit(1)
  }
  const stats = await buildModels(OUT_DIR, asked.length ? (asked as StopId[]) : STOP_IDS)
  const rows = stats.map(
    (s) =>
      `${s.id.padEnd(24)}${String(s.bytes).padStart(9)}${String(s.triangles).padStart(11)}${String(s.primitives).padStart(12)}${String(s.textureBytes).padStart(15)}`,
  )
  console.log(
    `${'stop id'.padEnd(24)}${'bytes'.padStart(9)}${'triangles'.padStart(11)}${'primitives'.padStart(12)}${'texture bytes'.padStart(15)}`,
  )
  console.log(rows.join('\n'))
  const over = stats.filter((s) => s.bytes > MODEL_BUDGET.bytes || s.triangles > MODEL_BUDGET.triangles)
  if (over.length) {
    console.error(
      `over budget (${MODEL_BUDGET.bytes} bytes, ${MODEL_BUDGET.triangles} triangles): ${over.map((s) => s.id).join(', ')}`,
    )
    process.exitCode = 1
  }
}
