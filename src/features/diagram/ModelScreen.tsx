import { useEffect, useState, type ReactNode } from 'react';
import { useSessionState } from '../../session';
import { useTranslation } from '../../i18n';
import { ActingAs } from '../actingAs/ActingAs';
import { ACTING_KEY, byOf } from '../console/ConsoleScreen';
import { ModelFigure } from './ModelFigure';

export interface ModelScreenProps {
  /** The header's right-hand controls (language, projector), owned by the app. */
  headerControls: ReactNode;
  onBack: () => void;
}

/**
 * The model on its own screen, for a projector: the live diagram at its own
 * size, scrolled to where the exercise is, with who acts chosen here as in
 * the console (the choice is shared with it).
 */
export default function ModelScreen({ headerControls, onBack }: ModelScreenProps) {
  const { t } = useTranslation();
  const { head } = useSessionState();
  const cast = head.setup.cast;
  const [actingId, setActingId] = useState(() => {
    const remembered = sessionStorage.getItem(ACTING_KEY + head.id);
    return (
      cast.find((member) => member.id === remembered)?.id ??
      cast.find((member) => member.role === 'commander')?.id ??
      cast[0]?.id ??
      ''
    );
  });
  const acting = cast.find((member) => member.id === actingId) ?? cast[0];

  useEffect(() => {
    sessionStorage.setItem(ACTING_KEY + head.id, actingId);
  }, [actingId, head.id]);

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
        {acting && <ActingAs cast={cast} actingAs={acting.id} onChange={setActingId} />}
        {acting && <ModelFigure actingAs={byOf(acting)} />}
      </main>
    </>
  );
}
