import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

import { unzipSync } from 'fflate'

import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import type { Route } from '@/route/schema'

import { launchBrowser, saveScreenshot, waitForMap, waitForScene } from './browser'
import { XSS_PAYLOADS } from './xss-payloads'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser.close()
})

const ROUTE_FILE = 'routes-data/pearl-river-night/route.json'
const problemsHeading = (page: Page) => page.locator('#problems-title').innerText()
const editorText = (page: Page) => page.locator('.cm-content').evaluate((el) => (el as HTMLElement).innerText)

/** A desktop-sized studio page, with the route the build serves as its text. */
async function openStudio(): Promise<{
  context: BrowserContext
  page: Page
  served: string
  dialogs: string[]
}> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, locale: 'en-GB' })
  const page = await context.newPage()
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  await page.goto(new URL('/?mode=studio', inject('baseUrl')).href)
  const served = await page.evaluate(async (file) => (await fetch(`/${file}`)).text(), ROUTE_FILE)
  await expect.poll(() => problemsHeading(page)).toBe('No problems')
  await expect.poll(() => editorText(page)).toContain('"pearl-river-night"')
  return { context, page, served, dialogs }
}

/** What "Export JSON" downloads. */
async function exportJson(page: Page): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export JSON' }).click(),
  ])
  return readFileSync(await download.path(), 'utf8')
}

/** Opens a file in the studio through its file picker, as a curator would. */
async function openFile(page: Page, name: string, text: string): Promise<void> {
  await page.getByLabel('Open file…').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  })
}

/** The lines of `after` that differ from `before`, between their common start and end. */
function changedLines(before: string, after: string) {
  const a = before.split('\n')
  const b = after.split('\n')
  let start = 0
  while (start < a.length && a[start] === b[start]) start++
  let endA = a.length
  let endB = b.length
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--
    endB--
  }
  return { removed: a.slice(start, endA), added: b.slice(start, endB) }
}

/** Retypes the line of the editor that contains `from` (its first occurrence), with `to` in its place. */
async function retype(page: Page, text: string, from: string, to: string): Promise<void> {
  const lines = text.split('\n')
  const index = lines.findIndex((l) => l.includes(from))
  await page.locator('.cm-content').click()
  await page.keyboard.press('Control+Home')
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown')
  await page.keyboard.press('End')
  await page.keyboard.press('Shift+Home')
  await page.keyboard.insertText(lines[index]!.trim().replace(from, to))
}

/** Drags an element by (dx, dy) pixels with the mouse, in small steps. */
async function drag(page: Page, selector: string, dx: number, dy: number): Promise<void> {
  const box = (await page.locator(selector).boundingBox())!
  const x = box.x + box.width / 2
  const y = box.y + box.height / 2
  await page.mouse.move(x, y)
  await page.mouse.down()
  await page.mouse.move(x + dx, y + dy, { steps: 12 })
  await page.mouse.up()
}

