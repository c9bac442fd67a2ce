/**
 * The instructor's walkthrough of GGP-GO, as data: Dutch first, English
 * second. Every claim is from the domain brief (../shared/domain/BRIEF.md,
 * section named per step) and carries its basis as the brief labels it:
 * 'lovp' (the LOVP feedback of 24 November 2025), 'verified' (checked
 * against the named public source) or 'assumption' (ours: shown as
 * "aanname", replaceable by a trainer or a later official publication).
 */
import type { Text } from '../../../machines';

export type Basis = 'lovp' | 'verified' | 'assumption';

export interface Claim {
  text: Text;
  basis: Basis;
  /** The public source a verified claim was checked against. */
  checkedAgainst?: Text;
}

export interface InstructorStep {
  id: string;
  title: Text;
  /** One sentence for the back of the room, in the largest type. */
  lead: Text;
  points: Claim[];
  /** Where in Paraat's domain brief this step comes from: for whoever maintains it, never shown to a class. */
  section: Text;
  /**
   * What the class is shown as the step's sources: the documents themselves (the LOVP feedback, a
   * named public source) and, where a point is ours, "aanname van Paraat".
   */
  sources: readonly Text[];
  /** A picture drawn from the model's own data, where one helps. */
  visual?: 'phases';
  /** A question to put to the class. */
  question?: Text;
}

const LOVP_SOURCE: Text = {
  nl: 'LOVP-terugkoppeling van 24 november 2025',
  en: 'LOVP feedback of 24 November 2025',
};

/** Ours, not a source: named as such where a step rests on it, with what it covers. */
const assumed = (what: Text): Text => ({
  nl: `aanname van Paraat (${what.nl})`,
  en: `assumption of Paraat (${what.en})`,
});

