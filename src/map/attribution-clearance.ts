/** Pixels between a status line and the attribution lifted above it. */
const GAP = 4

/**
 * A ref for a status line at the bottom of the map panel: while it is shown, the map's attribution (MapLibre's,
 * or the still map's) sits just above it instead of under it, however many lines either wraps to on a narrow
 * phone. The panel's `--map-status-clearance` (read in app.css) follows the status's height.
 */
export function clearAttribution(status: HTMLElement | null): (() => void) | undefined {
  const panel = status?.parentElement
  if (!status || !panel) return undefined
  const observer = new ResizeObserver(() => {
    const clearance = panel.getBoundingClientRect().bottom - status.getBoundingClientRect().top + GAP
    panel.style.setProperty('--map-status-clearance', `${Math.max(0, clearance)}px`)
  })
  observer.observe(status)
  return () => {
    observer.disconnect()
    panel.style.removeProperty('--map-status-clearance')
  }
}
