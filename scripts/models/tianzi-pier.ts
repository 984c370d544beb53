import { WATER_LEVEL } from '../../src/scene/site-layout'
import { seeded } from '../seeded-random'
import { cruiseBoat, placeBoat } from './boats'
import { block, hipRoof, hull, polyline, prism } from './geometry'
import { streetRow } from './city'
import { createModel, type Geoms, type Model } from './model'
import { LAMP_LIGHT } from './palette'
import { signText } from './sign'
import { lamp } from './street'

/**
 * Tianzi Pier (天字码头). Facts used (LANDMARKS.md §8): on the north bank at Yanjiang Middle Road and Beijing Road,
 * serving ferries, water buses and the night cruise (en.wikipedia "Tianzi Wharf"); the 24 lit buildings of
 * Yanjiang Road (中新经纬 2021-09-29); the name board over the main gate, "天字码头" in four large characters by the
 * calligrapher Chen Jingshu (yuhongchalk.cn, "TianZi"). From photographs: a gate hall with a double-eaved
 * green-tiled roof on red columns, a gangway to a pontoon and waiting hall, a ferry alongside, Yanjiang Road behind.
 */
export async function buildTianziPier(): Promise<Model> {
  const { model, add } = createModel({
    quay: { color: 0x8a867c, roughness: 0.95, flood: 0.25 },
    roofTile: { color: 0x55695e, roughness: 0.7, flood: 0.35 },
    red: { color: 0xb02e22, roughness: 0.7, flood: 0.45 },
    wall: { color: 0xe2dcd0, roughness: 0.85, flood: 0.35 },
    lit: { color: 0xfff0c8, emissive: 0xffd08a, strength: 1.4 },
    gold: { color: 0xe0b040, metallic: 0.6, emissive: 0xffc040, strength: 1.6 },
    boatHull: { color: 0xe8e8e4, roughness: 0.6, flood: 0.4 },
    cabin: { color: 0x2f4156, roughness: 0.6, flood: 0.3 },
    led: { color: 0x102040, emissive: 0x40b0ff, strength: 3 },
    lampLight: LAMP_LIGHT,
    facade: { color: 0xc8b48e, roughness: 0.9, flood: 0.42 },
    dark: { color: 0x1c222a, metallic: 0.3, roughness: 0.3 },
    road: { color: 0x3a3c40, roughness: 1, flood: 0.15 },
  })
  const waterY = WATER_LEVEL
  add('quay', block(110, 6, 30, 0, -6, -15))
  // Gate hall with red columns and a double-eaved hip roof with flared eaves.
  const gz = -14
  add('wall', block(26, 6.5, 9, 0, 0, gz))
  add('lit', block(26.1, 4, 9.1, 0, 0.5, gz))
  for (let k = 0; k < 6; k++) add('red', prism(0.4, 0.4, 7, 10, -12.5 + k * 5, 0, gz + 5.3))
  add('red', block(28, 0.9, 12, 0, 7, gz + 0.5))
  add(
    'roofTile',
    prism(21, 16, 2, 4, 0, 0, 0)
      .rotateY(Math.PI / 4)
      .scale(1, 1, 0.43)
      .translate(0, 7.9, gz + 0.5),
  )
  add('wall', block(18, 2.2, 6, 0, 9.9, gz + 0.5))
  add('roofTile', hipRoof(25, 10, 4.5, 0, 12, gz + 0.5))
  for (const sx of [-1, 1]) {
    for (const sz of [-1, 1])
      add(
        'roofTile',
        hull([
          [sx * 14.5, 8.3, gz + 0.5 + sz * 6.8],
          [sx * 12, 8.3, gz + 0.5 + sz * 5],
          [sx * 12.8, 9.8, gz + 0.5 + sz * 5.8],
          [sx * 15.6, 9.6, gz + 0.5 + sz * 7.6],
        ]),
      )
  }
  // The name board over the entrance: its four gilt characters on red, facing the river.
  add('red', block(15, 3.6, 0.4, 0, 3.9, gz + 6))
  add('gold', (await signText('天字码头', { height: 3, font: 'serif' })).translate(0, 5.7, gz + 6.25))
  // Yanjiang Road behind: the floodlit arcaded façades of the old waterfront across the road.
  const rng = seeded(31)
  const street = { walls: [] as Geoms, lit: [] as Geoms, dark: [] as Geoms }
  streetRow({ x0: -55, x1: 55, z: -42, storeys: [4, 6], lit: 0.5, arcade: true }, rng, street)
  add('facade', ...street.walls)
  add('lit', ...street.lit)
  add('dark', ...street.dark)
  add('road', block(110, 0.1, 12, 0, 0, -34))
  for (let x = -49; x <= 49; x += 14) {
    const l = lamp(x, -29, 6)
    add('red', l.post)
    add('lampLight', l.light)
  }
  // Gangway down to the pontoon.
  add(
    'quay',
    hull([
      [-2, 0, 0],
      [2, 0, 0],
      [-2, -0.4, 0],
      [2, -0.4, 0],
      [-2, -1.6, 14],
      [2, -1.6, 14],
      [-2, -2, 14],
      [2, -2, 14],
    ]),
  )
  add(
    'wall',
    ...polyline(
      [
        [-2, 1, 0],
        [-2, -0.6, 14],
      ],
      0.06,
    ),
    ...polyline(
      [
        [2, 1, 0],
        [2, -0.6, 14],
      ],
      0.06,
    ),
  )
  // Pontoon with its waiting hall.
  add('quay', block(56, 1.6, 10, 0, waterY - 0.2, 19))
  add('wall', block(32, 3, 6, -6, -1.6, 18.5))
  add('lit', block(32.1, 1.6, 6.1, -6, -1, 18.5))
  add('red', block(34, 0.4, 7.5, -6, 1.4, 18.5))
  const ferry = placeBoat(cruiseBoat(34, 8, 2), 30, waterY, 29, 0)
  add('boatHull', ...ferry.hull)
  add('cabin', ...ferry.cabin)
  add('lit', ...ferry.glass)
  add('led', ...ferry.led)
  for (let x = -42; x <= 42; x += 12) {
    const l = lamp(x, -1.2, 4.5)
    add('red', l.post)
    add('lampLight', l.light)
  }
  // The quay's front is the bank's edge; pontoon and ferry lie on the river.
  model.riverBanks = [{ x: 0, z: 0, facing: 0 }]
  // Nearly straight in from the river, so that the name board reads.
  model.overview = { azimuth: 12, elevation: 12 }
  return model
}
