import { useEffect, useRef, useState } from 'react'

import { LANGUAGE_LABELS } from '@/i18n/messages'
import { useT } from '@/i18n/use-t'
import type { Lang } from '@/route/schema'
import { useTour } from '@/tour/tour-context'

import {
  canStoreOffline,
  downloadPack,
  formatMegabytes,
  planDownload,
  planForLanguages,
  removePack,
  storedLanguages,
  type DownloadPlan,
} from './route-pack-cache'
import { routePackFiles } from './route-pack-files'

/**
 * The choices offered, each with its size: the current language (unless it is stored already), and every
 * language when that would fetch more.
 */
interface Offer {
  current?: DownloadPlan
  all?: DownloadPlan
}

type Phase =
  | { name: 'checking' }
  | { name: 'idle' }
  | { name: 'sizing' }
  | { name: 'offer'; offer: Offer }
  | { name: 'downloading'; plan: DownloadPlan; done: number }
  | { name: 'stored'; langs: Lang[] }
  | { name: 'failed'; reason: string }

/** The panel's state when nothing is going on, from the stored languages (null: no complete pack). */
function restingPhase(stored: Lang[] | null, lang: Lang): Phase {
  return stored?.includes(lang) ? { name: 'stored', langs: stored } : { name: 'idle' }
}

/** The routes index sits one folder above every pack. */
function routesUrlOf(packUrl: string): string {
  return new URL('../', packUrl).href
}

/** The same test the narration player (howler) uses to pick an encoding, so the pack holds the one it plays. */
async function playableTest(): Promise<(path: string) => boolean> {
  const { Howler } = await import('howler')
  return (path) => Howler.codecs(path.split('.').pop()?.toLowerCase() ?? '')
}

/**
 * "Download this tour for offline": first the sizes, then progress, then a note that the tour is on the device.
 * The visitor chooses the current language's narration or every language's (a family sharing one phone, a
 * visitor who wants the Cantonese telling too); choosing another language later offers what is missing.
 */
