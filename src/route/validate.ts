import type { Node, ParseError } from 'jsonc-parser'
import { parseTree } from 'jsonc-parser/lib/esm/impl/parser.js'
import type * as z from 'zod/mini'

import { domainProblems } from './domain-checks'
import { lineIndex } from './json-positions'
import { migrateRoute } from './migrations'
import { isPair, looksSwapped, packProblems, readBounds, swapHint } from './pack-checks'
import { toPointer, type Problem } from './problem'
import { RouteSchema, type Route } from './schema'
import { closestKey } from './suggest'
import { closingQuote, locatePaths } from './validate-locate'
import type { DomainProblem, ValidationContext } from './validation-types'

export type { ValidationContext } from './validation-types'

/** The outcome of validating a route file: the typed route when there is no error, and every problem. */
export interface ValidationResult {
  route?: Route
  problems: Problem[]
  /** The file's schemaVersion when it was older and has been migrated: saving the route keeps the migration. */
  migratedFrom?: number
}

type Path = (string | number)[]

/** What each of jsonc-parser's error codes (`ParseErrorCode`) means for a curator. */
const PARSE_HINTS: Record<number, string> = {
  1: 'this is not valid JSON (strings need double quotes)',
  2: 'this is not a valid JSON number',
  3: 'a key in double quotes is expected here (is there a trailing comma?)',
  4: 'a value is expected here (is there a trailing comma?)',
  5: 'a colon ":" is missing after a key',
  6: 'a comma is missing between two values',
  7: 'a closing "}" is missing',
  8: 'a closing "]" is missing',
  9: 'there is text after the end of the JSON value',
  10: 'comments are not allowed in route files',
  11: 'a comment is not closed',
  12: 'a string is not closed with a double quote',
  13: 'a number ends too early',
  14: 'a \\u escape needs four hex digits',
  15: 'this backslash escape does not exist in JSON',
  16: 'this character is not allowed here (control characters in strings must be escaped)',
}

/**
 * Validates the text of a route file: JSON syntax, the schema, then the checks that need the whole route
 * (unique ids, bounds, languages, assets). Never throws; every problem names its place.
 */
export function validateRouteText(text: string, ctx: ValidationContext = {}): ValidationResult {
  // Lines are indexed only when a problem needs one: on a valid 30 MB route that pass is pure cost.
  let lines: ReturnType<typeof lineIndex> | undefined
  const position = (offset: number) => (lines ??= lineIndex(text))(offset)
  const fail = (offset: number, message: string): ValidationResult => ({
    problems: [{ severity: 'error', pointer: '', ...position(offset), message }],
  })
  if (text.length > MAX_ROUTE_CHARS) {
    return fail(
      0,
      `the file is too large (${text.length} characters; at most ${MAX_ROUTE_CHARS}): split the route`,
    )
  }
  const shape = scanText(text, MAX_DEPTH)
  if (shape.tooDeepAt >= 0)
    return fail(shape.tooDeepAt, `values are nested more than ${MAX_DEPTH} levels deep`)

  // The fast path: the engine's own parser. The slower tree-building parse runs only for syntax errors and
  // repeated keys; other problems are located by locatePaths.
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { problems: syntaxProblems(text, position) }
  }
  const measured = measureValue(value)
  // JSON.parse keeps the last of two equal keys, so the value then has fewer keys than the text writes.
  if (measured.keys !== shape.keys) {
    const root = parseTree(text, [], { disallowComments: true, allowTrailingComma: false })
    const duplicates = root ? duplicateKeyProblems(root, position) : []
    if (duplicates.length > 0) return { problems: duplicates }
  }
  return validateRouteValue(value, measured.hasLongArray, text, position, ctx)
}

