import { useThree } from '@react-three/fiber'
import { useImperativeHandle, useMemo, useRef, type Ref } from 'react'
import {
  AdditiveBlending,
  Color,
  Matrix4,
  Quaternion,
  UniformsLib,
  UniformsUtils,
  Vector3,
  type InstancedMesh,
} from 'three'

import {
  bankAxes,
  lampOffsets,
  MAX_BANKS,
  MAX_LAMPS_PER_BANK,
  PROMENADE,
  WATER_LEVEL,
  type Site,
} from './site-layout'

/** Lets the open stop's model put the bank where its landmark stands. */
export interface RiverBankApi {
  place(site: Site | null): void
}

/** The bank's top: a hair under the models' ground, so a model's own paving wins where both are drawn. */
const BANK_TOP = -0.05
/** How far the land and the embankment run, to beyond the fog. */
const REACH = 3000
const LAMP_HEIGHT = 5
const MAX_BLOCKS = MAX_BANKS * (3 + MAX_LAMPS_PER_BANK)
const MAX_LAMPS = MAX_BANKS * MAX_LAMPS_PER_BANK

const LAND = new Color('#232a33')
const GRANITE = new Color('#8a847a')
const PARAPET = new Color('#b0a898')
const POST = new Color('#2c3036')

/**
 * Stone and land glow faintly in their own colour, as the models' floodlit materials do (emissive = colour ×
 * flood): three's emissive is one colour per material, and these blocks are coloured per instance.
 */
function floodlit(shader: { fragmentShader: string }) {
  shader.fragmentShader = shader.fragmentShader.replace(
    '#include <emissivemap_fragment>',
    '#include <emissivemap_fragment>\n  totalEmissiveRadiance = diffuseColor.rgb * 0.35;',
  )
}

/** The shader of the pools of lamplight on the paving: a soft warm disc, added to what is under it. */
const POOL_VERTEX = /* glsl */ `
  varying vec2 vUv;
  #include <common>
  #include <fog_pars_vertex>
  void main() {
    vUv = uv;
    vec4 mvPosition = modelViewMatrix * instanceMatrix * vec4(position, 1.0);
    gl_Position = projectionMatrix * mvPosition;
    #include <fog_vertex>
  }
`
const POOL_FRAGMENT = /* glsl */ `
  varying vec2 vUv;
  #include <common>
  #include <fog_pars_fragment>
  void main() {
    float d = length(vUv - 0.5) * 2.0;
    float glow = pow(max(0.0, 1.0 - d), 2.0) * 0.5;
    gl_FragColor = vec4(vec3(1.0, 0.72, 0.42) * glow, 1.0);
    #include <fog_fragment>
  }
`

/**
 * The river bank around the open landmark, shared by every stop and built once for the visit: the land, a
 * granite promenade whose front is the embankment wall down to the water, a parapet along the edge, and lit
 * lamps with pools of light on the paving. A model puts it in place with `place` (its banks, from
 * `site-layout`); only instance matrices change, so changing stop allocates nothing on the GPU.
 */
