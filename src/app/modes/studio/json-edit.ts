import {
  applyEdits,
  findNodeAtLocation,
  modify,
  parseTree,
  type Edit,
  type Node,
  type ParseError,
} from 'jsonc-parser'

import { printJsonValue, stringWidth } from './json-print'

export type JsonPath = (string | number)[]
export type { Edit }

/** The keys of the object at a path in the order the schema lists them, for placing a new key among them. */
export type KeyOrder = (objectPath: JsonPath) => readonly string[]

/** Stands in for the value while jsonc-parser places it, then is replaced by the value printed Prettier's way. */
const PLACEHOLDER = '\uE000studio\uE000'
const PLACEHOLDER_JSON = JSON.stringify(PLACEHOLDER)

/** The text's tree, or undefined when it is not valid JSON: a broken text is only ever edited by hand. */
function tree(text: string): Node | undefined {
  const errors: ParseError[] = []
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false })
  return errors.length === 0 ? root : undefined
}

/** Where a new key goes: before the first existing key that the schema lists after it, else last. */
function insertionIndex(order: readonly string[], key: string) {
  return (existing: string[]) => {
    const rank = order.indexOf(key)
    if (rank < 0) return existing.length
    const before = existing.findIndex((k) => {
      const other = order.indexOf(k)
      return other < 0 || other > rank
    })
    return before < 0 ? existing.length : before
  }
}

/** The leading whitespace of the line that contains `offset`. */
function indentAt(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1
  return /^[ \t]*/.exec(text.slice(start))![0]
}

/** Whether a container is spread over lines, judged by the gap between its bracket and its first item. */
function isSpread(text: string, container: Node): boolean {
  const first = container.children?.[0]
  return first !== undefined && text.slice(container.offset, first.offset).includes('\n')
}

/**
 * The edits that set `path` to `value` in a JSON text (creating missing parents, placing a new key where the
 * schema lists it), touching nothing else: the new value is printed as Prettier would print it there, on the
 * line of its key, and a new item follows the layout of its siblings. Empty when the text is not JSON.
 */
export function setJsonValue(text: string, path: JsonPath, value: unknown, order?: KeyOrder): Edit[] {
  const root = tree(text)
  if (!root) return []
  // The deepest part of the path that exists; the value is wrapped in the objects and arrays still missing.
  let depth = path.length
  while (depth > 0 && !findNodeAtLocation(root, path.slice(0, depth - 1))) depth--
  let wrapped = value
  for (let i = path.length - 1; i >= depth; i--) {
    const segment = path[i]!
    wrapped = typeof segment === 'number' ? [wrapped] : { [segment]: wrapped }
  }
  const target = path.slice(0, depth)
  const parent = findNodeAtLocation(root, target.slice(0, -1))
  if (!parent) return [{ offset: root.offset, length: root.length, content: printJsonValue(wrapped, 0, 0) }]
  const existing = findNodeAtLocation(root, target)
  const last = target[target.length - 1]
  if (!existing && (parent.children?.length ?? 0) === 0) {
    // A first item: the container is rewritten whole, so it is laid out as Prettier would lay it out.
    const container = typeof last === 'number' ? [wrapped] : { [String(last)]: wrapped }
    return placeValue(
      text,
      { offset: parent.offset, length: parent.length, content: PLACEHOLDER_JSON },
      container,
    )
  }
  // A key into an array, or an index into an object, cannot be set: the text's shape is wrong there.
  if (
    (parent.type === 'array') !== (typeof last === 'number') ||
    !['array', 'object'].includes(parent.type)
  ) {
    return []
  }
  const [edit] = modify(
    text,
    target,
    PLACEHOLDER,
    order && typeof last === 'string'
      ? { getInsertionIndex: insertionIndex(order(target.slice(0, -1)), last) }
      : {},
  )
  if (!edit) return []
  return placeValue(text, existing ? edit : layoutInsertion(text, parent, edit), wrapped)
}

/** Inserts `value` into the array at `arrayPath` so that it becomes item `index` (the end when past it). */
export function insertJsonItem(text: string, arrayPath: JsonPath, index: number, value: unknown): Edit[] {
  const root = tree(text)
  const array = root && findNodeAtLocation(root, arrayPath)
  if (!array || array.type !== 'array') return []
  const count = array.children?.length ?? 0
  if (count === 0) return setJsonValue(text, [...arrayPath, 0], value)
  const at = Math.max(0, Math.min(index, count))
  const [edit] = modify(text, [...arrayPath, at], PLACEHOLDER, { isArrayInsertion: true })
  return edit ? placeValue(text, layoutInsertion(text, array, edit), value) : []
}

