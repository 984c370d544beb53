import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'

import { remember, remembered } from '@/lib/remembered'
import { afterFirstGesture } from '@/lib/user-activation'
import { playableTest } from '@/offline/playable'
import { connectionHints, mayPrefetch, nextStopFiles, prefetchIntoCache } from '@/offline/prefetch-next-stop'
import { storedOnDevice } from '@/offline/route-pack-cache'
import { assetUrl } from '@/route/asset-url'
import type { Lang } from '@/route/schema'
import { currentStop } from '@/tour/tour-machine'
import { useTour, useTourStore } from '@/tour/tour-context'

import { fetchCaptions } from './captions/fetch-captions'
import type { Cue } from '@/lib/parse-vtt'
import { chooseNarration, speechCues, type NarrationPlan } from './choose-narration'
import { useMediaSession } from './media-session'
import { Narrator, SPEEDS, type HowlInit, type LoadProgress } from './narrator'
import { mapStoryTime, placeToGoOnFrom, type LoadedNarration } from './story-time'

const NarratorContext = createContext<{
  narrator: Narrator
  plan: NarrationPlan | null
  load: LoadProgress | null
  /** Offline, and the open stop's recording is on no cache of this device: the language it is in. */
  notSaved: Lang | null
} | null>(null)

const AUTO_ADVANCE_KEY = 'reading-gz-by-water.auto-advance'
const SPEED_KEY = 'reading-gz-by-water.speed'

/** The device's speech-synthesis voices (they may arrive late), or null without the Web Speech API. */
function useSpeechVoices(): readonly { lang: string }[] | null {
  const supported = typeof speechSynthesis !== 'undefined' && typeof SpeechSynthesisUtterance !== 'undefined'
  const [voices, setVoices] = useState<readonly { lang: string }[]>(() =>
    supported ? speechSynthesis.getVoices() : [],
  )
  useEffect(() => {
    if (!supported) return
    const update = () => setVoices(speechSynthesis.getVoices())
    speechSynthesis.addEventListener('voiceschanged', update)
    return () => speechSynthesis.removeEventListener('voiceschanged', update)
  }, [supported])
  return supported ? voices : null
}

/** A key that changes only when what would be heard changes (not when the voice list merely reloads). */
function planKey(plan: NarrationPlan | null): string {
  if (!plan) return ''
  switch (plan.kind) {
    case 'track':
    case 'other-language':
      return `${plan.kind}:${plan.track.audio.join('|')}`
    case 'speech':
      return `speech:${plan.voiceLang}:${plan.text}`
    case 'none':
      return `none:${plan.lang}`
  }
}

/** The captions of what a plan plays: its recording's file, or the sentences the device's voice reads. */
function planCues(plan: Exclude<NarrationPlan, { kind: 'none' }>, packUrl: string): Promise<Cue[]> {
  return plan.kind === 'speech'
    ? Promise.resolve(speechCues(plan.text))
    : fetchCaptions(assetUrl(packUrl, plan.track.captions))
}

/** Longest wait for the captions that place a story in its new language; after it, the story starts over. */
const PLACING_TIMEOUT_MS = 3000

/**
 * Where the open stop's story goes on after a change of language, from where it was (`time`): found from the
 * captions of both (a few KB, most often already fetched by the player), rejected if they fail or are slow.
 */
function placeInNewLanguage(time: number, from: () => Promise<Cue[]>, to: () => Promise<Cue[]>) {
  let timer: ReturnType<typeof setTimeout> | undefined
  const slow = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('captions too slow')), PLACING_TIMEOUT_MS)
  })
  const placed = Promise.all([from(), to()]).then(([a, b]) => mapStoryTime(time, a, b))
  return Promise.race([placed, slow]).finally(() => clearTimeout(timer))
}

/**
 * Creates the visit's one Narrator; loads the open stop's narration in the chosen language (or its fallback)
 * whenever either changes; prefetches the next stop's files and preloads its track while one plays; reports progress and the end of a
 * track to the tour store; drives the lock screen; unloads everything on unmount. A change of language goes on
 * from the same place in the story. Taps that start playback, now or later, call `narrator.unlock()`.
 */
