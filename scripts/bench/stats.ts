/** Small numeric helpers for the bench. */

/** The median of the values (the mean of the middle two for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  const sorted = [...values].filter((v) => Number.isFinite(v)).sort((a, b) => a - b)
  if (sorted.length === 0) return Number.NaN
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** Kilobytes (1000 bytes), one decimal. */
export function kb(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} KB`
}

/** Renders rows as a plain-text table with aligned columns. */
export function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? '')].length)))
  const line = (r: readonly string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd()
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n')
}

/** Sums long tasks' time over 50 ms per script file name (content hash removed), "other" when unattributed. */
export function blockingByScript(
  longTasks: readonly { url: string; duration: number }[],
): Record<string, number> {
  const byScript: Record<string, number> = {}
  for (const task of longTasks) {
    const file = /\/assets\/([^/]+?)(?:-[\w-]{8})?\.m?js$/.exec(task.url)?.[1] ?? 'other'
    byScript[file] = (byScript[file] ?? 0) + Math.max(0, task.duration - 50)
  }
  return byScript
}
