/**
 * Generates the default narration:
 * `npx tsx scripts/build-narration.ts [--route <route.json>] [--lang <tag>]… [stop-id…]`.
 * For every stop and every language in its `narration` object, speaks the title and the story (English with
 * Festival's HTS voice, Mandarin and Cantonese with espeak-ng) after the route's pronunciation lexicon
 * (`lexicon/<lang>.json` beside route.json), joins the segments with measured pauses, normalises the loudness
 * (EBU R128, two passes) and writes the captions (WebVTT, one cue per segment, timed from the sample counts)
 * and the audio encodings named in route.json (Opus in WebM, MP3), whose loudness it then measures.
 */
import { execFile, spawnSync } from 'node:child_process'
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { availableParallelism, tmpdir } from 'node:os'
import { dirname, extname, join, relative, resolve } from 'node:path'
import { promisify } from 'node:util'

import * as z from 'zod/mini'

import { minimumCueSeconds } from '../src/lib/caption-rules'
import { IdSchema, LocalisedTextSchema, StopSchema } from '../src/route/schema'
import { audioFileSeconds } from './narration/audio-duration'
import { buildVtt, layoutCues, type TimedSegment } from './narration/build-vtt'
import { segmentNarrations, type SegmentBreak } from './narration/segment-text'
import { festivalScript, FESTIVAL_VOICE, runFestival } from './narration/festival'
import { loadLexicon, respell, type Lexicon } from './narration/lexicon'
import {
  limiterFilter,
  loudnessProblem,
  loudnormFilter,
  parseEbur128Summary,
  parseLoudnormJson,
  gainToTarget,
  type Loudness,
} from './narration/loudness'
import { primaryVoice, speechRuns, type SpeechRun, type SpeechVoice } from './narration/speech-text'
import { encodeWav, parseWav, soundRange, type Pcm } from './narration/wav'

const run = promisify(execFile)

const DEFAULT_ROUTE = 'routes-data/pearl-river-night/route.json'
const INSTALL_HINT = 'bash scripts/ensure-test-tools.sh --narration'

/**
 * espeak-ng voice and speed (words per minute) for each synthesiser voice. English tracks are spoken by Festival;
 * the English voice here reads Latin names inside Chinese text.
 */
const ESPEAK_VOICES: Record<SpeechVoice, { name: string; speed: number }> = {
  // Plain "cmn" in espeak-ng 1.51 reads many characters' dictionary pinyin as English ("hai3" → "hai three");
  // the pinyin variant of the same voice does not.
  zh: { name: 'cmn-latn-pinyin', speed: 180 },
  // Cantonese reads Traditional characters with Jyutping readings; Latin runs still go to the English voice.
  yue: { name: 'yue', speed: 175 },
  en: { name: 'en-gb', speed: 160 },
}

/** Silence after each kind of segment, in milliseconds. */
const PAUSE_MS: Record<SegmentBreak, number> = {
  title: 600,
  paragraph: 600,
  sentence: 250,
  clause: 150,
  end: 500,
}
const LEAD_IN_MS = 150
/** Gap between a Chinese run and an English name inside one segment. */
const RUN_GAP_MS = 40
/** Anything quieter than this (of 32767) counts as silence when trimming the synthesisers' padding. */
const SILENCE_THRESHOLD = 64

const NarrationRouteSchema = z.object({
  stops: z.array(
    z.object({
      id: IdSchema,
      title: LocalisedTextSchema,
      story: LocalisedTextSchema,
      narration: StopSchema.shape.narration,
    }),
  ),
})
type NarrationStop = z.infer<typeof NarrationRouteSchema>['stops'][number]

interface TrackResult {
  stop: string
  lang: string
  seconds: number
  webmBytes: number | null
  mp3Bytes: number | null
  cues: number
  loudness: Loudness[]
}

class UsageError extends Error {}

function parseArgs(argv: string[]): { routeFile: string; stopIds: string[]; langs: string[] } {
  let routeFile = DEFAULT_ROUTE
  const stopIds: string[] = []
  const langs: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--route') {
      const next = argv[++i]
      if (!next) throw new UsageError('--route needs a path to a route.json')
      routeFile = next
    } else if (arg === '--lang') {
      const next = argv[++i]
      if (!next) throw new UsageError('--lang needs a language tag, e.g. --lang yue')
      langs.push(next)
    } else if (arg === '--help' || arg === '-h') {
      console.log(
        'usage: npx tsx scripts/build-narration.ts [--route <route.json>] [--lang <tag>]… [stop-id…]',
      )
      process.exit(0)
    } else if (arg.startsWith('-')) {
      throw new UsageError(`unknown option ${arg}`)
    } else stopIds.push(arg)
  }
  return { routeFile, stopIds, langs }
}

