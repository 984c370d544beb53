import { findNodeAtLocation, type Node } from 'jsonc-parser'

/** Maps character offsets in a JSON text to 1-based line and column. */
export function lineColAt(text: string, offset: number): { line: number; col: number } {
  let line = 1
  let lineStart = 0
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++
      lineStart = i + 1
    }
  }
  return { line, col: offset - lineStart + 1 }
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
