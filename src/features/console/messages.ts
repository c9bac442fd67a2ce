export const nl = {
  back: 'Alle oefeningen',
  more: 'Meer',
  moreLabel: 'Nabespreking, terugkijken, weergave en taal',
  skip: { label: 'Snel naar', to: 'Naar {{panel}}' },
  municipality: 'Gemeente {{municipality}}',
  projector: 'Projectiemodus',
  storage: {
    failed_one:
      'Opslaan is mislukt ({{reason}}). {{count}} regel staat alleen nog in dit venster. Exporteer de oefening om niets te verliezen.',
    failed_other:
      'Opslaan is mislukt ({{reason}}). {{count}} regels staan alleen nog in dit venster. Exporteer de oefening om niets te verliezen.',
    quota: 'opslag vol',
    unavailable: 'opslag niet beschikbaar',
    unknown: 'onbekende fout',
    retry: 'Opnieuw opslaan',
    export: 'Exporteren',
    conflict:
      'Deze oefening is in een ander tabblad gewijzigd. Wat u hier ziet is niet de laatste stand, en om elkaar niet te overschrijven slaat dit tabblad niets meer op. Laad de opgeslagen stand om verder te gaan.',
    conflictUnsaved_one:
      '{{count}} regel staat alleen in dit tabblad en gaat verloren als u de opgeslagen stand laadt: exporteer eerst om die te bewaren.',
    conflictUnsaved_other:
      '{{count}} regels staan alleen in dit tabblad en gaan verloren als u de opgeslagen stand laadt: exporteer eerst om ze te bewaren.',
    reload: 'Opgeslagen stand laden',
    reloaded_one: 'De oefening is opnieuw geladen zoals ze is opgeslagen: fase {{phase}}, {{count}} regel.',
    reloaded_other: 'De oefening is opnieuw geladen zoals ze is opgeslagen: fase {{phase}}, {{count}} regels.',
    volatile: 'De opslag van deze browser is niet beschikbaar: na herladen is de oefening weg. Exporteer tussendoor.',
  },
  notFound: 'Deze oefening bestaat niet (meer) op dit apparaat.',
  unreadable: 'Deze oefening kon niet worden geopend: {{problem}}',
};
