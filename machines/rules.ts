/**
 * The rules R1–R13 (BRIEF.md section 3) as small, named, pure functions. Each
 * returns `null` (the rule has no objection) or a refusal naming the rule and
 * saying, in Dutch and English, why — in words a trainee understands.
 *
 * Which rules apply to which event, in which order, is the table in
 * checks.ts: the statechart's named guards and `whyRefused` both read it, so
 * the machine and the explanation cannot disagree.
 */
import { allowsMeans, FIRST_PHASE, LAST_PHASE, MEANS, type MeansId, type PhaseDefinition } from './phases';
import {
  EVENT_TYPES,
  ROLES,
  SUBJECTS,
  VERDICTS,
  type By,
  type EscalationContext,
  type EscalationEventType,
  type Refusal,
  type Role,
  type RuleId,
  type Subject,
  type Text,
} from './types';

/** Where the exercise stands inside a phase that allows the water cannon. */
export type RiotStage = 'notWarned' | 'warned' | 'waterCannon' | 'tearAgent';

export interface Situation {
  phase: PhaseDefinition;
  /** `null` in a phase without the water cannon. */
  stage: RiotStage | null;
  context: EscalationContext;
}

const refusal = (rule: RuleId, nl: string, en: string): Refusal => ({ rule, message: { nl, en } });

const isWarned = (stage: RiotStage | null) => stage === 'warned' || stage === 'waterCannon' || stage === 'tearAgent';
export const waterCannonInUse = (stage: RiotStage | null) => stage === 'waterCannon' || stage === 'tearAgent';
export const tearAgentInUse = (stage: RiotStage | null) => stage === 'tearAgent';

const ROLE_NAMES: Record<Role, Text> = {
  mayor: { nl: 'de burgemeester', en: 'the mayor' },
  locoMayor: { nl: 'de locoburgemeester', en: 'the acting mayor' },
  commander: { nl: 'de commandant', en: 'the commander' },
  prosecutor: { nl: 'de officier van justitie', en: 'the public prosecutor' },
  trainer: { nl: 'de oefenleider', en: 'the exercise controller' },
  observer: { nl: 'de waarnemer', en: 'the observer' },
};

const SUBJECT_NAMES: Record<Subject, Text> = {
  waterCannon: { nl: 'de waterwerper', en: 'the water cannon' },
  tearGas: { nl: 'traanverwekkende stof in de waterwerper', en: 'tear agent in the water cannon' },
};

/**
 * Who may send which event (R13; R5 for the mayor's decisions). Politiewet
 * 2012 art. 11–12: the police act for public order under the mayor's
 * authority; the commander decides how the water is used once the mayor
 * consents (police FAQ on the water cannon).
 */
export const AUTHORITY: Record<EscalationEventType, readonly Role[]> = {
  'phase.escalate': ['commander'],
  'phase.deescalate': ['commander'],
  'crowd.warn': ['commander'],
  'mayor.decide': ['mayor', 'locoMayor'],
  'mayor.revoke': ['mayor', 'locoMayor'],
  'waterCannon.deploy': ['commander'],
  'waterCannon.withdraw': ['commander'],
  'tearGas.add': ['commander'],
  'tearGas.stop': ['commander'],
};

// ---------------------------------------------------------------------------
// Reading an event from outside: anything may arrive (a log file, a driver).

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isText = (value: unknown): value is string => typeof value === 'string';
const isBlank = (value: string) => value.trim().length === 0;

export function isValidBy(by: unknown): by is By {
  return (
    isRecord(by) &&
    (ROLES as readonly unknown[]).includes(by.role) &&
    isText(by.name) &&
    (by.municipality === undefined || isText(by.municipality))
  );
}

export function isKnownEventType(type: unknown): type is EscalationEventType {
  return (EVENT_TYPES as readonly unknown[]).includes(type);
}

/** R10: an action the model does not know changes nothing, and says so. */
export function unknownAction(event: unknown): Refusal | null {
  if (isRecord(event) && isKnownEventType(event.type)) return null;
  return refusal(
    'R10',
    'Deze actie kent het model niet; er verandert niets.',
    'The model does not know this action; nothing changes.',
  );
}

/** R13: every action names who acts, with a known role. */
export function namesWhoActs(event: Record<string, unknown>): Refusal | null {
  if (isValidBy(event.by)) return null;
  return refusal(
    'R13',
    'Bij elke actie hoort wie handelt: een bekende rol en een naam.',
    'Every action must name who acts: a known role and a name.',
  );
}

// ---------------------------------------------------------------------------
// The rules.

