import { useEffect, useState } from 'react';
import { useTranslation } from '../../i18n';

const KEY = 'paraat.projector';

function remembered(): boolean {
  try {
    return localStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

/** Large type for a projected room; remembered on this device. */
export function ProjectorToggle() {
  const { t } = useTranslation();
  const [on, setOn] = useState(remembered);
  useEffect(() => {
    if (on) document.documentElement.dataset.projector = '';
    else delete document.documentElement.dataset.projector;
    try {
      localStorage.setItem(KEY, on ? '1' : '0');
    } catch {
      // Storage unavailable: the choice holds for this visit.
    }
  }, [on]);
  return (
    <button
      type="button"
      aria-pressed={on}
      onClick={() => {
        setOn(!on);
      }}
    >
      {t('console.projector')}
    </button>
  );
}