describe('curator studio', () => {
  it('lists a typo at its line, jumps there, clears it when fixed, and restores the draft after a reload', async () => {
    const { context, page, served } = await openStudio()
    await retype(page, served, '"summary"', '"sumary"')
    await expect.poll(() => problemsHeading(page)).toMatch(/^[1-9]\d* errors/)
    const problem = page.locator('.studio-problems li', {
      hasText: 'unknown key "sumary": did you mean "summary"?',
    })
    const line = Number(/route\.json:(\d+):/.exec(await problem.innerText())?.[1] ?? 'NaN')
    expect(line).toBe(served.split('\n').findIndex((l) => l.includes('"summary"')) + 1)
    await saveScreenshot(page, 'studio-01-typo-listed')
    await problem.getByRole('button').click()
    await expect.poll(() => page.locator('.cm-activeLine').innerText()).toContain('"sumary"')
    expect(await page.locator('.cm-lint-marker-error').count()).toBeGreaterThan(0)

    // The draft survives a reload, and is offered back.
    await page.waitForTimeout(1500)
    await page.reload()
    await page.getByRole('button', { name: 'Restore' }).click()
    await expect.poll(() => editorText(page)).toContain('"sumary"')
    await expect.poll(() => problemsHeading(page)).toMatch(/^[1-9]\d* errors/)

    const draft = await editorText(page)
    await retype(page, draft, '"sumary"', '"summary"')
    await expect.poll(() => problemsHeading(page)).toBe('No problems')
    expect(await page.locator('.studio-problems li').count()).toBe(0)
    await page.getByRole('tab', { name: 'Preview' }).click()
    await waitForMap(page)
    await saveScreenshot(page, 'studio-02-fixed-and-previewed')
    await context.close()
  })

  it('warns, naming the stop and language, when a story no longer says what its narration’s captions say', async () => {
    const { context, page, served } = await openStudio()
    const stop = (JSON.parse(served) as Route).stops[1]!
    const start = JSON.stringify(stop.story['zh-Hans']).slice(1, 21)
    await retype(page, served, start, `新的开头。${start}`)
    const warning = page.locator('.studio-problems li', {
      hasText: `stop "${stop.id}", zh-Hans: the narration's captions no longer say what the title and story say`,
    })
    await expect.poll(() => warning.count()).toBe(1)
    expect(await warning.innerText()).toContain('/stops/1/narration/zh-Hans/captions')
    expect(await problemsHeading(page)).toBe('0 errors, 1 warnings')
    await saveScreenshot(page, 'studio-stale-narration')
    // The Languages tab marks that recording out of date, and only that one.
    await page.getByRole('tab', { name: 'Languages' }).click()
    const stale = page.locator('.studio-mark.stale')
    await expect.poll(() => stale.count()).toBe(1)
    expect(
      await page.locator(`tr[data-stop="${stop.id}"] td[data-lang="zh-Hans"] .studio-mark.stale`).count(),
    ).toBe(1)
    expect(await stale.getAttribute('aria-label')).toContain('audio: out of date')
    expect(await page.locator('.studio-matrix p').innerText()).toBe('1 gaps')
    await saveScreenshot(page, 'studio-stale-languages')
    await context.close()
  })

  it('lists every error of a broken file at its line and column', async () => {
    const { context, page, served } = await openStudio()
    const broken = served
      .replace('"zoom": 12.6', '"zoom": 99')
      .replace('"id": "customs-house"', '"id": "Customs House"')
    await openFile(page, 'broken.json', broken)
    await expect.poll(() => problemsHeading(page)).toBe('2 errors, 0 warnings')
    const lines = broken.split('\n')
    const at = (needle: string) => {
      const i = lines.findIndex((l) => l.includes(needle))
      return `broken.json:${i + 1}:${lines[i]!.indexOf(needle) + needle.indexOf(':') + 3}`
    }
    const listed = await page.locator('.studio-problems li').allInnerTexts()
    expect(listed.some((p) => p.startsWith(`${at('"zoom": 99')}  /map/zoom`))).toBe(true)
    expect(listed.some((p) => p.startsWith(`${at('"id": "Customs House"')}  /stops/`))).toBe(true)
    await context.close()
  })

  it('opens a version 1 file migrated, says what changed, and exports version 2 changed only there', async () => {
    const { context, page, served } = await openStudio()
    const trigger = /\n *"trigger": \{.*\},/g
    const v1 = served.replace('"schemaVersion": 2', '"schemaVersion": 1').replace(trigger, '')
    await openFile(page, 'old-route.json', v1)
    const notice = page.locator('.studio-migrated')
    await expect.poll(() => notice.innerText()).toContain('“old-route.json” was written for schemaVersion 1')
    expect(await notice.innerText()).toMatch(
      new RegExp(
        `${(JSON.parse(served) as Route).stops.length} stop\\(s\\) now start their narration within 300 m`,
      ),
    )
    await saveScreenshot(page, 'studio-03-migrated')

    const exported = await exportJson(page)
    const route = JSON.parse(exported) as Route
    expect(route.schemaVersion).toBe(2)
    expect(route.stops.every((s) => s.trigger.type === 'radius' && s.trigger.radius === 300)).toBe(true)
    // The file as it was, with the version and one trigger line per stop: nothing else moved.
    expect(exported).toBe(
      served.replace(trigger, (line) => line.replace(/\{.*\}/, '{ "type": "radius", "radius": 300 }')),
    )
    await context.close()
  })

  it('exports an untouched route byte for byte; a dragged stop changes only its position line; undo restores it', async () => {
    const { context, page, served } = await openStudio()
    expect(await exportJson(page)).toBe(served)
    await waitForMap(page)
    const route = JSON.parse(served) as Route
    const stop = route.stops[4]!
    const marker = `.studio-stop-marker[data-stop="${stop.id}"]`
    await drag(page, marker, 70, -45)
    await expect.poll(() => exportJson(page)).not.toBe(served)
    await saveScreenshot(page, 'studio-04-stop-dragged')

    const exported = await exportJson(page)
    const diff = changedLines(served, exported)
    expect(diff.removed).toEqual([`      "position": [${stop.position.join(', ')}],`])
    expect(diff.added).toHaveLength(1)
    expect(diff.added[0]).toMatch(/^ {6}"position": \[\d+\.\d+, \d+\.\d+\],$/)
    const moved = (JSON.parse(exported) as Route).stops[4]!.position
    // East and north of where it was, as dragged (screen up is north).
    expect(moved[0]).toBeGreaterThan(stop.position[0])
    expect(moved[1]).toBeGreaterThan(stop.position[1])
    expect(await problemsHeading(page)).toBe('No problems')

    await page.getByRole('button', { name: 'Undo' }).click()
    await expect.poll(() => exportJson(page)).toBe(served)
    await context.close()
  })

  it('adds a stop where the map is clicked, in the order of the cruise, and lists what it still needs', async () => {
    const { context, page, served } = await openStudio()
    await waitForMap(page)
    const route = JSON.parse(served) as Route
    const [a, b] = [route.stops[2]!, route.stops[3]!]
    const boxA = (await page.locator(`.studio-stop-marker[data-stop="${a.id}"]`).boundingBox())!
    const boxB = (await page.locator(`.studio-stop-marker[data-stop="${b.id}"]`).boundingBox())!
    await page.getByRole('button', { name: 'Add stop' }).click()
    // Between stops 3 and 4 on screen, so between them along the course.
    await page.mouse.click((boxA.x + boxB.x) / 2 + 14, (boxA.y + boxB.y) / 2 + 14)
    await expect.poll(() => problemsHeading(page)).toMatch(/^[1-9]\d* errors/)
    const listed = await page.locator('.studio-problems li').allInnerTexts()
    expect(listed.some((p) => p.includes('/stops/3/summary/zh-Hans  text is empty'))).toBe(true)
    expect(listed.some((p) => p.includes('/stops/3/story/zh-Hans  text is empty'))).toBe(true)
    expect(await page.getByLabel('Title').first().inputValue()).toBe('新站点')
    await saveScreenshot(page, 'studio-05-stop-added')

    const exported = JSON.parse(await exportJson(page)) as Route
    expect(exported.stops.map((s) => s.id)).toEqual([
      ...route.stops.slice(0, 3).map((s) => s.id),
      'new-stop',
      ...route.stops.slice(3).map((s) => s.id),
    ])
    await context.close()
  })

  it('drags a trigger radius handle and edits a title in the form, each changing one line', async () => {
    const { context, page, served } = await openStudio()
    await waitForMap(page)
    const route = JSON.parse(served) as Route
    const index = route.stops.findIndex((s) => s.trigger.type === 'radius')
    const stop = route.stops[index]!
    await page.getByLabel('Stop', { exact: true }).selectOption(String(index))
    await page.locator('.studio-handle').waitFor()
    const before = (await page.locator('.studio-handle').getAttribute('aria-label'))!
    await drag(page, '.studio-handle', 40, 0)
    await expect.poll(() => page.locator('.studio-handle').getAttribute('aria-label')).not.toBe(before)

    await page.getByLabel('Title').nth(1).fill(`${stop.title.en} (draft)`)
    await expect.poll(() => exportJson(page)).toContain(`${stop.title.en} (draft)`)
    const diff = changedLines(served, await exportJson(page))
    const trigger = diff.added.find((l) => l.includes('"trigger"'))
    expect(trigger).toMatch(/^ {6}"trigger": \{ "type": "radius", "radius": \d+ \},$/)
    expect(Number(/"radius": (\d+)/.exec(trigger!)![1])).toBeGreaterThan(
      stop.trigger.type === 'radius' ? stop.trigger.radius : 0,
    )
    expect(diff.added.filter((l) => !l.includes('"trigger"') && !served.includes(l))).toEqual([
      `        "en": "${stop.title.en} (draft)",`,
    ])
    await context.close()
  })

  it('completes keys from the schema, with their types', async () => {
    const { context, page, served } = await openStudio()
    const route = JSON.parse(served) as Route
    const index = route.stops.findIndex((s) => !s.hotspots)
    await page.getByLabel('Stop', { exact: true }).selectOption(String(index))
    await page.getByRole('button', { name: 'Show in the JSON' }).click()
    await page.keyboard.press('End')
    await page.keyboard.press('Enter')
    await page.keyboard.type('"hot')
    const popup = page.locator('.cm-tooltip-autocomplete')
    await expect.poll(() => popup.innerText()).toContain('hotspots')
    expect(await popup.innerText()).toContain('list of { id, label, text, position }')
    await saveScreenshot(page, 'studio-06-completion')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.locator('.cm-activeLine').innerText()).toContain('"hotspots": []')
    await context.close()
  })

  it('shows the language matrix with its gaps, and a gap appears when a story is removed', async () => {
    const { context, page, served } = await openStudio()
    const route = JSON.parse(served) as Route
    await page.getByRole('tab', { name: 'Languages' }).click()
    await expect.poll(() => page.locator('.studio-matrix p').first().innerText()).toBe('0 gaps')
    await page.getByRole('tab', { name: 'Map editing' }).click()
    await page.getByLabel('Stop', { exact: true }).selectOption('1')
    await page.getByLabel('Story').nth(2).fill('')
    await page.getByRole('tab', { name: 'Languages' }).click()
    await expect.poll(() => page.locator('.studio-matrix p').first().innerText()).toBe('1 gaps')
    const cell = page.locator(`tr[data-stop="${route.stops[1]!.id}"] td[data-lang="yue"] .studio-mark.gap`)
    expect(await cell.innerText()).toContain('story')
    await saveScreenshot(page, 'studio-07-language-matrix')
    await cell.click()
    await expect.poll(() => page.locator('.cm-activeLine').innerText()).toContain('"story"')
    await context.close()
  })

  it('sails the simulated boat from the selected stop in the preview', async () => {
    const { context, page } = await openStudio()
    await page.getByLabel('Stop', { exact: true }).selectOption('5')
    await page.getByRole('tab', { name: 'Preview' }).click()
    await waitForMap(page)
    await page.getByRole('button', { name: 'Simulate the cruise from this stop' }).click()
    const sailing = page.locator('.studio-sailing')
    const along = async () => Number(await sailing.getAttribute('data-along'))
    // It starts part of the way down the river, where stop 6 is, and moves on.
    await expect.poll(along).toBeGreaterThan(1000)
    const first = await along()
    await expect.poll(along).toBeGreaterThan(first)
    await saveScreenshot(page, 'studio-09-simulating')
    await page.getByRole('button', { name: 'Stop the simulation' }).click()
    expect(await sailing.count()).toBe(0)
    await context.close()
  })

  it('writes the orbited 3D view into the stop’s views', async () => {
    const { context, page, served } = await openStudio()
    const route = JSON.parse(served) as Route
    const index = route.stops.findIndex((s) => s.id === 'customs-house')
    const views = route.stops[index]!.views ?? []
    await page.getByLabel('Stop', { exact: true }).selectOption(String(index))
    await page.getByRole('tab', { name: 'Preview' }).click()
    await waitForScene(page, 'customs-house')
    await drag(page, '.scene-canvas canvas', 120, 30)
    await page.getByRole('button', { name: 'Use this 3D view' }).click()
    // Labelled in the route's default language, ready for the curator to rename, with the cursor there.
    await expect
      .poll(() => page.locator('.cm-activeLine').innerText())
      .toContain(`"label": { "zh-Hans": "视角 ${views.length + 1}" }`)
    await saveScreenshot(page, 'studio-08-view-captured')
    const stop = (JSON.parse(await exportJson(page)) as Route).stops[index]!
    expect(stop.views).toHaveLength(views.length + 1)
    const captured = stop.views!.at(-1)!
    expect(captured.id).toBe('view')
    expect(captured.position.every(Number.isFinite)).toBe(true)
    expect(captured.position).not.toEqual(captured.target)
    await context.close()
  })
})