/** R13: each role acts within its authority. */
export function actsWithinAuthority(by: By, type: EscalationEventType): Refusal | null {
  const allowed = AUTHORITY[type];
  if (allowed.includes(by.role)) return null;
  const who = ROLE_NAMES[by.role];
  return refusal(
    'R13',
    `Alleen de commandant mag dit doen; ${who.nl} heeft die bevoegdheid niet.`,
    `Only the commander may do this; ${who.en} has no such authority.`,
  );
}

/** R1: escalate and de-escalate one phase at a time, within 1–5. */
export function phaseInRange(phase: PhaseDefinition, direction: 'up' | 'down'): Refusal | null {
  if (direction === 'up' && phase.number >= LAST_PHASE)
    return refusal(
      'R1',
      'Fase 5 (riot control) is de hoogste fase; verder opschalen kan niet.',
      'Phase 5 (riot control) is the highest phase; there is no further escalation.',
    );
  if (direction === 'down' && phase.number <= FIRST_PHASE)
    return refusal(
      'R1',
      'Fase 1 (GGP-GO) is de laagste fase; verder afschalen kan niet.',
      'Phase 1 (GGP-GO) is the lowest phase; there is no further de-escalation.',
    );
  return null;
}

/** R1: a phase step comes with a reason. */
export function stepHasReason(reason: unknown): Refusal | null {
  if (isText(reason) && !isBlank(reason)) return null;
  return refusal(
    'R1',
    'Op- of afschalen gebeurt met een reden; vul de reden in.',
    'Escalating or de-escalating needs a reason; give one.',
  );
}

/**
 * R2: GGP-GO is "nog geen sprake van inzet van ME" (LOVP): no ME means in a
 * phase without ME deployment.
 */
export function meDeployedInPhase(phase: PhaseDefinition, means: MeansId): Refusal | null {
  if (!MEANS[means].isMeMeans || phase.means.some((id) => MEANS[id].isMeMeans)) return null;
  const name = MEANS[means].name;
  return refusal(
    'R2',
    `In fase ${String(phase.number)} (${phase.shortName.nl}) is er geen ME-inzet, dus ook geen ${name.nl}.`,
    `Phase ${String(phase.number)} (${phase.shortName.en}) has no ME deployment, so no ${name.en} either.`,
  );
}

/** R1 and the phase data: a means is used only in a phase that allows it. For phases 2–4 that is our assumption. */
export function meansOfPhase(phase: PhaseDefinition, means: MeansId): Refusal | null {
  if (allowsMeans(phase, means)) return null;
  const name = MEANS[means].name;
  const assumed = phase.assumption ? ' (fase-indeling: aanname)' : '';
  const assumedEn = phase.assumption ? ' (phase layout: assumption)' : '';
  return refusal(
    'R1',
    `In fase ${String(phase.number)} (${phase.shortName.nl}) hoort ${name.nl} niet bij de middelen${assumed}; dat kan pas in fase ${String(LAST_PHASE)} (riot control).`,
    `In phase ${String(phase.number)} (${phase.shortName.en}) ${name.en} is not among the means${assumedEn}; it becomes available only in phase ${String(LAST_PHASE)} (riot control).`,
  );
}

/** The decision of the mayor in force on a subject is a grant (R3, R4, R8). */
export function isGranted(context: EscalationContext, subject: Subject): boolean {
  return context.decisions[subject]?.verdict === 'granted';
}

/** R3: the water cannon only with a granted, unrevoked decision of the mayor. */
export function waterCannonNeedsMayor(context: EscalationContext): Refusal | null {
  if (isGranted(context, 'waterCannon')) return null;
  return refusal(
    'R3',
    'De waterwerper mag alleen worden ingezet met een besluit van de burgemeester dat toestemming geeft en niet is ingetrokken.',
    'The water cannon may only be used with a granted, unrevoked decision of the mayor.',
  );
}

/** R3: the water cannon is deployed once, until withdrawn. */
export function waterCannonNotYetInUse(stage: RiotStage | null): Refusal | null {
  if (!waterCannonInUse(stage)) return null;
  return refusal('R3', 'De waterwerper is al ingezet.', 'The water cannon is already in use.');
}

export function waterCannonInUseToWithdraw(stage: RiotStage | null): Refusal | null {
  if (waterCannonInUse(stage)) return null;
  return refusal(
    'R3',
    'Er is geen waterwerper in gebruik om terug te trekken.',
    'No water cannon is in use to withdraw.',
  );
}

/** R4: the tear agent goes into the water cannon's water, so only while it is in use. */
export function tearAgentNeedsWaterCannon(stage: RiotStage | null): Refusal | null {
  if (waterCannonInUse(stage)) return null;
  return refusal(
    'R4',
    'Traanverwekkende stof kan alleen aan het water worden toegevoegd terwijl de waterwerper in gebruik is.',
    'The tear agent can only be added while the water cannon is in use.',
  );
}