export function OfflineDownload() {
  const t = useT()
  const route = useTour((s) => s.route)
  const packUrl = useTour((s) => s.packUrl)
  const lang = useTour((s) => s.lang)
  const [phase, setPhase] = useState<Phase>(canStoreOffline() ? { name: 'checking' } : { name: 'idle' })
  const abort = useRef<AbortController | null>(null)

  useEffect(() => {
    if (!canStoreOffline()) return
    let cancelled = false
    void storedLanguages(route.id, packUrl).then((langs) => {
      if (!cancelled) setPhase(restingPhase(langs, lang))
    })
    return () => {
      cancelled = true
    }
  }, [route.id, packUrl, lang])

  useEffect(() => () => abort.current?.abort(), [])

  // Back to what is stored: "saved" when the current language is, else the download button.
  const rest = () =>
    void storedLanguages(route.id, packUrl).then((langs) => setPhase(restingPhase(langs, lang)))

  const fail = (error: unknown) => {
    if ((error as Error | null)?.name === 'AbortError') rest()
    else setPhase({ name: 'failed', reason: error instanceof Error ? error.message : String(error) })
  }

  const download = async (plan: DownloadPlan, langs: Lang[]) => {
    const controller = new AbortController()
    abort.current = controller
    setPhase({ name: 'downloading', plan, done: 0 })
    try {
      await downloadPack(
        route.id,
        packUrl,
        plan,
        langs,
        (done) => setPhase({ name: 'downloading', plan, done }),
        controller.signal,
      )
      setPhase({ name: 'stored', langs: (await storedLanguages(route.id, packUrl)) ?? langs })
    } catch (error) {
      fail(error)
    }
  }

  const size = async () => {
    setPhase({ name: 'sizing' })
    try {
      const files = routePackFiles(
        route,
        { routesUrl: routesUrlOf(packUrl), packUrl },
        { langs: route.languages, canPlay: await playableTest() },
      )
      const all = await planDownload(route.id, files)
      // Every file is already stored (a download stopped before its end): only the completion marker is missing.
      if (all.missing.length === 0) return await download(all, route.languages)
      const current = planForLanguages(all, [lang])
      const currentStored = (await storedLanguages(route.id, packUrl))?.includes(lang) ?? false
      // "Every language" only when it would fetch more than the current language alone.
      const more = all.missing.length > current.missing.length
      setPhase({
        name: 'offer',
        offer: { ...(currentStored ? {} : { current }), ...(more ? { all } : {}) },
      })
    } catch (error) {
      fail(error)
    }
  }

  const langName = LANGUAGE_LABELS[lang]
  const namesOf = (langs: readonly Lang[]) => langs.map((l) => LANGUAGE_LABELS[l]).join(', ')
  let body
  if (!canStoreOffline()) {
    body = <p>{t('offlineUnsupported')}</p>
  } else {
    switch (phase.name) {
      case 'checking':
        body = null
        break
      case 'idle':
        body = (
          <button type="button" className="offline-button" onClick={() => void size()}>
            {t('offlineDownload')}
          </button>
        )
        break
      case 'sizing':
        body = <p role="status">{t('offlineSizing')}</p>
        break
      case 'offer': {
        const { current, all } = phase.offer
        body = (
          <>
            <p className="offline-offer">
              {current
                ? t('offlineOffer', { lang: langName, size: formatMegabytes(current.totalBytes) })
                : t('offlineOfferOthers', {
                    langs: namesOf(route.languages.filter((l) => all?.missing.some((f) => f.lang === l))),
                    size: formatMegabytes(all?.totalBytes ?? 0),
                  })}
            </p>
            <div className="offline-actions">
              {current && (
                <button
                  type="button"
                  className="primary-button"
                  onClick={() => void download(current, [lang])}
                >
                  {t('offlineDownloadSize', { size: formatMegabytes(current.totalBytes) })}
                </button>
              )}
              {all && (
                <button type="button" onClick={() => void download(all, route.languages)}>
                  {t('offlineDownloadAll', {
                    langs: namesOf(route.languages),
                    size: formatMegabytes(all.totalBytes),
                  })}
                </button>
              )}
              <button type="button" className="link-button" onClick={rest}>
                {t('offlineCancel')}
              </button>
            </div>
          </>
        )
        break
      }
      case 'downloading': {
        const total = Math.max(phase.plan.totalBytes, phase.done)
        body = (
          <>
            <p role="status" className="offline-progress-text">
              {t('offlineProgress', { done: formatMegabytes(phase.done), size: formatMegabytes(total) })}
            </p>
            <progress
              className="offline-progress"
              aria-label={t('offline')}
              max={total || 1}
              value={phase.done}
            />
            <button type="button" className="link-button" onClick={() => abort.current?.abort()}>
              {t('offlineCancel')}
            </button>
          </>
        )
        break
      }
      case 'stored':
        body = (
          <>
            <p role="status" className="offline-done">
              {t('offlineDone', { lang: namesOf(phase.langs) })}
            </p>
            {phase.langs.length < route.languages.length && (
              <button type="button" className="link-button" onClick={() => void size()}>
                {t('offlineAddLanguages')}
              </button>
            )}
            <button
              type="button"
              className="link-button"
              onClick={() => void removePack(route.id).then(() => setPhase({ name: 'idle' }))}
            >
              {t('offlineRemove')}
            </button>
          </>
        )
        break
      case 'failed':
        body = (
          <>
            <p role="alert" className="offline-failed">
              {t('offlineFailed', { reason: phase.reason })}
            </p>
            <button type="button" className="offline-button" onClick={() => void size()}>
              {t('offlineDownload')}
            </button>
          </>
        )
        break
    }
  }
  return (
    <section className="offline-panel" aria-label={t('offline')} data-phase={phase.name}>
      {body}
    </section>
  )
}