/** The default route with every text field holding payloads, and (when `badKey`) a key that is one. */
function hostileRoute(served: string, badKey: boolean): string {
  const route = JSON.parse(served) as Route & Record<string, unknown>
  let n = 0
  const next = () => XSS_PAYLOADS[n++ % XSS_PAYLOADS.length]!
  const poison = (text: Record<string, string | undefined>) => {
    for (const lang of Object.keys(text)) text[lang] = `${next()} ${lang}`
  }
  poison(route.title)
  poison(route.summary)
  route.map.attribution = next()
  route.stops.forEach((stop) => {
    poison(stop.title)
    poison(stop.summary)
    poison(stop.story)
    if (stop.model) poison(stop.model.alt)
    for (const view of stop.views ?? []) poison(view.label)
    for (const hotspot of stop.hotspots ?? []) {
      poison(hotspot.label)
      poison(hotspot.text)
    }
    for (const source of stop.sources) source.title = next()
  })
  for (const credit of route.credits) {
    poison(credit.title)
    credit.author = next()
    credit.license = next()
  }
  if (badKey) (route.stops[0] as unknown as Record<string, unknown>)[XSS_PAYLOADS[1]!] = XSS_PAYLOADS[0]
  return JSON.stringify(route, null, 2)
}

/** Another route for another river, as a curator writes it from the docs: a file of its own, in no folder here. */
function secondRoute(served: string): string {
  const route = JSON.parse(served) as Route
  route.id = 'second-river'
  route.title = { 'zh-Hans': '第二条河', en: 'The second river', yue: '第二條河' }
  return JSON.stringify(route, null, 2)
}

