import { describe, expect, test } from 'vitest';
import { invalidJsonMessage, nestingDepth } from '../../src/validation/jsonText';

const advice = { nl: 'Advies.', en: 'Advice.' };
const parseError = (text: string): unknown => {
  try {
    JSON.parse(text);
  } catch (error) {
    return error;
  }
  throw new Error('expected a parse error');
};

describe('invalidJsonMessage', () => {
  test('names the line and column of the mistake in both languages', () => {
    const text = '{\n "a": 1,\n}'; // V8: "… at position 11" (a trailing comma)
    const message = invalidJsonMessage(text, parseError(text), advice);
    expect(message.nl).toMatch(/^Het bestand is geen geldige JSON\. De fout zit rond regel 3, kolom 1\. Advies\.$/);
    expect(message.en).toMatch(/^The file is not valid JSON\. The mistake is near line 3, column 1\. Advice\.$/);
  });

  test('counts a position from the start of the text', () => {
    const message = invalidJsonMessage('ab\ncd', new SyntaxError('Unexpected token in JSON at position 4'), advice);
    expect(message.en).toContain('near line 2, column 2.');
  });

  test('says no place when the engine gives none', () => {
    expect(invalidJsonMessage('x', new Error('bad'), advice)).toEqual({
      nl: 'Het bestand is geen geldige JSON. Advies.',
      en: 'The file is not valid JSON. Advice.',
    });
  });
});

describe('nestingDepth', () => {
  test('counts brackets outside strings only', () => {
    expect(nestingDepth('{"a":[{"b":"[[[{\\"}"}]}', 10)).toBe(3);
  });

  test('stops once past the limit', () => {
    expect(nestingDepth('['.repeat(1_000), 5)).toBe(6);
  });
});
