/** The absolute URL of a route-pack asset, from the pack folder's URL and the path written in route.json. */
export function assetUrl(packUrl: string, path: string): string {
  return new URL(path, packUrl).href
}