/** Drops a file on the studio, as a curator drags one from the desktop. */
async function dropFile(page: Page, name: string, text: string): Promise<void> {
  const transfer = await page.evaluateHandle(
    ([fileName, fileText]) => {
      const data = new DataTransfer()
      data.items.add(new File([fileText], fileName, { type: 'application/json' }))
      return data
    },
    [name, text] as const,
  )
  await page.locator('.studio').dispatchEvent('drop', { dataTransfer: transfer })
}

describe('curator studio with a second route', () => {
  it('opens or drops a file of another route without the default route’s folder, and lists its files as not found', async () => {
    const { context, page, served } = await openStudio()
    const route = JSON.parse(served) as Route
    const fromDefaultFolder: string[] = []
    let opened = false
    page.on('request', (request) => {
      if (opened && request.url().includes(`/routes-data/${route.id}/`)) fromDefaultFolder.push(request.url())
    })
    for (const how of [openFile, dropFile]) {
      await how(page, 'second-river.json', secondRoute(served))
      await expect.poll(() => editorText(page)).toContain('"second-river"')
      // From here on, whatever the studio asks for is for the new file (the default route's map may still be
      // finishing its own requests until then).
      opened = true
      await expect.poll(() => problemsHeading(page)).toMatch(/^[1-9]\d* errors, 0 warnings$/)
      const listed = await page.locator('.studio-problems li').allInnerTexts()
      for (const file of Object.values(route.map.basemap))
        expect(listed).toContainEqual(
          expect.stringContaining(
            `file not found: "${file}" (paths are relative to the folder of route.json)`,
          ),
        )
      expect(listed.every((p) => p.includes('file not found'))).toBe(true)
      await expect.poll(() => page.locator('.studio-no-folder').innerText()).toContain('opened on its own')
      await saveScreenshot(page, `studio-12-second-route-${how === openFile ? 'opened' : 'dropped'}`)
      await page.getByRole('tab', { name: 'Preview' }).click()
      await expect.poll(() => page.locator('.studio-panel').innerText()).toContain('cannot see its folder')
      await page.getByRole('tab', { name: 'Languages' }).click()
      const audio = page.locator(`tr[data-stop="${route.stops[0]!.id}"] .studio-mark.missing`)
      await expect.poll(() => audio.count()).toBe(2 * Object.keys(route.stops[0]!.narration).length)
      await page.getByRole('tab', { name: 'Map editing' }).click()
    }
    // No pack without its files: Export route pack names the ones not found, and downloads nothing.
    let downloads = 0
    page.on('download', () => downloads++)
    await page.getByRole('button', { name: 'Export route pack' }).click()
    const refusal = await page.locator('.studio-notice[role="alert"]').innerText()
    expect(refusal).toContain('The route pack cannot be exported yet')
    for (const file of Object.values(route.map.basemap)) expect(refusal).toContain(file)
    expect(downloads).toBe(0)
    expect(fromDefaultFolder).toEqual([])
    opened = false

    // The default route's own file, opened the same way, takes its folder again.
    await openFile(page, 'route.json', served)
    await expect.poll(() => problemsHeading(page)).toBe('No problems')
    expect(await page.locator('.studio-no-folder').count()).toBe(0)
    await context.close()
  })

  it('counts a file as missing when the server answers index.html for it (a 200 for every path)', async () => {
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, locale: 'en-GB' })
    const page = await context.newPage()
    const served = readFileSync(`dist/${ROUTE_FILE}`, 'utf8')
    const stop = (JSON.parse(served) as Route).stops[0]!
    const track = stop.narration.en!
    const html = '<!doctype html><html lang="en"><head><title>App</title></head><body></body></html>'
    for (const file of [track.audio[0]!, track.captions])
      await page.route(`**/routes-data/*/${file}`, (request) =>
        request.fulfill({ status: 200, contentType: 'text/html', body: html }),
      )
    await page.goto(new URL('/?mode=studio', inject('baseUrl')).href)
    await expect.poll(() => problemsHeading(page)).toBe('2 errors, 0 warnings')
    const listed = await page.locator('.studio-problems li').allInnerTexts()
    expect(listed).toEqual([
      expect.stringContaining(`/stops/0/narration/en/audio/0  file not found: "${track.audio[0]}"`),
      expect.stringContaining(`/stops/0/narration/en/captions  file not found: "${track.captions}"`),
    ])
    await page.getByRole('tab', { name: 'Languages' }).click()
    await expect.poll(() => page.locator('.studio-matrix p').first().innerText()).toBe('2 gaps')
    const cell = page.locator(`tr[data-stop="${stop.id}"] td[data-lang="en"] .studio-mark.missing`)
    expect(await cell.allInnerTexts()).toEqual(['✗ audio', '✗ captions'])
    await saveScreenshot(page, 'studio-13-index-html-fallback')
    await context.close()
  })

  it('checks the basemap files’ contents: a label written [latitude, longitude] is listed with the pair it should be', async () => {
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, locale: 'en-GB' })
    const page = await context.newPage()
    const route = JSON.parse(readFileSync(`dist/${ROUTE_FILE}`, 'utf8')) as Route
    const [lng, lat] = route.map.center
    const labels = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [lat, lng] } }],
    }
    await page.route(`**/routes-data/*/${route.map.basemap.labels}`, (request) =>
      request.fulfill({ status: 200, contentType: 'application/geo+json', body: JSON.stringify(labels) }),
    )
    await page.goto(new URL('/?mode=studio', inject('baseUrl')).href)
    await expect.poll(() => editorText(page)).toContain(`"${route.id}"`)
    // Waited for: while the document loads, the list may still show the empty editor's "invalid JSON" for a moment.
    await expect
      .poll(() => page.locator('.studio-problems li').first().innerText())
      .toContain(
        `/map/basemap/labels  ${route.map.basemap.labels}, feature 0: [${lat}, ${lng}] is far from the route; ` +
          `GeoJSON is [longitude, latitude]: check [longitude, latitude] order: it looks swapped, did you mean [${lng}, ${lat}]?`,
      )
    expect(await problemsHeading(page)).toBe('1 errors, 0 warnings')
    await context.close()
  })
})

