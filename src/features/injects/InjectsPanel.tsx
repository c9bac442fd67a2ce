import { useState } from 'react';
import type { By, Text } from '../../../machines';
import type { InjectAudience } from '../../scenarios';
import { injectStates, useSession, useSessionState } from '../../session';
import { useLanguage } from '../../i18n';
import { InjectQueue } from './InjectQueue';
import { useExerciseTime } from './useExerciseTime';

export interface InjectsPanelProps {
  /** The exercise's trainer: every release, hold and skip is logged in their name (R13). */
  trainer: By;
  /** Where each audience's screen is (the app's routes). */
  audienceHref?: (audience: InjectAudience) => string;
  /** Wall clock, injectable for stories. */
  now?: () => number;
}

/**
 * The open exercise's injects. Every release, hold and skip goes through
 * the session, the one door, and is logged; what the session did not do is
 * said, never silent.
 */
export function InjectsPanel({ trainer, audienceHref, now }: InjectsPanelProps) {
  const session = useSession();
  const language = useLanguage();
  const { head, log } = useSessionState();
  const exerciseTime = useExerciseTime(head.clock, now);
  const [problem, setProblem] = useState<Text | null>(null);
  return (
    <InjectQueue
      states={injectStates(head.setup, log)}
      exerciseTime={exerciseTime}
      trainerName={trainer.name}
      {...(audienceHref ? { audienceHref } : {})}
      problem={problem?.[language] ?? null}
      onAction={(injectId, action) => {
        const result = session.inject(trainer, injectId, action);
        if (result.outcome === 'accepted') setProblem(null);
        else if (result.outcome === 'refused') setProblem(result.entry.refusal.message);
        else setProblem(result.reason);
      }}
    />
  );
}
