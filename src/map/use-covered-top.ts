import { useEffect, useState, type RefObject } from 'react'

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

/**
 * `coveredTop`, kept up to date as the elements laid over the map change size (the still map redraws). Measured
 * when a ResizeObserver reports, after the browser's own layout: measuring while React commits would force the
 * first view's whole layout into that task.
 */
export function useCoveredTop(layer: RefObject<HTMLElement | null>): number {
  const [covered, setCovered] = useState(0)
  useEffect(() => {
    const element = layer.current
    if (!element) return
    const observer = new ResizeObserver(() => setCovered(coveredTop(element)))
    observer.observe(element)
    for (const child of element.children) observer.observe(child)
    return () => observer.disconnect()
  }, [layer])
  return covered
}
