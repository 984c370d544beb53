import { useT } from '@/i18n/use-t'
import type { Stop } from '@/route/schema'
import { LocalisedText } from '@/stop/localised-text'

import { selectionFor, useSceneStore } from './scene-store'

/**
 * The 3D view's controls as real buttons under it: the light show (only where the route declares the landmark's
 * lighting programme), the stop's named camera views, and its hotspots as a list for keyboard and screen-reader
 * users (the markers in 3D are for pointers), with the chosen hotspot's text.
 */
export function SceneControls({ stop }: { stop: Stop }) {
  const t = useT()
  const selection = {
    viewId: useSceneStore((s) => selectionFor(s, stop.id).viewId),
    hotspotId: useSceneStore((s) => selectionFor(s, stop.id).hotspotId),
  }
  const chooseView = useSceneStore((s) => s.chooseView)
  const chooseHotspot = useSceneStore((s) => s.chooseHotspot)
  const lightShow = useSceneStore((s) => s.lightShow)
  const setLightShow = useSceneStore((s) => s.setLightShow)
  const views = stop.views ?? []
  const hotspots = stop.hotspots ?? []
  const chosen = hotspots.find((h) => h.id === selection.hotspotId)

  return (
    <div className="scene-controls">
      <div className="scene-bar">
        {stop.model?.lightShow && (
          <button
            type="button"
            className="light-show-toggle"
            aria-pressed={lightShow}
            onClick={() => setLightShow(!lightShow)}
          >
            {t('lightShow')}
          </button>
        )}
        {views.length > 0 && (
          <div className="scene-views" role="group" aria-label={t('sceneViews')}>
            <button
              type="button"
              aria-pressed={selection.viewId === null}
              onClick={() => chooseView(stop.id, null)}
            >
              {t('sceneOverview')}
            </button>
            {views.map((view) => (
              <button
                key={view.id}
                type="button"
                data-view-id={view.id}
                aria-pressed={selection.viewId === view.id}
                onClick={() => chooseView(stop.id, view.id)}
              >
                <LocalisedText text={view.label} />
              </button>
            ))}
          </div>
        )}
      </div>
      {hotspots.length > 0 && (
        <div className="hotspots">
          <h3 className="hotspots-title">{t('hotspots')}</h3>
          <ol className="hotspot-list">
            {hotspots.map((hotspot, i) => (
              <li key={hotspot.id}>
                <button
                  type="button"
                  data-hotspot-id={hotspot.id}
                  aria-pressed={hotspot.id === selection.hotspotId}
                  onClick={() =>
                    chooseHotspot(stop.id, hotspot.id === selection.hotspotId ? null : hotspot.id)
                  }
                >
                  <span className="hotspot-number" aria-hidden="true">
                    {i + 1}
                  </span>
                  <LocalisedText text={hotspot.label} />
                </button>
              </li>
            ))}
          </ol>
          <div className="hotspot-text" aria-live="polite">
            {chosen && (
              <>
                <LocalisedText as="strong" text={chosen.label} />
                <LocalisedText as="p" text={chosen.text} />
              </>
            )}
          </div>
        </div>
      )}
    </div>
  )
}