export function NarratorProvider({
  children,
  sharedScreen,
}: {
  children: ReactNode
  /** A kiosk or studio preview: its browser may play without a touch, and a track loads at once. */
  sharedScreen: boolean
}) {
  const store = useTourStore()
  const [narrator] = useState(() => {
    // On a phone no track is made before the visitor's first touch (see Narrator's `firstTouch`).
    const created = new Narrator(undefined, sharedScreen ? {} : { firstTouch: afterFirstGesture() })
    const speed = Number(remembered(SPEED_KEY))
    if ((SPEEDS as readonly number[]).includes(speed)) created.setRate(speed)
    return created
  })
  const stop = useTour(currentStop)
  const lang = useTour((s) => s.lang)
  const route = useTour((s) => s.route)
  const packUrl = useTour((s) => s.packUrl)
  const playing = useTour((s) => s.narration.status === 'playing')
  // How a slow load is going is the player's business alone: it stays out of the tour's state.
  const [load, setLoad] = useState<LoadProgress | null>(null)
  const voices = useSpeechVoices()
  const plan = useMemo(
    () => (stop ? chooseNarration(stop, lang, route, voices) : null),
    [stop, lang, route, voices],
  )
  // The plan object changes whenever the voice list reloads; what is heard changes only with its key.
  const [stablePlan, setStablePlan] = useState(plan)
  if (planKey(stablePlan) !== planKey(plan)) setStablePlan(plan)
  // The narration last loaded and how to read its captions: a new plan for the same stop is a change of language.
  const heard = useRef<LoadedNarration<() => Promise<Cue[]>> | null>(null)
  // A recording found on no cache while offline (its plan's key): said in the player, loaded once online.
  const [notSaved, setNotSaved] = useState<{ key: string; lang: Lang } | null>(null)
  const [backOnline, setBackOnline] = useState(0)
  const waitingForNetwork = notSaved !== null && notSaved.key === planKey(stablePlan)
  useEffect(() => {
    if (!waitingForNetwork) return
    const online = () => {
      setNotSaved(null)
      setBackOnline((n) => n + 1)
    }
    addEventListener('online', online)
    return () => removeEventListener('online', online)
  }, [waitingForNetwork])

  useEffect(() => {
    const offUpdates = narrator.subscribe((update) => {
      const { dispatch } = store.getState()
      dispatch({ type: 'narration-changed', narration: update })
      if (update.status === 'ended') dispatch({ type: 'narration-ended' })
    })
    const offLoad = narrator.subscribeLoad(setLoad)
    // The remembered auto-advance choice (the speed is set when the narrator is made).
    if (remembered(AUTO_ADVANCE_KEY) === 'on')
      store.getState().dispatch({ type: 'toggle-auto-advance', on: true })
    const offAuto = store.subscribe(
      (s) => s.autoAdvance,
      (on) => remember(AUTO_ADVANCE_KEY, on ? 'on' : 'off'),
    )
    return () => {
      offAuto()
      offUpdates()
      offLoad()
      narrator.destroy()
    }
  }, [narrator, store])

  useEffect(() => {
    const current = stablePlan
    if (!current || current.kind === 'none') {
      heard.current = null
      narrator.destroy()
      return
    }
    const { stopId } = store.getState()
    const key = planKey(current)
    const cues = () => planCues(current, packUrl)
    const from = placeToGoOnFrom(heard.current, stopId, narrator.placing, narrator.position)
    heard.current = { stopId, key, cues, from }
    // Back to the narration the place is in (a change undone before it was placed): the very same time.
    const startAt = !from
      ? undefined
      : from.key === key
        ? Promise.resolve(from.time)
        : placeInNewLanguage(from.time, from.cues, cues)
    if (current.kind === 'speech') {
      const spoken = speechCues(current.text)
      // Only routes without a recording in some language need speech synthesis: its code comes on first use.
      const create = async (init: HowlInit) =>
        new (await import('./speech-howl')).SpeechHowl(init, spoken, current.voiceLang)
      void narrator.loadCustom(key, create, startAt)
      // Auto-advance and the lock screen's "next" ask the new stop to play as soon as it is there.
      if (store.getState().narration.autoplay) narrator.play()
      return
    }
    const sources = current.track.audio.map((path) => assetUrl(packUrl, path))
    const start = () => {
      void narrator.load(sources, startAt)
      if (store.getState().narration.autoplay) narrator.play()
    }
    if (navigator.onLine) return start()
    // Offline (a language switched to, or a stop, that was not downloaded): said at once, not after four
    // failed attempts; the story's text is in the new language meanwhile.
    let cancelled = false
    const trackLang = current.kind === 'other-language' ? current.trackLang : current.lang
    void storedOnDevice(sources).then((stored) => {
      if (cancelled) return
      if (stored) return start()
      narrator.destroy()
      setNotSaved({ key, lang: trackLang })
    })
    return () => {
      cancelled = true
    }
  }, [stablePlan, narrator, packUrl, store, backOnline])

  // The open stop has been heard: the next stop's prefetch goes on through a pause, and stops with a new stop.
  const [heardStopId, setHeardStopId] = useState<string | null>(null)
  if (playing && stop && heardStopId !== stop.id) setHeardStopId(stop.id)
  const heardOpenStop = stop !== undefined && heardStopId === stop.id

  useEffect(() => {
    if (!heardOpenStop || !stop) return
    // While a story plays, the next stop's model, narration and captions are fetched into the cache (where the
    // connection allows), then its track loads in the background from there: a tap on it starts at once.
    const next = route.stops[route.stops.indexOf(stop) + 1]
    if (!next || !mayPrefetch(connectionHints())) return
    const nextPlan = chooseNarration(next, lang, route, voices)
    const track = nextPlan.kind === 'track' || nextPlan.kind === 'other-language' ? nextPlan.track : undefined
    const controller = new AbortController()
    void (async () => {
      await prefetchIntoCache(nextStopFiles(next, track, packUrl, await playableTest()), controller.signal)
      if (!track || controller.signal.aborted) return
      const sources = track.audio.map((path) => assetUrl(packUrl, path))
      // Offline, only a track this device holds can preload: anything else would fail, and be said when opened.
      if (navigator.onLine || (await storedOnDevice(sources))) await narrator.preload(sources)
    })()
    return () => controller.abort()
  }, [heardOpenStop, stop, lang, route, voices, narrator, packUrl])

  useMediaSession(narrator)

  const notSavedLang = waitingForNetwork ? notSaved.lang : null
  const value = useMemo(
    () => ({ narrator, plan: stablePlan, load, notSaved: notSavedLang }),
    [narrator, stablePlan, load, notSavedLang],
  )
  return <NarratorContext.Provider value={value}>{children}</NarratorContext.Provider>
}

/** The visit's narrator, for the player's controls. */
export function useNarrator(): Narrator {
  const context = useContext(NarratorContext)
  if (!context) throw new Error('useNarrator must be used inside <NarratorProvider>')
  return context.narrator
}

/** How the open stop is narrated: its recording, the device's voice, another language, or nothing. */
export function useNarrationPlan(): NarrationPlan | null {
  const context = useContext(NarratorContext)
  if (!context) throw new Error('useNarrationPlan must be used inside <NarratorProvider>')
  return context.plan
}

/** How the open stop's recording is loading: null once it has loaded, or failed for good. */
export function useNarrationLoad(): LoadProgress | null {
  const context = useContext(NarratorContext)
  if (!context) throw new Error('useNarrationLoad must be used inside <NarratorProvider>')
  return context.load
}

/** Offline, the language of the open stop's recording when this device has not saved it; else null. */
export function useNarrationNotSaved(): Lang | null {
  const context = useContext(NarratorContext)
  if (!context) throw new Error('useNarrationNotSaved must be used inside <NarratorProvider>')
  return context.notSaved
}

/** Saves the chosen speed for the next visit. */
export function rememberSpeed(speed: number): void {
  remember(SPEED_KEY, String(speed))
}
