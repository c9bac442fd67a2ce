import { useState } from 'react';
import { actionsFor, type By, type Subject } from '../../../machines';
import { useSession, useSessionState, type AttemptEntry } from '../../session';
import { useLanguage, useTranslation } from '../../i18n';
import { DecisionDialog, type DecideAttempt } from './DecisionDialog';
import { DecisionsInForce, type DecisionResult } from './DecisionsInForce';
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
}

type Open = { kind: 'decide' | 'revoke'; subject: Subject } | null;

/** The mayor's decisions in the console: the panel and its dialogs, wired to the session's one door. */
export function DecisionsPanel({ actingAs, canDecide }: DecisionsPanelProps) {
  const session = useSession();
  const { snapshot } = useSessionState();
  const { t } = useTranslation();
  const language = useLanguage();
  const [open, setOpen] = useState<Open>(null);
  const [lastResult, setLastResult] = useState<DecisionResult>();
  const mayDecide = canDecide ?? actionsFor(actingAs.role).includes('mayor.decide');

  const record = (attempt: DecideAttempt | RevokeAttempt) => {
    const entry: AttemptEntry = session.dispatch(attempt);
    const subject = t(`decisions.subjectInSentence.${attempt.subject}`);
    if (entry.refusal) {
      setLastResult({
        outcome: 'refused',
        text: t('decisions.result.refused', {
          action:
            attempt.type === 'mayor.decide'
              ? t('decisions.result.decideAction', { subject })
              : t('decisions.result.revokeAction', { subject }),
          rule: entry.refusal.rule,
          message: entry.refusal.message[language],
        }),
      });
      return;
    }
    setLastResult({
      outcome: 'accepted',
      text:
        attempt.type === 'mayor.decide'
          ? t('decisions.result.decided', {
              verdict: t(`verdict.${attempt.verdict}`),
              subject: t(`subject.${attempt.subject}`),
            })
          : t('decisions.result.revoked', { subject: t(`subject.${attempt.subject}`) }),
    });
  };

  const onOpenChange = (isOpen: boolean) => {
    if (!isOpen) setOpen(null);
  };

  return (
    <>
      <DecisionsInForce
        snapshot={snapshot}
        canDecide={mayDecide}
        lastResult={lastResult}
        onDecide={(subject) => {
          setOpen({ kind: 'decide', subject });
        }}
        onRevoke={(subject) => {
          setOpen({ kind: 'revoke', subject });
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
