import { useFrame, useThree } from '@react-three/fiber'
import { useEffect, useRef } from 'react'

/** The renderer's own figures, read live from `renderer.info` each time a property is read. */
export interface SceneStats {
  /** Geometries uploaded to the GPU and not yet disposed. */
  readonly geometries: number
  /** Textures uploaded to the GPU and not yet disposed. */
  readonly textures: number
  /** Compiled shader programs still in use. */
  readonly programs: number
  /** Draw calls and triangles of the last frame drawn, the river's reflection pass included. */
  readonly calls: number
  readonly triangles: number
  /** Frames the canvas has drawn. */
  readonly frames: number
  /** Whether the 3D view draws with WebGL2. */
  readonly webgl2: boolean
  readonly contextLost: boolean
}

declare global {
  interface Window {
    /** Published by the 3D view for browser tests and a kiosk watchdog; absent while no 3D view exists. */
    __sceneStats?: SceneStats
  }
}

/**
 * Publishes the renderer's figures on `window.__sceneStats`. A window object rather than data attributes:
 * the getters read `renderer.info` at the moment of asking, so they cost nothing while nobody asks (no DOM
 * write per frame, no re-render), are exact right after a frame, and are reachable from `page.evaluate` and
 * from an in-page watchdog alike. Render it inside the Canvas.
 */
export function GpuStats(): null {
  const gl = useThree((s) => s.gl)
  const frames = useRef(0)
  // three starts counting afresh at every render call, and the river's reflection is a render call inside the
  // frame's own: counting per frame instead gives what a frame costs, both passes.
  useFrame((state) => {
    // Set on every frame: a restored context comes with a new `info`.
    state.gl.info.autoReset = false
    state.gl.info.reset()
    frames.current++
  })
  useEffect(() => {
    const context = gl.getContext()
    const stats: SceneStats = {
      // `gl.info` is replaced when a lost context is restored, so it is looked up on every read.
      get geometries() {
        return gl.info.memory.geometries
      },
      get textures() {
        return gl.info.memory.textures
      },
      get programs() {
        return gl.info.programs?.length ?? 0
      },
      get calls() {
        return gl.info.render.calls
      },
      get triangles() {
        return gl.info.render.triangles
      },
      get frames() {
        return frames.current
      },
      webgl2: typeof WebGL2RenderingContext !== 'undefined' && context instanceof WebGL2RenderingContext,
      get contextLost() {
        return context.isContextLost()
      },
    }
    window.__sceneStats = stats
    return () => {
      if (window.__sceneStats === stats) delete window.__sceneStats
    }
  }, [gl])
  return null
}
