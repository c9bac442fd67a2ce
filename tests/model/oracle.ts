/**
 * A reference model of CONTRACT.md, written from its sentences and nothing
 * else: an abstract exercise (the phase, the warning, the means in use, the
 * mayor's latest word per subject) and, for any event, whether the contract
 * accepts it, which rules may refuse it, and what the exercise looks like
 * after it. The exhaustive and property tests hold the statechart to it.
 *
 * It shares no code with machines/: if both get a rule wrong the same way,
 * it is because the contract was read the same way twice.
 */
import {
  decisionInForce,
  isPilotCase,
  isTearGasInUse,
  isWarned,
  isWaterCannonInUse,
  phaseOf,
  type EscalationSnapshot,
  type PhaseNumber,
  type RuleId,
} from '../../machines';

export type WordInForce = 'none' | 'granted' | 'refused' | 'revoked';

export interface Abstract {
  phase: PhaseNumber;
  warned: boolean;
  waterCannon: boolean;
  tearGas: boolean;
  words: { waterCannon: WordInForce; tearGas: WordInForce };
}

export type Outcome =
  | { accepted: true; next: Abstract }
  /** `rules`: the rules any one of which may be reported; 'any' where the contract names none. */
  | { accepted: false; rules: readonly RuleId[] | 'any' };

const ROLES = ['mayor', 'locoMayor', 'commander', 'prosecutor', 'trainer', 'observer'];
const TYPES = [
  'phase.escalate',
  'phase.deescalate',
  'crowd.warn',
  'mayor.decide',
  'mayor.revoke',
  'waterCannon.deploy',
  'waterCannon.withdraw',
  'tearGas.add',
  'tearGas.stop',
];
const SUBJECTS = ['waterCannon', 'tearGas'];
const VERDICTS = ['granted', 'refused'];

/** What the public queries say about a snapshot. */
export function abstractOf(snapshot: EscalationSnapshot): Abstract {
  return {
    phase: phaseOf(snapshot),
    warned: isWarned(snapshot),
    waterCannon: isWaterCannonInUse(snapshot),
    tearGas: isTearGasInUse(snapshot),
    words: {
      waterCannon: decisionInForce(snapshot, 'waterCannon')?.verdict ?? 'none',
      tearGas: decisionInForce(snapshot, 'tearGas')?.verdict ?? 'none',
    },
  };
}

