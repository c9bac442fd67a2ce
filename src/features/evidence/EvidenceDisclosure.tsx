import { lazy, Suspense, useId, useState } from 'react';
import { useTranslation } from '../../i18n';

const EvidencePanel = lazy(() => import('./EvidencePanel'));

/**
 * In the tear-agent decision dialog: what is known, opened on request, so
 * the mayor can weigh it (the regional mayors asked for this analysis).
 */
export function EvidenceDisclosure() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className="evidence-disclosure">
      <button
        type="button"
        className="evidence-disclosure__toggle"
        aria-expanded={open}
        aria-controls={`${id}-evidence`}
        onClick={() => {
          setOpen(!open);
        }}
      >
        <span aria-hidden="true">{open ? '▾ ' : '▸ '}</span>
        {open ? t('evidence.close') : t('evidence.open')}
      </button>
      <div id={`${id}-evidence`} hidden={!open}>
        {open && (
          <Suspense fallback={<p role="status">…</p>}>
            <EvidencePanel />
          </Suspense>
        )}
      </div>
    </div>
  );
}
