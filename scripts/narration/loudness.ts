/**
 * EBU R128 loudness for the narration: two-pass normalisation with ffmpeg's loudnorm, and the measurement of
 * the encoded files with ebur128.
 */

/** Every track's integrated loudness (LUFS): where phone listening is mastered, audible over an engine. */
export const TARGET_LUFS = -16
export const LUFS_TOLERANCE = 1
/** The loudness asked of the WAV: the encoders' low-pass takes about 0.3 LU from it. */
const NORMALISE_LUFS = TARGET_LUFS + 0.3
/** The highest true peak allowed in an encoded track (dBTP). */
export const MAX_TRUE_PEAK = -1
/** The true peak asked of loudnorm: lossy encoding adds overshoot, so it aims below {@link MAX_TRUE_PEAK}. */
export const NORMALISE_TRUE_PEAK = -3.5
/** Where the limiter holds the peaks, in dBFS at four times the sample rate (close to true peak). */
export const LIMIT_DBFS = -4.5
/** The limiter works at four times the track's rate, so it catches the peaks between samples too. */
const OVERSAMPLING = 4

/**
 * Brings the track near the target and limits its peaks. Synthetic speech peaks 18 dB or more above its
 * loudness, so a linear gain to −16 LUFS alone would exceed the true-peak limit and loudnorm would fall back to
 * its dynamic mode, which misses the target on tracks of a minute; after this, its linear mode can reach it.
 */
export function limiterFilter(gainDb: number, sampleRate: number): string {
  const limit = (10 ** (LIMIT_DBFS / 20)).toFixed(4)
  return (
    `volume=${gainDb.toFixed(2)}dB,aresample=${sampleRate * OVERSAMPLING},` +
    `alimiter=limit=${limit}:attack=1:release=50:level=false,aresample=${sampleRate}`
  )
}

/** What loudnorm's first pass measured, fed back to its second pass. */
export interface LoudnormMeasurement {
  inputI: string
  inputTp: string
  inputLra: string
  inputThresh: string
  targetOffset: string
}

/**
 * Reads the JSON block loudnorm prints at the end of a pass (`print_format=json`) from ffmpeg's stderr.
 * @throws Error when the block is missing or lacks a value.
 */
export function parseLoudnormJson(stderr: string): LoudnormMeasurement {
  const block = /\{[^{}]*"input_i"[^{}]*\}/.exec(stderr)?.[0]
  if (!block) throw new Error('ffmpeg loudnorm printed no measurement')
  const json = JSON.parse(block) as Record<string, string>
  const value = (key: string) => {
    const v = json[key]
    if (v === undefined || !Number.isFinite(Number(v)))
      throw new Error(`loudnorm measurement has no number for ${key}`)
    return v
  }
  return {
    inputI: value('input_i'),
    inputTp: value('input_tp'),
    inputLra: value('input_lra'),
    inputThresh: value('input_thresh'),
    targetOffset: value('target_offset'),
  }
}

/** The gain that takes a measured integrated loudness (LUFS) to the target, in dB. */
export function gainToTarget(integrated: number): number {
  return NORMALISE_LUFS - integrated
}

/** loudnorm's settings: the targets, and for the second pass the first pass's measurement. */
export function loudnormFilter(measured?: LoudnormMeasurement): string {
  const targets = `loudnorm=I=${NORMALISE_LUFS}:TP=${NORMALISE_TRUE_PEAK}:LRA=11`
  if (!measured) return `${targets}:print_format=json`
  return (
    `${targets}:measured_I=${measured.inputI}:measured_TP=${measured.inputTp}` +
    `:measured_LRA=${measured.inputLra}:measured_thresh=${measured.inputThresh}` +
    `:offset=${measured.targetOffset}:linear=true:print_format=json`
  )
}

/** A track's loudness as ebur128 reports it. */
export interface Loudness {
  integrated: number
  truePeak: number
}

/**
 * Reads the summary ffmpeg's `ebur128=peak=true` prints: integrated loudness (LUFS) and true peak (dBFS).
 * @throws Error when the summary is missing.
 */
export function parseEbur128Summary(stderr: string): Loudness {
  const summary = stderr.slice(stderr.lastIndexOf('Summary:'))
  const integrated = /Integrated loudness:\s+I:\s+(-?[\d.]+|-inf) LUFS/.exec(summary)?.[1]
  const truePeak = /True peak:\s+Peak:\s+(-?[\d.]+|-inf) dBFS/.exec(summary)?.[1]
  if (integrated === undefined || truePeak === undefined)
    throw new Error('ffmpeg ebur128 printed no summary with integrated loudness and true peak')
  const number = (v: string) => (v === '-inf' ? -Infinity : Number(v))
  return { integrated: number(integrated), truePeak: number(truePeak) }
}

/** What is wrong with a track's loudness, or nothing. */
export function loudnessProblem({ integrated, truePeak }: Loudness): string | undefined {
  if (Math.abs(integrated - TARGET_LUFS) > LUFS_TOLERANCE)
    return `integrated loudness ${integrated} LUFS is outside ${TARGET_LUFS} ± ${LUFS_TOLERANCE}`
  if (truePeak > MAX_TRUE_PEAK) return `true peak ${truePeak} dBTP is above ${MAX_TRUE_PEAK}`
  return undefined
}
