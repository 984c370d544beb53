// Apart from the schema: the offline download checks paths without loading zod.

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