function checkTools(): void {
  for (const [tool, flag] of [
    ['espeak-ng', '--version'],
    ['festival', '--version'],
    ['ffmpeg', '-version'],
  ] as const) {
    const result = spawnSync(tool, [flag], { encoding: 'utf8' })
    if (result.error || result.status !== 0)
      throw new UsageError(`${tool} is missing or does not run. Install it with: ${INSTALL_HINT}`)
  }
  const voices = spawnSync('espeak-ng', ['--voices'], { encoding: 'utf8' }).stdout.toLowerCase()
  for (const { name } of Object.values(ESPEAK_VOICES)) {
    if (!voices.includes(` ${name} `) && !voices.includes(`/${name}`))
      throw new UsageError(`espeak-ng has no voice "${name}"; install the full data: ${INSTALL_HINT}`)
  }
  const festival = spawnSync('festival', ['-b', `(${FESTIVAL_VOICE})`], { encoding: 'utf8' })
  if (`${festival.stdout}${festival.stderr}`.includes('SIOD ERROR'))
    throw new UsageError(`festival has no voice ${FESTIVAL_VOICE} (festvox-us-slt-hts): ${INSTALL_HINT}`)
}

async function loadStops(routeFile: string): Promise<NarrationStop[]> {
  let text: string
  try {
    text = await readFile(routeFile, 'utf8')
  } catch {
    throw new UsageError(`cannot read ${routeFile}`)
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw new UsageError(
      `${routeFile} is not valid JSON (${(error as Error).message}); check it with npm run validate`,
    )
  }
  const parsed = NarrationRouteSchema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new UsageError(`${routeFile}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid route'}`)
  }
  return parsed.data.stops
}

const msToSamples = (ms: number, sampleRate: number) => Math.round((ms * sampleRate) / 1000)

/** Samples without the synthesiser's leading and trailing silence, so the script chooses the pauses. */
function trimmed(pcm: Pcm): Pcm {
  const { start, end } = soundRange(
    pcm.samples,
    SILENCE_THRESHOLD,
    msToSamples(10, pcm.sampleRate),
    msToSamples(30, pcm.sampleRate),
  )
  return { sampleRate: pcm.sampleRate, samples: pcm.samples.subarray(start, end) }
}

/** Speaks one run with espeak-ng. */
async function speakEspeak(text: string, voice: SpeechVoice, work: string, name: string): Promise<Pcm> {
  const textFile = join(work, `${name}.txt`)
  const wavFile = join(work, `${name}.wav`)
  await writeFile(textFile, text)
  const { name: voiceName, speed } = ESPEAK_VOICES[voice]
  await run('espeak-ng', ['-v', voiceName, '-s', String(speed), '-f', textFile, '-w', wavFile])
  return trimmed(parseWav(await readFile(wavFile)))
}

/** Speaks the English runs of a track with one Festival process, applying the lexicon's words. */
async function speakFestival(texts: string[], words: Lexicon['words'], work: string, name: string) {
  const utterances = texts.map((text, i) => ({ text, wavFile: join(work, `${name}.festival.${i}.wav`) }))
  await runFestival(festivalScript(words, utterances), join(work, `${name}.scm`))
  return Promise.all(utterances.map(async ({ wavFile }) => trimmed(parseWav(await readFile(wavFile)))))
}

/** Resamples with ffmpeg when a run's voice has another sample rate than the track's (Festival 32 kHz, espeak-ng 22.05). */
async function resampled(pcm: Pcm, sampleRate: number, work: string, name: string): Promise<Pcm> {
  if (pcm.sampleRate === sampleRate) return pcm
  const from = join(work, `${name}.in.wav`)
  const to = join(work, `${name}.out.wav`)
  await writeFile(from, encodeWav(pcm))
  await run('ffmpeg', ['-nostdin', '-y', '-loglevel', 'error', '-i', from, '-ar', String(sampleRate), to])
  return parseWav(await readFile(to))
}

/**
 * Speaks every run of a track: English with Festival (one process for the track), Chinese with espeak-ng, all
 * at the sample rate of the track's own voice.
 */
