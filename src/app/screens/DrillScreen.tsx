import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from '../../i18n';
import { openDrillStorage, type DrillStorage } from '../../session/local/openDrillStorage';
import { DrillFlow } from '../../features/drill/DrillFlow';
import { EvidenceDisclosure } from '../../features/evidence/EvidenceDisclosure';

export interface DrillScreenProps {
  headerControls: ReactNode;
  startHref: string;
  /** The drill's storage; this device's (IndexedDB, else memory) by default. Stories pass memory. */
  storage?: DrillStorage;
}

/** This device's drill storage, opened once the screen is up. */
function useDrillStorage(given: DrillStorage | undefined): DrillStorage | null {
  const [opened, setOpened] = useState<DrillStorage | null>(null);
  useEffect(() => {
    if (given) return;
    let cancelled = false;
    void openDrillStorage().then((storage) => {
      if (!cancelled) setOpened(storage);
    });
    return () => {
      cancelled = true;
    };
  }, [given]);
  return given ?? opened;
}

/**
 * The decision drill (issue #15): for the mayor's staff, alone and offline.
 * The drill's parts come from the drill feature; what is known about the tear
 * agent from the evidence feature, offered where the tear agent is at stake.
 */
export default function DrillScreen({ headerControls, startHref, storage: given }: DrillScreenProps) {
  const { t } = useTranslation();
  const storage = useDrillStorage(given);
  return (
    <>
      <header className="app-header">
        <div>
          <a className="drill-screen__back" href={startHref}>
            <span aria-hidden="true">← </span>
            {t('drill.back')}
          </a>
          <h1>{t('drill.title')}</h1>
        </div>
        {headerControls}
      </header>
      <main id="main" tabIndex={-1} className="drill-screen">
        {storage ? (
          <DrillFlow storage={storage} evidence={<EvidenceDisclosure />} />
        ) : (
          <p role="status">{t('drill.loading')}</p>
        )}
      </main>
    </>
  );
}
