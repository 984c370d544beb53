/**
 * The address a visitor's phone opens from the kiosk's QR code: the same route, stop and language, at the
 * deployment's public address (the route index's `publicUrl`) or else at the kiosk's own page. Kiosk-only
 * parameters (mode, idle, dwell, …) stay behind.
 */
export function phoneUrl({
  publicUrl,
  page,
  routeId,
  stopId,
  lang,
}: {
  publicUrl: string | undefined
  /** The kiosk page's own URL (location.href). */
  page: string
  routeId: string
  stopId: string | null
  lang: string
}): string {
  const url = new URL(publicUrl ?? page)
  url.search = ''
  url.hash = ''
  // The kiosk's own `?route=` (a remote pack's URL) if it has one; else the id the index lists.
  url.searchParams.set('route', new URL(page).searchParams.get('route') ?? routeId)
  if (stopId) url.searchParams.set('stop', stopId)
  url.searchParams.set('lang', lang)
  return url.href
}