export function syntaxProblems(
  text: string,
  position: (offset: number) => { line: number; col: number },
): Problem[] {
  const parseErrors: ParseError[] = []
  parseTree(text, parseErrors, { disallowComments: true, allowTrailingComma: false })
  const errors = parseErrors.length > 0 ? parseErrors : [{ error: 0, offset: 0, length: 0 }]
  return errors.slice(0, MAX_PARSE_PROBLEMS).map((e) => {
    const special = /^-?(?:NaN|Infinity)/.exec(text.slice(e.offset, e.offset + 10))?.[0]
    const hint = special
      ? `${special} is not a JSON number: write a finite number`
      : (PARSE_HINTS[e.error] ?? 'the JSON syntax is broken here')
    return { severity: 'error', pointer: '', ...position(e.offset), message: `invalid JSON: ${hint}` }
  })
}

/**
 * One pass over the characters, before parsing: the offset where nesting first exceeds `maxDepth` (or -1), and
 * how many keys the text writes (one colon outside strings per key). Strings are skipped with indexOf, so
 * brackets and colons in them do not count and a 30 MB route takes ~50 ms.
 */
function scanText(text: string, maxDepth: number): { tooDeepAt: number; keys: number } {
  let depth = 0
  let keys = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 34) i = closingQuote(text, i)
    else if (c === 58) keys++
    else if (c === 91 || c === 123) {
      if (++depth > maxDepth) return { tooDeepAt: i, keys }
    } else if (c === 93 || c === 125) depth--
  }
  return { tooDeepAt: -1, keys }
}

/**
 * One walk over the parsed value, which scanText has bounded to MAX_DEPTH levels: how many keys its objects
 * have, and whether an array is longer than MAX_ARRAY_LENGTH. No paths are built: they are only needed for a
 * problem.
 */
function measureValue(value: unknown): { keys: number; hasLongArray: boolean } {
  let keys = 0
  let hasLongArray = false
  const visit = (node: unknown) => {
    if (typeof node !== 'object' || node === null) return
    if (Array.isArray(node)) {
      if (node.length > MAX_ARRAY_LENGTH) hasLongArray = true
      for (let i = 0; i < node.length; i++) visit(node[i])
    } else {
      const children = Object.values(node)
      keys += children.length
      for (let i = 0; i < children.length; i++) visit(children[i])
    }
  }
  visit(value)
  return { keys, hasLongArray }
}

/** Route files larger than this are refused before parsing (a 5,000-stop route in three languages is ~30 MB). */
const MAX_ROUTE_CHARS = 50_000_000
/** Deeper nesting than any route needs; refused before parsing so the parser cannot overflow its stack. */
const MAX_DEPTH = 64
const MAX_PARSE_PROBLEMS = 20
const MAX_SCHEMA_PROBLEMS = 200
/** Longer arrays than any route needs; zod would overflow the stack collecting an issue per bad item. */
const MAX_ARRAY_LENGTH = 50_000

/** The path of the first array longer than MAX_ARRAY_LENGTH, if any. */
function longArrayPath(value: unknown, path: Path): Path | undefined {
  if (Array.isArray(value)) {
    if (value.length > MAX_ARRAY_LENGTH) return path
    for (let i = 0; i < value.length; i++) {
      const found = longArrayPath(value[i], [...path, i])
      if (found) return found
    }
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      const found = longArrayPath(child, [...path, key])
      if (found) return found
    }
  }
  return undefined
}

/** JSON parsers keep the last of two equal keys silently; a curator should know one of them is ignored. */
function duplicateKeyProblems(
  root: Node,
  position: (offset: number) => { line: number; col: number },
): Problem[] {
  const problems: Problem[] = []
  const visit = (node: Node, path: Path) => {
    if (node.type === 'object') {
      const seen = new Set<string>()
      for (const property of node.children ?? []) {
        const [keyNode, valueNode] = property.children ?? []
        const key = String(keyNode?.value)
        if (seen.has(key) && keyNode) {
          problems.push({
            severity: 'error',
            pointer: toPointer([...path, key]),
            ...position(keyNode.offset),
            message: `duplicate key "${key}": only one may stay, remove the other`,
          })
        }
        seen.add(key)
        if (valueNode) visit(valueNode, [...path, key])
      }
    } else if (node.type === 'array') {
      node.children?.forEach((child, i) => visit(child, [...path, i]))
    }
  }
  visit(root, [])
  return problems
}

