/**
 * Lettering the real sites carry (a pier's name board, a hotel's roof sign), as geometry: the text is drawn by the
 * system's Noto CJK fonts (Debian's fonts-noto-cjk, as the browser tests use) into a small bitmap with sharp, and
 * each row's runs of inked pixels become flat quads. No texture, so it stays one primitive per material and sharp
 * at any distance the overview is seen from.
 */

import { BufferGeometry, Float32BufferAttribute } from 'three'
import sharp from 'sharp'

export interface SignOptions {
  /** Height of one character, in metres. */
  height: number
  /** Characters stacked top to bottom (a vertical shop sign) instead of left to right. */
  vertical?: boolean
  font?: 'sans' | 'serif'
  /** Pixels per character: the lettering's resolution. */
  pixels?: number
}

const FAMILY = { sans: 'Noto Sans CJK SC', serif: 'Noto Serif CJK SC' } as const

const escapeXml = (s: string) =>
  s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!)

/**
 * The text as flat quads in the XY plane facing +Z, centred on the origin; `height` metres a character. Throws
 * when nothing was inked (the CJK fonts are missing: install fonts-noto-cjk).
 */
export async function signText(text: string, options: SignOptions): Promise<BufferGeometry> {
  const px = options.pixels ?? 40
  const chars = [...text]
  const cols = options.vertical ? 1 : chars.length
  const rows = options.vertical ? chars.length : 1
  // Each character in its own cell, so that Latin capitals and CJK characters alike sit on a regular grid.
  const cells = chars
    .map((c, i) => {
      const x = (options.vertical ? 0.5 : i + 0.5) * px
      const y = (options.vertical ? i : 0) * px + px * 0.86
      return `<text x="${x}" y="${y}" text-anchor="middle">${escapeXml(c)}</text>`
    })
    .join('')
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${cols * px}" height="${rows * px}">` +
    `<rect width="100%" height="100%" fill="black"/>` +
    `<g fill="white" font-family="${FAMILY[options.font ?? 'sans']}" font-weight="bold" font-size="${px}">` +
    `${cells}</g></svg>`
  const { data, info } = await sharp(Buffer.from(svg)).greyscale().raw().toBuffer({ resolveWithObject: true })
  const m = options.height / px
  const w = info.width
  const h = info.height
  const pos: number[] = []
  const quad = (x0: number, x1: number, top: number, bottom: number) => {
    const [a, b, c, d] = [(x0 - w / 2) * m, (x1 - w / 2) * m, (h / 2 - bottom) * m, (h / 2 - top) * m]
    pos.push(a, c, 0, b, c, 0, b, d, 0, a, c, 0, b, d, 0, a, d, 0)
  }
  // Runs of inked pixels, each grown downward while the next row has the very same run.
  let open = new Map<string, number>()
  for (let y = 0; y <= h; y++) {
    const next = new Map<string, number>()
    let x = 0
    while (y < h && x < w) {
      if (data[y * w + x]! < 128) {
        x++
        continue
      }
      const start = x
      while (x < w && data[y * w + x]! >= 128) x++
      const key = `${start},${x}`
      next.set(key, open.get(key) ?? y)
    }
    for (const [key, top] of open) {
      if (next.has(key)) continue
      const [x0, x1] = key.split(',').map(Number) as [number, number]
      quad(x0, x1, top, y)
    }
    open = next
  }
  if (pos.length === 0)
    throw new Error(
      `sign "${text}": no pixel was inked; install the CJK fonts (apt-get install fonts-noto-cjk)`,
    )
  const g = new BufferGeometry()
  g.setAttribute('position', new Float32BufferAttribute(pos, 3))
  g.computeVertexNormals()
  return g
}
