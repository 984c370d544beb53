import { basename, isAbsolute, relative, resolve } from 'node:path'

import { RouteIndexSchema } from '../src/route/schema'

/**
 * The index entry of a route folder: the app opens only the routes its index lists, so a script that drives the
 * app (posters) must know the route's id there, and say at once when the folder is not listed.
 */
export function listedRoute(
  indexText: string,
  routesDir: string,
  folder: string,
): { ok: true; id: string } | { ok: false; message: string } {
  const index = RouteIndexSchema.safeParse(JSON.parse(indexText))
  const indexFile = relative(process.cwd(), resolve(routesDir, 'index.json'))
  if (!index.success)
    return { ok: false, message: `${indexFile} is not a valid index: run npm run validate -- ${indexFile}` }
  const entry = index.data.routes.find((r) => resolve(routesDir, r.folder) === resolve(folder))
  if (entry) return { ok: true, id: entry.id }
  const name = relative(routesDir, resolve(folder))
  const outside = name.startsWith('..') || isAbsolute(name)
  const add = `{"id": "<the route's id>", "title": {…}, "folder": "${outside ? basename(folder) : name}"}`
  return {
    ok: false,
    message:
      `${relative(process.cwd(), resolve(folder)) || '.'} is not listed in ${indexFile}, so the app cannot open it: ` +
      (outside ? `move the folder into ${routesDir}/, ` : '') +
      `add ${add} to its "routes", then run again`,
  }
}
