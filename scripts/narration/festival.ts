import { execFile } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { promisify } from 'node:util'

import type { FestivalWord } from './lexicon'

const run = promisify(execFile)

/** Festival's HTS voice from Debian's festvox-us-slt-hts: a US English female voice, 32 kHz. */
export const FESTIVAL_VOICE = 'voice_cmu_us_slt_arctic_hts'

/** A Scheme string literal: Festival's reader takes backslash escapes for `"` and `\`. */
export function schemeString(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\s+/g, ' ')}"`
}

/** `(lex.add.entry '("xian" nil (((sh y eh n) 1))))`: adds a word to the voice's lexicon for this run. */
export function lexiconEntry({ word, syllables }: FestivalWord): string {
  const body = syllables.map((s) => `((${s.phones.join(' ')}) ${s.stress})`).join(' ')
  return `(lex.add.entry '(${schemeString(word)} nil (${body})))`
}

/**
 * A Festival batch script that selects the voice, adds the lexicon's words and writes each text to its WAV file
 * (16-bit mono RIFF), so one Festival process speaks a whole track.
 */
export function festivalScript(
  words: readonly FestivalWord[],
  utterances: readonly { text: string; wavFile: string }[],
): string {
  return [
    `(${FESTIVAL_VOICE})`,
    ...words.map(lexiconEntry),
    ...utterances.map(
      ({ text, wavFile }) =>
        `(utt.save.wave (utt.synth (Utterance Text ${schemeString(text)})) ${schemeString(wavFile)} 'riff)`,
    ),
    '',
  ].join('\n')
}

/** Runs a Festival batch script; Festival reports Scheme errors on stdout and still exits 0, so both are read. */
export async function runFestival(script: string, scriptFile: string): Promise<string> {
  await writeFile(scriptFile, script)
  const { stdout, stderr } = await run('festival', ['-b', scriptFile], { maxBuffer: 16 * 1024 * 1024 })
  const output = `${stdout}${stderr}`
  if (/SIOD ERROR|error:/i.test(output)) throw new Error(`festival failed on ${scriptFile}: ${output.trim()}`)
  return output
}
