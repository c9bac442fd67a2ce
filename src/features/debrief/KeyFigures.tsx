import { phaseByNumber } from '../../../machines';
import { useLanguage, useTranslation } from '../../i18n';
import type { KeyFigures as Figures } from './summary';
import { formatClockSeconds } from '../../i18n/format';
import { durationText } from './words';

/** The debrief at a glance: a few large numbers a room can read from the back. */
export function KeyFigures({ figures }: { figures: Figures }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const items = [
    {
      key: 'phase',
      value: figures.highestPhase === null ? '–' : String(figures.highestPhase),
      label: t('debrief.summary.figure.phase'),
      detail: figures.highestPhase === null ? '' : phaseByNumber(figures.highestPhase).shortName[language],
    },
    {
      key: 'decisions',
      value: String(figures.granted + figures.refusedVerdicts),
      label: t('debrief.summary.figure.decisions'),
      detail: t('debrief.summary.figure.decisionsDetail', {
        granted: figures.granted,
        refused: figures.refusedVerdicts,
        revoked: figures.revocations,
      }),
    },
    {
      key: 'refusals',
      value: String(figures.refusals),
      label: t('debrief.summary.figure.refusals'),
      detail: figures.refusals > 0 ? t('debrief.summary.figure.refusalsDetail', { count: figures.refusalRules }) : '',
    },
    {
      key: 'pilot',
      value: String(figures.pilotCases),
      label: t('debrief.summary.figure.pilot'),
      detail: figures.pilotCases > 0 ? t('debrief.summary.figure.pilotDetail') : '',
    },
    {
      key: 'duration',
      value: durationText(figures.duration?.exerciseMs ?? null, t),
      label: t('debrief.summary.figure.duration'),
      detail:
        figures.from === null || figures.to === null
          ? ''
          : t(
              figures.clockRunning ? 'debrief.summary.figure.durationRunning' : 'debrief.summary.figure.durationDetail',
              {
                from: formatClockSeconds(figures.from),
                to: formatClockSeconds(figures.to),
                wall: durationText(figures.duration?.wallMs ?? null, t),
              },
            ),
    },
    {
      key: 'coverage',
      value: String(figures.rulesTouched),
      label: t('debrief.summary.figure.coverage'),
      detail: t('debrief.summary.figure.coverageDetail', {
        rules: figures.ruleCount,
        phases: figures.phasesVisited,
        phaseCount: figures.phaseCount,
      }),
    },
  ];
  return (
    <dl className="key-figures">
      {items.map((item) => (
        <div key={item.key} className={`key-figure key-figure--${item.key}`}>
          <dt>{item.label}</dt>
          <dd>
            <span className="key-figure__value">{item.value}</span>
            {item.detail && <span className="key-figure__detail">{item.detail}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
