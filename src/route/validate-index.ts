import { lineIndex } from './json-positions'
import { toPointer, type Problem } from './problem'
import { RouteIndexSchema, type Lang } from './schema'
import { syntaxProblems } from './validate'
import { locatePaths } from './validate-locate'

type Path = (string | number)[]

/** Whether a parsed JSON file is a deployment's route index (`routes-data/index.json`) rather than a route. */
export function isRouteIndex(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'routes' in value && !('stops' in value)
}

/**
 * Validates a deployment's route index: its shape, that the default is listed, and for each route that its folder
 * holds a route.json whose id is the route's id and the folder's name, and that its title is written in that
 * route's languages. `readRoute(folder)` gives the text of `<folder>/route.json`, or undefined when there is none.
 */
export function validateIndexText(
  text: string,
  readRoute: (folder: string) => string | undefined,
): Problem[] {
  const position = lineIndex(text)
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return syntaxProblems(text, position)
  }
  const found: { severity: Problem['severity']; path: Path; message: string }[] = []
  const add = (path: Path, message: string, severity: Problem['severity'] = 'error') =>
    found.push({ severity, path, message })
  const parsed = RouteIndexSchema.safeParse(value)
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      add(
        issue.path.filter((s): s is string | number => typeof s !== 'symbol'),
        issue.message,
      )
  } else {
    const index = parsed.data
    const ids = index.routes.map((r) => r.id)
    if (!ids.includes(index.default))
      add(['default'], `"${index.default}" is not one of the listed routes: use one of ${ids.join(', ')}`)
    index.routes.forEach((entry, i) => {
      const at = ['routes', i]
      const first = ids.indexOf(entry.id)
      if (first !== i) add([...at, 'id'], `duplicate route id "${entry.id}" (also used by /routes/${first})`)
      const folderName = entry.folder.split('/').pop()
      if (folderName !== entry.id)
        add(
          [...at, 'folder'],
          `the folder "${entry.folder}" is not named after the route's id "${entry.id}": rename the folder, or the id`,
        )
      const routeText = readRoute(entry.folder)
      if (routeText === undefined) {
        add(
          [...at, 'folder'],
          `no route.json in "${entry.folder}": put the route's route.json in that folder`,
        )
        return
      }
      let route: { id?: unknown; languages?: unknown; defaultLanguage?: unknown }
      try {
        route = JSON.parse(routeText) as typeof route
      } catch {
        add([...at, 'folder'], `"${entry.folder}/route.json" is not valid JSON: validate it on its own`)
        return
      }
      if (route.id !== entry.id)
        add(
          [...at, 'id'],
          `"${entry.folder}/route.json" has the id ${JSON.stringify(route.id)}, not "${entry.id}": use the same id in both`,
        )
      const languages = Array.isArray(route.languages) ? (route.languages as Lang[]) : []
      for (const lang of Object.keys(entry.title))
        if (!languages.includes(lang as Lang))
          add(
            [...at, 'title', lang],
            `"${lang}" is not one of the route's languages (${languages.join(', ')}): remove it, or add the language to the route`,
          )
      for (const lang of languages)
        if (entry.title[lang] === undefined)
          add(
            [...at, 'title'],
            `no "${lang}" title: the route is offered in ${languages.join(', ')}; add "${lang}": "…"`,
            lang === route.defaultLanguage ? 'error' : 'warning',
          )
    })
  }
  const offsets = locatePaths(text, found)
  return found.map((p, i) => ({
    severity: p.severity,
    pointer: toPointer(p.path),
    ...position(offsets[i] ?? 0),
    message: p.message,
  }))
}
