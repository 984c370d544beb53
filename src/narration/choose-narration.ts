import type { Lang, NarrationTrack, Stop } from '@/route/schema'

import type { Cue } from '@/lib/parse-vtt'

/** How a stop is narrated in the chosen language; never silence without a reason shown. */
export type NarrationPlan =
  | { kind: 'track'; lang: Lang; track: NarrationTrack }
  /** No recording in `lang`: the device's speech synthesis reads the story, with captions made from it. */
  | { kind: 'speech'; lang: Lang; voiceLang: string; text: string }
  /** No recording in `lang` and no voice for it: another language's recording, with a notice. */
  | { kind: 'other-language'; lang: Lang; trackLang: Lang; track: NarrationTrack }
  /** Nothing can be heard: the player says so and the full text is below. */
  | { kind: 'none'; lang: Lang }

/** BCP 47 prefixes of speech-synthesis voices that can read each route language. */
const VOICE_LANGS: Record<Lang, readonly string[]> = {
  'zh-Hans': ['zh-cn', 'cmn', 'zh-sg', 'zh'],
  yue: ['yue', 'zh-hk', 'zh-mo'],
  en: ['en'],
}

/** The first voice language (of the device's voices) that reads `lang`, or undefined. */
export function voiceFor(lang: Lang, voices: readonly { lang: string }[]): string | undefined {
  for (const prefix of VOICE_LANGS[lang]) {
    const voice = voices.find((v) => {
      const tag = v.lang.toLowerCase().replace(/_/g, '-')
      // A bare "zh" voice reads Mandarin; it must not be taken for Cantonese.
      return tag === prefix || tag.startsWith(`${prefix}-`)
    })
    if (voice) return voice.lang
  }
  return undefined
}

/**
 * Decides how to narrate `stop` in `lang`: its recording; else the device's voice reading the story in `lang`;
 * else a recording in another language (the route's default first, then the route's order); else nothing, said.
 * `voices` is the device's speech-synthesis voices, or null where the Web Speech API is missing.
 */
export function chooseNarration(
  stop: Pick<Stop, 'narration' | 'story' | 'title'>,
  lang: Lang,
  route: { languages: readonly Lang[]; defaultLanguage: Lang },
  voices: readonly { lang: string }[] | null,
): NarrationPlan {
  const track = stop.narration[lang]
  if (track) return { kind: 'track', lang, track }
  const story = stop.story[lang]
  const voiceLang = voices && story ? voiceFor(lang, voices) : undefined
  if (story && voiceLang) {
    const title = stop.title[lang]
    return { kind: 'speech', lang, voiceLang, text: title ? `${title}\n\n${story}` : story }
  }
  const others = [route.defaultLanguage, ...route.languages].filter((l) => l !== lang)
  for (const other of others) {
    const otherTrack = stop.narration[other]
    if (otherTrack) return { kind: 'other-language', lang, trackLang: other, track: otherTrack }
  }
  return { kind: 'none', lang }
}

/** Seconds a sentence takes to read at speed 1: Han characters ~4.5 a second, other text ~14 letters a second. */
export function estimateSeconds(text: string): number {
  const han = (text.match(/[\u3400-\u9fff\uf900-\ufaff]/g) ?? []).length
  const other = text.replace(/[\u3400-\u9fff\uf900-\ufaff\s]/g, '').length
  return Math.max(0.8, han / 4.5 + other / 14)
}

/** Splits text into sentences (。！？ or . ! ? followed by a space), paragraphs first. */
export function splitSpeechSentences(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .flatMap((paragraph) =>
      paragraph.replace(/\s*\n\s*/g, ' ').split(/(?<=[。！？]+[”’」』）)]*)|(?<=[.!?]+["'”’)]*)\s+/),
    )
    .map((s) => s.trim())
    .filter((s) => s !== '')
}

/** Captions for speech synthesis: one cue per sentence, timed by {@link estimateSeconds}, 0.3 s apart. */
export function speechCues(text: string): Cue[] {
  const cues: Cue[] = []
  let at = 0
  for (const sentence of splitSpeechSentences(text)) {
    const end = at + estimateSeconds(sentence)
    cues.push({ start: at, end, text: sentence })
    at = end + 0.3
  }
  return cues
}
