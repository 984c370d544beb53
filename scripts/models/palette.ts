/** Materials that several sites share, so that the same lamp or tree looks the same everywhere. */

import type { MaterialSpec } from './model'

/** A street lamp's glowing globe. */
export const LAMP_LIGHT: MaterialSpec = { color: 0xffe6b0, emissive: 0xffd890, strength: 4 }

/** A tree's crown, floodlit from below. */
export const TREE_CROWN: MaterialSpec = { color: 0x3a6a40, roughness: 0.95, flood: 0.3 }

/** A tree's trunk. */
export const TREE_TRUNK: MaterialSpec = { color: 0x4a3a2c, roughness: 0.95 }
