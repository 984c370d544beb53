import { readFileSync } from 'node:fs'

import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { parseVtt, type Cue } from '@/lib/parse-vtt'

import { closeCleanVisit, launchBrowser, openPhonePage, saveScreenshot, type PhonePage } from './browser'
import { ROUTE, stopById } from './route-data'

let browser: Browser
let phone: PhonePage | undefined

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser.close()
})
afterEach(async () => {
  if (phone) await closeCleanVisit(phone)
  phone = undefined
})

function cuesOf(stopId: string, lang: string) {
  return parseVtt(readFileSync(`routes-data/pearl-river-night/audio/${stopId}.${lang}.vtt`, 'utf8'))
}
const yueCues = (stopId: string) => cuesOf(stopId, 'yue')

const seekValue = (page: Page) => page.locator('.player-seek').inputValue().then(Number)
const caption = (page: Page) =>
  page
    .getByTestId('caption')
    .innerText()
    .then((text) => text.trim())
/** A Cantonese cue's lines as the transcript shows them: joined, as Chinese is written without spaces. */
const asInTranscript = (text: string) => text.split('\n').join('')
const currentLine = (page: Page) =>
  page
    .locator('.transcript button[aria-current="true"]')
    .allInnerTexts()
    .then((texts) => texts.join('|'))

/** Opens a stop in Cantonese by tapping 粤语, and starts its narration with a tap on play. */
async function playInCantonese(stopId: string, path = `/?stop=${stopId}`): Promise<Page> {
  phone = await openPhonePage(browser, path)
  const { page } = phone
  await page.getByRole('button', { name: '粤语' }).click()
  await expect.poll(() => page.locator('#stop-title').innerText()).toContain(stopById(stopId).title.yue)
  await page.waitForSelector('.player[data-status="ready"]', { timeout: 30_000 })
  await page.click('.play-button')
  await page.waitForSelector('.player[data-status="playing"]')
  return page
}

/** Pauses the playing track, then seeks it from the transcript to caption `index`, which starts at `start` s. */
async function pauseAtCaption(page: Page, index: number, start: number): Promise<void> {
  await page.click('.play-button') // pause, so that positions are exact
  await page.waitForSelector('.player[data-status="paused"]')
  await page.locator('.transcript summary').click()
  await page.locator('.transcript li button').nth(index).click()
  await expect.poll(() => seekValue(page)).toBeCloseTo(start, 1)
}

