import { useEffect, useRef } from 'react';
import type { StorageStatus } from '../../session';
import { useTranslation } from '../../i18n';

export interface StorageBannerProps {
  status: StorageStatus;
  /** Entries this tab holds that storage does not (written while in conflict, or not stored yet). */
  unsaved?: number;
  /** The exercise was just opened again as stored, and nothing happened since: what it now shows. */
  reloaded?: { phase: number; entries: number } | null;
  /** The browser's storage is unavailable altogether: everything lives in memory. */
  volatile: boolean;
  onRetry: () => void;
  onExport: () => void;
  onReload: () => void;
}

/** Storage trouble is never silent: say what happened and offer a way out. */
export function StorageBanner({
  status,
  unsaved = 0,
  reloaded = null,
  volatile,
  onRetry,
  onExport,
  onReload,
}: StorageBannerProps) {
  const { t } = useTranslation();
  if (status.state === 'conflict')
    return (
      <div className="banner banner--error" role="alert">
        <p>
          <span aria-hidden="true">⚠ </span>
          {t('console.storage.conflict')}
          {unsaved > 0 && ` ${t('console.storage.conflictUnsaved', { count: unsaved })}`}
        </p>
        {/* With entries only this tab holds, export comes first: loading what is stored drops them. */}
        <button type="button" className={unsaved > 0 ? undefined : 'button--primary'} onClick={onReload}>
          {t('console.storage.reload')}
        </button>
        <button type="button" className={unsaved > 0 ? 'button--primary' : undefined} onClick={onExport}>
          {t('console.storage.export')}
        </button>
      </div>
    );
  if (status.state === 'failed')
    return (
      <div className="banner banner--error" role="alert">
        <p>
          <span aria-hidden="true">⚠ </span>
          {t('console.storage.failed', { reason: t(`console.storage.${status.reason}`), count: status.unsaved })}
        </p>
        <button type="button" onClick={onRetry}>
          {t('console.storage.retry')}
        </button>
        <button type="button" className="button--primary" onClick={onExport}>
          {t('console.storage.export')}
        </button>
      </div>
    );
  if (reloaded) return <ReloadedNotice phase={reloaded.phase} entries={reloaded.entries} />;
  if (volatile)
    return (
      <div className="banner banner--warning" role="status">
        <p>
          <span aria-hidden="true">⚠ </span>
          {t('console.storage.volatile')}
        </p>
        <button type="button" onClick={onExport}>
          {t('console.storage.export')}
        </button>
      </div>
    );
  return null;
}

/**
 * Takes focus when it appears: the button that asked for the reload has gone with the conflict
 * banner, and a screen reader hears what the tab now shows.
 */
function ReloadedNotice({ phase, entries }: { phase: number; entries: number }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div ref={ref} className="banner banner--ok" role="status" tabIndex={-1}>
      <p>
        <span aria-hidden="true">✓ </span>
        {t('console.storage.reloaded', { phase, count: entries })}
      </p>
    </div>
  );
}
