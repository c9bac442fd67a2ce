import { useState, type ComponentType } from 'react';
import { whyRefused, type By, type EscalationSnapshot, type Refusal, type Subject } from '../../../machines';
import { attemptForTransition, type ModelTransition } from '../../../machines/diagram';
import { useSession, type Attempt } from '../../session';
import { useLanguage, useTranslation } from '../../i18n';
import type { AttemptResult } from '../../ui/ResultLine';
import { SubjectDialog } from './SubjectDialog';

interface OpenDialogProps {
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
}

/** A dialog asking for a decision's or a revocation's words, about one subject (R4, R6). */
type SubjectAttemptDialog = ComponentType<
  OpenDialogProps & { subject: Subject; by: By; snapshot: EscalationSnapshot; onSubmit: (attempt: Attempt) => void }
>;

/**
 * The dialogs a path tried from the diagram asks its words in. They are the console's own (the
 * screen gives them), so the diagram asks for the same reason and grounds as the console (R1, R6).
 */
export interface AttemptDialogs {
  Reason: ComponentType<
    OpenDialogProps & {
      direction: 'escalate' | 'deescalate';
      judge: (reason: string) => Refusal | null;
      onSubmit: (reason: string) => void;
    }
  >;
  Decide: SubjectAttemptDialog;
  Revoke: SubjectAttemptDialog;
}

/** What became of the path tried last: `notRecorded` when the server did not take it (not a rule's refusal). */
export type TryResult = AttemptResult;

type Asking =
  | { kind: 'reason'; transition: ModelTransition; direction: 'escalate' | 'deescalate' }
  | { kind: 'subject'; transition: ModelTransition; action: 'decide' | 'revoke' }
  | { kind: 'decide' | 'revoke'; transition: ModelTransition; subject: Subject };

/**
 * Trying a transition from the diagram: through the session's one door, so
 * it is judged and logged like any attempt (R10). What needs words asks for
 * them first: a reason to change phase (R1), grounds for a decision (R6),
 * and for a decision the one subject it is about (R4).
 */
export function useTryTransition(
  by: By,
  snapshot: EscalationSnapshot,
  labelOf: (t: ModelTransition) => string,
  { Reason, Decide, Revoke }: AttemptDialogs,
) {
  const session = useSession();
  const { t } = useTranslation();
  const language = useLanguage();
  const [asking, setAsking] = useState<Asking | null>(null);
  const [lastResult, setLastResult] = useState<TryResult>();

  const send = (transition: ModelTransition, attempt: Attempt) => {
    const action = labelOf(transition);
    // Shown once stored: the log, not this line, is the record (R10); a failed write is said by the banner.
    void session.dispatch(attempt).then((proposed) => {
      // An attempt is never hidden from its own role: `ignored` is the server's error (forbidden, rate
      // limited, offline), said with its reason and not as a refusal by a rule.
      if (proposed.outcome === 'ignored') {
        setLastResult({
          outcome: 'notRecorded',
          text: t('diagram.result.notRecorded', { action, reason: proposed.reason[language] }),
        });
        return;
      }
      const { entry } = proposed;
      setLastResult(
        entry.refusal
          ? {
              outcome: 'refused',
              text: t('diagram.result.refused', {
                action,
                rule: entry.refusal.rule,
                message: entry.refusal.message[language],
              }),
            }
          : { outcome: 'accepted', text: t('diagram.result.accepted', { action }) },
      );
    });
  };

  const tryTransition = (transition: ModelTransition) => {
    switch (transition.event) {
      case null:
        return;
      case 'phase.escalate':
        setAsking({ kind: 'reason', transition, direction: 'escalate' });
        return;
      case 'phase.deescalate':
        setAsking({ kind: 'reason', transition, direction: 'deescalate' });
        return;
      case 'mayor.decide':
      case 'mayor.revoke': {
        const action = transition.event === 'mayor.decide' ? 'decide' : 'revoke';
        setAsking(
          transition.subject
            ? { kind: action, transition, subject: transition.subject }
            : { kind: 'subject', transition, action },
        );
        return;
      }
      default: {
        const attempt = attemptForTransition(transition, by);
        if (attempt) send(transition, attempt);
      }
    }
  };

  const close = (open: boolean) => {
    if (!open) setAsking(null);
  };

  let dialog: React.ReactNode = null;
  if (asking?.kind === 'reason') {
    const type = asking.direction === 'escalate' ? 'phase.escalate' : 'phase.deescalate';
    dialog = (
      <Reason
        direction={asking.direction}
        isOpen
        onOpenChange={close}
        judge={(reason) => whyRefused(snapshot, { type, by, reason })}
        onSubmit={(reason) => {
          send(asking.transition, { type, by, reason });
        }}
      />
    );
  } else if (asking?.kind === 'subject') {
    dialog = (
      <SubjectDialog
        action={asking.action}
        onOpenChange={close}
        onChoose={(subject) => {
          setAsking({ kind: asking.action, transition: asking.transition, subject });
        }}
      />
    );
  } else if (asking?.kind === 'decide') {
    dialog = (
      <Decide
        key={asking.subject}
        subject={asking.subject}
        by={by}
        snapshot={snapshot}
        isOpen
        onOpenChange={close}
        onSubmit={(attempt) => {
          send(asking.transition, attempt);
        }}
      />
    );
  } else if (asking?.kind === 'revoke') {
    dialog = (
      <Revoke
        key={asking.subject}
        subject={asking.subject}
        by={by}
        snapshot={snapshot}
        isOpen
        onOpenChange={close}
        onSubmit={(attempt) => {
          send(asking.transition, attempt);
        }}
      />
    );
  }

  return { tryTransition, dialog, lastResult };
}