export function RiverBank({ ref }: { ref: Ref<RiverBankApi> }) {
  const blocks = useRef<InstancedMesh>(null)
  const heads = useRef<InstancedMesh>(null)
  const pools = useRef<InstancedMesh>(null)
  const invalidate = useThree((s) => s.invalidate)
  // three fills in the fog's values before each frame.
  const poolUniforms = useMemo(() => UniformsUtils.clone(UniformsLib.fog), [])
  // One array for the visit: a new one in `args` would make R3F rebuild the attribute, black, on every render.
  const colours = useMemo(() => new Float32Array(MAX_BLOCKS * 3), [])

  useImperativeHandle(
    ref,
    () => ({
      place(site) {
        const b = blocks.current
        const h = heads.current
        const p = pools.current
        if (!b || !h || !p) return
        const matrix = new Matrix4()
        const turn = new Quaternion()
        const flat = new Quaternion()
        const up = new Vector3(0, 1, 0)
        const lie = new Quaternion().setFromAxisAngle(new Vector3(1, 0, 0), -Math.PI / 2)
        let nb = 0
        let nl = 0
        const block = (
          bank: { x: number; z: number },
          along: [number, number],
          out: [number, number],
          // The box in the bank's own frame: u along the edge, v toward the water, y up.
          [u0, u1]: [number, number],
          [y0, y1]: [number, number],
          [v0, v1]: [number, number],
          colour: Color,
        ) => {
          const u = (u0 + u1) / 2
          const v = (v0 + v1) / 2
          matrix.compose(
            new Vector3(
              bank.x + along[0] * u + out[0] * v,
              (y0 + y1) / 2,
              bank.z + along[1] * u + out[1] * v,
            ),
            turn,
            new Vector3(u1 - u0, y1 - y0, v1 - v0),
          )
          b.setMatrixAt(nb, matrix)
          b.setColorAt(nb, colour)
          nb++
        }
        const banks = site?.banks.slice(0, MAX_BANKS) ?? []
        for (const bank of banks) {
          const { along, out } = bankAxes(bank)
          turn.setFromAxisAngle(up, (bank.facing * Math.PI) / 180)
          flat.copy(turn).multiply(lie)
          const length: [number, number] = [-REACH, REACH]
          const footing = WATER_LEVEL - 2
          block(bank, along, out, length, [footing, BANK_TOP], [-REACH, -PROMENADE], LAND)
          block(bank, along, out, length, [footing, BANK_TOP], [-PROMENADE, 0], GRANITE)
          block(bank, along, out, length, [BANK_TOP, BANK_TOP + 0.7], [-0.5, 0], PARAPET)
          for (const offset of lampOffsets(bank, site!.footprint).slice(0, MAX_LAMPS_PER_BANK)) {
            const at: [number, number] = [offset - 0.12, offset + 0.12]
            block(bank, along, out, at, [BANK_TOP, BANK_TOP + LAMP_HEIGHT], [-1.62, -1.38], POST)
            const x = bank.x + along[0] * offset - out[0] * 1.5
            const z = bank.z + along[1] * offset - out[1] * 1.5
            matrix.compose(new Vector3(x, BANK_TOP + LAMP_HEIGHT + 0.25, z), turn, new Vector3(0.8, 0.5, 0.8))
            h.setMatrixAt(nl, matrix)
            matrix.compose(new Vector3(x, BANK_TOP + 0.04, z), flat, new Vector3(12, 12, 1))
            p.setMatrixAt(nl, matrix)
            nl++
          }
        }
        for (const [mesh, count] of [
          [b, nb],
          [h, nl],
          [p, nl],
        ] as const) {
          mesh.count = count
          mesh.instanceMatrix.needsUpdate = true
          if (mesh.instanceColor) mesh.instanceColor.needsUpdate = true
          // Culling uses the instances' bounds, which have just moved.
          mesh.computeBoundingSphere()
          mesh.visible = count > 0
        }
        invalidate()
      },
    }),
    [invalidate],
  )

  return (
    <>
      <instancedMesh ref={blocks} args={[undefined, undefined, MAX_BLOCKS]} count={0} visible={false}>
        <boxGeometry />
        <meshStandardMaterial
          roughness={0.95}
          // Behind the models' own ground where both lie at the same height.
          polygonOffset
          polygonOffsetFactor={2}
          polygonOffsetUnits={2}
          onBeforeCompile={floodlit}
        />
        <instancedBufferAttribute attach="instanceColor" args={[colours, 3]} />
      </instancedMesh>
      <instancedMesh ref={heads} args={[undefined, undefined, MAX_LAMPS]} count={0} visible={false}>
        <boxGeometry />
        <meshStandardMaterial color="#fff1d6" emissive="#ffd68a" emissiveIntensity={3} />
      </instancedMesh>
      <instancedMesh ref={pools} args={[undefined, undefined, MAX_LAMPS]} count={0} visible={false}>
        <planeGeometry />
        <shaderMaterial
          vertexShader={POOL_VERTEX}
          fragmentShader={POOL_FRAGMENT}
          blending={AdditiveBlending}
          transparent
          depthWrite={false}
          fog
          uniforms={poolUniforms}
        />
      </instancedMesh>
    </>
  )
}