async function speakRuns(
  runs: SpeechRun[][],
  lexicon: Lexicon,
  primary: SpeechVoice,
  work: string,
  name: string,
): Promise<{ sampleRate: number; segments: Int16Array[][] }> {
  // Latin names inside Chinese stay with espeak-ng's English voice, whose timbre matches the Chinese voices.
  const byFestival = (r: SpeechRun) => r.voice === 'en' && primary === 'en'
  const english = runs.flatMap((segment) => segment.filter(byFestival).map((r) => r.text))
  const festival = english.length > 0 ? await speakFestival(english, lexicon.words, work, name) : []
  let nextEnglish = 0
  const spoken: Pcm[][] = []
  for (const [i, segment] of runs.entries()) {
    const parts: Pcm[] = []
    for (const [k, speechRun] of segment.entries())
      parts.push(
        byFestival(speechRun)
          ? festival[nextEnglish++]!
          : await speakEspeak(speechRun.text, speechRun.voice, work, `${name}.${i}.${k}`),
      )
    spoken.push(parts)
  }
  const sampleRate = (spoken.flat()[runs.flat().findIndex((r) => r.voice === primary)] ?? spoken[0]?.[0])
    ?.sampleRate
  if (!sampleRate) throw new Error(`${name}: nothing was spoken`)
  const segments: Int16Array[][] = []
  for (const [i, parts] of spoken.entries()) {
    const samples: Int16Array[] = []
    for (const [k, pcm] of parts.entries())
      samples.push((await resampled(pcm, sampleRate, work, `${name}.${i}.${k}`)).samples)
    segments.push(samples)
  }
  return { sampleRate, segments }
}

function concat(parts: Int16Array[]): Int16Array {
  const out = new Int16Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return out
}

// Bit-exact flags and no metadata, so a rerun on the same text writes the same bytes.
const DETERMINISTIC = ['-map_metadata', '-1', '-fflags', '+bitexact', '-flags:a', '+bitexact']
const MP3 = [
  '-c:a',
  'libmp3lame',
  '-b:a',
  '32k',
  '-ar',
  '22050',
  '-ac',
  '1',
  '-id3v2_version',
  '0',
  '-write_id3v1',
  '0',
]
const OPUS = ['-af', 'lowpass=f=8000', '-c:a', 'libopus', '-ar', '48000', '-ac', '1']
/**
 * Encoder settings for each file type, tried in order until the encoded file's true peak is within the limit.
 * libopus at low bit rates can overshoot by 5 dB or more on a sharp onset of espeak-ng's voices (a frame of
 * garbage at full scale); another bit rate codes the same frame cleanly. (A lower effort level does too, but
 * doubles the file.) The low-pass at 8 kHz
 * (about what 24 kbit/s codes anyway) removes most such onsets.
 */
const ENCODINGS: Record<string, string[][]> = {
  '.webm': [
    [...OPUS, '-b:a', '24k'],
    [...OPUS, '-b:a', '22k'],
    [...OPUS, '-b:a', '26k'],
    [...OPUS, '-b:a', '24k', '-vbr', 'off'],
    [...OPUS, '-b:a', '20k'],
  ],
  '.mp3': [MP3, [...MP3.slice(0, 3), '28k', ...MP3.slice(4)]],
}

const FFMPEG = ['-nostdin', '-hide_banner', '-nostats']

/**
 * EBU R128 normalisation with loudnorm's two passes: measurements set the gain in front of the limiter
 * ({@link limiterFilter}); loudnorm then measures the limited track and, fed those values back, scales it
 * linearly to the target.
 */
async function normaliseLoudness(from: string, to: string, sampleRate: number): Promise<void> {
  // Limiting lowers the loudness a little: the gain is corrected once, so loudnorm's linear gain stays small.
  const firstGain = gainToTarget((await measureLoudness(from)).integrated)
  const once = await measureLoudness(from, limiterFilter(firstGain, sampleRate))
  const limiter = limiterFilter(firstGain + gainToTarget(once.integrated), sampleRate)
  const first = await run('ffmpeg', [
    ...FFMPEG,
    '-i',
    from,
    '-af',
    `${limiter},${loudnormFilter()}`,
    '-f',
    'null',
    '-',
  ])
  // loudnorm works at 192 kHz inside; -ar brings the track back to its voice's rate.
  await run('ffmpeg', [
    ...FFMPEG,
    '-y',
    '-i',
    from,
    '-af',
    `${limiter},${loudnormFilter(parseLoudnormJson(first.stderr))}`,
    '-ar',
    String(sampleRate),
    ...DETERMINISTIC,
    to,
  ])
}