/** The route pack the autosaved draft in the page's IndexedDB plays its files from (idb-keyval's store). */
function autosavedPack(page: Page): Promise<string | undefined> {
  return page.evaluate(
    () =>
      new Promise<string | undefined>((resolve) => {
        const db = indexedDB.open('keyval-store')
        db.onerror = () => resolve(undefined)
        db.onsuccess = () => {
          try {
            const read = db.result
              .transaction('keyval')
              .objectStore('keyval')
              .get('reading-gz-by-water.studio-draft')
            read.onsuccess = () => resolve((read.result as { pack?: string } | undefined)?.pack)
            read.onerror = () => resolve(undefined)
          } catch {
            resolve(undefined)
          }
        }
      }),
  )
}

/** Plays the open stop's narration in the preview, and waits until it has played past its first second. */
async function playInPreview(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Preview' }).click()
  await waitForMap(page)
  await page.waitForSelector('.player[data-status="ready"]', { timeout: 30_000 })
  await page.click('.play-button')
  await page.waitForSelector('.player[data-status="playing"]')
  await expect
    .poll(() => page.locator('.player-seek').inputValue().then(Number), { timeout: 30_000 })
    .toBeGreaterThan(1)
  expect((await page.getByTestId('caption').innerText()).trim()).not.toBe('')
}

