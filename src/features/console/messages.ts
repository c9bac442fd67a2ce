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
export const en: typeof nl = {
  back: 'All exercises',
  municipality: 'Municipality of {{municipality}}',
  projector: 'Projector mode',
  storage: {
    failed_one:
      'Saving failed ({{reason}}). {{count}} entry exists only in this window. Export the exercise so nothing is lost.',
    failed_other:
      'Saving failed ({{reason}}). {{count}} entries exist only in this window. Export the exercise so nothing is lost.',
    quota: 'storage full',
    unavailable: 'storage unavailable',
    unknown: 'unknown error',
    retry: 'Save again',
    export: 'Export',
    conflict:
      'This exercise was changed in another tab. So as not to overwrite each other, this tab saves nothing more. Reload to go on.',
    reload: 'Reload',
    volatile: 'This browser’s storage is unavailable: the exercise is gone after a reload. Export now and then.',
  },
  notFound: 'This exercise does not exist (any more) on this device.',
  unreadable: 'This exercise could not be opened: {{problem}}',
};
