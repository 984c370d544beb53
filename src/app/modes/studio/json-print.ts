import { parseTree, type Node, type ParseError } from 'jsonc-parser'

/**
 * Pretty-printing of route files exactly as the repository's Prettier settings print JSON (printWidth 110), so an
 * exported route passes `prettier --check`, an untouched file exports byte for byte, and an edit changes only
 * its own lines. Like Prettier, it keeps key order, strings as written and an object's choice of being spread over
 * lines (a newline after its "{"); arrays and inline objects go on one line when they fit.
 * @see https://prettier.io/docs/rationale#objects
 */

const WIDTH = 110
const INDENT = '  '

type Doc = string | Doc[] | Group | Indent | Line | Fill
interface Group {
  kind: 'group'
  contents: Doc
  /** Broken whatever the width: an object spread over lines in the source, or an array of arrays or objects. */
  broken: boolean
}
interface Indent {
  kind: 'indent'
  contents: Doc
}
interface Line {
  kind: 'line'
  /** A soft line prints nothing when its group fits on one line; a plain one prints a space. */
  soft: boolean
  /** A hard line always breaks, and so breaks the groups around it. */
  hard?: boolean
}
/** Items packed on as few lines as fit (Prettier's `fill`, used for arrays of numbers). */
interface Fill {
  kind: 'fill'
  parts: Doc[]
}

const line: Line = { kind: 'line', soft: false }
const softline: Line = { kind: 'line', soft: true }
const hardline: Line = { kind: 'line', soft: false, hard: true }
const group = (contents: Doc, broken = false): Group => ({ kind: 'group', contents, broken })
const indent = (contents: Doc): Indent => ({ kind: 'indent', contents })

/** Prettier's normal form of a number literal (lower case, no redundant zeros, dots or exponent signs). */
export function printNumber(raw: string): string {
  return raw
    .toLowerCase()
    .replace(/^([+-]?[\d.]+e)(?:\+|(-))?0*(\d)/, '$1$2$3')
    .replace(/^([+-]?[\d.]+)e[+-]?0+$/, '$1')
    .replace(/^([+-])?\./, '$10.')
    .replace(/(\.\d+?)0+(?=e|$)/, '$1')
    .replace(/\.(?=e|$)/, '')
}

/**
 * Whether a blank line follows `node` (after its comma) in the source: Prettier keeps one blank line there.
 */
function blankLineAfter(text: string, node: Node): boolean {
  let i = node.offset + node.length
  while (i < text.length && ' \t,'.includes(text[i]!)) i++
  if (text[i] === '\r') i++
  if (text[i] !== '\n') return false
  i++
  while (i < text.length && ' \t'.includes(text[i]!)) i++
  return text[i] === '\n' || text[i] === '\r'
}

function toDoc(node: Node, text: string): Doc {
  switch (node.type) {
    case 'object': {
      const properties = node.children ?? []
      if (properties.length === 0) return '{}'
      const first = properties[0]!
      const broken = text.slice(node.offset, first.offset).includes('\n')
      const parts: Doc[] = []
      properties.forEach((property, i) => {
        const [key, value] = property.children ?? []
        if (i > 0) parts.push(',', line)
        if (i > 0 && blankLineAfter(text, properties[i - 1]!)) parts.push(hardline)
        parts.push(group([text.slice(key!.offset, key!.offset + key!.length), ': ', toDoc(value!, text)]))
      })
      return group(['{', indent([line, parts]), line, '}'], broken)
    }
    case 'array': {
      const items = node.children ?? []
      if (items.length === 0) return '[]'
      const concise = items.length > 1 && items.every((item) => item.type === 'number')
      const broken =
        items.length > 1 &&
        items.every(
          (item, i) =>
            (item.type === 'object' || item.type === 'array') &&
            (item.children?.length ?? 0) > 1 &&
            (i === items.length - 1 || items[i + 1]!.type === item.type),
        )
      if (concise) {
        const parts: Doc[] = []
        items.forEach((item, i) => {
          const last = i === items.length - 1
          parts.push([toDoc(item, text), last ? '' : ','])
          if (!last) parts.push(blankLineAfter(text, item) ? [hardline, hardline] : line)
        })
        return group(['[', indent([softline, { kind: 'fill', parts }]), softline, ']'], broken)
      }
      const parts: Doc[] = []
      items.forEach((item, i) => {
        parts.push(group(toDoc(item, text)))
        if (i < items.length - 1) parts.push([',', line, blankLineAfter(text, item) ? softline : ''])
      })
      return group(['[', indent([softline, parts]), softline, ']'], broken)
    }
    case 'number':
      return printNumber(text.slice(node.offset, node.offset + node.length))
    default:
      return text.slice(node.offset, node.offset + node.length)
  }
}

/** Terminal width of a string: East Asian wide and full-width characters take two columns, as in Prettier. */
export function stringWidth(text: string): number {
  if (!/[^\x20-\x7f]/.test(text)) return text.length
  let width = 0
  for (const char of text) {
    const code = char.codePointAt(0)!
    if (code <= 0x1f || (code >= 0x7f && code <= 0x9f) || (code >= 0x300 && code <= 0x36f)) continue
    width += isWide(code) ? 2 : 1
  }
  return width
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0x303e) ||
    (code >= 0x3041 && code <= 0x33ff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xa000 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1f64f) ||
    (code >= 0x1f900 && code <= 0x1f9ff) ||
    (code >= 0x20000 && code <= 0x3fffd)
  )
}

type Mode = 'flat' | 'break'
interface Command {
  indent: number
  mode: Mode
  doc: Doc
}

