/**
 * Where the shared parts of a site go around a landmark: the river bank it stands on, the lamps along the
 * promenade, and the overview camera. Pure functions over scene metres (Y up, the model's ground at y = 0,
 * the river toward +Z unless the model says otherwise).
 */

/** The river's surface, in scene metres: embankments stand about 3 m above the river at night. */
export const WATER_LEVEL = -3

/** Width of the granite promenade between the landmark and the embankment edge. */
export const PROMENADE = 8

/** Distance between two lamps along a promenade. */
export const LAMP_SPACING = 16

/** Most lamps on one bank, so a huge model cannot ask for thousands. */
export const MAX_LAMPS_PER_BANK = 24

/** Most banks a model may ask for (a bridge has two). */
export const MAX_BANKS = 4

/**
 * One river bank: a point on its waterfront edge and the direction the water lies in, as degrees about Y
 * (0: water toward +Z, 90: toward +X). The land is behind the edge.
 */
export interface BankEdge {
  x: number
  z: number
  facing: number
}

/** The ground plan of a placed model: its bounding box seen from above. */
export interface Footprint {
  minX: number
  maxX: number
  minZ: number
  maxZ: number
}

/** What the shared parts need to know about the open stop's landmark. */
export interface Site {
  footprint: Footprint
  banks: BankEdge[]
}

/**
 * The river banks a model asks for in its glTF scene extras, `"riverBanks": [{"x", "z", "facing"}]` in the
 * model's own metres and degrees (an island: `[]`, no bank; a bridge: one at each end). Absent: null, and the
 * default bank in front of the model is used.
 */
export function bankHints(extras: unknown): { banks: BankEdge[] | null; problem?: string } {
  const value = (extras as { riverBanks?: unknown } | null | undefined)?.riverBanks
  if (value === undefined) return { banks: null }
  const problem =
    'extras.riverBanks must be a list of at most 4 banks {"x": metres, "z": metres, "facing": degrees}; ' +
    'the default bank in front of the model is used instead'
  if (!Array.isArray(value) || value.length > MAX_BANKS) return { banks: null, problem }
  const banks: BankEdge[] = []
  for (const item of value as unknown[]) {
    const { x, z, facing } = (item ?? {}) as Record<string, unknown>
    if (![x, z, facing].every((n) => typeof n === 'number' && Number.isFinite(n)))
      return { banks: null, problem }
    banks.push({ x: x as number, z: z as number, facing: facing as number })
  }
  return { banks }
}

/** The 3D view's vertical field of view, in degrees, unless a model's overview asks for a narrower one. */
export const VIEW_FOV = 40

/** The angles a model may ask its overview to be seen from, in degrees (see `overviewCamera`). */
export interface OverviewAngles {
  /** About Y from +Z toward +X: 0 looks straight across the river at the model's front. */
  azimuth?: number
  /** Above the horizon. */
  elevation?: number
  /** A narrower field of view (a long lens): a landmark inland, seen from the water over the streets between. */
  fov?: number
  /** The part of the model to frame, in its own metres, when not all of it (the landmark, not the streets). */
  focus?: Box
}

/**
 * The overview angles a model asks for in its glTF scene extras, `"overview": {"azimuth": degrees, "elevation":
 * degrees}` (either may be left out: the default is used). A landmark seen from the water straight on, or a site
 * whose neighbour across the river belongs in the picture, says so here. Absent: none asked for.
 */
export function overviewHint(extras: unknown): { angles: OverviewAngles; problem?: string } {
  const value = (extras as { overview?: unknown } | null | undefined)?.overview
  if (value === undefined) return { angles: {} }
  const problem =
    'extras.overview must be {"azimuth": degrees from -90 to 90, "elevation": degrees from 0 to 60, "fov": ' +
    'degrees from 8 to 40, "focus": {"min": [x, y, z], "max": [x, y, z]}}, each optional; the default overview ' +
    'is used instead'
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { angles: {}, problem }
  const { azimuth, elevation, fov, focus } = value as Record<string, unknown>
  const ok = (n: unknown, lo: number, hi: number) =>
    n === undefined || (typeof n === 'number' && Number.isFinite(n) && n >= lo && n <= hi)
  const point = (p: unknown): p is [number, number, number] =>
    Array.isArray(p) && p.length === 3 && p.every((n) => typeof n === 'number' && Number.isFinite(n))
  const { min, max } = (focus ?? {}) as Record<string, unknown>
  const focusOk = focus === undefined || (point(min) && point(max) && min.every((v, i) => v <= max[i]!))
  if (!ok(azimuth, -90, 90) || !ok(elevation, 0, 60) || !ok(fov, 8, VIEW_FOV) || !focusOk)
    return { angles: {}, problem }
  return {
    angles: {
      ...(azimuth === undefined ? {} : { azimuth: azimuth as number }),
      ...(elevation === undefined ? {} : { elevation: elevation as number }),
      ...(fov === undefined ? {} : { fov: fov as number }),
      ...(focus === undefined ? {} : { focus: { min: min as Box['min'], max: max as Box['max'] } }),
    },
  }
}

/** The bank of a model that says nothing: its edge a promenade's width in front of the model, water toward +Z. */
export function defaultBank(footprint: Footprint): BankEdge {
  return { x: (footprint.minX + footprint.maxX) / 2, z: footprint.maxZ + PROMENADE + 2, facing: 0 }
}

/** Unit vector along a bank's edge (the water on its left when walking this way) and toward the water. */
export function bankAxes(bank: BankEdge): { along: [number, number]; out: [number, number] } {
  const a = (bank.facing * Math.PI) / 180
  return { out: [Math.sin(a), Math.cos(a)], along: [Math.cos(a), -Math.sin(a)] }
}

