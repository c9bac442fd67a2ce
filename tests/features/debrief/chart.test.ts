import { describe, expect, it } from 'vitest';
import { chartGeometry } from '../../../src/features/debrief/chartGeometry';
import { phaseTimeline } from '../../../src/features/debrief/timeline';
import { riotControlSession, SETUP } from '../../fixtures/exercise';
import { debriefOf, emptyStore, longLogStore, riotControlStore } from './fixtures';

describe('the phase over time', () => {
  it('has a period per phase change, from the start phase to the end of the log', async () => {
    const { store, id } = await riotControlStore();
    const timeline = (await debriefOf(store, id)).timeline;
    expect(timeline?.axis).toBe('exercise');
    expect(timeline?.periods.map((period) => [period.phase, period.from.exercise.slice(11, 16), period.open])).toEqual([
      [1, '22:00', false],
      [2, '22:01', false],
      [3, '22:02', false],
      [4, '22:03', false],
      [5, '22:04', false],
      [4, '22:16', true],
    ]);
    expect(timeline?.periods[1]?.change).toMatchObject({
      direction: 'up',
      reason: 'Groepen jongeren verzamelen zich op het Vredenburgplein',
    });
    expect(timeline?.periods.at(-1)?.change?.direction).toBe('down');
  });

  it('marks decisions, revocations, refusals and the pilot case at their moment and phase', async () => {
    const { store, id } = await riotControlStore();
    const markers = (await debriefOf(store, id)).timeline?.markers ?? [];
    expect(markers.map((marker) => [marker.kind, marker.at.seq, marker.phase, marker.rule ?? marker.subject])).toEqual([
      ['refusal', 7, 5, 'R3'],
      ['refusal', 8, 5, 'R5'],
      ['granted', 9, 5, 'waterCannon'],
      ['refusal', 12, 5, 'R4'],
      ['granted', 13, 5, 'tearGas'],
      ['pilot', 14, 5, 'R11'],
      ['revocation', 17, 5, 'waterCannon'],
    ]);
  });

  it('follows the log’s order when the exercise clock never ran', () => {
    const { session } = riotControlSession();
    const timeline = phaseTimeline(SETUP, session.getState().log);
    expect(timeline?.axis).toBe('sequence');
  });

  it('starts where the set-up says (R1) and draws nothing for no entries', async () => {
    expect(phaseTimeline({ ...SETUP, startPhase: 3 }, [])).toBeNull();
    const { store, id } = await emptyStore();
    expect((await debriefOf(store, id)).timeline?.periods).toHaveLength(1);
  });
});

// Read once, before the tests are collected: the debrief is read asynchronously, as the screen reads it.
const riotControl = await riotControlStore();
const riotTimeline = (await debriefOf(riotControl.store, riotControl.id)).timeline;

describe('the chart’s geometry', () => {
  if (!riotTimeline) throw new Error('no timeline');
  const geometry = chartGeometry(riotTimeline);

  it('draws a step line from left to right, higher for a higher phase', () => {
    expect(geometry.path.startsWith(`M ${geometry.plot.left.toFixed(1)} `)).toBe(true);
    // The line ends at the last entry, a little before the right edge (room for a marker there).
    const end = Number(/H ([\d.]+)$/.exec(geometry.path)?.[1]);
    expect(end).toBeLessThan(geometry.plot.right);
    expect(end).toBeGreaterThan(geometry.plot.right - (geometry.plot.right - geometry.plot.left) * 0.05);
    const y = (phase: number) => geometry.rows.find((row) => row.phase === phase)?.y ?? 0;
    expect(y(5)).toBeLessThan(y(1));
    expect(geometry.changes).toHaveLength(5);
  });

  it('puts decisions and refusals in their own lanes below the line, each at its moment', () => {
    const lanes = Object.fromEntries(geometry.lanes.map((lane) => [lane.lane, lane]));
    for (const placed of geometry.markers) {
      const lane = lanes[placed.lane];
      expect(placed.y).toBeGreaterThan(geometry.plot.bottom);
      expect(placed.y).toBeGreaterThan(lane?.top ?? 0);
      expect(placed.y).toBeLessThan(lane?.bottom ?? 0);
      expect(placed.lane).toBe(placed.marker.kind === 'refusal' ? 'refusals' : 'decisions');
    }
    const x = (seq: number) => geometry.markers.find((placed) => placed.marker.at.seq === seq)?.x ?? 0;
    expect(x(7)).toBeLessThan(x(9));
    expect(geometry.overflow).toEqual([]);
  });

  it('labels the time axis at round minutes inside the plot', () => {
    expect(geometry.ticks.length).toBeGreaterThan(2);
    expect(geometry.ticks.length).toBeLessThanOrEqual(9);
    for (const tick of geometry.ticks) {
      expect(tick.value % 60_000).toBe(0);
      expect(tick.x).toBeGreaterThanOrEqual(geometry.plot.left);
      expect(tick.x).toBeLessThanOrEqual(geometry.plot.right + 0.001);
    }
  });

  it('stretches to a shared span for two runs side by side', () => {
    const stretched = chartGeometry(riotTimeline, { compact: true, minSpanMs: 60 * 60_000 });
    expect(stretched.domain.to - stretched.domain.from).toBeCloseTo(60 * 60_000 * 1.03);
    expect(stretched.width).toBeLessThan(geometry.width);
  });

  it('counts what does not fit instead of drawing markers on top of each other', async () => {
    const long = await longLogStore(25);
    const longTimeline = (await debriefOf(long.store, long.id)).timeline;
    if (!longTimeline) throw new Error('no timeline');
    const crowded = chartGeometry(longTimeline, { compact: true });
    const shown = crowded.markers.length + crowded.overflow.reduce((sum, item) => sum + item.count, 0);
    expect(shown).toBe(longTimeline.markers.length);
    expect(crowded.overflow.length).toBeGreaterThan(0);
    const byLane = (lane: string) => crowded.markers.filter((placed) => placed.lane === lane);
    for (const lane of ['decisions', 'refusals']) {
      const placed = byLane(lane);
      for (const [index, a] of placed.entries())
        for (const b of placed.slice(index + 1))
          expect(Math.abs(a.x - b.x) >= 14 || Math.abs(a.y - b.y) >= 14).toBe(true);
    }
  });
});
