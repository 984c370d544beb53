/**
 * The part of jsonc-parser the tourist's bundle needs (the parse tree and a path lookup), imported from its
 * parser module: the package's main module also brings its formatter and editor (about 2.5 KB gzip), which
 * only the studio uses.
 */
declare module 'jsonc-parser/lib/esm/impl/parser.js' {
  export { findNodeAtLocation, parseTree } from 'jsonc-parser'
}
