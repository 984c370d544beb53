import { IcosahedronGeometry } from 'three'

import { block, flat, lancet, place, prism } from './geometry'
import { createModel, type Model } from './model'

/** Pazhou Pagoda: octagonal, 9 storeys, 12.7 m base, about 59 m; white walls, red posts and lintels, corbelled eaves. */
export function buildPazhouPagoda(): Model {
  const { model, add } = createModel({
    wall: { color: 0xeee8dc, roughness: 0.9, emissive: 0xffe2b8, strength: 0.38 },
    eave: { color: 0x5e5955, roughness: 0.9, flood: 0.3 },
    red: { color: 0xb02c1e, roughness: 0.8, flood: 0.45 },
    plinth: { color: 0x9a5040, roughness: 0.95, flood: 0.35 },
    lit: { color: 0x503010, emissive: 0xffb050, strength: 2 },
    finial: { color: 0xc9a04a, metallic: 0.7, roughness: 0.4, emissive: 0x604010, strength: 0.8 },
  })
  const sides = 8
  const oct = { faceZ: true, flat: true }
  add('plinth', prism(7.6, 7.4, 1.8, sides, 0, 0, 0, oct))
  let y = 1.8
  const storeys = 9
  for (let i = 0; i < storeys; i++) {
    const r = 6.35 - (i * 2.45) / (storeys - 1)
    const rNext = 6.35 - ((i + 1) * 2.45) / (storeys - 1)
    const h = 6.4 - 0.2 * i
    const wallH = h - 1.3
    add('wall', prism(r, r - 0.12, wallH, sides, 0, y, 0, oct))
    add('red', prism(r + 0.08, r + 0.06, 0.45, sides, 0, y + wallH - 0.7, 0, oct))
    add('eave', prism(r - 0.1, r + 1.25, 0.8, sides, 0, y + wallH, 0, oct))
    add('eave', prism(r + 1.25, Math.max(rNext, 1), 0.5, sides, 0, y + wallH + 0.8, 0, oct))
    for (let k = 0; k < sides; k++) {
      const a = (k * 2 * Math.PI) / sides // face centre (faces sit at multiples of π/4 from +Z)
      const ca = a + Math.PI / sides
      add('red', block(0.55, wallH - 0.7, 0.55, (r - 0.1) * Math.sin(ca), y, (r - 0.1) * Math.cos(ca), ca))
      // Doorways on alternate faces, turning by one face each storey.
      if ((k + i) % 2 === 0) {
        const ap = r * Math.cos(Math.PI / sides) - 0.05
        add(
          'lit',
          place(
            lancet(1.3, 2.4),
            ap * Math.sin(a) + 0.07 * Math.sin(a),
            y + 0.8,
            ap * Math.cos(a) + 0.07 * Math.cos(a),
            a,
          ),
        )
      }
    }
    y += h
  }
  add('eave', prism(4.5, 0.6, 2.6, sides, 0, y - 0.1, 0, oct))
  add('finial', prism(0.25, 0.15, 5.2, 6, 0, y + 1.5, 0))
  add(
    'finial',
    place(flat(new IcosahedronGeometry(0.9, 0)), 0, y + 3, 0),
    place(flat(new IcosahedronGeometry(0.6, 0)), 0, y + 4.6, 0),
  )
  return model
}
