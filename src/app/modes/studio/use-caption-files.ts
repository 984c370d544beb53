import { useEffect, useMemo, useState } from 'react'

import { fetchLimitedText } from '@/lib/fetch-limited-text'
import { assetPathProblem } from '@/route/asset-path'
import { assetUrl } from '@/route/asset-url'
import type { NarrationMedia } from '@/route/trigger-checks'

import type { RouteDraft } from './route-draft'

/** Caption files are a few KB; the same limits as the player's. */
const MAX_CAPTION_BYTES = 1_000_000
const CAPTION_TIMEOUT_MS = 20_000

/** The caption paths the draft's narrations name, in file order. */
function captionPaths(draft: RouteDraft): string[] {
  const stops = draft.value?.stops
  if (!Array.isArray(stops)) return []
  const paths = stops.flatMap((stop: unknown) => {
    const narration = (stop as { narration?: unknown } | null)?.narration
    if (typeof narration !== 'object' || narration === null) return []
    return Object.values(narration).map(
      (track: unknown) => (track as { captions?: unknown } | null)?.captions,
    )
  })
  return [...new Set(paths.filter((p): p is string => typeof p === 'string' && assetPathProblem(p) === null))]
}

/**
 * The caption files of the route being edited, fetched from its folder once per set of paths, so the validator
 * can check them against the caption rules and the stories as the curator edits; undefined until they are read.
 * A file that cannot be read is left out (the languages tab shows it missing).
 */
export function useCaptionFiles(draft: RouteDraft, packUrl: string | null): NarrationMedia | undefined {
  // Without a folder there is nothing to read: the captions are reported missing.
  const key = packUrl === null ? '' : captionPaths(draft).join('\n')
  const [media, setMedia] = useState<{ key: string; media: NarrationMedia }>()
  useEffect(() => {
    let cancelled = false
    const paths = key === '' ? [] : key.split('\n')
    void Promise.all(
      paths.map((path) =>
        fetchLimitedText(assetUrl(packUrl ?? '', path), MAX_CAPTION_BYTES, CAPTION_TIMEOUT_MS).then(
          (text) => [path, text] as const,
          () => [path, undefined] as const,
        ),
      ),
    ).then((files) => {
      const texts = new Map(files)
      if (!cancelled)
        setMedia({
          key: `${packUrl}\n${key}`,
          media: { captionsText: (path) => texts.get(path), audioSeconds: () => undefined },
        })
    })
    return () => {
      cancelled = true
    }
  }, [key, packUrl])
  return useMemo(() => (media?.key === `${packUrl}\n${key}` ? media.media : undefined), [media, key, packUrl])
}
