import { useState } from 'react';
import {
  actionsFor,
  adjacentPhase,
  phaseOf,
  whyRefused,
  whyRefusedStep,
  type By,
  type EscalationEventType,
  type EscalationSnapshot,
  type PhaseNumber,
  type Text,
} from '../../../machines';
import type { Attempt, AttemptEntry } from '../../session';
import { useSession, useSessionState } from '../../session';
import { useLanguage, useTranslation } from '../../i18n';
import type { AttemptResult } from '../../ui/ResultLine';
import { ActionPanel, type ActionOption } from './ActionPanel';
import { ReasonDialog } from './ReasonDialog';

/** The operational actions of the model; the mayor's decisions have their own panel. */
export const OPERATIONAL_ACTIONS = [
  'phase.escalate',
  'phase.deescalate',
  'crowd.warn',
  'waterCannon.deploy',
  'waterCannon.withdraw',
  'tearGas.add',
  'tearGas.stop',
] as const satisfies readonly EscalationEventType[];
type OperationalAction = (typeof OPERATIONAL_ACTIONS)[number];

const ACTION_KEYS = {
  'crowd.warn': 'warn',
  'waterCannon.deploy': 'deploy',
  'waterCannon.withdraw': 'withdraw',
  'tearGas.add': 'addTearGas',
  'tearGas.stop': 'stopTearGas',
} as const;

/** The attempt an action button makes; the reason is asked separately for phase changes. */
export function attemptFor(type: OperationalAction, by: By, reason = ''): Attempt {
  switch (type) {
    case 'phase.escalate':
    case 'phase.deescalate':
      return { type, by, reason };
    default:
      return { type, by };
  }
}

export function useActionOptions(snapshot: EscalationSnapshot, actingAs: By, showAll: boolean) {
  const { t } = useTranslation();
  const own = new Set(actionsFor(actingAs.role));
  const types = OPERATIONAL_ACTIONS.filter((type) => showAll || own.has(type));
  /** The button's words in a given phase: "Opschalen naar fase 3" names the phase it leads to. */
  const labelIn = (phase: PhaseNumber, type: OperationalAction) => {
    if (type === 'phase.escalate') {
      const next = adjacentPhase(phase, 'up');
      return next ? t('actions.action.escalate', { number: next.number }) : t('actions.action.escalateTop');
    }
    if (type === 'phase.deescalate') {
      const next = adjacentPhase(phase, 'down');
      return next ? t('actions.action.deescalate', { number: next.number }) : t('actions.action.deescalateBottom');
    }
    return t(`actions.action.${ACTION_KEYS[type]}`);
  };
  const label = (type: OperationalAction) => labelIn(phaseOf(snapshot), type);
  const options: ActionOption[] = types.map((type) => ({
    type,
    label: label(type),
    // The step itself, before a reason is given: the reason is judged in its dialog.
    refusal: whyRefusedStep(snapshot, { type, by: actingAs }),
  }));
  return { options, hasOwn: OPERATIONAL_ACTIONS.some((type) => own.has(type)), labelIn };
}

const sameActor = (a: By, b: By) => a.role === b.role && a.name === b.name && a.municipality === b.municipality;

/**
 * The last attempt made from this panel: the button pressed, as whom, and its entry in the log; or,
 * when the server did not take it, its reason, the phase it was tried in and how long the log was.
 */
type LastAttempt = { type: OperationalAction; by: By } & (
  { entry: AttemptEntry } | { notRecorded: Text; phase: PhaseNumber; logSeq: number | undefined }
);

export function ActionsPanel({ actingAs }: { actingAs: By }) {
  const session = useSession();
  const { snapshot, log } = useSessionState();
  const { t } = useTranslation();
  const language = useLanguage();
  const [showAll, setShowAll] = useState(false);
  const [asking, setAsking] = useState<'escalate' | 'deescalate' | null>(null);
  const [last, setLast] = useState<LastAttempt>();
  const { options, hasOwn, labelIn } = useActionOptions(snapshot, actingAs, showAll);

  const attempt = (type: OperationalAction, reason?: string) => {
    const by = actingAs;
    // The outcome is shown once the entry is stored (or storing failed, which the storage banner says).
    const phase = phaseOf(snapshot);
    void session.dispatch(attemptFor(type, by, reason)).then((proposed) => {
      // An attempt is never hidden from its own role: `ignored` is the server's error (forbidden,
      // rate limited, offline), said as such and not as a refusal by a rule.
      setLast(
        proposed.outcome === 'ignored'
          ? { notRecorded: proposed.reason, phase, logSeq: session.getState().log.at(-1)?.seq, type, by }
          : { entry: proposed.entry, type, by },
      );
    });
  };

  // The outcome speaks for the last attempt only while it is still the latest news: it goes once
  // another role acts here (for good: switching back does not bring it back), or anything is logged
  // elsewhere (a decision, an inject, a note, the clock, another tab). Worded from the entry, so it
  // names the step as it was and follows the language.
  if (last && !sameActor(last.by, actingAs)) setLast(undefined);
  const latest = log.at(-1)?.seq;
  const current =
    last && ('entry' in last ? last.entry.seq : last.logSeq) === latest && sameActor(last.by, actingAs)
      ? last
      : undefined;
  const lastResult = current && resultOf(current);

  function resultOf(attempt: LastAttempt): AttemptResult {
    if (!('entry' in attempt))
      return {
        outcome: 'notRecorded',
        text: t('actions.result.notRecorded', {
          action: labelIn(attempt.phase, attempt.type),
          reason: attempt.notRecorded[language],
        }),
      };
    const { entry } = attempt;
    const action = labelIn(entry.before.phase, attempt.type);
    return {
      outcome: entry.outcome,
      text: entry.refusal
        ? t('actions.result.refused', { action, rule: entry.refusal.rule, message: entry.refusal.message[language] })
        : t('actions.result.accepted', { action }),
    };
  }

  return (
    <>
      <ActionPanel
        actions={options}
        showAll={showAll}
        onShowAllChange={setShowAll}
        noActionsNote={hasOwn ? undefined : t('actions.noActions', { role: t(`role.${actingAs.role}`) })}
        lastResult={lastResult}
        onAct={(type) => {
          if (type === 'phase.escalate') setAsking('escalate');
          else if (type === 'phase.deescalate') setAsking('deescalate');
          else attempt(type as OperationalAction);
        }}
      />
      {asking && (
        <ReasonDialog
          direction={asking}
          isOpen
          onOpenChange={(open) => {
            if (!open) setAsking(null);
          }}
          judge={(reason) =>
            whyRefused(
              snapshot,
              attemptFor(asking === 'escalate' ? 'phase.escalate' : 'phase.deescalate', actingAs, reason),
            )
          }
          onSubmit={(reason) => {
            attempt(asking === 'escalate' ? 'phase.escalate' : 'phase.deescalate', reason);
          }}
        />
      )}
    </>
  );
}
