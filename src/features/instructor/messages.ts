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
  sources_one: 'Bron',
  sources_other: 'Bronnen',
  basis: {
    lovp: 'LOVP',
    verified: 'geverifieerd',
    assumption: 'aanname',
  },
  basisExplained: {
    lovp: 'Staat in de LOVP-terugkoppeling van 24 november 2025.',
    verified: 'Gecontroleerd aan een genoemde openbare bron.',
    assumption:
      'Deze uitspraak is een aanname van Paraat, niet uit de bron (de LOVP-terugkoppeling van 24 november 2025) en geen wet of politiedoctrine. Een oefenleider of een latere officiële publicatie kan haar vervangen.',
  },
  end: 'Einde van de instructie.',
};
