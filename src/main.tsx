import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'

import { App } from './app/app'
import './app/app.css'

const container = document.getElementById('root')
if (!container) throw new Error('index.html has no #root element')
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
)

// The service worker (offline shell, downloaded route packs, update prompt) registers after the first view.
addEventListener('load', () => {
  void import('./offline/register-sw').then((m) => m.startServiceWorker())
})
