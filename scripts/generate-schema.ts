/** Writes routes-data/route.schema.json from the route schema, so curators' editors complete and check routes. */
import { writeFileSync } from 'node:fs'

import { routeJsonSchemaText } from '../src/route/json-schema'

const target = new URL('../routes-data/route.schema.json', import.meta.url)
writeFileSync(target, routeJsonSchemaText())
console.log(`wrote ${target.pathname}`)
