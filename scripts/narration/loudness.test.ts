import { describe, expect, it } from 'vitest'

import {
  gainToTarget,
  limiterFilter,
  loudnessProblem,
  loudnormFilter,
  parseEbur128Summary,
  parseLoudnormJson,
} from './loudness'

const FIRST_PASS = `[Parsed_loudnorm_0 @ 0x5585b1ec5a80]
{
	"input_i" : "-23.80",
	"input_tp" : "-7.18",
	"input_lra" : "0.60",
	"input_thresh" : "-33.80",
	"output_i" : "-15.69",
	"output_tp" : "-2.00",
	"output_lra" : "0.60",
	"output_thresh" : "-25.69",
	"normalization_type" : "dynamic",
	"target_offset" : "-0.31"
}
`

const EBUR128 = `[Parsed_ebur128_0 @ 0x55ebe8ac8340] t: 5.2  TARGET:-23 LUFS    M: -22.1 S: -23.4     I: -23.6 LUFS
[Parsed_ebur128_0 @ 0x55ebe8ac8340] Summary:

  Integrated loudness:
    I:         -16.2 LUFS
    Threshold: -26.2 LUFS

  Loudness range:
    LRA:         0.6 LU

  True peak:
    Peak:       -1.4 dBFS
`

describe('loudnorm passes', () => {
  it('reads the first pass and feeds its measurement to the second, linear pass', () => {
    const measured = parseLoudnormJson(`size=N/A time=00:00:05.31\n${FIRST_PASS}`)
    expect(measured).toEqual({
      inputI: '-23.80',
      inputTp: '-7.18',
      inputLra: '0.60',
      inputThresh: '-33.80',
      targetOffset: '-0.31',
    })
    const second = loudnormFilter(measured)
    expect(second).toContain('measured_I=-23.80:measured_TP=-7.18:measured_LRA=0.60:measured_thresh=-33.80')
    expect(second).toContain('offset=-0.31:linear=true')
    expect(loudnormFilter()).not.toContain('measured')
  })

  it('says so when ffmpeg printed no measurement', () => {
    expect(() => parseLoudnormJson('Error opening input')).toThrow(/no measurement/)
    expect(() => parseLoudnormJson(FIRST_PASS.replace('"-7.18"', '"nan"'))).toThrow(/input_tp/)
  })

  it('limits at four times the voice rate, 4.5 dB below full scale, and comes back to the voice rate', () => {
    expect(limiterFilter(3.456, 22050)).toBe(
      'volume=3.46dB,aresample=88200,alimiter=limit=0.5957:attack=1:release=50:level=false,aresample=22050',
    )
  })

  it('aims at the target from a measured loudness', () => {
    expect(gainToTarget(-21.8)).toBeCloseTo(6.1)
  })
})

describe('parseEbur128Summary', () => {
  it('reads the integrated loudness and true peak of the summary, not of a running line', () => {
    expect(parseEbur128Summary(EBUR128)).toEqual({ integrated: -16.2, truePeak: -1.4 })
  })

  it('reads silence as -inf and throws without a summary', () => {
    expect(parseEbur128Summary(EBUR128.replace('-16.2', '-70.0').replace('-1.4', '-inf'))).toEqual({
      integrated: -70,
      truePeak: -Infinity,
    })
    expect(() => parseEbur128Summary('no such file')).toThrow(/no summary/)
  })
})

describe('loudnessProblem', () => {
  it('accepts −16 LUFS ± 1 with a true peak at or below −1 dBTP', () => {
    expect(loudnessProblem({ integrated: -16.9, truePeak: -1 })).toBeUndefined()
    expect(loudnessProblem({ integrated: -15.1, truePeak: -3 })).toBeUndefined()
  })

  it('names what is wrong', () => {
    expect(loudnessProblem({ integrated: -21.8, truePeak: -3 })).toMatch(/-21.8 LUFS is outside -16 ± 1/)
    expect(loudnessProblem({ integrated: -16, truePeak: -0.9 })).toMatch(/true peak -0.9 dBTP is above -1/)
  })
})
