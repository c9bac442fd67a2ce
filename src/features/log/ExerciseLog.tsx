import { maySteer, type By } from '../../../machines';
import { useSession, useSessionState } from '../../session';
import type { LogFilter } from './filter';
import { LogView } from './LogView';

export interface ExerciseLogProps {
  /** Who is at the keyboard: notes and corrections are written in their name. */
  actingAs: By;
  /** The filter to start with, e.g. `{ kind: 'refusals' }` for a debrief. */
  initialFilter?: Partial<LogFilter>;
}

/** The log of the open exercise. Notes and corrections go through the session, as new entries. */
export function ExerciseLog({ actingAs, initialFilter }: ExerciseLogProps) {
  const session = useSession();
  // The log array grows in place; the state (and its version) changes with every entry.
  const { log, head } = useSessionState();
  return (
    <LogView
      entries={log}
      scenario={head.setup.scenario}
      {...(initialFilter ? { initialFilter } : {})}
      canAnnotate={maySteer(actingAs.role, 'exercise.note')}
      onAnnotate={(text, refersTo) => {
        void session.annotate(actingAs, text, refersTo);
      }}
      onCorrect={(text, corrects) => {
        void session.correct(actingAs, text, corrects);
      }}
    />
  );
}
