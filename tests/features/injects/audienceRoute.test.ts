import { describe, expect, it } from 'vitest';
import { audienceHref, parseRoute } from '../../../src/app/route';

const ID = '0123456789abcdef0123456789abcdef';

describe('the audience screen’s route', () => {
  it('is read back from the address the panel links to, for each audience', () => {
    for (const audience of ['everyone', 'trainer', 'mayorStaff', 'commander'] as const)
      expect(parseRoute(audienceHref(ID, audience))).toEqual({ screen: 'audience', id: ID, audience });
    expect(audienceHref(ID, 'mayorStaff')).toBe(`#/oefening/${ID}/publiek/mayorStaff`);
  });

  it('leaves the console’s own route alone, and sends an unknown audience to the start screen', () => {
    expect(parseRoute(`#/oefening/${ID}`)).toEqual({ screen: 'exercise', id: ID });
    expect(parseRoute(`#/oefening/${ID}/publiek/press`)).toEqual({ screen: 'exercises' });
    expect(parseRoute(`#/oefening/${ID}/publiek/`)).toEqual({ screen: 'exercises' });
  });
});