/** Key a snapshot by its state value and the word in force per subject, never the whole context. */
export function keyOf(snapshot: EscalationSnapshot): string {
  const { waterCannon, tearGas } = abstractOf(snapshot).words;
  return `${JSON.stringify(snapshot.value)}|${waterCannon}|${tearGas}`;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const filled = (value: unknown) => typeof value === 'string' && value.trim() !== '';
const validBy = (by: unknown): by is { role: string; name: string; municipality?: string } =>
  isRecord(by) &&
  ROLES.includes(by.role as string) &&
  typeof by.name === 'string' &&
  (by.municipality === undefined || typeof by.municipality === 'string');

/** Entering another phase: nothing of phase 5 is carried along (R9), the warning lapses. */
const enter = (s: Abstract, phase: number): Abstract => ({
  ...s,
  phase: phase as PhaseNumber,
  warned: false,
  waterCannon: false,
  tearGas: false,
});

/** The contract's verdict on `event` in `s`, for the exercise in `municipality`. */
export function expected(s: Abstract, event: unknown, municipality: string): Outcome {
  if (!isRecord(event) || typeof event.type !== 'string' || !TYPES.includes(event.type))
    return { accepted: false, rules: ['R10'] };
  if (!validBy(event.by)) return { accepted: false, rules: ['R13', 'R10'] };
  const by = event.by;
  const refusedBy = new Set<RuleId>();
  let anyRule = false;
  const commanderOnly = () => {
    if (by.role !== 'commander') refusedBy.add('R13');
  };
  /** The means of riot control: R2 in phase 1, the phase data (no rule named) in 2–4. */
  const riotControlOnly = () => {
    if (s.phase === 1) refusedBy.add('R2');
    else if (s.phase !== 5) anyRule = true;
  };
  let next: Abstract = s;

  switch (event.type) {
    case 'phase.escalate':
    case 'phase.deescalate': {
      commanderOnly();
      const up = event.type === 'phase.escalate';
      if (up ? s.phase === 5 : s.phase === 1) refusedBy.add('R1');
      if (!filled(event.reason)) refusedBy.add('R1');
      next = enter(s, s.phase + (up ? 1 : -1));
      break;
    }
    case 'crowd.warn':
      commanderOnly();
      if (s.phase !== 5) refusedBy.add('R7'); // "A warning is given in phase 5."
      next = { ...s, warned: true };
      break;
    case 'mayor.decide':
    case 'mayor.revoke': {
      const competent = (by.role === 'mayor' || by.role === 'locoMayor') && by.municipality === municipality;
      if (!competent) refusedBy.add('R5');
      const subject = event.subject;
      const verdict = event.type === 'mayor.revoke' ? 'revoked' : event.verdict;
      if (!SUBJECTS.includes(subject as string)) refusedBy.add('R6');
      if (event.type === 'mayor.decide' && !VERDICTS.includes(verdict as string)) refusedBy.add('R6');
      if (!filled(event.grounds)) refusedBy.add('R6');
      if (refusedBy.size > 0) break;
      const word = verdict as WordInForce;
      const endsConsent = word !== 'granted';
      next = { ...s, words: { ...s.words, [subject as string]: word } };
      if (endsConsent && subject === 'waterCannon')
        next = { ...next, warned: false, waterCannon: false, tearGas: false }; // R8, R7
      if (endsConsent && subject === 'tearGas') next = { ...next, tearGas: false }; // R8
      break;
    }
    case 'waterCannon.deploy':
      commanderOnly();
      riotControlOnly();
      if (s.waterCannon) anyRule = true; // already in use: nothing to deploy
      if (s.words.waterCannon !== 'granted') refusedBy.add('R3');
      if (!s.warned) refusedBy.add('R7');
      next = { ...s, waterCannon: true };
      break;
    case 'waterCannon.withdraw':
      commanderOnly();
      if (!s.waterCannon) anyRule = true;
      next = { ...s, warned: false, waterCannon: false, tearGas: false };
      break;
    case 'tearGas.add':
      commanderOnly();
      riotControlOnly();
      if (s.tearGas) anyRule = true;
      if (!s.waterCannon) refusedBy.add('R4');
      if (s.words.tearGas !== 'granted') refusedBy.add('R4');
      next = { ...s, tearGas: true };
      break;
    case 'tearGas.stop':
      commanderOnly();
      if (!s.tearGas) anyRule = true;
      next = { ...s, tearGas: false };
      break;
  }
  if (anyRule) return { accepted: false, rules: 'any' };
  if (refusedBy.size > 0) return { accepted: false, rules: [...refusedBy] };
  return { accepted: true, next };
}

export interface Competence {
  municipality: string;
}

/**
 * The invariants every reachable snapshot keeps (R3, R4, R7, R11, phase data),
 * as a list of broken ones (empty when all hold).
 */
export function brokenInvariants(snapshot: EscalationSnapshot, { municipality }: Competence): string[] {
  const broken: string[] = [];
  const phase = phaseOf(snapshot);
  const water = isWaterCannonInUse(snapshot);
  const tear = isTearGasInUse(snapshot);
  const byCompetentMayor = (subject: 'waterCannon' | 'tearGas') => {
    const by = decisionInForce(snapshot, subject)?.by;
    return (by?.role === 'mayor' || by?.role === 'locoMayor') && by.municipality === municipality;
  };
  const competent = (subject: 'waterCannon' | 'tearGas') =>
    decisionInForce(snapshot, subject)?.verdict === 'granted' && byCompetentMayor(subject);
  if (snapshot.status !== 'active') broken.push(`status is ${snapshot.status}`);
  if (tear && !water) broken.push('tear agent without the water cannon (R4)');
  if (tear && phase !== 5) broken.push('tear agent outside phase 5 (R4)');
  if (tear && !competent('tearGas')) broken.push('tear agent without a competent grant on tearGas (R4, R5)');
  if (water && phase !== 5) broken.push('water cannon outside phase 5 (R2, phase data)');
  if (water && !competent('waterCannon')) broken.push('water cannon without a competent grant on waterCannon (R3, R5)');
  if (water && !isWarned(snapshot)) broken.push('water cannon without a warning (R7)');
  if (isWarned(snapshot) && phase !== 5) broken.push('a warning outside phase 5 (R7)');
  if (isPilotCase(snapshot) !== tear) broken.push('pilot mark differs from tear agent in use (R11)');
  for (const subject of ['waterCannon', 'tearGas'] as const) {
    const decision = decisionInForce(snapshot, subject);
    if (decision && !byCompetentMayor(subject))
      broken.push(`a decision on ${subject} recorded from someone not competent (R5)`);
    if (decision && decision.grounds.trim() === '') broken.push(`a decision on ${subject} without grounds (R6)`);
  }
  return broken;
}
