import { useEffect, useState } from 'react';
import { useTranslation } from '../../i18n';
// The small module itself, not the session index: the header is on the first screen (initialJs).
import { readPreference, writePreference } from '../../session/local/preferences';

const KEY = 'paraat.projector';

const remembered = (): boolean => readPreference('device', KEY) === '1';

/** Large type for a projected room; remembered on this device. */
export function ProjectorToggle() {
  const { t } = useTranslation();
  const [on, setOn] = useState(remembered);
  useEffect(() => {
    if (on) document.documentElement.dataset.projector = '';
    else delete document.documentElement.dataset.projector;
    writePreference('device', KEY, on ? '1' : '0');
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
