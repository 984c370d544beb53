import type { Problem } from './problem'
import { RouteIndexSchema, type Route, type RouteIndex } from './schema'
import { validateRouteText } from './validate'

/** A route ready to tour, or the reason it is not. */
export type LoadedRoute =
  | { ok: true; route: Route; packUrl: string; index: RouteIndex; problems: Problem[] }
  | { ok: false; file: string; problems: Problem[]; message?: string }

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url)
  if (!response.ok) throw new Error(`${response.status} ${response.statusText} for ${url}`)
  return response.text()
}

/**
 * The only way a route enters the app: fetch the index, pick the route (the asked id, else the default),
 * fetch its route.json and validate it. Never throws.
 */
export async function loadRoute(routesUrl: string, routeId: string | null): Promise<LoadedRoute> {
  const indexUrl = new URL('index.json', routesUrl).href
  let index: RouteIndex
  try {
    const parsed = RouteIndexSchema.safeParse(JSON.parse(await fetchText(indexUrl)))
    if (!parsed.success) {
      return { ok: false, file: 'routes-data/index.json', problems: [], message: parsed.error.message }
    }
    index = parsed.data
  } catch (error) {
    return { ok: false, file: 'routes-data/index.json', problems: [], message: String(error) }
  }
  const entry =
    index.routes.find((r) => r.id === (routeId ?? index.default)) ??
    index.routes.find((r) => r.id === index.default)
  if (!entry)
    return { ok: false, file: 'routes-data/index.json', problems: [], message: `no route "${index.default}"` }
  const packUrl = new URL(`${entry.folder}/`, routesUrl).href
  const file = `routes-data/${entry.folder}/route.json`
  let text: string
  try {
    text = await fetchText(new URL('route.json', packUrl).href)
  } catch (error) {
    return { ok: false, file, problems: [], message: String(error) }
  }
  const { route, problems } = validateRouteText(text)
  return route ? { ok: true, route, packUrl, index, problems } : { ok: false, file, problems }
}
