/** The river at night: a dark, glossy plane at the waterline, shared by every stop. */
export function Water() {
  return (
    <mesh rotation-x={-Math.PI / 2} position-y={-0.5}>
      <planeGeometry args={[20000, 20000]} />
      <meshStandardMaterial color="#0a1a30" metalness={0.7} roughness={0.3} />
    </mesh>
  )
}
