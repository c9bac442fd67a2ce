import { phaseByNumber } from '../../../machines';
import { useLanguage, useTranslation } from '../../i18n';
import { Seq, Times, Who } from './parts';
import type { PhaseTimeline } from './timeline';
import { durationText } from './words';

/** The chart's facts as a table: each phase period, how long, and who changed it and why (R1). */
export function PhaseTable({ timeline, municipality }: { timeline: PhaseTimeline; municipality: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <table className="debrief-table">
      <caption>{t('debrief.chart.table.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('debrief.chart.table.phase')}</th>
          <th scope="col">{t('debrief.chart.table.from')}</th>
          <th scope="col">{t('debrief.chart.table.to')}</th>
          <th scope="col">{t('debrief.chart.table.duration')}</th>
          <th scope="col">{t('debrief.chart.table.change')}</th>
        </tr>
      </thead>
      <tbody>
        {timeline.periods.map((period) => {
          const phase = phaseByNumber(period.phase);
          return (
            <tr key={period.from.seq}>
              <th scope="row">
                <span className="debrief-phase">{period.phase}</span> {phase.shortName[language]}
                {phase.assumption && <span className="tag">{t('debrief.assumption')}</span>}
              </th>
              <td className="nowrap">
                <Times at={period.from} compact /> <Seq seq={period.from.seq} />
              </td>
              <td className="nowrap">
                {period.open ? (
                  t('debrief.chart.table.untilEnd')
                ) : (
                  <>
                    <Times at={period.to} compact /> <Seq seq={period.to.seq} />
                  </>
                )}
              </td>
              <td>{durationText(period.to.exerciseMs - period.from.exerciseMs, t)}</td>
              <td>
                {period.change ? (
                  <>
                    <span aria-hidden="true">{period.change.direction === 'up' ? '▲ ' : '▼ '}</span>
                    {t(`debrief.chart.table.${period.change.direction}`)} —{' '}
                    <Who by={period.change.by} municipality={municipality} />
                    {period.change.reason.trim() !== '' && <>: {period.change.reason}</>}
                  </>
                ) : (
                  t('debrief.chart.table.startPhase')
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
