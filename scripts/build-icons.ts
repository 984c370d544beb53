/**
 * Draws the app's PNG icons from public/favicon.svg: `npx tsx scripts/build-icons.ts`. ImageMagick's own SVG
 * renderer fills open stroked paths wrongly, so the SVG is drawn by the same headless Chromium the browser tests
 * use. The maskable icon shrinks the artwork into the central 80 % safe zone on the night-blue background, so a
 * launcher's circle or squircle mask never cuts the river or the pagoda.
 * @see https://web.dev/articles/maskable-icon
 */
import { mkdirSync, readFileSync } from 'node:fs'

import { chromium } from 'playwright-core'

const SOURCE = 'public/favicon.svg'
const OUT = 'public/icons'
const BACKGROUND = '#0b0f1c'
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** An icon: its file, its pixel size, the artwork's share of it, and whether the corners are filled. */
const ICONS = [
  { file: 'icon-192.png', size: 192, artwork: 1, filled: false },
  { file: 'icon-512.png', size: 512, artwork: 1, filled: false },
  { file: 'icon-maskable-512.png', size: 512, artwork: 0.8, filled: true },
  { file: 'apple-touch-icon.png', size: 180, artwork: 1, filled: true },
]

const svg = readFileSync(SOURCE, 'utf8')
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] })
try {
  mkdirSync(OUT, { recursive: true })
  for (const icon of ICONS) {
    const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } })
    const inner = Math.round(icon.size * icon.artwork)
    await page.setContent(
      `<html><body style="margin:0;width:${icon.size}px;height:${icon.size}px;display:grid;place-items:center;` +
        `background:${icon.filled ? BACKGROUND : 'transparent'}">` +
        `<img style="width:${inner}px;height:${inner}px" src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}">` +
        `</body></html>`,
    )
    await page.screenshot({ path: `${OUT}/${icon.file}`, omitBackground: !icon.filled })
    await page.close()
  }
} finally {
  await browser.close()
}
console.warn(`icons written to ${OUT}/`)
