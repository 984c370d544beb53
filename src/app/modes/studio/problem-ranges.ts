import type { Problem } from '@/route/problem'

/** Character offset of a 1-based line and column in `text`, clamped to the text. */
export function offsetAt(text: string, line: number, col: number): number {
  let offset = 0
  for (let current = 1; current < line; current++) {
    const next = text.indexOf('\n', offset)
    if (next < 0) return text.length
    offset = next + 1
  }
  return Math.min(offset + col - 1, text.length)
}

/** The span an editor underlines for a problem: from its position to the end of the token (or line) there. */
export function problemRange(text: string, problem: Problem): { from: number; to: number } {
  const from = offsetAt(text, problem.line, problem.col)
  const rest = text.slice(from)
  const token = /^("(?:[^"\\]|\\.)*"|[^\s,\]}]+)/.exec(rest)?.[0]
  const lineEnd = rest.indexOf('\n')
  const to = from + (token?.length ?? (lineEnd < 0 ? rest.length : lineEnd))
  return { from, to: Math.max(to, Math.min(from + 1, text.length)) }
}
