/**
 * The set-up the live-session measures create their exercises from: a built-in scenario kept whole
 * (its injects), as the set-up form makes it and as tests/server/helpers.ts `scenarioSetup` does.
 * Loaded through Vite's module runner by bench/run.mjs and bench/loadtest/run.mjs.
 */
import { readFileSync } from 'node:fs';
import type { ExerciseSetup } from '../../src/core';
import { scenarioToSetup } from '../../src/scenarios';
import { parseScenario } from '../../src/scenarios/parseScenario';

export function liveSetup(name = 'jaarwisseling'): ExerciseSetup {
  const parsed = parseScenario(readFileSync(new URL(`../../public/scenarios/${name}.json`, import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(`the built-in scenario ${name} does not parse`);
  return { ...scenarioToSetup(parsed.scenario), scenario: parsed.scenario };
}
