import { useId } from 'react';
import { useTranslation } from '../../i18n';

/** "3f9a12c0…e1d4": enough to compare by eye on a projector; the whole hash one click away. */
export const shortHash = (hash: string) => (hash.length > 16 ? `${hash.slice(0, 8)}…${hash.slice(-4)}` : hash);

/**
 * The log's fingerprint (the hash of its last line), short, with the full
 * value in a disclosure a keyboard opens and a trainer can copy from.
 */
export function FinalHash({ hash }: { hash: string }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <details className="final-hash">
      <summary aria-describedby={`${id}-help`}>
        <code>{shortHash(hash)}</code>
        <span className="visually-hidden"> {t('exerciseFile.fingerprintShow')}</span>
      </summary>
      <code className="final-hash__full">{hash}</code>
      <span id={`${id}-help`} className="final-hash__help">
        {t('exerciseFile.fingerprintHelp')}
      </span>
    </details>
  );
}
