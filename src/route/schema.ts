import * as z from 'zod/mini'
import en from 'zod/v4/locales/en.js'

import { assetPathProblem } from './asset-path'

/**
 * The route model: the single source of the TypeScript types, the runtime validator, the JSON Schema that
 * curators' editors use (routes-data/route.schema.json) and the CLI validator.
 * @see docs/authoring.md
 */

// Zod's fast path compiles validators with `new Function`, which the app's Content-Security-Policy forbids;
// jitless mode validates without it and without probing for it. It is read when a schema is built, so it is set
// before any. Zod Mini (chosen because it tree-shakes: the route is validated before the first view) loads no
// locale: English only, for the messages the curator reads.
z.config({ jitless: true, ...en() })

/**
 * A copy of `schema` carrying a description for curators: the JSON Schema, docs/authoring.md and the studio's
 * completion show it. A copy, because shared schemas (ids, texts, coordinates) mean something different at each
 * use; registered rather than added as a `z.meta()` check, which would run (doing nothing) on every value.
 */
function described<T extends z.ZodMiniType>(schema: T, description: string): T {
  const copy = schema.clone()
  z.globalRegistry.add(copy, { description })
  return copy
}

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
  .check(z.regex(ID_PATTERN, { error: 'ids are lower-case kebab-case ASCII, e.g. "haizhu-bridge"' }))

/** Text keyed by language tag; which tags must be present is checked against the route's languages. */
export const LocalisedTextSchema = z.partialRecord(
  LangSchema,
  z.string().check(z.trim(), z.minLength(1, 'text is empty')),
)
export type LocalisedText = z.infer<typeof LocalisedTextSchema>

/** [longitude, latitude] in WGS84, GeoJSON order. */
export const CoordinateSchema = z.tuple([
  z.number().check(z.gte(-180, 'longitude must be ≥ -180'), z.lte(180, 'longitude must be ≤ 180')),
  z.number().check(z.gte(-90, 'latitude must be ≥ -90'), z.lte(90, 'latitude must be ≤ 90')),
])
export type Coordinate = z.infer<typeof CoordinateSchema>

/** A file in the route pack, relative to the folder of route.json. */
export const AssetPathSchema = z.string().check(
  z.superRefine((path, ctx) => {
    const problem = assetPathProblem(path)
    if (problem) ctx.addIssue({ code: 'custom', message: `asset path ${problem}` })
  }),
)

