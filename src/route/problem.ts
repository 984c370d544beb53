/**
 * The checks whose problems tools act on, not only list: "stale-narration", a narration's captions no longer say
 * what its story says (the studio marks that stop and language out of date).
 */
export type ProblemRule = 'stale-narration'

/** One thing wrong (or doubtful) in a route file, located so a curator can go straight to it. */
export interface Problem {
  severity: 'error' | 'warning'
  /** RFC 6901 JSON pointer to the value, e.g. "/stops/3/title/en". */
  pointer: string
  /** 1-based line and column of that value in the file (of the nearest existing parent if it is missing). */
  line: number
  col: number
  message: string
  rule?: ProblemRule
}

/** Formats one problem the way the CLI prints it: `file:line:col  /pointer  message`. */
export function formatProblem(file: string, problem: Problem): string {
  const tag = problem.severity === 'warning' ? 'warning: ' : ''
  return `${file}:${problem.line}:${problem.col}  ${problem.pointer || '/'}  ${tag}${problem.message}`
}

/** Encodes path segments as a JSON pointer. */
export function toPointer(path: readonly PropertyKey[]): string {
  return path.map((seg) => '/' + String(seg).replace(/~/g, '~0').replace(/\//g, '~1')).join('')
}
