// Apart from the schema: the offline download checks paths without loading zod.

/** A pack folder's URL, to see where a path leads once a browser (or a server) resolves it. */
const PACK = new URL('https://pack.invalid/routes-data/some-route/')

/** True when `path`, resolved against the pack folder's URL, is inside that folder. */
function resolvesInsidePack(path: string): boolean {
  let url: URL
  try {
    url = new URL(path, PACK)
  } catch {
    return false
  }
  return url.origin === PACK.origin && url.pathname.startsWith(PACK.pathname)
}

function decodedOnce(path: string): string {
  try {
    return decodeURIComponent(path)
  } catch {
    return path
  }
}

/**
 * Why a path is refused, or null when it is a plain relative path inside the route pack. Decided on where the
 * path leads once resolved against the pack's URL (a browser reads `%2e%2e/` as `../` and `\` as `/`), and once
 * percent-decoded as a web server would (`..%2f`): either must stay under the pack folder.
 */
export function assetPathProblem(path: string): string | null {
  // eslint-disable-next-line no-control-regex -- control characters are what this looks for
  if (/[\u0000-\u001f\u007f]/.test(path)) return 'must not contain control characters (tabs, line breaks)'
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('//'))
    return 'must be a path inside the route folder, not a URL'
  if (path.startsWith('/') || path.startsWith('\\'))
    return 'must be relative to the route folder (no leading "/")'
  if (path.split(/[\\/]/).includes('..')) return 'must stay inside the route folder (no "..")'
  if (path.trim() === '') return 'is empty'
  // A URL parser drops them, so " /x" would be read as "/x".
  if (path.trim() !== path) return 'must not start or end with a space'
  const decoded = decodedOnce(path)
  if (
    !resolvesInsidePack(path) ||
    decoded.split(/[\\/]/).includes('..') ||
    /^[\\/]/.test(decoded) ||
    !resolvesInsidePack(decoded)
  )
    return 'must stay inside the route folder (no "..", written plainly or percent-encoded such as "%2e%2e")'
  return null
}
