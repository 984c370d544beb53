import { json } from '@codemirror/lang-json'
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint'
import { EditorView, basicSetup } from 'codemirror'
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react'

import type { Problem } from '@/route/problem'

import { offsetAt, problemRange } from './problem-ranges'

/** What the studio can do with the editor. */
export interface RouteEditorHandle {
  setText(text: string): void
  getText(): string
  /** Moves the cursor to a line and column, scrolls there and focuses the editor. */
  reveal(line: number, col: number): void
  showProblems(problems: Problem[]): void
}

/**
 * The JSON editor (CodeMirror 6): one EditorView, created once and destroyed with the component. The studio
 * validates and pushes the problems in as diagnostics, so the gutter and the problems list always agree.
 */
export const RouteEditor = forwardRef<RouteEditorHandle, { label: string; onEdit: (text: string) => void }>(
  function RouteEditor({ label, onEdit }, ref) {
    const host = useRef<HTMLDivElement>(null)
    const view = useRef<EditorView | null>(null)
    const onEditRef = useRef(onEdit)
    useEffect(() => {
      onEditRef.current = onEdit
    }, [onEdit])

    useEffect(() => {
      if (!host.current) return
      const editor = new EditorView({
        parent: host.current,
        extensions: [
          basicSetup,
          json(),
          lintGutter(),
          EditorView.contentAttributes.of({ 'aria-label': label }),
          EditorView.updateListener.of((update) => {
            if (
              update.docChanged &&
              update.transactions.some(
                (t) =>
                  t.isUserEvent('input') ||
                  t.isUserEvent('delete') ||
                  t.isUserEvent('undo') ||
                  t.isUserEvent('redo') ||
                  t.isUserEvent('move'),
              )
            ) {
              onEditRef.current(update.state.doc.toString())
            }
          }),
        ],
      })
      view.current = editor
      return () => {
        editor.destroy()
        view.current = null
      }
    }, [label])

    useImperativeHandle(ref, () => ({
      setText(text) {
        const editor = view.current
        editor?.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: text } })
      },
      getText() {
        return view.current?.state.doc.toString() ?? ''
      },
      reveal(line, col) {
        const editor = view.current
        if (!editor) return
        const at = offsetAt(editor.state.doc.toString(), line, col)
        editor.dispatch({
          selection: { anchor: at },
          effects: EditorView.scrollIntoView(at, { y: 'center' }),
        })
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
    }))

    return <div ref={host} className="route-editor" />
  },
)
