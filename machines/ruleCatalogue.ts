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
  /** Where the rule comes from, in both languages: a law, the LOVP feedback, a public source, or "aanname". */
  source: Text;
}

export const RULES: readonly RuleDefinition[] = [
  {
    id: 'R1',
    title: {
      nl: 'Fasevolgorde: één fase tegelijk, met een reden',
      en: 'Phase order: one phase at a time, with a reason',
    },
    basis: 'assumption',
    source: {
      nl: 'aanname (stapregels); fase-indeling 2–4 aanname',
      en: 'assumption (step rules); phases 2–4 assumed',
    },
  },
  {
    id: 'R2',
    title: { nl: 'Geen ME in fase 1 (GGP-GO)', en: 'No ME in phase 1 (GGP-GO)' },
    basis: 'lovp',
    source: {
      nl: 'LOVP-terugkoppeling 24-11-2025',
      en: 'LOVP feedback, 24 November 2025',
    },
  },
  {
    id: 'R3',
    title: { nl: 'Waterwerper alleen met besluit van de burgemeester', en: 'Water cannon needs the mayor' },
    basis: 'lovp',
    source: {
      nl: 'LOVP-terugkoppeling 24-11-2025; politie.nl (veelgestelde vragen waterwerper)',
      en: 'LOVP feedback, 24 November 2025; politie.nl (FAQ on the water cannon)',
    },
  },
  {
    id: 'R4',
    title: {
      nl: 'Traanverwekkende stof vraagt een eigen, apart besluit',
      en: 'Tear agent needs its own decision',
    },
    basis: 'lovp',
    source: {
      nl: 'LOVP-terugkoppeling 24-11-2025; politiebericht start pilot (dec. 2025)',
      en: 'LOVP feedback, 24 November 2025; police announcement of the pilot start (Dec. 2025)',
    },
  },
  {
    id: 'R5',
    title: { nl: 'Alleen de bevoegde burgemeester besluit', en: 'Only the competent mayor decides' },
    basis: 'verified',
    source: {
      nl: 'Gemeentewet art. 77, 172; Politiewet 2012 art. 11',
      en: 'Municipalities Act (Gemeentewet) art. 77, 172; Police Act 2012 (Politiewet) art. 11',
    },
  },
  {
    id: 'R6',
    title: { nl: 'Besluiten worden gemotiveerd vastgelegd', en: 'Decisions are reasoned and recorded' },
    basis: 'assumption',
    source: {
      nl: 'aanname: goede praktijk (JESIP-besluitlog)',
      en: 'assumption: good practice (JESIP decision log)',
    },
  },
  {
    id: 'R7',
    title: { nl: 'Eerst waarschuwen, dan geweld', en: 'Warning before force' },
    basis: 'verified',
    source: {
      nl: 'Gemeentewet art. 175 lid 2; politie.nl (veelgestelde vragen waterwerper)',
      en: 'Municipalities Act (Gemeentewet) art. 175(2); politie.nl (FAQ on the water cannon)',
    },
  },
  {
    id: 'R8',
    title: { nl: 'Intrekken kan altijd', en: 'Revocation at any time' },
    basis: 'assumption',
    source: {
      nl: 'aanname, volgt uit R3/R4',
      en: 'assumption, follows from R3/R4',
    },
  },
  {
    id: 'R9',
    title: { nl: 'Afschalen trekt middelen in', en: 'De-escalation withdraws means' },
    basis: 'assumption',
    source: {
      nl: 'aanname',
      en: 'assumption',
    },
  },
  {
    id: 'R10',
    title: { nl: 'Alles wordt gelogd, weigeringen ook', en: 'Everything is logged, refusals included' },
    basis: 'assumption',
    source: {
      nl: 'opdracht van Paraat',
      en: "Paraat's brief",
    },
  },
  {
    id: 'R11',
    title: { nl: 'Pilotinzet wordt gemarkeerd', en: 'Pilot cases are marked' },
    basis: 'lovp',
    source: {
      nl: 'LOVP-terugkoppeling 24-11-2025',
      en: 'LOVP feedback, 24 November 2025',
    },
  },
  {
    id: 'R12',
    title: { nl: 'De driehoek stelt de tolerantiegrenzen', en: 'The triangle sets tolerance limits' },
    basis: 'lovp',
    source: {
      nl: 'LOVP-terugkoppeling 24-11-2025 (handhavingsplan jaarwisseling)',
      en: "LOVP feedback, 24 November 2025 (New Year's Eve enforcement plan)",
    },
  },
  {
    id: 'R13',
    title: { nl: 'Elke rol handelt binnen zijn bevoegdheid', en: 'Each role acts within its authority' },
    basis: 'verified',
    source: {
      nl: 'Politiewet 2012 art. 11–12; politie.nl (veelgestelde vragen waterwerper)',
      en: 'Police Act 2012 (Politiewet) art. 11–12; politie.nl (FAQ on the water cannon)',
    },
  },
];

export function ruleById(id: string): RuleDefinition | undefined {
  return RULES.find((rule) => rule.id === id);
}