const HttpUrlSchema = z.string().check(z.regex(/^https?:\/\//, 'must be an http(s) URL'))

export const CreditSchema = z.strictObject({
  title: described(LocalisedTextSchema, 'What is credited: the data set, model, recording or image.'),
  author: described(z.string().check(z.minLength(1)), 'Who made it, as they ask to be credited.'),
  license: described(z.string().check(z.minLength(1)), 'Its licence, e.g. "ODbL 1.0" or "CC BY 4.0".'),
  url: z.optional(described(z.string().check(z.minLength(1)), 'Where it comes from.')),
})
export type Credit = z.infer<typeof CreditSchema>

/** A calendar date as ISO 8601 `YYYY-MM-DD`. */
export const IsoDateSchema = z
  .string()
  .check(
    z.regex(
      /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
      'must be a date as YYYY-MM-DD, e.g. "2026-12-07"',
    ),
  )

export const SourceSchema = z.strictObject({
  title: described(z.string().check(z.minLength(1)), 'The title of the book, article or page.'),
  url: described(
    HttpUrlSchema,
    'Where to read it: an http(s) URL of the original publisher (the encyclopedia, government, museum or newspaper site itself, not a copy).',
  ),
  accessed: z.optional(
    described(
      IsoDateSchema,
      'The date the page was read, as YYYY-MM-DD. Every source should carry one: the validator warns when it is missing.',
    ),
  ),
})

const cueTime = {
  at: described(z.number().check(z.gte(0)), 'Seconds from the start of the track.'),
  until: z.optional(
    described(
      z.number().check(z.positive()),
      'Seconds from the start of the track when the cue stops applying; absent, until the next cue of its kind.',
    ),
  ),
}

/** A declarative action at a time of the narration: a fixed set, no code. */
export const NarrationCueSchema = z.discriminatedUnion('type', [
  described(
    z.strictObject({
      type: z.literal('camera-view'),
      ...cueTime,
      view: described(IdSchema, "The id of one of the stop's views."),
    }),
    "Moves the 3D camera to one of the stop's named views.",
  ),
  described(
    z.strictObject({
      type: z.literal('highlight-hotspot'),
      ...cueTime,
      hotspot: described(IdSchema, "The id of one of the stop's hotspots."),
    }),
    "Highlights one of the stop's hotspots in 3D and shows its text.",
  ),
  described(
    z.strictObject({
      type: z.literal('fly-map'),
      ...cueTime,
      center: described(CoordinateSchema, 'Where the map flies to: [longitude, latitude].'),
      zoom: described(z.number().check(z.gte(0), z.lte(22)), 'The map zoom there.'),
    }),
    'Flies the map to a place.',
  ),
  described(
    z.strictObject({
      type: z.literal('highlight-map-feature'),
      ...cueTime,
      layer: described(z.enum(['bridges', 'labels']), 'The basemap layer the feature is in.'),
      name: described(
        z.string().check(z.minLength(1)),
        "The feature's Chinese or English name, as in the basemap.",
      ),
    }),
    'Lights up a bridge or a label of the basemap.',
  ),
  described(
    z.strictObject({
      type: z.literal('show-image'),
      ...cueTime,
      src: described(AssetPathSchema, 'An image in the route folder.'),
      alt: described(LocalisedTextSchema, 'What the image shows, for screen readers.'),
      credit: described(z.string().check(z.minLength(1)), 'Who made the image, and its licence.'),
    }),
    'Shows an image from the route folder beside the captions.',
  ),
])
export type NarrationCue = z.infer<typeof NarrationCueSchema>

export const NarrationTrackSchema = z.strictObject({
  audio: described(
    z.array(AssetPathSchema).check(z.minLength(1)),
    'Encodings of one recording, in order of preference (e.g. Opus in WebM, then MP3), in the route folder.',
  ),
  captions: described(AssetPathSchema, "A WebVTT file of the recording's captions, timed to it."),
  cues: z.optional(
    described(
      z.array(NarrationCueSchema),
      'What the map and the 3D view do at given times of this recording.',
    ),
  ),
})
export type NarrationTrack = z.infer<typeof NarrationTrackSchema>

/** [x, y, z] in metres, Y up. */
export const Vec3Schema = z.tuple([z.number(), z.number(), z.number()])
export type Vec3 = z.infer<typeof Vec3Schema>

export const ModelSchema = z.strictObject({
  src: described(AssetPathSchema, 'A GLB file in the route folder, in metres with Y up.'),
  alt: described(LocalisedTextSchema, 'One sentence describing the model, for screen readers.'),
  poster: z.optional(
    described(
      AssetPathSchema,
      "A picture of the model's first 3D view (4:3 WebP), shown on a link to the stop until the first touch. `npm run posters` makes it.",
    ),
  ),
  scale: z.optional(
    described(
      z.number().check(z.positive('scale must be greater than 0')),
      "Uniform scale applied to the model (1 = the file's own metres).",
    ),
  ),
  rotation: z.optional(described(Vec3Schema, 'Rotation about X, Y and Z in degrees, applied after scale.')),
  anchor: z.optional(
    described(
      Vec3Schema,
      "The model point, in the file's own coordinates (metres), that is placed at the scene origin.",
    ),
  ),
  lightShow: z.optional(
    described(
      z.boolean(),
      "true: the landmark has a lighting programme (LED façade lights) that the light show plays; the stop then offers the light-show button and the kiosk's attract loop runs the show. Absent or false: no button.",
    ),
  ),
})

/** A named camera view: where the camera stands and what it looks at, in scene metres (origin = anchor). */
export const CameraViewSchema = z.strictObject({
  id: described(IdSchema, 'Unique in the stop; camera-view cues name it.'),
  label: described(LocalisedTextSchema, "The view's button text."),
  position: described(
    Vec3Schema,
    'Where the camera stands: [x, y, z] in scene metres (origin = the anchor).',
  ),
  target: described(Vec3Schema, 'What the camera looks at: [x, y, z] in scene metres.'),
})
export type CameraView = z.infer<typeof CameraViewSchema>

/** A point of interest on the model (in the model file's own coordinates), with a label and a short text. */
export const HotspotSchema = z.strictObject({
  id: described(IdSchema, 'Unique in the stop; highlight-hotspot cues name it.'),
  label: described(LocalisedTextSchema, "The hotspot's marker and button text."),
  text: described(LocalisedTextSchema, 'A short text shown when the hotspot is chosen.'),
  position: described(Vec3Schema, "Where it is on the model: [x, y, z] in the model file's own metres."),
})
export type Hotspot = z.infer<typeof HotspotSchema>

/** The largest radius trigger, in metres: wider, a stop is better started by a stretch of the course. */
export const MAX_TRIGGER_RADIUS_M = 5000

/**
 * Where the boat must be for a stop's narration to start by itself: within a radius of the stop, or on a stretch
 * of the course (between the course points nearest `from` and `to`). Either works whichever way the boat goes.
 */
export const TriggerSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('radius'),
    radius: described(
      z
        .number()
        .check(
          z.gte(20, 'radius must be at least 20 m'),
          z.lte(MAX_TRIGGER_RADIUS_M, `radius must be at most ${MAX_TRIGGER_RADIUS_M} m`),
        ),
      "Metres from the stop's position.",
    ),
  }),
  z.strictObject({
    type: z.literal('segment'),
    from: described(
      CoordinateSchema,
      'Where the stretch starts: the course point nearest this [longitude, latitude].',
    ),
    to: described(
      CoordinateSchema,
      'Where it ends: the course point nearest this. The stretch is the same whichever way the boat sails it.',
    ),
  }),
])
export type Trigger = z.infer<typeof TriggerSchema>

