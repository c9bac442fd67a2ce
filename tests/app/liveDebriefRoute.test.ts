import { describe, expect, it } from 'vitest';
import { parseRoute } from '../../src/app/route';

describe('the live debrief route (#14 item 8)', () => {
  it('reads #/live/<id>/nabespreking as the debrief of a live exercise, and keeps the console and list routes', () => {
    const id = 'c0ffee00c0ffee00c0ffee00c0ffee00';
    expect(parseRoute(`#/live/${id}/nabespreking`)).toEqual({ screen: 'liveDebrief', id });
    expect(parseRoute(`#/live/${id}`)).toEqual({ screen: 'liveExercise', id });
    expect(parseRoute('#/live')).toEqual({ screen: 'live', secret: null });
    expect(parseRoute(`#/live/${id}/nabespreking/x`)).toEqual({ screen: 'exercises' });
  });
});
