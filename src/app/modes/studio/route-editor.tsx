import { snippet, type Completion, type CompletionSource } from '@codemirror/autocomplete'
import { redo, undo } from '@codemirror/commands'
import { json, jsonLanguage } from '@codemirror/lang-json'
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint'
import { ChangeSet, EditorState } from '@codemirror/state'
import { EditorView, basicSetup } from 'codemirror'
import type { Edit } from 'jsonc-parser'
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react'

import type { JsonSchema } from '@/route/json-schema'
import type { Problem } from '@/route/problem'

import { completionsAt } from './completion'
import { offsetAt, problemRange } from './problem-ranges'

/** What the studio can do with the editor. */
export interface RouteEditorHandle {
  /** Opens a new text: the undo history starts afresh. */
  load(text: string): void
  /** Applies edits made by the studio (map, forms, capture), each relative to the text the previous left: one undo step. */
  applyEdits(edits: readonly Edit[]): void
  getText(): string
  /** Moves the cursor to a line and column, scrolls there and focuses the editor. */
  reveal(line: number, col: number): void
  showProblems(problems: Problem[]): void
  undo(): void
  redo(): void
}

/** Key completions of the route schema, with their types and descriptions (the JSON language's own source). */
function schemaCompletions(schema: JsonSchema): CompletionSource {
  return (context) => {
    const found = completionsAt(context.state.doc.toString(), context.pos, schema)
    if (!found || (!context.explicit && found.from === found.to)) return null
    return {
      from: found.from,
      to: found.to,
      validFor: /^[\w$-]*$/,
      options: found.options.map<Completion>((option) => ({
        label: option.label,
        detail: option.detail,
        ...(option.info ? { info: option.info } : {}),
        type: option.kind === 'property' ? 'property' : 'enum',
        boost: option.required ? 1 : 0,
        apply: (view, completion, from, to) => {
          // The template brings its own quotes: the ones around the typed word go.
          const before = view.state.sliceDoc(from - 1, from) === '"' ? 1 : 0
          const after = before && view.state.sliceDoc(to, to + 1) === '"' ? 1 : 0
          snippet(option.template)(view, completion, from - before, to + after)
        },
      })),
    }
  }
}

/**
 * The JSON editor (CodeMirror 6): one EditorView, created once and destroyed with the component. The studio
 * validates and pushes the problems in as diagnostics, so the gutter and the problems list always agree; its own
 * edits arrive as transactions, so they are undone like typing.
 */
export const RouteEditor = forwardRef<
  RouteEditorHandle,
  {
    label: string
    schema: JsonSchema
    onEdit: (text: string) => void
    /** Where the cursor is, so the studio can select the stop being edited. */
    onCursor?: (offset: number) => void
  }
>(function RouteEditor({ label, schema, onEdit, onCursor }, ref) {
  const host = useRef<HTMLDivElement>(null)
  const view = useRef<EditorView | null>(null)
  const callbacks = useRef({ onEdit, onCursor })
  useEffect(() => {
    callbacks.current = { onEdit, onCursor }
  }, [onEdit, onCursor])

  const extensions = useRef([
    basicSetup,
    json(),
    jsonLanguage.data.of({ autocomplete: schemaCompletions(schema) }),
    lintGutter(),
    EditorView.contentAttributes.of({ 'aria-label': label }),
    EditorView.updateListener.of((update) => {
      if (
        update.docChanged &&
        update.transactions.some((t) =>
          ['input', 'delete', 'undo', 'redo', 'move'].some((event) => t.isUserEvent(event)),
        )
      ) {
        callbacks.current.onEdit(update.state.doc.toString())
      }
      if (update.selectionSet) callbacks.current.onCursor?.(update.state.selection.main.head)
    }),
  ])

  useEffect(() => {
    if (!host.current) return
    const editor = new EditorView({ parent: host.current, extensions: extensions.current })
    view.current = editor
    return () => {
      editor.destroy()
      view.current = null
    }
  }, [])

  useImperativeHandle(ref, () => ({
    load(text) {
      view.current?.setState(EditorState.create({ doc: text, extensions: extensions.current }))
    },
    applyEdits(edits) {
      const editor = view.current
      if (!editor || edits.length === 0) return
      let length = editor.state.doc.length
      let changes = ChangeSet.empty(length)
      for (const edit of edits) {
        const next = ChangeSet.of(
          { from: edit.offset, to: edit.offset + edit.length, insert: edit.content },
          length,
        )
        changes = changes.compose(next)
        length = next.newLength
      }
      editor.dispatch({ changes, userEvent: 'input.studio', scrollIntoView: false })
    },
    getText() {
      return view.current?.state.doc.toString() ?? ''
    },
    reveal(line, col) {
      const editor = view.current
      if (!editor) return
      const at = offsetAt(editor.state.doc.toString(), line, col)
      editor.dispatch({ selection: { anchor: at }, effects: EditorView.scrollIntoView(at, { y: 'center' }) })
      editor.focus()
    },
    showProblems(problems) {
      const editor = view.current
      if (!editor) return
      const text = editor.state.doc.toString()
      const diagnostics: Diagnostic[] = problems.map((p) => ({
        ...problemRange(text, p),
        severity: p.severity,
        message: `${p.pointer || '/'}  ${p.message}`,
      }))
      editor.dispatch(setDiagnostics(editor.state, diagnostics))
    },
    undo() {
      if (view.current) undo(view.current)
    },
    redo() {
      if (view.current) redo(view.current)
    },
  }))

  return <div ref={host} className="route-editor" />
})
