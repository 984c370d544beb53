import { describe, expect, it } from 'vitest'

import { addToHtml5Pool, unlockedAudioElements } from './unlock-audio'

/** An audio element stand-in that counts its loads. */
const element = (name: string) => ({
  name,
  loads: 0,
  load() {
    this.loads++
  },
})

describe('unlockedAudioElements', () => {
  it('makes the elements and loads each one at once', () => {
    let n = 0
    const elements = unlockedAudioElements(3, () => element(`a${n++}`))
    expect(elements.map((e) => [e.name, e.loads])).toEqual([
      ['a0', 1],
      ['a1', 1],
      ['a2', 1],
    ])
  })
})

describe('addToHtml5Pool', () => {
  it("puts them last in howler's pool, marked unlocked, and turns howler's own unlocker off", () => {
    const older = element('made by howler')
    const released: unknown[] = []
    const pool = {
      autoUnlock: true,
      _html5AudioPool: [older],
      // howler 2.2.4 keeps only elements marked as unlocked.
      _releaseHtml5Audio(audio: ReturnType<typeof element>) {
        released.push(audio)
        if ((audio as { _unlocked?: boolean })._unlocked) this._html5AudioPool.push(audio)
      },
    }
    const mine = [element('a0'), element('a1')]
    addToHtml5Pool(pool, mine)
    expect(pool._html5AudioPool.map((e) => e.name)).toEqual(['made by howler', 'a0', 'a1'])
    expect(released).toEqual(mine)
    expect(pool.autoUnlock).toBe(false)
  })
})
