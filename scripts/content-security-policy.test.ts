import { describe, expect, it } from 'vitest'

import { contentSecurityPolicy } from './content-security-policy'

const directive = (policy: string, name: string) => policy.split('; ').find((d) => d.startsWith(`${name} `))

describe('contentSecurityPolicy', () => {
  it('keeps everything on the app origin by default', () => {
    const policy = contentSecurityPolicy()
    expect(directive(policy, 'connect-src')).toBe("connect-src 'self' data: blob:")
    expect(directive(policy, 'script-src')).toBe("script-src 'self' 'wasm-unsafe-eval'")
    expect(policy).not.toMatch(/https?:/)
  })

  it("adds the allowed remote routes' origins to fetches, images and media only", () => {
    const policy = contentSecurityPolicy([
      'https://routes.museum.example/packs/',
      'https://routes.museum.example/other/',
      'https://cdn.example:8443/a/',
    ])
    for (const name of ['connect-src', 'img-src', 'media-src'])
      expect(directive(policy, name)).toBe(
        `${name} 'self' data: blob: https://routes.museum.example https://cdn.example:8443`,
      )
    expect(directive(policy, 'script-src')).toBe("script-src 'self' 'wasm-unsafe-eval'")
    expect(directive(policy, 'worker-src')).toBe("worker-src 'self' blob:")
  })
})