/** What a stop is: a site with a 3D view, or an interlude (a story of the river itself, with no model). */
export const STOP_KINDS = ['site', 'interlude'] as const

export const StopSchema = z.strictObject({
  id: described(IdSchema, 'Unique, and stable forever: deep links use it (?stop=haizhu-bridge).'),
  kind: z.optional(
    described(
      z.enum(STOP_KINDS),
      '"site" (the default): a place with a 3D model. "interlude": a story told on a stretch of the river (the water, its people, a place with nothing to model), shown with the map and no 3D view: it has no model, views or hotspots.',
    ),
  ),
  title: described(LocalisedTextSchema, "The stop's name."),
  summary: described(LocalisedTextSchema, 'One line under the title.'),
  story: described(
    LocalisedTextSchema,
    'The factual story; paragraphs are separated by a blank line. Shown as text: markup is displayed, never run.',
  ),
  position: described(
    CoordinateSchema,
    '[longitude, latitude] in WGS84 (not GCJ-02 from Chinese map apps: that is ~500 m off).',
  ),
  zoom: described(
    z.number().check(z.gte(0), z.lte(22)),
    'The map zoom when the stop opens (14–16 suits a landmark).',
  ),
  trigger: described(
    TriggerSchema,
    "Where on the river this stop's narration starts by itself, when the visitor lets it.",
  ),
  model: z.optional(
    described(ModelSchema, "The stop's 3D model: required for a site, absent for an interlude."),
  ),
  views: z.optional(
    described(z.array(CameraViewSchema), 'Named camera views of the 3D scene, offered as buttons under it.'),
  ),
  hotspots: z.optional(
    described(
      z.array(HotspotSchema),
      'Points of interest on the model, tappable in 3D and listed as buttons.',
    ),
  ),
  narration: described(
    z.partialRecord(LangSchema, NarrationTrackSchema),
    'The narration in each language: recordings, captions and timed cues.',
  ),
  sources: described(z.array(SourceSchema), "Where the story's facts come from."),
})
export type Stop = z.infer<typeof StopSchema>