/** Integrated loudness and true peak of a file, after `filter` when given (ffmpeg's ebur128, cheaper than loudnorm). */
async function measureLoudness(file: string, filter?: string): Promise<Loudness> {
  const chain = filter ? `${filter},ebur128=peak=true` : 'ebur128=peak=true'
  const { stderr } = await run('ffmpeg', [...FFMPEG, '-i', file, '-af', chain, '-f', 'null', '-'])
  return parseEbur128Summary(stderr)
}

async function buildTrack(
  stop: NarrationStop,
  lang: string,
  routeDir: string,
  lexicon: Lexicon,
  work: string,
): Promise<TrackResult> {
  const track = stop.narration[lang as keyof typeof stop.narration]!
  const title = stop.title[lang as keyof typeof stop.title]
  const story = stop.story[lang as keyof typeof stop.story]
  if (!title || !story)
    throw new Error(`${stop.id}: narration lists "${lang}" but the title or story has no "${lang}" text`)
  const name = `${stop.id}.${lang}`
  // Cut with the stop's other narrated languages, so that 中文 and 粤语 have a cue for cue the same sentences.
  const texts = Object.keys(stop.narration).flatMap((other) => {
    const key = other as keyof typeof stop.title
    const otherTitle = stop.title[key]
    const otherStory = stop.story[key]
    return other !== lang && otherTitle && otherStory
      ? [{ title: otherTitle, story: otherStory, lang: other }]
      : []
  })
  const segments = segmentNarrations([{ title, story, lang }, ...texts])[0]!
  const primary = primaryVoice(lang)

  const runs = segments.map((segment, i) => {
    const segmentRuns = speechRuns(respell(segment.text, lexicon), lang)
    if (segmentRuns.length === 0)
      throw new Error(`${name}: segment ${i + 1} has nothing to speak: "${segment.text}"`)
    return segmentRuns
  })
  const { sampleRate, segments: parts } = await speakRuns(runs, lexicon, primary, work, name)
  const gap = new Int16Array(msToSamples(RUN_GAP_MS, sampleRate))
  const spoken = parts.map((segment) => concat(segment.flatMap((p, k) => (k > 0 ? [gap, p] : [p]))))

  const timed: TimedSegment[] = segments.map((segment, i) => ({
    text: segment.lines.join('\n'),
    samples: spoken[i]!.length,
    silenceAfter: msToSamples(PAUSE_MS[segment.breakAfter], sampleRate),
    minSamples: Math.ceil(minimumCueSeconds(segment.text, lang) * sampleRate),
  }))
  const leadIn = msToSamples(LEAD_IN_MS, sampleRate)
  const { cues, silences, totalSamples } = layoutCues(timed, sampleRate, leadIn)
  const audio = concat([
    new Int16Array(leadIn),
    ...timed.flatMap((_, i) => [spoken[i]!, new Int16Array(silences[i]!)]),
  ])
  if (audio.length !== totalSamples) throw new Error(`${name}: audio length does not match the cue layout`)

  const rawFile = join(work, `${name}.raw.wav`)
  await writeFile(rawFile, encodeWav({ sampleRate, samples: audio }))
  const wavFile = join(work, `${name}.wav`)
  await normaliseLoudness(rawFile, wavFile, sampleRate)
  const engine =
    primary === 'en' ? `Festival (${FESTIVAL_VOICE})` : `espeak-ng (${ESPEAK_VOICES[primary].name})`
  const note = `generated by scripts/build-narration.ts with ${engine} from route.json; do not edit`
  const vtt = buildVtt(cues, note)

  const sizes: Record<string, number> = {}
  const loudness: Loudness[] = []
  const lastCueEnd = (cues.at(-1)?.endMs ?? 0) / 1000
  for (const audioPath of track.audio) {
    const extension = extname(audioPath).toLowerCase()
    const settings = ENCODINGS[extension]
    if (!settings)
      throw new Error(`${name}: no encoder for "${audioPath}" (known: ${Object.keys(ENCODINGS).join(', ')})`)
    const encoded = join(work, `${name}${extension}`)
    let measured: Loudness | undefined
    let problem: string | undefined
    for (const codec of settings) {
      await run('ffmpeg', [
        '-nostdin',
        '-y',
        '-loglevel',
        'error',
        '-i',
        wavFile,
        ...DETERMINISTIC,
        ...codec,
        encoded,
      ])
      measured = await measureLoudness(encoded)
      problem = loudnessProblem(measured)
      if (!problem) break
    }
    if (!measured || problem) throw new Error(`${name}: ${audioPath}: ${problem}`)
    const seconds = audioFileSeconds(encoded)
    if (lastCueEnd > seconds)
      throw new Error(`${name}: last cue ends at ${lastCueEnd} s, after ${audioPath} (${seconds} s)`)
    const target = resolve(routeDir, audioPath)
    await mkdir(dirname(target), { recursive: true })
    await copyFile(encoded, target)
    sizes[extension] = (await stat(target)).size
    loudness.push(measured)
  }
  const captions = resolve(routeDir, track.captions)
  await mkdir(dirname(captions), { recursive: true })
  await writeFile(captions, vtt)
  await rm(wavFile)
  await rm(rawFile)

  return {
    stop: stop.id,
    lang,
    seconds: totalSamples / sampleRate,
    webmBytes: sizes['.webm'] ?? null,
    mp3Bytes: sizes['.mp3'] ?? null,
    cues: cues.length,
    loudness,
  }
}

