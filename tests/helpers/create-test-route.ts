import type { Route, Stop } from '@/route/schema'

/** A fresh, valid route with `stops` stops along a straight course: one per test, never shared. */
export function createTestRoute({ stops = 3 }: { stops?: number } = {}): Route {
  return {
    $schema: '../route.schema.json',
    schemaVersion: 2,
    id: 'test-route',
    defaultLanguage: 'zh-Hans',
    languages: ['zh-Hans', 'en'],
    title: { 'zh-Hans': '测试路线', en: 'Test route' },
    summary: { 'zh-Hans': '一条测试路线。', en: 'A route for tests.' },
    bounds: [
      [113.2, 23.05],
      [113.4, 23.15],
    ],
    map: {
      center: [113.3, 23.1],
      zoom: 12,
      attribution: '© OpenStreetMap contributors',
      basemap: {
        water: 'basemap/water.geojson',
        banks: 'basemap/banks.geojson',
        bridges: 'basemap/bridges.geojson',
        labels: 'basemap/labels.geojson',
      },
    },
    course: [
      [113.21, 23.1],
      [113.39, 23.1],
    ],
    stops: Array.from({ length: stops }, (_, i) => createTestStop(i)),
    credits: [
      {
        title: { 'zh-Hans': '地图数据', en: 'Map data' },
        author: '© OpenStreetMap contributors',
        license: 'ODbL 1.0',
      },
    ],
  }
}

/** Stop number `i` of a test route, 0-based. */
export function createTestStop(i: number): Stop {
  const id = `stop-${i + 1}`
  return {
    id,
    title: { 'zh-Hans': `第${i + 1}站`, en: `Stop ${i + 1}` },
    summary: { 'zh-Hans': '一句话。', en: 'One line.' },
    story: { 'zh-Hans': '故事。\n\n第二段。', en: 'A story.\n\nA second paragraph.' },
    position: [113.22 + i * 0.01, 23.1],
    zoom: 15,
    trigger: { type: 'radius', radius: 300 },
    model: { src: `models/${id}.glb`, alt: { 'zh-Hans': '模型。', en: 'A model.' } },
    narration: {
      'zh-Hans': { audio: [`audio/${id}.zh-Hans.webm`], captions: `audio/${id}.zh-Hans.vtt` },
      en: { audio: [`audio/${id}.en.webm`], captions: `audio/${id}.en.vtt` },
    },
    sources: [{ title: 'Test source', url: 'https://example.org/', accessed: '2026-12-07' }],
  }
}