/**
 * Where the lamps stand along a bank, as distances along its edge from the bank's point: every LAMP_SPACING
 * metres on either side of the landmark, never in front of it (they would stand in the view of it), out to
 * about 100 m past it.
 */
export function lampOffsets(bank: BankEdge, footprint: Footprint): number[] {
  const { along } = bankAxes(bank)
  const corners: [number, number][] = [
    [footprint.minX, footprint.minZ],
    [footprint.minX, footprint.maxZ],
    [footprint.maxX, footprint.minZ],
    [footprint.maxX, footprint.maxZ],
  ]
  const spans = corners.map(([x, z]) => (x - bank.x) * along[0] + (z - bank.z) * along[1])
  const from = Math.min(...spans) - LAMP_SPACING / 2
  const to = Math.max(...spans) + LAMP_SPACING / 2
  const reach = 100
  const perSide = Math.min(MAX_LAMPS_PER_BANK / 2, Math.ceil(reach / LAMP_SPACING))
  const offsets: number[] = []
  for (let k = 0; k < perSide; k++) offsets.push(from - k * LAMP_SPACING, to + k * LAMP_SPACING)
  return offsets.sort((a, b) => a - b)
}

/** Share of the view's half-angles the overview's framed box may fill: a small margin round it. */
export const OVERVIEW_FILL = 0.92

/** A box in scene metres. */
export interface Box {
  min: [number, number, number]
  max: [number, number, number]
}

/**
 * The overview of a landmark: from the river side (+Z) and a little to the east (+X), low over the water
 * for a tall landmark and higher for a wide, flat site, framing the landmark and the top of its reflection:
 * the camera stands as close as it can with every corner of that box inside the view, a small margin round it.
 */
export function overviewCamera(
  box: Box,
  fovDeg: number,
  aspect: number,
  angles: OverviewAngles = {},
): { position: [number, number, number]; target: [number, number, number] } {
  const [minX, minY, minZ] = box.min
  const [maxX, maxY, maxZ] = box.max
  const height = Math.max(1, maxY - WATER_LEVEL)
  const width = Math.max(1, maxX - minX, maxZ - minZ)
  // 8° over the water for a tower, up to 24° for a site much wider than it is high.
  const elevation = angles.elevation ?? 8 + 16 * Math.min(1, Math.max(0, 1 - height / width))
  const azimuth = angles.azimuth === undefined ? Math.atan2(0.55, 0.8) : (angles.azimuth * Math.PI) / 180
  // A third of the reflection's height is in view below the waterline.
  const withReflection = frameBox(
    box,
    Math.min(minY, WATER_LEVEL - height / 3),
    elevation,
    azimuth,
    fovDeg,
    aspect,
  )
  if (withReflection.position[1] >= EYE_HEIGHT) return withReflection
  // A model smaller than the embankment it stands on (a 1 m model): framed with its reflection, the camera would
  // stand inside the bank, below the promenade. It is framed alone instead, from just above the promenade.
  for (let e = elevation; e < MAX_ELEVATION; e += 2) {
    const alone = frameBox(box, minY, e, azimuth, fovDeg, aspect)
    if (alone.position[1] >= EYE_HEIGHT) return alone
  }
  return frameBox(box, minY, MAX_ELEVATION, azimuth, fovDeg, aspect)
}

/** Height above the model's ground (y = 0) below which a camera would be inside the embankment. */
export const EYE_HEIGHT = 1.6
/** The steepest overview a small model is raised to. */
const MAX_ELEVATION = 60

/** The nearest camera, at `elevationDeg` and `azimuth` (radians), that sees the box from `bottom` up to its top. */
function frameBox(
  box: Box,
  bottom: number,
  elevationDeg: number,
  azimuth: number,
  fovDeg: number,
  aspect: number,
): { position: [number, number, number]; target: [number, number, number] } {
  const [minX, , minZ] = box.min
  const [maxX, maxY, maxZ] = box.max
  const centre: [number, number, number] = [(minX + maxX) / 2, (bottom + maxY) / 2, (minZ + maxZ) / 2]
  const elevation = (elevationDeg * Math.PI) / 180
  // From the target toward the camera, and the camera's right and up.
  const back = [
    Math.cos(elevation) * Math.sin(azimuth),
    Math.sin(elevation),
    Math.cos(elevation) * Math.cos(azimuth),
  ]
  const right = [Math.cos(azimuth), 0, -Math.sin(azimuth)]
  const up = [
    -Math.sin(elevation) * Math.sin(azimuth),
    Math.cos(elevation),
    -Math.sin(elevation) * Math.cos(azimuth),
  ]
  const dot = (a: number[], b: number[]) => a[0]! * b[0]! + a[1]! * b[1]! + a[2]! * b[2]!
  const tanV = Math.tan((fovDeg * Math.PI) / 360) * OVERVIEW_FILL
  const tanH = Math.tan((fovDeg * Math.PI) / 360) * aspect * OVERVIEW_FILL
  // A corner q (from the centre) is in view from distance d when |q·right| and |q·up| are within the angles
  // of view at its depth d − q·back: the nearest such d over all eight corners.
  let distance = 1
  for (const x of [minX, maxX])
    for (const y of [bottom, maxY])
      for (const z of [minZ, maxZ]) {
        const q = [x - centre[0], y - centre[1], z - centre[2]]
        const need = Math.max(Math.abs(dot(q, right)) / tanH, Math.abs(dot(q, up)) / tanV) + dot(q, back)
        distance = Math.max(distance, need)
      }
  return {
    position: [
      centre[0] + distance * back[0]!,
      centre[1] + distance * back[1]!,
      centre[2] + distance * back[2]!,
    ],
    target: centre,
  }
}
