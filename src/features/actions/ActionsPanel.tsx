import { useState } from 'react';
import {
  actionsFor,
  phaseOf,
  whyRefused,
  type By,
  type EscalationEventType,
  type EscalationSnapshot,
} from '../../../machines';
import type { Attempt } from '../../session';
import { useSession, useSessionState } from '../../session';
import { useLanguage, useTranslation } from '../../i18n';
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

/** Judge a phase change as if a reason were given, so the advance notice is about the step itself. */
const PROBE_REASON = '…';

export function useActionOptions(snapshot: EscalationSnapshot, actingAs: By, showAll: boolean) {
  const { t } = useTranslation();
  const phase = phaseOf(snapshot);
  const own = new Set(actionsFor(actingAs.role));
  const types = OPERATIONAL_ACTIONS.filter((type) => showAll || own.has(type));
  const label = (type: OperationalAction) => {
    if (type === 'phase.escalate')
      return phase < 5 ? t('actions.action.escalate', { number: phase + 1 }) : t('actions.action.escalateTop');
    if (type === 'phase.deescalate')
      return phase > 1 ? t('actions.action.deescalate', { number: phase - 1 }) : t('actions.action.deescalateBottom');
    return t(`actions.action.${ACTION_KEYS[type]}`);
  };
  const options: ActionOption[] = types.map((type) => ({
    type,
    label: label(type),
    refusal: whyRefused(snapshot, { ...attemptFor(type, actingAs, PROBE_REASON) }),
  }));
  return { options, hasOwn: OPERATIONAL_ACTIONS.some((type) => own.has(type)), label };
}

export function ActionsPanel({ actingAs }: { actingAs: By }) {
  const session = useSession();
  const { snapshot } = useSessionState();
  const { t } = useTranslation();
  const language = useLanguage();
  const [showAll, setShowAll] = useState(false);
  const [asking, setAsking] = useState<'escalate' | 'deescalate' | null>(null);
  const [lastResult, setLastResult] = useState<{ outcome: 'accepted' | 'refused'; text: string }>();
  const { options, hasOwn, label } = useActionOptions(snapshot, actingAs, showAll);

  const attempt = (type: OperationalAction, reason?: string) => {
    const entry = session.dispatch(attemptFor(type, actingAs, reason));
    const action = label(type);
    setLastResult(
      entry.refusal
        ? {
            outcome: 'refused',
            text: t('actions.result.refused', {
              action,
              rule: entry.refusal.rule,
              message: entry.refusal.message[language],
            }),
          }
        : { outcome: 'accepted', text: t('actions.result.accepted', { action }) },
    );
  };

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
