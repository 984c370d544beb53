import { useThree } from '@react-three/fiber'
import { useEffect, useLayoutEffect, useMemo } from 'react'
import { Color, PlaneGeometry, UniformsLib, type BufferGeometry, type ShaderMaterial } from 'three'
import { Reflector } from 'three/addons/objects/Reflector.js'

import { UNREFLECTED_LAYER } from './night-sky'
import { WATER_LEVEL } from './site-layout'

/** The river's own colour at night, under whatever it reflects. */
const DEEP = '#050c18'

/**
 * The river with the night in it: three's planar Reflector draws the scene mirrored in the water once per
 * frame, and this shader wrinkles it with fixed ripples (no animation, so the canvas can rest between frames).
 * The ripples shift the reflection mostly up and down the screen, drawing lights out into the long streaks of
 * a river at night, and the water reflects more at grazing angles.
 */
const WATER_SHADER = {
  name: 'RiverShader',
  uniforms: {
    color: { value: null },
    tDiffuse: { value: null },
    textureMatrix: { value: null },
    ...UniformsLib.fog,
  },
  vertexShader: /* glsl */ `
    uniform mat4 textureMatrix;
    varying vec4 vUv;
    varying vec3 vWorld;
    #include <common>
    #include <fog_pars_vertex>
    void main() {
      vUv = textureMatrix * vec4(position, 1.0);
      vec4 world = modelMatrix * vec4(position, 1.0);
      vWorld = world.xyz;
      vec4 mvPosition = viewMatrix * world;
      gl_Position = projectionMatrix * mvPosition;
      #include <fog_vertex>
    }
  `,
  fragmentShader: /* glsl */ `
    uniform vec3 color;
    uniform sampler2D tDiffuse;
    varying vec4 vUv;
    varying vec3 vWorld;
    #include <common>
    #include <fog_pars_fragment>
    vec2 ripple(vec2 p) {
      return vec2(
        sin(p.x * 0.31 + 1.7 * sin(p.y * 0.23)) + 0.5 * sin(p.x * 0.87 - p.y * 0.41),
        sin(p.y * 0.53 + 1.3 * sin(p.x * 0.19)) + 0.5 * sin(p.y * 1.37 + p.x * 0.29)
      );
    }
    void main() {
      vec3 toEye = normalize(cameraPosition - vWorld);
      float fresnel = 0.35 + 0.65 * pow(1.0 - clamp(toEye.y, 0.0, 1.0), 4.0);
      // Far off, a pixel covers several ripples: they would alias into a dashed pattern, so they fade out.
      float footprint = length(fwidth(vWorld.xz));
      vec2 r = ripple(vWorld.xz) * (1.0 - smoothstep(1.0, 4.0, footprint));
      vec3 reflected = vec3(0.0);
      for (int k = 0; k < 4; k++) {
        float f = float(k) - 1.5;
        vec2 shift = vec2(r.x * 0.004, r.y * 0.012 + f * 0.006);
        reflected += texture2DProj(tDiffuse, vec4(vUv.xy + shift * vUv.w, vUv.zw)).rgb;
      }
      gl_FragColor = vec4(color + reflected * 0.25 * fresnel, 1.0);
      #include <tonemapping_fragment>
      #include <colorspace_fragment>
      #include <fog_fragment>
    }
  `,
}

/**
 * The river at night, shared by every stop. `reflection` is the size of the mirrored image against the
 * canvas (0.5: half its resolution); 0 turns the reflection off for a device that cannot keep up, and the
 * river is then a dark, glossy plane.
 */
export function Water({ reflection }: { reflection: number }) {
  const geometry = useMemo(() => new PlaneGeometry(20000, 20000), [])
  useEffect(() => () => geometry.dispose(), [geometry])
  return reflection > 0 ? (
    <ReflectiveWater geometry={geometry} scale={reflection} />
  ) : (
    <mesh geometry={geometry} rotation-x={-Math.PI / 2} position-y={WATER_LEVEL}>
      <meshStandardMaterial color={DEEP} metalness={0.7} roughness={0.3} />
    </mesh>
  )
}

function ReflectiveWater({ geometry, scale }: { geometry: BufferGeometry; scale: number }) {
  const width = useThree((s) => s.size.width)
  const height = useThree((s) => s.size.height)
  // The device's own pixel ratio, not the one lowered while the visitor drags: no re-allocation per drag.
  const dpr = useThree((s) => s.viewport.initialDpr)
  const invalidate = useThree((s) => s.invalidate)
  const camera = useThree((s) => s.camera)
  const reflector = useMemo(() => {
    const mirror = new Reflector(geometry, {
      color: new Color(DEEP),
      clipBias: 0.003,
      multisample: 0,
      shader: WATER_SHADER,
    })
    ;(mirror.material as ShaderMaterial).fog = true
    return mirror
  }, [geometry])
  // The mirror's render target and material; the geometry is shared with the plain water.
  useEffect(() => () => reflector.dispose(), [reflector])
  useEffect(() => {
    reflector.getReflectionCamera(camera).layers.disable(UNREFLECTED_LAYER)
  }, [reflector, camera])
  useLayoutEffect(() => {
    const pixels = Math.min(2, dpr) * scale
    reflector
      .getRenderTarget()
      .setSize(Math.max(1, Math.round(width * pixels)), Math.max(1, Math.round(height * pixels)))
    invalidate()
  }, [reflector, width, height, dpr, scale, invalidate])
  return <primitive object={reflector} rotation-x={-Math.PI / 2} position-y={WATER_LEVEL} />
}
