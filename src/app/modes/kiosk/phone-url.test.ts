import { describe, expect, it } from 'vitest'

import { phoneUrl } from './phone-url'

describe('phoneUrl', () => {
  const page = 'http://127.0.0.1:4173/?mode=kiosk&idle=60&dwell=45&stop=shamian&lang=en'

  it("opens the kiosk's route, stop and language at the deployment's public address", () => {
    expect(
      phoneUrl({
        publicUrl: 'https://tour.example.org/guangzhou/',
        page,
        routeId: 'pearl-river-night',
        stopId: 'canton-tower',
        lang: 'yue',
      }),
    ).toBe('https://tour.example.org/guangzhou/?route=pearl-river-night&stop=canton-tower&lang=yue')
  })

  it("falls back to the kiosk's own address, without its kiosk settings", () => {
    expect(phoneUrl({ publicUrl: undefined, page, routeId: 'r', stopId: null, lang: 'en' })).toBe(
      'http://127.0.0.1:4173/?route=r&lang=en',
    )
  })

  it("keeps the kiosk's own route parameter, so a remote pack opens on the phone too", () => {
    const remote = 'https://museum.example.org/app/?mode=kiosk&route=https%3A%2F%2Fpacks.example.org%2Fx%2F'
    expect(phoneUrl({ publicUrl: undefined, page: remote, routeId: 'x', stopId: 's', lang: 'en' })).toBe(
      'https://museum.example.org/app/?route=https%3A%2F%2Fpacks.example.org%2Fx%2F&stop=s&lang=en',
    )
  })
})
