/** Moonlight and a dim city sky; the landmarks' own lights are emissive materials in their models. */
export function NightLighting() {
  return (
    <>
      <hemisphereLight args={['#3a4f8a', '#05070d', 0.9]} />
      <directionalLight position={[-300, 500, 200]} intensity={0.7} color="#aebfff" />
      <ambientLight intensity={0.15} />
    </>
  )
}
