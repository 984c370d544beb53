// @vitest-environment jsdom
import { act, createElement } from 'react'
import { createRoot } from 'react-dom/client'
import { describe, expect, it, vi } from 'vitest'

import { afterFirstGesture, onFirstActivation, useUserActivated } from './user-activation'

// First: the module hears the first touch of the whole file.
describe('useUserActivated and afterFirstGesture', () => {
  it('is false until the first touch, then true, also for views mounted later', async () => {
    ;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true
    const seen: boolean[] = []
    function Probe() {
      seen.push(useUserActivated())
      return null
    }
    const root = createRoot(document.body.appendChild(document.createElement('div')))
    act(() => root.render(createElement(Probe)))
    expect(seen.at(-1)).toBe(false)
    let settled = false
    const touched = afterFirstGesture().then(() => (settled = true))
    await Promise.resolve()
    expect(settled).toBe(false)
    act(() => {
      window.dispatchEvent(new Event('pointerdown'))
    })
    expect(seen.at(-1)).toBe(true)
    await Promise.resolve()
    expect(settled).toBe(false)
    // The gesture's end, then a task later: what its own handlers did comes first.
    const handled: string[] = []
    window.addEventListener('click', () => handled.push('click handler'), { once: true })
    window.dispatchEvent(new Event('click'))
    await touched
    handled.push('settled')
    expect(handled).toEqual(['click handler', 'settled'])
    // Asked for after the gesture, it settles at once.
    await afterFirstGesture()
    const later = createRoot(document.body.appendChild(document.createElement('div')))
    seen.length = 0
    act(() => later.render(createElement(Probe)))
    expect(seen).toEqual([true])
    root.unmount()
    later.unmount()
  })
})

describe('afterFirstGesture, for a finger', () => {
  it('waits past a pointerup for the tap’s later click, and settles without one after a while', async () => {
    vi.useFakeTimers()
    try {
      // A page not yet used: a fresh copy of the module (the tests above have touched this one).
      const fresh = async () => {
        vi.resetModules()
        return import('./user-activation')
      }
      let settled = 0
      const { afterFirstGesture: onTap, TAP_CLICK_WAIT_MS } = await fresh()
      void onTap().then(() => settled++)
      window.dispatchEvent(new Event('pointerdown'))
      window.dispatchEvent(new Event('pointerup'))
      await vi.advanceTimersByTimeAsync(TAP_CLICK_WAIT_MS - 100)
      expect(settled).toBe(0)
      window.dispatchEvent(new Event('click'))
      await vi.advanceTimersByTimeAsync(1)
      expect(settled).toBe(1)
      // A tap on text that sends no click.
      const { afterFirstGesture: onTouch } = await fresh()
      void onTouch().then(() => settled++)
      window.dispatchEvent(new Event('pointerdown'))
      window.dispatchEvent(new Event('pointerup'))
      await vi.advanceTimersByTimeAsync(TAP_CLICK_WAIT_MS + 1)
      expect(settled).toBe(2)
    } finally {
      vi.useRealTimers()
    }
  })
})

describe('onFirstActivation', () => {
  it('calls back once, on the first touch or key press, and then stops listening', () => {
    const then = vi.fn()
    onFirstActivation(then)
    window.dispatchEvent(new Event('scroll'))
    expect(then).not.toHaveBeenCalled()
    window.dispatchEvent(new Event('keydown'))
    window.dispatchEvent(new Event('pointerdown'))
    expect(then).toHaveBeenCalledTimes(1)
  })

  it('hears a touch that a handler stops from bubbling', () => {
    const then = vi.fn()
    onFirstActivation(then)
    const button = document.body.appendChild(document.createElement('button'))
    button.addEventListener('pointerdown', (event) => event.stopPropagation())
    button.dispatchEvent(new Event('pointerdown', { bubbles: true }))
    expect(then).toHaveBeenCalledTimes(1)
    button.remove()
  })

  it('calls nothing once stopped', () => {
    const then = vi.fn()
    onFirstActivation(then)()
    window.dispatchEvent(new Event('pointerdown'))
    expect(then).not.toHaveBeenCalled()
  })
})
