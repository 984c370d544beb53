import { useEffect, useMemo, useState } from 'react'

import { assetPathProblem } from '@/route/asset-path'
import { assetUrl } from '@/route/asset-url'
import { namedFiles } from '@/route/pack-checks'

import { packFileExists } from './pack-file-check'

/** Which of the files a draft names are not in its pack; `checked` once every one has been asked about. */
export interface PackFiles {
  checked: boolean
  missing: ReadonlySet<string>
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
  const [found, setFound] = useState<{ key: string; missing: ReadonlySet<string> }>()
  const fullKey = `${packUrl ?? ''}\n${key}`
  useEffect(() => {
    let cancelled = false
    const paths = key === '' ? [] : key.split('\n')
    void Promise.all(
      paths.map(async (p) => (packUrl && (await packFileExists(assetUrl(packUrl, p), p)) ? null : p)),
    ).then((results) => {
      if (!cancelled)
        setFound({ key: fullKey, missing: new Set(results.filter((p): p is string => p !== null)) })
    })
    return () => {
      cancelled = true
    }
  }, [key, packUrl, fullKey])
  return useMemo(
    () =>
      found?.key === fullKey
        ? { checked: true, missing: found.missing }
        : { checked: false, missing: new Set() },
    [found, fullKey],
  )
}
