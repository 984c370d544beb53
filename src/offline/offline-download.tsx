import { useEffect } from 'react'
import { useStore } from 'zustand'
import { createStore } from 'zustand/vanilla'

import { LANGUAGE_LABELS } from '@/i18n/messages'
import { useT } from '@/i18n/use-t'
import type { Lang } from '@/route/schema'
import { useTour } from '@/tour/tour-context'

import { playableTest } from './playable'
import {
  canStoreOffline,
  downloadPack,
  formatMegabytes,
  freeBytes,
  isStorageFull,
  planDownload,
  planForLanguages,
  removePack,
  storedLanguages,
  type DownloadPlan,
} from './route-pack-cache'
import { routePackFiles } from './route-pack-files'

/**
 * The choices offered, each with its size: every language (the default) and the current language alone (the
 * smaller choice; absent when it is stored already), or only one of them when the other would fetch the same.
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
  | { name: 'full'; needed: number; free: number | null }
  | { name: 'failed'; reason: string }

/**
 * Each route's download, outside the views: it goes on while the visitor opens a stop (the offer sits on the
 * introduction, which a stop replaces), and the panel under the stop list shows the same progress.
 */
const downloads = createStore<Record<string, Phase>>(() => ({}))
const aborts = new Map<string, AbortController>()

/** The panel's state when nothing is going on, from the stored languages (null: no complete pack). */
function restingPhase(stored: Lang[] | null, lang: Lang): Phase {
  return stored?.includes(lang) ? { name: 'stored', langs: stored } : { name: 'idle' }
}

/** The routes index sits one folder above every pack. */
function routesUrlOf(packUrl: string): string {
  return new URL('../', packUrl).href
}

/**
 * "Download this tour for offline": first the sizes (every language by default, the current one alone as the
 * smaller choice), then progress with Cancel, then a note that the tour is on the device; a full device is said
 * with the sizes, not as a broken download. Choosing another language later offers what is missing.
 */
export function OfflineDownload() {
  const t = useT()
  const route = useTour((s) => s.route)
  const packUrl = useTour((s) => s.packUrl)
  const lang = useTour((s) => s.lang)
  const phase = useStore(downloads, (s) => s[route.id]) ?? { name: 'checking' }
  const setPhase = (next: Phase) => downloads.setState({ [route.id]: next })

  useEffect(() => {
    // A download or its sizing going on (the other panel started it) is left to finish.
    const now = downloads.getState()[route.id]?.name
    if (!canStoreOffline() || now === 'sizing' || now === 'downloading') return
    let cancelled = false
    void storedLanguages(route.id, packUrl).then((langs) => {
      if (!cancelled) downloads.setState({ [route.id]: restingPhase(langs, lang) })
    })
    return () => {
      cancelled = true
    }
  }, [route.id, packUrl, lang])

  // Back to what is stored: "saved" when the current language is, else the download button.
  const rest = () =>
    void storedLanguages(route.id, packUrl).then((langs) => setPhase(restingPhase(langs, lang)))

  const fail = (error: unknown, plan: DownloadPlan) => {
    if ((error as Error | null)?.name === 'AbortError') rest()
    else if (isStorageFull(error))
      void freeBytes().then((free) => setPhase({ name: 'full', needed: plan.totalBytes, free }))
    else setPhase({ name: 'failed', reason: error instanceof Error ? error.message : String(error) })
  }

  const download = async (plan: DownloadPlan, langs: Lang[]) => {
    // Said before a byte is fetched when the browser already knows it will not fit.
    const free = await freeBytes()
    if (free !== null && free < plan.totalBytes)
      return setPhase({ name: 'full', needed: plan.totalBytes, free })
    const controller = new AbortController()
    aborts.set(route.id, controller)
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
      fail(error, plan)
    } finally {
      aborts.delete(route.id)
    }
  }

  const size = async () => {
    setPhase({ name: 'sizing' })
    const files = routePackFiles(
      route,
      { routesUrl: routesUrlOf(packUrl), packUrl },
      { langs: route.languages, canPlay: await playableTest() },
    )
    let all: DownloadPlan
    try {
      all = await planDownload(route.id, files)
    } catch (error) {
      return setPhase({ name: 'failed', reason: error instanceof Error ? error.message : String(error) })
    }
    // Every file is already stored (a download stopped before its end): only the completion marker is missing.
    if (all.missing.length === 0) return await download(all, route.languages)
    const current = planForLanguages(all, [lang])
    const currentStored = (await storedLanguages(route.id, packUrl))?.includes(lang) ?? false
    // "Every language" only when it would fetch more than the current language alone.
    const more = all.missing.length > current.missing.length
    setPhase({ name: 'offer', offer: { ...(currentStored ? {} : { current }), ...(more ? { all } : {}) } })
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
        const allButton = all && (
          <button
            type="button"
            className="primary-button"
            onClick={() => void download(all, route.languages)}
          >
            {t('offlineDownloadAll', {
              langs: namesOf(route.languages),
              size: formatMegabytes(all.totalBytes),
            })}
          </button>
        )
        body = (
          <>
            <p className="offline-offer">
              {current && all
                ? t('offlineOfferAll', {
                    langs: namesOf(route.languages),
                    size: formatMegabytes(all.totalBytes),
                    lang: langName,
                    one: formatMegabytes(current.totalBytes),
                  })
                : current
                  ? t('offlineOffer', { lang: langName, size: formatMegabytes(current.totalBytes) })
                  : t('offlineOfferOthers', {
                      langs: namesOf(route.languages.filter((l) => all?.missing.some((f) => f.lang === l))),
                      size: formatMegabytes(all?.totalBytes ?? 0),
                    })}
            </p>
            <div className="offline-actions">
              {allButton}
              {current && (
                <button
                  type="button"
                  className={all ? undefined : 'primary-button'}
                  onClick={() => void download(current, [lang])}
                >
                  {all
                    ? t('offlineDownloadOne', { lang: langName, size: formatMegabytes(current.totalBytes) })
                    : t('offlineDownloadSize', { size: formatMegabytes(current.totalBytes) })}
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
            <button type="button" className="link-button" onClick={() => aborts.get(route.id)?.abort()}>
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
      case 'full':
        body = (
          <>
            <p role="alert" className="offline-failed">
              {phase.free === null
                ? t('offlineFullUnknown', { size: formatMegabytes(phase.needed) })
                : t('offlineFull', {
                    size: formatMegabytes(phase.needed),
                    free: formatMegabytes(phase.free),
                  })}
            </p>
            <button type="button" className="offline-button" onClick={() => void size()}>
              {t('offlineDownload')}
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
