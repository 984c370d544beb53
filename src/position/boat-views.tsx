import type { CSSProperties } from 'react'

import { useT } from '@/i18n/use-t'
import { pickText } from '@/route/localised'
import type { Stop } from '@/route/schema'
import { nextStop, roundedDistance, sideOf, travelHeading, type Side } from '@/tour/boat'
import { useTour } from '@/tour/tour-context'

import './boat-views.css'

const SIDE_TEXT = { left: 'sideLeft', right: 'sideRight', ahead: 'sideAhead', behind: 'sideBehind' } as const

/**
 * While the open stop's story is told and the boat's position is known: on which side of the boat its site is,
 * in words and with an arrow turned from the bow (the story texts say "the north bank" and leave left and right
 * to this).
 */
export function SideHint({ stop }: { stop: Stop }) {
  const t = useT()
  const telling = useTour((s) => s.narration.status === 'playing')
  // "left 271": the side and the whole degrees from the bow, so a fix that changes neither renders nothing.
  const seen = useTour((s) => {
    const heading = travelHeading(s.route, s.position)
    const boat = s.position.fix?.position
    if (heading === null || !boat) return null
    const { side, relative } = sideOf(heading, boat, stop.position)
    return `${side} ${Math.round(relative)}`
  })
  const [sideName, degrees] = seen?.split(' ') ?? []
  const side = telling && sideName ? { side: sideName as Side, relative: Number(degrees) } : null
  const words = side ? t(SIDE_TEXT[side.side]) : ''
  return (
    <>
      {/* Said once when the story starts and again when the side changes: a live region must be in the page
          before its words change, so it stays, empty, while there is nothing to say. */}
      <span className="visually-hidden" role="status">
        {words}
      </span>
      {side && (
        <p className="side-hint" data-side={side.side} aria-hidden="true">
          <span className="side-arrow" style={{ '--turn': `${side.relative}deg` } as CSSProperties}>
            ↑
          </span>
          {words}
        </p>
      )}
    </>
  )
}

/** "Next: Haizhu Bridge · 600 m · 3 min": the next stop along the boat's way, once the position is known. */
export function NextStopLine() {
  const t = useT()
  const lang = useTour((s) => s.lang)
  const route = useTour((s) => s.route)
  // Only what is shown: a fix that changes none of it renders nothing.
  const shown = useTour((s) => {
    const next = nextStop(s.route, s.position)
    if (!next) return null
    const { value, unit } = roundedDistance(next.metres)
    return `${next.stopId} ${value} ${unit} ${Math.max(1, Math.round(next.seconds / 60))}`
  })
  const [stopId, value, unit, minutes] = shown?.split(' ') ?? []
  const stop = route.stops.find((s) => s.id === stopId)
  if (!stop) return null
  const title = pickText(stop.title, lang, route.defaultLanguage)
  return (
    <p className="next-stop" data-next-stop={stop.id}>
      {t('nextStop', {
        stop: title.text,
        distance: new Intl.NumberFormat(lang, { style: 'unit', unit }).format(Number(value)),
        time: t('minutes', { n: Number(minutes) }),
      })}
    </p>
  )
}
