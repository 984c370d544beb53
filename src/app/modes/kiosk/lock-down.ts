/**
 * Keeps a public touch screen inside the app: no context menu, text selection, pinch or double-tap page zoom,
 * external links or new windows. Returns the undo, for the effect's cleanup.
 */
export function lockDown(doc: Document): () => void {
  const prevent = (event: Event) => event.preventDefault()
  const onClick = (event: MouseEvent) => {
    const link = (event.target as Element | null)?.closest?.('a[href]')
    if (link && (link as HTMLAnchorElement).origin !== location.origin) event.preventDefault()
  }
  const onTouchMove = (event: TouchEvent) => {
    // Pinch on the page itself zooms it; the map and the 3D view handle their own gestures.
    if (event.touches.length > 1 && !(event.target as Element | null)?.closest?.('.map, .scene-host')) {
      event.preventDefault()
    }
  }
  const view = doc.defaultView
  const originalOpen = view ? Object.getOwnPropertyDescriptor(view, 'open') : undefined
  if (view) Object.defineProperty(view, 'open', { configurable: true, writable: true, value: () => null })
  const viewport = doc.querySelector('meta[name="viewport"]')
  const originalViewport = viewport?.getAttribute('content')
  viewport?.setAttribute('content', 'width=device-width, initial-scale=1, maximum-scale=1, user-scalable=no')
  doc.addEventListener('contextmenu', prevent)
  doc.addEventListener('selectstart', prevent)
  doc.addEventListener('dragstart', prevent)
  doc.addEventListener('gesturestart', prevent)
  doc.addEventListener('click', onClick, true)
  doc.addEventListener('touchmove', onTouchMove, { passive: false })
  doc.documentElement.classList.add('locked-down')
  return () => {
    if (view && originalOpen) Object.defineProperty(view, 'open', originalOpen)
    if (originalViewport) viewport?.setAttribute('content', originalViewport)
    doc.removeEventListener('contextmenu', prevent)
    doc.removeEventListener('selectstart', prevent)
    doc.removeEventListener('dragstart', prevent)
    doc.removeEventListener('gesturestart', prevent)
    doc.removeEventListener('click', onClick, true)
    doc.removeEventListener('touchmove', onTouchMove)
    doc.documentElement.classList.remove('locked-down')
  }
}
