import { useEffect, useMemo, useState } from 'react'

import { fetchLimitedText } from '@/lib/fetch-limited-text'
import { assetPathProblem } from '@/route/asset-path'
import { assetUrl } from '@/route/asset-url'
import { namedFiles } from '@/route/pack-checks'

import { packFileExists, packFileKind } from './pack-file-check'

/**
 * Which of the files a draft names are not in its pack, and the text of its JSON files (the basemap's layers,
 * whose contents the validator checks); `checked` once every one has been asked about.
 */
export interface PackFiles {
  checked: boolean
  missing: ReadonlySet<string>
  texts: ReadonlyMap<string, string>
}

/** Basemap layers are a few hundred KB; the validator's limits for reading them. */
const MAX_JSON_BYTES = 20_000_000
const JSON_TIMEOUT_MS = 20_000

/** Whether a pack file is there, and its text when it is a JSON file that can be read. */
async function readPackFile(
  packUrl: string | null,
  path: string,
): Promise<{ found: boolean; text?: string }> {
  if (!packUrl) return { found: false }
  const url = assetUrl(packUrl, path)
  if (!(await packFileExists(url, path))) return { found: false }
  if (packFileKind(path) !== 'json') return { found: true }
  const text = await fetchLimitedText(url, MAX_JSON_BYTES, JSON_TIMEOUT_MS).catch(() => undefined)
  return text === undefined ? { found: true } : { found: true, text }
}

/**
 * Checks every file the draft names against its pack folder (`packUrl`), once per set of paths: each must answer
 * with the first bytes of its kind (pack-file-check.ts). A draft without a folder (a file opened on its own) has
 * none of its files.
 */
export function usePackFiles(value: unknown, packUrl: string | null): PackFiles {
  const key = useMemo(
    () =>
      namedFiles(value)
        .filter((p) => assetPathProblem(p) === null)
        .join('\n'),
    [value],
  )
  const [found, setFound] = useState<{
    key: string
    missing: ReadonlySet<string>
    texts: ReadonlyMap<string, string>
  }>()
  const fullKey = `${packUrl ?? ''}\n${key}`
  useEffect(() => {
    let cancelled = false
    const paths = key === '' ? [] : key.split('\n')
    void Promise.all(paths.map((p) => readPackFile(packUrl, p))).then((results) => {
      if (cancelled) return
      const missing = new Set(paths.filter((_, k) => !results[k]!.found))
      const texts = new Map<string, string>()
      results.forEach((r, k) => r.text !== undefined && texts.set(paths[k]!, r.text))
      setFound({ key: fullKey, missing, texts })
    })
    return () => {
      cancelled = true
    }
  }, [key, packUrl, fullKey])
  return useMemo(
    () =>
      found?.key === fullKey
        ? { checked: true, missing: found.missing, texts: found.texts }
        : { checked: false, missing: new Set<string>(), texts: new Map<string, string>() },
    [found, fullKey],
  )
}
