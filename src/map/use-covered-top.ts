import { useLayoutEffect, useState, type RefObject } from 'react'

/**
 * Pixels at the top of the map hidden under what is laid over it: the elements in `layer` (a phone's position
 * panel). A stop's view is framed in the map below them.
 */
export function coveredTop(layer: HTMLElement | null): number {
  const panel = layer?.parentElement
  if (!layer || !panel) return 0
  const top = panel.getBoundingClientRect().top
  const bottoms = Array.from(layer.children, (child) => child.getBoundingClientRect().bottom - top)
  return Math.round(Math.max(0, ...bottoms))
}

/** `coveredTop`, kept up to date as the elements laid over the map change size (the still map redraws). */
export function useCoveredTop(layer: RefObject<HTMLElement | null>): number {
  const [covered, setCovered] = useState(0)
  useLayoutEffect(() => {
    const element = layer.current
    if (!element) return
    const measure = () => setCovered(coveredTop(element))
    const observer = new ResizeObserver(measure)
    for (const child of element.children) observer.observe(child)
    measure()
    return () => observer.disconnect()
  }, [layer])
  return covered
}
