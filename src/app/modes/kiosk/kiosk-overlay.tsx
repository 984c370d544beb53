import { toCanvas } from 'qrcode'
import { useEffect, useRef } from 'react'

import type { Lang } from '@/route/schema'
import { useTour } from '@/tour/tour-context'

import { KIOSK_WORDS, type KioskWord } from './kiosk-words'
import { phoneUrl } from './phone-url'

/** The QR code's side in CSS pixels: a phone's camera reads it from arm's length. */
const QR_SIZE = 192

/** A kiosk word in each of the route's languages, each marked with its language. */
function Words({ word, languages }: { word: KioskWord; languages: readonly Lang[] }) {
  return languages.map((lang) => (
    <span key={lang} lang={lang}>
      {KIOSK_WORDS[word][lang]}
    </span>
  ))
}

/**
 * What the kiosk lays over the top of its map (the map frames its stops below it). While nobody uses it: an
 * invitation to touch, in every language of the route. Always: a QR code that opens the stop on screen on the visitor's phone, drawn on the device (no
 * request leaves the origin) at the deployment's public address (`publicUrl`) or the kiosk's own.
 */
export function KioskOverlay({
  attracting,
  publicUrl,
}: {
  attracting: boolean
  publicUrl: string | undefined
}) {
  const languages = useTour((s) => s.route.languages)
  const routeId = useTour((s) => s.route.id)
  const stopId = useTour((s) => s.stopId)
  const lang = useTour((s) => s.lang)
  const canvas = useRef<HTMLCanvasElement>(null)
  const url = phoneUrl({ publicUrl, page: location.href, routeId, stopId, lang })

  useEffect(() => {
    if (!canvas.current) return
    // Black on white with a quiet zone: phone cameras read that best, on a dark page too.
    void toCanvas(canvas.current, url, {
      width: QR_SIZE * devicePixelRatio,
      margin: 3,
      errorCorrectionLevel: 'M',
      color: { dark: '#000000', light: '#ffffff' },
    })
  }, [url])

  return (
    <div className="kiosk-map-bar">
      <canvas
        ref={canvas}
        className="kiosk-qr"
        role="img"
        aria-label={KIOSK_WORDS.qrLabel[lang]}
        style={{ width: QR_SIZE, height: QR_SIZE }}
        data-url={url}
      />
      <div className="kiosk-words">
        {attracting && (
          <p className="kiosk-invitation" data-testid="kiosk-invitation">
            <Words word="touchToStart" languages={languages} />
          </p>
        )}
        <p className="kiosk-scan">
          <Words word="scanForPhone" languages={languages} />
        </p>
      </div>
    </div>
  )
}