describe('route pack: one file out, one file in', () => {
  it('exports the pack as a zip the validator accepts, and opens it again playing from this browser alone, after a reload too', async () => {
    const { context, page, served } = await openStudio()
    const route = JSON.parse(served) as Route
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 120_000 }),
      page.getByRole('button', { name: 'Export route pack' }).click(),
    ])
    expect(download.suggestedFilename()).toBe(`${route.id}.zip`)
    const zipped = readFileSync(await download.path())
    await context.close()

    const folder = mkdtempSync(join(tmpdir(), 'route-pack-'))
    try {
      const entries = unzipSync(zipped)
      for (const [name, data] of Object.entries(entries)) {
        mkdirSync(dirname(join(folder, name)), { recursive: true })
        writeFileSync(join(folder, name), data)
      }
      expect(new TextDecoder().decode(entries[`${route.id}/route.json`])).toBe(served)
      const audio = route.stops[0]!.narration['zh-Hans']!.audio[0]!
      expect(
        Buffer.from(entries[`${route.id}/${audio}`]!).equals(
          readFileSync(join('routes-data', route.id, audio)),
        ),
      ).toBe(true)
      const file = join(folder, route.id, 'route.json')
      const report = execFileSync('npx', ['tsx', 'scripts/validate-route.ts', file], { encoding: 'utf8' })
      expect(report.trim()).toBe(`${file}: valid`)
    } finally {
      rmSync(folder, { recursive: true, force: true })
    }

    // A fresh studio with the route's folder out of reach: everything it plays comes from the zip.
    const fresh = await browser.newContext({
      viewport: { width: 1600, height: 1000 },
      locale: 'en-GB',
      serviceWorkers: 'block',
    })
    const asked: string[] = []
    await fresh.route(`**/routes-data/${route.id}/**`, (request) => {
      asked.push(request.request().url())
      return request.abort()
    })
    const second = await fresh.newPage()
    await second.goto(new URL('/?mode=studio', inject('baseUrl')).href)
    await second.getByLabel('Open route pack…').setInputFiles({
      name: `${route.id}.zip`,
      mimeType: 'application/zip',
      buffer: zipped,
    })
    await expect.poll(() => editorText(second)).toContain(`"${route.id}"`)
    await expect.poll(() => problemsHeading(second), { timeout: 60_000 }).toBe('No problems')
    const stopOptions = second.getByLabel('Stop', { exact: true }).locator('option')
    expect(await stopOptions.allInnerTexts()).toHaveLength(route.stops.length)
    await expect
      .poll(() => second.locator('.studio-stored').innerText())
      .toMatch(/kept in this browser: \d+\.\d MB/)
    await playInPreview(second)
    await saveScreenshot(second, 'studio-pack-opened-preview')

    // After a reload the draft comes back with its files, from IndexedDB.
    await expect.poll(() => autosavedPack(second)).toBe(`${route.id}.zip`)
    await second.reload()
    await second.getByRole('button', { name: 'Restore' }).click()
    await expect.poll(() => problemsHeading(second), { timeout: 60_000 }).toBe('No problems')
    expect(await stopOptions.allInnerTexts()).toHaveLength(route.stops.length)
    await playInPreview(second)
    // Exported again from this browser's files alone: the same pack.
    const [again] = await Promise.all([
      second.waitForEvent('download', { timeout: 120_000 }),
      second.getByRole('button', { name: 'Export route pack' }).click(),
    ])
    const reexported = unzipSync(readFileSync(await again.path()))
    expect(Object.keys(reexported).sort()).toEqual(Object.keys(unzipSync(zipped)).sort())
    expect(new TextDecoder().decode(reexported[`${route.id}/route.json`])).toBe(served)
    // Only the studio's opening look at the default route tried the folder; the pack's files never did.
    expect(asked.filter((url) => !url.endsWith('/route.json'))).toEqual([])

    await second.getByRole('button', { name: 'Remove this draft’s files' }).click()
    await expect.poll(() => second.locator('.studio-stored').count()).toBe(0)
    expect(await second.locator('.studio-notice[role="alert"]').innerText()).toContain(
      'no longer kept in this browser',
    )
    await fresh.close()
  })
})