describe('narration in Cantonese, with the full player', () => {
  it('shows the Cantonese text and plays the Cantonese track with captions that advance', async () => {
    const stop = stopById('haizhu-bridge')
    const page = await playInCantonese('haizhu-bridge')
    expect(await page.locator('.story').innerText()).toContain(stop.story.yue!.split('\n')[0]!.slice(0, 20))
    expect(await page.locator('.stop-summary').innerText()).toBe(stop.summary.yue)
    // The app's own words are in Cantonese too.
    expect(await page.locator('.play-button').getAttribute('aria-label')).toBe('暫停解說')
    expect(phone!.requests.some((url) => url.endsWith('/audio/haizhu-bridge.yue.webm'))).toBe(true)

    const cues = yueCues('haizhu-bridge').map((c) => c.text)
    // Each caption is kept as read, its lines as the caption file breaks them.
    let first = ''
    await expect.poll(async () => (first = await caption(page)), { timeout: 15_000 }).not.toBe('')
    expect(cues).toContain(first)
    let later = ''
    await expect
      .poll(async () => (later = await caption(page)) !== first && later !== '', { timeout: 30_000 })
      .toBe(true)
    expect(cues).toContain(later)
    expect(cues.indexOf(later)).toBeGreaterThan(cues.indexOf(first))
    await saveScreenshot(page, 'narration-01-cantonese-playing')

    // The lock screen shows the stop and the route.
    const metadata = await page.evaluate(() => ({
      title: navigator.mediaSession.metadata?.title,
      artist: navigator.mediaSession.metadata?.artist,
      artwork: navigator.mediaSession.metadata?.artwork.length,
      state: navigator.mediaSession.playbackState,
    }))
    expect(metadata).toEqual({ title: stop.title.yue, artist: ROUTE.title.yue, artwork: 1, state: 'playing' })
  })

  it('holds a caption through a short pause between cues, and clears it in a long one', async () => {
    // A curator's captions with gaps: 0.6 s after the first cue, 2 s after the second.
    const vtt = [
      'WEBVTT',
      '00:00:00.000 --> 00:00:01.000\n第一句',
      '00:00:01.600 --> 00:00:02.600\n第二句',
      '00:00:04.600 --> 00:00:30.000\n第三句',
    ].join('\n\n')
    phone = await openPhonePage(browser, '/?stop=haizhu-bridge', {
      prepare: (context) =>
        context.route('**/audio/haizhu-bridge.yue.vtt', (route) =>
          route.fulfill({ status: 200, contentType: 'text/vtt', body: vtt }),
        ),
    })
    const { page } = phone
    await page.getByRole('button', { name: '粤语' }).click()
    await page.waitForSelector('.player[data-status="ready"]', { timeout: 30_000 })
    await page.click('.play-button')
    await page.waitForSelector('.player[data-status="playing"]')
    const seen: { time: number; caption: string }[] = []
    // Read as often as the page answers until the third cue shows (4.6 s in), for at most 30 s of wall time.
    const giveUp = Date.now() + 30_000
    while (!seen.some((s) => s.caption === '第三句')) {
      // The player's time and its caption, read together so that they belong to the same moment.
      seen.push(
        await page.evaluate(() => ({
          time: Number(document.querySelector<HTMLInputElement>('.player-seek')!.value),
          caption: document.querySelector<HTMLElement>('[data-testid="caption"]')!.innerText.trim(),
        })),
      )
      if (Date.now() > giveUp) throw new Error('the third caption never came')
    }
    const during = (from: number, to: number) => seen.filter((s) => s.time > from && s.time < to)
    // The short pause: still the first caption; the long pause: nothing.
    expect(during(1.0, 1.6).length).toBeGreaterThan(0)
    expect(new Set(during(1.0, 1.6).map((s) => s.caption))).toEqual(new Set(['第一句']))
    expect(during(2.6, 4.6).length).toBeGreaterThan(0)
    expect(new Set(during(2.6, 4.6).map((s) => s.caption))).toEqual(new Set(['']))
  })

  it('moves 10 s back and forth, and the transcript follows and seeks', async () => {
    const page = await playInCantonese('customs-house')
    await page.click('.play-button') // pause, so that positions are exact
    await page.waitForSelector('.player[data-status="paused"]')
    const before = await seekValue(page)
    await page.getByRole('button', { name: '向前10秒' }).click()
    expect(await seekValue(page)).toBeCloseTo(before + 10, 1)
    await page.getByRole('button', { name: '向前10秒' }).click()
    await page.getByRole('button', { name: '倒後10秒' }).click()
    expect(await seekValue(page)).toBeCloseTo(before + 10, 1)

    // The transcript lists every cue; the one being read is marked, and follows playback.
    await page.locator('.transcript summary').click()
    const cues = yueCues('customs-house')
    expect(await page.locator('.transcript li').count()).toBe(cues.length)
    const at = before + 10
    const expected = cues.find((c) => c.start <= at && at < c.end)
    if (expected) expect(await currentLine(page)).toContain(asInTranscript(expected.text))
    await page.click('.play-button')
    const marked = await currentLine(page)
    await expect.poll(() => currentLine(page), { timeout: 30_000 }).not.toBe(marked)
    expect(await currentLine(page)).toContain(asInTranscript(await caption(page)))

    // A line of the transcript seeks there.
    const target = cues[cues.length - 3]!
    await page
      .locator('.transcript li button')
      .nth(cues.length - 3)
      .click()
    await expect.poll(() => seekValue(page)).toBeGreaterThanOrEqual(target.start)
    expect(await seekValue(page)).toBeLessThan(target.end)
    expect(await caption(page)).toBe(target.text)
    expect(await currentLine(page)).toContain(asInTranscript(target.text))
    await saveScreenshot(page, 'narration-02-transcript')
  })

  it('goes on to the next stop and plays it at the end of a track when auto-advance is on', async () => {
    const page = await playInCantonese('tianzi-pier')
    const next = stopById('jiangwan')
    // While this track plays, the next stop's track is preloaded.
    await expect
      .poll(() => phone!.requests.some((url) => url.endsWith('/audio/jiangwan.yue.webm')), {
        timeout: 15_000,
      })
      .toBe(true)
    expect(await page.locator('#stop-title').innerText()).toContain(stopById('tianzi-pier').title.yue)

    await page.getByRole('checkbox', { name: '自動去下一站' }).check()
    const cues = yueCues('tianzi-pier')
    await page.locator('.transcript summary').click()
    await page
      .locator('.transcript li button')
      .nth(cues.length - 1)
      .click()
    await expect
      .poll(() => page.locator('#stop-title').innerText(), { timeout: 30_000 })
      .toContain(next.title.yue)
    await page.waitForSelector('.player[data-status="playing"]', { timeout: 30_000 })
    await expect.poll(() => seekValue(page), { timeout: 15_000 }).toBeGreaterThan(0.5)
    expect(new URL(page.url()).searchParams.get('stop')).toBe('jiangwan')
    expect(await page.evaluate(() => navigator.mediaSession.metadata?.title)).toBe(next.title.yue)
    await saveScreenshot(page, 'narration-03-auto-advanced')

    // The choice is remembered on the next visit.
    await page.goto(new URL('/?stop=haixinsha', phone!.baseUrl).href)
    await expect
      .poll(() => page.getByRole('checkbox', { name: '自動去下一站' }).isChecked(), { timeout: 30_000 })
      .toBe(true)
  })

  it('applies the timed cues of the track at the right times, after seeking back and forth', async () => {
    const page = await playInCantonese('haizhu-bridge')
    await page.click('.play-button')
    await page.waitForSelector('.player[data-status="paused"]')
    await page.locator('.transcript summary').click()
    const player = page.locator('.player')
    const state = async () => ({
      camera: await player.getAttribute('data-cue-camera'),
      hotspot: await player.getAttribute('data-cue-hotspot'),
      map: await player.getAttribute('data-cue-map'),
      feature: await player.getAttribute('data-cue-feature'),
    })
    const cues = yueCues('haizhu-bridge')
    const line = (text: string) => cues.findIndex((c) => c.text.includes(text))
    const seekToLine = async (text: string) => {
      await page.locator('.transcript li button').nth(line(text)).click()
      await expect.poll(() => currentLine(page)).toContain(text)
    }
    const stop = stopById('haizhu-bridge')
    const map = `${stop.position.join(',')}@16`

    await seekToLine('中間嗰一孔')
    expect(await state()).toEqual({
      camera: 'from-the-water',
      hotspot: 'centre-span',
      map,
      feature: 'bridges:海珠桥',
    })
    // The 3D view follows the cue: its camera arrives at the cued view.
    await expect
      .poll(() => page.locator('.scene-host [data-view]').getAttribute('data-view'))
      .toBe('from-the-water')
    await seekToLine('搵下桁架')
    expect(await state()).toMatchObject({ camera: 'along-the-deck', hotspot: 'name-plaque' })
    // Back to the start: the later cues are undone, only the opening ones apply.
    await seekToLine('睇下呢條')
    expect(await state()).toEqual({ camera: null, hotspot: null, map, feature: 'bridges:海珠桥' })
    await expect.poll(() => page.locator('.scene-host [data-view]').getAttribute('data-view')).toBe('')
    // Forward past the end of the centre-span highlight: the camera stays, the highlight has ended.
    await seekToLine('同廣州分唔開')
    expect(await state()).toMatchObject({ camera: 'from-the-water', hotspot: null })
    await seekToLine('大修咗')
    expect(await state()).toMatchObject({ camera: 'from-the-water', hotspot: 'rivets' })
  })

  it('never plays silence: a stop with no Cantonese track says so and plays another language', async () => {
    phone = await openPhonePage(browser, '/?stop=shamian&lang=yue', {
      prepare: (context) =>
        context.route(/\/pearl-river-night\/route\.json$/, async (route) => {
          const response = await route.fetch()
          const json = (await response.json()) as typeof ROUTE
          for (const stop of json.stops) if (stop.id === 'shamian') delete stop.narration.yue
          await route.fulfill({ response, json })
        }),
    })
    const { page } = phone
    await expect.poll(() => page.locator('#stop-title').innerText()).toContain(stopById('shamian').title.yue)
    const voices = await page.evaluate(() => speechSynthesis.getVoices().map((v) => v.lang))
    const player = page.locator('.player')
    if (voices.some((lang) => /^(yue|zh-HK|zh-MO)/i.test(lang))) {
      // A device with a Cantonese voice reads the story itself.
      expect(await player.getAttribute('data-plan')).toBe('speech')
      expect(await page.locator('.player .notice').innerText()).toBe(
        '呢種語言暫時未有錄音，由裝置嘅語音讀出故事。',
      )
      return
    }
    expect(await player.getAttribute('data-plan')).toBe('other-language')
    expect(await page.locator('.player .notice').innerText()).toBe(
      '暫時未有粤语錄音，而家播緊中文錄音；粤语全文喺下面。',
    )
    await page.click('.play-button')
    await page.waitForSelector('.player[data-status="playing"]', { timeout: 30_000 })
    expect(phone.requests.some((url) => url.endsWith('/audio/shamian.zh-Hans.webm'))).toBe(true)
    const zhCues = parseVtt(readFileSync('routes-data/pearl-river-night/audio/shamian.zh-Hans.vtt', 'utf8'))
    // The caption as read, its lines as the caption file breaks them.
    let shown = ''
    await expect.poll(async () => (shown = await caption(page)), { timeout: 15_000 }).not.toBe('')
    expect(zhCues.map((c) => c.text)).toContain(shown)
    expect(await page.locator('.story').innerText()).toContain(stopById('shamian').story.yue!.slice(0, 20))
    await saveScreenshot(page, 'narration-04-fallback')
  })
})

