/**
 * Shared pieces for the scenario tests: the built-in files as shipped, and a
 * small valid scenario to break in one place at a time.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILT_IN_SCENARIOS } from '../../src/scenarios';

// A string, not `new URL(…)`: under jsdom `URL` is jsdom's, which node:url does not accept.
export const PUBLIC_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../public');

/** The text of a built-in scenario file, as the app would fetch it. */
export function builtInText(file: string): string {
  return readFileSync(resolve(PUBLIC_DIR, file), 'utf8');
}

export const BUILT_IN_TEXTS = BUILT_IN_SCENARIOS.map((entry) => ({ entry, text: builtInText(entry.file) }));

/** A minimal valid scenario, as plain JSON data. */
export function minimalScenario(): Record<string, unknown> {
  return {
    format: 'paraat.scenario/1',
    id: 'proef',
    title: { nl: 'Proef', en: 'Trial' },
    description: { nl: 'Een korte proef.', en: 'A short trial.' },
    municipality: 'Wielsum',
    audience: { nl: 'Oefenleiders', en: 'Exercise controllers' },
    startTime: '2026-12-31T22:00',
    cast: [
      { id: 'burgemeester', role: 'mayor', name: 'Hanneke Verbeek', municipality: 'Wielsum' },
      { id: 'commandant', role: 'commander', name: 'Rachid Benali' },
      { id: 'oefenleider', role: 'trainer', name: 'Ellen Kramer' },
    ],
    injects: [
      {
        id: 'start',
        offsetMinutes: 0,
        audience: 'everyone',
        title: { nl: 'Start', en: 'Start' },
        text: { nl: 'Het begint.', en: 'It begins.' },
      },
      {
        id: 'waterwerper',
        offsetMinutes: 20,
        audience: 'everyone',
        title: { nl: 'Waterwerper', en: 'Water cannon' },
        text: { nl: 'De commandant vraagt om de waterwerper.', en: 'The commander asks for the water cannon.' },
        decisionPoint: { subject: 'waterCannon', expects: { nl: 'Een besluit.', en: 'A decision.' } },
      },
    ],
    learningObjectives: [{ nl: 'Leren.', en: 'Learn.' }],
    debriefQuestions: [{ nl: 'Wat ging goed?', en: 'What went well?' }],
  };
}

/** Own property names of the built-in prototypes, to prove nothing was added to them. */
export function prototypeFingerprint(): string {
  return [Object.prototype, Array.prototype, Function.prototype]
    .map((proto) => Object.getOwnPropertyNames(proto).sort().join(','))
    .join('|');
}
