import { phaseByNumber } from '../../../machines';
import { useLanguage, useTranslation } from '../../i18n';
import type { PilotCase } from './pilot';
import { ReportSection, Seq, Times, Who } from './parts';
import { durationText, exerciseTimeText } from './words';

/** Each use of the tear agent, marked as a pilot case for the evaluation (R11). */
export function PilotSection({ cases, municipality }: { cases: readonly PilotCase[]; municipality: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <ReportSection heading={t('debrief.pilot.heading')} className="debrief-pilot">
      <p className="debrief-explain">{t('debrief.pilot.explain')}</p>
      {cases.length === 0 ? (
        <p className="debrief-empty">{t('debrief.pilot.none')}</p>
      ) : (
        <ol className="pilot-cases">
          {cases.map((pilot, index) => (
            <li key={pilot.at.seq} className="pilot-case">
              <p className="pilot-case__head">
                <span className="badge pilot-case__badge">
                  <span aria-hidden="true">⚑ </span>
                  {t('debrief.pilot.case', { number: index + 1 })}
                </span>{' '}
                <Times at={pilot.at} /> <Seq seq={pilot.at.seq} /> — <Who by={pilot.by} municipality={municipality} />
              </p>
              <ul className="pilot-case__facts">
                <li>
                  {t('debrief.pilot.phase', {
                    phase: `${String(pilot.phase)} (${phaseByNumber(pilot.phase).shortName[language]})`,
                  })}
                </li>
                <li>
                  {pilot.decision
                    ? t('debrief.pilot.decision', {
                        who: `${t(`role.${pilot.decision.by.role}`)} ${pilot.decision.by.name}`,
                        seq: pilot.decision.at.seq,
                        grounds: pilot.decision.grounds,
                      })
                    : t('debrief.pilot.noDecision')}
                </li>
                <li>
                  {pilot.stopped
                    ? t(`debrief.pilot.stopped.${pilot.stopped.why}`, {
                        time: exerciseTimeText(pilot.stopped.at, language),
                        duration: durationText(pilot.interval?.exerciseMs ?? null, t),
                      })
                    : t('debrief.pilot.stillInUse')}
                </li>
              </ul>
            </li>
          ))}
        </ol>
      )}
    </ReportSection>
  );
}
