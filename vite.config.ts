import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { viteStaticCopy } from 'vite-plugin-static-copy'

/**
 * The route packs in routes-data/ are published as static files beside the app, so a route can be replaced
 * without rebuilding the code. The 3D stack (three, R3F, drei) and MapLibre are chunks of their own that load
 * after the first view.
 */
export default defineConfig({
  resolve: { alias: { '@': new URL('./src', import.meta.url).pathname } },
  plugins: [react(), viteStaticCopy({ targets: [{ src: 'routes-data', dest: '.' }] })],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
  },
  server: { port: 5173, strictPort: true },
  preview: { port: 4173, strictPort: true, host: '127.0.0.1' },
})
