/**
 * The five-phase escalation model as data (BRIEF.md section 2).
 *
 * Only phase 1 (GGP-GO) and phase 5 (riot control) are named in the source
 * (LOVP, 24 November 2025). Phases 2–4 are our assumptions, built from how the
 * ME is organised (politie.nl, "Mobiele Eenheid"); they carry
 * `assumption: true` and the product labels them "aanname" wherever they show.
 * A trainer or a later official publication replaces them here, not in code.
 */
import type { PhaseNumber, Subject, Text } from './types';

export type MeansId =
  | 'regularEquipment'
  | 'meStandby'
  | 'batonsShields'
  | 'arrestUnit'
  | 'dogsHorses'
  | 'waterCannonStandby'
  | 'waterCannon'
  | 'tearAgent'
  | 'pepperSprayDispensers';

export interface MeansDefinition {
  id: MeansId;
  name: Text;
  /** An ME means: never in GGP-GO (R2). */
  isMeMeans: boolean;
  /** The mayor's separate decision this means needs (R3, R4). */
  needsDecision?: Subject;
  /** Part of the riot-control pilot (LOVP): use is recorded as a pilot case (R11). */
  pilot?: boolean;
  assumption: boolean;
}

export const MEANS: Record<MeansId, MeansDefinition> = {
  regularEquipment: {
    id: 'regularEquipment',
    name: { nl: 'reguliere uitrusting', en: 'regular equipment' },
    isMeMeans: false,
    assumption: false,
  },
  meStandby: {
    id: 'meStandby',
    name: { nl: 'ME-eenheden paraat in de buurt', en: 'ME units on standby nearby' },
    isMeMeans: true,
    assumption: true,
  },
  batonsShields: {
    id: 'batonsShields',
    name: { nl: 'wapenstok en schild', en: 'batons and shields' },
    isMeMeans: true,
    assumption: true,
  },
  arrestUnit: {
    id: 'arrestUnit',
    name: { nl: 'aanhoudingseenheid (AE)', en: 'arrest unit (AE)' },
    isMeMeans: true,
    assumption: true,
  },
  dogsHorses: {
    id: 'dogsHorses',
    name: { nl: 'honden en paarden', en: 'dogs and horses' },
    isMeMeans: true,
    assumption: true,
  },
  waterCannonStandby: {
    id: 'waterCannonStandby',
    name: { nl: 'waterwerper stand-by (niet in gebruik)', en: 'water cannon on standby (not in use)' },
    isMeMeans: true,
    assumption: true,
  },
  waterCannon: {
    id: 'waterCannon',
    name: { nl: 'waterwerper', en: 'water cannon' },
    isMeMeans: true,
    needsDecision: 'waterCannon',
    assumption: false,
  },
  tearAgent: {
    id: 'tearAgent',
    name: { nl: 'traanverwekkende stof in de waterwerper', en: 'tear agent in the water cannon' },
    isMeMeans: true,
    needsDecision: 'tearGas',
    pilot: true,
    assumption: false,
  },
  pepperSprayDispensers: {
    id: 'pepperSprayDispensers',
    name: { nl: 'grote dispenserunits pepperspray', en: 'large pepper-spray dispenser units' },
    isMeMeans: true,
    pilot: true,
    assumption: false,
  },
};

/** The statechart's name for the state of each phase. */
export type PhaseStateId = 'ggpGo' | 'mePresence' | 'meCrowdControl' | 'meSpecialist' | 'riotControl';

export interface PhaseDefinition {
  number: PhaseNumber;
  stateId: PhaseStateId;
  name: Text;
  shortName: Text;
  description: Text;
  whoActs: Text;
  means: readonly MeansId[];
  /** True where the phase is our assumption, not the source's (BRIEF.md section 2). */
  assumption: boolean;
  source: Text;
}

