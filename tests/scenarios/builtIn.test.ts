/**
 * The three built-in scenarios: each file parses, says what it invents, and
 * plays the rules it is meant to teach (R5, R11, R12, the two decisions).
 */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { createActor } from 'xstate';
import { describe, expect, test } from 'vitest';
import { escalationMachine, phaseOf, whyRefused, type By, type EscalationEvent } from '../../machines';
import { BUILT_IN_SCENARIOS, parseScenario, scenarioToSetup, type Scenario } from '../../src/scenarios';
import type { CastMember, ExerciseSetup } from '../../src/session';
import { newSession } from '../fixtures/exercise';
import { BUILT_IN_TEXTS, PUBLIC_DIR } from './helpers';

function load(id: string): Scenario {
  const found = BUILT_IN_TEXTS.find(({ entry }) => entry.id === id);
  if (!found) throw new Error(`no built-in scenario ${id}`);
  const result = parseScenario(found.text);
  if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 2));
  return result.scenario;
}

/** The By the console builds for a cast member (src/features/console). */
const byOf = (member: CastMember): By =>
  member.municipality === undefined
    ? { role: member.role, name: member.name }
    : { role: member.role, name: member.name, municipality: member.municipality };

function waterCannonDecisionBy(setup: ExerciseSetup, member: CastMember) {
  const actor = createActor(escalationMachine, {
    input: { municipality: setup.municipality, ...(setup.startPhase ? { startPhase: setup.startPhase } : {}) },
  }).start();
  const event: EscalationEvent = {
    type: 'mayor.decide',
    by: byOf(member),
    subject: 'waterCannon',
    verdict: 'granted',
    grounds: 'Ernstig gevaar voor agenten en omstanders',
  };
  const refusal = whyRefused(actor.getSnapshot(), event);
  actor.stop();
  return refusal;
}

describe('the built-in scenarios', () => {
  test('the list names exactly the files in public/scenarios', () => {
    const files = readdirSync(resolve(PUBLIC_DIR, 'scenarios'))
      .filter((name) => name.endsWith('.json'))
      .sort();
    expect(BUILT_IN_SCENARIOS.map((entry) => entry.file.replace('scenarios/', '')).sort()).toEqual(files);
    expect(BUILT_IN_SCENARIOS.map((entry) => entry.id)).toEqual([
      'ggp-go-in-de-wijk',
      'jaarwisseling',
      'demonstratie-loopt-uit-de-hand',
    ]);
  });

  test.each(BUILT_IN_TEXTS)('$entry.file parses, and its id and title match the list', ({ entry, text }) => {
    const result = parseScenario(text);
    if (!result.ok) expect.fail(JSON.stringify(result.errors, null, 2));
    expect(result.scenario.id).toBe(entry.id);
    expect(result.scenario.title).toEqual(entry.title);
  });

  test.each(BUILT_IN_TEXTS)(
    '$entry.file names what it invents, and has objectives and debrief questions',
    ({ entry }) => {
      const scenario = load(entry.id);
      expect(scenario.assumptions?.length).toBeGreaterThanOrEqual(3);
      expect(scenario.assumptions?.some(({ nl }) => /verzonnen/.test(nl))).toBe(true);
      expect(scenario.learningObjectives.length).toBeGreaterThanOrEqual(3);
      expect(scenario.debriefQuestions.length).toBeGreaterThanOrEqual(4);
    },
  );

  test.each(BUILT_IN_TEXTS)(
    '$entry.file: injects in time order, each bilingual and different per language',
    ({ entry }) => {
      const scenario = load(entry.id);
      const offsets = scenario.injects.map((inject) => inject.offsetMinutes);
      expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
      for (const inject of scenario.injects) {
        expect(inject.text.nl).not.toBe(inject.text.en);
      }
      expect(scenario.injects.some((inject) => inject.decisionPoint)).toBe(true);
    },
  );

  test('GGP-GO in de wijk: phase 1, about an hour, for basic training, no ME means asked of the mayor', () => {
    const scenario = load('ggp-go-in-de-wijk');
    expect(scenario.startPhase).toBe(1);
    const last = scenario.injects.at(-1)?.offsetMinutes ?? 0;
    expect(last).toBeGreaterThanOrEqual(50);
    expect(last).toBeLessThanOrEqual(75);
    expect(scenario.audience.nl).toMatch(/basispolitieopleiding/);
    const subjects = scenario.injects.map((inject) => inject.decisionPoint?.subject);
    expect(subjects).not.toContain('waterCannon');
    expect(subjects).not.toContain('tearGas');
    expect(scenario.learningObjectives.map(({ nl }) => nl).join(' ')).toMatch(/maatschappelijke verbondenheid/);
  });

  test("Jaarwisseling: New Year's Eve, the triangle sets the tolerance limits (R12), two separate decision points, a pilot (R11)", () => {
    const scenario = load('jaarwisseling');
    expect(scenario.startTime).toBe('2026-12-31T22:00');
    expect(scenario.toleranceLimits?.setBy).toBe('localTriangle');
    expect(scenario.toleranceLimits?.text.nl).toMatch(/lokale driehoek/);
    const waterCannon = scenario.injects.filter((inject) => inject.decisionPoint?.subject === 'waterCannon');
    const tearGas = scenario.injects.filter((inject) => inject.decisionPoint?.subject === 'tearGas');
    expect(waterCannon).toHaveLength(1);
    expect(tearGas).toHaveLength(1);
    // 00:20 and 00:45 on a 22:00 start.
    expect(waterCannon[0]?.offsetMinutes).toBe(140);
    expect(tearGas[0]?.offsetMinutes).toBe(165);
    expect(tearGas[0]?.text.nl).toMatch(/traanverwekkende stof in de waterwerper/);
    expect(scenario.description.nl).toMatch(/pilot/);
    const phases = scenario.injects.filter((inject) => inject.decisionPoint?.subject === 'phase');
    expect(phases.length).toBeGreaterThanOrEqual(3);
  });

  test('Demonstratie loopt uit de hand: the mayor is away, the acting mayor may decide, the regional mayor may not (R5)', () => {
    const scenario = load('demonstratie-loopt-uit-de-hand');
    expect(scenario.injects.map((inject) => inject.text.nl).join(' ')).toMatch(
      /De burgemeester is de komende 20 minuten onbereikbaar/,
    );
    const setup = scenarioToSetup(scenario);
    const loco = setup.cast.find((member) => member.role === 'locoMayor');
    const regional = setup.cast.find(
      (member) => member.role === 'mayor' && member.municipality !== scenario.municipality,
    );
    if (!loco || !regional) expect.fail('the cast needs an acting mayor and a mayor of another municipality');
    expect(waterCannonDecisionBy(setup, loco)).toBeNull();
    expect(waterCannonDecisionBy(setup, regional)?.rule).toBe('R5');
  });
});