/**
 * The edit that removes the value at `path` with its key and one comma, leaving its siblings' lines as they were.
 * (jsonc-parser's own removal joins the next item onto the bracket's line after removing a first property, and
 * leaves the bracket on the item's line after removing the last item of an indented array.)
 */
export function removeJsonValue(text: string, path: JsonPath): Edit[] {
  const root = tree(text)
  const node = root && findNodeAtLocation(root, path)
  if (!node) return []
  const item = node.parent?.type === 'property' ? node.parent : node
  const container = item.parent
  const siblings = container?.children ?? []
  const index = siblings.indexOf(item)
  if (!container || index < 0) return []
  const end = item.offset + item.length
  if (siblings.length === 1) {
    return [{ offset: container.offset + 1, length: container.length - 2, content: '' }]
  }
  if (index > 0) {
    const previous = siblings[index - 1]!
    const from = previous.offset + previous.length
    return [{ offset: from, length: end - from, content: '' }]
  }
  const next = siblings[1]!
  return [{ offset: item.offset, length: next.offset - item.offset, content: '' }]
}

/** Gives a jsonc-parser insertion the line breaks and indentation of the item's siblings. */
function layoutInsertion(text: string, container: Node, edit: Edit): Edit {
  const spread = isSpread(text, container)
  const first = container.children![0]!
  const indent = indentAt(text, first.offset)
  if (edit.content.startsWith(',')) {
    const item = edit.content.slice(1)
    return { ...edit, content: spread ? `,\n${indent}${item}` : `, ${item}` }
  }
  // Before the first item: placed at that item, so the bracket keeps its own line break.
  const item = edit.content.slice(0, -1)
  return { offset: first.offset, length: 0, content: spread ? `${item},\n${indent}` : `${item}, ` }
}

/** Replaces the placeholder in an edit with `value` printed for the column and indentation where it lands. */
function placeValue(text: string, edit: Edit, value: unknown): Edit[] {
  const after = applyEdits(text, [edit])
  const at = after.indexOf(PLACEHOLDER_JSON, edit.offset)
  const lineStart = after.lastIndexOf('\n', at - 1) + 1
  const column = stringWidth(after.slice(lineStart, at))
  const level = Math.floor(indentAt(after, at).replace(/\t/g, '  ').length / 2)
  const following = after.slice(at + PLACEHOLDER_JSON.length).match(/^[ \t]*(.)/)?.[1]
  const printed = printJsonValue(value, column, level, following === ',' ? ',' : '')
  return [{ ...edit, content: edit.content.replace(PLACEHOLDER_JSON, () => printed) }]
}

/** Applies edits one after another: each is relative to the text the previous ones left. */
export function applySequentially(text: string, edits: readonly Edit[]): string {
  return edits.reduce((current, edit) => applyEdits(current, [edit]), text)
}

/**
 * The edits, one after another, that turn the JSON `text` (whose value is `before`) into `after`: values that
 * differ are set, keys that went are removed, keys that came are inserted where the schema lists them. What
 * did not change keeps its lines, so a migration shows as a small diff.
 */
export function editsBetween(text: string, before: unknown, after: unknown, order?: KeyOrder): Edit[] {
  const edits: Edit[] = []
  let current = text
  const push = (next: Edit[]) => {
    for (const edit of next) {
      edits.push(edit)
      current = applyEdits(current, [edit])
    }
  }
  const visit = (path: JsonPath, a: unknown, b: unknown) => {
    if (isPlainObject(a) && isPlainObject(b)) {
      for (const key of Object.keys(a)) if (!(key in b)) push(removeJsonValue(current, [...path, key]))
      for (const [key, value] of Object.entries(b)) {
        if (key in a) visit([...path, key], a[key], value)
        else push(setJsonValue(current, [...path, key], value, order))
      }
    } else if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
      b.forEach((value, i) => visit([...path, i], a[i], value))
    } else if (JSON.stringify(a) !== JSON.stringify(b)) {
      push(setJsonValue(current, path, b, order))
    }
  }
  visit([], before, after)
  return edits
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
