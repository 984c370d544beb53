/**
 * The fixed reference scene of the frame-cost figure: raw WebGL2, no library, a lit 160×160-quad terrain
 * (51,200 triangles) in 4 draw calls, drawn on demand like the app's 3D view (one frame per wheel event).
 * Its cost depends only on the machine and the browser, so a stop's cost divided by it compares across
 * machines. Changing it changes every ratio: keep it fixed.
 */
export function referenceSceneHtml(width: number, height: number): string {
  return `<!doctype html><html><body style="margin:0;background:#060a16">
<canvas id="c" width="${width}" height="${height}" style="width:${width}px;height:${height}px"></canvas>
<script>
const canvas = document.getElementById('c')
const gl = canvas.getContext('webgl2', { antialias: true })
const N = 160
const pos = [], idx = []
for (let z = 0; z <= N; z++) for (let x = 0; x <= N; x++) {
  const u = x / N - 0.5, v = z / N - 0.5
  pos.push(u * 400, Math.sin(u * 20) * Math.cos(v * 17) * 12, v * 400)
}
for (let z = 0; z < N; z++) for (let x = 0; x < N; x++) {
  const a = z * (N + 1) + x, b = a + 1, c = a + N + 1, d = c + 1
  idx.push(a, c, b, b, c, d)
}
const vs = \`#version 300 es
in vec3 p; uniform mat4 m; uniform float t; out vec3 w;
void main() { w = p; gl_Position = m * vec4(p.x, p.y + sin(t + p.x * 0.05) * 2.0, p.z, 1.0); }\`
const fs = \`#version 300 es
precision highp float; in vec3 w; uniform vec3 col; out vec4 o;
void main() { vec3 n = normalize(cross(dFdx(w), dFdy(w)));
  float l = max(dot(n, normalize(vec3(0.3, 1.0, 0.4))), 0.0);
  o = vec4(col * (0.15 + l) + pow(l, 24.0) * 0.4, 1.0); }\`
const sh = (type, src) => { const s = gl.createShader(type); gl.shaderSource(s, src); gl.compileShader(s); return s }
const prog = gl.createProgram()
gl.attachShader(prog, sh(gl.VERTEX_SHADER, vs)); gl.attachShader(prog, sh(gl.FRAGMENT_SHADER, fs))
gl.linkProgram(prog); gl.useProgram(prog)
const vb = gl.createBuffer(); gl.bindBuffer(gl.ARRAY_BUFFER, vb); gl.bufferData(gl.ARRAY_BUFFER, new Float32Array(pos), gl.STATIC_DRAW)
const ib = gl.createBuffer(); gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, ib); gl.bufferData(gl.ELEMENT_ARRAY_BUFFER, new Uint32Array(idx), gl.STATIC_DRAW)
const loc = gl.getAttribLocation(prog, 'p'); gl.enableVertexAttribArray(loc); gl.vertexAttribPointer(loc, 3, gl.FLOAT, false, 0, 0)
gl.enable(gl.DEPTH_TEST)
let angle = 0, dirty = true
function matrix(a) {
  const f = 1 / Math.tan(0.35), asp = canvas.width / canvas.height, nr = 1, fr = 2000
  const ex = Math.sin(a) * 420, ez = Math.cos(a) * 420, ey = 160
  const zl = Math.hypot(ex, ey, ez), zx = ex / zl, zy = ey / zl, zz = ez / zl
  const xl = Math.hypot(zz, zx), xx = zz / xl, xz = -zx / xl
  const yx = zy * xz, yy = zz * xx - zx * xz, yz = -zy * xx
  const view = [xx, yx, zx, 0, 0, yy, zy, 0, xz, yz, zz, 0, -(xx * ex + xz * ez), -(yx * ex + yy * ey + yz * ez), -(zx * ex + zy * ey + zz * ez), 1]
  const proj = [f / asp, 0, 0, 0, 0, f, 0, 0, 0, 0, (fr + nr) / (nr - fr), -1, 0, 0, (2 * fr * nr) / (nr - fr), 0]
  const out = new Array(16).fill(0)
  for (let c = 0; c < 4; c++) for (let r = 0; r < 4; r++) for (let k = 0; k < 4; k++) out[c * 4 + r] += proj[k * 4 + r] * view[c * 4 + k]
  return out
}
function frame() {
  if (dirty) {
    dirty = false
    gl.viewport(0, 0, canvas.width, canvas.height)
    gl.clearColor(0.02, 0.04, 0.09, 1); gl.clear(gl.COLOR_BUFFER_BIT | gl.DEPTH_BUFFER_BIT)
    gl.uniformMatrix4fv(gl.getUniformLocation(prog, 'm'), false, matrix(angle))
    gl.uniform1f(gl.getUniformLocation(prog, 't'), angle)
    const quarter = idx.length / 4
    const cols = [[0.9, 0.6, 0.2], [0.3, 0.7, 1.0], [0.8, 0.8, 0.9], [0.5, 0.9, 0.5]]
    for (let i = 0; i < 4; i++) {
      gl.uniform3fv(gl.getUniformLocation(prog, 'col'), cols[i])
      gl.drawElements(gl.TRIANGLES, quarter, gl.UNSIGNED_INT, i * quarter * 4)
    }
  }
  requestAnimationFrame(frame)
}
canvas.addEventListener('wheel', (e) => { angle += e.deltaY * 0.002; dirty = true })
requestAnimationFrame(frame)
</script></body></html>`
}
