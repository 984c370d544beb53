import { useEffect, useState } from 'react'

import { assetUrl } from '@/route/asset-url'
import type { Stop } from '@/route/schema'

/**
 * Whether the open stop's 3D view waits behind its poster: only the stop a link opened, only until the visitor
 * first touches the page, only where the route has a poster for it, and never on a shared screen (a kiosk
 * starts everything at once). Pure.
 */
export function posterFirst(state: {
  sharedScreen: boolean
  activated: boolean
  stop: Pick<Stop, 'id' | 'model'> | undefined
  linkedStopId: string | null
}): boolean {
  const { sharedScreen, activated, stop, linkedStopId } = state
  return !sharedScreen && !activated && stop !== undefined && stop.id === linkedStopId && !!stop.model.poster
}

/**
 * Asks for the linked stop's poster as soon as the route is known, before the tour renders: it is the largest
 * thing on the first view, and its request then overlaps that render instead of following it.
 */
export function preloadPoster(stop: Pick<Stop, 'model'> | undefined, packUrl: string): void {
  if (!stop?.model.poster) return
  const link = document.createElement('link')
  link.rel = 'preload'
  link.as = 'image'
  link.href = assetUrl(packUrl, stop.model.poster)
  link.fetchPriority = 'high'
  document.head.append(link)
}

/**
 * The id of the last stop the 3D view has shown, or null before any: its model drawn (`scene-ready`), or the
 * stand-in for a model that failed or was stopped (`scene-stand-in`). Heard only while `listening`: once the
 * poster is gone, a stop drawn need not render the whole tour again.
 */
export function useShownStop(listening: boolean): string | null {
  const [shown, setShown] = useState<string | null>(null)
  useEffect(() => {
    if (!listening) return
    const onShown = (event: Event) => setShown((event as CustomEvent<{ stopId: string }>).detail.stopId)
    addEventListener('scene-ready', onShown)
    addEventListener('scene-stand-in', onShown)
    return () => {
      removeEventListener('scene-ready', onShown)
      removeEventListener('scene-stand-in', onShown)
    }
  }, [listening])
  return shown
}

/**
 * The stop's poster: a picture of its 3D view's first frame (`npm run posters`), in the view's place until the
 * 3D view has shown the stop. Decorative for screen readers: the figure's caption already says what the model
 * shows.
 */
export function ScenePoster({ stop, packUrl }: { stop: Pick<Stop, 'model'>; packUrl: string }) {
  if (!stop.model.poster) return null
  return (
    <img
      className="scene-poster"
      src={assetUrl(packUrl, stop.model.poster)}
      alt=""
      width={4}
      height={3}
      decoding="async"
      fetchPriority="high"
      draggable={false}
    />
  )
}
