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
    title: LocalisedTextSchema.meta({
      description: 'What is credited: the data set, model, recording or image.',
    }),
    author: z.string().min(1).meta({ description: 'Who made it, as they ask to be credited.' }),
    license: z.string().min(1).meta({ description: 'Its licence, e.g. "ODbL 1.0" or "CC BY 4.0".' }),
    url: z.string().min(1).meta({ description: 'Where it comes from.' }).optional(),
  })
  .strict()
export type Credit = z.infer<typeof CreditSchema>

export const SourceSchema = z
  .object({
    title: z.string().min(1).meta({ description: 'The title of the book, article or page.' }),
    url: z
      .string()
      .regex(/^https?:\/\//, 'must be an http(s) URL')
      .meta({ description: 'Where to read it: an http(s) URL.' }),
  })
  .strict()

const cueTime = {
  at: z.number().min(0).meta({ description: 'Seconds from the start of the track.' }),
  until: z
    .number()
    .positive()
    .meta({
      description:
        'Seconds from the start of the track when the cue stops applying; absent, until the next cue of its kind.',
    })
    .optional(),
}

/** A declarative action at a time of the narration: a fixed set, no code. */
export const NarrationCueSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('camera-view'),
      ...cueTime,
      view: IdSchema.meta({ description: "The id of one of the stop's views." }),
    })
    .strict()
    .meta({ description: "Moves the 3D camera to one of the stop's named views." }),
  z
    .object({
      type: z.literal('highlight-hotspot'),
      ...cueTime,
      hotspot: IdSchema.meta({ description: "The id of one of the stop's hotspots." }),
    })
    .strict()
    .meta({ description: "Highlights one of the stop's hotspots in 3D and shows its text." }),
  z
    .object({
      type: z.literal('fly-map'),
      ...cueTime,
      center: CoordinateSchema.meta({ description: 'Where the map flies to: [longitude, latitude].' }),
      zoom: z.number().min(0).max(22).meta({ description: 'The map zoom there.' }),
    })
    .strict()
    .meta({ description: 'Flies the map to a place.' }),
  z
    .object({
      type: z.literal('highlight-map-feature'),
      ...cueTime,
      layer: z.enum(['bridges', 'labels']).meta({ description: 'The basemap layer the feature is in.' }),
      name: z
        .string()
        .min(1)
        .meta({ description: "The feature's Chinese or English name, as in the basemap." }),
    })
    .strict()
    .meta({ description: 'Lights up a bridge or a label of the basemap.' }),
  z
    .object({
      type: z.literal('show-image'),
      ...cueTime,
      src: AssetPathSchema.meta({ description: 'An image in the route folder.' }),
      alt: LocalisedTextSchema.meta({ description: 'What the image shows, for screen readers.' }),
      credit: z.string().min(1).meta({ description: 'Who made the image, and its licence.' }),
    })
    .strict()
    .meta({ description: 'Shows an image from the route folder beside the captions.' }),
])
export type NarrationCue = z.infer<typeof NarrationCueSchema>

export const NarrationTrackSchema = z
  .object({
    audio: z.array(AssetPathSchema).min(1).meta({
      description:
        'Encodings of one recording, in order of preference (e.g. Opus in WebM, then MP3), in the route folder.',
    }),
    captions: AssetPathSchema.meta({
      description: "A WebVTT file of the recording's captions, timed to it.",
    }),
    cues: z
      .array(NarrationCueSchema)
      .meta({ description: 'What the map and the 3D view do at given times of this recording.' })
      .optional(),
  })
  .strict()
export type NarrationTrack = z.infer<typeof NarrationTrackSchema>

/** [x, y, z] in metres, Y up. */
export const Vec3Schema = z.tuple([z.number(), z.number(), z.number()])
export type Vec3 = z.infer<typeof Vec3Schema>

