import { useState, type ReactNode } from 'react';
import { PHASES, phaseOf } from '../../../machines';
import { useLanguage, useTranslation } from '../../i18n';
import { branchExercise, useStoredExercise, type ExerciseRepository } from '../../session';
import { DecisionsInForce } from '../../features/decisions/DecisionsInForce';
import { describeEntry } from '../../features/log/describeEntry';
import { LogView } from '../../features/log/LogView';
import { PhaseLadder } from '../../features/phaseLadder/PhaseLadder';
import { ReplayView } from '../../features/replay/ReplayView';
import '../../features/console/console.css';
import '../../features/replay/replay.css';
import { StoredExerciseStatus } from './StoredExerciseStatus';

export interface ReplayScreenProps {
  /** Read for the replay; written only to store a branch (a new exercise). */
  store: ExerciseRepository;
  id: string;
  /** The header's right-hand controls (language, projector), owned by the app. */
  headerControls: ReactNode;
  consoleHref: string;
  exercisesHref: string;
  /** Open the console of a branch just made. */
  onBranched: (id: string) => void;
  /** Wall-clock time (epoch ms); stories and tests fix it. */
  now?: () => number;
  /** Where to stand at first (a line number); the last line when omitted. */
  initialPosition?: number;
}

const ignore = () => undefined;

/** Step through a stored exercise line by line, and branch a new exercise from any line. */
export function ReplayScreen({
  store,
  id,
  headerControls,
  consoleHref,
  exercisesHref,
  onBranched,
  now = Date.now,
  initialPosition,
}: ReplayScreenProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const loaded = useStoredExercise(store, id);
  const [branchError, setBranchError] = useState<string | null>(null);
  const exercise = loaded?.state === 'found' ? { head: loaded.head, entries: loaded.log } : null;
  const setup = exercise?.head.setup;
  const from = exercise?.head.branchedFrom;
  // Its own 'branched' line names the exercise it came from (the head keeps the first one of a chain of branches).
  const own = from ? exercise.entries[from.seq] : undefined;
  const fromTitle = own?.kind === 'exercise' && own.action === 'branched' ? own.branchedFrom.title : from?.title;

  return (
    <>
      <header className="app-header replay-header">
        <div className="replay-header__title">
          <nav className="replay-header__nav" aria-label={t('replay.title')}>
            <a href={consoleHref}>
              <span aria-hidden="true">← </span>
              {t('replay.backToConsole')}
            </a>
            <a href={exercisesHref}>{t('replay.allExercises')}</a>
          </nav>
          <h1>{setup ? t('replay.heading', { title: setup.title }) : t('replay.title')}</h1>
          {from && (
            <p className="app-header__tagline">
              {t('replay.branchedFrom', { title: fromTitle ?? from.title, seq: from.seq })}
            </p>
          )}
        </div>
        <div className="replay-header__controls">{headerControls}</div>
      </header>
      <main id="main" tabIndex={-1} className="replay-screen">
        <StoredExerciseStatus
          loaded={loaded}
          notFound={t('replay.notFound')}
          unreadable={(problem) => t('replay.unreadable', { problem })}
        />
        {branchError && (
          <p className="banner banner--error" role="alert">
            {t('replay.branchFailed', { problem: branchError })}
          </p>
        )}
        {exercise && (
          <>
            <p className="replay-screen__read-only">{t('replay.readOnly')}</p>
            <ReplayView
              key={exercise.head.id}
              head={exercise.head}
              entries={exercise.entries}
              {...(initialPosition === undefined ? {} : { initialPosition })}
              onBranch={(seq) => {
                branchExercise(store, exercise.head, exercise.entries, seq, {
                  titleSuffix: t('replay.branchTitle', { seq }),
                  now: now(),
                }).then(
                  (branch) => {
                    setBranchError(null);
                    onBranched(branch.id);
                  },
                  (error: unknown) => {
                    setBranchError(error instanceof Error ? error.message : String(error));
                  },
                );
              }}
              describe={(entry) => describeEntry(entry, t, language, setup?.scenario)}
            >
              {/* The console as it was at that line: the phase ladder, the decisions in force, the log up to it. */}
              {(at) => (
                <div className="console__grid">
                  <div className="console__ladder">
                    <PhaseLadder phases={PHASES} current={phaseOf(at.snapshot)} compact />
                  </div>
                  <div className="console__actions">
                    <DecisionsInForce snapshot={at.snapshot} canDecide={false} />
                  </div>
                  <div className="console__log">
                    <LogView
                      entries={at.entries}
                      canAnnotate={false}
                      onAnnotate={ignore}
                      onCorrect={ignore}
                      scenario={setup?.scenario}
                    />
                  </div>
                </div>
              )}
            </ReplayView>
          </>
        )}
      </main>
    </>
  );
}

/** Loaded when its route is opened (React.lazy wants a default export). */
export default ReplayScreen;