/** Marks every group that contains a hard line, or a broken group, as broken (Prettier's propagateBreaks). */
function propagateBreaks(doc: Doc): boolean {
  if (typeof doc === 'string') return false
  if (Array.isArray(doc)) return doc.map(propagateBreaks).some(Boolean)
  switch (doc.kind) {
    case 'line':
      return doc.hard === true
    case 'indent':
      return propagateBreaks(doc.contents)
    case 'fill':
      return doc.parts.map(propagateBreaks).some(Boolean)
    case 'group': {
      const inner = propagateBreaks(doc.contents)
      doc.broken ||= inner
      return doc.broken
    }
  }
}

/** Whether `next` fits in `width` columns, up to the first line break of what follows it (Prettier's `fits`). */
function fits(next: Command, rest: Command[], width: number, mustBeFlat = false): boolean {
  const stack: { mode: Mode; doc: Doc }[] = [next]
  let restIndex = rest.length
  while (width >= 0) {
    if (stack.length === 0) {
      if (restIndex === 0) return true
      stack.push(rest[--restIndex]!)
      continue
    }
    const { mode, doc } = stack.pop()!
    if (typeof doc === 'string') width -= stringWidth(doc)
    else if (Array.isArray(doc)) for (let i = doc.length - 1; i >= 0; i--) stack.push({ mode, doc: doc[i]! })
    else if (doc.kind === 'indent') stack.push({ mode, doc: doc.contents })
    else if (doc.kind === 'fill')
      for (let i = doc.parts.length - 1; i >= 0; i--) stack.push({ mode, doc: doc.parts[i]! })
    else if (doc.kind === 'group') {
      if (mustBeFlat && doc.broken) return false
      stack.push({ mode: doc.broken ? 'break' : mode, doc: doc.contents })
    } else {
      if (mode === 'break' || doc.hard) return true
      if (!doc.soft) width -= 1
    }
  }
  return false
}

function render(doc: Doc, startColumn = 0, startIndent = 0, trailer = ''): string {
  propagateBreaks(doc)
  const out: string[] = []
  let column = startColumn
  // What follows the value on its line (a comma) counts when deciding whether it fits.
  const commands: Command[] = [
    { indent: startIndent, mode: 'break', doc: trailer },
    { indent: startIndent, mode: 'break', doc },
  ]
  while (commands.length > 0) {
    const { indent: level, mode, doc: current } = commands.pop()!
    if (typeof current === 'string') {
      out.push(current)
      column += stringWidth(current)
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) commands.push({ indent: level, mode, doc: current[i]! })
    } else if (current.kind === 'indent') {
      commands.push({ indent: level + 1, mode, doc: current.contents })
    } else if (current.kind === 'group') {
      const flat: Command = { indent: level, mode: 'flat', doc: current.contents }
      if (mode === 'flat' && !current.broken) commands.push(flat)
      else if (!current.broken && fits(flat, commands, WIDTH - column)) commands.push(flat)
      else commands.push({ indent: level, mode: 'break', doc: current.contents })
    } else if (current.kind === 'fill') {
      fill(current.parts, level, mode)
    } else if (mode === 'flat' && !current.hard) {
      if (!current.soft) {
        out.push(' ')
        column += 1
      }
    } else {
      while (out.length > 0 && /^[ \t]*$/.test(out[out.length - 1]!)) out.pop()
      if (out.length > 0) out[out.length - 1] = out[out.length - 1]!.replace(/[ \t]+$/, '')
      out.push('\n' + INDENT.repeat(level))
      column = level * INDENT.length
    }
  }
  return out.join('')

  /** Prettier's fill: each item flat when it fits, a separator broken when the item after it does not fit. */
  function fill(parts: Doc[], level: number, mode: Mode) {
    const [content, separator, nextContent] = parts
    if (content === undefined) return
    const contentFlat: Command = { indent: level, mode: 'flat', doc: content }
    const contentBreak: Command = { indent: level, mode: 'break', doc: content }
    const contentFits = fits(contentFlat, [], WIDTH - column, true)
    if (separator === undefined) {
      commands.push(contentFits ? contentFlat : contentBreak)
      return
    }
    const separatorFlat: Command = { indent: level, mode: 'flat', doc: separator }
    const separatorBreak: Command = { indent: level, mode: 'break', doc: separator }
    if (nextContent === undefined) {
      commands.push(...(contentFits ? [separatorFlat, contentFlat] : [separatorBreak, contentBreak]))
      return
    }
    const remaining: Command = { indent: level, mode, doc: { kind: 'fill', parts: parts.slice(2) } }
    const pair: Command = { indent: level, mode: 'flat', doc: [content, separator, nextContent] }
    if (fits(pair, [], WIDTH - column, true)) commands.push(remaining, separatorFlat, contentFlat)
    else if (contentFits) commands.push(remaining, separatorBreak, contentFlat)
    else commands.push(remaining, separatorBreak, contentBreak)
  }
}

/** The whole route file as Prettier prints it, or null when the text is not valid JSON. */
export function printJsonText(text: string): string | null {
  const errors: ParseError[] = []
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false })
  if (!root || errors.length > 0) return null
  return render(toDoc(root, text)) + '\n'
}

/**
 * A new value as Prettier would print it when written compactly, placed at `column` on a line indented `level`
 * times, followed on its line by `trailer` (e.g. a comma): how the studio writes values it inserts.
 */
export function printJsonValue(value: unknown, column: number, level: number, trailer = ''): string {
  const text = JSON.stringify(value)
  const root = parseTree(text)
  if (!root) return text
  const printed = render(toDoc(root, text), column, level, trailer)
  return printed.slice(0, printed.length - trailer.length)
}
