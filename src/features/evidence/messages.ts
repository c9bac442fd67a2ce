/** The evidence panel: what is known about tear agents in water cannons (BRIEF.md section 6). */
export const nl = {
  open: 'Wat weten we over traanverwekkende stof in de waterwerper?',
  close: 'Bewijs verbergen',
  title: 'Wat bekend is over traanverwekkende stof in waterwerpers',
  intro:
    'De regioburgemeesters vroegen de minister om een analyse van onderzoek en ervaringen in het buitenland. Dit is wat Paraat daarover verzamelde, met bron en zekerheid per punt.',
  where: 'Waar',
  finding: 'Wat bekend is',
  kind: 'Soort bewijs',
  source: 'Bron',
  strength: 'Zekerheid',
  strengthLevel: {
    verified: 'geverifieerd',
    medium: 'gemiddeld',
    absence: 'niets gevonden',
  },
  strengthExplained: {
    verified: 'Gecontroleerd aan de genoemde openbare bron.',
    medium: 'Gecontroleerd, maar de bron of de weergave is niet zeker; met voorzichtigheid gebruiken.',
    absence: 'Gezocht en niet gevonden; dat zegt iets over de kennis, niet over de werking.',
  },
  caveat:
    'Dit is geen beoordeling van de werking of de gezondheidsrisico’s, alleen een overzicht van wat er bekend is. Het besluit blijft van de burgemeester.',
};
