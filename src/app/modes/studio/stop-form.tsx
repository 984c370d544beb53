import { useId, useState, type ReactNode } from 'react'

import { LANGUAGE_LABELS } from '@/i18n/messages'
import type { Lang } from '@/route/schema'

import type { JsonPath } from './json-edit'
import { nearestPoint } from './map-geometry'
import { valueAt, type DraftChange, type RouteDraft } from './route-draft'
import type { StudioT } from './studio-t'

interface Props {
  draft: RouteDraft
  selected: number | null
  onSelect: (index: number) => void
  change: (...changes: DraftChange[]) => void
  /** Shows a path of the file in the editor. */
  reveal: (path: JsonPath) => void
  t: StudioT
}

function Field({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId()
  return (
    <div className="studio-field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  )
}

/** A text input bound to a string of the file; clearing it removes the key (the validator then says what is missing). */
function TextField(props: {
  label: string
  path: JsonPath
  draft: RouteDraft
  change: Props['change']
  multiline?: boolean
  lang?: Lang
}) {
  const { label, path, draft, change, multiline, lang } = props
  const raw = valueAt(draft.value, path)
  const value = typeof raw === 'string' ? raw : ''
  const write = (next: string) => change({ kind: 'set', path, value: next === '' ? undefined : next })
  return (
    <Field label={label}>
      {(id) =>
        multiline ? (
          <textarea id={id} lang={lang} value={value} rows={4} onChange={(e) => write(e.target.value)} />
        ) : (
          <input id={id} lang={lang} value={value} onChange={(e) => write(e.target.value)} />
        )
      }
    </Field>
  )
}

/**
 * A number bound to the file: what is typed stays as typed until it is a number, and only numbers are written
 * (so "113." on the way to "113.25" does not break the JSON). Emptying an optional number removes it.
 */
function NumberField(props: {
  label: string
  path: JsonPath
  draft: RouteDraft
  change: Props['change']
  optional?: boolean
  step?: number
}) {
  const { label, path, draft, change, optional, step } = props
  const raw = valueAt(draft.value, path)
  const value = typeof raw === 'number' ? String(raw) : ''
  const [typed, setTyped] = useState(value)
  const [shown, setShown] = useState(value)
  if (shown !== value) {
    // The file changed elsewhere (the map, the editor, undo): show its value.
    setShown(value)
    setTyped(value)
  }
  const invalid = typed.trim() !== '' && !Number.isFinite(Number(typed))
  return (
    <Field label={label}>
      {(id) => (
        <input
          id={id}
          inputMode="decimal"
          step={step}
          value={typed}
          aria-invalid={invalid}
          onChange={(e) => {
            const next = e.target.value
            setTyped(next)
            if (next.trim() === '' && optional) change({ kind: 'remove', path })
            else if (next.trim() !== '' && Number.isFinite(Number(next))) {
              setShown(String(Number(next)))
              change({ kind: 'set', path, value: Number(next) })
            }
          }}
        />
      )}
    </Field>
  )
}

/**
 * Forms for the selected stop's common fields. Each input writes its value into the JSON text as a small edit,
 * like the map does: the editor and the problems update, and undo takes it back.
 */
export function StopForm({ draft, selected, onSelect, change, reveal, t }: Props) {
  if (!draft.value) return <p className="status">{t('studioFormNeedsJson')}</p>
  if (draft.stops.length === 0) return <p className="status">{t('studioNoStops')}</p>
  const index = selected !== null && selected < draft.stops.length ? selected : 0
  const stop = draft.stops[index]!
  const base: JsonPath = ['stops', index]
  const trigger = valueAt(draft.value, [...base, 'trigger', 'type'])
  const common = { draft, change }
  /** A radius of 300 m, or the stretch of course from two points before the stop to two after it. */
  const newTrigger = (type: string) => {
    const course = draft.course ?? []
    if (type === 'radius' || !stop.position || course.length < 2) return { type: 'radius', radius: 300 }
    const k = nearestPoint(course, stop.position)
    return {
      type: 'segment',
      from: course[Math.max(0, k - 2)],
      to: course[Math.min(course.length - 1, k + 2)],
    }
  }

  return (
    <form className="studio-form" aria-label={t('studioStopForm')} onSubmit={(e) => e.preventDefault()}>
      <div className="studio-form-head">
        <Field label={t('studioStop')}>
          {(id) => (
            <select id={id} value={index} onChange={(e) => onSelect(Number(e.target.value))}>
              {draft.stops.map((s) => (
                <option key={s.index} value={s.index}>
                  {`${s.index + 1} · ${s.id}`}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="button" onClick={() => reveal(base)}>
          {t('studioShowInEditor')}
        </button>
        <button type="button" onClick={() => change({ kind: 'remove', path: base })}>
          {t('studioRemoveStop', { id: stop.id })}
        </button>
      </div>
      <TextField label={t('studioFieldId')} path={[...base, 'id']} {...common} />
      {draft.languages.map((lang) => (
        <fieldset key={lang} className="studio-language">
          <legend>{LANGUAGE_LABELS[lang]}</legend>
          <TextField label={t('studioFieldTitle')} path={[...base, 'title', lang]} lang={lang} {...common} />
          <TextField
            label={t('studioFieldSummary')}
            path={[...base, 'summary', lang]}
            lang={lang}
            {...common}
          />
          <TextField
            label={t('studioFieldStory')}
            path={[...base, 'story', lang]}
            lang={lang}
            multiline
            {...common}
          />
        </fieldset>
      ))}
      <fieldset>
        <legend>{t('studioFieldPlace')}</legend>
        <NumberField label={t('studioFieldLongitude')} path={[...base, 'position', 0]} {...common} />
        <NumberField label={t('studioFieldLatitude')} path={[...base, 'position', 1]} {...common} />
        <NumberField label={t('studioFieldZoom')} path={[...base, 'zoom']} {...common} />
      </fieldset>
      <fieldset>
        <legend>{t('studioFieldTrigger')}</legend>
        <Field label={t('studioFieldTriggerType')}>
          {(id) => (
            <select
              id={id}
              value={typeof trigger === 'string' ? trigger : ''}
              onChange={(e) =>
                change({ kind: 'set', path: [...base, 'trigger'], value: newTrigger(e.target.value) })
              }
            >
              <option value="" disabled>
                —
              </option>
              <option value="radius">{t('studioTriggerRadius')}</option>
              <option value="segment">{t('studioTriggerSegment')}</option>
            </select>
          )}
        </Field>
        {trigger === 'radius' && (
          <NumberField label={t('studioFieldRadius')} path={[...base, 'trigger', 'radius']} {...common} />
        )}
      </fieldset>
      <fieldset>
        <legend>{t('studioFieldModel')}</legend>
        <TextField label={t('studioFieldModelSrc')} path={[...base, 'model', 'src']} {...common} />
        <NumberField
          label={t('studioFieldModelScale')}
          path={[...base, 'model', 'scale']}
          optional
          {...common}
        />
      </fieldset>
    </form>
  )
}
