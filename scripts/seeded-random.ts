/** A seeded pseudo-random generator (mulberry32): the same numbers on every run (models, simulated GPS noise). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Gaussian noise with standard deviation `sigma` (Box–Muller) from a seeded generator. */
export function gaussian(random: () => number, sigma: number): number {
  const u = Math.max(random(), 1e-12)
  return sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random())
}
