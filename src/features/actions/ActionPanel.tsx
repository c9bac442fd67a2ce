import type { EscalationEventType, Refusal } from '../../../machines';
import { useTranslation } from '../../i18n';
import { AdvanceVerdict } from '../../ui/AdvanceVerdict';
import { ResultLine, type AttemptResult } from '../../ui/ResultLine';
import './actions.css';

/** One operational action as the console offers it, with the model's verdict in advance. */
export interface ActionOption {
  type: EscalationEventType;
  label: string;
  /** `null` when the model would accept it now. */
  refusal: Refusal | null;
}

export interface ActionPanelProps {
  actions: readonly ActionOption[];
  onAct: (type: EscalationEventType) => void;
  /** Shown when the acting role has no operational actions of its own. */
  noActionsNote?: string;
  showAll: boolean;
  onShowAllChange: (showAll: boolean) => void;
  /** The outcome of the last attempt from this panel, announced politely. */
  lastResult?: AttemptResult | undefined;
}

/**
 * The commander's actions. An action the model would refuse says so in
 * advance, with the rule and the reason, and can still be tried: the attempt
 * is what the debrief is made of.
 */
export function ActionPanel({ actions, onAct, noActionsNote, showAll, onShowAllChange, lastResult }: ActionPanelProps) {
  const { t } = useTranslation();
  return (
    <section className="panel actions" aria-labelledby="actions-title">
      <h2 id="actions-title">{t('actions.title')}</h2>
      {noActionsNote && <p className="actions__note">{noActionsNote}</p>}
      <label className="actions__show-all">
        <input
          type="checkbox"
          checked={showAll}
          onChange={(event) => {
            onShowAllChange(event.target.checked);
          }}
        />{' '}
        {t('actions.showAll')}
      </label>
      <ul className="actions__list">
        {actions.map((action) => {
          const statusId = `action-status-${action.type}`;
          const refused = action.refusal;
          return (
            <li key={action.type} className={refused ? 'action action--refused' : 'action action--allowed'}>
              <button
                type="button"
                className={refused ? 'action__button' : 'action__button button--primary'}
                aria-describedby={statusId}
                onClick={() => {
                  onAct(action.type);
                }}
              >
                {action.label}
              </button>
              <AdvanceVerdict id={statusId} refusal={refused} />
            </li>
          );
        })}
      </ul>
      <p className="actions__result" role="status" aria-live="polite">
        {lastResult && <ResultLine result={lastResult} />}
      </p>
    </section>
  );
}
