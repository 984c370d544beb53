import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'

import { App } from './app/app'
import { afterFirstPaint } from './lib/after-first-paint'
import './app/app.css'

const container = document.getElementById('root')
if (!container) throw new Error('index.html has no #root element')
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
)

// The service worker (offline shell, downloaded route packs, update prompt) registers after the first view, in
// an idle moment: its install downloads the whole app shell (about 4 MB), which must not compete with the route
// and the map on a slow connection.
addEventListener('load', () => {
  void afterFirstPaint()
    .then(idle)
    .then(() => import('./offline/register-sw'))
    .then((m) => m.startServiceWorker())
})

/** The next idle moment of the main thread; Safari has no idle callbacks, there the next task. */
function idle(): Promise<void> {
  return new Promise((resolve) => {
    if ('requestIdleCallback' in window) requestIdleCallback(() => resolve(), { timeout: 5000 })
    else setTimeout(resolve, 0)
  })
}
