/** The drill's address (issue #15): #/beslisoefening opens it, and navigating there writes it. */
import { describe, expect, test } from 'vitest';
import { navigate, parseRoute } from '../../../src/app/route';
import { drillHref } from '../../../src/features/drill/routes';

describe('the decision drill route', () => {
  test('is read from and written to the address', () => {
    expect(parseRoute('#/beslisoefening')).toEqual({ screen: 'drill' });
    expect(parseRoute('#/beslisoefening/iets')).toEqual({ screen: 'exercises' });
    navigate({ screen: 'drill' });
    expect(window.location.hash).toBe(drillHref());
  });
});