/** R4: a separate decision of the mayor on the tear agent; the water-cannon decision does not cover it. */
export function tearAgentNeedsOwnDecision(context: EscalationContext): Refusal | null {
  if (isGranted(context, 'tearGas')) return null;
  return refusal(
    'R4',
    'Voor traanverwekkende stof in de waterwerper is een apart besluit van de burgemeester nodig; het besluit over de waterwerper geldt daar niet voor.',
    'Adding the tear agent needs its own decision of the mayor; the water-cannon decision does not cover it.',
  );
}

export function tearAgentNotYetAdded(stage: RiotStage | null): Refusal | null {
  if (!tearAgentInUse(stage)) return null;
  return refusal('R4', 'Er is al traanverwekkende stof toegevoegd.', 'The tear agent is already added.');
}

export function tearAgentAddedToStop(stage: RiotStage | null): Refusal | null {
  if (tearAgentInUse(stage)) return null;
  return refusal(
    'R4',
    'Er is geen traanverwekkende stof toegevoegd om te stoppen.',
    'No tear agent is being added to stop.',
  );
}

/** R5: only the mayor of the municipality, or the acting mayor (Gemeentewet art. 77), decides. */
export function onlyCompetentMayor(by: By, context: EscalationContext): Refusal | null {
  if (!AUTHORITY['mayor.decide'].includes(by.role)) {
    const who = ROLE_NAMES[by.role];
    return refusal(
      'R5',
      `Alleen de burgemeester van ${context.municipality} (of de locoburgemeester) besluit hierover; ${who.nl} niet.`,
      `Only the mayor of ${context.municipality} (or the acting mayor) decides this; not ${who.en}.`,
    );
  }
  if (by.municipality !== context.municipality)
    return refusal(
      'R5',
      `Alleen de burgemeester van ${context.municipality}, waar de ordeverstoring is, besluit hierover; een burgemeester van een andere gemeente (ook een regioburgemeester) niet.`,
      `Only the mayor of ${context.municipality}, where the disorder is, decides this; a mayor of another municipality (a regional mayor included) cannot.`,
    );
  return null;
}

/** R6: a decision is about one subject (and so never both: R4). */
export function decisionHasOneSubject(event: Record<string, unknown>): Refusal | null {
  if ((SUBJECTS as readonly unknown[]).includes(event.subject)) return null;
  return refusal(
    'R6',
    'Een besluit gaat over één onderwerp: de waterwerper of de traanverwekkende stof.',
    'A decision is about one subject: the water cannon or the tear agent.',
  );
}

/** R6: a decision has a verdict, granted or refused. */
export function decisionHasVerdict(event: Record<string, unknown>): Refusal | null {
  if ((VERDICTS as readonly unknown[]).includes(event.verdict)) return null;
  return refusal(
    'R6',
    'Een besluit heeft een uitkomst: toestemming verleend of geweigerd.',
    'A decision has a verdict: granted or refused.',
  );
}

/** R6: a decision, and a revocation, is recorded with its grounds. */
export function decisionHasGrounds(event: Record<string, unknown>): Refusal | null {
  if (isText(event.grounds) && !isBlank(event.grounds)) return null;
  return refusal(
    'R6',
    'Een besluit wordt gemotiveerd vastgelegd; vul de gronden in.',
    'A decision is recorded with its grounds; give them.',
  );
}

/**
 * R7: no force before the warning (Gemeentewet art. 175 lid 2; police FAQ:
 * a warning comes first). The warning belongs to the riot-control phase.
 */
export function warningBeforeForce(stage: RiotStage | null): Refusal | null {
  if (isWarned(stage)) return null;
  return refusal(
    'R7',
    'Eerst moet de menigte gewaarschuwd worden; pas daarna mag de waterwerper worden ingezet.',
    'The crowd must be warned first; only then may the water cannon be used.',
  );
}

export function warningIsForRiotControl(phase: PhaseDefinition): Refusal | null {
  if (allowsMeans(phase, 'waterCannon')) return null;
  return refusal(
    'R7',
    `De waarschuwing voor geweld met de waterwerper wordt gegeven in riot control (fase ${String(LAST_PHASE)}); in fase ${String(phase.number)} niet.`,
    `The warning before force with the water cannon is given in riot control (phase ${String(LAST_PHASE)}); not in phase ${String(phase.number)}.`,
  );
}

/** Does a decision of `verdict` on `subject` end the consent in force (R8)? */
export function endsConsent(event: { type: string; subject?: unknown; verdict?: unknown }, subject: Subject): boolean {
  if (event.subject !== subject) return false;
  return event.type === 'mayor.revoke' || (event.type === 'mayor.decide' && event.verdict === 'refused');
}

export { ROLE_NAMES, SUBJECT_NAMES };
