import { useId } from 'react';
import { phaseByNumber, type Subject } from '../../../machines';
import { useLanguage, useTranslation } from '../../i18n';
import { chartGeometry, type ChartOptions, type PlacedMarker } from './chartGeometry';
import type { MarkerKind, PhaseTimeline } from './timeline';
import { formatClockMinute } from '../../i18n/format';
import { elapsedText, exerciseTimeText, type Translate } from './words';

export interface PhaseChartProps extends ChartOptions {
  timeline: PhaseTimeline;
  /** Tick labels as time since the start ("+10 min") instead of the clock: for two runs side by side. */
  elapsed?: boolean;
  /** Show the legend and notes under the chart; two charts side by side share one. */
  legend?: boolean;
}

const MARKER_KINDS: readonly MarkerKind[] = ['granted', 'refusedVerdict', 'revocation', 'pilot', 'refusal'];

/**
 * One marker shape per kind, so nothing is told by colour alone: a filled
 * diamond (granted), an open diamond (refused verdict), a struck circle
 * (revocation), a flag (pilot case, R11), a cross (refused attempt).
 */
export function MarkerShape({ kind, x, y, size }: { kind: MarkerKind; x: number; y: number; size: number }) {
  const r = size / 2;
  const className = `chart-marker chart-marker--${kind}`;
  switch (kind) {
    case 'granted':
    case 'refusedVerdict':
      return (
        <path
          className={className}
          d={`M ${String(x)} ${String(y - r)} L ${String(x + r)} ${String(y)} L ${String(x)} ${String(y + r)} L ${String(x - r)} ${String(y)} Z`}
        />
      );
    case 'revocation':
      return (
        <g className={className}>
          <circle cx={x} cy={y} r={r * 0.85} />
          <line x1={x - r * 0.6} y1={y + r * 0.6} x2={x + r * 0.6} y2={y - r * 0.6} />
        </g>
      );
    case 'pilot':
      return (
        <g className={className}>
          <line x1={x - r * 0.6} y1={y + r} x2={x - r * 0.6} y2={y - r} />
          <path
            d={`M ${String(x - r * 0.6)} ${String(y - r)} L ${String(x + r)} ${String(y - r * 0.45)} L ${String(x - r * 0.6)} ${String(y + r * 0.1)} Z`}
          />
        </g>
      );
    case 'refusal':
      return (
        <g className={className}>
          <line x1={x - r * 0.8} y1={y - r * 0.8} x2={x + r * 0.8} y2={y + r * 0.8} />
          <line x1={x - r * 0.8} y1={y + r * 0.8} x2={x + r * 0.8} y2={y - r * 0.8} />
        </g>
      );
  }
}

function markerTitle(placed: PlacedMarker, t: Translate, language: 'nl' | 'en'): string {
  const { marker } = placed;
  const subject = (value: Subject | undefined) => (value ? t(`subject.${value}`) : '');
  const what =
    marker.kind === 'refusal'
      ? t('debrief.chart.marker.refusal', { rule: marker.rule ?? '' })
      : marker.kind === 'pilot'
        ? t('debrief.chart.marker.pilot')
        : t(`debrief.chart.marker.${marker.kind}`, { subject: subject(marker.subject) });
  return `#${String(marker.at.seq)} · ${exerciseTimeText(marker.at, language)} · ${what}`;
}

/** The legend: every shape with its word, in the page's text (not inside the picture). */
export function ChartLegend() {
  const { t } = useTranslation();
  return (
    <ul className="phase-chart__legend" aria-label={t('debrief.chart.legend.label')}>
      <li>
        <svg viewBox="0 0 24 16" width="24" height="16" aria-hidden="true" focusable="false">
          <path className="phase-chart__line" d="M 2 12 H 10 V 4 H 22" />
        </svg>
        {t('debrief.chart.legend.line')}
      </li>
      {MARKER_KINDS.map((kind) => (
        <li key={kind}>
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            <MarkerShape kind={kind} x={8} y={8} size={13} />
          </svg>
          {t(`debrief.chart.legend.${kind}`)}
        </li>
      ))}
    </ul>
  );
}

/**
 * The phase over time as a step line, with the mayor's decisions and the
 * refused attempts in two lanes beneath it. A picture for the room; the same
 * facts stand as text in the table and sections beside it.
 */
