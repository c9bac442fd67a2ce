/**
 * Strings of the scenario picker and of the form's scenario mode, in Dutch
 * (English in ./scenarioMessages.en.ts). Kept apart from ./messages.ts so the
 * two parts of the start screen can change independently.
 */
export const nl = {
  legend: 'Scenario',
  help: 'Een scenario vult titel, gemeente, rollen, starttijd en startfase voor u in en brengt de injects mee. U kunt daarna alles nog aanpassen.',
  none: 'Zonder scenario',
  noneHelp: 'U vult alles zelf in; de oefening heeft dan geen injects.',
  file: 'Eigen scenariobestand (JSON)',
  fileInput: 'Scenariobestand',
  fileHelp: 'Een bestand in het formaat paraat.scenario/1. Het wordt alleen op dit apparaat gelezen.',
  fileLoaded: 'Geladen uit een bestand: {{title}}',
  loading: 'Het scenario wordt geladen…',
  loaded:
    'Scenario ‘{{title}}’ geladen. Titel, gemeente, rollen, starttijd en startfase zijn ingevuld; u kunt ze nog aanpassen.',
  cleared: 'Geen scenario gekozen. De rollen staan weer als losse velden klaar.',
  fetchFailed:
    'Het scenario ‘{{title}}’ kon niet worden geladen ({{problem}}). Probeer het opnieuw, of laad het als bestand.',
  fileErrors: 'Het bestand ‘{{name}}’ is geen bruikbaar scenario. Verbeter in het bestand:',
  wholeFile: 'Het hele bestand',
  summary: {
    heading: 'Over dit scenario',
    audience: 'Voor wie',
    where: 'Waar en wanneer',
    whereText: '{{municipality}}, vanaf {{time}}, startfase {{phase}}',
    injects_one: '{{count}} inject over {{minutes}} minuten oefentijd',
    injects_other: '{{count}} injects over {{minutes}} minuten oefentijd',
    decisions_one: 'waarvan {{count}} beslismoment',
    decisions_other: 'waarvan {{count}} beslismomenten',
    injectsLabel: 'Injects',
    objectives: 'Leerdoelen',
    tolerance: 'Tolerantiegrenzen, vastgesteld door de lokale driehoek (R12)',
    assumptions: 'Aannames in dit scenario',
    assumption: 'aanname',
  },
  cast: {
    help: 'De rollen uit het scenario. Pas de namen aan aan wie er meespeelt. Burgemeesters van de gemeente hierboven horen bij die gemeente.',
    otherMunicipality: '{{role}} van {{municipality}}',
    numbered: '{{label}} {{number}}',
    notCompetent:
      'Hoort bij {{municipality}}, niet bij de gemeente van de oefening: kan hier niet besluiten over waterwerper of traanverwekkende stof (R5).',
    /** Under a role's name field: the position the scenario gives it, which stays when the name changes. */
    position: 'In het scenario: {{position}}.',
    required: 'Vul een naam in voor deze rol.',
  },
};
