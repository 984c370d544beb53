import type { Node } from 'jsonc-parser'
import { findNodeAtLocation } from 'jsonc-parser/lib/esm/impl/parser.js'

/** A function from character offsets in `text` to 1-based line and column (built once, then binary search). */
export function lineIndex(text: string): (offset: number) => { line: number; col: number } {
  const starts = [0]
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1)
  return (offset) => {
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if ((starts[mid] ?? 0) <= offset) lo = mid
      else hi = mid - 1
    }
    return { line: lo + 1, col: offset - (starts[lo] ?? 0) + 1 }
  }
}

/**
 * Where a path points in the parsed tree: the value itself, or its key when `atKey` is set (for unknown
 * keys), or else the nearest existing parent (for missing keys).
 */
export function offsetOfPath(
  root: Node | undefined,
  path: readonly (string | number)[],
  atKey = false,
): number {
  if (!root) return 0
  for (let depth = path.length; depth >= 0; depth--) {
    const node = findNodeAtLocation(root, path.slice(0, depth))
    if (!node) continue
    if (atKey && depth === path.length && node.parent?.type === 'property') {
      return node.parent.children?.[0]?.offset ?? node.offset
    }
    return node.offset
  }
  return root.offset
}