export const INSTRUCTOR_STEPS: readonly InstructorStep[] = [
  {
    id: 'what',
    title: { nl: 'Wat is GGP-GO?', en: 'What is GGP-GO?' },
    lead: {
      nl: 'GGP-GO is de nieuwe eerste fase van het vijf-fasen opschalingsmodel van de ME: georganiseerd groepsoptreden door de basisteams.',
      en: 'GGP-GO is the new first phase of the ME’s five-phase escalation model: organised group action by the basic teams.',
    },
    points: [
      {
        text: {
          nl: 'De politie versterkt de paraatheidsstructuur van de ME (Mobiele Eenheid) met een vijf-fasen opschalingsmodel.',
          en: 'The police strengthen the readiness structure of the ME (Mobiele Eenheid, the riot police) with a five-phase escalation model.',
        },
        basis: 'lovp',
      },
      {
        text: {
          nl: 'Nieuw is de eerste fase, GGP-GO: georganiseerd groepsoptreden vanuit de basisteams.',
          en: 'New is the first phase, GGP-GO: organised group action from the basic teams.',
        },
        basis: 'lovp',
      },
      {
        text: {
          nl: 'In deze stap is er nog geen sprake van inzet van de ME.',
          en: 'In this step there is no ME deployment yet.',
        },
        basis: 'lovp',
      },
      {
        text: {
          nl: 'De inzet komt “vanuit maatschappelijke verbondenheid”: de agenten die de wijk kennen, treden op als georganiseerde groep.',
          en: 'The deployment comes “from social connectedness”: the officers who know the area act as an organised group.',
        },
        basis: 'lovp',
      },
    ],
    section: { nl: 'domeinbrief §1 en §2, fase 1', en: 'domain brief §1 and §2, phase 1' },
    sources: [LOVP_SOURCE],
    question: {
      nl: 'Wie kent de wijk het best als het onrustig wordt — en wat betekent dat voor wie als eerste optreedt?',
      en: 'Who knows the area best when it gets restless — and what does that mean for who acts first?',
    },
  },
  {
    id: 'name',
    title: { nl: 'Waar staat de naam voor?', en: 'What does the name stand for?' },
    lead: {
      nl: 'GGP staat voor gebiedsgebonden politie; “GO” waarschijnlijk voor georganiseerd optreden.',
      en: 'GGP stands for area-based policing (gebiedsgebonden politie); “GO” most likely for organised action.',
    },
    points: [
      {
        text: {
          nl: 'GGP is de gangbare politieafkorting voor gebiedsgebonden politie.',
          en: 'GGP is the standard police abbreviation for gebiedsgebonden politie, area-based policing.',
        },
        basis: 'verified',
        checkedAgainst: { nl: 'politie podium, “ontwikkelagenda GGP”', en: 'politie podium, “ontwikkelagenda GGP”' },
      },
      {
        text: {
          nl: '“GO” staat waarschijnlijk voor georganiseerd optreden. De bron schrijft het niet uit.',
          en: '“GO” most likely stands for georganiseerd optreden, organised action. The source does not spell it out.',
        },
        basis: 'assumption',
      },
    ],
    section: { nl: 'domeinbrief §1', en: 'domain brief §1' },
    sources: [
      { nl: 'politie podium, “ontwikkelagenda GGP”', en: 'politie podium, “ontwikkelagenda GGP”' },
      assumed({ nl: '“GO”', en: '“GO”' }),
    ],
  },
  {
    id: 'who',
    title: { nl: 'Wie treedt op, wie beslist?', en: 'Who acts, who decides?' },
    lead: {
      nl: 'In GGP-GO treden de agenten van het basisteam op als groep, met hun gewone uitrusting. Geen ME.',
      en: 'In GGP-GO the basic-team officers act as a group, with their regular equipment. No ME.',
    },
    points: [
      {
        text: {
          nl: 'Wie optreedt: agenten van het basisteam als georganiseerde groep; geen ME. Middelen: reguliere uitrusting.',
          en: 'Who acts: basic-team officers as an organised group; no ME. Means: regular equipment.',
        },
        basis: 'lovp',
      },
      {
        text: {
          nl: 'Alleen de commandant schaalt op of af, waarschuwt en zet middelen in of trekt ze terug (R13).',
          en: 'Only the commander escalates or de-escalates, warns, and deploys or withdraws means (R13).',
        },
        basis: 'verified',
        checkedAgainst: { nl: 'Politiewet 2012 art. 11–12', en: 'Police Act 2012 (Politiewet) art. 11–12' },
      },
      {
        text: {
          nl: 'De politie handhaaft de openbare orde onder het gezag van de burgemeester.',
          en: 'The police maintain public order under the mayor’s authority.',
        },
        basis: 'verified',
        checkedAgainst: { nl: 'Politiewet 2012 art. 11', en: 'Police Act 2012 (Politiewet) art. 11' },
      },
      {
        text: {
          nl: 'De tolerantiegrenzen en de politie-inzet bij de jaarwisseling bepaalt de lokale driehoek: burgemeester, officier van justitie en politiechef (R12).',
          en: 'At New Year’s Eve the tolerance limits and police deployment are set by the local triangle: mayor, public prosecutor and police chief (R12).',
        },
        basis: 'lovp',
      },
    ],
    section: {
      nl: 'domeinbrief §2 (tabel, fase 1), §3 (R12, R13) en §4',
      en: 'domain brief §2 (table, phase 1), §3 (R12, R13) and §4',
    },
    sources: [LOVP_SOURCE, { nl: 'Politiewet 2012 art. 11–12', en: 'Police Act 2012 (Politiewet) art. 11–12' }],
  },
  {
    id: 'difference',
    title: { nl: 'Het verschil met de ME-fasen', en: 'How it differs from the ME phases' },
    lead: {
      nl: 'Fase 1 is zonder ME. Vanaf fase 2 komt de ME in beeld; alleen in fase 5 de waterwerper.',
      en: 'Phase 1 is without the ME. From phase 2 the ME comes in; only in phase 5 the water cannon.',
    },
    points: [
      {
        text: {
          nl: 'In GGP-GO kan geen enkel ME-middel worden ingezet (R2).',
          en: 'No ME means can be used in GGP-GO (R2).',
        },
        basis: 'lovp',
      },
      {
        text: {
          nl: 'Fase 5, riot control, is voor zeer ernstige ongeregeldheden: de waterwerper met toestemming van de burgemeester, traanverwekkende stof in de waterwerper alleen met een apart besluit (pilot).',
          en: 'Phase 5, riot control, is for very serious disorder: the water cannon with the mayor’s consent, tear agent in the water cannon only with a separate decision (pilot).',
        },
        basis: 'lovp',
      },
      {
        text: {
          nl: 'Fasen 2 tot en met 4 (ME paraat, ME-inzet ordehandhaving, ME met specialistische middelen) zijn niet openbaar benoemd. Paraat vult ze in op basis van hoe de ME is georganiseerd.',
          en: 'Phases 2 to 4 (ME on standby, ME deployed for crowd management, ME with specialist means) are not named publicly. Paraat fills them in from how the ME is organised.',
        },
        basis: 'assumption',
      },
    ],
    section: { nl: 'domeinbrief §2 en §3 (R2)', en: 'domain brief §2 and §3 (R2)' },
    sources: [LOVP_SOURCE, assumed({ nl: 'fasen 2 tot en met 4', en: 'phases 2 to 4' })],
    visual: 'phases',
  },
  {
    id: 'notEnough',
    title: { nl: 'Als GGP-GO niet genoeg is', en: 'When GGP-GO is not enough' },
    lead: {
      nl: 'Dan schaalt de commandant op naar fase 2, uitdrukkelijk en met een reden. Het logboek legt het vast.',
      en: 'Then the commander escalates to phase 2, explicitly and with a reason. The log records it.',
    },
    points: [
      {
        text: {
          nl: 'Op- en afschalen zijn uitdrukkelijke besluiten van de commandant, één fase tegelijk, met een reden (R1).',
          en: 'Escalating and de-escalating are explicit decisions of the commander, one phase at a time, with a reason (R1).',
        },
        basis: 'assumption',
      },
      {
        text: {
          nl: 'Fase 2: ME-eenheden staan paraat in de buurt en zijn zichtbaar aanwezig; het basisteam blijft optreden.',
          en: 'Phase 2: ME units stand by nearby and are visibly present; the basic team keeps acting.',
        },
        basis: 'assumption',
      },
      {
        text: {
          nl: 'Wie afschaalt, trekt de middelen van de hogere fase terug; het logboek zegt het (R9).',
          en: 'De-escalating withdraws the means of the higher phase; the log says so (R9).',
        },
        basis: 'assumption',
      },
      {
        text: {
          nl: 'Elke poging wordt vastgelegd, ook wat geweigerd wordt, met de regel die weigerde (R10).',
          en: 'Every attempt is recorded, refusals included, with the rule that refused it (R10).',
        },
        basis: 'assumption',
      },
    ],
    section: {
      nl: 'domeinbrief §2 (fase 2) en §3 (R1, R9, R10)',
      en: 'domain brief §2 (phase 2) and §3 (R1, R9, R10)',
    },
    sources: [assumed({ nl: 'fase 2 en de regels R1, R9 en R10', en: 'phase 2 and rules R1, R9 and R10' })],
    question: {
      nl: 'Welke signalen zouden voor u de reden zijn om op te schalen? Hoe schrijft u die reden op?',
      en: 'Which signs would be your reason to escalate? How would you write that reason down?',
    },
  },
  {
    id: 'training',
    title: { nl: 'GGP-GO in de opleiding', en: 'GGP-GO in training' },
    lead: {
      nl: 'GGP-GO wordt in 2026 in alle basisteams geleerd en toegevoegd aan de basispolitieopleiding.',
      en: 'GGP-GO is taught in all basic teams in 2026 and added to basic police training.',
    },
    points: [
      {
        text: {
          nl: 'GGP-GO wordt in 2026 in alle basisteams geleerd.',
          en: 'GGP-GO is taught in all basic teams in 2026.',
        },
        basis: 'lovp',
      },
      {
        text: {
          nl: 'GGP-GO wordt toegevoegd aan de basispolitieopleiding.',
          en: 'GGP-GO is added to basic police training.',
        },
        basis: 'lovp',
      },
    ],
    section: { nl: 'domeinbrief §1', en: 'domain brief §1' },
    sources: [LOVP_SOURCE],
  },
  {
    id: 'practise',
    title: { nl: 'Zelf oefenen in Paraat', en: 'Practise it in Paraat' },
    lead: {
      nl: 'Een oefening begint in fase 1, GGP-GO. Probeer als commandant de waterwerper in te zetten: het model weigert, met regel R2.',
      en: 'An exercise starts in phase 1, GGP-GO. Try to deploy the water cannon as the commander: the model refuses, with rule R2.',
    },
    points: [
      {
        text: {
          nl: 'Een oefening begint in fase 1, tenzij het scenario anders zegt (R1).',
          en: 'An exercise starts in phase 1 unless the scenario says otherwise (R1).',
        },
        basis: 'assumption',
      },
      {
        text: {
          nl: 'In fase 1 weigert het model elk ME-middel, ook de waterwerper (R2).',
          en: 'In phase 1 the model refuses every ME means, the water cannon included (R2).',
        },
        basis: 'lovp',
      },
    ],
    section: { nl: 'domeinbrief §3 (R1, R2)', en: 'domain brief §3 (R1, R2)' },
    sources: [LOVP_SOURCE, assumed({ nl: 'de start in fase 1, R1', en: 'the start in phase 1, R1' })],
    question: {
      nl: 'Zet in de console “Model tonen” aan: waar staat de oefening, en welke wegen zijn nog dicht?',
      en: 'Switch on “Show the model” in the console: where is the exercise, and which paths are still closed?',
    },
  },
];
