/** The instructor mode's own words; the walkthrough's content is data (content.ts). */
export const nl = {
  open: 'Instructie GGP-GO',
  openHint: 'Stap voor stap uitleg voor de klas: wat GGP-GO is en wanneer het niet genoeg is.',
  title: 'Instructie: GGP-GO',
  loading: 'Instructie wordt geladen…',
  progress: 'Stap {{step}} van {{total}}',
  steps: 'Stappen',
  previous: 'Vorige',
  next: 'Volgende',
  restart: 'Opnieuw beginnen',
  back: 'Terug naar de start',
  keys: 'Pijltjestoetsen links en rechts bladeren ook.',
  source: 'Bron',
  basis: {
    lovp: 'LOVP',
    verified: 'geverifieerd',
    assumption: 'aanname',
  },
  basisExplained: {
    lovp: 'Staat in de LOVP-terugkoppeling van 24 november 2025.',
    verified: 'Gecontroleerd aan een genoemde openbare bron.',
    assumption: 'Aanname van Paraat, niet uit de bron; een oefenleider of een latere publicatie kan haar vervangen.',
  },
  end: 'Einde van de instructie.',
};

export const en: typeof nl = {
  open: 'GGP-GO walkthrough',
  openHint: 'A step-by-step explanation for a class: what GGP-GO is and when it is not enough.',
  title: 'Walkthrough: GGP-GO',
  loading: 'Loading the walkthrough…',
  progress: 'Step {{step}} of {{total}}',
  steps: 'Steps',
  previous: 'Previous',
  next: 'Next',
  restart: 'Start again',
  back: 'Back to the start',
  keys: 'The left and right arrow keys also turn the steps.',
  source: 'Source',
  basis: {
    lovp: 'LOVP',
    verified: 'verified',
    assumption: 'assumption',
  },
  basisExplained: {
    lovp: 'Stated in the LOVP feedback of 24 November 2025.',
    verified: 'Checked against a named public source.',
    assumption: 'An assumption of Paraat, not from the source; a trainer or a later publication can replace it.',
  },
  end: 'End of the walkthrough.',
};
