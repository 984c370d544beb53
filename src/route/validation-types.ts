import type { ProblemRule } from './problem'
import type { Route } from './schema'

/** What the caption checks may read from the route folder (paths relative to it); undefined: cannot be read. */
export interface NarrationMedia {
  captionsText: (path: string) => string | undefined
  audioSeconds: (path: string) => number | undefined
  /** The route's pronunciation lexicon for a language, written form → spoken form; the captions keep either. */
  respellings?: (lang: string) => readonly (readonly [string, string])[]
}

/** What the validator may ask of the world around the file. */
export interface ValidationContext {
  /** Whether an asset path (relative to the route folder) exists; omitted, assets are not checked. */
  assetExists?: (path: string) => boolean
  /** Reads a text file of the pack (the basemap's GeoJSON); omitted, or undefined for a file, its contents are not checked. */
  readText?: (path: string) => string | undefined
  /** Reads the narration's captions and audio lengths; omitted, narration timing and captions are not checked. */
  narrationMedia?: NarrationMedia
  /**
   * The app opening a route: the triggers' checks against the course, which can only warn, are skipped (a
   * quarter of the validation's time; only curators read warnings, in the studio and `npm run validate`).
   * Cheap warnings of other checks are still returned.
   */
  errorsOnly?: boolean
}

/** A problem found in a schema-valid route, located by its path. */
export interface DomainProblem {
  severity: 'error' | 'warning'
  path: (string | number)[]
  message: string
  atKey?: boolean
  rule?: ProblemRule
}

/** A check of a schema-valid route that needs more than one field; returns what it finds, in file order. */
export type DomainCheck = (route: Route, ctx: ValidationContext) => DomainProblem[]