describe('curator studio with hostile text', () => {
  it('shows every payload as text in the problems, the forms and the preview, and runs none', async () => {
    const { context, page, served, dialogs } = await openStudio()
    await openFile(page, 'hostile.json', hostileRoute(served, true))
    const problem = page.locator('.studio-problems li', { hasText: `unknown key "${XSS_PAYLOADS[1]}"` })
    await expect.poll(() => problem.count()).toBe(1)
    await saveScreenshot(page, 'studio-10-hostile-problem')

    await openFile(page, 'hostile.json', hostileRoute(served, false))
    // Valid, and every story replaced: each narration's captions no longer say what its story says.
    const tracks = (JSON.parse(served) as Route).stops.flatMap((stop) => Object.keys(stop.narration)).length
    await expect.poll(() => problemsHeading(page)).toBe(`0 errors, ${tracks} warnings`)
    for (const warning of await page.locator('.studio-problems li').allInnerTexts())
      expect(warning).toContain('captions no longer say what the title and story say')
    const title = await page.getByLabel('Title').first().inputValue()
    expect(XSS_PAYLOADS.some((p) => title.startsWith(p))).toBe(true)
    expect(await page.getByLabel('Story').first().inputValue()).toMatch(/^(<|\{|\$|"|\u202E|javascript)/)
    await page.getByRole('tab', { name: 'Languages' }).click()
    await page.getByRole('tab', { name: 'Preview' }).click()
    await waitForMap(page)
    const shownTitle = await page.locator('#stop-title').innerText()
    expect(XSS_PAYLOADS.some((p) => shownTitle.includes(p.replace(/[\u202E\u202C]/g, '').slice(0, 12)))).toBe(
      true,
    )
    await saveScreenshot(page, 'studio-11-hostile-preview')

    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined()
    expect(dialogs).toEqual([])
    const injected = await page
      .locator(
        'body script, iframe, svg[onload], img[onerror], details[ontoggle], a[href^="javascript:"], b[onmouseover]',
      )
      .count()
    expect(injected).toBe(0)
    await context.close()
  })
})