describe('scenarioToSetup', () => {
  test.each(BUILT_IN_TEXTS)('$entry.file: the set-up carries the scenario and a competent mayor', ({ entry }) => {
    const scenario = load(entry.id);
    const setup = scenarioToSetup(scenario);
    expect(setup).toMatchObject({
      title: scenario.title.nl,
      municipality: scenario.municipality,
      startTime: scenario.startTime,
      startPhase: scenario.startPhase,
      scenarioId: scenario.id,
    });
    expect(setup.cast.map((member) => member.id)).toEqual(scenario.cast.map((member) => member.id));
    const mayor = setup.cast.find((member) => member.role === 'mayor' && member.municipality === setup.municipality);
    if (!mayor) expect.fail('no competent mayor in the set-up');
    expect(waterCannonDecisionBy(setup, mayor)).toBeNull();
  });

  test("a mayor or acting mayor without a municipality gets the scenario's, so R5 recognises them", () => {
    const scenario = load('jaarwisseling');
    const bare: Scenario = {
      ...scenario,
      cast: scenario.cast.map(({ id, role, name }) => ({ id, role, name })),
    };
    const setup = scenarioToSetup(bare);
    for (const member of setup.cast) {
      if (member.role === 'mayor' || member.role === 'locoMayor') {
        expect(member.municipality).toBe('Lindenburg');
        expect(waterCannonDecisionBy(setup, member)).toBeNull();
      } else {
        expect(member.municipality).toBeUndefined();
      }
    }
  });

  test.each(BUILT_IN_TEXTS)(
    '$entry.file: names are persons only, positions come in both languages (issue #12)',
    ({ entry }) => {
      const scenario = load(entry.id);
      for (const member of scenario.cast) {
        // "Jeroen Visser", not "Jeroen Visser (Algemeen Commandant SGBO)": the English UI would show the Dutch.
        expect(member.name).not.toMatch(/[(),]/);
        if (member.position) expect(member.position.nl).not.toBe('');
      }
      expect(scenario.cast.some((member) => member.position && member.position.nl !== member.position.en)).toBe(true);
      const setup = scenarioToSetup(scenario);
      expect(setup.cast.map((member) => member.position)).toEqual(scenario.cast.map((member) => member.position));
    },
  );

  test('a cast without positions (a file from before them) gives a set-up without the key, so its hash is as before', () => {
    const scenario = load('jaarwisseling');
    const old: Scenario = {
      ...scenario,
      cast: scenario.cast.map(({ id, role, name, municipality }) => ({
        id,
        role,
        name,
        ...(municipality === undefined ? {} : { municipality }),
      })),
    };
    const setup = scenarioToSetup(old);
    expect(setup.cast.every((member) => !('position' in member))).toBe(true);
    expect(setup.cast.find((member) => member.id === 'commandant')).toEqual({
      id: 'commandant',
      role: 'commander',
      name: 'Jeroen Visser',
    });
  });

  test('the title follows the language asked for', () => {
    expect(scenarioToSetup(load('jaarwisseling'), 'en').title).toBe("New Year's Eve");
  });

  test.each(BUILT_IN_TEXTS)("$entry.file: a session starts from the set-up, in the scenario's phase", ({ entry }) => {
    const scenario = load(entry.id);
    const { session } = newSession(scenarioToSetup(scenario));
    const state = session.getState();
    expect(state.head.setup.scenarioId).toBe(scenario.id);
    expect(phaseOf(state.snapshot)).toBe(scenario.startPhase);
    expect(session.exerciseTimeNow().slice(0, 16)).toBe(scenario.startTime);
  });
});
