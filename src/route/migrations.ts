import { SCHEMA_VERSION } from './schema'

/** What a migration did, in words a curator can act on (shown by the studio and the CLI). */
export interface MigrationResult {
  /** The route as the current schema expects it; the input itself is never modified. */
  value: unknown
  /** The file's own schemaVersion, when it was older and migrated. */
  migratedFrom?: number
  notices: string[]
}

type JsonObject = Record<string, unknown>

/** The radius given to each stop by the migration from version 1, where stops had no trigger. */
export const V1_TRIGGER_RADIUS_M = 300

/**
 * One step per older version: `steps[n]` turns a version-n route into version n + 1. Each step works on plain
 * JSON (before validation), leaves what it does not understand alone, and says what it changed.
 */
const steps: Record<number, (route: JsonObject) => { route: JsonObject; notice: string }> = {
  1: (route) => {
    let added = 0
    const stops = Array.isArray(route.stops)
      ? route.stops.map((stop: unknown) => {
          if (!isObject(stop) || 'trigger' in stop) return stop
          added++
          return { ...stop, trigger: { type: 'radius', radius: V1_TRIGGER_RADIUS_M } }
        })
      : route.stops
    return {
      route: { ...route, stops },
      notice:
        `version 1 had no position triggers: ${added} stop(s) now start their narration within ` +
        `${V1_TRIGGER_RADIUS_M} m of the stop ("trigger"); adjust them and save to keep the change`,
    }
  },
}

/**
 * Brings a parsed route file up to SCHEMA_VERSION. Files already current, newer, or without a usable version are
 * returned as they are: the schema then reports what is wrong with them.
 */
export function migrateRoute(value: unknown): MigrationResult {
  if (!isObject(value)) return { value, notices: [] }
  const from = value.schemaVersion
  if (typeof from !== 'number' || !Number.isInteger(from) || from >= SCHEMA_VERSION || !steps[from]) {
    return { value, notices: [] }
  }
  let route: JsonObject = value
  const notices: string[] = []
  for (let version = from; version < SCHEMA_VERSION; version++) {
    const step = steps[version]
    if (!step) break
    const next = step(route)
    route = { ...next.route, schemaVersion: version + 1 }
    notices.push(next.notice)
  }
  return { value: route, migratedFrom: from, notices }
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
