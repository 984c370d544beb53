import { useFrame, useThree } from '@react-three/fiber'
import { useEffect, useRef } from 'react'

/**
 * Brings the 3D view back after the GPU drops its WebGL context (driver reset, memory pressure, a phone
 * backgrounding the tab). three.js re-creates its GPU state on `webglcontextrestored` and re-uploads every
 * geometry, material and texture on the next render, but with `frameloop="demand"` nothing asks for that
 * render: this asks, then reports once the restored frame is drawn. Render it inside the Canvas.
 */
export function ContextGuard({ onLost, onRestored }: { onLost: () => void; onRestored: () => void }): null {
  const gl = useThree((s) => s.gl)
  const invalidate = useThree((s) => s.invalidate)
  const pending = useRef(false)
  const callbacks = useRef({ onLost, onRestored })
  useEffect(() => {
    callbacks.current = { onLost, onRestored }
  })

  useEffect(() => {
    const canvas = gl.domElement
    const lost = () => {
      pending.current = false
      callbacks.current.onLost()
    }
    const restored = () => {
      pending.current = true
      invalidate()
    }
    canvas.addEventListener('webglcontextlost', lost)
    canvas.addEventListener('webglcontextrestored', restored)
    return () => {
      canvas.removeEventListener('webglcontextlost', lost)
      canvas.removeEventListener('webglcontextrestored', restored)
    }
  }, [gl, invalidate])

  useFrame(() => {
    if (!pending.current) return
    pending.current = false
    // Reported after this frame has been drawn, as a first frame is.
    requestAnimationFrame(() => callbacks.current.onRestored())
  })
  return null
}
