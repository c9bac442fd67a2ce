/**
 * Where everything goes in the phase chart: a step line of the phase over
 * time, and below it two lanes of markers (decisions; refused attempts) so
 * markers never hide the line or each other. Pure numbers, so it can be
 * tested without a browser; PhaseChart draws them.
 */
import type { PhaseNumber } from '../../../machines';
import type { Moment } from './moment';
import type { ChartMarker, PhaseTimeline } from './timeline';

export type Lane = 'decisions' | 'refusals';

export interface PlacedMarker {
  marker: ChartMarker;
  lane: Lane;
  x: number;
  y: number;
}

export interface Overflow {
  lane: Lane;
  x: number;
  y: number;
  count: number;
}

export interface ChartGeometry {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  rows: { phase: PhaseNumber; y: number }[];
  lanes: { lane: Lane; y: number; top: number; bottom: number }[];
  /** SVG path data of the step line. */
  path: string;
  /** Where each period begins, for a dot on the line at every phase change. */
  changes: { x: number; y: number }[];
  ticks: { x: number; value: number }[];
  markers: PlacedMarker[];
  overflow: Overflow[];
  axis: PhaseTimeline['axis'];
  /** The domain on the x axis: exercise ms or sequence numbers. */
  domain: { from: number; to: number };
}

export interface ChartOptions {
  compact?: boolean;
  /** Stretch the exercise-time axis to at least this span (ms), so two runs share one scale. */
  minSpanMs?: number;
}

const MINUTE = 60_000;
/** Room at the top of a lane for "+3" when markers are too many to draw. */
const OVERFLOW_ROW = 14;
const TIME_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440].map((minutes) => minutes * MINUTE);
const SEQUENCE_STEPS = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000];
const PHASES: readonly PhaseNumber[] = [1, 2, 3, 4, 5];

function layout(compact: boolean) {
  return compact
    ? { width: 480, left: 36, right: 12, top: 12, row: 30, laneGap: 6, axis: 46, size: 14, levels: 2, ticks: 4 }
    : { width: 960, left: 190, right: 24, top: 14, row: 40, laneGap: 8, axis: 48, size: 14, levels: 2, ticks: 8 };
}

function ticksFor(from: number, to: number, steps: readonly number[], maxTicks: number): number[] {
  const span = to - from;
  const step = steps.find((candidate) => span / candidate <= maxTicks) ?? steps.at(-1) ?? 1;
  const values: number[] = [];
  for (let value = Math.ceil(from / step) * step; value <= to; value += step) values.push(value);
  return values;
}

const positionOf = (moment: Moment, axis: PhaseTimeline['axis']) =>
  axis === 'exercise' ? moment.exerciseMs : moment.seq;

export function chartGeometry(timeline: PhaseTimeline, options: ChartOptions = {}): ChartGeometry {
  const spec = layout(options.compact ?? false);
  const { axis } = timeline;
  const from = positionOf(timeline.start, axis);
  const end = positionOf(timeline.end, axis);
  const span = Math.max(end, from + (axis === 'exercise' ? Math.max(options.minSpanMs ?? 0, MINUTE) : 1)) - from;
  // A little room after the last entry, so a marker there is not cut off at the edge.
  const to = from + span * 1.03;
  const plot = {
    left: spec.left,
    right: spec.width - spec.right,
    top: spec.top,
    bottom: spec.top + spec.row * PHASES.length,
  };
  const xOf = (position: number) => plot.left + ((position - from) / (to - from)) * (plot.right - plot.left);
  const yOf = (phase: PhaseNumber) => plot.bottom - (phase - 0.5) * spec.row;

  const path = timeline.periods
    .map((period, index) => {
      const x0 = xOf(positionOf(period.from, axis));
      const x1 = xOf(positionOf(period.to, axis));
      const y = yOf(period.phase);
      return `${index === 0 ? 'M' : 'V'} ${index === 0 ? `${fixed(x0)} ${fixed(y)}` : fixed(y)} H ${fixed(x1)}`;
    })
    .join(' ');
  const changes = timeline.periods.slice(1).map((period) => ({
    x: xOf(positionOf(period.from, axis)),
    y: yOf(period.phase),
  }));

  // Each lane: a row for overflow counts on top, then the levels markers stack in.
  const laneHeight = OVERFLOW_ROW + spec.levels * (spec.size + 2);
  const laneTop = plot.bottom + spec.laneGap;
  const lanes = (['decisions', 'refusals'] as const).map((lane, index) => {
    const top = laneTop + index * laneHeight;
    return { lane, top, bottom: top + laneHeight, y: top + OVERFLOW_ROW + (laneHeight - OVERFLOW_ROW) / 2 };
  });

  const { markers, overflow } = placeMarkers(timeline.markers, lanes, (moment) => xOf(positionOf(moment, axis)), spec);
  const steps = axis === 'exercise' ? TIME_STEPS : SEQUENCE_STEPS;
  const ticks = ticksFor(from, to, steps, spec.ticks).map((value) => ({ x: xOf(value), value }));
  const lastLane = lanes.at(-1);
  return {
    width: spec.width,
    height: (lastLane?.bottom ?? plot.bottom) + spec.axis,
    plot,
    rows: PHASES.map((phase) => ({ phase, y: yOf(phase) })),
    lanes,
    path,
    changes,
    ticks,
    markers,
    overflow,
    axis,
    domain: { from, to },
  };
}

const fixed = (value: number) => value.toFixed(1);
const laneOf = (marker: ChartMarker): Lane => (marker.kind === 'refusal' ? 'refusals' : 'decisions');

/**
 * Markers that would overlap stack in up to `levels` rows within their lane;
 * beyond that they are counted, and the count is shown instead ("+3"). The
 * tables below the chart list every one.
 */
function placeMarkers(
  all: readonly ChartMarker[],
  lanes: readonly { lane: Lane; top: number; bottom: number; y: number }[],
  xOf: (moment: Moment) => number,
  spec: { size: number; levels: number },
): { markers: PlacedMarker[]; overflow: Overflow[] } {
  const gap = spec.size + 2;
  const markers: PlacedMarker[] = [];
  const overflow: Overflow[] = [];
  for (const { lane, top, bottom } of lanes) {
    const levelY = (level: number) => bottom - gap / 2 - level * gap;
    const lastX: number[] = Array.from({ length: spec.levels }, () => Number.NEGATIVE_INFINITY);
    const inLane = all
      .filter((marker) => laneOf(marker) === lane)
      .map((marker) => ({ marker, x: xOf(marker.at) }))
      .sort((a, b) => a.x - b.x || a.marker.at.seq - b.marker.at.seq);
    for (const { marker, x } of inLane) {
      const level = lastX.findIndex((previous) => x - previous >= gap);
      if (level >= 0) {
        lastX[level] = x;
        markers.push({ marker, lane, x, y: levelY(level) });
        continue;
      }
      const near = overflow.find((item) => item.lane === lane && Math.abs(item.x - x) < gap * 2);
      if (near) near.count += 1;
      else overflow.push({ lane, x, y: top + OVERFLOW_ROW - 2, count: 1 });
    }
  }
  return { markers, overflow };
}
