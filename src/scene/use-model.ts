import { useEffect, useRef, useState } from 'react'

import { parseGltf } from './gltf-parser'
import { loadModel, ModelLoadError, type ModelLoad } from './model-loader'

/**
 * Loads the open stop's model: its progress, retries and failure as a `ModelLoad`, and the visitor's
 * `cancel` and `retry`. Leaving the stop cancels its download. The loaded model belongs to whoever shows it,
 * which frees it (StopModel).
 */
export function useModel(url: string | null): {
  load: ModelLoad | null
  cancel: () => void
  retry: () => void
} {
  // Every load (a new url, or a retry) has its own number, so that a late answer to an earlier one is ignored.
  const [run, setRun] = useState(0)
  const [tracked, setTracked] = useState(url)
  if (tracked !== url) {
    setTracked(url)
    setRun((n) => n + 1)
  }
  const [state, setState] = useState<{ run: number; load: ModelLoad } | null>(null)
  const controller = useRef<AbortController | null>(null)

  useEffect(() => {
    if (!url) return
    const abort = new AbortController()
    controller.current = abort
    const set = (load: ModelLoad) => {
      if (!abort.signal.aborted) setState({ run, load })
    }
    loadModel(url, { signal: abort.signal, parse: parseGltf, onChange: set }).then(
      (gltf) => set({ status: 'ready', gltf }),
      (error: unknown) => {
        if (error instanceof ModelLoadError) set({ status: 'failed', failure: error.failure })
        else if (!abort.signal.aborted) set({ status: 'failed', failure: { kind: 'corrupt' } })
      },
    )
    return () => abort.abort()
  }, [url, run])

  const load: ModelLoad | null = !url
    ? null
    : state?.run === run
      ? state.load
      : { status: 'loading', attempt: 1, loaded: 0, total: null }
  const busy = load?.status === 'loading' || load?.status === 'waiting'
  return {
    load,
    cancel: () => {
      if (!busy) return
      controller.current?.abort()
      setState({ run, load: { status: 'cancelled' } })
    },
    retry: () => setRun((n) => n + 1),
  }
}