function validateRouteValue(
  value: unknown,
  hasLongArray: boolean,
  text: string,
  position: (offset: number) => { line: number; col: number },
  ctx: ValidationContext,
): ValidationResult {
  const locate = (
    path: Path,
    severity: Problem['severity'],
    message: string,
    atKey = false,
  ): DomainProblem => ({
    severity,
    path,
    message,
    atKey,
  })
  // All problems are placed in one pass over the text, once they are all known.
  const place = (list: DomainProblem[]): Problem[] => {
    const offsets = locatePaths(text, list)
    return list.map((p, i) => ({
      severity: p.severity,
      pointer: toPointer(p.path),
      ...position(offsets[i] ?? 0),
      message: p.message,
      ...(p.rule && { rule: p.rule }),
    }))
  }

  const tooLong = hasLongArray ? longArrayPath(value, []) : undefined
  if (tooLong) {
    return {
      problems: place([locate(tooLong, 'error', `more than ${MAX_ARRAY_LENGTH} items: split the route`)]),
    }
  }
  const { value: current, migratedFrom, notices } = migrateRoute(value)
  const migrationNotices = notices.map((notice) =>
    locate(['schemaVersion'], 'warning', `migrated from schemaVersion ${migratedFrom}: ${notice}`),
  )
  const parsed = RouteSchema.safeParse(current, { reportInput: true })
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, MAX_SCHEMA_PROBLEMS)
    const schemaProblems = issues.flatMap((issue) => issueProblems(issue, current, locate))
    // Places and files are checked as far as the value reads, so every problem is listed at once.
    const skip = new Set(schemaProblems.map((p) => toPointer(p.path)))
    return {
      problems: place([...migrationNotices, ...schemaProblems, ...packProblems(current, ctx, skip)]),
    }
  }
  const problems = place([
    ...migrationNotices,
    ...domainProblems(parsed.data, ctx),
    ...packProblems(current, ctx),
  ])
  if (problems.some((p) => p.severity === 'error')) return { problems }
  return migratedFrom === undefined
    ? { route: parsed.data, problems }
    : { route: parsed.data, problems, migratedFrom }
}

function issueProblems(
  issue: z.core.$ZodIssue,
  value: unknown,
  locate: (path: Path, severity: Problem['severity'], message: string, atKey?: boolean) => DomainProblem,
): DomainProblem[] {
  const path = issue.path.filter((seg): seg is string | number => typeof seg !== 'symbol')
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeysAt(path)
    return issue.keys.map((key) => {
      const guess = closestKey(key, known)
      const hint = guess ? `did you mean "${guess}"?` : `known keys: ${known.join(', ')}`
      return locate([...path, key], 'error', `unknown key "${key}": ${hint}`, true)
    })
  }
  const shape = expectedShape(defAt(path), value)
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    const key = path[path.length - 1]
    return [
      locate(path, 'error', `missing required key "${String(key)}" (expected ${shape ?? issue.expected})`),
    ]
  }
  if (issue.code === 'invalid_type') {
    return [locate(path, 'error', `expected ${shape ?? issue.expected}, found ${describe(issue.input)}`)]
  }
  if ((issue.code === 'too_big' || issue.code === 'too_small') && shape && Array.isArray(issue.input)) {
    const n = issue.input.length
    return [locate(path, 'error', `expected ${shape}, found ${n} item${n === 1 ? '' : 's'}`)]
  }
  // A number out of range in a coordinate: a latitude written first is the usual cause.
  const pair = valueAtPath(value, path.slice(0, -1))
  const inCoordinate =
    (issue.code === 'too_big' || issue.code === 'too_small') && isCoordinateDef(defAt(path.slice(0, -1)))
  if (inCoordinate && isPair(pair) && looksSwapped(pair, readBounds(value))) {
    return [locate(path.slice(0, -1), 'error', `${issue.message}: ${swapHint(pair)}`)]
  }
  return [locate(path, 'error', issue.message)]
}

