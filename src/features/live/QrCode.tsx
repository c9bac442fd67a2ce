import { useMemo } from 'react';
import { create } from 'qrcode';
import { useTranslation } from '../../i18n';

export interface QrCodeProps {
  /** What the code says: a join link. */
  text: string;
  /** Drawn size in CSS pixels. */
  size?: number;
}

/**
 * A QR code drawn as SVG from the `qrcode` package's matrix: no network, no
 * canvas and no markup from a string (the CSP allows no data: images), so it
 * shows on the projector offline. Error correction M, with the four-module
 * quiet zone the standard asks for (ISO/IEC 18004).
 */
export function QrCode({ text, size = 256 }: QrCodeProps) {
  const { t } = useTranslation();
  const { path, extent } = useMemo(() => {
    const { modules } = create(text, { errorCorrectionLevel: 'M' });
    const quiet = 4;
    let d = '';
    for (let row = 0; row < modules.size; row++)
      for (let column = 0; column < modules.size; column++)
        if (modules.get(row, column)) d += `M${String(column + quiet)} ${String(row + quiet)}h1v1h-1z`;
    return { path: d, extent: modules.size + 2 * quiet };
  }, [text]);
  return (
    <svg
      className="qr-code"
      role="img"
      aria-label={t('live.qr.label', { text })}
      width={size}
      height={size}
      viewBox={`0 0 ${String(extent)} ${String(extent)}`}
      shapeRendering="crispEdges"
    >
      <rect width={extent} height={extent} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
