import { getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser'
import type { z } from 'zod'

import { domainProblems, type DomainProblem } from './domain-checks'
import { lineColAt, offsetOfPath } from './json-positions'
import { toPointer, type Problem } from './problem'
import { RouteSchema, type Route } from './schema'
import { closestKey } from './suggest'

/** What the validator may ask of the world around the file. */
export interface ValidationContext {
  /** Whether an asset path (relative to the route folder) exists; omitted, assets are not checked. */
  assetExists?: (path: string) => boolean
}

/** The outcome of validating a route file: the typed route when there is no error, and every problem. */
export interface ValidationResult {
  route?: Route
  problems: Problem[]
}

type Path = (string | number)[]

const PARSE_HINTS: Record<string, string> = {
  CommaExpected: 'a comma is missing between two values',
  ColonExpected: 'a colon ":" is missing after a key',
  PropertyNameExpected: 'a key in double quotes is expected here (is there a trailing comma?)',
  ValueExpected: 'a value is expected here (is there a trailing comma?)',
  CloseBraceExpected: 'a closing "}" is missing',
  CloseBracketExpected: 'a closing "]" is missing',
  EndOfFileExpected: 'there is text after the end of the JSON value',
  InvalidCommentToken: 'comments are not allowed in route files',
  UnexpectedEndOfString: 'a string is not closed with a double quote',
  InvalidSymbol: 'this is not valid JSON (strings need double quotes)',
}

/**
 * Validates the text of a route file: JSON syntax, the schema, then the checks that need the whole route
 * (unique ids, bounds, languages, assets). Never throws; every problem names its place.
 */
export function validateRouteText(text: string, ctx: ValidationContext = {}): ValidationResult {
  const parseErrors: ParseError[] = []
  const root = parseTree(text, parseErrors, { disallowComments: true, allowTrailingComma: false })
  if (parseErrors.length > 0 || !root) {
    const errors = parseErrors.length > 0 ? parseErrors : [{ error: 0, offset: 0, length: 0 }]
    return {
      problems: errors.map((e) => {
        const code = printParseErrorCode(e.error)
        return {
          severity: 'error',
          pointer: '',
          ...lineColAt(text, e.offset),
          message: `invalid JSON: ${PARSE_HINTS[code] ?? code}`,
        }
      }),
    }
  }
  return validateRouteValue(getNodeValue(root) as unknown, root, text, ctx)
}

function validateRouteValue(
  value: unknown,
  root: Node,
  text: string,
  ctx: ValidationContext,
): ValidationResult {
  const locate = (path: Path, severity: Problem['severity'], message: string, atKey = false): Problem => ({
    severity,
    pointer: toPointer(path),
    ...lineColAt(text, offsetOfPath(root, path, atKey)),
    message,
  })

  const parsed = RouteSchema.safeParse(value, { reportInput: true })
  if (!parsed.success) {
    return { problems: parsed.error.issues.flatMap((issue) => issueProblems(issue, locate)) }
  }
  const problems = domainProblems(parsed.data, ctx).map((p: DomainProblem) =>
    locate(p.path, p.severity, p.message, p.atKey),
  )
  return problems.some((p) => p.severity === 'error') ? { problems } : { route: parsed.data, problems }
}

function issueProblems(
  issue: z.core.$ZodIssue,
  locate: (path: Path, severity: Problem['severity'], message: string, atKey?: boolean) => Problem,
): Problem[] {
  const path = issue.path.filter((seg): seg is string | number => typeof seg !== 'symbol')
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeysAt(path)
    return issue.keys.map((key) => {
      const guess = closestKey(key, known)
      const hint = guess ? `did you mean "${guess}"?` : `known keys: ${known.join(', ')}`
      return locate([...path, key], 'error', `unknown key "${key}": ${hint}`, true)
    })
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    const key = path[path.length - 1]
    return [locate(path, 'error', `missing required key "${String(key)}" (expected ${issue.expected})`)]
  }
  if (issue.code === 'invalid_type') {
    return [locate(path, 'error', `expected ${issue.expected}, found ${describe(issue.input)}`)]
  }
  return [locate(path, 'error', issue.message)]
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

/** The keys the schema allows at a path: what "did you mean" chooses from. */
function knownKeysAt(path: Path): string[] {
  let def: SchemaDef | undefined = (RouteSchema as unknown as { def: SchemaDef }).def
  for (const seg of path) {
    while (def?.type === 'optional') def = def.innerType?.def
    if (!def) return []
    if (def.type === 'object') def = def.shape?.[String(seg)]?.def
    else if (def.type === 'array') def = def.element?.def
    else if (def.type === 'record') def = def.valueType?.def
    else if (def.type === 'tuple') def = def.items?.[Number(seg)]?.def
    else return []
  }
  while (def?.type === 'optional') def = def.innerType?.def
  if (def?.type === 'object') return Object.keys(def.shape ?? {})
  if (def?.type === 'record') return Object.values(def.keyType?.def.entries ?? {})
  return []
}
