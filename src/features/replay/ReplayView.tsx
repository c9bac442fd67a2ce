import { useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import type { EscalationSnapshot } from '../../../machines';
import { useLanguage, useTranslation } from '../../i18n';
import { formatExerciseTimeText } from '../../i18n/format';
import { createReplayCursor, type ExerciseHead, type LogEntry } from '../../session';
import { CurrentEntry, type EntryWords } from './CurrentEntry';
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
  /** The line stood at, in words: the log's own description (the screen gives it). */
  describe: (entry: LogEntry) => EntryWords;
  /** The console as it was at that line, from the state replayed to it and the log up to it (the screen composes it). */
  children: (at: ReplayedAt) => ReactNode;
}

/** Where the replay stands: the model's state after the lines shown, and those lines. */
export interface ReplayedAt {
  snapshot: EscalationSnapshot;
  entries: readonly LogEntry[];
}

/**
 * The console as it was at one line of the log: the step controls, the line
 * in words, the means in use, and (from the screen) the console at that line.
 * The state is rebuilt by replaying the events (a cursor with checkpoints, so a
 * long log steps quickly), never read from stored state.
 */
export function ReplayView({ head, entries, initialPosition, onBranch, describe, children }: ReplayViewProps) {
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
          <CurrentEntry description={current ? describe(current) : null} count={count} />
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
      {children({ snapshot, entries: shown })}
    </div>
  );
}