describe('a change of language mid-story', () => {
  /** Where `time` in `from` falls, as a fraction of the story, in `to`: the start of the caption there. */
  const proportional = (time: number, from: Cue[], to: Cue[]) => {
    const at = (time / from.at(-1)!.end) * to.at(-1)!.end
    return to.filter((c) => c.start <= at).at(-1)!.start
  }

  it('goes on from the same place in the story, in the new language', async () => {
    const [yue, zh, en] = ['yue', 'zh-Hans', 'en'].map((lang) => cuesOf('customs-house', lang)) as [
      Cue[],
      Cue[],
      Cue[],
    ]
    // Cantonese and Mandarin read the same sentences; English has more, shorter captions.
    expect(yue.length).toBe(zh.length)
    expect(en.length).not.toBe(zh.length)
    const page = await playInCantonese('customs-house')
    await pauseAtCaption(page, 6, yue[6]!.start)

    // To 中文: the same sentence, at its start.
    await page.getByRole('button', { name: '中文' }).click()
    await page.waitForSelector('.player[data-status="ready"]', { timeout: 30_000 })
    await expect.poll(() => seekValue(page)).toBeCloseTo(zh[6]!.start, 1)
    expect(await caption(page)).toBe(zh[6]!.text)
    expect(phone!.requests.some((url) => url.endsWith('/audio/customs-house.zh-Hans.webm'))).toBe(true)

    // To English: as far into the story, from the start of the caption there.
    const inEnglish = proportional(zh[6]!.start, zh, en)
    console.log(
      `customs-house: 粤语 ${yue[6]!.start} s → 中文 ${zh[6]!.start} s → English ${inEnglish} s ` +
        `(of ${yue.at(-1)!.end}, ${zh.at(-1)!.end} and ${en.at(-1)!.end} s)`,
    )
    expect(inEnglish).toBeGreaterThan(10)
    await page.getByRole('button', { name: 'English' }).click()
    await page.waitForSelector('.player[data-status="ready"]', { timeout: 30_000 })
    await expect.poll(() => seekValue(page)).toBeCloseTo(inEnglish, 1)
    expect(await caption(page)).toBe(en.find((c) => c.start === inEnglish)!.text)

    // While it plays: back to 粤语, and it goes on playing from about there.
    await page.click('.play-button')
    await page.waitForSelector('.player[data-status="playing"]')
    await page.waitForTimeout(1500)
    const before = await seekValue(page)
    await page.getByRole('button', { name: '粤语' }).click()
    await page.waitForSelector('.player[data-status="playing"]', { timeout: 30_000 })
    const after = await seekValue(page)
    // The switch came 0–1 s after `before` was read (the time is reported four times a second).
    const earliest = proportional(before, en, yue)
    const latest = proportional(before + 1, en, yue)
    console.log(`English ${before.toFixed(2)} s → 粤语 ${after.toFixed(2)} s (expected from ${earliest} s)`)
    expect(after).toBeGreaterThan(0)
    expect(after).toBeGreaterThanOrEqual(earliest - 0.1)
    expect(after).toBeLessThanOrEqual(latest + 2)
    await expect.poll(() => seekValue(page)).toBeGreaterThan(after)
    await saveScreenshot(page, 'narration-05-language-switched')
  })

  it('goes on from the same place when the language changes again before the first change has placed it', async () => {
    const [yue, en] = ['yue', 'en'].map((lang) => cuesOf('customs-house', lang)) as [Cue[], Cue[]]
    const page = await playInCantonese('customs-house')
    await pauseAtCaption(page, 6, yue[6]!.start)

    // 中文's captions and recording are held back: its place is still being found when the next change comes.
    const held: string[] = []
    await page.route(/\/audio\/customs-house\.zh-Hans\.(vtt|webm|mp3)$/, (route) => {
      held.push(route.request().url())
    })
    const heldCaptions = () => held.filter((url) => url.endsWith('.vtt')).length
    const switchViaMandarin = async (to: string) => {
      const before = heldCaptions()
      await page.getByRole('button', { name: '中文' }).click()
      await page.waitForSelector('.player[data-status="loading"]')
      await expect.poll(heldCaptions).toBeGreaterThan(before)
      await page.getByRole('button', { name: to }).click()
      await page.waitForSelector('.player[data-status="ready"]', { timeout: 30_000 })
    }

    // 粤语 → 中文 → English: English starts where 粤语 was, not at 0 s.
    await switchViaMandarin('English')
    const inEnglish = proportional(yue[6]!.start, yue, en)
    console.log(`customs-house: 粤语 ${yue[6]!.start} s → (中文, still placing) → English ${inEnglish} s`)
    expect(inEnglish).toBeGreaterThan(10)
    await expect.poll(() => seekValue(page)).toBeCloseTo(inEnglish, 1)
    expect(await caption(page)).toBe(en.find((c) => c.start === inEnglish)!.text)

    // English → 中文 → English: the recording heard goes on from exactly where it was.
    await page.click('.play-button')
    await page.waitForSelector('.player[data-status="playing"]')
    await expect.poll(() => seekValue(page)).toBeGreaterThan(inEnglish + 1)
    await page.click('.play-button')
    await page.waitForSelector('.player[data-status="paused"]')
    const paused = await seekValue(page)
    await switchViaMandarin('English')
    await expect.poll(() => seekValue(page)).toBeCloseTo(paused, 1)
    await saveScreenshot(page, 'narration-06-language-switched-twice')
  })
})
