/**
 * The curators' validator: `npm run validate -- <route.json>…` prints one line per problem,
 * `file:line:col  /pointer  message`, and exits 1 if any file has an error. `--json` prints the problems as JSON.
 */
import { existsSync, readFileSync, statSync } from 'node:fs'
import { dirname, relative, resolve } from 'node:path'

import { formatProblem } from '../src/route/problem'
import { validateRouteText } from '../src/route/validate'
import { narrationMedia } from './narration/narration-media'

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
  const assetExists = (path: string) => {
    const full = resolve(folder, path)
    return !relative(folder, full).startsWith('..') && existsSync(full) && statSync(full).isFile()
  }
  const { problems } = validateRouteText(text, { assetExists, narrationMedia: narrationMedia(folder) })
  if (problems.some((p) => p.severity === 'error')) failed = true
  if (asJson) report[file] = problems
  else if (problems.length === 0) console.log(`${file}: valid`)
  else for (const problem of problems) console.log(formatProblem(file, problem))
}
if (asJson) console.log(JSON.stringify(report, null, 2))
process.exit(failed ? 1 : 0)