export const PHASES: readonly PhaseDefinition[] = [
  {
    number: 1,
    stateId: 'ggpGo',
    shortName: { nl: 'GGP-GO', en: 'GGP-GO' },
    name: {
      nl: 'GGP-GO — georganiseerd groepsoptreden basisteams',
      en: 'GGP-GO — organised group action by the basic teams',
    },
    description: {
      nl: 'Agenten van het basisteam die de wijk kennen treden op als georganiseerde groep, vanuit maatschappelijke verbondenheid. Geen ME-inzet.',
      en: 'Basic-team officers who know the area act as an organised group, from social connectedness. No riot police (ME).',
    },
    whoActs: {
      nl: 'agenten van het basisteam als georganiseerde groep; geen ME',
      en: 'basic-team officers as an organised group; no ME',
    },
    means: ['regularEquipment'],
    assumption: false,
    source: { nl: 'LOVP-terugkoppeling 24 november 2025', en: 'LOVP feedback, 24 November 2025' },
  },
  {
    number: 2,
    stateId: 'mePresence',
    shortName: { nl: 'ME paraat', en: 'ME on standby' },
    name: { nl: 'ME paraat — zichtbare aanwezigheid', en: 'ME on standby — visible presence' },
    description: {
      nl: 'ME-eenheden staan paraat in de buurt van het gebied en zijn zichtbaar aanwezig; het basisteam blijft optreden.',
      en: 'ME units stand by near the area and are visibly present; the basic team keeps acting.',
    },
    whoActs: { nl: 'ME-eenheden paraat nabij het gebied', en: 'ME units on standby near the area' },
    means: ['regularEquipment', 'meStandby'],
    assumption: true,
    source: {
      nl: 'aanname, op basis van de organisatie van de ME (politie.nl)',
      en: 'assumption, based on how the ME is organised (politie.nl)',
    },
  },
  {
    number: 3,
    stateId: 'meCrowdControl',
    shortName: { nl: 'ME-inzet', en: 'ME deployed' },
    name: { nl: 'ME-inzet ordehandhaving', en: 'ME deployed for crowd management' },
    description: {
      nl: 'ME-secties en -pelotons worden ingezet om de orde te handhaven.',
      en: 'ME sections and platoons are deployed to maintain order.',
    },
    whoActs: { nl: 'ME-secties en -pelotons', en: 'ME sections and platoons' },
    means: ['regularEquipment', 'batonsShields'],
    assumption: true,
    source: {
      nl: 'aanname, op basis van de organisatie van de ME (politie.nl)',
      en: 'assumption, based on how the ME is organised (politie.nl)',
    },
  },
  {
    number: 4,
    stateId: 'meSpecialist',
    shortName: { nl: 'ME specialistisch', en: 'ME specialist' },
    name: { nl: 'ME met specialistische middelen', en: 'ME with specialist means' },
    description: {
      nl: 'De ME wordt ondersteund door specialistische eenheden: aanhoudingseenheid, honden, paarden. De waterwerper staat stand-by.',
      en: 'The ME is supported by specialist units: arrest unit, dogs, horses. The water cannon is on standby.',
    },
    whoActs: { nl: 'ME met AE, honden en paarden', en: 'ME with arrest unit, dogs and horses' },
    means: ['regularEquipment', 'batonsShields', 'arrestUnit', 'dogsHorses', 'waterCannonStandby'],
    assumption: true,
    source: {
      nl: 'aanname, op basis van de organisatie van de ME (politie.nl)',
      en: 'assumption, based on how the ME is organised (politie.nl)',
    },
  },
  {
    number: 5,
    stateId: 'riotControl',
    shortName: { nl: 'Riot control', en: 'Riot control' },
    name: {
      nl: 'Riot control — zeer ernstige ongeregeldheden',
      en: 'Riot control — very serious disorder',
    },
    description: {
      nl: 'De ME treedt op volgens het riot-controlconcept. Waterwerper alleen met besluit van de burgemeester; traanverwekkende stof in de waterwerper alleen met een apart besluit (pilot).',
      en: 'The ME acts in the riot-control concept. Water cannon only with the mayor’s decision; tear agent in the water cannon only with a separate decision (pilot).',
    },
    whoActs: { nl: 'ME in riot-controlconcept', en: 'ME in the riot-control concept' },
    means: [
      'regularEquipment',
      'batonsShields',
      'arrestUnit',
      'dogsHorses',
      'waterCannon',
      'tearAgent',
      'pepperSprayDispensers',
    ],
    assumption: false,
    source: { nl: 'LOVP-terugkoppeling 24 november 2025', en: 'LOVP feedback, 24 November 2025' },
  },
];

export function phaseByNumber(number: PhaseNumber): PhaseDefinition {
  const phase = PHASES[number - 1];
  if (!phase) throw new RangeError(`No phase ${String(number)}`);
  return phase;
}

export function phaseByStateId(stateId: string): PhaseDefinition | undefined {
  return PHASES.find((phase) => phase.stateId === stateId);
}

export function allowsMeans(phase: PhaseDefinition, means: MeansId): boolean {
  return phase.means.includes(means);
}

/** The phase one step up or down, or `null` beyond the first and the last (R1). */
export function adjacentPhase(number: PhaseNumber, direction: 'up' | 'down'): PhaseDefinition | null {
  const next = number + (direction === 'up' ? 1 : -1);
  return PHASES.find((phase) => phase.number === next) ?? null;
}

export const FIRST_PHASE: PhaseNumber = 1;
export const LAST_PHASE: PhaseNumber = 5;
