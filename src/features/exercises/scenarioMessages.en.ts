/** English, the same shape as the Dutch in ./scenarioMessages.ts; loaded only when English is chosen. */
import type { nl } from './scenarioMessages';

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
    position: 'In the scenario: {{position}}.',
    required: 'Fill in a name for this role.',
  },
};