/** A pier a cruise can start from. */
export const PierSchema = z.strictObject({
  id: described(IdSchema, 'Unique among the piers.'),
  name: described(LocalisedTextSchema, "The pier's name."),
  position: described(
    CoordinateSchema,
    '[longitude, latitude] of the pier, in WGS84, on or beside the course.',
  ),
})
export type Pier = z.infer<typeof PierSchema>

/** What the visitor reads before the first stop: what the cruise is, where it starts, which way it goes. */
export const IntroductionSchema = z.strictObject({
  text: described(
    LocalisedTextSchema,
    'What the cruise is and what it tells; paragraphs are separated by a blank line. Its length and time at cruise speed are computed from the course and shown with it.',
  ),
  directions: described(
    LocalisedTextSchema,
    'Which way boats go (e.g. out and back from any pier): the stories start by position whichever way the boat sails.',
  ),
  piers: described(
    z.array(PierSchema).check(z.minLength(1, 'list at least one pier')),
    'Where a cruise can start, in course order.',
  ),
})
export type Introduction = z.infer<typeof IntroductionSchema>

export const BasemapSchema = z.strictObject({
  water: described(AssetPathSchema, 'Water areas: GeoJSON polygons.'),
  banks: described(AssetPathSchema, 'River banks: GeoJSON lines.'),
  bridges: described(AssetPathSchema, 'Bridges: GeoJSON lines with name_zh and name_en.'),
  labels: described(AssetPathSchema, 'Place names: GeoJSON points with name_zh, name_en and rank.'),
  history: z.optional(
    described(
      AssetPathSchema,
      'Lines of the past (e.g. a former river bank): GeoJSON lines with name_zh and name_en, drawn dashed and labelled along the line; a line with a `stop` property (a stop id) shows only while that stop is open. Say "approximate" in the name where the line is.',
    ),
  ),
})

export const MapSettingsSchema = z.strictObject({
  center: described(CoordinateSchema, 'Where the map opens before a stop is chosen: [longitude, latitude].'),
  zoom: described(z.number().check(z.gte(0), z.lte(22)), 'The map zoom it opens at.'),
  attribution: described(
    z.string().check(z.minLength(1)),
    'Shown on the map at all times, as the basemap\'s licence requires (e.g. "© OpenStreetMap contributors").',
  ),
  style: z.optional(
    described(
      HttpUrlSchema,
      'A MapLibre style URL that replaces the embedded night basemap (online tiles, PMTiles).',
    ),
  ),
  basemap: described(BasemapSchema, 'The GeoJSON layers of the embedded night map, in the route folder.'),
})