function valueAtPath(value: unknown, path: Path): unknown {
  let current = value
  for (const seg of path) {
    if (typeof current !== 'object' || current === null) return undefined
    current = (current as Record<string | number, unknown>)[seg]
  }
  return current
}

const isCoordinateDef = (def: SchemaDef | undefined) =>
  def?.type === 'tuple' && def.items?.length === 2 && def.items.every((item) => item.def.type === 'number')

/**
 * What a curator should write where zod says "expected tuple" or "expected record": the shape in words and an
 * example built from the route itself (its map centre, its languages). Undefined for other types.
 */
function expectedShape(def: SchemaDef | undefined, value: unknown): string | undefined {
  if (!def) return undefined
  const center = valueAtPath(value, ['map', 'center'])
  const [lng, lat] = isPair(center) ? center : [2.35, 48.86]
  const round = (n: number) => Math.round(n * 100) / 100
  if (isCoordinateDef(def))
    return `a [longitude, latitude] pair of numbers, e.g. [${round(lng)}, ${round(lat)}]`
  if (
    def.type === 'tuple' &&
    def.items?.length === 2 &&
    def.items.every((item) => isCoordinateDef(item.def))
  ) {
    const corner = (d: number) => `[${round(lng + d)}, ${round(lat + d)}]`
    return `[[west, south], [east, north]], the south-west and north-east corners as [longitude, latitude], e.g. [${corner(-0.1)}, ${corner(0.1)}]`
  }
  if (def.type === 'tuple' && def.items?.length === 3)
    return 'three numbers [x, y, z] in metres, e.g. [0, 10, 40]'
  if (def.type === 'record') {
    const listed = valueAtPath(value, ['languages'])
    const langs = Array.isArray(listed) ? listed.filter((l): l is string => typeof l === 'string') : []
    const keys = langs.length > 0 ? langs : ['en']
    const text = def.valueType?.def.type === 'string'
    const entry = (lang: string) =>
      text
        ? `"${lang}": "…"`
        : `"${lang}": {"audio": ["audio/…${lang}.webm"], "captions": "audio/…${lang}.vtt"}`
    return `${text ? 'a text for each language' : 'one entry for each language'}, e.g. {${keys.map(entry).join(', ')}}`
  }
  return undefined
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'string') return `the string ${JSON.stringify(value.slice(0, 40))}`
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value) ?? typeof value}`
}

interface SchemaDef {
  type: string
  shape?: Record<string, { def: SchemaDef }>
  element?: { def: SchemaDef }
  innerType?: { def: SchemaDef }
  valueType?: { def: SchemaDef }
  keyType?: { def: SchemaDef }
  items?: { def: SchemaDef }[]
  entries?: Record<string, string>
}

/** The schema's definition of the value at a path, optional wrappers removed. */
function defAt(path: Path): SchemaDef | undefined {
  let def: SchemaDef | undefined = (RouteSchema as unknown as { def: SchemaDef }).def
  for (const seg of path) {
    while (def?.type === 'optional') def = def.innerType?.def
    if (!def) return undefined
    if (def.type === 'object') def = def.shape?.[String(seg)]?.def
    else if (def.type === 'array') def = def.element?.def
    else if (def.type === 'record') def = def.valueType?.def
    else if (def.type === 'tuple') def = def.items?.[Number(seg)]?.def
    else return undefined
  }
  while (def?.type === 'optional') def = def.innerType?.def
  return def
}

/** The keys the schema allows at a path: what "did you mean" chooses from. */
function knownKeysAt(path: Path): string[] {
  const def = defAt(path)
  if (def?.type === 'object') return Object.keys(def.shape ?? {})
  if (def?.type === 'record') return Object.values(def.keyType?.def.entries ?? {})
  return []
}
