import { useId } from 'react';
import { isWarned, MEANS, meansInUse, phaseByNumber, phaseOf, type EscalationSnapshot } from '../../../machines';
import { useLanguage, useTranslation } from '../../i18n';

export interface StandingProps {
  /** The model as the replay rebuilt it after the current line. */
  snapshot: EscalationSnapshot;
  /** Before the first line: how the exercise began. */
  atStart: boolean;
}

/**
 * How things stood after the current line, in words, from the model's own
 * queries: the phase, the means in use, and whether the crowd was warned in
 * this deployment (R7: no water cannon before a warning).
 */
export function Standing({ snapshot, atStart }: StandingProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const phase = phaseOf(snapshot);
  const means = meansInUse(snapshot);
  const warned = isWarned(snapshot);
  return (
    <section className="replay-standing" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="replay-standing__title">
        {atStart ? t('replay.standingAtStart') : t('replay.standingTitle')}
      </h3>
      <dl className="replay-standing__facts">
        <div>
          <dt>{t('replay.phase')}</dt>
          <dd data-fact="phase">
            {t('replay.phaseValue', { number: phase, name: phaseByNumber(phase).name[language] })}
          </dd>
        </div>
        <div>
          <dt>{t('replay.means')}</dt>
          <dd data-fact="means">
            {means.length === 0
              ? t('replay.meansNone')
              : means.map((meansId) => MEANS[meansId].name[language]).join(', ')}
          </dd>
        </div>
        <div>
          <dt>{t('replay.warning')}</dt>
          <dd data-fact="warning">
            <span aria-hidden="true">{warned ? '● ' : '○ '}</span>
            {warned ? t('replay.warned') : t('replay.notWarned')}
          </dd>
        </div>
      </dl>
    </section>
  );
}
