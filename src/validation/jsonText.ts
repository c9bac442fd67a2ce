/**
 * Reading JSON text from a file a user chose, written once for the scenario
 * reader (src/scenarios/parseScenario.ts) and the exercise-file reader
 * (src/session/parseExerciseFile.ts): bounded work before parsing, and a
 * parse error said in Dutch and English with its place.
 */
import type { Text } from '../../machines';

/**
 * The deepest nesting of `{` and `[` outside strings, scanning the text once
 * (JSON.parse recurses, so a deep file can exhaust the stack); stops counting
 * once past `limit`.
 */
export function nestingDepth(text: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === 0x5c)
        index++; // backslash: skip the escaped character
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x7b || char === 0x5b) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (char === 0x7d || char === 0x5d) depth--;
  }
  return deepest;
}

/** Where JSON.parse found the mistake, when the engine's message says so (V8: "line L column C" or "position P"). */
function mistakeAt(text: string, error: unknown): { line: number; column: number } | null {
  const detail = error instanceof Error ? error.message : '';
  const lineColumn = /line (\d+) column (\d+)/.exec(detail);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const position = /position (\d+)/.exec(detail);
  if (!position) return null;
  const lines = text.slice(0, Number(position[1])).split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

/**
 * "The file is not valid JSON. The mistake is near line 3, column 7." plus
 * the reader's own advice. JSON.parse's own message is English only.
 */
export function invalidJsonMessage(text: string, error: unknown, advice: Text): Text {
  const where = mistakeAt(text, error);
  const near = where
    ? {
        nl: ` De fout zit rond regel ${where.line}, kolom ${where.column}.`,
        en: ` The mistake is near line ${where.line}, column ${where.column}.`,
      }
    : { nl: '', en: '' };
  return {
    nl: `Het bestand is geen geldige JSON.${near.nl} ${advice.nl}`,
    en: `The file is not valid JSON.${near.en} ${advice.en}`,
  };
}