export function PhaseChart({ timeline, compact = false, minSpanMs, elapsed = false, legend = true }: PhaseChartProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const geometry = chartGeometry(timeline, { compact, ...(minSpanMs === undefined ? {} : { minSpanMs }) });
  const size = 14;
  const { plot } = geometry;

  const tickLabel = (value: number) => {
    if (geometry.axis === 'sequence') return `#${String(value)}`;
    return elapsed ? elapsedText(value - geometry.domain.from, t) : formatClockMinute(value);
  };
  const rowLabel = (phase: 1 | 2 | 3 | 4 | 5) => {
    const definition = phaseByNumber(phase);
    const mark = definition.assumption ? '*' : '';
    return compact ? `${String(phase)}${mark}` : `${String(phase)} ${definition.shortName[language]}${mark}`;
  };

  const decisionCount = timeline.markers.filter(
    (marker) => marker.kind !== 'refusal' && marker.kind !== 'pilot',
  ).length;
  const refusalCount = timeline.markers.filter((marker) => marker.kind === 'refusal').length;
  const description = t('debrief.chart.describe', {
    start: exerciseTimeText(timeline.start, language),
    end: exerciseTimeText(timeline.end, language),
    periods: timeline.periods
      .map((period) =>
        t('debrief.chart.describePeriod', { phase: period.phase, time: exerciseTimeText(period.from, language) }),
      )
      .join(', '),
    decisions: t('debrief.chart.describeDecisions', { count: decisionCount }),
    refusals: t('debrief.chart.describeRefusals', { count: refusalCount }),
  });

  return (
    <figure className={`phase-chart${compact ? ' phase-chart--compact' : ''}`}>
      <svg
        className="phase-chart__svg"
        viewBox={`0 0 ${String(geometry.width)} ${String(geometry.height)}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        fontSize={size}
      >
        <title id={`${id}-title`}>{t('debrief.chart.label')}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {geometry.rows.map(({ phase, y }, index) => (
          <g key={phase}>
            <rect
              className={index % 2 === 0 ? 'phase-chart__band' : 'phase-chart__band phase-chart__band--alt'}
              x={plot.left}
              y={y - (plot.bottom - plot.top) / 10}
              width={plot.right - plot.left}
              height={(plot.bottom - plot.top) / 5}
            />
            <text className="phase-chart__label" x={plot.left - 8} y={y} textAnchor="end" dominantBaseline="central">
              {rowLabel(phase)}
            </text>
          </g>
        ))}
        {geometry.lanes.map((lane) => (
          <g key={lane.lane}>
            <rect
              className="phase-chart__lane"
              x={plot.left}
              y={lane.top}
              width={plot.right - plot.left}
              height={lane.bottom - lane.top}
            />
            {!compact && (
              <text
                className="phase-chart__label"
                x={plot.left - 8}
                y={lane.y}
                textAnchor="end"
                dominantBaseline="central"
              >
                {lane.lane === 'decisions' ? t('debrief.chart.laneDecisions') : t('debrief.chart.laneRefusals')}
              </text>
            )}
          </g>
        ))}
        {geometry.ticks.map((tick) => (
          <g key={tick.value}>
            <line
              className="phase-chart__grid"
              x1={tick.x}
              x2={tick.x}
              y1={plot.top}
              y2={geometry.lanes.at(-1)?.bottom ?? plot.bottom}
            />
            <text
              className="phase-chart__tick"
              x={tick.x}
              y={(geometry.lanes.at(-1)?.bottom ?? plot.bottom) + size + 4}
              textAnchor="middle"
            >
              {tickLabel(tick.value)}
            </text>
          </g>
        ))}
        <text className="phase-chart__axis-title" x={plot.right} y={geometry.height - 4} textAnchor="end">
          {geometry.axis === 'exercise' ? t('debrief.chart.axisExercise') : t('debrief.chart.axisSequence')}
        </text>
        {geometry.markers
          .filter((placed) => placed.lane === 'decisions')
          .map((placed) => (
            <line
              key={`guide-${String(placed.marker.at.seq)}-${placed.marker.kind}`}
              className="phase-chart__guide"
              x1={placed.x}
              x2={placed.x}
              y1={placed.y - size / 2}
              y2={geometry.rows.find((row) => row.phase === placed.marker.phase)?.y ?? plot.top}
            />
          ))}
        <path className="phase-chart__line" d={geometry.path} />
        {geometry.changes.map((change) => (
          <circle
            key={`${String(change.x)}-${String(change.y)}`}
            className="phase-chart__change"
            cx={change.x}
            cy={change.y}
            r={compact ? 3 : 4}
          />
        ))}
        {geometry.markers.map((placed) => (
          <g key={`${String(placed.marker.at.seq)}-${placed.marker.kind}`}>
            <title>{markerTitle(placed, t, language)}</title>
            <MarkerShape kind={placed.marker.kind} x={placed.x} y={placed.y} size={size} />
          </g>
        ))}
        {geometry.overflow.map((item) => (
          <text
            key={`${item.lane}-${String(item.x)}`}
            className="phase-chart__more"
            x={item.x}
            y={item.y}
            textAnchor="middle"
          >
            {t('debrief.chart.more', { count: item.count })}
          </text>
        ))}
      </svg>
      {(legend || geometry.axis === 'sequence') && (
        <figcaption className="phase-chart__caption">
          {legend && <ChartLegend />}
          {geometry.axis === 'sequence' && <p className="phase-chart__note">{t('debrief.chart.clockStood')}</p>}
          {legend && <p className="phase-chart__note">{t('debrief.chart.assumptionNote')}</p>}
        </figcaption>
      )}
    </figure>
  );
}