export const ModelSchema = z
  .object({
    src: AssetPathSchema.meta({ description: 'A GLB file in the route folder, in metres with Y up.' }),
    alt: LocalisedTextSchema.meta({ description: 'One sentence describing the model, for screen readers.' }),
    scale: z
      .number()
      .positive('scale must be greater than 0')
      .meta({ description: "Uniform scale applied to the model (1 = the file's own metres)." })
      .optional(),
    rotation: Vec3Schema.meta({
      description: 'Rotation about X, Y and Z in degrees, applied after scale.',
    }).optional(),
    anchor: Vec3Schema.meta({
      description:
        "The model point, in the file's own coordinates (metres), that is placed at the scene origin.",
    }).optional(),
  })
  .strict()

/** A named camera view: where the camera stands and what it looks at, in scene metres (origin = anchor). */
export const CameraViewSchema = z
  .object({
    id: IdSchema.meta({ description: 'Unique in the stop; camera-view cues name it.' }),
    label: LocalisedTextSchema.meta({ description: "The view's button text." }),
    position: Vec3Schema.meta({
      description: 'Where the camera stands: [x, y, z] in scene metres (origin = the anchor).',
    }),
    target: Vec3Schema.meta({ description: 'What the camera looks at: [x, y, z] in scene metres.' }),
  })
  .strict()
export type CameraView = z.infer<typeof CameraViewSchema>

/** A point of interest on the model (in the model file's own coordinates), with a label and a short text. */
export const HotspotSchema = z
  .object({
    id: IdSchema.meta({ description: 'Unique in the stop; highlight-hotspot cues name it.' }),
    label: LocalisedTextSchema.meta({ description: "The hotspot's marker and button text." }),
    text: LocalisedTextSchema.meta({ description: 'A short text shown when the hotspot is chosen.' }),
    position: Vec3Schema.meta({
      description: "Where it is on the model: [x, y, z] in the model file's own metres.",
    }),
  })
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
      radius: z
        .number()
        .min(20, 'radius must be at least 20 m')
        .max(5000, 'radius must be at most 5000 m')
        .meta({ description: "Metres from the stop's position." }),
    })
    .strict(),
  z
    .object({
      type: z.literal('segment'),
      from: CoordinateSchema.meta({
        description: 'Where the stretch starts: the course point nearest this [longitude, latitude].',
      }),
      to: CoordinateSchema.meta({
        description: 'Where it ends, in the direction of travel: the course point nearest this.',
      }),
    })
    .strict(),
])
export type Trigger = z.infer<typeof TriggerSchema>

export const StopSchema = z
  .object({
    id: IdSchema.meta({
      description: 'Unique, and stable forever: deep links use it (?stop=haizhu-bridge).',
    }),
    title: LocalisedTextSchema.meta({ description: "The stop's name." }),
    summary: LocalisedTextSchema.meta({ description: 'One line under the title.' }),
    story: LocalisedTextSchema.meta({
      description:
        'The factual story; paragraphs are separated by a blank line. Shown as text: markup is displayed, never run.',
    }),
    position: CoordinateSchema.meta({
      description: '[longitude, latitude] in WGS84 (not GCJ-02 from Chinese map apps: that is ~500 m off).',
    }),
    zoom: z
      .number()
      .min(0)
      .max(22)
      .meta({ description: 'The map zoom when the stop opens (14–16 suits a landmark).' }),
    trigger: TriggerSchema.meta({
      description: "Where on the river this stop's narration starts by itself, when the visitor lets it.",
    }),
    model: ModelSchema.meta({ description: "The stop's 3D model." }),
    views: z
      .array(CameraViewSchema)
      .meta({ description: 'Named camera views of the 3D scene, offered as buttons under it.' })
      .optional(),
    hotspots: z
      .array(HotspotSchema)
      .meta({ description: 'Points of interest on the model, tappable in 3D and listed as buttons.' })
      .optional(),
    narration: z
      .partialRecord(LangSchema, NarrationTrackSchema)
      .meta({ description: 'The narration in each language: recordings, captions and timed cues.' }),
    sources: z.array(SourceSchema).meta({ description: "Where the story's facts come from." }),
  })
  .strict()
export type Stop = z.infer<typeof StopSchema>

