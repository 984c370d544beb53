import { Stars } from '@react-three/drei'
import { useThree } from '@react-three/fiber'
import { useEffect, useMemo } from 'react'
import { BackSide, Color } from 'three'

/**
 * The layer of what the camera sees but the river does not reflect: stars, whose mirror images in rippled
 * water would only be speckles.
 */
export const UNREFLECTED_LAYER = 1

/** The sky at the horizon, which the fog fades distant water and land into, so they meet without a seam. */
export const HORIZON = '#121a33'
const ZENITH = '#02040b'
/** The city's glow low over the horizon: sodium and LED light scattered in the haze. */
const GLOW = '#3a2a44'

const SKY_VERTEX = /* glsl */ `
  varying vec3 vDirection;
  void main() {
    vDirection = position;
    // Centred on the camera, so the sky is never reached however far the visitor zooms out.
    vec4 world = vec4(position + cameraPosition, 1.0);
    gl_Position = projectionMatrix * viewMatrix * world;
    gl_Position.z = gl_Position.w; // on the far plane, behind everything
  }
`
const SKY_FRAGMENT = /* glsl */ `
  uniform vec3 zenith;
  uniform vec3 horizon;
  uniform vec3 glow;
  varying vec3 vDirection;
  void main() {
    float up = max(0.0, normalize(vDirection).y);
    vec3 colour = mix(horizon, zenith, pow(smoothstep(0.0, 0.6, up), 0.55));
    colour += glow * exp(-up * 10.0) * 0.35;
    // Written as three writes its fog colour (untouched by tone mapping), so the horizon matches the fog.
    gl_FragColor = vec4(colour, 1.0);
  }
`

/**
 * The night over the river, shared by every stop: a sky darkening from the city's glow at the horizon to
 * near black overhead, and stars.
 */
export function NightSky() {
  const camera = useThree((s) => s.camera)
  useEffect(() => {
    camera.layers.enable(UNREFLECTED_LAYER)
  }, [camera])
  const uniforms = useMemo(
    () => ({
      zenith: { value: new Color(ZENITH) },
      horizon: { value: new Color(HORIZON) },
      glow: { value: new Color(GLOW) },
    }),
    [],
  )
  return (
    <>
      <mesh frustumCulled={false} renderOrder={-1}>
        <sphereGeometry args={[1000, 32, 16]} />
        <shaderMaterial
          vertexShader={SKY_VERTEX}
          fragmentShader={SKY_FRAGMENT}
          uniforms={uniforms}
          side={BackSide}
          depthWrite={false}
        />
      </mesh>
      <Stars
        ref={(points) => void points?.layers.set(UNREFLECTED_LAYER)}
        radius={4000}
        depth={600}
        count={1500}
        factor={25}
        fade
        speed={0}
      />
    </>
  )
}
