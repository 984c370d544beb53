import { z } from 'zod'

import { RouteSchema } from './schema'

/** The JSON Schema of route files, as committed at routes-data/route.schema.json. */
export function routeJsonSchemaText(): string {
  const schema = z.toJSONSchema(RouteSchema, { target: 'draft-2020-12', io: 'input' })
  const titled = {
    ...schema,
    $id: 'route.schema.json',
    title: 'Reading Guangzhou by Water — route',
    description: 'A narrated, map-linked route. Generated from src/route/schema.ts by `npm run schema`.',
  }
  return JSON.stringify(titled, null, 2) + '\n'
}
