/** What the page's query string says: `?route=<id>&stop=<id>&lang=<tag>&mode=kiosk|studio&simulate`. */
export interface UrlState {
  routeId: string | null
  stopId: string | null
  lang: string | null
}

/** Reads the deep-link parameters from a query string. */
export function readUrlState(search: string): UrlState {
  const params = new URLSearchParams(search)
  return { routeId: params.get('route'), stopId: params.get('stop'), lang: params.get('lang') }
}

/** The query string for a stop and language, keeping every other parameter (route, mode, simulate) as it was. */
export function writeUrlState(search: string, state: { stopId: string | null; lang: string }): string {
  const params = new URLSearchParams(search)
  if (state.stopId) params.set('stop', state.stopId)
  else params.delete('stop')
  params.set('lang', state.lang)
  const text = params.toString()
  return text ? `?${text}` : ''
}
