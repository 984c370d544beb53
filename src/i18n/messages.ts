import type { Lang } from '@/route/schema'

/** The app's own words (route content comes from the route). Cantonese reads these in Traditional Chinese. */
const EN = {
  appName: 'Reading Guangzhou by Water',
  loadingRoute: 'Loading the route…',
  routeFailed: 'This route could not be opened',
  routeFailedHint: 'The route file has problems. Curators: run `npm run validate` on it for the same list.',
  networkFailed: 'Could not load {what}: {reason}',
  stops: 'Stops',
  stopsNav: 'Stops on this route',
  map: 'Map of the Pearl River',
  mapLoading: 'Loading the map…',
  mapFailed: 'The map could not be shown: {reason}',
  scene: '3D view of {title}',
  sceneLoading: 'Loading the 3D view…',
  sceneFailed: 'The 3D model could not be loaded. The story and narration still work.',
  sceneHint: 'Drag to turn, pinch to zoom',
  next: 'Next stop',
  prev: 'Previous stop',
  allStops: 'All stops',
  play: 'Play narration',
  pause: 'Pause narration',
  seek: 'Narration position',
  narrationLoading: 'Loading the narration…',
  narrationFailed: 'The narration could not be played: {reason}. The full text is below.',
  noNarration: 'No narration in this language yet; the full text is below.',
  captions: 'Captions',
  story: 'Story',
  language: 'Language',
  credits: 'Credits',
  creditsTitle: 'Credits and sources',
  close: 'Close',
  sources: 'Sources for this stop',
  inLanguage: 'Shown in {lang}: no translation yet',
  stopOf: 'Stop {n} of {total}',
} as const

export type MessageKey = keyof typeof EN
type Messages = Record<MessageKey, string>

const ZH_HANS: Messages = {
  appName: '以水读城',
  loadingRoute: '正在载入路线…',
  routeFailed: '无法打开这条路线',
  routeFailedHint: '路线文件有问题。策展人可运行 `npm run validate` 查看同样的列表。',
  networkFailed: '无法载入{what}：{reason}',
  stops: '站点',
  stopsNav: '本路线的站点',
  map: '珠江地图',
  mapLoading: '正在载入地图…',
  mapFailed: '地图无法显示：{reason}',
  scene: '{title}的三维视图',
  sceneLoading: '正在载入三维视图…',
  sceneFailed: '三维模型未能载入。故事和讲解仍可使用。',
  sceneHint: '拖动旋转，双指缩放',
  next: '下一站',
  prev: '上一站',
  allStops: '全部站点',
  play: '播放讲解',
  pause: '暂停讲解',
  seek: '讲解进度',
  narrationLoading: '正在载入讲解…',
  narrationFailed: '讲解无法播放：{reason}。全文见下方。',
  noNarration: '这种语言暂无讲解音频，全文见下方。',
  captions: '字幕',
  story: '故事',
  language: '语言',
  credits: '致谢',
  creditsTitle: '致谢与资料来源',
  close: '关闭',
  sources: '本站资料来源',
  inLanguage: '暂无译文，以{lang}显示',
  stopOf: '第 {n} 站，共 {total} 站',
}

const MESSAGES: Record<Lang, Messages> = { en: EN, 'zh-Hans': ZH_HANS, yue: ZH_HANS }

/** The names of the languages, each in its own language, for the language switch. */
export const LANGUAGE_LABELS: Record<Lang, string> = { 'zh-Hans': '中文', en: 'English', yue: '粤语' }

/** A UI string in `lang`, with `{name}` placeholders filled from `values`. */
export function translate(lang: Lang, key: MessageKey, values: Record<string, string | number> = {}): string {
  return MESSAGES[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole))
}
