import { kioskProblems } from './kiosk-checks'
import type { Lang, LocalisedText, Route } from './schema'
import { positionProblems } from './trigger-checks'
import type { DomainCheck, DomainProblem, ValidationContext } from './validation-types'

const LANGUAGE_NAMES: Record<Lang, string> = {
  'zh-Hans': 'Simplified Chinese',
  en: 'English',
  yue: 'Cantonese',
}

/** Every check of a schema-valid route, in the order their problems are listed: further checks join here. */
const CHECKS: readonly DomainCheck[] = [routeProblems, positionProblems, kioskProblems]

/** Checks that need the whole route: ids, languages, triggers (places and files: pack-checks.ts). */
export function domainProblems(route: Route, ctx: ValidationContext): DomainProblem[] {
  return CHECKS.flatMap((check) => check(route, ctx))
}

function routeProblems(route: Route): DomainProblem[] {
  const problems: DomainProblem[] = []
  const add = (path: DomainProblem['path'], message: string, severity: DomainProblem['severity'] = 'error') =>
    problems.push({ severity, path, message })
  const routeLanguages = new Set<string>(route.languages)
  const otherLanguages = route.languages.filter((lang) => lang !== route.defaultLanguage)

  const [[west, south], [east, north]] = route.bounds
  if (west >= east || south >= north) {
    add(['bounds'], 'bounds must be [[west, south], [east, north]] with west < east and south < north')
  }

  if (!routeLanguages.has(route.defaultLanguage)) {
    add(['languages'], `languages must include the default language "${route.defaultLanguage}"`)
  }
  const seenLangs = new Set<Lang>()
  route.languages.forEach((lang, i) => {
    if (seenLangs.has(lang)) add(['languages', i], `language "${lang}" is listed twice`)
    seenLangs.add(lang)
  })

  const checkText = (text: LocalisedText, path: DomainProblem['path']) => {
    if (text[route.defaultLanguage] === undefined) {
      add(
        path,
        `missing text in the default language "${route.defaultLanguage}": add a "${route.defaultLanguage}" entry`,
      )
    }
    for (const lang of otherLanguages) {
      if (text[lang] === undefined) {
        add(
          path,
          `no ${LANGUAGE_NAMES[lang]} ("${lang}") text: visitors will see the default language`,
          'warning',
        )
      }
    }
    for (const lang in text) {
      if (!routeLanguages.has(lang)) {
        add([...path, lang], `"${lang}" is not one of the route's languages (${route.languages.join(', ')})`)
      }
    }
  }

  checkText(route.title, ['title'])
  checkText(route.summary, ['summary'])
  if (route.introduction) {
    const intro = route.introduction
    checkText(intro.text, ['introduction', 'text'])
    checkText(intro.directions, ['introduction', 'directions'])
    const pierIds = new Map<string, number>()
    intro.piers.forEach((pier, i) => {
      const at = ['introduction', 'piers', i]
      const first = pierIds.get(pier.id)
      if (first !== undefined)
        add([...at, 'id'], `duplicate pier id "${pier.id}" (also used by /introduction/piers/${first})`)
      else pierIds.set(pier.id, i)
      checkText(pier.name, [...at, 'name'])
    })
  }

  const ids = new Map<string, number>()
  route.stops.forEach((stop, i) => {
    const at = ['stops', i]
    const first = ids.get(stop.id)
    if (first !== undefined)
      add([...at, 'id'], `duplicate stop id "${stop.id}" (also used by /stops/${first})`)
    else ids.set(stop.id, i)
    checkText(stop.title, [...at, 'title'])
    checkText(stop.summary, [...at, 'summary'])
    checkText(stop.story, [...at, 'story'])
    if (stop.kind === 'interlude') {
      for (const key of ['model', 'views', 'hotspots'] as const) {
        if (stop[key] !== undefined)
          add(
            [...at, key],
            `interlude "${stop.id}" has a "${key}": an interlude has no 3D view; remove "${key}", or make it a site ("kind": "site")`,
          )
      }
    } else if (!stop.model) {
      add(
        [...at, 'id'],
        `stop "${stop.id}" has no "model": add its 3D model, or mark a story with nothing to model "kind": "interlude"`,
      )
    }
    if (stop.model) {
      checkText(stop.model.alt, [...at, 'model', 'alt'])
    }
    stop.sources.forEach((source, j) => {
      if (!source.accessed)
        add(
          [...at, 'sources', j],
          `source "${source.title}" has no "accessed" date: add the date you read it, e.g. "accessed": "2026-12-07"`,
          'warning',
        )
    })
    for (const key of ['views', 'hotspots'] as const) {
      const seen = new Map<string, number>()
      stop[key]?.forEach((item, j) => {
        const first = seen.get(item.id)
        if (first !== undefined) {
          add(
            [...at, key, j, 'id'],
            `duplicate ${key === 'views' ? 'view' : 'hotspot'} id "${item.id}" in stop "${stop.id}" (also used by /stops/${i}/${key}/${first})`,
          )
        } else seen.set(item.id, j)
        checkText(item.label, [...at, key, j, 'label'])
        if ('text' in item) checkText(item.text, [...at, key, j, 'text'])
      })
    }
    for (const [lang, track] of Object.entries(stop.narration)) {
      if (!routeLanguages.has(lang)) {
        add([...at, 'narration', lang], `narration in "${lang}", which is not one of the route's languages`)
      }
      if (stop.kind === 'interlude') {
        track.cues?.forEach((cue, j) => {
          if (cue.type === 'camera-view' || cue.type === 'highlight-hotspot')
            add(
              [...at, 'narration', lang, 'cues', j, 'type'],
              `a "${cue.type}" cue in interlude "${stop.id}", which has no 3D view: use "fly-map", "highlight-map-feature" or "show-image"`,
            )
        })
      }
    }
  })

  route.credits.forEach((credit, i) => checkText(credit.title, ['credits', i, 'title']))
  return problems
}
