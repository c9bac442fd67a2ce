import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { count, describeZodIssue, formatPath, oneOf, sentence } from '../../src/validation/zodIssueWords';

/** The tail for the first issue a schema raises on a value. */
function tailFor(schema: z.ZodMiniType, value: unknown) {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) throw new Error('expected an issue');
  const [issue] = result.error.issues;
  if (!issue) throw new Error('expected an issue');
  return describeZodIssue(issue);
}

describe('zodIssueWords', () => {
  it('says a missing field is missing', () => {
    expect(tailFor(z.object({ a: z.string() }), {})).toEqual({ nl: 'ontbreekt', en: 'is missing' });
  });

  it('says what was expected and what was found, with decimals named', () => {
    expect(tailFor(z.int(), 2.5)).toEqual({
      nl: 'moet een geheel getal zijn, maar is het getal 2.5 (met decimalen)',
      en: 'must be a whole number, but is the number 2.5 (with decimals)',
    });
    expect(tailFor(z.string(), null)).toEqual({
      nl: 'moet tekst zijn, maar is leeg (null)',
      en: 'must be text, but is empty (null)',
    });
  });

  it('tells inclusive from exclusive bounds', () => {
    expect(tailFor(z.number().check(z.gte(0)), -1).nl).toBe('moet 0 of meer zijn');
    expect(tailFor(z.number().check(z.gt(0)), 0).en).toBe('must be greater than 0');
    expect(tailFor(z.number().check(z.lte(10_000)), 10_001)).toEqual({
      nl: 'mag hoogstens 10.000 zijn',
      en: 'must be 10,000 or less',
    });
    expect(tailFor(z.number().check(z.lt(5)), 5).nl).toBe('moet kleiner zijn dan 5');
    expect(tailFor(z.string().check(z.minLength(1)), '').en).toBe('must not be empty');
  });

  it('names the known kinds of a discriminated union', () => {
    const schema = z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('note') }),
      z.object({ kind: z.literal('attempt') }),
    ]);
    expect(tailFor(schema, { kind: 'rumour' }).nl).toBe(
      'moet een van deze waarden zijn: "note", "attempt"; maar is "rumour"',
    );
  });

  it('caps a long list of options and shows long input shortened', () => {
    const values = Array.from({ length: 20 }, (_, index) => index);
    const tail = oneOf(values, 'x'.repeat(100));
    expect(tail.en).toContain('11, …; but is "');
    expect(tail.en).not.toContain(', 12');
    expect(tail.en).toContain(`${'x'.repeat(40)}…"`);
    expect(oneOf(['a'], 'b')).toEqual({ nl: 'moet "a" zijn, maar is "b"', en: 'must be "a", but is "b"' });
  });

  it('takes our own bilingual sentence from a custom issue', () => {
    const schema = z.string().check(z.refine(() => false, { params: { nl: 'is fout', en: 'is wrong' } }));
    expect(tailFor(schema, 'a')).toEqual({ nl: 'is fout', en: 'is wrong' });
  });

  it('formats paths, counts and sentences', () => {
    expect(formatPath(['injects', 2, 'offsetMinutes'])).toBe('injects[2].offsetMinutes');
    expect(formatPath(['cast', 0, 'full name'])).toBe('cast[0]["full name"]');
    expect(count(20_000)).toEqual({ nl: '20.000', en: '20,000' });
    expect(sentence({ nl: 'Het veld a', en: 'The field a' }, { nl: 'ontbreekt', en: 'is missing' })).toEqual({
      nl: 'Het veld a ontbreekt.',
      en: 'The field a is missing.',
    });
  });
});
