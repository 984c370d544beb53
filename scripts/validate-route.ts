/**
 * The curators' validator: `npm run validate -- <route.json>…` prints one line per problem,
 * `file:line:col  /pointer  message`, and exits 1 if any file has an error. `--json` prints the problems as JSON.
 * Given a deployment's `index.json`, it checks the index: its routes' folders, ids and titles.
 */
import { existsSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'

import { formatProblem } from '../src/route/problem'
import { validateRouteText } from '../src/route/validate'
import { isRouteIndex, validateIndexText } from '../src/route/validate-index'
import { narrationMedia } from './narration/narration-media'

/** Basemap layers larger than this are not read for their contents (a city's layers are a few hundred KB). */
const MAX_TEXT_BYTES = 50_000_000

/** A deployment's index (`routes-data/index.json`) is checked as an index, not as a route. */
function isIndexText(text: string): boolean {
  try {
    return isRouteIndex(JSON.parse(text))
  } catch {
    return false
  }
}

const args = process.argv.slice(2)
const asJson = args.includes('--json')
const files = args.filter((a) => a !== '--json')

if (files.length === 0) {
  console.error('usage: npm run validate -- <route.json> [more route.json…] [--json]')
  process.exit(2)
}

let failed = false
const report: Record<string, unknown> = {}
for (const file of files) {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    console.error(`${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`)
    failed = true
    continue
  }
  const folder = dirname(resolve(file))
  const inFolder = (base: string, path: string) => {
    const full = resolve(base, path)
    return !relative(base, full).startsWith('..') && existsSync(full) && statSync(full).isFile()
      ? full
      : undefined
  }
  const assetExists = (path: string) => inFolder(folder, path) !== undefined
  const readText = (path: string) => {
    const full = inFolder(folder, path)
    return full && statSync(full).size <= MAX_TEXT_BYTES ? readFileSync(full, 'utf8') : undefined
  }
  const problems = isIndexText(text)
    ? validateIndexText(text, (routeFolder) => {
        const full = inFolder(folder, join(routeFolder, 'route.json'))
        return full && readFileSync(full, 'utf8')
      })
    : validateRouteText(text, { assetExists, readText, narrationMedia: narrationMedia(folder) }).problems
  if (problems.some((p) => p.severity === 'error')) failed = true
  if (asJson) report[file] = problems
  else if (problems.length === 0) console.log(`${file}: valid`)
  else for (const problem of problems) console.log(formatProblem(file, problem))
}
if (asJson) console.log(JSON.stringify(report, null, 2))
process.exit(failed ? 1 : 0)
