/**
 * The built app's Content-Security-Policy, as a meta tag (any static host serves it): code only from the app's
 * own origin, no eval (WebAssembly compilation is allowed for the meshopt decoder), workers from self and blob:
 * for MapLibre, media from self for the narration. A route index that allows remote route packs (`allowRemote`)
 * adds their origins to what the app may fetch, show and play: nothing else leaves the origin. `scriptHashes`:
 * the only inline scripts allowed (the build's preload of the default route), as `'sha256-…'` sources.
 * @see docs/security.md
 */
export function contentSecurityPolicy(
  allowRemote: readonly string[] = [],
  scriptHashes: readonly string[] = [],
): string {
  const remote = [...new Set(allowRemote.map((prefix) => new URL(prefix).origin))].join(' ')
  const withRemote = (sources: string) => (remote ? `${sources} ${remote}` : sources)
  return [
    "default-src 'self'",
    ["script-src 'self' 'wasm-unsafe-eval'", ...scriptHashes].join(' '),
    "worker-src 'self' blob:",
    "style-src 'self' 'unsafe-inline'",
    `img-src ${withRemote("'self' data: blob:")}`,
    `media-src ${withRemote("'self' data: blob:")}`,
    `connect-src ${withRemote("'self' data: blob:")}`,
    "font-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ')
}
