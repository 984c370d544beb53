import type { DomainCheck, DomainProblem } from './validation-types'
import { closestKey } from './suggest'

/** Ids a curator can read in one message: the first ten and how many more (a long route has thousands). */
function listed(ids: readonly string[], most = 10): string {
  return ids.length <= most
    ? ids.join(', ')
    : `${ids.slice(0, most).join(', ')} and ${ids.length - most} more`
}

/** The kiosk block's references: every stop the attract loop opens on must exist, and be named once. */
export const kioskProblems: DomainCheck = (route) => {
  const problems: DomainProblem[] = []
  const ids = route.stops.map((stop) => stop.id)
  const seen = new Set<string>()
  route.kiosk?.attract?.stops.forEach((id, i) => {
    const path = ['kiosk', 'attract', 'stops', i]
    if (!ids.includes(id)) {
      const near = closestKey(id, ids)
      problems.push({
        severity: 'error',
        path,
        message: `no stop has the id "${id}"${near ? `: did you mean "${near}"?` : ''} (the stops are ${listed(ids)})`,
      })
    } else if (seen.has(id)) {
      problems.push({
        severity: 'warning',
        path,
        message: `stop "${id}" is listed twice: the attract loop shows it once; remove this entry`,
      })
    }
    seen.add(id)
  })
  return problems
}
