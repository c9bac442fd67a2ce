import { useEffect, useId, useState } from 'react';
import type { By, Text } from '../../../machines';
import type { InjectAudience } from '../../scenarios';
import { injectStates, isDue, useSession, useSessionState } from '../../session';
import { useLanguage, useTranslation } from '../../i18n';
import { InjectQueue } from './InjectQueue';
import { useExerciseTime } from './useExerciseTime';
import { useReleaseLock } from './useReleaseLock';
import { usePageVisible, type PageVisibility } from './usePageVisible';

export interface InjectsPanelProps {
  /** The exercise's trainer: every release, hold and skip is logged in their name (R13). */
  trainer: By;
  /** Where each audience's screen is (the app's routes). */
  audienceHref?: (audience: InjectAudience) => string;
  /** Wall clock, injectable for stories. */
  now?: () => number;
  /** Whether the tab is shown (the document), injectable for tests of several tabs in one jsdom. */
  page?: PageVisibility;
}

/**
 * The open exercise's injects. Every release, hold and skip goes through
 * the session, the one door, and is logged; what the session did not do is
 * said, never silent.
 */
export function InjectsPanel({ trainer, audienceHref, now, page }: InjectsPanelProps) {
  const session = useSession();
  const language = useLanguage();
  const { t } = useTranslation();
  const id = useId();
  const { head, log, storage } = useSessionState();
  const exerciseTime = useExerciseTime(head.clock, now);
  const [problem, setProblem] = useState<Text | null>(null);
  // Injects are released at their time while the clock runs, unless the trainer takes them by hand.
  const [autoRelease, setAutoRelease] = useState(true);
  const visible = usePageVisible(page);
  const anyDue = injectStates(head.setup, log).some((state) => isDue(state, exerciseTime));

  // Every console tab on this exercise runs its clock; only the one holding the exercise's release
  // lock releases on time, so a due inject goes out once. A tab in conflict lets go of it: storage
  // would refuse what it writes, and a tab that can still write takes over. A hidden tab's timers
  // are throttled (to once a minute), so it holds the lock only for what it sees due and lets go
  // once released: a visible tab waiting in line holds it meanwhile and releases at its own tick,
  // and a hidden tab alone still releases, late rather than never (issue #12).
  const releasing = useReleaseLock(
    `paraat/release/${head.id}`,
    autoRelease && head.clock.running && storage.state !== 'conflict' && (visible || anyDue),
  );

  useEffect(() => {
    if (!releasing || !anyDue) return;
    // A write by another tab this one has not heard of yet (its news comes late, or was missed
    // while hidden) would make these releases a duplicate the repository refuses: ask first. Which
    // injects are due is the core's release policy, the same a server follows.
    void session.recheck().then(() => {
      if (session.getState().storage.state === 'conflict') return;
      void session.releaseDue(trainer, exerciseTime);
    });
  }, [releasing, anyDue, head, log, exerciseTime, session, trainer]);

  return (
    <InjectQueue
      states={injectStates(head.setup, log)}
      exerciseTime={exerciseTime}
      trainerName={trainer.name}
      {...(audienceHref ? { audienceHref } : {})}
      problem={problem?.[language] ?? null}
      controls={
        <p className="injects__auto">
          <input
            id={`${id}-auto`}
            type="checkbox"
            checked={autoRelease}
            aria-describedby={`${id}-auto-help`}
            onChange={(event) => {
              setAutoRelease(event.target.checked);
            }}
          />{' '}
          <label htmlFor={`${id}-auto`}>{t('injects.autoRelease')}</label>{' '}
          <span id={`${id}-auto-help`} className="field__help">
            {t('injects.autoReleaseHelp')}
          </span>
        </p>
      }
      onAction={(injectId, action) => {
        void session.inject(trainer, injectId, action).then((result) => {
          if (result.outcome === 'accepted') setProblem(null);
          else if (result.outcome === 'refused') setProblem(result.entry.refusal.message);
          else setProblem(result.reason);
        });
      }}
    />
  );
}