/** Runs `tasks` with at most `limit` at a time, keeping the results in order. */
async function pool<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results = new Array<T>(tasks.length)
  let next = 0
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++
      results[index] = await tasks[index]!()
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker))
  return results
}

function printTable(rows: TrackResult[]): void {
  const header = ['stop', 'lang', 'seconds', 'webm bytes', 'mp3 bytes', 'cues', 'LUFS', 'dBTP']
  const cells = rows.map((r) => [
    r.stop,
    r.lang,
    r.seconds.toFixed(1),
    r.webmBytes === null ? '-' : String(r.webmBytes),
    r.mp3Bytes === null ? '-' : String(r.mp3Bytes),
    String(r.cues),
    r.loudness.map((l) => l.integrated.toFixed(1)).join(' '),
    r.loudness.map((l) => l.truePeak.toFixed(1)).join(' '),
  ])
  const widths = header.map((h, c) => Math.max(h.length, ...cells.map((row) => row[c]!.length)))
  const line = (row: string[]) =>
    row.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ')
  console.log(line(header))
  console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  for (const row of cells) console.log(line(row))
}

async function folderBytes(folder: string): Promise<number> {
  let total = 0
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name)
    total += entry.isDirectory() ? await folderBytes(path) : (await stat(path)).size
  }
  return total
}

async function main(): Promise<void> {
  const { routeFile, stopIds, langs } = parseArgs(process.argv.slice(2))
  checkTools()
  const stops = await loadStops(routeFile)
  const unknown = stopIds.filter((id) => !stops.some((s) => s.id === id))
  if (unknown.length > 0)
    throw new UsageError(
      `unknown stop id(s): ${unknown.join(', ')}. Stops: ${stops.map((s) => s.id).join(', ')}`,
    )
  const selected = stopIds.length > 0 ? stops.filter((s) => stopIds.includes(s.id)) : stops
  const routeDir = dirname(resolve(routeFile))
  const languages = new Set(selected.flatMap((s) => Object.keys(s.narration)))
  const lexicons = new Map<string, Lexicon>()
  for (const lang of languages) {
    try {
      lexicons.set(lang, await loadLexicon(routeDir, lang))
    } catch (error) {
      throw new UsageError((error as Error).message)
    }
  }
  const work = await mkdtemp(join(tmpdir(), 'narration-'))
  try {
    const tasks = selected.flatMap((stop) =>
      Object.keys(stop.narration)
        .filter((lang) => langs.length === 0 || langs.includes(lang))
        .map((lang) => () => buildTrack(stop, lang, routeDir, lexicons.get(lang)!, work)),
    )
    const rows = await pool(tasks, Math.max(1, Math.min(4, availableParallelism())))
    printTable(rows)
    const folders = [
      ...new Set(
        selected.flatMap((s) =>
          Object.values(s.narration).map((t) => dirname(resolve(routeDir, t.captions))),
        ),
      ),
    ]
    for (const folder of folders) {
      const bytes = await folderBytes(folder)
      console.log(`\n${relative(process.cwd(), folder) || '.'}: ${(bytes / 1e6).toFixed(2)} MB in total`)
    }
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof UsageError ? `build-narration: ${error.message}` : error)
  process.exit(1)
})
