import { existsSync } from 'node:fs'

import type { TestProject } from 'vitest/node'
import { preview } from 'vite'

/** Serves the production build (made by `npm run build` before the browser tests) on a local port. */
export default async function setup(project: TestProject) {
  // E2E_DIST and E2E_PORT let several builds be tested side by side.
  const outDir = process.env.E2E_DIST ?? 'dist'
  if (!existsSync(`${outDir}/index.html`))
    throw new Error(`no production build in ${outDir}/: run \`npm run build\` first`)
  const server = await preview({
    build: { outDir },
    preview: { port: Number(process.env.E2E_PORT ?? 4174), strictPort: true, host: '127.0.0.1' },
    logLevel: 'warn',
  })
  const url = server.resolvedUrls?.local[0]
  if (!url) throw new Error('vite preview did not report its address')
  project.provide('baseUrl', url)
  return async () => {
    await server.close()
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
  }
}
