/** The same test the narration player (howler) uses to pick an encoding, so what is stored is what it plays. */
export async function playableTest(): Promise<(path: string) => boolean> {
  const { Howler } = await import('howler')
  return (path) => Howler.codecs(path.split('.').pop()?.toLowerCase() ?? '')
}
