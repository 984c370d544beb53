/**
 * What the validator CLI reads of a route's narration files, for `triggerProblems` and `captionProblems`
 * (src/route/trigger-checks.ts): caption texts and audio durations, from files inside the route's folder only.
 */
import { existsSync, readFileSync, statSync } from 'node:fs'
import { relative, resolve } from 'node:path'

import type { NarrationMedia } from '../../src/route/validation-types'

import { audioDurationSeconds } from './audio-duration'
import { EMPTY_LEXICON, parseLexicon } from './lexicon'

/**
 * Caption texts and audio durations of the files in `folder` (the folder of route.json), undefined if absent;
 * the respellings of its pronunciation lexicons (`lexicon/<lang>.json`), none when a lexicon is absent or broken
 * (`npm run narration` names what is wrong with it).
 */
export function narrationMedia(folder: string): NarrationMedia {
  const read = (path: string) => {
    const full = resolve(folder, path)
    if (relative(folder, full).startsWith('..') || !existsSync(full) || !statSync(full).isFile())
      return undefined
    return readFileSync(full)
  }
  return {
    captionsText: (path) => read(path)?.toString('utf8'),
    audioSeconds: (path) => {
      const bytes = read(path)
      return bytes && audioDurationSeconds(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength))
    },
    respellings: (lang) => {
      const path = `lexicon/${lang}.json`
      try {
        const text = read(path)?.toString('utf8')
        return (text === undefined ? EMPTY_LEXICON : parseLexicon(JSON.parse(text), path)).respellings
      } catch {
        return []
      }
    },
  }
}
