import { phaseByNumber } from '../../../machines';
import { useLanguage, useTranslation } from '../../i18n';
import type { DecisionRecord } from './decisions';
import { allowsText, endText, usedText } from './decisionWords';
import { Seq, Times, Who } from './parts';

/**
 * Every decision of the mayor with everything R6 asks to record, what it
 * allowed (one subject only: R3, R4), whether it was used, and what ended it
 * (R8). A refusal is a decision too.
 */
export function DecisionList({
  decisions,
  municipality,
}: {
  decisions: readonly DecisionRecord[];
  municipality: string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (decisions.length === 0) return <p className="debrief-empty">{t('debrief.decisions.none')}</p>;
  return (
    <ol className="decision-records">
      {decisions.map((decision, index) => (
        <li key={decision.at.seq} className={`decision-record decision-record--${decision.verdict}`}>
          <h3 className="decision-record__title">
            <span className="decision-record__number">{t('debrief.decisions.number', { number: index + 1 })}</span>{' '}
            {t(`subject.${decision.subject}`)} —{' '}
            <span className={`outcome outcome--${decision.verdict === 'granted' ? 'accepted' : 'refused'}`}>
              <span aria-hidden="true">{decision.verdict === 'granted' ? '◆' : '◇'}</span>{' '}
              {t(`verdict.${decision.verdict}`)}
            </span>
          </h3>
          <dl className="decision-record__facts">
            <dt>{t('debrief.decisions.who')}</dt>
            <dd>
              <Who by={decision.by} municipality={municipality} />
            </dd>
            <dt>{t('debrief.decisions.when')}</dt>
            <dd>
              <Times at={decision.at} /> <Seq seq={decision.at.seq} />
            </dd>
            <dt>{t('debrief.decisions.grounds')}</dt>
            <dd className="decision-record__grounds">{decision.grounds}</dd>
            {decision.bob?.beeld && (
              <>
                <dt>{t('debrief.decisions.beeld')}</dt>
                <dd>{decision.bob.beeld}</dd>
              </>
            )}
            {decision.bob?.oordeel && (
              <>
                <dt>{t('debrief.decisions.oordeel')}</dt>
                <dd>{decision.bob.oordeel}</dd>
              </>
            )}
            {decision.conditions && (
              <>
                <dt>{t('debrief.decisions.conditions')}</dt>
                <dd>{decision.conditions}</dd>
              </>
            )}
            <dt>{t('debrief.decisions.phase')}</dt>
            <dd>
              {decision.phase} ({phaseByNumber(decision.phase).shortName[language]})
            </dd>
            <dt>{t('debrief.decisions.allows')}</dt>
            <dd>{allowsText(decision, t)}</dd>
            {decision.allows && (
              <>
                <dt>{t('debrief.decisions.usedLabel')}</dt>
                <dd>{usedText(decision, t, language)}</dd>
              </>
            )}
            <dt>{t('debrief.decisions.endLabel')}</dt>
            <dd className={decision.ended?.kind === 'revoked' ? 'decision-record__revoked' : undefined}>
              {decision.ended?.kind === 'revoked' && <span aria-hidden="true">⊘ </span>}
              {endText(decision, t, language, municipality)}
            </dd>
          </dl>
        </li>
      ))}
    </ol>
  );
}
