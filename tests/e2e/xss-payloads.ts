/** Markup, script and text tricks that authored text might carry; each script sets window.__xss if it runs. */
export const XSS_PAYLOADS = [
  '<script>window.__xss = 1</script>',
  '<img src=x onerror="window.__xss = 2">',
  '<svg onload="window.__xss = 3"></svg>',
  '"><iframe src="javascript:window.__xss = 4"></iframe>',
  '<a href="javascript:window.__xss = 5">tap</a>',
  "{{constructor.constructor('window.__xss = 6')()}}",
  '${window.__xss = 7}',
  '</textarea><style>*{display:none}</style><script>window.__xss = 8</script>',
  '<details open ontoggle="window.__xss = 9">',
  '\u202Egnp.exe\u202C <b onmouseover="window.__xss = 10">RTL</b>',
  'javascript:window.__xss = 11',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__xss = 12">',
]
