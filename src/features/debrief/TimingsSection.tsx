import { useLanguage, useTranslation } from '../../i18n';
import type { Debrief } from './debrief';
import type { Interval } from './moment';
import { ReportSection, Seq, Times, Who } from './parts';
import { actionName, durationText } from './words';

function Took({ interval }: { interval: Interval | null }) {
  const { t } = useTranslation();
  if (!interval) return <>–</>;
  return (
    <span className="debrief-took">
      <strong>{durationText(interval.exerciseMs, t)}</strong>{' '}
      <span className="debrief-muted debrief-took__wall">
        ({t('debrief.wallClock')} {durationText(interval.wallMs, t)})
      </span>
    </span>
  );
}

/** From each decision-point inject to the decision, and from each consent to the action it allowed. */
export function TimingsSection({ debrief }: { debrief: Debrief }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { municipality } = debrief.head.setup;
  return (
    <ReportSection heading={t('debrief.timings.heading')} className="debrief-timings">
      <h3>{t('debrief.timings.points.heading')}</h3>
      {!debrief.head.setup.scenario ? (
        <p className="debrief-empty">{t('debrief.timings.points.noScenario')}</p>
      ) : debrief.decisionPoints.length === 0 ? (
        <p className="debrief-empty">{t('debrief.timings.points.none')}</p>
      ) : (
        <table className="debrief-table">
          <thead>
            <tr>
              <th scope="col">{t('debrief.timings.points.inject')}</th>
              <th scope="col">{t('debrief.timings.points.released')}</th>
              <th scope="col">{t('debrief.timings.points.expects')}</th>
              <th scope="col">{t('debrief.timings.points.answer')}</th>
              <th scope="col">{t('debrief.timings.points.took')}</th>
            </tr>
          </thead>
          <tbody>
            {debrief.decisionPoints.map((point) => (
              <tr key={point.released.seq}>
                <th scope="row">{point.inject.title[language]}</th>
                <td>
                  <Times at={point.released} compact /> <Seq seq={point.released.seq} />
                </td>
                <td>{point.inject.decisionPoint?.expects[language]}</td>
                <td>
                  {point.response ? (
                    <>
                      {actionName(point.response.type, null, t)}
                      {point.response.verdict && <> ({t(`verdict.${point.response.verdict}`)})</>} —{' '}
                      <Who by={point.response.by} municipality={municipality} />,{' '}
                      <Times at={point.response.at} compact /> <Seq seq={point.response.at.seq} />
                    </>
                  ) : (
                    <span className="debrief-missing">{t('debrief.timings.points.noAnswer')}</span>
                  )}
                  {point.anticipated && (
                    <span className="debrief-muted">
                      {' '}
                      · {t('debrief.timings.points.anticipated', { seq: point.anticipated.at.seq })}
                    </span>
                  )}
                </td>
                <td>
                  <Took interval={point.interval} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t('debrief.timings.actions.heading')}</h3>
      {debrief.decisionToAction.length === 0 ? (
        <p className="debrief-empty">{t('debrief.timings.actions.none')}</p>
      ) : (
        <table className="debrief-table">
          <thead>
            <tr>
              <th scope="col">{t('debrief.timings.actions.decision')}</th>
              <th scope="col">{t('debrief.timings.actions.action')}</th>
              <th scope="col">{t('debrief.timings.actions.took')}</th>
            </tr>
          </thead>
          <tbody>
            {debrief.decisionToAction.map(({ decision, interval }) => (
              <tr key={decision.at.seq}>
                <th scope="row">
                  {t(`subject.${decision.subject}`)} — <Times at={decision.at} compact /> <Seq seq={decision.at.seq} />
                </th>
                <td>
                  {decision.used ? (
                    <>
                      {t(`debrief.timings.actions.${decision.subject}`)} — <Times at={decision.used.at} compact />{' '}
                      <Seq seq={decision.used.at.seq} />
                    </>
                  ) : (
                    <span className="debrief-missing">{t('debrief.decisions.notUsed')}</span>
                  )}
                </td>
                <td>
                  <Took interval={interval} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </ReportSection>
  );
}
