import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { launchBrowser, openPhonePage, waitForMap, waitForScene } from './browser'
import { stopById } from './route-data'

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser.close()
})

interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: { target: string[] }[]
}

/** axe-core's serious and critical findings on the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated rather than added as a <script>: the app's Content-Security-Policy rightly refuses inline scripts.
  await page.evaluate(readFileSync(axePath, 'utf8'))
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (o: object) => Promise<{ violations: AxeViolation[] }> } }
    ).axe
    const result = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] } })
    return result.violations
  })
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)
}

describe('accessibility', () => {
  it('has no serious or critical axe violations on the stop list and the still map, then the live map', async () => {
    const { page, context } = await openPhonePage(browser, '/')
    await page.waitForSelector('.still-map .still-map-stop')
    expect(await seriousViolations(page)).toEqual([])
    await waitForMap(page)
    expect(await seriousViolations(page)).toEqual([])
    await context.close()
  })

  it('has no serious or critical axe violations on an open stop, in English', async () => {
    const { page, context } = await openPhonePage(browser, '/?stop=customs-house&lang=en')
    await waitForScene(page, 'customs-house')
    expect(await seriousViolations(page)).toEqual([])
    await context.close()
  })

  it('has no serious or critical axe violations while a story plays, in the credits and on the offline panel', async () => {
    const { page, context } = await openPhonePage(browser, '/?stop=canton-tower&lang=en')
    await waitForScene(page, 'canton-tower')
    await page.click('.play-button')
    await page.waitForSelector('.player[data-status="playing"]', { timeout: 30_000 })
    expect(await seriousViolations(page)).toEqual([])
    // The position chip, after "Not now".
    await page.getByRole('button', { name: 'Not now' }).click()
    expect(await seriousViolations(page)).toEqual([])
    await page.getByRole('button', { name: 'Credits' }).click()
    await page.waitForSelector('dialog.credits[open]')
    expect(await seriousViolations(page)).toEqual([])
    await page.getByRole('button', { name: 'Close' }).click()
    await page.getByRole('button', { name: 'Download this tour for offline' }).click()
    await page.waitForSelector('.offline-panel[data-phase="offer"]', { timeout: 30_000 })
    expect(await seriousViolations(page)).toEqual([])
    await context.close()
  })

  it('opens a stop with the keyboard alone and moves focus to its title', async () => {
    const { page, context } = await openPhonePage(browser, '/?lang=en')
    await page.waitForSelector('.stop-list li')
    const target = page.locator('[data-stop-id="shamian"]')
    await target.focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('stop-title')
    expect(await page.locator('#stop-title').innerText()).toContain(stopById('shamian').title.en)
    await page.waitForSelector('.player[data-status="ready"]', { timeout: 30_000 })
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Play narration',
    )
    await context.close()
  })
  it('starts the live map from the keyboard and hands it the focus', async () => {
    const { page, context } = await openPhonePage(browser, '/?lang=en')
    const still = page.getByRole('button', {
      name: 'Map of Reading Guangzhou by Water: the Pearl River at Night: tap to move and zoom it',
    })
    await still.focus()
    const scrolled = await page.evaluate(() => window.scrollY)
    await page.keyboard.press(' ')
    await page.waitForSelector('.map-panel[data-state="ready"]', { timeout: 60_000 })
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.classList.contains('maplibregl-canvas')))
      .toBe(true)
    // Space started the map; it did not also scroll the page.
    expect(await page.evaluate(() => window.scrollY)).toBe(scrolled)
    await context.close()
  })
})
