/**
 * Strings of the scenario picker and of the form's scenario mode: Dutch
 * first, English the same shape. Kept apart from ./messages.ts so the two
 * parts of the start screen can change independently.
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
    required: 'Vul een naam in voor deze rol.',
  },
};

export const en: typeof nl = {
  legend: 'Scenario',
  help: 'A scenario fills in the title, municipality, roles, start time and start phase for you, and brings its injects. You can still change everything afterwards.',
  none: 'Without a scenario',
  noneHelp: 'You fill in everything yourself; the exercise then has no injects.',
  file: 'Own scenario file (JSON)',
  fileInput: 'Scenario file',
  fileHelp: 'A file in the paraat.scenario/1 format. It is read on this device only.',
  fileLoaded: 'Loaded from a file: {{title}}',
  loading: 'Loading the scenario…',
  loaded:
    'Scenario ‘{{title}}’ loaded. Title, municipality, roles, start time and start phase are filled in; you can still change them.',
  cleared: 'No scenario chosen. The roles are back as separate fields.',
  fetchFailed: 'The scenario ‘{{title}}’ could not be loaded ({{problem}}). Try again, or load it as a file.',
  fileErrors: 'The file ‘{{name}}’ is not a usable scenario. Correct in the file:',
  wholeFile: 'The whole file',
  summary: {
    heading: 'About this scenario',
    audience: 'For whom',
    where: 'Where and when',
    whereText: '{{municipality}}, from {{time}}, start phase {{phase}}',
    injects_one: '{{count}} inject over {{minutes}} minutes of exercise time',
    injects_other: '{{count}} injects over {{minutes}} minutes of exercise time',
    decisions_one: '{{count}} of them a decision point',
    decisions_other: '{{count}} of them decision points',
    injectsLabel: 'Injects',
    objectives: 'Learning objectives',
    tolerance: 'Tolerance limits, set by the local triangle (R12)',
    assumptions: 'Assumptions in this scenario',
    assumption: 'assumption',
  },
  cast: {
    help: 'The roles from the scenario. Change the names to whoever plays. Mayors of the municipality above belong to that municipality.',
    otherMunicipality: '{{role}} of {{municipality}}',
    numbered: '{{label}} {{number}}',
    notCompetent:
      'Belongs to {{municipality}}, not to the exercise’s municipality: cannot decide on the water cannon or the tear agent here (R5).',
    required: 'Fill in a name for this role.',
  },
};
