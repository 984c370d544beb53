import { useEffect } from 'react'

import { pickText } from '@/route/localised'
import { currentStop } from '@/tour/tour-machine'
import { useTour, useTourStore } from '@/tour/tour-context'

import type { Narrator } from './narrator'

const ARTWORK = [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' }]

/**
 * The lock screen and headset controls (Media Session API): the stop's title as the track, the route's title as
 * the artist, play/pause/seek on the narrator, and previous/next track as the tour's previous/next stop.
 */
export function useMediaSession(narrator: Narrator): void {
  const store = useTourStore()
  const stop = useTour(currentStop)
  const lang = useTour((s) => s.lang)
  const route = useTour((s) => s.route)
  const status = useTour((s) => s.narration.status)
  const supported = typeof navigator !== 'undefined' && 'mediaSession' in navigator

  useEffect(() => {
    if (!supported) return
    const session = navigator.mediaSession
    const handlers: [MediaSessionAction, MediaSessionActionHandler][] = [
      ['play', () => narrator.play()],
      ['pause', () => narrator.pause()],
      ['seekbackward', (details) => narrator.skip(-(details.seekOffset ?? 10))],
      ['seekforward', (details) => narrator.skip(details.seekOffset ?? 10)],
      ['seekto', (details) => details.seekTime !== undefined && narrator.seek(details.seekTime)],
      ['previoustrack', () => store.getState().dispatch({ type: 'prev', autoplay: true })],
      ['nexttrack', () => store.getState().dispatch({ type: 'next', autoplay: true })],
    ]
    for (const [action, handler] of handlers) {
      try {
        session.setActionHandler(action, handler)
      } catch {
        // An action this browser does not know: the others still work.
      }
    }
    // The position on the lock screen follows the narration, at most about four times a second.
    const offTime = store.subscribe(
      (s) => s.narration,
      (narration) => {
        if (!(narration.duration > 0)) return
        try {
          session.setPositionState({
            duration: narration.duration,
            position: Math.min(narration.time, narration.duration),
            playbackRate: narrator.rate,
          })
        } catch {
          // Older browsers have no setPositionState.
        }
      },
    )
    return () => {
      offTime()
      for (const [action] of handlers) {
        try {
          session.setActionHandler(action, null)
        } catch {
          // See above.
        }
      }
    }
  }, [supported, narrator, store])

  useEffect(() => {
    if (!supported || typeof MediaMetadata === 'undefined') return
    navigator.mediaSession.metadata = stop
      ? new MediaMetadata({
          title: pickText(stop.title, lang, route.defaultLanguage).text,
          artist: pickText(route.title, lang, route.defaultLanguage).text,
          artwork: ARTWORK.map((art) => ({
            ...art,
            src: new URL(`${import.meta.env.BASE_URL}${art.src}`, location.href).href,
          })),
        })
      : null
  }, [supported, stop, lang, route])

  useEffect(() => {
    if (!supported) return
    navigator.mediaSession.playbackState =
      status === 'playing' ? 'playing' : status === 'idle' ? 'none' : 'paused'
  }, [supported, status])
}
