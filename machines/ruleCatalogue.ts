/**
 * R1–R13 as data (BRIEF.md section 3): the title a trainee reads in the log
 * and the debrief, where each rule comes from, and whether it is ours.
 * `basis` says how firm the rule is: 'lovp' (the source document), 'verified'
 * (checked against a named public source), or 'assumption' ("aanname").
 */
import type { RuleId, Text } from './types';

export type RuleBasis = 'lovp' | 'verified' | 'assumption';

export interface RuleDefinition {
  id: RuleId;
  title: Text;
  basis: RuleBasis;
  source: string;
}

export const RULES: readonly RuleDefinition[] = [
  {
    id: 'R1',
    title: {
      nl: 'Fasevolgorde: één fase tegelijk, met een reden',
      en: 'Phase order: one phase at a time, with a reason',
    },
    basis: 'assumption',
    source: 'aanname (stapregels); fase-indeling 2–4 aanname',
  },
  {
    id: 'R2',
    title: { nl: 'Geen ME in fase 1 (GGP-GO)', en: 'No ME in phase 1 (GGP-GO)' },
    basis: 'lovp',
    source: 'LOVP-terugkoppeling 24-11-2025',
  },
  {
    id: 'R3',
    title: { nl: 'Waterwerper alleen met besluit van de burgemeester', en: 'Water cannon needs the mayor' },
    basis: 'lovp',
    source: 'LOVP-terugkoppeling 24-11-2025; politie.nl (veelgestelde vragen waterwerper)',
  },
  {
    id: 'R4',
    title: {
      nl: 'Traanverwekkende stof vraagt een eigen, apart besluit',
      en: 'Tear agent needs its own decision',
    },
    basis: 'lovp',
    source: 'LOVP-terugkoppeling 24-11-2025; politiebericht start pilot (dec. 2025)',
  },
  {
    id: 'R5',
    title: { nl: 'Alleen de bevoegde burgemeester besluit', en: 'Only the competent mayor decides' },
    basis: 'verified',
    source: 'Gemeentewet art. 77, 172; Politiewet 2012 art. 11',
  },
  {
    id: 'R6',
    title: { nl: 'Besluiten worden gemotiveerd vastgelegd', en: 'Decisions are reasoned and recorded' },
    basis: 'assumption',
    source: 'aanname: goede praktijk (JESIP-besluitlog)',
  },
  {
    id: 'R7',
    title: { nl: 'Eerst waarschuwen, dan geweld', en: 'Warning before force' },
    basis: 'verified',
    source: 'Gemeentewet art. 175 lid 2; politie.nl (veelgestelde vragen waterwerper)',
  },
  {
    id: 'R8',
    title: { nl: 'Intrekken kan altijd', en: 'Revocation at any time' },
    basis: 'assumption',
    source: 'aanname, volgt uit R3/R4',
  },
  {
    id: 'R9',
    title: { nl: 'Afschalen trekt middelen in', en: 'De-escalation withdraws means' },
    basis: 'assumption',
    source: 'aanname',
  },
  {
    id: 'R10',
    title: { nl: 'Alles wordt gelogd, weigeringen ook', en: 'Everything is logged, refusals included' },
    basis: 'assumption',
    source: 'opdracht van Paraat',
  },
  {
    id: 'R11',
    title: { nl: 'Pilotinzet wordt gemarkeerd', en: 'Pilot cases are marked' },
    basis: 'lovp',
    source: 'LOVP-terugkoppeling 24-11-2025',
  },
  {
    id: 'R12',
    title: { nl: 'De driehoek stelt de tolerantiegrenzen', en: 'The triangle sets tolerance limits' },
    basis: 'lovp',
    source: 'LOVP-terugkoppeling 24-11-2025 (handhavingsplan jaarwisseling)',
  },
  {
    id: 'R13',
    title: { nl: 'Elke rol handelt binnen zijn bevoegdheid', en: 'Each role acts within its authority' },
    basis: 'verified',
    source: 'Politiewet 2012 art. 11–12; politie.nl (veelgestelde vragen waterwerper)',
  },
];

export function ruleById(id: string): RuleDefinition | undefined {
  return RULES.find((rule) => rule.id === id);
}
