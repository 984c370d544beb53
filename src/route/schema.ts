import { z } from 'zod'

/**
 * The route model: the single source of the TypeScript types, the runtime validator, the JSON Schema that
 * curators' editors use (routes-data/route.schema.json) and the CLI validator.
 * @see docs/authoring.md
 */

// Zod's fast path compiles validators with `new Function`, which the app's Content-Security-Policy forbids;
// jitless mode validates without it and without probing for it.
z.config({ jitless: true })

/** The schema version this build reads; older files are migrated on load (src/route/migrations.ts). */
export const SCHEMA_VERSION = 2

/** Languages a route may carry, as BCP 47 tags. */
export const LANGUAGES = ['zh-Hans', 'en', 'yue'] as const
export const LangSchema = z.enum(LANGUAGES)
export type Lang = z.infer<typeof LangSchema>

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** Lower-case kebab-case ASCII, stable forever because deep links use it. */
export const IdSchema = z
  .string()
  .regex(ID_PATTERN, { error: 'ids are lower-case kebab-case ASCII, e.g. "haizhu-bridge"' })

/** Text keyed by language tag; which tags must be present is checked against the route's languages. */
export const LocalisedTextSchema = z.partialRecord(LangSchema, z.string().trim().min(1, 'text is empty'))
export type LocalisedText = z.infer<typeof LocalisedTextSchema>

/** [longitude, latitude] in WGS84, GeoJSON order. */
export const CoordinateSchema = z.tuple([
  z.number().min(-180, 'longitude must be ≥ -180').max(180, 'longitude must be ≤ 180'),
  z.number().min(-90, 'latitude must be ≥ -90').max(90, 'latitude must be ≤ 90'),
])
export type Coordinate = z.infer<typeof CoordinateSchema>

/** Why a path is refused, or null when it is a plain relative path inside the route pack. */
export function assetPathProblem(path: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('//'))
    return 'must be a path inside the route folder, not a URL'
  if (path.startsWith('/') || path.startsWith('\\'))
    return 'must be relative to the route folder (no leading "/")'
  if (path.split(/[\\/]/).includes('..')) return 'must stay inside the route folder (no "..")'
  if (path.trim() === '') return 'is empty'
  return null
}

/** A file in the route pack, relative to the folder of route.json. */
export const AssetPathSchema = z.string().superRefine((path, ctx) => {
  const problem = assetPathProblem(path)
  if (problem) ctx.addIssue({ code: 'custom', message: `asset path ${problem}` })
})

export const CreditSchema = z
  .object({
    title: LocalisedTextSchema,
    author: z.string().min(1),
    license: z.string().min(1),
    url: z.string().min(1).optional(),
  })
  .strict()
export type Credit = z.infer<typeof CreditSchema>

export const SourceSchema = z
  .object({ title: z.string().min(1), url: z.string().regex(/^https?:\/\//, 'must be an http(s) URL') })
  .strict()

const cueTime = {
  /** Seconds from the start of the track. */
  at: z.number().min(0),
  /** Seconds from the start of the track when the cue stops applying; absent, until the next cue of its kind. */
  until: z.number().positive().optional(),
}

/** A declarative action at a time of the narration: a fixed set, no code. */
export const NarrationCueSchema = z.discriminatedUnion('type', [
  /** Move the 3D camera to one of the stop's named views. */
  z.object({ type: z.literal('camera-view'), ...cueTime, view: IdSchema }).strict(),
  /** Highlight one of the stop's hotspots in 3D. */
  z.object({ type: z.literal('highlight-hotspot'), ...cueTime, hotspot: IdSchema }).strict(),
  /** Fly the map to a place. */
  z
    .object({
      type: z.literal('fly-map'),
      ...cueTime,
      center: CoordinateSchema,
      zoom: z.number().min(0).max(22),
    })
    .strict(),
  /** Highlight a basemap feature, found by its Chinese or English name in one of the basemap layers. */
  z
    .object({
      type: z.literal('highlight-map-feature'),
      ...cueTime,
      layer: z.enum(['bridges', 'labels']),
      name: z.string().min(1),
    })
    .strict(),
  /** Show an image from the route pack, with its alternative text and credit. */
  z
    .object({
      type: z.literal('show-image'),
      ...cueTime,
      src: AssetPathSchema,
      alt: LocalisedTextSchema,
      credit: z.string().min(1),
    })
    .strict(),
])
export type NarrationCue = z.infer<typeof NarrationCueSchema>

export const NarrationTrackSchema = z
  .object({
    /** Encodings of one recording, in order of preference (e.g. Opus in WebM, then MP3). */
    audio: z.array(AssetPathSchema).min(1),
    captions: AssetPathSchema,
    /** What the map and the 3D view do at given times of this recording. */
    cues: z.array(NarrationCueSchema).optional(),
  })
  .strict()
export type NarrationTrack = z.infer<typeof NarrationTrackSchema>

/** [x, y, z] in metres, Y up. */
export const Vec3Schema = z.tuple([z.number(), z.number(), z.number()])
export type Vec3 = z.infer<typeof Vec3Schema>

export const ModelSchema = z
  .object({
    src: AssetPathSchema,
    alt: LocalisedTextSchema,
    /** Uniform scale applied to the model (1 = the file's own metres). */
    scale: z.number().positive('scale must be greater than 0').optional(),
    /** Rotation about X, Y and Z in degrees, applied after scale. */
    rotation: Vec3Schema.optional(),
    /** The model point, in the file's own coordinates (metres), that is placed at the scene origin. */
    anchor: Vec3Schema.optional(),
  })
  .strict()

/** A named camera view: where the camera stands and what it looks at, in scene metres (origin = anchor). */
export const CameraViewSchema = z
  .object({ id: IdSchema, label: LocalisedTextSchema, position: Vec3Schema, target: Vec3Schema })
  .strict()
export type CameraView = z.infer<typeof CameraViewSchema>

/** A point of interest on the model (in the model file's own coordinates), with a label and a short text. */
export const HotspotSchema = z
  .object({ id: IdSchema, label: LocalisedTextSchema, text: LocalisedTextSchema, position: Vec3Schema })
  .strict()
export type Hotspot = z.infer<typeof HotspotSchema>

/**
 * Where the boat must be for a stop's narration to start by itself: within a radius of the stop, or on a stretch
 * of the course (between the course points nearest `from` and `to`, in the direction of travel).
 */
export const TriggerSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('radius'),
      /** Metres from the stop's position. */
      radius: z.number().min(20, 'radius must be at least 20 m').max(5000, 'radius must be at most 5000 m'),
    })
    .strict(),
  z.object({ type: z.literal('segment'), from: CoordinateSchema, to: CoordinateSchema }).strict(),
])
export type Trigger = z.infer<typeof TriggerSchema>

