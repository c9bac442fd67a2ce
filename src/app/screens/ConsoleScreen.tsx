import { lazy, Suspense, useId, useState } from 'react';
import { maySteer, PHASES, phaseOf } from '../../../machines';
import {
  useActing,
  useRecheckWhenShown,
  useReopened,
  useSession,
  useSessionState,
  type CastMember,
} from '../../session';
import { useTranslation } from '../../i18n';
import type { InjectAudience } from '../../scenarios';
import { ActingAs } from '../../features/actingAs/ActingAs';
import { ActionsPanel } from '../../features/actions/ActionsPanel';
import { ExerciseClock } from '../../features/clock/ExerciseClock';
import { DecisionsPanel } from '../../features/decisions/DecisionsPanel';
import { EvidenceDisclosure } from '../../features/evidence/EvidenceDisclosure';
import { ExerciseLog } from '../../features/log/ExerciseLog';
import { InjectsPanel } from '../../features/injects/InjectsPanel';
import { PhaseLadder } from '../../features/phaseLadder/PhaseLadder';
import { ConsoleHeader } from '../../features/console/ConsoleHeader';
import { SkipLinks } from '../../features/console/SkipLinks';
import '../../features/console/console.css';
import { ATTEMPT_DIALOGS } from './attemptDialogs';
import { byOf } from './byOf';
import { SessionStorageBanner } from './SessionStorageBanner';

export interface ConsoleScreenProps {
  volatile: boolean;
  /**
   * A live device that is not the trainer's acts as its own person only (the server says who, from
   * its token): no "Handelt als", no clock or inject controls (R13: the trainer steers).
   */
  actingFixed?: CastMember;
  /** Shown above the console (a live session's connection and devices). */
  banner?: React.ReactNode;
  /** The header's right-hand controls (language, projector), owned by the app. */
  headerControls: React.ReactNode;
  onBack: () => void;
  now?: () => number;
  /** Where each audience's screen of the injects is (the app's routes). */
  audienceHref?: (audience: InjectAudience) => string;
  /** Where this exercise's debrief is (the app's routes). */
  debriefHref?: string;
  /** Where this exercise's replay is (the app's routes). */
  replayHref?: string;
  /**
   * Open this exercise again as stored, in a new session (the app's); without it the page reloads.
   * Offered once another tab wrote to the exercise.
   */
  onReload?: () => void;
}

/** Where the skip links lead: each panel's wrapper, whose heading takes focus. */
const PANELS = {
  actions: 'paneel-acties',
  decisions: 'paneel-beslissingen',
  injects: 'paneel-injects',
  log: 'paneel-logboek',
} as const;

// The model diagram and its layout library load only when asked for: the console's first load does not wait.
const ModelPanel = lazy(() => import('../../features/diagram/ModelPanel'));

/** The trainer's console for one open exercise. */
export function ConsoleScreen({
  volatile,
  actingFixed,
  banner,
  headerControls,
  onBack,
  now,
  audienceHref,
  debriefHref,
  replayHref,
  onReload,
}: ConsoleScreenProps) {
  const { t } = useTranslation();
  const session = useSession();
  const state = useSessionState();
  const { head, snapshot } = state;
  const cast = head.setup.cast;
  const [showModel, setShowModel] = useState(false);
  const modelId = useId();
  const chosen = useActing(head);
  const acting = actingFixed ?? chosen.acting;
  // R13: the clock and the injects are the steering role's; the model says which role that is.
  const steers = !actingFixed || maySteer(actingFixed.role, 'exercise.clock');
  const trainer = steers ? cast.find((member) => member.role === 'trainer') : undefined;
  // Notes are written by whoever acts, when R13 lets that role write notes; otherwise by the trainer.
  const noteWriter = acting && maySteer(acting.role, 'exercise.note') ? acting : (trainer ?? acting);

  const { generation, reloaded } = useReopened();

  useRecheckWhenShown(session);

  const clock = trainer && (
    <ExerciseClock
      clock={head.clock}
      trainerName={trainer.name}
      {...(now ? { now } : {})}
      onAction={(action) => {
        void session.clock(byOf(trainer), action);
      }}
    />
  );
  const withInjects = Boolean(trainer && head.setup.scenario);
  const skipTargets = [
    { id: PANELS.actions, label: t('actions.title') },
    { id: PANELS.decisions, label: t('decisions.title') },
    ...(withInjects ? [{ id: PANELS.injects, label: t('injects.title') }] : []),
    { id: PANELS.log, label: t('log.title') },
  ];

  return (
    <>
      <SkipLinks targets={skipTargets} />
      <ConsoleHeader
        title={head.setup.title}
        municipality={head.setup.municipality}
        clock={clock}
        headerControls={headerControls}
        debriefHref={debriefHref}
        replayHref={replayHref}
        onBack={onBack}
      />
      <main id="main" tabIndex={-1} className="console">
        {banner}
        <SessionStorageBanner volatile={volatile} reloaded={reloaded} onReload={onReload} />
        <div className="console__bar">
          {acting && !actingFixed && <ActingAs cast={cast} actingAs={acting.id} onChange={chosen.setActingId} />}
          <button
            type="button"
            className="console__model-toggle"
            aria-expanded={showModel}
            aria-controls={modelId}
            onClick={() => {
              setShowModel(!showModel);
            }}
          >
            {showModel ? t('diagram.hide') : t('diagram.show')}
          </button>
        </div>
        <div id={modelId} className="console__model" key={`model-${String(generation)}`}>
          {showModel && acting && (
            <Suspense fallback={<p role="status">{t('diagram.loading')}</p>}>
              <ModelPanel actingAs={byOf(acting)} dialogs={ATTEMPT_DIALOGS} />
            </Suspense>
          )}
        </div>
        <div className="console__grid" key={`grid-${String(generation)}`}>
          <div className="console__ladder">
            <PhaseLadder phases={PHASES} current={phaseOf(snapshot)} compact />
            {/* The trainer's queue sits high on the screen, beside the phase it drives. */}
            {trainer && withInjects && (
              <div id={PANELS.injects}>
                <InjectsPanel
                  trainer={byOf(trainer)}
                  {...(audienceHref ? { audienceHref } : {})}
                  {...(now ? { now } : {})}
                />
              </div>
            )}
          </div>
          <div className="console__actions">
            <div id={PANELS.actions}>{acting && <ActionsPanel actingAs={byOf(acting)} />}</div>
            <div id={PANELS.decisions}>
              {acting && <DecisionsPanel actingAs={byOf(acting)} evidence={<EvidenceDisclosure />} />}
            </div>
          </div>
          <div id={PANELS.log} className="console__log">
            {noteWriter && <ExerciseLog actingAs={byOf(noteWriter)} />}
          </div>
        </div>
      </main>
    </>
  );
}
