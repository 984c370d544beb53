import { readFileSync } from 'node:fs'

import type { Browser, Page } from 'playwright-core'
import { inject } from 'vitest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { launchBrowser, saveScreenshot, waitForMap } from './browser'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser.close()
})

const problemsHeading = (page: Page) => page.locator('#problems-title').innerText()
const editorText = (page: Page) => page.locator('.cm-content').evaluate((el) => (el as HTMLElement).innerText)

const ROUTE_LINES = readFileSync('routes-data/pearl-river-night/route.json', 'utf8').split('\n')

/** Retypes the first line of the route file that contains `from`, as a curator would, with `to` in its place. */
async function edit(page: Page, from: string, to: string): Promise<void> {
  const index = ROUTE_LINES.findIndex((l) => l.includes(from.replace('sumary', 'summary')))
  await page.locator('.cm-content').click()
  await page.keyboard.press('Control+Home')
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown')
  await page.keyboard.press('End')
  await page.keyboard.press('Shift+Home')
  await page.keyboard.insertText(ROUTE_LINES[index]!.trim().replace(from, to))
}

describe('curator studio', () => {
  it('lists a typo at its line, jumps there, clears it when fixed, and restores the draft after a reload', async () => {
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } })
    const page = await context.newPage()
    await page.goto(new URL('/?mode=studio', inject('baseUrl')).href)
    await expect.poll(() => problemsHeading(page)).toBe('No problems')
    await expect.poll(() => editorText(page)).toContain('"pearl-river-night"')

    await edit(page, '"summary"', '"sumary"')
    await expect.poll(() => problemsHeading(page)).toMatch(/^[1-9]\d* errors/)
    const problem = page.locator('.studio-problems li', {
      hasText: 'unknown key "sumary": did you mean "summary"?',
    })
    const line = Number(/route\.json:(\d+):/.exec(await problem.innerText())?.[1] ?? 'NaN')
    expect(line).toBeGreaterThan(1)
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

    await edit(page, '"sumary"', '"summary"')
    await expect.poll(() => problemsHeading(page)).toBe('No problems')
    await page.getByRole('button', { name: 'Preview' }).click()
    await waitForMap(page)
    await saveScreenshot(page, 'studio-02-fixed-and-previewed')
    await context.close()
  })
})
