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
  return !sharedScreen && !activated && stop !== undefined && stop.id === linkedStopId && !!stop.model?.poster
}

/**
 * Asks for the linked stop's poster as soon as the route is known, before the tour renders: it is the largest
 * thing on the first view, and its request then overlaps that render instead of following it.
 */
export function preloadPoster(stop: Pick<Stop, 'model'> | undefined, packUrl: string): void {
  if (!stop?.model?.poster) return
  const link = document.createElement('link')
  link.rel = 'preload'
  link.as = 'image'
  link.href = assetUrl(packUrl, stop.model.poster)
  link.fetchPriority = 'high'
  document.head.append(link)
}

/**
 * The stop's poster: a picture of its 3D view's first frame (`npm run posters`), in the view's place until the
 * 3D view has shown the stop. Decorative for screen readers: the figure's caption already says what the model
 * shows.
 */
export function ScenePoster({ stop, packUrl }: { stop: Pick<Stop, 'model'>; packUrl: string }) {
  if (!stop.model?.poster) return null
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
