import { useId, type ReactNode } from 'react';
import { useTranslation } from '../../i18n';

export interface ConsoleHeaderProps {
  title: string;
  municipality: string;
  /** The exercise clock with its controls: on the one line, always in view. */
  clock: ReactNode;
  /** Language and projector mode (the app's), behind "Meer" with the ways to the debrief and the replay. */
  headerControls: ReactNode;
  debriefHref?: string | undefined;
  replayHref?: string | undefined;
  onBack: () => void;
}

/**
 * One line for a projected room: the way back, the exercise, the clock, and "Meer". A trainer sets
 * projector mode and language once, and opens the debrief after the exercise, so those wait in a
 * popover; the clock is used all the time, so it stays on the line. At 1366×768 in projector mode
 * the header stays under a fifth of the height (issue #12), without smaller type.
 */
export function ConsoleHeader({
  title,
  municipality,
  clock,
  headerControls,
  debriefHref,
  replayHref,
  onBack,
}: ConsoleHeaderProps) {
  const { t } = useTranslation();
  const more = useId();
  return (
    <header className="app-header console-header">
      <button type="button" className="console-header__back" onClick={onBack}>
        <span aria-hidden="true">← </span>
        {t('console.back')}
      </button>
      <div className="console-header__title">
        <h1>{title}</h1>
        <p className="app-header__tagline">{t('console.municipality', { municipality })}</p>
      </div>
      {clock}
      {/* A native popover: Escape and a click elsewhere close it, and Tab goes from the button into it. */}
      <button type="button" className="console-header__more" popoverTarget={more} aria-controls={more}>
        {t('console.more')}
        <span aria-hidden="true"> ▾</span>
      </button>
      <div
        id={more}
        popover="auto"
        role="group"
        className="console-header__popover"
        aria-label={t('console.moreLabel')}
      >
        {(debriefHref ?? replayHref) && (
          <p className="console-header__links">
            {debriefHref && (
              <a className="console-header__link" href={debriefHref}>
                {t('debrief.open')}
                <span aria-hidden="true"> →</span>
              </a>
            )}
            {replayHref && (
              <a className="console-header__link" href={replayHref}>
                {t('replay.open')}
                <span aria-hidden="true"> →</span>
              </a>
            )}
          </p>
        )}
        {headerControls}
      </div>
    </header>
  );
}