export const StopSchema = z
  .object({
    id: IdSchema,
    title: LocalisedTextSchema,
    summary: LocalisedTextSchema,
    story: LocalisedTextSchema,
    position: CoordinateSchema,
    zoom: z.number().min(0).max(22),
    /** Where on the river this stop's narration starts by itself, when the visitor lets it. */
    trigger: TriggerSchema,
    model: ModelSchema,
    /** Named camera views of the 3D scene, offered as buttons under it. */
    views: z.array(CameraViewSchema).optional(),
    /** Points of interest on the model, tappable in 3D and listed as buttons. */
    hotspots: z.array(HotspotSchema).optional(),
    narration: z.partialRecord(LangSchema, NarrationTrackSchema),
    sources: z.array(SourceSchema),
  })
  .strict()
export type Stop = z.infer<typeof StopSchema>

export const BasemapSchema = z
  .object({
    water: AssetPathSchema,
    banks: AssetPathSchema,
    bridges: AssetPathSchema,
    labels: AssetPathSchema,
  })
  .strict()

export const MapSettingsSchema = z
  .object({
    center: CoordinateSchema,
    zoom: z.number().min(0).max(22),
    /** Shown on the map at all times, as the basemap's licence requires (e.g. "© OpenStreetMap contributors"). */
    attribution: z.string().min(1),
    /** A MapLibre style URL that replaces the embedded night basemap (online tiles, PMTiles). */
    style: z
      .string()
      .regex(/^https?:\/\//, 'must be an http(s) URL')
      .optional(),
    basemap: BasemapSchema,
  })
  .strict()

export const RouteSchema = z
  .object({
    $schema: z.string().optional(),
    schemaVersion: z.literal(SCHEMA_VERSION, {
      error: (issue) =>
        typeof issue.input === 'number' && issue.input > SCHEMA_VERSION
          ? `schemaVersion ${issue.input} is newer than this app reads (${SCHEMA_VERSION}): update the app`
          : `schemaVersion must be ${SCHEMA_VERSION} (or 1, which is migrated on load)`,
    }),
    id: IdSchema,
    defaultLanguage: LangSchema,
    languages: z.array(LangSchema).min(1),
    title: LocalisedTextSchema,
    summary: LocalisedTextSchema,
    /** [[west, south], [east, north]]: every stop and the course must lie inside. */
    bounds: z.tuple([CoordinateSchema, CoordinateSchema]),
    map: MapSettingsSchema,
    course: z.array(CoordinateSchema).min(2, 'the course needs at least two points'),
    stops: z.array(StopSchema).min(1, 'a route needs at least one stop'),
    /** The boat: how fast it usually goes, for the simulated cruise and for timing narration against travel. */
    cruise: z
      .object({
        speedKmh: z.number().min(1, 'speedKmh must be at least 1').max(60, 'speedKmh must be at most 60'),
      })
      .strict()
      .optional(),
    credits: z.array(CreditSchema),
    /** How the route behaves on an unattended museum touch screen (`?mode=kiosk`); the URL may override. */
    kiosk: z
      .object({
        /** Seconds without a touch before the screen resets to the start and the default language. */
        idleSeconds: z.number().min(10).max(3600).optional(),
        /** Seconds the attract loop stays on a stop whose narration is silent or missing. */
        dwellSeconds: z.number().min(5).max(600).optional(),
        /** Whether the attract loop plays narration aloud (captions are always shown). */
        sound: z.boolean().optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
export type Route = z.infer<typeof RouteSchema>

/** The list of routes this build offers. */
export const RouteIndexSchema = z
  .object({
    default: IdSchema,
    routes: z
      .array(z.object({ id: IdSchema, title: LocalisedTextSchema, folder: AssetPathSchema }).strict())
      .min(1),
    /**
     * URL prefixes from which `?route=<url>` may load a route pack (e.g. a museum's own server). Absent, only the
     * routes listed here can be opened.
     */
    allowRemote: z
      .array(z.string().regex(/^https:\/\/[^/]+\//, 'must be an https URL prefix ending in "/"'))
      .optional(),
  })
  .strict()
export type RouteIndex = z.infer<typeof RouteIndexSchema>
