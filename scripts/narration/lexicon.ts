import { readFile } from 'node:fs/promises'
import { join } from 'node:path'

import * as z from 'zod/mini'

/**
 * The phones of Festival's US English voices (the CMU lexicon's "radio" phone set). A `phones` entry may use
 * only these, so a typing slip is reported instead of being spoken as silence.
 */
export const FESTIVAL_PHONES = new Set(
  `aa ae ah ao aw ax axr ay b ch d dh eh el em en er ey f g hh ih iy jh k l m n ng ow oy p r s sh t th uh uw v w y
  z zh`.split(/\s+/),
)

// "sh y eh n 1 / hh ay 0": syllables separated by "/", each its phones and then its stress (0 or 1).
const SYLLABLE = /^(?:[a-z]+ )+[01]$/

const EntrySchema = z.object({
  /** The text as written in the story (a whole word for `phones`; any stretch of text for `say`). */
  write: z.string().check(z.minLength(1)),
  /** What the synthesiser reads instead: text with the right sound (a homophone, a respelling). */
  say: z.optional(z.string().check(z.minLength(1))),
  /** English only: the word's pronunciation in Festival's phones, e.g. "sh y eh n 1 / hh ay 0". */
  phones: z.optional(z.string()),
  /** Why the entry is there, for the next curator. */
  note: z.optional(z.string()),
})

const LexiconSchema = z.object({
  $comment: z.optional(z.string()),
  entries: z.array(EntrySchema),
})

export type LexiconEntry = z.infer<typeof EntrySchema>

/** A Festival lexicon entry: the word and its syllables, each phones and stress. */
export interface FestivalWord {
  word: string
  syllables: { phones: string[]; stress: 0 | 1 }[]
}

/** A language's pronunciation lexicon: text respellings for any synthesiser, and Festival words. */
export interface Lexicon {
  respellings: readonly (readonly [string, string])[]
  words: readonly FestivalWord[]
}

export const EMPTY_LEXICON: Lexicon = { respellings: [], words: [] }

/** Parses "sh y eh n 1 / hh ay 0" into syllables, or says what is wrong with it. */
export function parsePhones(phones: string): FestivalWord['syllables'] | string {
  const syllables = phones.split('/').map((s) => s.trim().replace(/\s+/g, ' '))
  const result: FestivalWord['syllables'] = []
  for (const syllable of syllables) {
    if (!SYLLABLE.test(syllable))
      return `"${syllable}" is not a syllable: write its phones, then its stress 0 or 1, e.g. "hh ay 0"`
    const parts = syllable.split(' ')
    const unknown = parts.slice(0, -1).filter((p) => !FESTIVAL_PHONES.has(p))
    if (unknown.length > 0)
      return `unknown phone(s) ${unknown.map((p) => `"${p}"`).join(', ')}; Festival's phones are: ${[...FESTIVAL_PHONES].join(' ')}`
    result.push({ phones: parts.slice(0, -1), stress: parts.at(-1) === '1' ? 1 : 0 })
  }
  return result
}

/**
 * Checks a lexicon file's JSON and turns it into respellings (longest first, so "科举高中" wins over "高中") and
 * Festival words.
 * @throws Error naming the file and the entry, with the fix.
 */
export function parseLexicon(json: unknown, file: string): Lexicon {
  const parsed = LexiconSchema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new Error(
      `${file}: ${issue?.path.join('.') || '(top)'}: ${issue?.message ?? 'invalid'}; a lexicon is {"entries": [{"write": "…", "say": "…"}]}`,
    )
  }
  const respellings: [string, string][] = []
  const words: FestivalWord[] = []
  parsed.data.entries.forEach((entry, i) => {
    const where = `${file}: entries.${i} ("${entry.write}")`
    if ((entry.say === undefined) === (entry.phones === undefined))
      throw new Error(
        `${where}: give either "say" (the text to read) or "phones" (Festival phones), not both`,
      )
    if (entry.say !== undefined) respellings.push([entry.write, entry.say])
    if (entry.phones !== undefined) {
      if (!/^[A-Za-z][A-Za-z'’-]*$/.test(entry.write))
        throw new Error(
          `${where}: "phones" needs a single English word in "write"; use "say" for longer text`,
        )
      const syllables = parsePhones(entry.phones)
      if (typeof syllables === 'string') throw new Error(`${where}: ${syllables}`)
      words.push({ word: entry.write.toLowerCase(), syllables })
    }
  })
  respellings.sort((a, b) => b[0].length - a[0].length)
  return { respellings, words }
}

/** Replaces every written form in the lexicon by what the synthesiser should read, longest first. */
export function respell(text: string, lexicon: Lexicon): string {
  let out = text
  for (const [from, to] of lexicon.respellings) out = out.split(from).join(to)
  return out
}

/**
 * Reads a route's lexicon for one language, `lexicon/<lang>.json` beside route.json; a missing file is an empty
 * lexicon.
 */
export async function loadLexicon(routeDir: string, lang: string): Promise<Lexicon> {
  const file = join(routeDir, 'lexicon', `${lang}.json`)
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return EMPTY_LEXICON
    throw error
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw new Error(`${file} is not valid JSON (${(error as Error).message})`)
  }
  return parseLexicon(json, file)
}
