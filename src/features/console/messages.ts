export const nl = {
  back: 'Alle oefeningen',
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
      'Deze oefening is in een ander tabblad gewijzigd. Om elkaar niet te overschrijven slaat dit tabblad niets meer op. Herlaad om verder te gaan.',
    reload: 'Herladen',
    volatile: 'De opslag van deze browser is niet beschikbaar: na herladen is de oefening weg. Exporteer tussendoor.',
  },
  notFound: 'Deze oefening bestaat niet (meer) op dit apparaat.',
  unreadable: 'Deze oefening kon niet worden geopend: {{problem}}',
};
