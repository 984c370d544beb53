import type { LngLat } from '@/route/geo'
import type { JsonSchema } from '@/route/json-schema'
import { migrateRoute } from '@/route/migrations'
import { LANGUAGES, type Lang } from '@/route/schema'

import {
  applySequentially,
  editsBetween,
  insertJsonItem,
  removeJsonValue,
  setJsonValue,
  type Edit,
  type JsonPath,
  type KeyOrder,
} from './json-edit'
import { keysAt } from './schema-paths'

/** A stop as far as the map and the forms can read it from a draft that may not validate yet. */
export interface DraftStop {
  index: number
  id: string
  position: LngLat | null
  trigger: { type: 'radius'; radius: number } | { type: 'segment'; from: LngLat; to: LngLat } | null
}

/**
 * What the studio reads from the text being edited, leniently: the map and the forms work on a route with
 * schema errors (a missing translation, a typo elsewhere), as long as the text is JSON.
 */
export interface RouteDraft {
  /** The parsed text, or null when it is not JSON (the map and forms then wait for the editor). */
  value: Record<string, unknown> | null
  languages: Lang[]
  defaultLanguage: Lang
  stops: DraftStop[]
  /** The course, when every point of it is a coordinate (indices are the file's, for editing). */
  course: LngLat[] | null
  basemap: { water: string; banks: string; bridges: string; labels: string } | null
  attribution: string
  center: LngLat | null
  zoom: number | null
}

export function isLngLat(value: unknown): value is LngLat {
  return (
    Array.isArray(value) &&
    value.length === 2 &&
    value.every((n) => typeof n === 'number' && Number.isFinite(n)) &&
    Math.abs(value[0] as number) <= 180 &&
    Math.abs(value[1] as number) <= 90
  )
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isLang(value: unknown): value is Lang {
  return (LANGUAGES as readonly unknown[]).includes(value)
}

/** The value at a path of a parsed draft, or undefined. */
export function valueAt(value: unknown, path: JsonPath): unknown {
  let current = value
  for (const segment of path) {
    if (typeof current !== 'object' || current === null) return undefined
    current = (current as Record<string | number, unknown>)[segment]
  }
  return current
}

function readTrigger(value: unknown): DraftStop['trigger'] {
  if (!isRecord(value)) return null
  if (value.type === 'radius' && typeof value.radius === 'number')
    return { type: 'radius', radius: value.radius }
  if (value.type === 'segment' && isLngLat(value.from) && isLngLat(value.to)) {
    return { type: 'segment', from: value.from, to: value.to }
  }
  return null
}

export function readRouteDraft(text: string): RouteDraft {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    parsed = null
  }
  const value = isRecord(parsed) ? parsed : null
  const languages = Array.isArray(value?.languages) ? value.languages.filter(isLang) : []
  const defaultLanguage = isLang(value?.defaultLanguage) ? value.defaultLanguage : (languages[0] ?? 'en')
  const stops = Array.isArray(value?.stops) ? value.stops : []
  const map = isRecord(value?.map) ? value.map : {}
  const basemap = isRecord(map.basemap) ? map.basemap : {}
  const layers = ['water', 'banks', 'bridges', 'labels'] as const
  return {
    value,
    languages: languages.length > 0 ? languages : [defaultLanguage],
    defaultLanguage,
    stops: stops.map((stop: unknown, index) => ({
      index,
      id: isRecord(stop) && typeof stop.id === 'string' ? stop.id : `#${index + 1}`,
      position: isRecord(stop) && isLngLat(stop.position) ? stop.position : null,
      trigger: isRecord(stop) ? readTrigger(stop.trigger) : null,
    })),
    course: Array.isArray(value?.course) && value.course.every(isLngLat) ? value.course : null,
    basemap: layers.every((layer) => typeof basemap[layer] === 'string')
      ? (basemap as RouteDraft['basemap'])
      : null,
    attribution: typeof map.attribution === 'string' ? map.attribution : '',
    center: isLngLat(map.center) ? map.center : null,
    zoom: typeof map.zoom === 'number' ? map.zoom : null,
  }
}

/** The schema's key order at a path of `document`: where the studio puts a key it adds. */
export function schemaKeyOrder(schema: JsonSchema, document: unknown): KeyOrder {
  return (path) => keysAt(schema, path, document).map((key) => key.name)
}

/** An id not yet used by a stop: `base`, else `base-2`, `base-3`… */
export function freeId(base: string, taken: readonly string[]): string {
  if (!taken.includes(base)) return base
  let n = 2
  while (taken.includes(`${base}-${n}`)) n++
  return `${base}-${n}`
}

/**
 * A new stop at a place. Its summary and story are left empty on purpose: the validator then lists, at their
 * lines, exactly what the curator still has to write.
 */
export function newStop(id: string, position: LngLat, title: string, lang: Lang, zoom = 15) {
  return {
    id,
    title: { [lang]: title },
    summary: { [lang]: '' },
    story: { [lang]: '' },
    position,
    zoom,
    trigger: { type: 'radius', radius: 300 },
    model: { src: `models/${id}.glb`, alt: { [lang]: '' } },
    narration: {},
    sources: [],
  }
}

/** A file of an older schemaVersion brought up to date as edits of its own text, and what changed. */
export interface MigratedText {
  text: string
  migratedFrom?: number
  notices: string[]
}

/**
 * Applies the route migrations to a file's text: the result is the current schema version, and only the lines
 * the migration changed differ from the file (so exporting it gives a small, reviewable diff).
 */
export function migrateText(text: string, schema: JsonSchema): MigratedText {
  let before: unknown
  try {
    before = JSON.parse(text)
  } catch {
    return { text, notices: [] }
  }
  const migrated = migrateRoute(before)
  if (migrated.migratedFrom === undefined) return { text, notices: [] }
  const edits = editsBetween(text, before, migrated.value, schemaKeyOrder(schema, migrated.value))
  return {
    text: applySequentially(text, edits),
    migratedFrom: migrated.migratedFrom,
    notices: migrated.notices,
  }
}

/** A change the studio's map, forms or capture make to the draft; `set` to undefined removes the key. */
export type DraftChange =
  | { kind: 'set'; path: JsonPath; value: unknown }
  | { kind: 'insert'; path: JsonPath; index: number; value: unknown }
  | { kind: 'remove'; path: JsonPath }

/** The text edits, one after another, that make `changes` to a route file, new keys in the schema's order. */
export function changeEdits(text: string, changes: readonly DraftChange[], schema: JsonSchema): Edit[] {
  const edits: Edit[] = []
  let current = text
  for (const change of changes) {
    let next: Edit[]
    if (change.kind === 'insert') next = insertJsonItem(current, change.path, change.index, change.value)
    else if (change.kind === 'remove' || change.value === undefined)
      next = removeJsonValue(current, change.path)
    else {
      let document: unknown
      try {
        document = JSON.parse(current)
      } catch {
        return []
      }
      next = setJsonValue(current, change.path, change.value, schemaKeyOrder(schema, document))
    }
    edits.push(...next)
    current = applySequentially(current, next)
  }
  return edits
}
