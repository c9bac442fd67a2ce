import { useTranslation } from '../../i18n';
import { CoverageSection } from './CoverageSection';
import type { Debrief } from './debrief';
import { DecisionList } from './DecisionList';
import { IntegritySection } from './IntegritySection';
import { KeyFigures } from './KeyFigures';
import { NotesSection } from './NotesSection';
import { ReportSection } from './parts';
import { PhaseChart } from './PhaseChart';
import { PhaseTable } from './PhaseTable';
import { PilotSection } from './PilotSection';
import { RefusalsSection } from './RefusalsSection';
import { ScenarioSection } from './ScenarioSection';
import { keyFigures } from './summary';
import { TimingsSection } from './TimingsSection';
import { useWallClock } from '../../session/useWallClock';

/**
 * The whole after-action review of one exercise, from its log alone, and from its clock for how much
 * exercise time it covered. `now` (epoch ms) reads the wall clock; tests and stories fix it.
 */
export function DebriefReport({ debrief, now }: { debrief: Debrief; now?: () => number }) {
  const { t } = useTranslation();
  const { setup } = debrief.head;
  const { municipality } = setup;
  const wallNow = useWallClock(debrief.head.clock.running, now);
  return (
    <div className="debrief-report">
      <ReportSection heading={t('debrief.summary.heading')} className="debrief-summary">
        <KeyFigures figures={keyFigures(debrief, wallNow)} />
      </ReportSection>
      <ReportSection heading={t('debrief.chart.heading')} className="debrief-chart">
        {debrief.timeline && (
          <>
            <PhaseChart timeline={debrief.timeline} />
            <PhaseTable timeline={debrief.timeline} municipality={municipality} />
          </>
        )}
      </ReportSection>
      <ReportSection heading={t('debrief.decisions.heading')} className="debrief-decisions">
        <DecisionList decisions={debrief.decisions} municipality={municipality} />
      </ReportSection>
      <TimingsSection debrief={debrief} />
      <PilotSection cases={debrief.pilotCases} municipality={municipality} />
      <RefusalsSection groups={debrief.refusals} municipality={municipality} />
      <CoverageSection coverage={debrief.coverage} />
      <ScenarioSection setup={setup} />
      <NotesSection notes={debrief.notes} municipality={municipality} />
      <IntegritySection integrity={debrief.integrity} />
    </div>
  );
}
