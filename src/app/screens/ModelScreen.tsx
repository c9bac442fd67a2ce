import type { ReactNode } from 'react';
import {
  useActing,
  useRecheckWhenShown,
  useReopened,
  useSession,
  useSessionState,
} from '../../session';
import { useTranslation } from '../../i18n';
import { ActingAs } from '../../features/actingAs/ActingAs';
import { ModelFigure } from '../../features/diagram/ModelFigure';
import { ATTEMPT_DIALOGS } from './attemptDialogs';
import { byOf } from './byOf';
import { SessionStorageBanner } from './SessionStorageBanner';

export interface ModelScreenProps {
  /** The header's right-hand controls (language, projector), owned by the app. */
  headerControls: ReactNode;
  onBack: () => void;
  /** Open this exercise again as stored, in a new session (the app's); without it the page reloads. */
  onReload?: () => void;
}

/**
 * The model on its own screen, for a projector: the live diagram at its own
 * size, scrolled to where the exercise is, with who acts chosen here as in
 * the console (the choice is shared with it).
 */
export default function ModelScreen({ headerControls, onBack, onReload }: ModelScreenProps) {
  const { t } = useTranslation();
  const session = useSession();
  const state = useSessionState();
  const { head } = state;
  const cast = head.setup.cast;
  const { acting, setActingId } = useActing(head);

  // Transitions tried here are written like the console's: another tab's write is said at once, here too.
  useRecheckWhenShown(session);
  const { generation, reloaded } = useReopened();

  return (
    <>
      <header className="app-header model-screen__header">
        <div>
          <button type="button" className="console-header__back" onClick={onBack}>
            <span aria-hidden="true">← </span>
            {t('diagram.backToConsole')}
          </button>
          <h1>
            {head.setup.title} — {t('diagram.title')}
          </h1>
        </div>
        {headerControls}
      </header>
      <main id="main" tabIndex={-1} className="model-screen">
        {/* Storage trouble only: that everything lives in memory is the console's to say. */}
        <SessionStorageBanner volatile={false} reloaded={reloaded} onReload={onReload} />
        {acting && <ActingAs cast={cast} actingAs={acting.id} onChange={setActingId} />}
        {acting && <ModelFigure key={generation} actingAs={byOf(acting)} dialogs={ATTEMPT_DIALOGS} />}
      </main>
    </>
  );
}
