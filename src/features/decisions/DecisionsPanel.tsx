import { useEffect, useRef, useState, type ReactNode } from 'react';
import {
  actionsFor,
  SUBJECTS,
  whyRefusedStep,
  type By,
  type EscalationSnapshot,
  type Subject,
} from '../../../machines';
import { useSession, useSessionState, type AttemptEntry } from '../../session';
import { useLanguage, useTranslation } from '../../i18n';
import { DecisionDialog, type DecideAttempt } from './DecisionDialog';
import { DecisionsInForce, type AdvanceVerdicts, type DecisionResult } from './DecisionsInForce';
import { RevokeDialog, type RevokeAttempt } from './RevokeDialog';

export interface DecisionsPanelProps {
  /** Who acts now; their attempts are judged by the model and logged, refusals included. */
  actingAs: By;
  /**
   * Show the decide and revoke buttons. By default, when the model gives the
   * acting role the authority to decide (R5, R13); pass `true` to let any
   * role try, to rehearse a refusal.
   */
  canDecide?: boolean;
  /** What is known about the tear agent, shown in its decision dialog (the screen gives it). */
  evidence?: ReactNode;
}

type Open = { kind: 'decide' | 'revoke'; subject: Subject } | null;

/**
 * The model's verdict on each button before it is pressed, as the Acties panel gives it: about who
 * decides, when and on what; the verdict and grounds are judged in the dialog once given.
 */
export function advanceVerdicts(snapshot: EscalationSnapshot, by: By): AdvanceVerdicts {
  return Object.fromEntries(
    SUBJECTS.map((subject) => [
      subject,
      {
        decide: whyRefusedStep(snapshot, { type: 'mayor.decide', by, subject }),
        revoke: whyRefusedStep(snapshot, { type: 'mayor.revoke', by, subject }),
      },
    ]),
  ) as AdvanceVerdicts;
}

/** The mayor's decisions in the console: the panel and its dialogs, wired to the session's one door. */
export function DecisionsPanel({ actingAs, canDecide, evidence }: DecisionsPanelProps) {
  const session = useSession();
  const { snapshot } = useSessionState();
  const { t } = useTranslation();
  const language = useLanguage();
  const [open, setOpen] = useState<Open>(null);
  const [lastResult, setLastResult] = useState<DecisionResult>();
  const decideButtons = useRef(new Map<Subject, HTMLButtonElement>());
  // What had focus when a dialog opened, and the subject of the dialog that just closed.
  const opener = useRef<Element | null>(null);
  const closed = useRef<Subject | null>(null);
  const mayDecide = canDecide ?? actionsFor(actingAs.role).includes('mayor.decide');

  const record = (attempt: DecideAttempt | RevokeAttempt) => {
    const subject = t(`decisions.subjectInSentence.${attempt.subject}`);
    const action =
      attempt.type === 'mayor.decide'
        ? t('decisions.result.decideAction', { subject })
        : t('decisions.result.revokeAction', { subject });
    // Pending until the repository has the entry: a mayor's decision is never shown as done before.
    setLastResult({ outcome: 'pending', text: t('decisions.result.pending', { action }) });
    void session.dispatch(attempt).then((proposed) => {
      // An attempt is never hidden from its own role, so `ignored` here is the server's error (forbidden,
      // rate limited, offline): the pending line gives way to that reason, not to a refusal by a rule.
      if (proposed.outcome === 'ignored') {
        setLastResult({
          outcome: 'notRecorded',
          text: t('decisions.result.notRecorded', { action, reason: proposed.reason[language] }),
        });
        return;
      }
      const result = resultOf(proposed.entry, attempt, action);
      setLastResult(
        proposed.outcome === 'stored'
          ? result
          : { ...result, text: t('decisions.result.unsaved', { result: result.text }) },
      );
    });
  };

  const resultOf = (entry: AttemptEntry, attempt: DecideAttempt | RevokeAttempt, action: string): DecisionResult => {
    if (entry.refusal)
      return {
        outcome: 'refused',
        text: t('decisions.result.refused', {
          action,
          rule: entry.refusal.rule,
          message: entry.refusal.message[language],
        }),
      };
    return {
      outcome: 'accepted',
      text:
        attempt.type === 'mayor.decide'
          ? t('decisions.result.decided', {
              verdict: t(`verdict.${attempt.verdict}`),
              subject: t(`subject.${attempt.subject}`),
            })
          : t('decisions.result.revoked', { subject: t(`subject.${attempt.subject}`) }),
    };
  };

  const show = (kind: 'decide' | 'revoke', subject: Subject) => {
    opener.current = document.activeElement;
    setOpen({ kind, subject });
  };

  const onOpenChange = (isOpen: boolean) => {
    if (isOpen || !open) return;
    closed.current = open.subject;
    setOpen(null);
  };

  // react-aria returns focus to the element that opened the dialog, but only while it is still in
  // the page. An accepted revocation removes its own "Intrekken…" button: focus would fall to <body>
  // and the next Tab start at the top of the page. It goes to the same subject's "Besluit …" instead.
  // This runs after the dialog has unmounted and before react-aria's restore (a frame later), which
  // then leaves focus where it is.
  useEffect(() => {
    const subject = closed.current;
    if (open || !subject) return;
    closed.current = null;
    if (opener.current?.isConnected) return;
    decideButtons.current.get(subject)?.focus();
  }, [open]);

  return (
    <>
      <DecisionsInForce
        snapshot={snapshot}
        canDecide={mayDecide}
        advance={advanceVerdicts(snapshot, actingAs)}
        lastResult={lastResult}
        onDecide={(subject) => {
          show('decide', subject);
        }}
        onRevoke={(subject) => {
          show('revoke', subject);
        }}
        decideButtonRef={(subject, button) => {
          if (button) decideButtons.current.set(subject, button);
          else decideButtons.current.delete(subject);
        }}
      />
      {open?.kind === 'decide' && (
        <DecisionDialog
          key={open.subject}
          subject={open.subject}
          by={actingAs}
          snapshot={snapshot}
          isOpen
          onOpenChange={onOpenChange}
          onSubmit={record}
          evidence={evidence}
        />
      )}
      {open?.kind === 'revoke' && (
        <RevokeDialog
          key={open.subject}
          subject={open.subject}
          by={actingAs}
          snapshot={snapshot}
          isOpen
          onOpenChange={onOpenChange}
          onSubmit={record}
        />
      )}
    </>
  );
}