export const BasemapSchema = z
  .object({
    water: AssetPathSchema.meta({ description: 'Water areas: GeoJSON polygons.' }),
    banks: AssetPathSchema.meta({ description: 'River banks: GeoJSON lines.' }),
    bridges: AssetPathSchema.meta({ description: 'Bridges: GeoJSON lines with name_zh and name_en.' }),
    labels: AssetPathSchema.meta({
      description: 'Place names: GeoJSON points with name_zh, name_en and rank.',
    }),
  })
  .strict()

export const MapSettingsSchema = z
  .object({
    center: CoordinateSchema.meta({
      description: 'Where the map opens before a stop is chosen: [longitude, latitude].',
    }),
    zoom: z.number().min(0).max(22).meta({ description: 'The map zoom it opens at.' }),
    attribution: z.string().min(1).meta({
      description:
        'Shown on the map at all times, as the basemap\'s licence requires (e.g. "© OpenStreetMap contributors").',
    }),
    style: z
      .string()
      .regex(/^https?:\/\//, 'must be an http(s) URL')
      .meta({
        description: 'A MapLibre style URL that replaces the embedded night basemap (online tiles, PMTiles).',
      })
      .optional(),
    basemap: BasemapSchema.meta({
      description: 'The GeoJSON layers of the embedded night map, in the route folder.',
    }),
  })
  .strict()

export const RouteSchema = z
  .object({
    $schema: z
      .string()
      .meta({ description: '"../route.schema.json": editors then complete and check the file.' })
      .optional(),
    schemaVersion: z.literal(SCHEMA_VERSION, {
      error: (issue) =>
        typeof issue.input === 'number' && issue.input > SCHEMA_VERSION
          ? `schemaVersion ${issue.input} is newer than this app reads (${SCHEMA_VERSION}): update the app`
          : `schemaVersion must be ${SCHEMA_VERSION} (or 1, which is migrated on load)`,
    }),
    id: IdSchema.meta({
      description: 'The route id in links (?route=pearl-river-night): lower-case kebab-case, stable forever.',
    }),
    defaultLanguage: LangSchema.meta({
      description: 'Every text must exist in this language; the others fall back to it, visibly.',
    }),
    languages: z.array(LangSchema).min(1).meta({ description: 'The languages the route offers.' }),
    title: LocalisedTextSchema.meta({ description: "The route's name." }),
    summary: LocalisedTextSchema.meta({ description: 'A sentence or two about the route.' }),
    bounds: z
      .tuple([CoordinateSchema, CoordinateSchema])
      .meta({ description: '[[west, south], [east, north]]: every stop and the course must lie inside.' }),
    map: MapSettingsSchema.meta({ description: 'The map: its opening view, attribution and basemap.' }),
    course: z.array(CoordinateSchema).min(2, 'the course needs at least two points').meta({
      description: "The boat's course on the water, [[longitude, latitude], …], in the direction of travel.",
    }),
    stops: z
      .array(StopSchema)
      .min(1, 'a route needs at least one stop')
      .meta({ description: 'The stops, in the order the boat passes them.' }),
    cruise: z
      .object({
        speedKmh: z
          .number()
          .min(1, 'speedKmh must be at least 1')
          .max(60, 'speedKmh must be at most 60')
          .meta({ description: "The boat's usual speed in km/h." }),
      })
      .strict()
      .meta({
        description:
          'The boat: how fast it usually goes, for the simulated cruise and for timing narration against travel.',
      })
      .optional(),
    credits: z.array(CreditSchema).meta({
      description: 'Every data source, model, recording and image the route uses, with its licence.',
    }),
    kiosk: z
      .object({
        idleSeconds: z
          .number()
          .min(10)
          .max(3600)
          .meta({
            description:
              'Seconds without a touch before the screen resets to the start and the default language.',
          })
          .optional(),
        dwellSeconds: z
          .number()
          .min(5)
          .max(600)
          .meta({
            description: 'Seconds the attract loop stays on a stop whose narration is silent or missing.',
          })
          .optional(),
        sound: z
          .boolean()
          .meta({
            description: 'Whether the attract loop plays narration aloud (captions are always shown).',
          })
          .optional(),
      })
      .strict()
      .meta({
        description:
          'How the route behaves on an unattended museum touch screen (?mode=kiosk); the URL may override.',
      })
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
