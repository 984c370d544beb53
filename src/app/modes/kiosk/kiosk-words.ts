import type { Lang } from '@/route/schema'

/**
 * The kiosk's own words, in every language at once: a passer-by has not chosen one yet. Kept in the kiosk's chunk
 * (phones never download it); Cantonese in Traditional characters, as in src/i18n/messages.ts.
 */
export const KIOSK_WORDS = {
  touchToStart: {
    'zh-Hans': '轻触屏幕，开始游览',
    en: 'Touch the screen to start the tour',
    yue: '㩒一下個螢幕，即刻開始遊覽',
  },
  scanForPhone: {
    'zh-Hans': '扫码，在手机上继续游览',
    en: 'Scan to take this tour on your phone',
    yue: '用手機掃一掃，喺手機度繼續遊覽',
  },
  qrLabel: {
    'zh-Hans': '二维码：在手机上打开这一站',
    en: 'QR code: open this stop on your phone',
    yue: '二維碼：喺手機度打開呢個站',
  },
} as const satisfies Record<string, Record<Lang, string>>

export type KioskWord = keyof typeof KIOSK_WORDS
