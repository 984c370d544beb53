/**
 * Pack files the page holds itself (a route pack opened from a zip in the studio), by the URL their path resolves
 * to: each is read from its object URL, so the map, the 3D scene and the narration play it like a served file.
 */
const held = new Map<string, string>()

/** The absolute URL of a route-pack asset, from the pack folder's URL and the path written in route.json. */
export function assetUrl(packUrl: string, path: string): string {
  const url = new URL(path, packUrl).href
  return held.get(url) ?? url
}

/**
 * Serves `files` (pack path → object URL) for the pack folder `packUrl` through `assetUrl`, until the returned
 * function lets them go.
 */
export function holdPackFiles(packUrl: string, files: ReadonlyMap<string, string>): () => void {
  const urls = [...files].map(([path, objectUrl]) => [new URL(path, packUrl).href, objectUrl] as const)
  for (const [url, objectUrl] of urls) held.set(url, objectUrl)
  return () => {
    for (const [url, objectUrl] of urls) if (held.get(url) === objectUrl) held.delete(url)
  }
}