export const RouteSchema = z.strictObject({
  $schema: z.optional(
    described(z.string(), '"../route.schema.json": editors then complete and check the file.'),
  ),
  schemaVersion: z.literal(SCHEMA_VERSION, {
    error: (issue) =>
      typeof issue.input === 'number' && issue.input > SCHEMA_VERSION
        ? `schemaVersion ${issue.input} is newer than this app reads (${SCHEMA_VERSION}): update the app`
        : `schemaVersion must be ${SCHEMA_VERSION} (or 1, which is migrated on load)`,
  }),
  id: described(
    IdSchema,
    'The route id in links (e.g. ?route=harbour-at-dusk): lower-case kebab-case, stable forever.',
  ),
  defaultLanguage: described(
    LangSchema,
    'Every text must exist in this language; the others fall back to it, visibly.',
  ),
  languages: described(z.array(LangSchema).check(z.minLength(1)), 'The languages the route offers.'),
  title: described(LocalisedTextSchema, "The route's name."),
  summary: described(LocalisedTextSchema, 'A sentence or two about the route.'),
  bounds: described(
    z.tuple([CoordinateSchema, CoordinateSchema]),
    '[[west, south], [east, north]]: every stop and the course must lie inside.',
  ),
  map: described(MapSettingsSchema, 'The map: its opening view, attribution and basemap.'),
  introduction: z.optional(
    described(
      IntroductionSchema,
      'Shown before the first stop: what the cruise is, its piers and directions.',
    ),
  ),
  course: described(
    z.array(CoordinateSchema).check(z.minLength(2, 'the course needs at least two points')),
    "The boat's course on the water, [[longitude, latitude], …], from one end to the other; boats may sail it either way.",
  ),
  stops: described(
    z.array(StopSchema).check(z.minLength(1, 'a route needs at least one stop')),
    'The stops and interludes, in course order (the order a boat sailing the course from its first point passes them).',
  ),
  cruise: z.optional(
    described(
      z.strictObject({
        speedKmh: described(
          z.number().check(z.gte(1, 'speedKmh must be at least 1'), z.lte(60, 'speedKmh must be at most 60')),
          "The boat's usual speed in km/h.",
        ),
      }),
      'The boat: how fast it usually goes, for the simulated cruise and for timing narration against travel.',
    ),
  ),
  credits: described(
    z.array(CreditSchema),
    'Every data source, model, recording and image the route uses, with its licence.',
  ),
  kiosk: z.optional(
    described(
      z.strictObject({
        idleSeconds: z.optional(
          described(
            z.number().check(z.gte(10), z.lte(3600)),
            'Seconds without a touch before the screen resets to the start and the default language.',
          ),
        ),
        dwellSeconds: z.optional(
          described(
            z.number().check(z.gte(5), z.lte(600)),
            'Seconds the attract loop stays on a stop whose narration is silent or missing.',
          ),
        ),
        sound: z.optional(
          described(
            z.boolean(),
            'Whether the attract loop plays narration aloud (captions are always shown).',
          ),
        ),
        attract: z.optional(
          described(
            z.strictObject({
              stops: described(
                z.array(IdSchema).check(z.minLength(1, 'name at least one stop')),
                'Stop ids the attract loop opens on, in this order (the most striking first); then it sails the whole course.',
              ),
              seconds: z.optional(
                described(
                  z.number().check(z.gte(10), z.lte(600)),
                  'Seconds the attract loop shows each stop (default 60); overrides dwellSeconds.',
                ),
              ),
            }),
            'How the attract loop opens: the stops it shows first and how long it shows each.',
          ),
        ),
      }),
      'How the route behaves on an unattended museum touch screen (?mode=kiosk); the URL may override.',
    ),
  ),
})
export type Route = z.infer<typeof RouteSchema>

/** The list of routes this build offers. */
export const RouteIndexSchema = z.strictObject({
  default: IdSchema,
  routes: z
    .array(z.strictObject({ id: IdSchema, title: LocalisedTextSchema, folder: AssetPathSchema }))
    .check(z.minLength(1)),
  /**
   * Where visitors' phones open this deployment (e.g. "https://tour.example.org/"): the kiosk's QR code links
   * there. Absent, the kiosk links to its own address.
   */
  publicUrl: z.optional(
    z
      .string()
      .check(z.regex(/^https?:\/\/[^/?#]+/, 'must be an http(s) URL, e.g. "https://tour.example.org/"')),
  ),
  /**
   * URL prefixes from which `?route=<url>` may load a route pack (e.g. a museum's own server). Absent, only the
   * routes listed here can be opened.
   */
  allowRemote: z.optional(
    z.array(z.string().check(z.regex(/^https:\/\/[^/]+\//, 'must be an https URL prefix ending in "/"'))),
  ),
})
export type RouteIndex = z.infer<typeof RouteIndexSchema>
