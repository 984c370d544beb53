import type { Problem } from './problem'
import { IdSchema, RouteIndexSchema, type Route, type RouteIndex } from './schema'
import { validateRouteText } from './validate'
import { fetchRouteFile, ROUTE_INDEX_FILE } from './route-file'
import { FetchFailure, type FetchFailureKind } from '@/lib/fetch-limited-text'

/**
 * Why a route could not be opened: the connection (none, too slow), the server (an error status), a link naming
 * no route of this app, or a route file that is not valid — only the last is for curators to fix.
 */
export type RouteFailure = FetchFailureKind | 'link'

/** A route ready to tour, or the reason it is not. */
export type LoadedRoute =
  | { ok: true; route: Route; packUrl: string; index: RouteIndex; problems: Problem[] }
  | { ok: false; failure: RouteFailure; file: string; problems: Problem[]; message?: string }

/** The kind of a failed read (anything but a FetchFailure is a defect in what was read). Pure. */
export function failureOf(error: unknown): FetchFailureKind {
  return error instanceof FetchFailure ? error.kind : 'invalid'
}

function messageOf(error: unknown): string {
  return error instanceof FetchFailure ? error.message : String(error)
}

/** Where a route comes from: a pack listed in the index, or an allowed remote pack. */
export type RouteSource =
  { ok: true; file: string; routeUrl: string; packUrl: string } | { ok: false; message: string }

/**
 * Decides which route file `?route=` asks for: an id listed in the index, or (only when the index allows it)
 * an https URL under an allowed prefix. Anything else is refused with the choices that exist. Pure.
 */
export function resolveRouteSource(index: RouteIndex, param: string | null, routesUrl: string): RouteSource {
  const wanted = param ?? index.default
  const entry = index.routes.find((r) => r.id === wanted)
  if (entry) {
    const packUrl = new URL(`${entry.folder}/`, routesUrl).href
    return {
      ok: true,
      file: `routes-data/${entry.folder}/route.json`,
      routeUrl: new URL('route.json', packUrl).href,
      packUrl,
    }
  }
  const available = index.routes.map((r) => r.id).join(', ')
  if (/^[a-z][a-z0-9+.-]*:/i.test(wanted)) {
    let url: URL
    try {
      url = new URL(wanted)
    } catch {
      return { ok: false, message: `"${wanted}" is not a valid URL` }
    }
    const allowed = (index.allowRemote ?? []).some(
      (prefix) => url.protocol === 'https:' && url.href.startsWith(prefix),
    )
    if (!allowed) {
      return {
        ok: false,
        message: `routes from ${url.origin} are not allowed here; this app offers: ${available}`,
      }
    }
    const routeUrl = url.pathname.endsWith('.json')
      ? url.href
      : new URL('route.json', url.href.replace(/\/?$/, '/')).href
    return { ok: true, file: routeUrl, routeUrl, packUrl: new URL('./', routeUrl).href }
  }
  const reason = IdSchema.safeParse(wanted).success ? 'there is no route' : 'this is not a route id:'
  return { ok: false, message: `${reason} "${wanted.slice(0, 80)}"; this app offers: ${available}` }
}

/**
 * The only way a route enters the app: fetch the index, resolve `?route=`, fetch that route.json within
 * limits and validate it. Never throws: every failure comes back as a message naming the file. `readText`
 * reads a file (by default `fetchRouteFile`; a worker is handed the files the page has already read).
 */
export async function loadRoute(
  routesUrl: string,
  routeParam: string | null,
  readText: (url: string) => Promise<string> = fetchRouteFile,
): Promise<LoadedRoute> {
  let index: RouteIndex
  try {
    const text = await readText(new URL('index.json', routesUrl).href)
    const parsed = RouteIndexSchema.safeParse(JSON.parse(text))
    if (!parsed.success)
      return {
        ok: false,
        failure: 'invalid',
        file: ROUTE_INDEX_FILE,
        problems: [],
        message: parsed.error.message,
      }
    index = parsed.data
  } catch (error) {
    return {
      ok: false,
      failure: failureOf(error),
      file: ROUTE_INDEX_FILE,
      problems: [],
      message: messageOf(error),
    }
  }
  const source = resolveRouteSource(index, routeParam, routesUrl)
  if (!source.ok)
    return { ok: false, failure: 'link', file: '?route=', problems: [], message: source.message }
  let text: string
  try {
    text = await readText(source.routeUrl)
  } catch (error) {
    return {
      ok: false,
      failure: failureOf(error),
      file: source.file,
      problems: [],
      message: messageOf(error),
    }
  }
  const { route, problems } = validateRouteText(text, { errorsOnly: true })
  return route
    ? { ok: true, route, packUrl: source.packUrl, index, problems }
    : { ok: false, failure: 'invalid', file: source.file, problems }
}
