import { lazy, Suspense, useState } from 'react'
import { useStore } from 'zustand'

import { translateStudio } from './studio-messages'
import type { Route, Vec3 } from '@/route/schema'
import type { CameraPose } from '@/scene/camera-capture'
import { createTourStore } from '@/tour/tour-store'

import { TourShell } from '../tour/tour-shell'

import type { JsonPath } from './json-edit'
import { freeId, valueAt, type DraftChange, type RouteDraft } from './route-draft'
import type { StudioT } from './studio-t'

const CaptureViewButton = lazy(() => import('./capture-view-button'))

/** How many times faster than real time the simulated boat sails between stories in the preview. */
const PREVIEW_SPEEDUP = 10

interface Props {
  /** The draft as validated, when it has no error. */
  route: Route | undefined
  draft: RouteDraft
  packUrl: string
  /** The stop the studio has selected: the preview opens there. */
  stopId: string | null
  change: (...changes: DraftChange[]) => void
  reveal: (path: JsonPath) => void
  t: StudioT
}

const tenths = (v: Vec3): Vec3 => [v[0], v[1], v[2]].map((n) => Math.round(n * 10) / 10) as Vec3

function newPreview(route: Route, packUrl: string, stopId: string | null, version = 0) {
  const known = route.stops.some((s) => s.id === stopId)
  return {
    version,
    store: createTourStore(route, { lang: route.defaultLanguage, packUrl, stopId: known ? stopId : null }),
  }
}

/**
 * The draft as tourists get it (the tour's own layout, map, 3D and narration), mounted only while its tab is
 * open. From here the curator can sail the simulated boat from the open stop, and write the 3D camera's pose
 * into the stop's views.
 */
export function StudioPreview({ route, draft, packUrl, stopId, change, reveal, t }: Props) {
  const [preview, setPreview] = useState(() => (route ? newPreview(route, packUrl, stopId) : null))
  if (!preview) return <p className="status">{t('studioPreviewNeedsValid')}</p>
  return <PreviewBody {...{ route, draft, packUrl, change, reveal, t, preview, setPreview }} />
}

function PreviewBody({
  route,
  draft,
  packUrl,
  change,
  reveal,
  t,
  preview,
  setPreview,
}: Omit<Props, 'stopId'> & {
  preview: ReturnType<typeof newPreview>
  setPreview: (next: ReturnType<typeof newPreview>) => void
}) {
  const [notice, setNotice] = useState('')
  const openStopId = useStore(preview.store, (s) => s.stopId)
  const sailing = useStore(preview.store, (s) => s.position.source === 'simulated')
  const along = useStore(preview.store, (s) => Math.round(s.position.tracking.along ?? 0))
  const started = useStore(preview.store, (s) => s.position.started?.stopId ?? '—')
  const index = draft.stops.findIndex((s) => s.id === openStopId)

  const capture = (pose: CameraPose) => {
    if (index < 0) return
    const existing = valueAt(draft.value, ['stops', index, 'views'])
    const views = Array.isArray(existing) ? existing : []
    const ids = views.map((v: unknown) => String(valueAt(v, ['id'])))
    const id = freeId('view', ids)
    const lang = draft.defaultLanguage
    const path: JsonPath = ['stops', index, 'views', views.length]
    change({
      kind: 'set',
      path,
      value: {
        id,
        label: { [lang]: translateStudio(lang, 'studioNewViewLabel', { n: views.length + 1 }) },
        position: tenths(pose.position),
        target: tenths(pose.target),
      },
    })
    setNotice(t('studioViewCaptured', { id, stop: openStopId ?? '' }))
    reveal([...path, 'label', lang])
  }

  return (
    <div className="studio-preview-body">
      <div className="studio-preview-tools">
        <button
          type="button"
          disabled={!route}
          title={route ? undefined : t('studioPreviewNeedsValid')}
          onClick={() => route && setPreview(newPreview(route, packUrl, openStopId, preview.version + 1))}
        >
          {t('studioRefreshPreview')}
        </button>
        <button
          type="button"
          disabled={!openStopId}
          onClick={() =>
            preview.store.getState().dispatch({
              type: 'simulate',
              speedup: PREVIEW_SPEEDUP,
              ...(openStopId ? { fromStopId: openStopId } : {}),
            })
          }
        >
          {t('studioSimulateFromStop')}
        </button>
        {sailing && (
          <>
            <span className="studio-sailing" role="status" data-along={along}>
              {t('studioSimulating', { km: (along / 1000).toFixed(2), stop: started })}
            </span>
            <button type="button" onClick={() => preview.store.getState().dispatch({ type: 'position-off' })}>
              {t('simulateStop')}
            </button>
          </>
        )}
        <Suspense fallback={null}>
          {openStopId && index >= 0 && <CaptureViewButton onCapture={capture} t={t} />}
        </Suspense>
        {notice && <span role="status">{notice}</span>}
      </div>
      <div className="studio-preview-tour">
        <TourShell key={preview.version} store={preview.store} sharedScreen />
      </div>
    </div>
  )
}
