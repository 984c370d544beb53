import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'

import { CHROMIUM, CHROMIUM_ARGS } from '../../tests/e2e/browser'
import { blockingByScript, median } from './stats'

/** The Lighthouse figures the budgets speak of (times in ms, bytes as transferred). */
export interface LighthouseFigures {
  score: number
  fcp: number
  lcp: number
  tbt: number
  cls: number
  bytes: number
}

/** What one run says about where the time went: the largest paint's element, long tasks' time by script. */
export interface LighthouseDetails {
  lcpElement: string
  /** Per script file (or "other"), the simulated long tasks' time over 50 ms: what TBT is made of. */
  blockingByScript: Record<string, number>
}

/**
 * Lighthouse's default mobile run (Moto G Power emulation, simulated slow 4G and 4× CPU slowdown), `runs` times
 * in one Chromium, and the median of each figure.
 */
export async function lighthouseMedian(
  url: string,
  runs: number,
): Promise<{ median: LighthouseFigures; runs: (LighthouseFigures & LighthouseDetails)[] }> {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ['--headless=new', ...CHROMIUM_ARGS.filter((f) => !f.startsWith('--autoplay'))],
  })
  const all: (LighthouseFigures & LighthouseDetails)[] = []
  try {
    for (let i = 0; i < runs; i++) {
      const result = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance'],
      })
      if (!result) throw new Error(`Lighthouse returned nothing for ${url}`)
      const { lhr } = result
      if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`)
      const value = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN
      const items = (id: string) =>
        (lhr.audits[id]?.details as { items?: unknown[] } | undefined)?.items ?? []
      const lcpNode = (items('largest-contentful-paint-element')[0] as { items?: { node?: unknown }[] })
        ?.items?.[0]?.node as { selector?: string; nodeLabel?: string } | undefined
      all.push({
        lcpElement: lcpNode ? `${lcpNode.selector ?? ''} "${(lcpNode.nodeLabel ?? '').slice(0, 40)}"` : '',
        blockingByScript: blockingByScript(items('long-tasks') as { url: string; duration: number }[]),
        score: Math.round((lhr.categories.performance?.score ?? Number.NaN) * 100),
        fcp: value('first-contentful-paint'),
        lcp: value('largest-contentful-paint'),
        tbt: value('total-blocking-time'),
        cls: value('cumulative-layout-shift'),
        bytes: value('total-byte-weight'),
      })
    }
  } finally {
    chrome.kill()
  }
  const pick = (key: keyof LighthouseFigures) => median(all.map((r) => r[key]))
  return {
    median: {
      score: pick('score'),
      fcp: pick('fcp'),
      lcp: pick('lcp'),
      tbt: pick('tbt'),
      cls: pick('cls'),
      bytes: pick('bytes'),
    },
    runs: all,
  }
}
