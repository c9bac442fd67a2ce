import type { StorageStatus } from '../../session';
import { useTranslation } from '../../i18n';

export interface StorageBannerProps {
  status: StorageStatus;
  /** The browser's storage is unavailable altogether: everything lives in memory. */
  volatile: boolean;
  onRetry: () => void;
  onExport: () => void;
  onReload: () => void;
}

/** Storage trouble is never silent: say what happened and offer a way out. */
export function StorageBanner({ status, volatile, onRetry, onExport, onReload }: StorageBannerProps) {
  const { t } = useTranslation();
  if (status.state === 'conflict')
    return (
      <div className="banner banner--error" role="alert">
        <p>
          <span aria-hidden="true">⚠ </span>
          {t('console.storage.conflict')}
        </p>
        <button type="button" onClick={onReload}>
          {t('console.storage.reload')}
        </button>
        <button type="button" onClick={onExport}>
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
