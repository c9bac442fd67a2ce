import { useEffect, useId, useMemo, useState } from 'react';
import { PHASES, phaseOf } from '../../../machines';
import { useLanguage, useTranslation } from '../../i18n';
import { formatExerciseTimeText } from '../../i18n/format';
import { createReplayCursor, type ExerciseHead, type LogEntry } from '../../session';
import { DecisionsInForce } from '../decisions/DecisionsInForce';
import { LogView } from '../log/LogView';
import { PhaseLadder } from '../phaseLadder/PhaseLadder';
import { CurrentEntry } from './CurrentEntry';
import { Standing } from './Standing';
import { stepDelay, type PlaySpeed } from './playback';
import { StepControl } from './StepControl';

export interface ReplayViewProps {
  head: ExerciseHead;
  entries: readonly LogEntry[];
  /** Where to stand at first: a line number, 0 before the first line; the last line when omitted. */
  initialPosition?: number;
  /** Make a new exercise from lines 1..seq (the screen owns the store). */
  onBranch: (seq: number) => void;
}

const ignore = () => undefined;

/**
 * The console as it was at one line of the log: the phase ladder, the
 * decisions in force and means in use, and the log up to that line. The state
 * is rebuilt by replaying the events (a cursor with checkpoints, so a long log
 * steps quickly), never read from stored state.
 */
export function ReplayView({ head, entries, initialPosition, onBranch }: ReplayViewProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const count = entries.length;
  const [wanted, setPosition] = useState(initialPosition ?? count);
  const position = Math.max(0, Math.min(count, wanted));
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<PlaySpeed>(1);

  // The cursor keeps an actor without timers (the model has no delayed transitions): nothing to stop.
  const cursor = useMemo(() => createReplayCursor(head.setup, entries), [head.setup, entries]);
  const snapshot = useMemo(() => cursor.seek(position), [cursor, position]);
  const shown = useMemo(() => entries.slice(0, position), [entries, position]);
  const current = entries[position - 1];
  const phase = phaseOf(snapshot);

  useEffect(() => {
    if (!playing || position >= count) return;
    const timer = window.setTimeout(
      () => {
        const next = position + 1;
        setPosition(next);
        if (next >= count) setPlaying(false);
      },
      stepDelay(entries, position, speed),
    );
    return () => {
      window.clearTimeout(timer);
    };
  }, [playing, position, count, entries, speed]);

  const step = (target: number) => {
    setPlaying(false);
    setPosition(target);
  };

  return (
    <div className="replay">
      <section className="panel replay__controls" aria-labelledby={`${id}-steps`}>
        <h2 id={`${id}-steps`}>{t('replay.steps')}</h2>
        <StepControl
          position={position}
          count={count}
          onPosition={(target) => {
            if (playing) setPosition(target);
            else step(target);
          }}
          playing={playing}
          onPlaying={setPlaying}
          speed={speed}
          onSpeed={setSpeed}
        />
        <div className="replay__now">
          <CurrentEntry entry={current} count={count} scenario={head.setup.scenario} />
        </div>
        <Standing snapshot={snapshot} atStart={position === 0} />
        <div className="replay__branch">
          <button
            type="button"
            aria-disabled={!current}
            aria-describedby={`${id}-branch`}
            onClick={() => {
              if (!current) return;
              setPlaying(false);
              onBranch(current.seq);
            }}
          >
            {t('replay.branch')}
          </button>
          <p id={`${id}-branch`} className="replay__branch-help">
            {current
              ? t('replay.branchHelp', { seq: current.seq, time: formatExerciseTimeText(current.exercise, language) })
              : t('replay.branchAtStart')}
          </p>
        </div>
      </section>
      <div className="console__grid">
        <div className="console__ladder">
          <PhaseLadder phases={PHASES} current={phase} compact />
        </div>
        <div className="console__actions">
          <DecisionsInForce snapshot={snapshot} canDecide={false} />
        </div>
        <div className="console__log">
          <LogView
            entries={shown}
            canAnnotate={false}
            onAnnotate={ignore}
            onCorrect={ignore}
            scenario={head.setup.scenario}
          />
        </div>
      </div>
    </div>
  );
}
