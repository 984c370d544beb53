// @vitest-environment jsdom
import { act } from 'react'
import { createRoot } from 'react-dom/client'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { ErrorBoundary } from './error-boundary'

function Broken(): never {
  throw new Error('map engine exploded')
}

afterEach(() => {
  document.body.innerHTML = ''
  vi.restoreAllMocks()
})

describe('ErrorBoundary', () => {
  it('shows its fallback in place of a failing view, keeps its siblings, and logs the error once', () => {
    ;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const onError = vi.fn()
    const container = document.createElement('div')
    document.body.append(container)
    act(() => {
      createRoot(container).render(
        <>
          <ErrorBoundary fallback={<p>The map failed.</p>} onError={onError}>
            <Broken />
          </ErrorBoundary>
          <p>The stop list still works.</p>
        </>,
      )
    })
    expect(container.textContent).toBe('The map failed.The stop list still works.')
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'map engine exploded' }))
    expect(warn).toHaveBeenCalledTimes(1)
  })
})
