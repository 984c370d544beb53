import { useCameraCapture, type CameraPose } from '@/scene/camera-capture'

import type { StudioT } from './studio-t'

/**
 * "Use this view": reads the preview's orbit camera. A chunk of its own, loaded with the preview, because the
 * capture store sits beside the 3D code it reads from.
 */
export default function CaptureViewButton({
  onCapture,
  t,
}: {
  onCapture: (pose: CameraPose) => void
  t: StudioT
}) {
  const read = useCameraCapture((s) => s.read)
  return (
    <button
      type="button"
      disabled={!read}
      title={read ? undefined : t('studioCaptureWaiting')}
      onClick={() => read && onCapture(read())}
    >
      {t('studioUseThisView')}
    </button>
  )
}
