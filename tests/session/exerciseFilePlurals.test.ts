/**
 * The file checks' messages agree in number with how many lines they name: one line cut off the end
 * "ontbreekt" / "is missing", several "ontbreken" / "are missing" (it read "regel 21 ontbreken").
 */
import { describe, expect, it } from 'vitest';
import { parseExerciseFile } from '../../src/session';
import { copy, errorsOf, exportedFile, text } from './exerciseFileHelpers';

async function cutShort(kept: number) {
  const file = copy(await exportedFile());
  file.entries = file.entries.slice(0, kept);
  return errorsOf(parseExerciseFile(text(file)))[0];
}

describe('a log cut short at the end, in the singular and the plural', () => {
  it('one line gone: "regel 21 ontbreekt", "line 21 is missing"', async () => {
    expect(await cutShort(20)).toEqual({
      path: 'head.length',
      message: {
        nl: 'Het logboek is ingekort: volgens de kop heeft het 21 regels, maar het bestand bevat er 20; regel 21 ontbreekt.',
        en: 'The log has been cut short: the head says it has 21 lines, but the file holds 20; line 21 is missing.',
      },
    });
  });

  it('two lines gone: "regels 20 t/m 21 ontbreken", "lines 20 to 21 are missing"', async () => {
    const error = await cutShort(19);
    expect(error?.message.nl).toMatch(/; regels 20 t\/m 21 ontbreken\.$/);
    expect(error?.message.en).toMatch(/; lines 20 to 21 are missing\.$/);
  });
});
